/**
 * The review queue: what in one article needs a decision, as one ordered list. An
 * experienced checker spends their minutes on arithmetic that fails or cannot be read, on
 * the claims worth checking, on their own open annotations and on each named entity once;
 * everything else Gloss finds stays visible but never holds up "reviewed". Pure: used by the
 * editor (Alt+], lenses, status bar, tree), by `gloss review` and by the benchmark.
 */
import type { Analysis } from '../analysis/analyze';
import type { ArithmeticCheck } from '../claims/arithmetic';
import type { Claim } from '../claims/detect';
import { DEFAULT_MIN_CHECK_WORTHINESS } from '../claims/score';
import { entityKeyOf, type Review, type ReviewItem } from './items';
import { msg, msgAs, renderMessage, type Message } from '../text/message';

const because = (m: Message) => ({ why: renderMessage(m), whyMessage: m });

export const QUEUE_ORDERS = ['document', 'checkWorthiness'] as const;
export type QueueOrder = (typeof QUEUE_ORDERS)[number];
/** Which figures are stops of their own: none (a claim's figures are decided with it), those inside a queued claim, or all. */
export const QUEUE_FIGURES = ['withClaim', 'inQueuedClaims', 'all'] as const;
export type QueueFigures = (typeof QUEUE_FIGURES)[number];

/**
 * Which entities are stops: those Gloss is unsure of (found by its tagger or its rules), or
 * also those its lexicons know (the built-in one, and the workspace lexicon the team confirmed).
 */
export const QUEUE_ENTITIES = ['uncertain', 'all'] as const;
export type QueueEntities = (typeof QUEUE_ENTITIES)[number];

export interface QueueOptions {
  minCheckWorthiness?: number;
  order?: QueueOrder;
  figures?: QueueFigures;
  entities?: QueueEntities;
}

export type QueueKind = 'check' | 'claim' | 'entity' | 'figure';

export interface QueueEntry {
  kind: QueueKind;
  /** UTF-16 offsets into the article, end exclusive. */
  start: number;
  end: number;
  text: string;
  /** Why it is queued, in a few English words: "check does not hold", "claim 0.82", "entity", "your annotation". */
  why: string;
  /** The same as a message, for a UI in another language. */
  whyMessage: Message;
  /** How much it matters; orders the queue by check-worthiness. */
  weight: number;
  /** Decided already: not in the queue, but still counted by its paragraph's lens as done. */
  settled: boolean;
  /** The review item a decision on this entry records (the claim, figure or mention). */
  item?: ReviewItem;
  /** A check entry: the check, and the claim it belongs to. */
  check?: ArithmeticCheck;
  claim?: Claim;
  /** An entity entry: its id and how often the article names it. */
  entityId?: string;
  mentions?: number;
}

export interface Queue {
  /** What still needs a decision, in the order Alt+] walks it. */
  entries: QueueEntry[];
  /** Everything that is or was queued, settled or not, in document order (lenses count these). */
  candidates: QueueEntry[];
  /** Checks that do not hold and are not decided yet. */
  failedChecks: number;
}

const CHECK_WEIGHT = { 'does not hold': 3, ambiguous: 2 } as const;
const OWN_ANNOTATION_WEIGHT = 1.5;
/** Entities come after every claim when the queue is ordered by check-worthiness. */
const ENTITY_WEIGHT = 0;
/**
 * Among claims, what a checker with minutes to spend reads first: figures stated as fact,
 * then who said what, then what happened, then what is promised (not checkable yet), then
 * opinions; by score within each. Scores are calibrated as the chance that a sentence is a
 * claim at all and bunch near 1, so by score alone the queue kept document order.
 */
const CLAIM_TYPE_RANK: Record<Claim['type'], number> = { statistic: 4, quote: 3, event: 2, forecast: 1, opinion: 0 };

/** A claim's weight in the queue: its type's band (0.2 wide, below your own annotations), its score within it. */
/** A claim's type as the queue names it: the order by check-worthiness ranks types first. */
const CLAIM_TYPE_NAMES: Record<Claim['type'], Message> = {
  statistic: msg('statistic'),
  quote: msg('quote'),
  event: msg('event'),
  forecast: msg('forecast'),
  opinion: msg('opinion'),
};

export function claimWeight(claim: Pick<Claim, 'type' | 'score'>): number {
  return 0.2 * (CLAIM_TYPE_RANK[claim.type] ?? 0) + 0.19 * Math.min(1, Math.max(0, claim.score)) + 0.005;
}

const decidedVerdict = (item: ReviewItem | undefined) => {
  const v = item?.annotation?.verdict;
  return v !== undefined && v !== 'unreviewed';
};

/** Where each offset's paragraph is body text (binary search over the sorted paragraphs). */
export function bodyTest(analysis: Analysis): (offset: number) => boolean {
  const ps = analysis.paragraphs.map((p) => p.paragraph);
  return (offset) => {
    let lo = 0;
    let hi = ps.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ps[mid]!.end <= offset) lo = mid + 1;
      else hi = mid;
    }
    const p = ps[lo];
    return !!p && p.start <= offset && p.kind === 'body';
  };
}

export function compareDocument(a: QueueEntry, b: QueueEntry): number {
  return a.start - b.start || b.weight - a.weight || b.end - a.end;
}

export function compareWeight(a: QueueEntry, b: QueueEntry): number {
  return b.weight - a.weight || compareDocument(a, b);
}

/** The queue of one article, given its analysis and its review (findings paired with decisions). */
export function buildQueue(analysis: Analysis, review: Review, options: QueueOptions = {}): Queue {
  const threshold = options.minCheckWorthiness ?? DEFAULT_MIN_CHECK_WORTHINESS;
  const inBody = bodyTest(analysis);
  const text = analysis.text;
  const out = localStops(text, analysis.claims, review.items, inBody, threshold, options.figures ?? 'withClaim');

  // each entity once: at its first mention in body text, settled by any decision on it; a name
  // a lexicon knows is no question unless asked for (gloss.review.entities)
  const everyEntity = options.entities === 'all';
  const entities = new Map<string, { first?: ReviewItem; mentions: number; settled: boolean; known: boolean }>();
  for (const it of review.items) {
    if (it.kind !== 'entity') continue;
    const key = entityKeyOf(it);
    if (!key) continue;
    const e = entities.get(key) ?? { mentions: 0, settled: false, known: false };
    e.mentions++;
    const source = it.finding?.entity?.source;
    if (source === 'lexicon' || source === 'workspace') e.known = true;
    if (it.state !== 'suggested') e.settled = true;
    if (!e.first && it.finding?.entity && inBody(it.start)) e.first = it;
    entities.set(key, e);
  }
  for (const [id, e] of entities) {
    if (!e.first || (e.known && !everyEntity)) continue;
    out.push(entityStop(text, e.first, id, e.settled, e.mentions));
  }
  return queueOf(out.sort(compareDocument), options.order);
}

/** The queue from its candidates in document order. */
export function queueOf(candidates: QueueEntry[], order: QueueOrder | undefined): Queue {
  const open = candidates.filter((q) => !q.settled);
  const entries = order === 'checkWorthiness' ? [...open].sort(compareWeight) : open;
  return { entries, candidates, failedChecks: open.filter((q) => q.kind === 'check' && q.check?.verdict === 'does not hold').length };
}

/** An entity's stop, at its first mention in body text. */
export function entityStop(text: string, first: ReviewItem, id: string, settled: boolean, mentions: number): QueueEntry {
  return { kind: 'entity', start: first.start, end: first.end, text: text.slice(first.start, first.end), ...because(msgAs('why it is queued', 'entity')), weight: ENTITY_WEIGHT, settled, item: first, entityId: id, mentions };
}

/**
 * The stops that each depend on their own items only: checks, claims and figures, in that
 * order (not sorted). Given the claims and review items of a whole article, or of one
 * paragraph (the incremental review: a paragraph's findings lie inside it).
 */
export function localStops(text: string, claims: readonly Claim[], items: readonly ReviewItem[], inBody: (offset: number) => boolean, threshold: number, figures: QueueFigures): QueueEntry[] {
  const out: QueueEntry[] = [];
  const claimItems = new Map<number, ReviewItem>();
  const figureItems = new Map<number, ReviewItem>();
  for (const it of items) {
    if (it.kind === 'claim' && it.finding?.claim) claimItems.set(it.start, it);
    if (it.kind === 'figure' && it.finding?.figure) figureItems.set(it.start, it);
  }

  // arithmetic that does not hold or cannot be read: decided by a verdict on its claim, or by
  // rejecting the claim or the stated figure (Gloss misread it)
  const seenChecks = new Set<string>();
  for (const claim of claims) {
    if (!claim.checks.length) continue;
    const claimItem = claimItems.get(claim.start);
    for (const check of claim.checks) {
      if (check.verdict === 'holds') continue;
      const key = `${check.stated.start}:${check.stated.end}:${check.kind}`;
      if (seenChecks.has(key)) continue;
      seenChecks.add(key);
      const figureItem = figureItems.get(check.stated.start);
      const settled = decidedVerdict(claimItem) || claimItem?.state === 'rejected' || figureItem?.state === 'rejected';
      out.push({
        kind: 'check', start: check.stated.start, end: check.stated.end, text: text.slice(check.stated.start, check.stated.end),
        ...because(check.verdict === 'does not hold' ? msg('check does not hold') : msg('check is ambiguous')),
        weight: CHECK_WEIGHT[check.verdict], settled, check, claim, ...(claimItem ? { item: claimItem } : {}),
      });
    }
  }

  // claims worth checking, and the user's own claims still without a verdict
  const queuedClaims: Array<{ start: number; end: number; score: number; weight: number }> = [];
  for (const it of items) {
    if (it.kind !== 'claim') continue;
    const claim = it.finding?.claim;
    if (it.state === 'manual') {
      out.push({ kind: 'claim', start: it.start, end: it.end, text: text.slice(it.start, it.end), ...because(msg('your annotation')), weight: OWN_ANNOTATION_WEIGHT, settled: decidedVerdict(it), item: it });
      continue;
    }
    if (!claim || claim.score < threshold || !inBody(it.start)) continue;
    const weight = claimWeight(claim);
    queuedClaims.push({ start: it.start, end: it.end, score: claim.score, weight });
    out.push({ kind: 'claim', start: it.start, end: it.end, text: claim.text, ...because(msg('{0} claim {1}', CLAIM_TYPE_NAMES[claim.type], claim.score.toFixed(2))), weight, settled: it.state !== 'suggested', item: it, claim });
  }

  // figures, only where asked for: those inside a queued claim, or all of them
  if (figures !== 'withClaim') {
    // a figure whose arithmetic is queued is a stop already
    const stated = new Set(out.filter((q) => q.kind === 'check').map((q) => `${q.start}:${q.end}`));
    let c = 0;
    for (const it of items) {
      if (it.kind !== 'figure' || !it.finding?.figure || !inBody(it.start) || stated.has(`${it.start}:${it.end}`)) continue;
      while (c < queuedClaims.length && queuedClaims[c]!.end <= it.start) c++;
      const host = queuedClaims[c] && queuedClaims[c]!.start <= it.start && it.end <= queuedClaims[c]!.end ? queuedClaims[c] : undefined;
      if (!host && figures === 'inQueuedClaims') continue;
      out.push({
        kind: 'figure', start: it.start, end: it.end, text: text.slice(it.start, it.end),
        ...because(host ? msg('figure in claim {0}', host.score.toFixed(2)) : msgAs('why it is queued', 'figure')), weight: host ? host.weight - 0.001 : 0.001,
        settled: it.state !== 'suggested', item: it,
      });
    }
  }
  return out;
}

/**
 * The next (or previous) entry from a place in the article: after `last`, the stop visited
 * last, when given; otherwise after the UTF-16 offset in document order, or from the top of
 * the list when ordered by check-worthiness. Wraps around.
 */
export function stepQueue(queue: Queue, order: QueueOrder, from: { offset: number; last?: Pick<QueueEntry, 'start' | 'end' | 'weight'> }, direction: 1 | -1): QueueEntry | undefined {
  const list = queue.entries;
  if (!list.length) return undefined;
  const compare = order === 'checkWorthiness' ? compareWeight : compareDocument;
  const ahead = (e: QueueEntry) => {
    if (from.last) return compare(e, from.last as QueueEntry) * direction > 0;
    if (order === 'checkWorthiness') return direction === 1;
    return direction === 1 ? e.start > from.offset : e.start < from.offset;
  };
  if (direction === 1) return list.find(ahead) ?? list[0];
  for (let i = list.length - 1; i >= 0; i--) if (ahead(list[i]!)) return list[i];
  return list[list.length - 1];
}
