/** Bounded approximate string matching for re-anchoring: edit distances over UTF-16 units. */

export interface ApproximateHit {
  start: number;
  end: number;
  cost: number;
}

/**
 * Approximate occurrences of `p` in text[from, to) with at most `k` edits (Sellers'
 * algorithm): for each end position the cheapest alignment, then only the locally cheapest
 * of overlapping hits. O((to-from)·|p|) time, O(|p|) memory.
 */
export function approximateOccurrences(text: string, from: number, to: number, p: string, k: number): ApproximateHit[] {
  const m = p.length;
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  let prevStart = new Int32Array(m + 1).fill(from);
  let curStart = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) prev[i] = i;
  const raw: ApproximateHit[] = [];
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
    if (cur[m]! <= k) raw.push({ start: curStart[m]!, end: j + 1, cost: cur[m]! });
    [prev, cur] = [cur, prev];
    [prevStart, curStart] = [curStart, prevStart];
  }
  // overlapping hits describe one place: keep the cheapest, then the one closest in length
  const out: ApproximateHit[] = [];
  for (const h of raw) {
    const last = out[out.length - 1];
    if (last && h.start < last.end) {
      const better = h.cost < last.cost || (h.cost === last.cost && Math.abs(h.end - h.start - m) < Math.abs(last.end - last.start - m));
      if (better) out[out.length - 1] = h;
    } else out.push(h);
  }
  return out;
}

/** Rows of the alignment below, kept between calls: it runs for every candidate. */
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/**
 * How many characters of `context` still stand next to a place, allowing for edits: the
 * context's length minus the edit distance between it and the best-aligned text that
 * touches the place (the far end is free). `before` reads the context as a prefix ending
 * at `at`; otherwise as a suffix starting at `at`. The alignment stays within `slack`
 * characters of the diagonal, so it costs O(|context|·slack).
 */
export function contextAgreement(text: string, at: number, context: string, before: boolean, slack = 8): number {
  const m = context.length;
  if (m === 0) return 0;
  const run = exactAgreement(text, at, context, before);
  if (run === m) return m;
  const n = before ? Math.min(at, m + slack) : Math.min(text.length - at, m + slack);
  if (rowA.length < n + 1) {
    rowA = new Int32Array(2 * (n + 1));
    rowB = new Int32Array(2 * (n + 1));
  }
  let prev = rowA;
  let cur = rowB;
  const INF = 1 << 20;
  // column j: j characters of text read away from the place; row i: i characters of context
  for (let j = 0; j <= n; j++) prev[j] = j <= slack ? j : INF;
  for (let i = 1; i <= m; i++) {
    const c = before ? context.charCodeAt(m - i) : context.charCodeAt(i - 1);
    const lo = Math.max(1, i - slack);
    const hi = Math.min(n, i + slack);
    cur[lo - 1] = lo - 1 === 0 ? i : INF;
    for (let j = lo; j <= hi; j++) {
      const tc = before ? text.charCodeAt(at - j) : text.charCodeAt(at + j - 1);
      let v = prev[j - 1]! + (tc === c ? 0 : 1);
      const up = prev[j]! + 1;
      if (up < v) v = up;
      const left = cur[j - 1]! + 1;
      if (left < v) v = left;
      cur[j] = v;
    }
    if (hi < n) cur[hi + 1] = INF;
    const t = prev;
    prev = cur;
    cur = t;
  }
  let best = m;
  for (let j = Math.max(0, m - slack); j <= Math.min(n, m + slack); j++) if (prev[j]! < best) best = prev[j]!;
  return Math.max(run, m - best);
}

/** Characters of `context` that stand unchanged right next to a place. */
export function exactAgreement(text: string, at: number, context: string, before: boolean): number {
  let n = 0;
  if (before) while (n < context.length && at - 1 - n >= 0 && text.charCodeAt(at - 1 - n) === context.charCodeAt(context.length - 1 - n)) n++;
  else while (n < context.length && at + n < text.length && text.charCodeAt(at + n) === context.charCodeAt(n)) n++;
  return n;
}
