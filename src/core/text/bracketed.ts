/**
 * Runs from an opening mark to the first closing mark after it (《…》, “…”), found in linear
 * time. The regex /O[^C]*C/g that says the same tries every opening mark to the end of the
 * text when no closing mark follows: quadratic on a long run of unclosed marks (20,000 《 in
 * one sentence took 3 s). Marks are single UTF-16 units, never halves of a surrogate pair, so
 * reading units finds what the regex (with or without its `u` flag) finds.
 */

/** Where each run starts and ends (end exclusive), as `s.matchAll(/O[^C]*C/gu)` finds them. */
export function bracketedRuns(s: string, opens: string, closes: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  opens = presentIn(s, opens);
  closes = presentIn(s, closes);
  let i = 0;
  for (;;) {
    const open = firstOf(s, opens, i);
    if (open < 0) return out;
    // (no closing mark after this opening one: none after any later one either)
    const close = firstOf(s, closes, open + 1);
    if (close < 0) return out;
    out.push([open, close + 1]);
    i = close + 1;
  }
}

/** `s.replace(/O[^C]*C/gu, by)`, where `by` holds no `$`. */
export function replaceBracketed(s: string, opens: string, closes: string, by: string): string {
  // (read as bracketedRuns reads, with no list of runs made: a pair per run was most of what a unit with a quotation allocated)
  opens = presentIn(s, opens);
  closes = presentIn(s, closes);
  let open = firstOf(s, opens, 0);
  if (open < 0) return s;
  let close = firstOf(s, closes, open + 1);
  if (close < 0) return s;
  let out = '';
  let last = 0;
  do {
    out += s.slice(last, open) + by;
    last = close + 1;
    open = firstOf(s, opens, last);
    if (open < 0) break;
    close = firstOf(s, closes, open + 1);
  } while (close >= 0);
  return out + s.slice(last);
}

/** `/O[^C]{min,}C/u.test(s)`: a run holding at least `min` code points between its marks. */
export function hasLongBracketed(s: string, opens: string, closes: string, min: number): boolean {
  // of the opening marks before one closing mark, the first holds the most
  opens = presentIn(s, opens);
  closes = presentIn(s, closes);
  for (let i = 0; ;) {
    const open = firstOf(s, opens, i);
    if (open < 0) return false;
    const close = firstOf(s, closes, open + 1);
    if (close < 0) return false;
    // (fewer units than `min` hold fewer code points, and 2 * min - 1 units or more hold at least
    // min (a code point is one unit or two): neither is counted, only what lies between)
    const units = close - open - 1;
    if (units >= min && (units >= 2 * min - 1 || codePointsBetween(s, open + 1, close) >= min)) return true;
    i = close + 1;
  }
}

/** Two or three marks: each as a string of its own, and the marks of each subset of them (by bits of their places), in order. */
interface Marks {
  each: string[];
  subsets: string[];
}
const MARKS = new Map<string, Marks>();
/** More mark lists than the few the callers pass are not kept. */
const MAX_MARKS = 32;

function marksOf(units: string): Marks {
  let m = MARKS.get(units);
  if (m !== undefined) return m;
  const each = units.split('');
  const subsets: string[] = [];
  for (let bits = 0; bits < 1 << each.length; bits++) subsets.push(each.filter((_, k) => (bits & (1 << k)) !== 0).join(''));
  m = { each, subsets };
  if (MARKS.size < MAX_MARKS) MARKS.set(units, m);
  return m;
}

/**
 * The marks of `units` (two or three) that occur in `s` at all, in their order; others as they
 * are: a mark that does not occur is never found, and where one mark is left (most units with a
 * quotation hold “” only, not 「」 or 『』), firstOf finds it by indexOf instead of reading each
 * unit. A native search per mark of the whole text, once per call: linear.
 */
function presentIn(s: string, units: string): string {
  if (units.length < 2 || units.length > 3) return units;
  const { each, subsets } = marksOf(units);
  let bits = 0;
  for (let k = 0; k < each.length; k++) if (s.indexOf(each[k]!) >= 0) bits |= 1 << k;
  return subsets[bits]!;
}

/**
 * Where the first of `units` (marks) stands at or after `from`: one mark by indexOf, two or
 * three read by code, as s[k] of a CJK character made a string at every unit read (and
 * units.includes hashed none). Each caller asks from past its last answer: linear.
 */
function firstOf(s: string, units: string, from: number): number {
  // (one mark, as titles have: a native search, a few instructions a unit where the loop below took some thirty)
  if (units.length === 1) return s.indexOf(units, from);
  // (none: presentIn found none of them)
  if (units.length === 0) return -1;
  if (units.length > 3) {
    for (let k = from; k < s.length; k++) if (units.includes(s[k]!)) return k;
    return -1;
  }
  const a = units.charCodeAt(0);
  const b = units.length > 1 ? units.charCodeAt(1) : a;
  const c = units.length > 2 ? units.charCodeAt(2) : a;
  for (let k = from; k < s.length; k++) {
    const x = s.charCodeAt(k);
    if (x === a || x === b || x === c) return k;
  }
  return -1;
}

/** Code points in s[from, to): a surrogate pair counts once, a lone surrogate once. */
function codePointsBetween(s: string, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) {
    const c = s.charCodeAt(k);
    if (c >= 0xd800 && c <= 0xdbff && k + 1 < to) {
      const d = s.charCodeAt(k + 1);
      if (d >= 0xdc00 && d <= 0xdfff) k++;
    }
    n++;
  }
  return n;
}
