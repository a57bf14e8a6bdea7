/**
 * The text that anchors are matched against: Traditional folded to Simplified character by
 * character, and the CR of every CRLF dropped, so that converting a line's script or the
 * file's line endings is not an edit. Folding is context-free (one character at a time,
 * never opencc's phrase conversion), so a quote folds the same way alone as inside the
 * article. Offsets map back to the original text.
 */
import { simplifiedConverter } from '../script/normalize';

/** Wrong conversions seen in scraped text that opencc leaves alone (as in normalize.ts). */
const FIXUPS: Record<string, string> = { 爲: '为', 麽: '么', 裏: '里' };
// a U+FEFF at the start of a text or of a slice is a character like any other, not a byte order mark to drop
const UTF16 = new TextDecoder('utf-16le', { ignoreBOM: true });

/** Folded form of each UTF-16 unit, filled on first use (0: not yet known). */
const FOLDED = new Uint16Array(0x10000);

function isHan(c: number): boolean {
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}

function foldUnit(c: number): number {
  if (!isHan(c)) return c;
  let f = FOLDED[c]!;
  if (f === 0) {
    const ch = String.fromCharCode(c);
    const converted = FIXUPS[ch] ?? simplifiedConverter()(ch);
    f = converted.length === 1 ? converted.charCodeAt(0) : c;
    FOLDED[c] = f;
  }
  return f;
}

/**
 * A string folded the same way as a text (for quotes, prefixes and suffixes). A CR at its
 * end is dropped too: a stored context can end between the CR and the LF of a CRLF.
 */
export function foldString(s: string): string {
  const folded = new FoldedText(s).text;
  return folded.endsWith('\r') ? folded.slice(0, -1) : folded;
}

export class FoldedText {
  /** The folded text. */
  readonly text: string;
  /** For each folded UTF-16 offset (and the end), the offset in the original; absent when no CR was dropped. */
  private readonly toRawMap?: Int32Array;

  constructor(readonly raw: string) {
    let needsFold = false;
    let crlf = false;
    for (let i = 0; i < raw.length; i++) {
      const c = raw.charCodeAt(i);
      if (c === 0x0d && raw.charCodeAt(i + 1) === 0x0a) crlf = true;
      else if (!needsFold && foldUnit(c) !== c) needsFold = true;
    }
    if (!needsFold && !crlf) {
      this.text = raw;
      return;
    }
    const units = new Uint16Array(raw.length);
    const map = crlf ? new Int32Array(raw.length + 1) : undefined;
    let n = 0;
    for (let i = 0; i < raw.length; i++) {
      const c = raw.charCodeAt(i);
      if (c === 0x0d && raw.charCodeAt(i + 1) === 0x0a) continue;
      units[n] = foldUnit(c);
      if (map) map[n] = i;
      n++;
    }
    if (map) {
      map[n] = raw.length;
      this.toRawMap = map.subarray(0, n + 1);
    }
    // a lone surrogate decodes to U+FFFD: one unit for one, so offsets still hold
    this.text = UTF16.decode(units.subarray(0, n));
  }

  /** Folded offset → original UTF-16 offset. */
  toRaw(i: number): number {
    return this.toRawMap ? this.toRawMap[Math.max(0, Math.min(i, this.toRawMap.length - 1))]! : i;
  }

  /** Original UTF-16 offset → folded offset (a dropped CR maps to its LF). */
  fromRaw(u: number): number {
    const map = this.toRawMap;
    if (!map) return Math.max(0, Math.min(u, this.text.length));
    let lo = 0;
    let hi = map.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (map[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

let lastRaw: string | undefined;
let lastFolded: FoldedText | undefined;

/** The folded form of an article; the last one is kept, since many anchors resolve against one text. */
export function foldedText(raw: string): FoldedText {
  if (lastFolded && lastRaw === raw) return lastFolded;
  lastFolded = new FoldedText(raw);
  lastRaw = raw;
  return lastFolded;
}
