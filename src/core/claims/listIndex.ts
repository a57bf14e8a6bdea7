/**
 * What the sum relation (relations.ts) reads around each list word (分别为) of a passage, found
 * once per passage: where its sentences and clauses end, and its figures by position. Each list
 * then reads its own sentence, clause and parts by binary search. Walking to them from each
 * list made a paragraph of many lists quadratic: a 40k-character paragraph of lists with no
 * sentence end took 14 s.
 */
import type { Figure } from '../figures/types';
import { codeTable } from '../text/chars';

const SENTENCE_END = '。！？!?；;\n';
/** SENTENCE_END by UTF-16 code (all in the BMP). */
const SENTENCE_END_CODES = codeTable(SENTENCE_END, false);

/** The passage's breaks and figures, for the lists of one passage view. */
export interface ListIndex {
  /** Offsets of the sentence ends (SENTENCE_END), ascending. */
  sentenceEnds: number[];
  /** Offsets of the clause breaks (，and ,), ascending. */
  commas: number[];
  /** Whether the figures are in order of their starts (the detector's order): only then are they searched, not walked. */
  sorted: boolean;
  /** minDateEndFrom[i]: the least end of the date figures from the ith on (Infinity: none). */
  minDateEndFrom: Float64Array;
}

/** The breaks of the last text asked about: the units of a paragraph each ask about the whole paragraph's lists. */
let breaksText: string | undefined;
let breaks: { sentenceEnds: number[]; commas: number[] } = { sentenceEnds: [], commas: [] };

export function listIndexOf(text: string, figures: readonly Figure[]): ListIndex {
  if (text !== breaksText) {
    const sentenceEnds: number[] = [];
    const commas: number[] = [];
    // (by code: text[i] made a string of each character, and an includes of SENTENCE_END for it)
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (SENTENCE_END_CODES[c] === 1) sentenceEnds.push(i);
      else if (c === 0xff0c /* ， */ || c === 0x2c /* , */) commas.push(i);
    }
    breaks = { sentenceEnds, commas };
    breaksText = text;
  }
  let sorted = true;
  for (let i = 1; i < figures.length && sorted; i++) sorted = figures[i - 1]!.start <= figures[i]!.start;
  const minDateEndFrom = new Float64Array(figures.length + 1);
  minDateEndFrom[figures.length] = Infinity;
  for (let i = figures.length - 1; i >= 0; i--) {
    const f = figures[i]!;
    minDateEndFrom[i] = f.type === 'date' ? Math.min(f.end, minDateEndFrom[i + 1]!) : minDateEndFrom[i + 1]!;
  }
  return { sentenceEnds: breaks.sentenceEnds, commas: breaks.commas, sorted, minDateEndFrom };
}

/**
 * The lists (ascending offsets of their list words) that may have figures of `figures` after
 * them, as a range of indices [from, to): a list's parts start within 60 after it, so a list
 * before the first figure's start − 60, or from the last figure's start on, has none. A unit
 * of a paragraph asks about the paragraph's lists: of a paragraph of lists, only its own.
 */
export function listsNear(lists: readonly number[], figures: readonly Figure[]): [number, number] {
  if (figures.length === 0) return [0, 0];
  let first = Infinity;
  let last = -Infinity;
  for (const f of figures) {
    if (f.start < first) first = f.start;
    if (f.start > last) last = f.start;
  }
  return [firstAtLeast(lists, first - 59), firstAtLeast(lists, last)];
}

/** The first index of the ascending `xs` whose value is at least `at` (xs.length: none). */
export function firstAtLeast(xs: readonly number[], at: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index of the figures (in order of their starts) whose start is at least `at`. */
export function firstFigureFrom(figures: readonly Figure[], at: number): number {
  let lo = 0;
  let hi = figures.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (figures[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where the sentence around `at` begins and ends: after the last sentence end before `at`, and at the first one from `at` on. */
export function sentenceAround(text: string, at: number, index?: ListIndex): [number, number] {
  if (!index) {
    let start = at;
    while (start > 0 && !SENTENCE_END.includes(text[start - 1]!)) start--;
    let end = at;
    while (end < text.length && !SENTENCE_END.includes(text[end]!)) end++;
    return [start, end];
  }
  const ends = index.sentenceEnds;
  const i = firstAtLeast(ends, at);
  return [i > 0 ? ends[i - 1]! + 1 : 0, i < ends.length ? ends[i]! : text.length];
}

/** The offset of the last clause break (，or ,) before `at`, or -1. */
export function lastCommaBefore(text: string, at: number, index?: ListIndex): number {
  if (!index) return Math.max(text.lastIndexOf('，', at - 1), text.lastIndexOf(',', at - 1));
  const j = firstAtLeast(index.commas, at) - 1;
  return j >= 0 ? index.commas[j]! : -1;
}
