/**
 * A bare day of the month (11日，阿里云宣布…): a date whose month the text leaves to the
 * reader. It is kept relative, and relativeDates.ts reads it in the month named last before
 * it, or in the article's own month. Read as a number, it passed for an amount: it made an
 * event a statistic and could enter an arithmetic check.
 */
import type { ParsedNumber } from './readNumber';
import { figure, type Scan } from './build';
import { countsDays } from './amounts';
import { pad2, unitAt } from './chars';
import { isArabicDigit } from './numerals';
import { endsWithAny, startsWithAny } from '../text/chars';
import dayOfMonth from './data/dayOfMonth.json';
import { aheadCueBefore } from './dateCues';

/** Whether the numeral n at i, followed by 日, names a day of the month (data/dayOfMonth.json). */
export function isDayOfMonth(text: string, i: number, n: ParsedNumber): boolean {
  if (unitAt(text, n.end) !== 0x65e5 /* 日 */ || !n.plainArabic || n.integerDigits > 2 || n.max !== undefined || n.scale !== undefined || n.approx !== undefined) return false;
  if (!Number.isInteger(n.value) || n.value < 1 || n.value > 31) return false;
  if (endsWithAny(text, dayOfMonth.notAfter, i) && !endsWithAny(text, dayOfMonth.afterWords, i)) {
    // the second end of a range of days (11日至15日): a day stands before the connector
    const connector = dayOfMonth.afterDay.find((w) => text.endsWith(w, i));
    const k = connector === undefined ? -1 : i - connector.length - 1;
    if (k < 1 || text.charCodeAt(k) !== 0x65e5 /* 日 */ || !isArabicDigit(text.charCodeAt(k - 1))) return false;
  }
  if (startsWithAny(text, dayOfMonth.notBefore, n.end + 1) && !startsWithAny(text, dayOfMonth.butBefore, n.end + 1)) return false;
  return !countsDays(text, i, n.end);
}

/** At i: a bare day of the month; returns where the scan goes on, or -1. */
export function readDayOfMonth(s: Scan, i: number, n: ParsedNumber): number {
  if (!isDayOfMonth(s.text, i, n)) return -1;
  const end = n.end + 1;
  const f = figure(s, i, end, 'date', null);
  f.relative = { base: 'context', unit: 'day', offset: 0, tail: `-${pad2(n.value)}` };
  const ahead = aheadCueBefore(s.text, i);
  if (ahead) f.relative.ahead = ahead;
  s.out.push(f);
  return end;
}
