/**
 * A paragraph's findings (figures, entities) read unit by unit: what lies inside each unit, the
 * units taken in order (the claims stage's reader of them).
 */

/** What a reader holds between paragraphs (never written). */
const NOTHING: readonly never[] = [];

/**
 * The findings inside each unit, units taken in order: a paragraph's findings come sorted by
 * start, so each unit reads only its own stretch of them instead of all (a long paragraph's
 * units times its findings). Unsorted lists are read whole, as before. Each finding's start,
 * end and `keep` are read once per paragraph (findings of many shapes: each read of one is a
 * look-up the engine cannot specialise), into arrays the stage keeps from one paragraph to
 * the next (typed arrays made per paragraph cost more than the reads they saved).
 */
export class Within<T extends { start: number; end: number }> {
  private list: readonly T[] = NOTHING;
  private keep: ((x: T) => boolean) | undefined;
  private from = 0;
  private sorted = true;
  private starts = new Float64Array(64);
  private ends = new Float64Array(64);
  /** 1 where `keep` holds (or there is none). */
  private kept = new Uint8Array(64);

  /** Reads a paragraph's list (taken from its start on). */
  reset(list: readonly T[], keep?: (x: T) => boolean): void {
    const n = list.length;
    if (n > this.starts.length) {
      const size = Math.max(n, this.starts.length * 2);
      this.starts = new Float64Array(size);
      this.ends = new Float64Array(size);
      this.kept = new Uint8Array(size);
    }
    const { starts, ends, kept } = this;
    let sorted = true;
    for (let i = 0; i < n; i++) {
      const x = list[i]!;
      starts[i] = x.start;
      ends[i] = x.end;
      kept[i] = !keep || keep(x) ? 1 : 0;
      // (as list[i - 1].start <= list[i].start, which a start that is no number fails)
      if (i > 0 && !(starts[i - 1]! <= starts[i]!)) sorted = false;
    }
    this.list = list;
    this.keep = keep;
    this.from = 0;
    this.sorted = sorted;
  }

  /** Lets go of the paragraph's list. */
  clear(): void {
    this.list = NOTHING;
    this.keep = undefined;
  }

  /** Those with start ≥ `start` and end ≤ `end` (and `keep`), in list order; `start` never goes down between calls. */
  take(start: number, end: number): T[] {
    const list = this.list;
    const keep = this.keep;
    if (!this.sorted) return list.filter((x) => x.start >= start && x.end <= end && (!keep || keep(x)));
    const { starts, ends, kept } = this;
    const length = list.length;
    while (this.from < length && starts[this.from]! < start) this.from++;
    // counted, then copied into a list of their number: a claim keeps it, and a list grown by
    // push has room for 17
    let n = 0;
    let to = this.from;
    for (; to < length && starts[to]! <= end; to++) if (ends[to]! <= end && kept[to] === 1) n++;
    const out = new Array<T>(n);
    for (let i = this.from, k = 0; k < n; i++) if (ends[i]! <= end && kept[i] === 1) out[k++] = list[i]!;
    return out;
  }
}
