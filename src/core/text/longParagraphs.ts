/**
 * Where a very long paragraph is cut into pieces that are analysed as paragraphs of their own.
 *
 * Scraped articles often come as one line: the whole article, or a long stretch of it, is then
 * one paragraph. Every detector runs over a paragraph in one go, so the editor's analysis (which
 * yields to its event loop between paragraphs) held its thread for the whole text (a 1 MB line:
 * 2.5 s), and typing in it analysed all of it again on every keystroke. Pieces of a few thousand
 * characters bound both: a step of the analysis is one piece at most, and an edit re-analyses the
 * pieces it touches (the others are found in the paragraph cache by their text).
 */
import { isSpaceLike } from './chars';
import type { Line } from './paragraphs';
import { fnv1a } from './fnv';

/** A paragraph longer than this (UTF-16 units) is cut into pieces; a piece is at most this long. */
export const MAX_PIECE = 16_384;
/** A cut falls at a sentence end at least this far (UTF-16 units) into the piece. */
export const MIN_PIECE = 8_192;

/**
 * Sentence ends a piece may end at. Not the semicolons, the ellipsis or the full stop: a cut after
 * one of them would split a clause, a number (2477.56) or a name (U.S.) more often than a sentence.
 */
const ENDS = new Uint8Array(0x10000);
for (const c of '。！？!?') ENDS[c.charCodeAt(0)] = 1;
/** What may follow a sentence end and still belong to its sentence: more ends, closing quotes and brackets, ellipses. */
const TRAILING = new Uint8Array(0x10000);
for (const c of '。！？!?…；;”」』》）)】’〉') TRAILING[c.charCodeAt(0)] = 1;
/** Where a piece of text without a sentence end in reach may end instead: after a comma. */
const COMMAS = new Uint8Array(0x10000);
for (const c of '，,、；;') COMMAS[c.charCodeAt(0)] = 1;

/**
 * The pieces of the paragraph text[start, end): the paragraph itself when it is at most MAX_PIECE
 * long. Each cut falls at a sentence end MIN_PIECE or more into its piece (with the closing
 * quotes after it), one the text picks (isLandmark), so that after an edit the cuts past it come
 * back to where they were at the next piece, and those pieces are found in the paragraph cache.
 * Without such a sentence end in reach, the first sentence end in reach is the cut; text with
 * none is cut after its last comma in reach, else at MAX_PIECE (never between the two halves of
 * a surrogate pair). Spaces at a cut belong to no piece; the pieces cover the rest of the range,
 * in order.
 */
export function piecesOf(text: string, start: number, end: number): Line[] {
  if (end - start <= MAX_PIECE) return [{ start, end }];
  const pieces: Line[] = [];
  let from = start;
  while (end - from > MAX_PIECE) {
    const cut = cutAfter(text, from);
    let to = cut;
    while (to > from && isSpaceLike(text.charCodeAt(to - 1))) to--;
    pieces.push({ start: from, end: to });
    from = cut;
    while (from < end && isSpaceLike(text.charCodeAt(from))) from++;
  }
  if (from < end) pieces.push({ start: from, end });
  return pieces;
}

/** How many units before a sentence end decide whether it is a landmark (isLandmark): fewer than MIN_PIECE. */
const LANDMARK_UNITS = 8;

/** Where the piece starting at `from` ends (its range is longer than MAX_PIECE). */
function cutAfter(text: string, from: number): number {
  const limit = from + MAX_PIECE;
  let first = -1;
  for (let i = from + MIN_PIECE - 1; i < limit; i++) {
    if (ENDS[text.charCodeAt(i)] !== 1) continue;
    if (first < 0) first = i;
    if (isLandmark(text, i)) return pastClosers(text, i, limit);
  }
  if (first >= 0) return pastClosers(text, first, limit);
  for (let i = limit - 1; i >= from + MIN_PIECE; i--) if (COMMAS[text.charCodeAt(i)] === 1) return i + 1;
  const low = text.charCodeAt(limit);
  const high = text.charCodeAt(limit - 1);
  return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? limit - 1 : limit;
}

/**
 * Whether the sentence end at `i` is one of about one in sixteen that a hash of the eight units
 * before it picks. A cut falls at the first of these in reach, wherever the piece started: two
 * splits whose pieces started at different places (before and after an edit) cut at the same
 * place again at the next piece. Cutting at the first sentence end in reach would keep them
 * apart for as long as sentences are about as long as the distance between the two starts.
 */
function isLandmark(text: string, i: number): boolean {
  return fnv1a(text, i - LANDMARK_UNITS, i) >>> 28 === 0;
}

function pastClosers(text: string, i: number, limit: number): number {
  let j = i + 1;
  while (j < limit && TRAILING[text.charCodeAt(j)] === 1) j++;
  return j;
}
