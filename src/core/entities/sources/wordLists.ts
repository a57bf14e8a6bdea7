/**
 * Lists of words asked about at a position of a text: whether one starts, ends or lies there,
 * without a slice or a closure per question (the tagger's proposals ask them at every name).
 */
import { endsWithAny, startsWithAny } from '../../text/chars';

export { endsWithAny, startsWithAny };

/** Whether `s[start, end)` holds one of `words` (as s.slice(start, end).includes of one of them, without the slice). */
export function includesAnyIn(s: string, start: number, end: number, words: readonly string[]): boolean {
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    for (let at = start; at + w.length <= end; at++) if (s.startsWith(w, at)) return true;
  }
  return false;
}

/** Whether every code point of `s[start, end)` is in `set` (as [...s.slice(start, end)].every((c) => set.has(c))). */
export function allIn(s: string, start: number, end: number, set: ReadonlySet<string>): boolean {
  for (let i = start; i < end; ) {
    const cp = s.codePointAt(i)!;
    const width = cp > 0xffff && i + 1 < end ? 2 : 1;
    if (!set.has(width === 2 ? s.slice(i, i + 2) : s[i]!)) return false;
    i += width;
  }
  return true;
}

/**
 * A list of words with their first and last UTF-16 units in two filters of 2048 bits: the
 * questions of startsWithAny, endsWithAny and includesAnyIn, where most positions are ruled out
 * by one read (a name is asked them a few times each, with lists of up to forty words). A
 * position the filter lets through is asked only the words that start (or end) with its unit:
 * a cue before every quote, asked of each of sixty words, was most of what a quote cost.
 */
export class WordList {
  private readonly first = new Int32Array(64);
  private readonly last = new Int32Array(64);
  /** The words by their first unit and by their last, each in the list's order. */
  private readonly byFirst = new Map<number, string[]>();
  private readonly byLast = new Map<number, string[]>();
  /** An empty word starts and ends everywhere. */
  private readonly empty: boolean;

  constructor(readonly words: readonly string[]) {
    for (const w of words) {
      if (w.length === 0) continue;
      WordList.set(this.first, w.charCodeAt(0));
      WordList.set(this.last, w.charCodeAt(w.length - 1));
      WordList.add(this.byFirst, w.charCodeAt(0), w);
      WordList.add(this.byLast, w.charCodeAt(w.length - 1), w);
    }
    this.empty = words.some((w) => w.length === 0);
  }

  private static set(bits: Int32Array, unit: number): void {
    bits[(unit >>> 5) & 63]! |= 1 << (unit & 31);
  }

  private static add(by: Map<number, string[]>, unit: number, word: string): void {
    const list = by.get(unit);
    if (list) list.push(word);
    else by.set(unit, [word]);
  }

  /** (NaN, past either end, reads as unit 0: the words are compared then, as without the filter) */
  private static has(bits: Int32Array, unit: number): boolean {
    return (bits[(unit >>> 5) & 63]! & (1 << (unit & 31))) !== 0;
  }

  /** startsWithAny(s, words, at). */
  startsAt(s: string, at: number): boolean {
    if (this.empty) return startsWithAny(s, this.words, at);
    // (startsWith reads a negative offset as 0; a word starts with the unit it is compared at)
    // (and NaN past the end, as charCodeAt reads it there, with no read past the end: see
    // unitOr; a NaN offset reads at 0, as charCodeAt reads it)
    const k = at < 0 ? 0 : at;
    const unit = !(k >= s.length) ? s.charCodeAt(k) : NaN;
    if (!WordList.has(this.first, unit)) return false;
    const words = this.byFirst.get(unit);
    return words !== undefined && startsWithAny(s, words, at);
  }

  /** endsWithAny(s, words, at). */
  endsAt(s: string, at: number): boolean {
    if (this.empty) return endsWithAny(s, this.words, at);
    // (endsWith reads its end clamped to the string; a word ends with the unit before it)
    const end = at > s.length ? s.length : at;
    const unit = !(end <= 0) ? s.charCodeAt(end - 1) : NaN;
    if (!WordList.has(this.last, unit)) return false;
    const words = this.byLast.get(unit);
    return words !== undefined && endsWithAny(s, words, at);
  }

  /** includesAnyIn(s, start, end, words). */
  includedIn(s: string, start: number, end: number): boolean {
    if (this.empty || start < 0) return includesAnyIn(s, start, end, this.words);
    for (let at = start; at < end; at++) {
      const unit = s.charCodeAt(at);
      if (!WordList.has(this.first, unit)) continue;
      const words = this.byFirst.get(unit);
      if (words === undefined) continue;
      for (let k = 0; k < words.length; k++) if (at + words[k]!.length <= end && s.startsWith(words[k]!, at)) return true;
    }
    return false;
  }
}
