/**
 * A paragraph's findings in article offsets (copies of the cached ones, owned by one article),
 * and their moving in place when an edit before them changes their offsets.
 */
import type { Figure } from '../figures/types';
import { copyFigure } from '../figures/build';
import type { ArticleDate } from '../figures/relativeDates';
import type { EntityMention } from '../entities/detect';
import type { LearnedNames } from '../entities/repeats';
import type { Claim } from '../claims/detect';
import type { ArithmeticCheck } from '../claims/arithmetic';
import type { DatedParagraph, Relative } from './articleLevel';

/**
 * One paragraph's findings in article offsets, before the article-level decisions, and those
 * decisions remembered until an edit elsewhere can change them. Owned by one article: it is
 * moved in place when an edit before it changes its offsets.
 */
export interface Placed {
  /** Where its findings are (the paragraph's start in the version they were last read in: movedOnRead). */
  start: number;
  /** Its place in the article's paragraph list (set on every analysis). */
  index: number;
  /**
   * Whether a claim key of it was ever held by another paragraph too, or by it twice, since it
   * was placed (ClaimKeys): where not, none of its claims repeats one (never unset: a hint).
   */
  shares: boolean;
  rel: Relative;
  figures: Figure[];
  entities: EntityMention[];
  claims: Claim[];
  /** The copies its claims hold that are in none of the lists above (moved with them). */
  extra: Shiftable[];
  /** Its claims at or above the threshold, a repeated sentence once; stale when a repeat it holds came or went. */
  marked?: { min: number; claims: Claim[]; stale: boolean };
  /** Its entities that the article's totals keep (short forms, weak names); stale when a total they read changed. */
  kept?: { entities: EntityMention[]; stale: boolean };
  /** Its kept entities with the repeats of the learned names (`own`: the repeats, in article offsets, moved with it). */
  repeats?: { names: LearnedNames; kept: EntityMention[]; own: EntityMention[]; entities: EntityMention[] };
  /**
   * What the walk of analyze() gave it last (kept entities with the repeats, marked claims), for a
   * paragraph without relative dates: reused while the names and the threshold stay, dropped when
   * one of its decisions goes stale (kept in an article with a document key only).
   */
  out?: { names: LearnedNames | undefined; min: number; entities: EntityMention[]; claims: Claim[]; lastYear: number | undefined };
  /** Its relative dates resolved, given the year named before it. */
  dated?: { date: ArticleDate | undefined; yearBefore: number | undefined; claims: Claim[]; dated: DatedParagraph };
}

export type Shiftable = { start: number; end: number; numeralEnd?: number };

/**
 * Moves a paragraph's freshly made findings (nothing else holds them yet) from the paragraph's
 * offsets to the article's, in place, where the paragraph is (`base`): an article that places
 * the paragraph there and never moves its findings takes them as they are (placedAsIs), with
 * no copy (the copies were the largest part of what the Analyzer's own work allocated on a
 * fresh article). Moves what placedAt moves: the lists, each claim, and the figures and
 * mentions a claim (or its checks) holds that are in no list, each object once.
 */
export function placeFindings(rel: Relative, base: number): void {
  rel.base = base;
  if (base === 0) return;
  moveFigures(rel.figures, base);
  moveSpans(rel.entities, base);
  // (a claim's figure or mention outside the lists is rare: 12 of 1,100 on the 20k article)
  const extra: Shiftable[] = [];
  for (const c of rel.claims) {
    c.start += base;
    c.end += base;
    for (const k of c.checks) {
      moveOther(k.stated, rel.figures, extra, base);
      for (const f of k.from) moveOther(f, rel.figures, extra, base);
    }
    for (const f of c.figures) moveOther(f, rel.figures, extra, base);
    for (const e of c.entities) moveOther(e, rel.entities, extra, base);
  }
}

function moveOther(x: Shiftable, list: readonly Shiftable[], extra: Shiftable[], base: number): void {
  if (list.indexOf(x) >= 0 || extra.indexOf(x) >= 0) return;
  extra.push(x);
  move(x, base);
}

/**
 * A paragraph's findings where its analysis put them (placeFindings), taken as they are: only
 * for an article that never moves them (no document key: the objects are the paragraph cache's,
 * and may be another such analysis's too, never changed by either).
 */
export function placedAsIs(rel: Relative): Placed {
  return { start: rel.base, index: -1, shares: false, rel, figures: rel.figures, entities: rel.entities, claims: rel.claims, extra: NO_EXTRA };
}
const NO_EXTRA: Shiftable[] = [];

/**
 * A paragraph's findings moved to article offsets: copies, each object its own. A claim's
 * figures and entities (and its checks' figures) are the paragraph's own copies where the
 * detectors shared them, so that each object is moved once (moved); `extra` holds the copies
 * that belong to no paragraph list. One copying function per kind of finding, so that each
 * spread site sees few object shapes (one shared site for all kinds went megamorphic and
 * copied at half the speed); a copy keeps its original's key order, and a figure's copy the
 * figures' one shape (copyFigure). The cached findings are at `rel.base` (placeFindings).
 */
export function placedAt(rel: Relative, start: number): Placed {
  const delta = start - rel.base;
  const figures = figuresAt(rel.figures, delta);
  const entities = entitiesAt(rel.entities, delta);
  const extra: Shiftable[] = [];
  const figure = (f: Figure): Figure => {
    const i = rel.figures.indexOf(f);
    if (i >= 0) return figures[i]!;
    const copy = copyFigure(f, delta);
    extra.push(copy);
    return copy;
  };
  const claims: Claim[] = new Array(rel.claims.length);
  for (let i = 0; i < claims.length; i++) {
    const c = rel.claims[i]!;
    const checks: ArithmeticCheck[] = new Array(c.checks.length);
    for (let j = 0; j < checks.length; j++) {
      const k = c.checks[j]!;
      checks[j] = { ...k, stated: figure(k.stated), from: k.from.map(figure) };
    }
    const claimFigures: Figure[] = new Array(c.figures.length);
    for (let j = 0; j < claimFigures.length; j++) claimFigures[j] = figure(c.figures[j]!);
    const claimEntities: EntityMention[] = new Array(c.entities.length);
    for (let j = 0; j < claimEntities.length; j++) {
      const e = c.entities[j]!;
      const at = rel.entities.indexOf(e);
      if (at >= 0) claimEntities[j] = entities[at]!;
      else {
        const copy = { ...e, start: e.start + delta, end: e.end + delta };
        extra.push(copy);
        claimEntities[j] = copy;
      }
    }
    claims[i] = { ...c, start: c.start + delta, end: c.end + delta, figures: claimFigures, entities: claimEntities, checks };
  }
  return { start, index: -1, shares: false, rel, figures, entities, claims, extra };
}

/**
 * The paragraph's own (cached) mentions of its kept ones, no copies, at `at.rel.base`: `kept` is
 * its placed entities or a filter of them, and placedAt made those one to one from the cached ones.
 */
export function relativeOf(at: Placed, kept: readonly EntityMention[]): EntityMention[] {
  const own = at.rel.entities;
  if (kept === at.entities) return own;
  const out: EntityMention[] = [];
  for (let j = 0, i = 0; j < at.entities.length && i < kept.length; j++) {
    if (at.entities[j] !== kept[i]) continue;
    out.push(own[j]!);
    i++;
  }
  return out;
}

function figuresAt(list: readonly Figure[], start: number): Figure[] {
  const out: Figure[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) out[i] = copyFigure(list[i]!, start);
  return out;
}

function entitiesAt(list: readonly EntityMention[], start: number): EntityMention[] {
  const out: EntityMention[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const e = list[i]!;
    out[i] = { ...e, start: e.start + start, end: e.end + start };
  }
  return out;
}

/**
 * Moves placed findings by `delta`, in place, with the objects its remembered decisions made
 * (the repeats of learned names, the resolved relative dates and the claims that carry them):
 * placedAt and those decisions made every object once (a claim's figures and entities are the
 * paragraph's own, or in `extra`), so each moves once.
 */
export function moved(p: Placed, delta: number): Placed {
  if (delta === 0) return p;
  p.start += delta;
  moveFigures(p.figures, delta);
  moveSpans(p.entities, delta);
  // (a claim's figures and entities are the paragraph's, or in `extra`: placedAt)
  moveClaims(p.claims, delta);
  moveAll(p.extra, delta);
  if (p.repeats) moveSpans(p.repeats.own, delta);
  if (p.dated) {
    const { dated, claims } = p.dated;
    // dateParagraph maps figures and claims one to one, new objects only where a date was resolved
    for (let i = 0; i < dated.figures.length; i++) if (dated.figures[i] !== p.figures[i]) move(dated.figures[i]!, delta);
    for (let i = 0; i < dated.claims.length; i++) if (dated.claims[i] !== claims[i]) move(dated.claims[i]!, delta);
  }
  return p;
}

function move(f: Shiftable, delta: number): void {
  f.start += delta;
  f.end += delta;
  if (f.numeralEnd !== undefined) f.numeralEnd += delta;
}

function moveAll(list: readonly Shiftable[], delta: number): void {
  for (let i = 0; i < list.length; i++) move(list[i]!, delta);
}

// One loop per kind of finding, each its own property accesses: one shared loop saw every shape
// of figure, mention and claim, went megamorphic, and moved the findings at 0.6× the speed
// (half a megabyte article's: 1.39 → 0.81 ms apart, .bench/movebench.mjs). Only figures have a numeralEnd.
function moveFigures(list: readonly Figure[], delta: number): void {
  for (let i = 0; i < list.length; i++) {
    const f = list[i]!;
    f.start += delta;
    f.end += delta;
    if (f.numeralEnd !== undefined) f.numeralEnd += delta;
  }
}

function moveSpans(list: readonly EntityMention[], delta: number): void {
  for (let i = 0; i < list.length; i++) {
    const e = list[i]!;
    e.start += delta;
    e.end += delta;
  }
}

function moveClaims(list: readonly Claim[], delta: number): void {
  for (let i = 0; i < list.length; i++) {
    const c = list[i]!;
    c.start += delta;
    c.end += delta;
  }
}
