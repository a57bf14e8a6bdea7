/** Sentences of a paragraph: splitSentences, one pass over UTF-16 codes with bounded nesting. */
import { SENTENCE_END, CLOSERS, OPENERS, isSpaceLike } from './chars';
import { unitClass } from './unitClass';

export interface Sentence {
  /** UTF-16 offsets relative to the string that was split. */
  start: number;
  end: number;
}

const MAX_NESTING = 16;
/**
 * What splitSentences reads at a UTF-16 code, as bits (all these characters are in the BMP):
 * read by code, a character's string is never made (s[i] of a CJK character is a new string,
 * and a lookup by it hashes it). ‘ opens nothing (’ is an apostrophe as often as a quote).
 */
const OPENS = 1;
const CLOSES = 2;
const ENDS = 4;
const CLOSES_QUOTE = 8;
const FULL_STOP = 16;
const SENTENCE_CHARS = new Uint8Array(0x10000);
/** The closing code of each opening one. */
const CLOSER_OF = new Uint16Array(0x10000);
for (const [open, close] of Object.entries(OPENERS)) {
  if (open === '‘') continue;
  SENTENCE_CHARS[open.charCodeAt(0)]! |= OPENS;
  CLOSER_OF[open.charCodeAt(0)] = close.charCodeAt(0);
}
for (const ch of CLOSERS) SENTENCE_CHARS[ch.charCodeAt(0)]! |= CLOSES;
for (const ch of SENTENCE_END) SENTENCE_CHARS[ch.charCodeAt(0)]! |= ENDS;
for (const ch of ['”', '」', '』', '’']) SENTENCE_CHARS[ch.charCodeAt(0)]! |= CLOSES_QUOTE;
SENTENCE_CHARS[0x2e]! |= FULL_STOP;
/** The closers awaited, innermost last (splitSentences never runs inside itself). */
const STACK = new Uint16Array(MAX_NESTING);
/**
 * Every unit of SENTENCE_CHARS, as a global pattern (by UTF-16 unit): after a unit that is
 * none of them, splitSentences goes on at the next one a native search finds, where its loop
 * would step over each unit between (nothing changes at a unit that is none of them).
 */
const NEXT_SENTENCE_CHAR = new RegExp(`[${unitClass((c) => SENTENCE_CHARS[c] !== 0)}]`, 'g');

/**
 * Splits a paragraph into sentences on Chinese and Western punctuation. Quotes and brackets
 * stay whole: a full stop inside “…” ends nothing, but a quote that closes right after a
 * sentence end closes the sentence too. Line breaks inside a paragraph are not boundaries.
 * One pass, bounded nesting, so hostile text stays linear.
 */
export function splitSentences(s: string): Sentence[] {
  const bounds = readSentences(s);
  // (a list of their number: one grown by push had room for 16 sentences, and a paragraph has two or three)
  const out = new Array<Sentence>(bounds.count);
  for (let k = 0; k < bounds.count; k++) out[k] = { start: bounds.starts[k]!, end: bounds.ends[k]! };
  return out;
}

/** Where the sentences of the string read last by readSentences start and end: the first `count` entries of each array. */
export interface SentenceBounds {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
}

/**
 * Where the first unit of SENTENCE_CHARS at or after `from` stands in `s` (s.length: none): read
 * in `codes` where given, a load a unit; else by a native search, which a loop of charCodeAt
 * over the string was slower than (each call of the search costs some 150 instructions, but
 * each charCodeAt tells the string's kind again).
 */
function nextMarkFrom(s: string, codes: Uint16Array | undefined, from: number): number {
  if (codes !== undefined) {
    const end = s.length;
    let j = from;
    while (j < end && SENTENCE_CHARS[codes[j]!] === 0) j++;
    return j;
  }
  NEXT_SENTENCE_CHAR.lastIndex = from;
  return NEXT_SENTENCE_CHAR.test(s) ? NEXT_SENTENCE_CHAR.lastIndex - 1 : s.length;
}

/** What readSentences answers, written over by each call (its arrays grown as a paragraph needs). */
const BOUNDS: SentenceBounds = { count: 0, starts: new Int32Array(64), ends: new Int32Array(64) };

/**
 * The sentences of `s` as splitSentences finds them, as offsets written over by the next call
 * (neither a list nor an object per sentence, for a caller that reads them at once: the claims
 * stage's units; readSentences never runs inside itself). `codes`, where the caller has them:
 * the UTF-16 codes of `s` (entries 0 to s.length - 1), read to step over the text between marks.
 */
export function readSentences(s: string, codes?: Uint16Array): SentenceBounds {
  BOUNDS.count = 0;
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const kind = SENTENCE_CHARS[c]!;
    // most characters are none of these: on at the next that is one, or past the end
    if (kind === 0) {
      // (a unit or two of text between marks, as in hostile runs of "a." is stepped over by the loop, cheaper than a search)
      if (i + 1 < s.length && SENTENCE_CHARS[s.charCodeAt(i + 1)] !== 0) continue;
      i = nextMarkFrom(s, codes, i + 1) - 1;
      continue;
    }
    if (kind & OPENS) {
      if (depth < MAX_NESTING) STACK[depth++] = CLOSER_OF[c]!;
      continue;
    }
    if (depth > 0 && c === STACK[depth - 1]) {
      depth--;
      // “…。” at depth 0: the sentence ends after the closing quote (not after a bracket)
      if (depth === 0 && kind & CLOSES_QUOTE && i > 0 && SENTENCE_CHARS[s.charCodeAt(i - 1)]! & ENDS) {
        addTrimmed(s, start, i + 1);
        start = i + 1;
      }
      continue;
    }
    if (depth === 0 && (kind & ENDS || (kind & FULL_STOP && isWesternStop(s, i)))) {
      let j = i + 1;
      while (j < s.length && SENTENCE_CHARS[s.charCodeAt(j)]! & (ENDS | CLOSES)) j++;
      addTrimmed(s, start, j);
      start = j;
      i = j - 1;
    }
  }
  addTrimmed(s, start, s.length);
  return BOUNDS;
}

/** The sentence s[start, end) without its spaces at either end, into BOUNDS unless nothing is left. */
function addTrimmed(s: string, start: number, end: number): void {
  while (start < end && isSpaceLike(s.charCodeAt(start))) start++;
  while (end > start && isSpaceLike(s.charCodeAt(end - 1))) end--;
  if (end <= start) return;
  const k = BOUNDS.count;
  if (k === BOUNDS.starts.length) {
    const starts = new Int32Array(2 * k);
    const ends = new Int32Array(2 * k);
    starts.set(BOUNDS.starts);
    ends.set(BOUNDS.ends);
    BOUNDS.starts = starts;
    BOUNDS.ends = ends;
  }
  BOUNDS.starts[k] = start;
  BOUNDS.ends[k] = end;
  BOUNDS.count = k + 1;
}

/** A '.' ends a sentence when followed by space or end, and not between digits (5.45). */
function isWesternStop(s: string, i: number): boolean {
  const next = s.charCodeAt(i + 1);
  if (i + 1 >= s.length) return true;
  const prev = s.charCodeAt(i - 1);
  if (prev >= 0x30 && prev <= 0x39 && next >= 0x30 && next <= 0x39) return false;
  return next === 0x20 || next === 0x0a;
}
