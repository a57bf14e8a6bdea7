/**
 * A claim unit's bare text: its own words, what its titles and quotations hold taken out, their
 * marks left (a title as 《》, a quotation as “”); and what was taken out, as cuts of the unit,
 * from which the bare text's cues are noted without reading it again (cues.ts' partCues).
 */
import { KEY } from './unitChars';
import { partCues } from './cues';
import { bracketedRuns } from '../text/bracketed';

export const OPENING_QUOTES = '“「『';
export const CLOSING_QUOTES = '”」』';

const NO_RUNS: ReadonlyArray<readonly [number, number]> = [];

/**
 * The unit's own words, as norm.replace(/《[^》]*》/gu, '《》') and then the same of
 * /[“「『][^”」』]*[”」』]/gu, each read in linear time (bracketed.ts). Its cues are noted from the
 * reading of norm (partCues) where norm was the text read last: the bare text is asked about a
 * dozen lists, and a reading of its own read each of its units again.
 */
export function bareOf(norm: string, keys: number): string {
  const bare = bareAndCuts(norm, keys);
  if (bare !== norm) partCues(bare, norm, cuts, cutCount);
  return bare;
}

/** What bareOf cuts out of norm, as pairs (for the unit test: the same reading as bareOf's). */
export function bareCuts(norm: string, keys: number): Array<[number, number]> {
  bareAndCuts(norm, keys);
  const out: Array<[number, number]> = [];
  for (let k = 0; k < cutCount; k++) out.push([cuts[2 * k]!, cuts[2 * k + 1]!]);
  return out;
}

/** How many pairs of `cuts` the last bareAndCuts wrote. */
let cutCount = 0;

/** The bare text of norm, its cuts written into `cuts` (cutCount of them: none where it is norm). */
function bareAndCuts(norm: string, keys: number): string {
  const titles = keys & KEY.title ? bracketedRuns(norm, '《', '》') : NO_RUNS;
  const titled = titles.length === 0 ? norm : emptied(norm, titles, '《》');
  // (what the titles held taken out, a quotation mark may be gone, never added)
  const quotes = keys & KEY.anyQuote ? bracketedRuns(titled, OPENING_QUOTES, CLOSING_QUOTES) : NO_RUNS;
  const bare = quotes.length === 0 ? titled : emptied(titled, quotes, '“”');
  // (cutsOf may put a larger array in `cuts`: read it only after)
  cutCount = bare === norm ? 0 : cutsOf(titles, quotes);
  return bare;
}

/** s with each run (from bracketedRuns) written as `marks`, as replaceBracketed writes it. */
function emptied(s: string, runs: ReadonlyArray<readonly [number, number]>, marks: string): string {
  let out = '';
  let last = 0;
  for (let k = 0; k < runs.length; k++) {
    out += s.slice(last, runs[k]![0]) + marks;
    last = runs[k]![1];
  }
  return out + s.slice(last);
}

/**
 * What bareOf takes out of norm, into `cuts` as [from, to) pairs of offsets into norm (what
 * each title or quotation held, its marks left), sorted and apart; returns how many pairs.
 * `titles` are runs of norm, `quotes` runs of the text with its titles emptied (each title's
 * marks one unit each there): their offsets are moved back to norm's.
 */
let cuts = new Int32Array(32);
function cutsOf(titles: ReadonlyArray<readonly [number, number]>, quotes: ReadonlyArray<readonly [number, number]>): number {
  let n = 0;
  passed = 0;
  shift = 0;
  let q = 0;
  let k = 0;
  while (k < titles.length || q < quotes.length) {
    const quote = q < quotes.length ? quotes[q]! : undefined;
    const from = quote ? toNorm(titles, quote[0]) + 1 : Infinity;
    // a title before the next quotation is cut on its own; those inside it are in its cut
    if (k < titles.length && titles[k]![0] < from) {
      n = putCut(n, titles[k]![0] + 1, titles[k]![1] - 1);
      k++;
      continue;
    }
    const to = toNorm(titles, quote![1] - 1);
    n = putCut(n, from, to);
    while (k < titles.length && titles[k]![0] < to) k++;
    q++;
  }
  return n;
}

/** The titles toNorm has passed, and what they held (cutsOf's, read as its places grow: no closure per unit). */
let passed = 0;
let shift = 0;

/** A place of the text with its titles emptied, as a place of norm: plus what the titles before it held. */
function toNorm(titles: ReadonlyArray<readonly [number, number]>, place: number): number {
  // (a title whose 《 stands before the place has its 》 at or before it: no quotation mark lies between them)
  while (passed < titles.length && titles[passed]![0] - shift < place) {
    shift += titles[passed]![1] - titles[passed]![0] - 2;
    passed++;
  }
  return place + shift;
}

function putCut(n: number, from: number, to: number): number {
  // (an empty run takes nothing out)
  if (from === to) return n;
  if (2 * n + 2 > cuts.length) {
    const grown = new Int32Array(2 * cuts.length);
    grown.set(cuts);
    cuts = grown;
  }
  cuts[2 * n] = from;
  cuts[2 * n + 1] = to;
  return n + 1;
}
