/**
 * What the extension's workspace index (the corpus view, Ctrl+T, mention counts in hovers)
 * keeps of one article. Plain data: it crosses worker threads and is cached by content hash.
 */
import type { Analysis } from '../analysis/analyze';
import { buildReview } from '../review/items';
import { buildQueue, type QueueOptions } from '../review/queue';
import type { Sidecar } from '../sidecar/model';
import { OffsetIndex } from '../text/offsets';

export interface IndexedClaim {
  /** UTF-16 offset in the article. */
  start: number;
  text: string;
  verdict: string;
  /** Its words are gone from the article; its verdict stays. */
  orphan?: boolean;
}

export interface IndexedMention {
  /** UTF-16 offsets in the article. */
  start: number;
  end: number;
  text: string;
  /** The words around it, on one line. */
  context: string;
}

export interface WorkspaceEntry {
  /** Marked claims with their verdicts, and orphaned ones. */
  claims: IndexedClaim[];
  /** What the review queue holds, and how much of it is settled: the lenses and the status bar count the same. */
  findings: number;
  reviewed: number;
  /** Per mention: its entity's id and where it is. */
  mentions: Array<[string, IndexedMention]>;
}

/** How many UTF-16 units of text a mention's context shows on each side. */
const CONTEXT_UNITS = 12;

/**
 * The entry of an article, from its analysis and its sidecar's decisions (`review`); without
 * `review`, every marked claim is unreviewed and nothing is counted as queued.
 */
export function workspaceEntry(text: string, analysis: Analysis, review?: { sidecar: Sidecar | undefined; queue: QueueOptions }): WorkspaceEntry {
  const mentions = analysis.entities.map((e): [string, IndexedMention] => [
    e.entityId,
    { start: e.start, end: e.end, text: e.text, context: text.slice(Math.max(0, e.start - CONTEXT_UNITS), e.end + CONTEXT_UNITS).replace(/\s+/g, ' ') },
  ]);
  if (!review) return { claims: analysis.claims.map((c) => ({ start: c.start, text: c.text, verdict: 'unreviewed' })), findings: 0, reviewed: 0, mentions };
  const built = buildReview(analysis, review.sidecar);
  const queue = buildQueue(analysis, built, review.queue);
  const claims: IndexedClaim[] = built.items
    .filter((i) => i.kind === 'claim')
    .map((i) => ({ start: i.start, text: text.slice(i.start, i.end), verdict: i.annotation?.verdict ?? 'unreviewed' }));
  const index = built.orphans.length ? new OffsetIndex(text) : undefined;
  for (const o of built.orphans) {
    if (o.annotation.kind === 'claim') claims.push({ start: index!.toUtf16(Math.min(o.annotation.start, index!.codePointLength)), text: o.annotation.quote, verdict: o.annotation.verdict ?? 'unreviewed', orphan: true });
  }
  return { claims, findings: queue.candidates.length, reviewed: queue.candidates.filter((q) => q.settled).length, mentions };
}
