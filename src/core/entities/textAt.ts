/** Reading characters of the Simplified view by UTF-16 offset, astral ideographs included. */
import { isCjk } from '../text/chars';

/** UTF-16 length of the CJK ideograph at i (2 for Extension B and beyond), or 0. */
export function cjkLengthAt(s: string, i: number): number {
  const c = s.codePointAt(i);
  if (c === undefined || !isCjk(c)) return 0;
  return c > 0xffff ? 2 : 1;
}

/** UTF-16 length of the CJK ideograph that ends at i (before i), or 0. */
export function cjkLengthBefore(s: string, i: number): number {
  if (i <= 0) return 0;
  const low = s.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) return cjkLengthAt(s, i - 2) === 2 ? 2 : 0;
  return cjkLengthAt(s, i - 1) === 1 ? 1 : 0;
}

export function isLatinLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/**
 * text.charCodeAt(k) at an integer offset k, read within the text, -1 past either end (where charCodeAt reads NaN):
 * a read past an end makes the compiled code call the generic charCodeAt at that read ever
 * after, and a table indexed by NaN read through the generic keyed load. -1 is NaN to every
 * comparison with a unit and to a table's read (undefined), not to bit arithmetic.
 */
export function unitOr(text: string, k: number): number {
  return k >= 0 && k < text.length ? text.charCodeAt(k) : -1;
}

export function isLatinWordChar(c: number): boolean {
  return isLatinLetter(c) || (c >= 0x30 && c <= 0x39);
}

export { endsWithAt, triggerTable } from '../text/chars';
