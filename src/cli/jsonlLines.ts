/**
 * The lines of a JSONL file, read in chunks so that memory stays bounded by the longest
 * line allowed: a longer line is skipped (reported with its number and size), never held.
 */
import { closeSync, openSync, readSync } from 'node:fs';

export type JsonlLine = { n: number; text: string } | { n: number; tooLarge: number };

const CHUNK = 1 << 20;

export function* jsonlLines(path: string, maxLineBytes: number): Generator<JsonlLine> {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(CHUNK);
    let parts: Buffer[] = [];
    let size = 0;
    let skipping = false;
    let n = 0;
    const finish = (): JsonlLine => {
      n++;
      const line: JsonlLine = skipping ? { n, tooLarge: size } : { n, text: Buffer.concat(parts, size).toString('utf8') };
      parts = [];
      size = 0;
      skipping = false;
      return line;
    };
    for (;;) {
      const read = readSync(fd, buf, 0, CHUNK, null);
      if (read === 0) break;
      let from = 0;
      while (from < read) {
        const nl = buf.indexOf(0x0a, from);
        const to = nl < 0 || nl >= read ? read : nl;
        size += to - from;
        if (!skipping && size > maxLineBytes) {
          skipping = true;
          parts = [];
        }
        if (!skipping && to > from) parts.push(Buffer.from(buf.subarray(from, to)));
        if (to === read) break;
        yield finish();
        from = to + 1;
      }
    }
    if (size > 0) yield finish();
  } finally {
    closeSync(fd);
  }
}
