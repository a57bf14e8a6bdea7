/**
 * Entity detection on the Simplified view of a paragraph, as a pipeline: each candidate
 * source (the lexicon, one rule, the tagger) proposes mentions on its own, and one resolve
 * stage settles overlaps by named priorities (candidates.ts). Every source is linear with
 * bounded look-around.
 */
import { toSimplifiedView } from '../script/normalize';
import { CandidateSink, LINK_UNITS, type CandidateSource, type DetectContext, type EntityMention } from './candidates';
import type { Lexicon } from './lexicon';
import { lowerCase } from './lowerCase';
import { nerWordDictionary } from './ner';
import { parenthesisedAliases } from './parenthesised';
import { resolveOverlaps } from './resolve';
import { abbreviatedPlaces, lexiconNames } from './sources/known';
import { LATIN_UNITS, latinNames } from './sources/latin';
import { SUFFIX_UNITS, suffixedOrganisations } from './sources/orgSuffix';
import { MIDDLE_DOT_UNITS, ROLE_UNITS, SURNAME_UNITS, roleNames, speechNames, transliteratedNames } from './sources/people';
import { ABBREVIATION_UNITS } from './abbreviations';
import { MarkLists, StartMarker, unionOf } from './unitStarts';
import { QUOTE_UNITS, quotedProducts, titles } from './sources/quoted';
import { taggerNames } from './sources/tagger';
import { facilitiesAfterPlaces } from './sources/facilities';

export type { EntityMention, EntitySource } from './candidates';
export { resolveArticleLevel } from './resolve';

/** The sources that need no model. */
export const RULE_SOURCES: readonly CandidateSource[] = [lexiconNames, titles, quotedProducts, roleNames, speechNames, transliteratedNames, suffixedOrganisations, latinNames];
/** The sources that read the tagger's model or its word dictionary. */
export const MODEL_SOURCES: readonly CandidateSource[] = [abbreviatedPlaces, taggerNames];

/** Where the rule sources may start (unitStarts.ts), the lexicon's names with them. */
export const RULE_STARTS = new StartMarker(unionOf(ROLE_UNITS, SURNAME_UNITS, SUFFIX_UNITS, LATIN_UNITS, ABBREVIATION_UNITS, QUOTE_UNITS, MIDDLE_DOT_UNITS, LINK_UNITS));

/**
 * The lists of a batch's marks, kept from one batch to the next up to a size (a batch never
 * re-enters, and its marks are read only while it runs): not six arrays outside the heap
 * allocated for every analysis.
 */
const marks = new MarkLists();
const KEPT_MARKS = 1 << 16;

export interface DetectEntityOptions {
  /** Simplified view of `text`, if the caller has it already. */
  simplified?: string;
  /** Whether to run the learned tagger (default true; it loads its model on first use). */
  model?: boolean;
}

/** All entity mentions in `text` (a paragraph or an article), overlaps resolved. */
export function detectEntities(text: string, lexicon: Lexicon, options: DetectEntityOptions = {}): EntityMention[] {
  return detectEntitiesBatch([text], lexicon, options.simplified === undefined ? undefined : [options.simplified], options.model)[0]!;
}

/**
 * The mentions of each of `texts`, as detectEntities would find them one by one, but each
 * source runs over every text before the next source starts: a source's code and tables (the
 * tagger's are megabytes) stay in the processor's caches from one text to the next.
 * `simplified[i]` is the Simplified view of `texts[i]`, if the caller has it already, and
 * `forms[i]` that view in lower case (lowerCase(simplified[i])), if it has that too.
 */
export function detectEntitiesBatch(texts: readonly string[], lexicon: Lexicon, simplified?: readonly string[], model = true, forms?: readonly string[]): EntityMention[][] {
  const n = texts.length;
  if (n === 0) return [];
  const words = model !== false ? nerWordDictionary() : undefined;
  const contexts: DetectContext[] = new Array(n);
  const sinks: CandidateSink[] = new Array(n);
  // where each rule source may start, marked for all of them in one pass per text (unitStarts.ts), into one set of lists for the batch
  marks.reset(KEPT_MARKS);
  for (let i = 0; i < n; i++) {
    const text = texts[i]!;
    const norm = simplified?.[i] ?? toSimplifiedView(text).text;
    const form = forms?.[i] ?? lowerCase(norm);
    const starts = RULE_STARTS.mark(norm, form, lexicon, marks);
    sinks[i] = new CandidateSink((contexts[i] = { text, norm, form, lexicon, words, starts }));
  }
  for (const source of RULE_SOURCES) for (let i = 0; i < n; i++) source(contexts[i]!, sinks[i]!);
  if (model !== false) for (const source of MODEL_SOURCES) for (let i = 0; i < n; i++) source(contexts[i]!, sinks[i]!);
  // (reads the places the other sources proposed)
  for (let i = 0; i < n; i++) facilitiesAfterPlaces(contexts[i]!, sinks[i]!);
  const found: EntityMention[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const { norm, text } = contexts[i]!;
    const mentions = resolveOverlaps(sinks[i]!.all);
    const aliases = parenthesisedAliases(norm, text, mentions);
    found[i] = aliases.length ? [...mentions, ...aliases].sort((a, b) => a.start - b.start) : mentions;
  }
  return found;
}
