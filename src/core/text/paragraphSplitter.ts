import { TextCopies } from './copies';
import { MAX_PIECE } from './longParagraphs';
import { describeRange, rangeKind, talliedRanges, type Line, type Paragraph, type ParagraphBase, type ParagraphKind, type RangeTally } from './paragraphs';

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
  /** The bases of each duplicate key (body paragraphs), in document order: the first is the original. */
  private readonly holders = new Map<string, ParagraphBase[]>();
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
    const edit = this.lastEdit as ParagraphSplitter['lastEdit'];
    const paragraphs = edit ? this.remark(bases, edit) : this.mark(bases);
    this.text = text;
    this.bases = bases;
    this.paragraphs = paragraphs;
    return paragraphs;
  }

  /**
   * Which paragraphs repeat an earlier one, decided from scratch as markDuplicates decides (a
   * paragraph repeats the first holder of its key), and the holders of each key remembered for
   * remark(). (From the holders: markDuplicates' own map of the same keys was a second
   * insertion per body paragraph.)
   */
  private mark(bases: ParagraphBase[]): Paragraph[] {
    this.holders.clear();
    const out: Paragraph[] = new Array(bases.length);
    for (let k = 0; k < bases.length; k++) {
      const b = bases[k]!;
      let kind = b.kind;
      let duplicateOf: number | undefined;
      if (b.key !== undefined) {
        const list = this.holders.get(b.key);
        if (list) {
          kind = 'duplicate';
          duplicateOf = indexOfBase(bases, list[0]!);
          list.push(b);
        } else this.holders.set(b.key, [b]);
      }
      out[k] = paragraphOf(b, kind, duplicateOf);
    }
    return out;
  }

  /**
   * The same after an edit, without a pass over every key: only the keys of the paragraphs
   * that came and went can change which copy is the first. The paragraphs the edit left
   * alone keep their objects; those it moved get new ones (an earlier split's paragraphs stay
   * as they were), with the index of the paragraph they repeat moved too.
   */
  private remark(bases: ParagraphBase[], edit: NonNullable<ParagraphSplitter['lastEdit']>): Paragraph[] {
    const { from, removed, added } = edit;
    const diff = added - removed;
    const last = this.paragraphs;
    const keys = new Set<string>();
    for (let i = from; i < from + removed; i++) {
      const b = this.bases[i]!;
      if (b.key === undefined) continue;
      keys.add(b.key);
      const list = this.holders.get(b.key);
      const at = list ? list.indexOf(b) : -1;
      if (at < 0) continue;
      if (list!.length === 1) this.holders.delete(b.key);
      else list!.splice(at, 1);
    }
    for (let k = from; k < from + added; k++) {
      const b = bases[k]!;
      if (b.key === undefined) continue;
      keys.add(b.key);
      const list = this.holders.get(b.key);
      if (!list) this.holders.set(b.key, [b]);
      else {
        // in document order (the holders after the edit were moved in place with their bases)
        let at = list.length;
        while (at > 0 && list[at - 1]!.start > b.start) at--;
        list.splice(at, 0, b);
      }
    }
    const out: Paragraph[] = new Array(bases.length);
    for (let k = 0; k < from; k++) out[k] = last[k]!;
    for (let k = from; k < from + added; k++) out[k] = paragraphOf(bases[k]!, bases[k]!.kind, undefined);
    for (let k = from + added; k < bases.length; k++) {
      const b = bases[k]!;
      const p = last[k - diff]!;
      let duplicateOf = p.duplicateOf;
      if (duplicateOf !== undefined && duplicateOf >= from + removed) duplicateOf += diff;
      out[k] = p.start === b.start && p.end === b.end && duplicateOf === p.duplicateOf ? p : paragraphOf(b, p.kind, duplicateOf);
    }
    // the copies of each key that came or went: the first is the original, the others repeat it
    for (const key of keys) {
      const list = this.holders.get(key);
      if (!list) continue;
      const first = indexOfBase(bases, list[0]!);
      for (let h = 0; h < list.length; h++) {
        const b = list[h]!;
        const k = h === 0 ? first : indexOfBase(bases, b);
        const kind = h === 0 ? b.kind : 'duplicate';
        const duplicateOf = h === 0 ? undefined : first;
        const p = out[k]!;
        if (p.kind !== kind || p.duplicateOf !== duplicateOf) out[k] = paragraphOf(b, kind, duplicateOf);
      }
    }
    return out;
  }

  private fresh(text: string): ParagraphBase[] {
    const copies = new TextCopies(text);
    const { ranges, tallies } = talliedRanges(text, 0, text.length, copies.units());
    this.described = ranges.length;
    return ranges.map((r, k) => describeRange(text, r, tallies[k], copies));
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
    // a line can hold two paragraphs (a credit and the body after it): re-split it whole; and a piece
    // of a long paragraph (longParagraphs.ts) with the whole paragraph, whose start its cuts follow from
    // (a line's paragraphs share its start: looked for again only when a paragraph starts on an earlier line)
    let fromLine = lineStart(text, old[from]?.start ?? 0);
    while (from > 0 && (old[from - 1]!.end >= fromLine || isLaterPiece(old[from]!))) {
      from--;
      if (old[from]!.start < fromLine) fromLine = lineStart(text, old[from]!.start);
    }
    const fromPos = from === 0 ? 0 : fromLine;
    // the first paragraph wholly after the change, whose line start is after it too (and not a piece
    // after the first of its paragraph: its line start can be inside the paragraph)
    let next = first;
    const beforeLines = new LineStarts(before);
    while (next < old.length && (beforeLines.of(old[next]!.start) <= oldChangeEnd || isLaterPiece(old[next]!))) next++;
    // and then on, until the new split meets an old paragraph again (an edit can join lines)
    for (let step = 1; ; step *= 2) {
      const toPos = next < old.length ? lineStart(text, old[next]!.start + delta) : text.length;
      const { ranges, tallies } = talliedRanges(text, fromPos, toPos);
      const last = ranges[ranges.length - 1];
      const prevOld = old[next - 1];
      // never at the old first paragraph, nor at the new one: whether a paragraph is the headline,
      // and so whether the next line joins it, depends on what comes before it (a deleted first
      // line makes the next one the headline); nor at a piece, whose kind is its whole paragraph's;
      // nor at the body after a byline on its line, which the next line joins or not by the whole
      // line's kind (a line break typed after the byline makes the body a line of its own)
      const meets =
        next >= old.length ||
        (last !== undefined && prevOld !== undefined && next - 1 > 0 && from + ranges.length - 1 > 0 && prevOld.group === undefined && tallies[ranges.length - 1]?.group === undefined &&
          prevOld.start >= oldChangeEnd && last.start === prevOld.start + delta && last.end === prevOld.end + delta &&
          !sharesLine(text, ranges[ranges.length - 2], last) && !sharesLine(before, old[next - 2], prevOld));
      if (meets) {
        // the paragraphs the edit cannot reach are the old ones, those before it and those past it (moved):
        // the pieces of a long line are cut where they were from a piece or two past the edit on, so that
        // typing in a one-line article re-describes (and re-analyses) only the pieces around the edit
        const edit = { delta, prefix, oldChangeEnd };
        let lead = 0;
        while (lead < ranges.length && from + lead < next && sameBase(text, ranges[lead]!, tallies[lead], old[from + lead]!, edit, false)) lead++;
        let same = 0;
        for (;;) {
          const k = ranges.length - 1 - same;
          const oldK = next - 1 - same;
          if (k < Math.max(1, lead) || oldK < Math.max(1, from + lead) || !sameBase(text, ranges[k]!, tallies[k], old[oldK]!, edit, true)) break;
          same++;
        }
        const kept = ranges.length - same;
        this.described = kept - lead;
        this.lastEdit = { from: from + lead, removed: next - same - from - lead, added: kept - lead, delta };
        // (the paragraphs of an edit are a few: each copied on its own, not from a buffer of the whole text)
        const out = old.slice(0, from + lead);
        for (let k = lead; k < kept; k++) out.push(describeRange(text, ranges[k]!, tallies[k]));
        for (let k = kept; k < ranges.length; k++) {
          // (a piece's paragraph can start before the edit: it did not move)
          const b = shifted(old[next - ranges.length + k]!, delta);
          if (b.group !== undefined) b.group = tallies[k]!.group;
          out.push(b);
        }
        // (past the re-split, a piece's paragraph starts past the edit: old[next] is none's later piece)
        for (let k = next; k < old.length; k++) out.push(shifted(old[k]!, delta));
        return out;
      }
      next = Math.min(old.length, next + step);
      while (next < old.length && isLaterPiece(old[next]!)) next++;
    }
  }
}

/** Whether `paragraph` starts on the line where the paragraph before it ends. */
function sharesLine(text: string, before: Line | undefined, paragraph: Line): boolean {
  return before !== undefined && before.end >= lineStart(text, paragraph.start);
}

/** A piece of a long paragraph after its first: where its line starts, its paragraph may not (a cut can fall on a line break of a joined paragraph). */
function isLaterPiece(b: ParagraphBase): boolean {
  return b.group !== undefined && b.group < b.start;
}

/**
 * Whether the old base `o` is what describing the new range r would give: the same range (moved
 * by the edit's delta when `after` it), kind and paragraph, in text the edit left alone (before
 * `prefix`, or from `oldChangeEnd` on in the old text). A piece's cut can depend on the text up
 * to MAX_PIECE past its start (the last comma in reach), and its kind on its whole paragraph,
 * which can start before the edit (and so not move) while the piece is past it.
 */
function sameBase(text: string, r: Line, t: RangeTally | undefined, o: ParagraphBase, edit: { delta: number; prefix: number; oldChangeEnd: number }, after: boolean): boolean {
  const { delta, prefix, oldChangeEnd } = edit;
  const moved = after ? delta : 0;
  if (r.start !== o.start + moved || r.end !== o.end + moved) return false;
  if (after ? o.start < oldChangeEnd : !(o.end < prefix && (t?.group === undefined || o.start + MAX_PIECE < prefix))) return false;
  if (t?.group === undefined && o.group === undefined) return rangeKind(text, r, t) === o.kind;
  if (t?.group === undefined || o.group === undefined || t.kind !== o.kind) return false;
  return t.group === (o.group >= oldChangeEnd ? o.group + delta : o.group < prefix ? o.group : Number.NaN);
}

function paragraphOf(b: ParagraphBase, kind: ParagraphKind, duplicateOf: number | undefined): Paragraph {
  const p: Paragraph = { start: b.start, end: b.end, text: b.text, kind, debris: b.debris };
  if (duplicateOf !== undefined) p.duplicateOf = duplicateOf;
  return p;
}

/** The index of a base in the split, by its start (bases are sorted by it). */
function indexOfBase(bases: readonly ParagraphBase[], b: ParagraphBase): number {
  let lo = 0;
  let hi = bases.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (bases[mid]!.start < b.start) lo = mid + 1;
    else hi = mid;
  }
  while (bases[lo] !== b && lo < bases.length - 1 && bases[lo + 1]!.start === b.start) lo++;
  if (bases[lo] !== b) throw new Error('a paragraph of the duplicate map is not in the split');
  return lo;
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

/**
 * lineStart of positions that only grow (a walk over the paragraphs), in one pass over the text:
 * lastIndexOf from each paragraph went back over the whole line, once per piece of a one-line
 * article (longParagraphs.ts): quadratic in the line's length.
 */
class LineStarts {
  private at = 0;
  private start = 0;
  /** The first newline at or after `at`, or the text's length. */
  private newline: number;

  constructor(private readonly text: string) {
    this.newline = newlineFrom(text, 0);
  }

  of(at: number): number {
    if (at < this.at) return lineStart(this.text, at);
    while (this.newline < at) {
      this.start = this.newline + 1;
      this.newline = newlineFrom(this.text, this.start);
    }
    this.at = at;
    return this.start;
  }
}

function newlineFrom(text: string, from: number): number {
  const at = text.indexOf('\n', from);
  return at < 0 ? text.length : at;
}

/** Moves a base by `delta`, in place: bases are this splitter's own (a paragraph made from one copies its offsets, and its debris is replaced, never changed). */
function shifted(b: ParagraphBase, delta: number): ParagraphBase {
  if (delta === 0) return b;
  b.start += delta;
  b.end += delta;
  if (b.group !== undefined) b.group += delta;
  if (b.debris.length) b.debris = b.debris.map((d) => ({ start: d.start + delta, end: d.end + delta }));
  return b;
}

export type { Line };
