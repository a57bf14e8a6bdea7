/**
 * Pieces of a text as strings of their own. In V8, text.slice() of 13 units or more is a view
 * into the text (a sliced string), and every character read through a view costs more: the
 * engine unwraps it at each charCodeAt (about 49 instructions per character of a scan against
 * 32 for a string of its own, callgrind). The stages read each paragraph's characters some
 * thirty times over, so a paragraph is copied once, from one UTF-16 buffer of the whole text
 * (a few hundred instructions a paragraph), and every later reading is the cheaper one.
 * The copy holds the same UTF-16 units, lone surrogates included: only its representation
 * differs, never its value.
 */

/** Node's Buffer where there is one: elsewhere a piece is the plain slice. */
export const NodeBuffer: typeof Buffer | undefined = typeof Buffer === 'function' ? Buffer : undefined;
/** Whether a Uint16Array reads UTF-16LE bytes as the units they are (the host is little-endian). */
export const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/** Below this many units V8 copies a slice anyway (SlicedString::kMinLength). */
export const MIN_VIEW = 13;
/**
 * Above this many units a piece stays a view: a hostile paragraph of 80k units (分别为1亿、2亿和3亿。
 * repeated, after a headline) took 140 ms as a view and ~210 as a copy, in the claims stage's
 * arithmetic (not understood yet). Paragraphs of articles are far shorter.
 */
export const MAX_COPY = 8192;
/** Below this many units a text is scanned as a string (TextCopies.units). */
const MIN_UNITS = 1024;

/** text.slice(start, end) as a string of its own, copied on its own (for a piece or two of a text). */
export function copyOf(text: string, start: number, end: number): string {
  const s = text.slice(start, end);
  // (the whole text is the text itself, as in TextCopies.slice)
  return end - start < MIN_VIEW || end - start > MAX_COPY || NodeBuffer === undefined || (start === 0 && end === text.length) ? s : NodeBuffer.from(s, 'utf16le').toString('utf16le');
}

/** The pieces of one text, copied from one buffer of it (for many pieces). */
export class TextCopies {
  /** The text as UTF-16LE bytes, made at the first piece that needs it. */
  private buffer: Buffer | undefined;

  constructor(private readonly text: string) {}

  /**
   * The text's UTF-16 units, for a scan of a whole article (talliedRanges): from the buffer its
   * pieces are copied from, made here. Undefined for a short text (a buffer costs more than
   * its reads save), without Node's Buffer, or on a big-endian host (whose Uint16Array would
   * read the bytes swapped).
   */
  units(): Uint16Array | undefined {
    if (this.text.length < MIN_UNITS || NodeBuffer === undefined || !LITTLE_ENDIAN) return undefined;
    const units = (this.buffer ??= NodeBuffer.from(this.text, 'utf16le'));
    // (Node's pool hands out buffers at multiples of 8 bytes: the check is for safety only)
    return units.byteOffset % 2 === 0 ? new Uint16Array(units.buffer, units.byteOffset, this.text.length) : undefined;
  }

  /**
   * text.slice(start, end), as a string of its own (0 ≤ start ≤ end ≤ the text's length). The
   * whole text is the text itself, as its slice is: a one-paragraph hostile text of 80k units
   * took 50 ms as one string and 140 as two equal ones.
   */
  slice(start: number, end: number): string {
    if (end - start < MIN_VIEW || end - start > MAX_COPY || NodeBuffer === undefined || (start === 0 && end === this.text.length)) return this.text.slice(start, end);
    this.buffer ??= NodeBuffer.from(this.text, 'utf16le');
    return this.buffer.toString('utf16le', 2 * start, 2 * end);
  }
}
