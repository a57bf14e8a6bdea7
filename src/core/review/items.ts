/**
 * The review model: what Gloss suggests in an article (its findings) paired with what the
 * user decided (the sidecar's annotations, re-anchored to the current text). Pure: used by
 * the editor and testable without it.
 */
import type { Analysis } from '../analysis/analyze';
import type { Claim } from '../claims/detect';
import type { EntityMention } from '../entities/detect';
import type { Figure } from '../figures/types';
import { entityId } from '../entities/lexicon';
import { createAnchor, resolveAnchor, type Resolution } from '../sidecar/anchor';
import { annotationId } from '../sidecar/ids';
import type { Annotation, Kind, Sidecar } from '../sidecar/model';
import { OffsetIndex } from '../text/offsets';
import { parseArticleDate, resolveRelativeDatesByParagraph } from '../figures/relativeDates';

export type ReviewState = 'suggested' | 'accepted' | 'rejected' | 'manual';

export interface ReviewItem {
  kind: Kind;
  /** UTF-16 offsets into the document. */
  start: number;
  end: number;
  state: ReviewState;
  finding?: { claim?: Claim; figure?: Figure; entity?: EntityMention };
  annotation?: Annotation;
  /**
   * For an entity mention without its own annotation: the decision on another mention of the
   * same entity in this article, which settles this one too (one decision per entity).
   */
  settledBy?: Annotation;
}


export interface Orphan {
  annotation: Annotation;
  reason: string;
}

export interface Review {
  /** Sorted by start (then longer first). */
  items: ReviewItem[];
  orphans: Orphan[];
  /** The longest item, which bounds the backward scan of `itemsAt`. */
  longest: number;
  /** Mentions per entity id in this article. */
  entityCounts: Map<string, number>;
}

export const itemKey = (kind: string, start: number, end: number) => `${kind}:${start}:${end}`;
const key = itemKey;

/** The order of review items: by start, then longer first, then by kind. */
export const compareItems = (x: ReviewItem, y: ReviewItem) => x.start - y.start || y.end - x.end || x.kind.localeCompare(y.kind);

/** Review items of findings, each span and kind once (the last finding of a span wins), in the order found. */
export function addFindingItems(items: Map<string, ReviewItem>, claims: readonly Claim[], figures: readonly Figure[], entities: readonly EntityMention[]): void {
  // the analyser has left out the claims below the threshold (gloss.claims.minCheckWorthiness)
  for (const c of claims) items.set(key('claim', c.start, c.end), { kind: 'claim', start: c.start, end: c.end, state: 'suggested', finding: { claim: c } });
  for (const f of figures) {
    if (f.salient) items.set(key('figure', f.start, f.end), { kind: 'figure', start: f.start, end: f.end, state: 'suggested', finding: { figure: f } });
  }
  for (const e of entities) items.set(key('entity', e.start, e.end), { kind: 'entity', start: e.start, end: e.end, state: 'suggested', finding: { entity: e } });
}

/**
 * The sidecar's annotations placed in the text (UTF-16 offsets, through their anchors), each
 * handed to `place` with its review state; those that cannot be placed are returned as orphans.
 */
export function placeAnnotations(
  text: string,
  annotations: readonly Annotation[],
  index: OffsetIndex,
  place: (a: Annotation, start: number, end: number, state: ReviewState) => void,
  resolve: (a: Annotation) => Resolution = (a) => resolveAnchor(text, a, index),
): Orphan[] {
  const orphans: Orphan[] = [];
  for (const a of annotations) {
    const r = resolve(a);
    if (r.status === 'orphan') {
      orphans.push({ annotation: a, reason: r.reason });
      continue;
    }
    place(a, index.toUtf16(r.start), index.toUtf16(r.end), a.status === 'manual' ? 'manual' : a.status);
  }
  return orphans;
}

/** Findings and annotations of one article, in document order. */
export function buildReview(analysis: Analysis, sidecar: Sidecar | undefined): Review {
  const text = analysis.text;
  const index = new OffsetIndex(text);
  const items = new Map<string, ReviewItem>();
  // a date: in the sidecar header dates the article's relative dates (去年8月) instead of its dateline
  const date = sidecar?.date !== undefined ? parseArticleDate(sidecar.date, 'sidecar') : undefined;
  const figures = date && analysis.figures.some((f) => f.relative) ? resolveRelativeDatesByParagraph(analysis.paragraphs.map((p) => p.figures), date) : analysis.figures;
  addFindingItems(items, analysis.claims, figures, analysis.entities);
  const orphans = placeAnnotations(text, sidecar?.annotations ?? [], index, (a, start, end, state) => {
    const k = key(a.kind, start, end);
    const existing = items.get(k);
    if (existing) {
      existing.annotation = a;
      existing.state = state;
    } else items.set(k, { kind: a.kind, start, end, state, annotation: a });
  });
  const list = [...items.values()].sort(compareItems);
  settleEntities(list);
  const entityCounts = new Map<string, number>();
  for (const it of list) {
    const id = it.finding?.entity?.entityId;
    if (id) entityCounts.set(id, (entityCounts.get(id) ?? 0) + 1);
  }
  return { items: list, orphans, longest: list.reduce((m, i) => Math.max(m, i.end - i.start), 0), entityCounts };
}

/** The entity an item names: its finding's, or the one its annotation records. */
export function entityKeyOf(item: Pick<ReviewItem, 'finding' | 'annotation'>): string | undefined {
  if (item.finding?.entity) return item.finding.entity.entityId;
  const a = item.annotation;
  return a?.kind === 'entity' && a.canonical ? entityId(a.type ?? 'org', a.canonical) : undefined;
}

/**
 * One decision per entity and article: a mention the user accepted or rejected settles every
 * other mention of the same entity that has no decision of its own (the first decision in
 * document order wins where two disagree).
 */
function settleEntities(items: ReviewItem[]): void {
  const decided = new Map<string, Annotation>();
  for (const it of items) {
    if (it.kind !== 'entity' || !it.annotation) continue;
    const key = entityKeyOf(it);
    if (key && !decided.has(key)) decided.set(key, it.annotation);
  }
  if (!decided.size) return;
  for (const it of items) {
    if (it.kind !== 'entity' || it.annotation || !it.finding?.entity) continue;
    const by = decided.get(it.finding.entity.entityId);
    if (!by) continue;
    it.settledBy = by;
    it.state = by.status === 'rejected' ? 'rejected' : 'accepted';
  }
}

/**
 * Items covering a UTF-16 offset, found by binary search: a hover on a megabyte article
 * looks at a handful of items, not all of them.
 */
export function itemsAt(review: Review, offset: number): ReviewItem[] {
  const items = review.items;
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.start <= offset) lo = mid + 1;
    else hi = mid;
  }
  const out: ReviewItem[] = [];
  for (let k = lo - 1; k >= 0 && items[k]!.start >= offset - review.longest; k--) {
    if (offset < items[k]!.end) out.push(items[k]!);
  }
  return out;
}

/** Items grouped by the paragraph they lie in, in one sweep (both lists are sorted). */
export function itemsByParagraph(review: Review, paragraphs: ReadonlyArray<{ start: number; end: number }>): ReviewItem[][] {
  const out: ReviewItem[][] = paragraphs.map(() => []);
  let p = 0;
  for (const it of review.items) {
    // ends are exclusive: a credit and the body after it on one line meet at one offset
    while (p < paragraphs.length && paragraphs[p]!.end <= it.start) p++;
    if (p === paragraphs.length) break;
    if (it.start >= paragraphs[p]!.start && it.end <= paragraphs[p]!.end) out[p]!.push(it);
  }
  return out;
}

/** The item under a UTF-16 offset: the narrowest one (a figure inside a claim wins). */
export function itemAt(review: Review, offset: number, kind?: Kind): ReviewItem | undefined {
  let best: ReviewItem | undefined;
  for (const it of itemsAt(review, offset)) {
    if (kind && it.kind !== kind) continue;
    if (!best || it.end - it.start < best.end - best.start) best = it;
  }
  return best;
}

/** An annotation for an item, with its anchor and the fields of its kind. */
export function annotationFor(
  text: string,
  item: Pick<ReviewItem, 'kind' | 'start' | 'end' | 'finding' | 'annotation'>,
  status: Annotation['status'],
  taken: ReadonlySet<string>,
): Annotation {
  if (item.annotation) return { ...item.annotation, status: item.annotation.status === 'manual' && status !== 'rejected' ? 'manual' : status };
  const index = new OffsetIndex(text);
  const anchor = createAnchor(text, index.toCodePoint(item.start), index.toCodePoint(item.end), index);
  const a: Annotation = { id: annotationId(item.kind, anchor.start, anchor.quote, taken), kind: item.kind, status, ...anchor };
  const f = item.finding;
  if (f?.entity) {
    a.type = f.entity.type;
    a.canonical = f.entity.canonical;
  }
  if (f?.figure) {
    a.value = f.figure.value;
    if (f.figure.unit) a.unit = f.figure.unit;
    a.approx = f.figure.approx !== undefined;
  }
  if (f?.claim) {
    a.verdict = 'unreviewed';
    if (f.claim.source) a.source = f.claim.source.canonical ?? f.claim.source.text;
  }
  return a;
}

/** The sidecar with one annotation put in place of the one with the same id, or added. */
export function withAnnotation(sidecar: Sidecar, annotation: Annotation): Sidecar {
  const others = sidecar.annotations.filter((a) => a.id !== annotation.id);
  return { ...sidecar, annotations: [...others, annotation] };
}
