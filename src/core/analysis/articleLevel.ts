/**
 * The article-level decisions of the analysis (which short forms and weakly found names stay,
 * the learned names, relative dates), kept incremental: each paragraph's part is worked out
 * once per paragraph text, and the article's totals are updated by the paragraphs that came
 * and went, so an edit costs what it changes plus a walk over the paragraph list.
 */
import type { EntityMention } from '../entities/detect';
import type { Figure } from '../figures/types';
import type { Claim } from '../claims/detect';
import { isLearnable } from '../entities/repeats';
import { nerWordDictionary } from '../entities/ner';
import { resolveRelativeDatesAfter, type ArticleDate } from '../figures/relativeDates';

/** One paragraph's findings in its own offsets, and what the article level needs from them. */
export interface Relative {
  /**
   * Where its findings are: the article offset of the paragraph whose analysis made them
   * (placeFindings). An article that places the paragraph there takes them as they are (when
   * nothing will move them, placed.ts); elsewhere they are copied, moved by the difference.
   */
  base: number;
  figures: Figure[];
  entities: EntityMention[];
  claims: Claim[];
  /**
   * The paragraph's Simplified view in lower case, the form the learned names are matched in
   * (made once, for the entity stage: it was made again for the repeats of every analysis).
   * Without entities (or in a noise paragraph) nothing reads it: the text stands in for it.
   */
  form: string;
  /** Whether some mention is short or weak (and so depends on the rest of the article). */
  conditional: boolean;
  /** Mentions whose names are spread to the article's other paragraphs (isLearnable), in order. */
  learnable: EntityMention[];
  /** Whitespace-free claim texts, to drop a claim the article repeats. */
  claimKeys: string[];
  /** Whether a figure is a relative date (去年8月), resolved against the article. */
  relative: boolean;
  /** The year named last in the paragraph, for the relative dates after it. */
  lastYear: number | undefined;
}

export interface EntityTally {
  all: number;
  full: number;
  strong: number;
}

export function describeRelative(figures: Figure[], entities: EntityMention[], claims: Claim[], form: string, learnable: boolean): Relative {
  // (no tally per entity here: the article's totals read the mentions themselves, and a map
  // per paragraph, built on every fresh analysis, was a tenth of what the Analyzer did around the stages)
  let conditional = false;
  for (let k = 0; k < entities.length && !conditional; k++) if (entities[k]!.short || entities[k]!.weak) conditional = true;
  // (loops, no closure per paragraph: this runs for every paragraph of a fresh article)
  let lastYear: number | undefined;
  let relative = false;
  for (let k = 0; k < figures.length; k++) {
    const f = figures[k]!;
    if (f.relative) relative = true;
    else if (f.type === 'date' && f.period) {
      const y = yearOf(f.period);
      if (y !== undefined) lastYear = y;
    }
  }
  const claimKeys: string[] = new Array(claims.length);
  for (let k = 0; k < claims.length; k++) claimKeys[k] = repeatKey(claims[k]!.text);
  return {
    base: 0,
    figures,
    entities,
    claims,
    form,
    conditional,
    learnable: learnable ? learnableOf(entities) : [],
    claimKeys,
    relative,
    lastYear,
  };
}

/** The mentions worth repeating (isLearnable), the word dictionary read once per paragraph. */
function learnableOf(entities: readonly EntityMention[]): EntityMention[] {
  const out: EntityMention[] = [];
  if (entities.length === 0) return out;
  const words = nerWordDictionary();
  for (let k = 0; k < entities.length; k++) if (isLearnable(entities[k]!, words)) out.push(entities[k]!);
  return out;
}

/** The year a period begins with, as /^(?:FY)?(\d{4})/ reads it (by hand: a match per date figure was an array and a string). */
export function yearOf(period: string): number | undefined {
  const from = period.charCodeAt(0) === 0x46 && period.charCodeAt(1) === 0x59 ? 2 : 0;
  let year = 0;
  for (let k = from; k < from + 4; k++) {
    const c = period.charCodeAt(k);
    if (!(c >= 0x30 && c <= 0x39)) return undefined;
    year = year * 10 + (c - 0x30);
  }
  return year;
}

/** Whitespace-free form of a claim's text, to find sentences an article repeats (as claims/select.ts withoutRepeats). */
export function repeatKey(s: string): string {
  // most claims hold no space: a search (native, a few instructions a unit, where a loop of
  // charCodeAt over a claim's slice of its paragraph cost some fifty) finds none and copies nothing
  return HAS_SPACE.test(s) ? s.replace(SPACE_RUNS, '') : s;
}
const SPACE_RUNS = /[\s\u00a0\u3000]+/gu;
/** SPACE_RUNS' class (by UTF-16 unit: every unit of it is in the BMP), not global: test keeps no lastIndex. */
const HAS_SPACE = /[\s\u00a0\u3000]/;

/**
 * The article's entity totals (resolveArticleLevel's counts), kept up to date from the
 * paragraphs that came and went since the last analysis.
 */
export class EntityTotals {
  private readonly totals = new Map<string, EntityTally>();

  clear(): void {
    this.totals.clear();
  }

  /**
   * A paragraph's findings that came (1) or left the article (-1), mention by mention: a
   * paragraph's mentions of one entity count as their sum did (a paragraph that leaves took
   * its mentions into the totals when it came, so no total reaches 0 before its last one).
   */
  add(r: Relative, times: number): void {
    const { entities } = r;
    for (let k = 0; k < entities.length; k++) {
      const m = entities[k]!;
      const id = m.entityId;
      let total = this.totals.get(id);
      if (total === undefined) this.totals.set(id, (total = { all: 0, full: 0, strong: 0 }));
      total.all += times;
      if (!m.short) {
        total.full += times;
        if (!m.weak) total.strong += times;
      }
      if (total.all === 0) this.totals.delete(id);
    }
  }

  /** What `keeps` reads of an entity's totals, as one number: where it is unchanged, so is every decision on the entity. */
  state(id: string): number {
    const t = this.totals.get(id);
    if (!t) return 0;
    return 1 | (t.full > 0 ? 2 : 0) | (t.strong > 0 ? 4 : 0) | (t.all >= 2 ? 8 : 0);
  }

  /**
   * Short forms (晚点) stay only where the entity is also named in full, and weakly found
   * names only where they occur at least twice or once with a cue (as resolveArticleLevel).
   */
  keeps(m: EntityMention): boolean {
    const t = this.totals.get(m.entityId);
    if (!t) return false;
    return (!m.short || t.full > 0) && (!m.weak || t.strong > 0 || t.all >= 2);
  }
}

/** A paragraph's figures and claims with its relative dates resolved, given the year named last before it. */
export interface DatedParagraph {
  figures: Figure[];
  claims: Claim[];
  lastYear: number | undefined;
}

export function dateParagraph(figures: Figure[], claims: Claim[], date: ArticleDate | undefined, yearBefore: number | undefined): DatedParagraph {
  const resolved = resolveRelativeDatesAfter(figures, date, yearBefore);
  const byStart = new Map(resolved.figures.filter((f) => f.relative).map((f) => [f.start, f]));
  const swap = (f: Figure) => (f.relative ? byStart.get(f.start) ?? f : f);
  // new claim objects where a figure changed: the cached ones are shared with earlier analyses
  const dated = claims.map((c) => (c.figures.some((f) => f.relative) ? { ...c, figures: c.figures.map(swap) } : c));
  return { figures: figures.map(swap), claims: dated, lastYear: resolved.lastYear };
}
