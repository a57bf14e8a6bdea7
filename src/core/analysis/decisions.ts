/**
 * A paragraph's part of the article-level decisions (its marked claims, its kept entities, the
 * repeats of the learned names, its relative dates), each remembered on its placed findings
 * until an edit elsewhere can change it.
 */
import type { Figure } from '../figures/types';
import type { ArticleDate } from '../figures/relativeDates';
import type { EntityMention } from '../entities/detect';
import { repeatedMentions, type LearnedNames } from '../entities/repeats';
import type { Claim } from '../claims/detect';
import { dateParagraph, type DatedParagraph, type Relative } from './articleLevel';
import type { ArticleState } from './articleState';
import { relativeOf, type Placed } from './placed';

/**
 * The repeats of the learned names in each cached paragraph, by the names and which of its own
 * (cached) mentions were kept: a count would not do, as one weak name can be dropped by the
 * same edit that keeps another.
 */
export type RepeatMemos = WeakMap<Relative, { names: LearnedNames; kept: readonly EntityMention[]; repeats: EntityMention[] }>;

/**
 * A paragraph's claims at or above the threshold (or stating arithmetic that fails or is
 * unclear), a sentence the article repeats word for word only where it is first written.
 */
export function markedClaims(article: ArticleState, at: Placed, min: number): Claim[] {
  const memo = at.marked;
  if (memo && !memo.stale && memo.min === min) return memo.claims;
  const keys = at.rel.claimKeys;
  let claims: Claim[];
  // only a sentence written more than once in the article can be a repeat (`shares`: no key of
  // the paragraph was ever written elsewhere, or twice in it; nearly all, and no look-up then)
  if (!at.shares || !anyRepeated(article, keys)) claims = at.claims.filter((c) => isMarked(c, min));
  else {
    const here = new Set<string>();
    claims = at.claims.filter((c, i) => {
      const key = keys[i]!;
      if (!article.claimKeys.repeated(key)) return isMarked(c, min);
      const repeat = here.has(key) || article.claimKeys.anyBefore(key, at.index);
      here.add(key);
      return !repeat && isMarked(c, min);
    });
  }
  // the same claims keep their array, so that what is memoised on it stays valid
  if (memo && sameItems(memo.claims, claims)) claims = memo.claims;
  // (the decisions are remembered for the next version: an article without a document has none)
  if (article.incremental) at.marked = { min, claims, stale: false };
  return claims;
}

function anyRepeated(article: ArticleState, keys: readonly string[]): boolean {
  for (let i = 0; i < keys.length; i++) if (article.claimKeys.repeated(keys[i]!)) return true;
  return false;
}

/** At or above the threshold, or stating arithmetic that fails or is unclear (the review queue asks about every such check). */
function isMarked(c: Claim, min: number): boolean {
  return c.score >= min || c.checks.some((k) => k.verdict !== 'holds');
}

/** Short forms and weakly found names are decided over the whole article. */
export function keptEntities(article: ArticleState, at: Placed): EntityMention[] {
  if (!at.rel.conditional) return at.entities;
  const memo = at.kept;
  if (memo && !memo.stale) return memo.entities;
  let entities = at.entities.filter((e) => article.totals.keeps(e));
  if (memo && sameItems(memo.entities, entities)) entities = memo.entities;
  if (article.incremental) at.kept = { entities, stale: false };
  return entities;
}

/**
 * A paragraph's entities with the repeats of the learned names, remembered while the names and
 * its kept entities stay the same (`remember`: for the article's next version).
 */
export function repeatsFor(memos: RepeatMemos, at: Placed, text: string, kept: EntityMention[], names: LearnedNames, remember: boolean): EntityMention[] {
  const memo = at.repeats;
  if (memo && memo.names === names && memo.kept === kept) return memo.entities;
  const rel = at.rel;
  // (an article without a document has names of its own, made for this analysis alone: no memo of
  // another analysis can hold them, and one made here would serve no other; a weak map's entries
  // cost the collector too)
  const known = remember ? memos.get(rel) : undefined;
  // (the kept mentions as the cached ones, shared by every placing of the paragraph: which ones, not how many)
  const own = relativeOf(at, kept);
  let repeats: EntityMention[];
  if (known && known.names === names && sameItems(known.kept, own)) repeats = known.repeats;
  else {
    repeats = repeatedMentions(text, rel.form, names.lexicon, own, rel.base);
    if (remember) memos.set(rel, { names, kept: own, repeats });
  }
  // (most paragraphs repeat no name)
  if (repeats.length === 0) {
    if (remember) at.repeats = { names, kept, own: NO_REPEATS, entities: kept };
    return kept;
  }
  const placedRepeats = repeats.map((e) => ({ ...e, start: e.start + at.start, end: e.end + at.start }));
  const entities = [...kept, ...placedRepeats].sort((a, b) => a.start - b.start);
  if (remember) at.repeats = { names, kept, own: placedRepeats, entities };
  return entities;
}

const NO_REPEATS: EntityMention[] = [];

export function datedFor(at: Placed, figures: Figure[], claims: Claim[], date: ArticleDate | undefined, yearBefore: number | undefined, remember: boolean): DatedParagraph {
  const memo = at.dated;
  if (memo && memo.yearBefore === yearBefore && memo.claims === claims && sameDate(memo.date, date)) return memo.dated;
  const dated = dateParagraph(figures, claims, date, yearBefore);
  if (remember) at.dated = { date, yearBefore, claims, dated };
  return dated;
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function sameDate(a: ArticleDate | undefined, b: ArticleDate | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.iso === b.iso && a.source === b.source);
}
