/**
 * Places where an orphaned annotation could go, for the user to choose: the exact
 * occurrences of its quote and approximate matches, ranked as re-anchoring ranks them (how
 * much of the prefix and suffix agree, then edits, then distance from the old place). Unlike
 * re-anchoring, nothing is decided here, so weaker matches are offered too. Bounded work.
 */
import { approximateOccurrences, exactAgreement } from '../sidecar/approximate';
import type { Anchor } from '../sidecar/model';
import { OffsetIndex } from '../text/offsets';

export interface Candidate {
  /** Code points, end exclusive. */
  start: number;
  end: number;
  text: string;
  /** Characters of prefix and suffix that agree. */
  context: number;
  /** Edits between the quote and the text. */
  edits: number;
}

const MAX_OCCURRENCES = 2000;
const MAX_QUOTE = 256;
/** How far around the old place approximate matches are looked for, in UTF-16 units. */
const WINDOW = 4000;

/** Characters of the prefix and suffix that stand unchanged around [s, e) (UTF-16). */
function contextScore(text: string, s: number, e: number, anchor: Anchor): number {
  return exactAgreement(text, s, anchor.prefix, true) + exactAgreement(text, e, anchor.suffix, false);
}

export function reattachCandidates(text: string, anchor: Anchor, limit = 5, index = new OffsetIndex(text)): Candidate[] {
  const quote = anchor.quote;
  if (!quote) return [];
  const hint = index.toUtf16(Math.min(anchor.start, index.codePointLength));
  const found: Array<{ s: number; e: number; context: number; edits: number }> = [];
  let count = 0;
  for (let at = text.indexOf(quote); at >= 0 && count < MAX_OCCURRENCES; at = text.indexOf(quote, at + 1), count++) {
    found.push({ s: at, e: at + quote.length, context: contextScore(text, at, at + quote.length, anchor), edits: 0 });
  }
  if (quote.length <= MAX_QUOTE) {
    // a third of the quote may differ: more than re-anchoring accepts, since the user decides
    const budget = Math.max(1, Math.floor(quote.length / 3));
    const windows: Array<[number, number]> = [[hint - WINDOW, hint + quote.length + WINDOW]];
    for (const [ctx, isPrefix] of [[anchor.prefix, true], [anchor.suffix, false]] as const) {
      if (ctx.length < 8) continue;
      const probe = isPrefix ? ctx.slice(-16) : ctx.slice(0, 16);
      const at = text.indexOf(probe);
      if (at >= 0) {
        const centre = isPrefix ? at + probe.length : at - quote.length;
        windows.push([centre - quote.length - budget, centre + 2 * quote.length + budget]);
      }
    }
    for (const [a, b] of windows) {
      for (const hit of approximateOccurrences(text, Math.max(0, a), Math.min(text.length, b), quote, budget)) {
        if (hit.end <= hit.start) continue;
        found.push({ s: hit.start, e: hit.end, context: contextScore(text, hit.start, hit.end, anchor), edits: hit.cost });
      }
    }
  }
  // the words between the old prefix and suffix, where both still stand close together: the
  // quote was rewritten in place, beyond what approximate matching accepts
  const before = anchor.prefix.slice(-16);
  const after = anchor.suffix.slice(0, 16);
  if (before.length >= 4 && after.length >= 4 && quote.length <= MAX_QUOTE) {
    let seen = 0;
    for (let at = text.indexOf(before); at >= 0 && seen < MAX_OCCURRENCES; at = text.indexOf(before, at + 1), seen++) {
      const s = at + before.length;
      const e = text.indexOf(after, s);
      if (e <= s || e - s > 2 * quote.length + 8) continue;
      found.push({ s, e, context: contextScore(text, s, e, anchor), edits: editDistance(quote, text.slice(s, e)) });
    }
  }
  found.sort((x, y) => y.context - x.context || x.edits - y.edits || Math.abs(x.s - hint) - Math.abs(y.s - hint));
  // one candidate per place: overlapping matches are the same place
  const out: Candidate[] = [];
  for (const f of found) {
    if (out.length >= limit) break;
    const s = index.toCodePoint(f.s);
    const e = index.toCodePoint(f.e);
    if (out.some((c) => s < c.end && c.start < e)) continue;
    out.push({ start: s, end: e, text: text.slice(f.s, f.e), context: f.context, edits: f.edits });
  }
  return out;
}

/** Levenshtein distance, for the short spans re-attaching compares (both bounded in length). */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}
