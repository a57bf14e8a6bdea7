import { splitParagraphs, type Paragraph, type ParagraphKind } from '../text/paragraphs';
import { detectFigures } from '../figures/detect';
import type { Figure } from '../figures/types';
import { findDateline, parseArticleDate, resolveRelativeDates } from '../figures/relativeDates';
import { detectEntities, resolveArticleLevel, type EntityMention } from '../entities/detect';
import { builtinLexicon, type Lexicon } from '../entities/lexicon';
import { learnedNames, repeatedMentions, type LearnedNames } from '../entities/repeats';
import { detectClaims, type Claim } from '../claims/detect';
import { DEFAULT_MIN_CHECK_WORTHINESS } from '../claims/score';
import { withoutRepeats } from '../claims/select';
import { toSimplifiedView } from '../script/normalize';

export interface ParagraphFindings {
  paragraph: Paragraph;
  figures: Figure[];
  entities: EntityMention[];
  claims: Claim[];
}

export interface Analysis {
  text: string;
  paragraphs: ParagraphFindings[];
  figures: Figure[];
  entities: EntityMention[];
  claims: Claim[];
}

/** Paragraph kinds whose content is scraping noise, never findings. */
const NOISE: ReadonlySet<ParagraphKind> = new Set(['credit', 'tagcloud', 'navigation']);

type Relative = { figures: Figure[]; entities: EntityMention[]; claims: Claim[]; simplified: string };

/**
 * Analyses articles paragraph by paragraph and remembers each paragraph's findings by its
 * text, so that typing in one paragraph re-analyses only that one. The memory is bounded.
 */
export class Analyzer {
  private cache = new Map<string, Relative>();
  private repeats = new WeakMap<Relative, { names: LearnedNames; kept: number; repeats: EntityMention[] }>();
  private lastNames: LearnedNames | undefined;
  /** How many paragraphs were analysed afresh (not served from the cache); for tests and benchmarks. */
  freshParagraphs = 0;

  private lexicon: Lexicon;

  /**
   * Claims scoring below this are neither marked nor queued (`gloss.claims.minCheckWorthiness`).
   * Changing it needs no re-analysis: every candidate is scored and kept in the paragraph cache.
   */
  minCheckWorthiness = DEFAULT_MIN_CHECK_WORTHINESS;

  /**
   * `options.entities: false` finds no entities (their dictionaries take seconds to load):
   * for callers that need only figures, claims and the claims' arithmetic checks, which do
   * not depend on entities (`gloss check` in a pre-commit hook).
   */
  constructor(lexicon?: Lexicon, private readonly maxEntries = 20_000, private readonly options: { entities?: boolean } = {}) {
    this.lexicon = lexicon ?? builtinLexicon();
  }

  /** A new lexicon (the workspace lexicon changed): every paragraph is analysed afresh. */
  setLexicon(lexicon: Lexicon): void {
    this.lexicon = lexicon;
    this.cache.clear();
  }

  get currentLexicon(): Lexicon {
    return this.lexicon;
  }

  /**
   * `date` is the article's date from its sidecar (YYYY-MM-DD); without it, the dateline in
   * the article's header dates its relative dates (去年8月), if it has one.
   */
  analyze(text: string, options: { date?: string } = {}): Analysis {
    const relatives: Relative[] = [];
    const paragraphs = splitParagraphs(text).map((paragraph) => {
      const rel = this.findingsFor(paragraph);
      relatives.push(rel);
      const shift = <T extends { start: number; end: number; numeralEnd?: number }>(f: T): T => {
        const out = { ...f, start: f.start + paragraph.start, end: f.end + paragraph.start };
        if (f.numeralEnd !== undefined) out.numeralEnd = f.numeralEnd + paragraph.start;
        return out;
      };
      const claims = rel.claims.map((c) => ({
        ...shift(c),
        figures: c.figures.map(shift),
        entities: c.entities.map(shift),
        checks: c.checks.map((k) => ({ ...k, stated: shift(k.stated), from: k.from.map(shift) })),
      }));
      return { paragraph, figures: rel.figures.map(shift), entities: rel.entities.map(shift), claims };
    });
    // a sentence the article repeats word for word is checked once; below the threshold, not at all
    const kept = new Set(withoutRepeats(paragraphs.flatMap((p) => p.claims)));
    for (const p of paragraphs) p.claims = p.claims.filter((c) => kept.has(c) && c.score >= this.minCheckWorthiness);
    // short forms and weakly found names are decided over the whole article
    const keptEntities = new Set(resolveArticleLevel(paragraphs.flatMap((p) => p.entities)));
    for (const p of paragraphs) p.entities = p.entities.filter((e) => keptEntities.has(e));
    // and a name found once is found wherever else the article writes it
    const names = this.options.entities === false ? undefined : learnedNames(paragraphs.flatMap((p) => p.entities), this.lastNames);
    this.lastNames = names;
    if (names) {
      for (const [k, p] of paragraphs.entries()) {
        if (NOISE.has(p.paragraph.kind)) continue;
        const at = p.paragraph.start;
        const repeats = this.repeatsFor(relatives[k]!, p, names);
        if (repeats.length) p.entities = [...p.entities, ...repeats.map((e) => ({ ...e, start: e.start + at, end: e.end + at }))].sort((a, b) => a.start - b.start);
      }
    }
    datePeriods(paragraphs, (options.date !== undefined ? parseArticleDate(options.date, 'sidecar') : undefined) ?? findDateline(text));
    return {
      text,
      paragraphs,
      figures: paragraphs.flatMap((p) => p.figures),
      entities: paragraphs.flatMap((p) => p.entities),
      claims: paragraphs.flatMap((p) => p.claims),
    };
  }

  /** Repeats of the learned names in one paragraph, remembered while the names stay the same. */
  private repeatsFor(rel: Relative, findings: ParagraphFindings, names: LearnedNames): EntityMention[] {
    const known = this.repeats.get(rel);
    // the paragraph's own findings can differ only by what the article level removed
    const kept = findings.entities.length;
    if (known && known.names === names && known.kept === kept) return known.repeats;
    const at = findings.paragraph.start;
    const relative = findings.entities.map((e) => ({ ...e, start: e.start - at, end: e.end - at }));
    const repeats = repeatedMentions(findings.paragraph.text, rel.simplified, names.lexicon, relative);
    this.repeats.set(rel, { names, kept, repeats });
    return repeats;
  }

  private findingsFor(paragraph: Paragraph): Relative {
    const key = `${paragraph.kind}\u0000${paragraph.text}`;
    const hit = this.cache.get(key);
    if (hit) {
      // refresh its place in the insertion order, for a simple LRU
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit;
    }
    this.freshParagraphs++;
    let rel: Relative;
    if (NOISE.has(paragraph.kind)) rel = { figures: [], entities: [], claims: [], simplified: paragraph.text };
    else {
      const figures = detectFigures(paragraph.text);
      // one Simplified view per paragraph, shared by the entity and claim detectors
      const simplified = toSimplifiedView(paragraph.text).text;
      const entities = this.options.entities === false ? [] : detectEntities(paragraph.text, this.lexicon, { simplified });
      // headings and repeated paragraphs carry findings but no claims of their own
      const claims = paragraph.kind === 'body' ? detectClaims({ text: paragraph.text, simplified, figures, entities, lexicon: this.lexicon }) : [];
      rel = { figures, entities, claims, simplified };
    }
    this.cache.set(key, rel);
    if (this.cache.size > this.maxEntries) this.cache.delete(this.cache.keys().next().value!);
    return rel;
  }
}

/** Resolves the relative dates of an article (去年8月) in place, in its figures and in its claims' figures. */
function datePeriods(paragraphs: ParagraphFindings[], date: ReturnType<typeof findDateline>): void {
  if (!paragraphs.some((p) => p.figures.some((f) => f.relative))) return;
  const resolved = resolveRelativeDates(paragraphs.flatMap((p) => p.figures), date);
  const byStart = new Map(resolved.filter((f) => f.relative).map((f) => [f.start, f]));
  const swap = (f: Figure) => (f.relative ? byStart.get(f.start) ?? f : f);
  for (const p of paragraphs) {
    p.figures = p.figures.map(swap);
    for (const c of p.claims) c.figures = c.figures.map(swap);
  }
}
