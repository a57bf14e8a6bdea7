import { describeRange, markDuplicates, paragraphRanges, type Line, type Paragraph, type ParagraphBase } from './paragraphs';

/**
 * splitParagraphs for a text that changes a little at a time (typing): it re-splits only the
 * paragraphs around the change, shifts those after it, and redoes the one article-level
 * decision (which paragraphs repeat an earlier one) from cached keys. The result is the same
 * as splitParagraphs(text) (test/unit/incremental.test.ts compares them after random edits).
 */
export class ParagraphSplitter {
  private text: string | undefined;
  private bases: ParagraphBase[] = [];
  private paragraphs: Paragraph[] = [];
  /** Paragraphs described afresh by the last split (for tests). */
  described = 0;
  /**
   * What the last split changed: the paragraphs before `from` are the old ones, those from
   * `from + added` on are the old ones from `from + removed` on, moved by `delta` UTF-16
   * units. Undefined after a split from scratch.
   */
  lastEdit: { from: number; removed: number; added: number; delta: number } | undefined;

  split(text: string): Paragraph[] {
    const before = this.text;
    if (before === text) {
      this.lastEdit = { from: this.paragraphs.length, removed: 0, added: 0, delta: 0 };
      return this.paragraphs;
    }
    this.lastEdit = undefined;
    const bases = before === undefined ? this.fresh(text) : this.update(before, text);
    const last = this.paragraphs;
    const edit = this.lastEdit as ParagraphSplitter['lastEdit'];
    // an unchanged paragraph that stays what it was keeps its object (so caches keyed by it hold);
    // one the edit moved gets a new object (its base was moved in place)
    const paragraphs = markDuplicates(bases, (b, kind, duplicateOf, k) => {
      if (!edit || (k >= edit.from && k < edit.from + edit.added)) return undefined;
      const p = last[k < edit.from ? k : k - edit.added + edit.removed];
      return p && p.start === b.start && p.end === b.end && p.kind === kind && p.duplicateOf === duplicateOf ? p : undefined;
    });
    this.text = text;
    this.bases = bases;
    this.paragraphs = paragraphs;
    return paragraphs;
  }

  private fresh(text: string): ParagraphBase[] {
    const ranges = paragraphRanges(text);
    this.described = ranges.length;
    return ranges.map((r) => describeRange(text, r));
  }

  private update(before: string, text: string): ParagraphBase[] {
    const shortest = Math.min(before.length, text.length);
    const prefix = commonPrefix(before, text, shortest);
    const suffix = commonSuffix(before, text, shortest - prefix);
    const delta = text.length - before.length;
    const oldChangeEnd = before.length - suffix;
    const old = this.bases;
    // re-split from the paragraph before the first one the change touches: whether a line
    // joins the one before it depends on both, and that pair is unchanged only from there
    let first = 0;
    while (first < old.length && old[first]!.end < prefix) first++;
    let from = Math.max(0, first - 1);
    // a line can hold two paragraphs (a credit and the body after it): re-split it whole
    while (from > 0 && old[from - 1]!.end >= lineStart(text, old[from]!.start)) from--;
    const fromPos = from === 0 ? 0 : lineStart(text, old[from]!.start);
    // the first paragraph wholly after the change, whose line start is after it too
    let next = first;
    while (next < old.length && lineStart(before, old[next]!.start) <= oldChangeEnd) next++;
    // and then on, until the new split meets an old paragraph again (an edit can join lines)
    for (let step = 1; ; step *= 2) {
      const toPos = next < old.length ? lineStart(text, old[next]!.start + delta) : text.length;
      const ranges = paragraphRanges(text, fromPos, toPos);
      const last = ranges[ranges.length - 1];
      const prevOld = old[next - 1];
      // never at the old first paragraph: whether it is the headline, and so whether the next
      // line joins it, depends on what comes before it
      const meets =
        next >= old.length ||
        (last !== undefined && prevOld !== undefined && next - 1 > 0 && prevOld.start >= oldChangeEnd && last.start === prevOld.start + delta && last.end === prevOld.end + delta);
      if (meets) {
        this.described = ranges.length;
        this.lastEdit = { from, removed: next - from, added: ranges.length, delta };
        const middle = ranges.map((r) => (last === r && next < old.length ? shifted(prevOld!, delta) : describeRange(text, r)));
        const out = old.slice(0, from);
        for (const b of middle) out.push(b);
        for (let k = next; k < old.length; k++) out.push(shifted(old[k]!, delta));
        return out;
      }
      next = Math.min(old.length, next + step);
    }
  }
}

/** Compared a block at a time (string equality is a memory compare), then a character at a time. */
const BLOCK = 32_768;

function commonPrefix(a: string, b: string, limit: number): number {
  let n = 0;
  while (n + BLOCK <= limit && a.slice(n, n + BLOCK) === b.slice(n, n + BLOCK)) n += BLOCK;
  while (n < limit && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

function commonSuffix(a: string, b: string, limit: number): number {
  let n = 0;
  while (n + BLOCK <= limit && a.slice(a.length - n - BLOCK, a.length - n) === b.slice(b.length - n - BLOCK, b.length - n)) n += BLOCK;
  while (n < limit && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

/**
 * Where the line holding `at` starts: past the newline before it (the blank run before a
 * paragraph belongs to no paragraph). A paragraph that starts mid-line (the body after a
 * credit) has the start of its line, which the paragraph before it shares.
 */
function lineStart(text: string, at: number): number {
  const newline = text.lastIndexOf('\n', at - 1);
  return at === 0 ? 0 : newline + 1;
}

/** Moves a base by `delta`, in place: bases are this splitter's own (a paragraph made from one copies its offsets, and its debris is replaced, never changed). */
function shifted(b: ParagraphBase, delta: number): ParagraphBase {
  if (delta === 0) return b;
  b.start += delta;
  b.end += delta;
  if (b.debris.length) b.debris = b.debris.map((d) => ({ start: d.start + delta, end: d.end + delta }));
  return b;
}

export type { Line };
