/**
 * Anchoring annotations to text, and finding them again after the text changed: first the
 * stored offsets (checked against the quote), then exact occurrences of the quote ranked by
 * how well their context matches, then a fuzzy match whose error budget is bounded by the
 * quote's length. What cannot be placed is an orphan. All work is bounded.
 */
import { OffsetIndex } from '../text/offsets';
import type { Anchor } from './model';

export const CONTEXT_LENGTH = 32;
/** Most exact occurrences of a quote that are ranked; a quote found more often is ambiguous. */
const MAX_OCCURRENCES = 2000;
/** Quotes shorter than this need context to move: they must not jump to an unrelated match. */
const SHORT_QUOTE = 8;
/** Longest quote that fuzzy matching is tried for; longer ones must match exactly. */
const MAX_FUZZY_QUOTE = 256;
/** How far around the old place fuzzy matching looks, in UTF-16 units. */
export const FUZZY_WINDOW = 4000;

/** Builds an anchor for the code-point range [start, end) of `text`. */
export function createAnchor(text: string, start: number, end: number, index = new OffsetIndex(text)): Anchor {
  const s = index.toUtf16(start);
  const e = index.toUtf16(end);
  const cps = (from: number, to: number) => text.slice(from, to);
  const prefixStart = index.toUtf16(Math.max(0, start - CONTEXT_LENGTH));
  const suffixEnd = index.toUtf16(Math.min(index.codePointLength, end + CONTEXT_LENGTH));
  return { quote: cps(s, e), prefix: cps(prefixStart, s), suffix: cps(e, suffixEnd), start, end };
}

export type Resolution =
  | { status: 'exact' | 'moved' | 'fuzzy'; start: number; end: number }
  | { status: 'orphan'; reason: string };

/** Length of the common suffix of a and b. */
function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** How well the context around [s, e) (UTF-16) matches the anchor's prefix and suffix. */
export function contextScore(text: string, s: number, e: number, anchor: Anchor): number {
  const before = text.slice(Math.max(0, s - anchor.prefix.length), s);
  const after = text.slice(e, e + anchor.suffix.length);
  return commonSuffix(before, anchor.prefix) + commonPrefix(after, anchor.suffix);
}

/**
 * Where the anchor lies in `text` now, in code points. `index` may be passed when resolving
 * many anchors against one text.
 */
export function resolveAnchor(text: string, anchor: Anchor, index = new OffsetIndex(text)): Resolution {
  const quote = anchor.quote;
  if (!quote) return { status: 'orphan', reason: 'empty quote' };
  const hintS = index.toUtf16(anchor.start);
  if (text.startsWith(quote, hintS) && index.toCodePoint(hintS) === anchor.start) {
    return { status: 'exact', start: anchor.start, end: anchor.start + [...quote].length };
  }
  const quoteCps = [...quote].length;
  // every exact occurrence, ranked by context, then by distance from the old place
  let best = -1;
  let bestScore = -1;
  let bestDistance = Infinity;
  let count = 0;
  for (let at = text.indexOf(quote); at >= 0 && count < MAX_OCCURRENCES; at = text.indexOf(quote, at + 1)) {
    count++;
    const score = contextScore(text, at, at + quote.length, anchor);
    const distance = Math.abs(at - hintS);
    if (score > bestScore || (score === bestScore && distance < bestDistance)) {
      best = at;
      bestScore = score;
      bestDistance = distance;
    }
  }
  if (best >= 0) {
    const hasContext = anchor.prefix.length + anchor.suffix.length > 0;
    const unique = count === 1;
    // a short quote moves only where its context agrees; a longer one also when it is unique
    const trusted = bestScore >= Math.min(4, anchor.prefix.length + anchor.suffix.length) &&
      (bestScore > 0 || !hasContext || (unique && quoteCps >= SHORT_QUOTE));
    if (trusted || (unique && quoteCps >= SHORT_QUOTE)) {
      const start = index.toCodePoint(best);
      return { status: 'moved', start, end: start + quoteCps };
    }
  }
  if (quoteCps < SHORT_QUOTE || quote.length > MAX_FUZZY_QUOTE) {
    return { status: 'orphan', reason: best >= 0 ? 'quote found only without its context' : 'quote not found' };
  }
  const fuzzy = fuzzyFind(text, anchor, hintS);
  if (fuzzy) {
    const start = index.toCodePoint(fuzzy.start);
    return { status: 'fuzzy', start, end: index.toCodePoint(fuzzy.end) };
  }
  return { status: 'orphan', reason: 'quote not found, even approximately' };
}

/**
 * Approximate search (Sellers' algorithm: edit distance of the quote against any substring)
 * in a window around the old place and around places where the prefix or suffix still
 * occurs. The error budget is a fifth of the quote, and the context must agree too, so an
 * edited quote follows its words or is orphaned, never lands on other words.
 */
function fuzzyFind(text: string, anchor: Anchor, hint: number): { start: number; end: number } | undefined {
  const quote = anchor.quote;
  const budget = Math.max(1, Math.floor(quote.length / 5));
  const contextLength = anchor.prefix.length + anchor.suffix.length;
  // nearest first: the old place, then where the context still stands, then a wider window;
  // the further from the old place, the more of the context must agree
  const stages: Array<{ windows: Array<[number, number]>; needed: number }> = [
    { windows: [[hint - budget, hint + quote.length + budget]], needed: Math.min(2, Math.floor(contextLength / 4)) },
  ];
  // where the context still stands, taking for each probe only the occurrence nearest the
  // old place: if the context survives there, the quote's own words were edited, and a copy
  // of the passage elsewhere must not capture the annotation
  const anchored: Array<[number, number]> = [];
  for (const [ctx, isPrefix] of [[anchor.prefix, true], [anchor.suffix, false]] as const) {
    if (ctx.length < 8) continue;
    const probe = isPrefix ? ctx.slice(-16) : ctx.slice(0, 16);
    let nearest = -1;
    let seen = 0;
    for (let at = text.indexOf(probe); at >= 0 && seen < MAX_OCCURRENCES; at = text.indexOf(probe, at + 1), seen++) {
      const centre = isPrefix ? at + probe.length : at - quote.length;
      if (nearest < 0 || Math.abs(centre - hint) < Math.abs(nearest - hint)) nearest = centre;
    }
    if (nearest >= 0) anchored.push([nearest - budget, nearest + quote.length + budget]);
  }
  stages.push({ windows: anchored, needed: Math.min(8, Math.floor(contextLength / 2)) });
  // a wide search only when the context is gone too
  if (anchored.length === 0) {
    stages.push({ windows: [[hint - FUZZY_WINDOW, hint + quote.length + FUZZY_WINDOW]], needed: Math.min(16, contextLength) });
  }
  for (const { windows, needed } of stages) {
    // rank by how much context agrees, then by edits, then by distance from the old place
    let best: { start: number; end: number; rank: [number, number, number] } | undefined;
    for (const [a, b] of windows) {
      for (const hit of sellers(text, Math.max(0, a), Math.min(text.length, b), quote, budget)) {
        const context = contextScore(text, hit.start, hit.end, anchor);
        if (context < needed) continue;
        const rank: [number, number, number] = [-context, hit.cost, Math.abs(hit.start - hint)];
        if (!best || rank[0] < best.rank[0] || (rank[0] === best.rank[0] && (rank[1] < best.rank[1] || (rank[1] === best.rank[1] && rank[2] < best.rank[2])))) {
          best = { start: hit.start, end: hit.end, rank };
        }
      }
    }
    if (best) return { start: best.start, end: best.end };
  }
  return undefined;
}

/**
 * Approximate occurrences of `p` in text[from, to) with at most `k` edits: for each end
 * position, the best start. O((to-from)·|p|) time.
 */
export function sellers(text: string, from: number, to: number, p: string, k: number): Array<{ start: number; end: number; cost: number }> {
  const m = p.length;
  // cost and start of the best alignment of p[0, i) ending at the current column
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  let prevStart = new Int32Array(m + 1).fill(from);
  let curStart = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) prev[i] = i;
  const hits: Array<{ start: number; end: number; cost: number }> = [];
  for (let j = from; j < to; j++) {
    cur[0] = 0;
    curStart[0] = j + 1;
    prevStart[0] = j;
    const c = text.charCodeAt(j);
    for (let i = 1; i <= m; i++) {
      let v = prev[i - 1]! + (p.charCodeAt(i - 1) === c ? 0 : 1);
      let s = prevStart[i - 1]!;
      if (prev[i]! + 1 < v) {
        v = prev[i]! + 1;
        s = prevStart[i]!;
      }
      if (cur[i - 1]! + 1 < v) {
        v = cur[i - 1]! + 1;
        s = curStart[i - 1]!;
      }
      cur[i] = v;
      curStart[i] = s;
    }
    if (cur[m]! <= k) hits.push({ start: curStart[m]!, end: j + 1, cost: cur[m]! });
    [prev, cur] = [cur, prev];
    [prevStart, curStart] = [curStart, prevStart];
  }
  return hits;
}
