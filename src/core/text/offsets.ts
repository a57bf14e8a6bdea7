/**
 * The one place where offsets change units.
 *
 * VS Code counts UTF-16 code units; sidecars and the benchmark format count Unicode code
 * points, end exclusive. Everything in the core works in UTF-16 (JavaScript strings) and
 * converts at the boundary through an `OffsetIndex`, which is O(1) for text without astral
 * characters and O(log n) otherwise.
 */

/** Whether the UTF-16 unit at `i` is the second half of a surrogate pair. */
export function isLowSurrogateAfterHigh(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0xdc00 || c > 0xdfff || i === 0) return false;
  const p = text.charCodeAt(i - 1);
  return p >= 0xd800 && p <= 0xdbff;
}

export class OffsetIndex {
  /** UTF-16 offsets of the low halves of surrogate pairs, ascending. Empty for BMP-only text. */
  private readonly astral: number[] = [];
  readonly utf16Length: number;
  readonly codePointLength: number;

  constructor(readonly text: string) {
    // the search finds the first low half far faster than the loop's reads (a megabyte article on every keystroke)
    const first = text.search(/[\uDC00-\uDFFF]/);
    for (let i = first < 0 ? text.length : Math.max(1, first); i < text.length; i++) {
      if (isLowSurrogateAfterHigh(text, i)) this.astral.push(i);
    }
    this.utf16Length = text.length;
    this.codePointLength = text.length - this.astral.length;
  }

  /** Number of low surrogates strictly before UTF-16 offset `u`. */
  private lowsBefore(u: number): number {
    let lo = 0;
    let hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.astral[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** UTF-16 offset → code-point offset. An offset inside a surrogate pair rounds down. */
  toCodePoint(utf16: number): number {
    const u = Math.max(0, Math.min(utf16, this.utf16Length));
    if (this.astral.length === 0) return u;
    const lows = this.lowsBefore(u);
    // an offset that points at a low surrogate is inside a pair: round down to the pair's start
    return this.astral[lows] === u ? u - lows - 1 : u - lows;
  }

  /** Code-point offset → UTF-16 offset. Values past the end clamp to the end. */
  toUtf16(codePoint: number): number {
    const c = Math.max(0, Math.min(codePoint, this.codePointLength));
    if (this.astral.length === 0) return c;
    // pair k starts at code point astral[k] - 1 - k; count the pairs that start before c
    let lo = 0;
    let hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.astral[mid]! - mid <= c) lo = mid + 1;
      else hi = mid;
    }
    return c + lo;
  }
}

/** Code-point length of a string. */
export function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    if (!isLowSurrogateAfterHigh(s, i)) n++;
  }
  return n;
}

/** Slice a string by code-point offsets, end exclusive. */
export function sliceCodePoints(s: string, start: number, end?: number): string {
  const idx = new OffsetIndex(s);
  return s.slice(idx.toUtf16(start), end === undefined ? undefined : idx.toUtf16(end));
}

export const BOM = '\uFEFF';

/** Strip a leading byte-order mark. Offsets everywhere count from after it, as the editor does. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
