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
  if (narrow(s, opens, closes)) {
    opens = firstOpen;
    closes = firstClose;
  }
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
  if (narrow(s, opens, closes)) {
    opens = firstOpen;
    closes = firstClose;
  }
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
  if (narrow(s, opens, closes)) {
    opens = firstOpen;
    closes = firstClose;
  }
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

/**
 * For opening and closing marks of two or three each, a pattern of all but the first of each
 * (「『」』 of “「『 and ”」』): where a text holds none of them, its runs are those of the first
 * two marks alone, and firstOf finds each by indexOf (most quotations are “…” only) instead of
 * reading every unit. One native search of the text per call (by unit, no u flag: the marks are
 * in the BMP), where an indexOf per mark cost as much as it saved (a mark such as 「 shares its
 * higher byte with 。 and 、, at which the native search stops to look).
 */
const OTHER_MARKS = new Map<string, RegExp>();
/** More pairs of mark lists than the few the callers pass are not kept. */
const MAX_MARK_PAIRS = 16;

/** Whether s holds none of the marks after the first of opens and of closes (two or three each): then only the first two can make a run. */
function narrow(s: string, opens: string, closes: string): boolean {
  if (opens.length < 2 || opens.length > 3 || closes.length < 2 || closes.length > 3) return false;
  // (the pair asked about last, compared by value without a key made and hashed: callers ask about one pair again and again)
  if (opens !== lastOpens || closes !== lastCloses) {
    const key = `${opens}\u0000${closes}`;
    let others = OTHER_MARKS.get(key);
    if (others === undefined) {
      others = new RegExp(`[${unitEscapes(opens.slice(1))}${unitEscapes(closes.slice(1))}]`);
      if (OTHER_MARKS.size < MAX_MARK_PAIRS) OTHER_MARKS.set(key, others);
    }
    lastOpens = opens;
    lastCloses = closes;
    lastOthers = others;
    // (the first marks as strings of their own, made once: a unit above 0xff made a new string at each call)
    firstOpen = opens[0]!;
    firstClose = closes[0]!;
    narrowedText = undefined;
  }
  // (the text asked about last is answered again without a search: the claims stage asks about
  // a unit's quotations twice, for its bare text and for its quotation feature)
  if (s !== narrowedText) {
    narrowed = !lastOthers.test(s);
    narrowedText = s;
  }
  return narrowed;
}
/** The text narrow answered about last, for lastOpens and lastCloses, and its answer. */
let narrowedText: string | undefined;
let narrowed = false;
let lastOpens = '';
let lastCloses = '';
let lastOthers = /$^/;
/** The first of lastOpens and of lastCloses: what narrow leaves where it holds. */
let firstOpen = '';
let firstClose = '';

function unitEscapes(units: string): string {
  let out = '';
  for (let k = 0; k < units.length; k++) out += `\\u${units.charCodeAt(k).toString(16).padStart(4, '0')}`;
  return out;
}

/**
 * Where the first of `units` (marks) stands at or after `from`: one mark by indexOf, two or
 * three read by code, as s[k] of a CJK character made a string at every unit read (and
 * units.includes hashed none). Each caller asks from past its last answer: linear.
 */
function firstOf(s: string, units: string, from: number): number {
  // (one mark, as titles have: a native search, a few instructions a unit where the loop below took some thirty)
  if (units.length === 1) return s.indexOf(units, from);
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
