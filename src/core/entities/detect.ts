/**
 * Entity detection on the Simplified view of a paragraph, as a pipeline: each candidate
 * source (the lexicon, one rule, the tagger) proposes mentions on its own, and one resolve
 * stage settles overlaps by named priorities (candidates.ts). Every source is linear with
 * bounded look-around.
 */
import { toSimplifiedView } from '../script/normalize';
import { CandidateSink, type CandidateSource, type DetectContext, type EntityMention } from './candidates';
import type { Lexicon } from './lexicon';
import { nerWordDictionary } from './ner';
import { parenthesisedAliases } from './parenthesised';
import { resolveOverlaps } from './resolve';
import { abbreviatedPlaces, lexiconNames } from './sources/known';
import { latinNames } from './sources/latin';
import { suffixedOrganisations } from './sources/orgSuffix';
import { roleNames, speechNames, transliteratedNames } from './sources/people';
import { quotedProducts, titles } from './sources/quoted';
import { taggerNames } from './sources/tagger';
import { facilitiesAfterPlaces } from './sources/facilities';

export type { EntityMention, EntitySource } from './candidates';
export { resolveArticleLevel } from './resolve';

/** The sources that need no model. */
export const RULE_SOURCES: readonly CandidateSource[] = [lexiconNames, titles, quotedProducts, roleNames, speechNames, transliteratedNames, suffixedOrganisations, latinNames];
/** The sources that read the tagger's model or its word dictionary. */
export const MODEL_SOURCES: readonly CandidateSource[] = [abbreviatedPlaces, taggerNames];

export interface DetectEntityOptions {
  /** Simplified view of `text`, if the caller has it already. */
  simplified?: string;
  /** Whether to run the learned tagger (default true; it loads its model on first use). */
  model?: boolean;
}

/** All entity mentions in `text` (a paragraph or an article), overlaps resolved. */
export function detectEntities(text: string, lexicon: Lexicon, options: DetectEntityOptions = {}): EntityMention[] {
  const norm = options.simplified ?? toSimplifiedView(text).text;
  const model = options.model !== false;
  const ctx: DetectContext = { text, norm, form: norm.toLowerCase(), lexicon, words: model ? nerWordDictionary() : undefined };
  const sink = new CandidateSink(ctx);
  for (const source of RULE_SOURCES) source(ctx, sink);
  if (model) for (const source of MODEL_SOURCES) source(ctx, sink);
  facilitiesAfterPlaces(ctx, sink);
  const mentions = resolveOverlaps(sink.all);
  const aliases = parenthesisedAliases(norm, text, mentions);
  return aliases.length ? [...mentions, ...aliases].sort((a, b) => a.start - b.start) : mentions;
}
