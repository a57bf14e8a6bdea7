/**
 * Dates and periods: 2023年4月11日, 2022年Q4, 2023財年第三季度, 2022年Q2-Q4, 2021-2023年,
 * 2022年末, timestamps (2025-01-15 09:42) and month-days (4月11日), as ISO-like periods; and
 * dates relative to the article (去年8月, 今年一季度, 下半年, 当年11月), which
 * relativeDates.ts resolves once the article's own date is known.
 */
import type { Approximation, Figure, RelativeDate } from './types';
import { UnitValues, arabicDigitValue, isArabicDigit, unitSet } from './numerals';
import { readNumber, type ParsedNumber } from './readNumber';
import { rangeConnectorAt } from './units';
import { pad2, unitAt } from './chars';
import { figure, type Scan } from './build';
import { skipNonFigureNumber } from './numbers';
import { readDayOfMonth } from './dayOfMonth';
import { aheadCueBefore, comparesBefore, countsQuarters, firstFiscalWord, recursBefore } from './dateCues';

export const QUARTER_WORDS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4, '１': 1, '２': 2, '３': 3, '４': 4 };
/** QUARTER_WORDS by UTF-16 unit (each key is one): asked at every 第, 前 and numeral the date reader sees. */
const QUARTER_UNITS = new UnitValues(Object.entries(QUARTER_WORDS).map(([ch, q]) => [ch.charCodeAt(0), q] as const));

export interface DatePart {
  end: number;
  period: string;
  approx?: Approximation;
}

/** What follows a year, with {Y} where the year goes: -04-11, -Q4, -Q2/{Y}-Q4, -H1, -12. */
interface DateTail {
  end: number;
  tail: string;
  approx?: Approximation;
}

/** After "2023年" (or 去年): month and day, a quarter, a half, the start or end of the year. */
function readDateTail(text: string, i: number): DateTail {
  // Q4, Q2-Q4
  if ((text.charCodeAt(i) === 0x51 /* Q */ || text.charCodeAt(i) === 0x71 /* q */) && QUARTER_WORDS[text[i + 1] ?? '']) {
    let end = i + 2;
    let tail = `-Q${QUARTER_WORDS[text[i + 1]!]}`;
    if (rangeConnectorAt(text, end) && (text.charCodeAt(end + 1) === 0x51 /* Q */ || text.charCodeAt(end + 1) === 0x71 /* q */) && QUARTER_WORDS[text[end + 2] ?? '']) {
      tail += `/{Y}-Q${QUARTER_WORDS[text[end + 2]!]}`;
      end += 3;
    }
    return { end, tail };
  }
  // 第三季度, 第3季度, 一季度, 前三季度
  for (const lead of ['第', '', '前']) {
    if (!text.startsWith(lead, i)) continue;
    const q = QUARTER_UNITS.get(unitAt(text, i + lead.length));
    const k = i + lead.length + 1;
    if (q && (text.startsWith('季度', k) || text.startsWith('季', k))) {
      const end = k + (text.startsWith('季度', k) ? 2 : 1);
      return { end, tail: lead === '前' ? (q === 1 ? '-Q1' : `-Q1/{Y}-Q${q}`) : `-Q${q}` };
    }
  }
  for (const [w, h] of [['上半年', 'H1'], ['下半年', 'H2']] as const) {
    if (text.startsWith(w, i)) return { end: i + w.length, tail: `-${h}` };
  }
  // 年末, 年底, 年初 (also after a repeated 年: 2022年年底)
  const k = text.charCodeAt(i) === 0x5e74 /* 年 */ ? i + 1 : i;
  if (text.charCodeAt(k) === 0x672b /* 末 */ || text.charCodeAt(k) === 0x5e95 /* 底 */) return { end: k + 1, tail: '-12', approx: 'about' };
  if (text.charCodeAt(k) === 0x521d /* 初 */) return { end: k + 1, tail: '-01', approx: 'about' };
  // 4月11日, 4月, 3月份, 3月底, 3-5月, 5月17-20日
  const m = readMonthAt(text, i);
  if (m) return { end: m.end, tail: m.tail, ...(m.approx ? { approx: m.approx } : {}) };
  return { end: i, tail: '' };
}

/** A day of the month ends at i with 日 (or 号). */
function isDayMark(ch: string | undefined): boolean {
  return ch === '日' || ch === '号' || ch === '號';
}

/**
 * A month at i, as the tail that follows a year (-04, -04-11; with {Y} where the year goes
 * again: 3-5月 is -03/{Y}-05, 5月17-20日 is -05-17/{Y}-05-20), or undefined.
 */
function readMonthAt(text: string, i: number): DateTail | undefined {
  const m = readSmallInt(text, i);
  if (!m || m.value < 1 || m.value > 12) return undefined;
  if (text.charCodeAt(m.end) !== 0x6708 /* 月 */) {
    // 3-5月, 1至11月: a range of months shares its 月
    const last = rangeConnectorAt(text, m.end) ? readSmallInt(text, m.end + 1) : undefined;
    if (!last || last.value <= m.value || last.value > 12 || text.charCodeAt(last.end) !== 0x6708 /* 月 */) return undefined;
    const after = monthAfter(text, last.end + 1);
    return { end: after.end, tail: `-${pad2(m.value)}/{Y}-${pad2(last.value)}`, ...(after.approx ? { approx: after.approx } : {}) };
  }
  const tail = `-${pad2(m.value)}`;
  const d = readSmallInt(text, m.end + 1);
  if (d && d.value >= 1 && d.value <= 31) {
    if (isDayMark(text[d.end])) return { end: d.end + 1, tail: `${tail}-${pad2(d.value)}` };
    // 5月17-20日: a range of days shares its 日
    const last = rangeConnectorAt(text, d.end) ? readSmallInt(text, d.end + 1) : undefined;
    if (last && last.value > d.value && last.value <= 31 && isDayMark(text[last.end])) {
      return { end: last.end + 1, tail: `${tail}-${pad2(d.value)}/{Y}${tail}-${pad2(last.value)}` };
    }
  }
  const after = monthAfter(text, m.end + 1);
  return { end: after.end, tail, ...(after.approx ? { approx: after.approx } : {}) };
}

/** 月份, 月底, 月初, 上旬: words after a month that belong to it. */
function monthAfter(text: string, end: number): { end: number; approx?: Approximation } {
  if (text.charCodeAt(end) === 0x4efd /* 份 */) return { end: end + 1 };
  if (text.charCodeAt(end) === 0x5e95 /* 底 */ || text.charCodeAt(end) === 0x672b /* 末 */ || text.charCodeAt(end) === 0x521d /* 初 */) return { end: end + 1, approx: 'about' };
  if ((text.charCodeAt(end) === 0x4e0a /* 上 */ || text.charCodeAt(end) === 0x4e2d /* 中 */ || text.charCodeAt(end) === 0x4e0b /* 下 */) && text.charCodeAt(end + 1) === 0x65ec /* 旬 */) return { end: end + 2, approx: 'about' };
  return { end };
}

function fill(tail: string, year: string): string {
  return year + tail.replace(/\{Y\}/g, year);
}

export function readSmallInt(text: string, i: number): { value: number; end: number } | undefined {
  let v = 0;
  let j = i;
  while (j < text.length && j - i < 2 && isArabicDigit(text.charCodeAt(j))) {
    v = v * 10 + arabicDigitValue(text.charCodeAt(j));
    j++;
  }
  if (j > i) return { value: v, end: j };
  const n = readNumber(text, i);
  if (n && !n.plainArabic && n.value >= 1 && n.value <= 31 && Number.isInteger(n.value) && n.end - i <= 3) {
    return { value: n.value, end: n.end };
  }
  return undefined;
}

/** "2023年" or "2023財年" at i: the year and what follows. */
export function readDate(text: string, n: ParsedNumber): DatePart | undefined {
  const short = shortYear(text, n);
  if (short) return short;
  if (!n.plainArabic || n.integerDigits !== 4 || !Number.isInteger(n.value)) return undefined;
  if (n.value < 1900 || n.value > 2100) return undefined;
  let k = n.end;
  let fiscal = false;
  if (text.startsWith('财年', k) || text.startsWith('財年', k) || text.startsWith('财政年度', k)) {
    fiscal = true;
    k += text.startsWith('财政年度', k) ? 4 : 2;
  } else if (text.charCodeAt(k) === 0x5e74 /* 年 */) {
    k++;
  } else if (text.charCodeAt(k) === 0x51 /* Q */ || text.charCodeAt(k) === 0x71 /* q */ || text.startsWith('FY', k)) {
    // 2022Q4
  } else if (text.charCodeAt(n.end - 5) === 0x300a /* 《 */ && /[\u4e00-\u9fff]/.test(text[k] ?? '')) {
    // 《2022中国移动互联网年度大报告》: a year that names the edition
    return { end: k, period: String(n.value) };
  } else if (rangeConnectorAt(text, k)) {
    // 2021-2023年: the 年 comes after the second year
    const second = readNumber(text, k + 1);
    if (second && second.plainArabic && second.integerDigits === 4 && second.value > n.value && second.value <= 2100 && text.charCodeAt(second.end) === 0x5e74 /* 年 */) {
      return { end: second.end + 1, period: `${n.value}/${second.value}` };
    }
    return undefined;
  } else {
    return undefined;
  }
  const y = fiscal ? `FY${n.value}` : String(n.value);
  const tail = readDateTail(text, k);
  // 2020年~2021年, 2021-2023年
  const c = tail.end;
  if (rangeConnectorAt(text, c)) {
    const second = readNumber(text, c + 1);
    if (second && second.plainArabic && second.integerDigits === 4 && second.value >= n.value && second.value <= 2100) {
      let end = second.end;
      if (text.charCodeAt(end) === 0x5e74 /* 年 */) end++;
      const t2 = readDateTail(text, end);
      return { end: t2.end, period: `${fill(tail.tail, y)}/${fill(t2.tail, fiscal ? `FY${second.value}` : String(second.value))}` };
    }
  }
  const part: DatePart = { end: tail.end, period: fill(tail.tail, y) };
  if (tail.approx) part.approx = tail.approx;
  return part;
}

/** 23年Q4, 23年第四季度, 22年3月: a two-digit year, known as one by the quarter or month after it (20YY). */
function shortYear(text: string, n: ParsedNumber): DatePart | undefined {
  if (!n.plainArabic || n.integerDigits !== 2 || !Number.isInteger(n.value) || text.charCodeAt(n.end) !== 0x5e74 /* 年 */) return undefined;
  const tail = readDateTail(text, n.end + 1);
  if (!tail.tail.startsWith('-Q') && !/^-\d\d/.test(tail.tail)) return undefined;
  const part: DatePart = { end: tail.end, period: fill(tail.tail, String(2000 + n.value)) };
  if (tail.approx) part.approx = tail.approx;
  return part;
}

/** 2025-01-15, 2025-01-15 09:42, 2025-02-20 18:05:33: timestamps as scraped pages print them. */
export function readIsoDateTime(text: string, n: ParsedNumber): DatePart | undefined {
  if (!n.plainArabic || n.integerDigits !== 4 || n.value < 1900 || n.value > 2100 || text.charCodeAt(n.end) !== 0x2d /* - */) return undefined;
  const two = (k: number) =>
    isArabicDigit(text.charCodeAt(k)) && isArabicDigit(text.charCodeAt(k + 1)) && !isArabicDigit(text.charCodeAt(k + 2))
      ? Number(text.slice(k, k + 2))
      : undefined;
  const m = two(n.end + 1);
  const d = text.charCodeAt(n.end + 3) === 0x2d /* - */ ? two(n.end + 4) : undefined;
  if (m === undefined || d === undefined || m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  let end = n.end + 6;
  let period = `${n.value}-${pad2(m)}-${pad2(d)}`;
  const t = text.charCodeAt(end) === 0x20 /* space */ || text.charCodeAt(end) === 0x54 /* T */ ? end + 1 : -1;
  const hh = t > 0 ? two(t) : undefined;
  const mm = hh !== undefined && text.charCodeAt(t + 2) === 0x3a /* : */ ? two(t + 3) : undefined;
  if (hh !== undefined && mm !== undefined && hh < 24 && mm < 60) {
    end = t + 5;
    period += `T${pad2(hh)}:${pad2(mm)}`;
    const ss = text.charCodeAt(end) === 0x3a /* : */ ? two(end + 1) : undefined;
    if (ss !== undefined && ss < 60) {
      end += 3;
      period += `:${pad2(ss)}`;
    }
  }
  return { end, period };
}

/**
 * A month with no year at the numeral n at i: 5月17日, 5月, 3月份, and ranges (3-5月,
 * 5月17-20日), as yearless periods (--05-17, --03/--05).
 */
export function readMonthDay(text: string, i: number, n: ParsedNumber): DatePart | undefined {
  if (!Number.isInteger(n.value) || n.value < 1 || n.value > 12) return undefined;
  if (n.plainArabic && n.integerDigits > 2) return undefined;
  // (readNumber reads 3-5 as one range; the month reader reads it again from the first digit)
  const m = unitAt(text, n.end) === 0x6708 /* 月 */ || rangeConnectorAt(text, n.end) ? readMonthAt(text, i) : undefined;
  if (!m) return undefined;
  // a bare month (5月) only when written in Arabic digits or followed by 份, to keep 一月 (January) and 一个月 apart
  if (m.tail.length === 3 && !n.plainArabic && text.charCodeAt(n.end + 1) !== 0x4efd /* 份 */) return undefined;
  const part: DatePart = { end: m.end, period: `-${m.tail.replace(/\{Y\}/g, '-')}` };
  if (m.approx) part.approx = m.approx;
  return part;
}

/** 二季度, 3季度: a quarter with no year (a lone digit from 1 to 4 before 季度), as --Q2; not 每一季度, 连续三季度 or 一季度一次. */
export function readYearlessQuarter(text: string, i: number, n: ParsedNumber): DatePart | undefined {
  const q = n.end === i + 1 && text.startsWith('季度', n.end) && !countsQuarters(text, i, n.end + 2) ? QUARTER_WORDS[text[i]!] : undefined;
  return q ? { end: n.end + 2, period: `--Q${q}` } : undefined;
}

/**
 * A date with no year (--05-17, --Q2, --03/--05) from start to end: relativeDates.ts reads its
 * year from its paragraph or the article's date, unless a word of every year comes before it.
 */
export function yearlessFigure(s: Scan, start: number, end: number, period: string, approx?: Approximation): Figure {
  const f = figure(s, start, end, 'date', null, undefined, approx, period);
  if (!recursBefore(s.text, start)) {
    f.relative = { base: 'context', unit: 'yearless', offset: 0, tail: period.slice(1).replace(/\/--/g, '/{Y}-') };
    const ahead = aheadCueBefore(s.text, start);
    if (ahead) f.relative.ahead = ahead;
    // (once per text, and only for a quarter: a paragraph of many quarters is not searched
    // again for each, and one of month-days not at all)
    if (period.startsWith('--Q')) {
      s.fiscalAt ??= firstFiscalWord(s.text);
      if (s.fiscalAt >= 0 && s.fiscalAt < start) f.relative.fiscal = true;
    }
  }
  return f;
}

/**
 * After the numeral n at i: a timestamp, a year with what follows it, a month-day, a bare day
 * of the month; a clock time is skipped. Returns where the scan goes on, or -1.
 */
export function readDateAfterNumber(s: Scan, i: number, n: ParsedNumber): number {
  const text = s.text;
  const skip = skipNonFigureNumber(s, i, n);
  if (skip >= 0) return skip;
  const iso = readIsoDateTime(text, n);
  if (iso) {
    s.out.push(figure(s, i, iso.end, 'date', null, undefined, undefined, iso.period));
    return iso.end;
  }
  // a clock time (10:31) is not a figure
  if (n.plainArabic && n.integerDigits <= 2 && text.charCodeAt(n.end) === 0x3a /* : */ && isArabicDigit(text.charCodeAt(n.end + 1)) && isArabicDigit(text.charCodeAt(n.end + 2))) {
    let k = n.end + 3;
    while (text.charCodeAt(k) === 0x3a /* : */ && isArabicDigit(text.charCodeAt(k + 1))) k += 3;
    return k;
  }
  const date = readDate(text, n);
  if (date) {
    s.out.push(figure(s, i, date.end, 'date', null, undefined, date.approx, date.period));
    return date.end;
  }
  // (5月17日 names no year: relativeDates.ts reads one from its paragraph or the article's date)
  const yearless = readMonthDay(text, i, n) ?? readYearlessQuarter(text, i, n);
  if (yearless) {
    s.out.push(yearlessFigure(s, i, yearless.end, yearless.period, yearless.approx));
    return yearless.end;
  }
  return readDayOfMonth(s, i, n);
}

/** Years named relative to the article (去年) or to the year last named before (当年, 次年). */
const YEAR_WORDS: Array<[string, RelativeDate['base'], number]> = [
  ['去年', 'article', -1], ['今年', 'article', 0], ['明年', 'article', 1], ['前年', 'article', -2], ['后年', 'article', 2],
  ['後年', 'article', 2], ['本年', 'article', 0], ['当年', 'context', 0], ['當年', 'context', 0], ['同年', 'context', 0],
  ['次年', 'context', 1], ['翌年', 'context', 1],
];
/** Months and quarters named relative to the article: 上个月, 本季度. */
const OTHER_WORDS: Array<[string, 'month' | 'quarter', number]> = [
  ['上个月', 'month', -1], ['上個月', 'month', -1], ['上月', 'month', -1], ['本月', 'month', 0], ['下个月', 'month', 1],
  ['下個月', 'month', 1], ['下月', 'month', 1], ['上一季度', 'quarter', -1], ['上个季度', 'quarter', -1], ['上個季度', 'quarter', -1],
  ['上季度', 'quarter', -1], ['本季度', 'quarter', 0], ['下一季度', 'quarter', 1], ['下季度', 'quarter', 1],
];
const HALF_WORDS: Array<[string, string]> = [['上半年', '-H1'], ['下半年', '-H2']];

export const DATE_TRIGGERS = [...new Set([...YEAR_WORDS, ...OTHER_WORDS, ...HALF_WORDS].map(([w]) => w[0]!))].join('');
/** Second UTF-16 units of those words: 上 and 下 are common, 上个月 and 下半年 are not (by unit: no string per 上). */
const SECOND_UNITS = unitSet([...YEAR_WORDS, ...OTHER_WORDS, ...HALF_WORDS].map(([w]) => w[1]!));

function relativeFigure(s: Scan, start: number, end: number, relative: RelativeDate, approx?: Approximation, salient = true): number {
  const f = figure(s, start, end, 'date', null, undefined, approx);
  f.relative = relative;
  f.salient = salient;
  s.out.push(f);
  return end;
}

/**
 * At i: a date relative to the article (去年8月, 今年一季度, 去年底, 上个月, 下半年) or to the
 * year named before it (当年11月). Its period is left to relativeDates.ts. A year word on
 * its own (去年) is kept but not marked; 当年 on its own means "back then" and is no date.
 */
export function readRelativeDate(s: Scan, i: number): number {
  const text = s.text;
  if (!SECOND_UNITS.has(unitAt(text, i + 1))) return -1;
  // (the first unit by code: text[i] and w[0] of CJK characters are new strings, at every 上 or 下 before 一 or 年)
  const ch = text.charCodeAt(i);
  for (const [w, base, offset] of YEAR_WORDS) {
    if (ch !== w.charCodeAt(0) || !text.startsWith(w, i)) continue;
    const tail = readDateTail(text, i + w.length);
    if (tail.end === i + w.length && base === 'context') return -1;
    if (tail.end === i + w.length && text.charCodeAt(tail.end) === 0x5ea6 /* 度 */) return relativeFigure(s, i, tail.end + 1, { base, unit: 'year', offset, tail: '' }, undefined, false);
    return relativeFigure(s, i, tail.end, { base, unit: 'year', offset, tail: tail.tail }, tail.approx, tail.end > i + w.length);
  }
  for (const [w, tail] of HALF_WORDS) {
    if (ch === w.charCodeAt(0) && text.startsWith(w, i)) return relativeFigure(s, i, i + w.length, { base: 'article', unit: 'year', offset: 0, tail });
  }
  for (const [w, unit, offset] of OTHER_WORDS) {
    if (ch !== w.charCodeAt(0) || !text.startsWith(w, i)) continue;
    const base = offset !== 0 && comparedWithDateBefore(s, i, unit) ? 'context' : 'article';
    return relativeFigure(s, i, i + w.length, { base, unit, offset, tail: '' });
  }
  return -1;
}

/**
 * Whether 上一季度 or 上个月 at i compares with the quarter or month its sentence named last
 * (2024年第三季度营收增长，较上一季度…): a word of comparison right before it, that date the
 * last date before it, in its sentence, with no other quarter or month written in between
 * (二季度 is not read as a date, and would be the one compared with).
 */
function comparedWithDateBefore(s: Scan, i: number, unit: 'month' | 'quarter'): boolean {
  if (!comparesBefore(s.text, i)) return false;
  let last: Figure | undefined;
  for (let k = s.out.length - 1; k >= 0 && !last; k--) if (s.out[k]!.type === 'date') last = s.out[k];
  if (!last?.period || last.relative) return false;
  if (unit === 'quarter' ? !/^(?:FY)?\d{4}-Q[1-4]$/.test(last.period) : !/^\d{4}-\d{2}(?:-\d{2})?$/.test(last.period)) return false;
  const between = s.text.slice(last.end, i);
  return !/[。！？!?；;\n]/.test(between) && !(unit === 'quarter' ? /季|Q[1-4]/i : /[0-9０-９一二三四五六七八九十]月/).test(between);
}
