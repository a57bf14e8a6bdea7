/**
 * The paragraph the claims stage reads: its UTF-16 codes in a typed array, and its units as
 * strings of their own, both from one array the stage keeps (written over for each paragraph:
 * the stage is never called inside itself).
 *
 * The codes are for the cue scan (cues.ts' readUnitWithCuesAt), which reads every character of
 * every unit: a read of a typed array is a load, where each charCodeAt of a string tells the
 * string's kind again (sequential or not, one byte or two). They are written by Node's Buffer
 * in one native copy (buf.write), with no buffer made per paragraph; elsewhere, or on a
 * big-endian host, by charCodeAt.
 *
 * The copies are as text/copies.ts' TextCopies makes them (and why), from the same array: a
 * slice of 13 units or more is a view into the paragraph, every character of which costs more
 * to read, and the stage reads each unit's characters a dozen times over.
 */

import { LITTLE_ENDIAN, MAX_COPY, MIN_VIEW, NodeBuffer } from '../text/copies';

let codes = new Uint16Array(4096);
/** The same memory as bytes (where Node's Buffer writes and reads UTF-16LE), or undefined where there is none. */
let bytes = bytesOf(codes);
let text = '';

function bytesOf(a: Uint16Array): Buffer | undefined {
  return NodeBuffer !== undefined && LITTLE_ENDIAN ? NodeBuffer.from(a.buffer, a.byteOffset, a.byteLength) : undefined;
}

/** Reads `t` in: returns its codes (entries 0 .. t.length - 1 of the array, which may be longer). */
export function readParagraph(t: string): Uint16Array {
  const n = t.length;
  if (codes.length < n) {
    codes = new Uint16Array(Math.max(n, 2 * codes.length));
    bytes = bytesOf(codes);
  }
  if (bytes !== undefined) bytes.write(t, 0, 'utf16le');
  else for (let i = 0; i < n; i++) codes[i] = t.charCodeAt(i);
  text = t;
  return codes;
}

/** text.slice(start, end) of the paragraph read last, as a string of its own (as TextCopies.slice). */
export function unitCopy(start: number, end: number): string {
  if (end - start < MIN_VIEW || end - start > MAX_COPY || bytes === undefined || (start === 0 && end === text.length)) return text.slice(start, end);
  return bytes.toString('utf16le', 2 * start, 2 * end);
}

/** Lets go of the paragraph read last. */
export function releaseParagraph(): void {
  text = '';
}
