/**
 * Lines and columns for reports (SARIF, GitHub annotations, `file:line:col` messages), counted
 * in code points from code-point offsets, as sidecars count them. Lines end at LF, CRLF or CR.
 */
import { OffsetIndex } from './offsets';

export interface LinePosition {
  /** 1-based. */
  line: number;
  /** 1-based, in code points. */
  column: number;
}

export class LineIndex {
  /** UTF-16 offsets where each line starts. */
  private readonly starts: number[] = [0];
  readonly offsets: OffsetIndex;

  constructor(readonly text: string, offsets = new OffsetIndex(text)) {
    this.offsets = offsets;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a) this.starts.push(i + 1);
      else if (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a) this.starts.push(i + 1);
    }
  }

  /** The line and column of a code-point offset (clamped to the text). */
  position(codePoint: number): LinePosition {
    const u = this.offsets.toUtf16(codePoint);
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! <= u) lo = mid + 1;
      else hi = mid;
    }
    const line = lo; // starts[lo - 1] <= u
    const lineStart = this.starts[line - 1]!;
    return { line, column: this.offsets.toCodePoint(u) - this.offsets.toCodePoint(lineStart) + 1 };
  }
}
