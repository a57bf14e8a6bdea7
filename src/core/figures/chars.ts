/** Character tests and bounded look-ahead shared by the figure readers. */
import { isArabicDigit } from './numerals';

export function isLatinLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a);
}

export function isNameChar(c: number): boolean {
  return isLatinLetter(c) || isArabicDigit(c) || c === 0x2d /* - */ || c === 0x2e /* . */ || c === 0x5f;
}

export function skipSpaces(text: string, i: number, max = 3): number {
  let j = i;
  while (j < text.length && j - i < max && (text.charCodeAt(j) === 0x20 || text.charCodeAt(j) === 0xa0)) j++;
  return j;
}

/** Up to `count` non-space characters from i, allowing short runs of spaces between them. */
export function compactAt(text: string, i: number, count: number): { text: string; end: number } | undefined {
  // (mostly no space at all: one slice, where a string built unit by unit was a string per unit)
  if (count > 0 && i >= 0 && i + count <= text.length && !hasSpace(text, i, i + count)) return { text: text.slice(i, i + count), end: i + count };
  let out = '';
  let j = i;
  while (out.length < count && j < text.length) {
    const k = skipSpaces(text, j, 4);
    if (k >= text.length) break;
    if (out.length === 0 && k !== i) return undefined;
    out += text[k];
    j = k + 1;
  }
  return out.length === count ? { text: out, end: j } : undefined;
}

/**
 * text.charCodeAt(k) for an integer k, NaN outside the text as there, the bounds tested first:
 * optimised code that meets a charCodeAt past the end (after a number that ends a paragraph)
 * throws itself away and is compiled again, once for every such call.
 */
export function unitAt(text: string, k: number): number {
  return k >= 0 && k < text.length ? text.charCodeAt(k) : NaN;
}

/** Whether text[from, to) holds a unit that skipSpaces skips. */
function hasSpace(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x20 || c === 0xa0) return true;
  }
  return false;
}

export const pad2 = (n: number) => String(n).padStart(2, '0');
