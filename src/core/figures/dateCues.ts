/**
 * Words around dates that leave their year or month to the reader (data/dateCues.json): a word
 * of the future (将于7月1日), of every year (每年5月), or of comparison (较上一季度); and words
 * that make 一季度 a count of quarters (每一季度).
 */
import { endOf, endsWithAny, endsWithAt, startsWithAny } from '../text/chars';
import dateCues from './data/dateCues.json';

const AHEAD: readonly string[] = dateCues.ahead;
const RECURRING: readonly string[] = dateCues.recurring;
const COMPARE: readonly string[] = dateCues.compare;
const NOT_QUARTER: readonly string[] = dateCues.notQuarter;
const NOT_QUARTER_AFTER: readonly string[] = dateCues.notQuarterAfter;
const FISCAL: readonly string[] = dateCues.fiscal;

/** The word of the future that ends at i, if any (the longest: 即将于 over 将于). */
export function aheadCueBefore(text: string, i: number): string | undefined {
  let found: string | undefined;
  const end = endOf(text, i);
  for (const w of AHEAD) if ((found === undefined || w.length > found.length) && endsWithAt(text, w, end)) found = w;
  return found;
}

/** Whether a word of every year (每年, 历年) ends at i: the month after it has no one year. */
export function recursBefore(text: string, i: number): boolean {
  return endsWithAny(text, RECURRING, i);
}

/** Whether a word of comparison (较, 环比) ends at i. */
export function comparesBefore(text: string, i: number): boolean {
  return endsWithAny(text, COMPARE, i);
}

/** Whether N季度 from i to end counts or orders quarters (每一季度, 连续三季度, 一季度一次): no quarter of a year. */
export function countsQuarters(text: string, i: number, end: number): boolean {
  return endsWithAny(text, NOT_QUARTER, i) || startsWithAny(text, NOT_QUARTER_AFTER, end);
}

/** Where the first word of fiscal years (财年, FY) is in `text`, or -1: once per scanned text. */
export function firstFiscalWord(text: string): number {
  let first = -1;
  for (const w of FISCAL) {
    const at = text.indexOf(w);
    if (at >= 0 && (first < 0 || at < first)) first = at;
  }
  return first;
}
