/**
 * Relative dates (去年8月, 今年一季度, 下半年, 上个月, 当年11月) resolved to ISO periods
 * against the article's own date: from its dateline (a timestamp in the header, such as
 * 2024-06-12 08:45), or from `date:` in the sidecar header, which wins. Each resolved date
 * says what it assumed; without an article date it stays relative and says so.
 */
import type { Figure } from './types';
import { detectFigures } from './detect';
import { copyFigure } from './build';
import { pad2 } from './chars';
import { msg, renderMessage, type Message } from '../text/message';
import { paragraphRanges } from '../text/paragraphs';

export interface ArticleDate {
  year: number;
  month: number;
  day: number;
  /** Where the date comes from, for the assumption shown to the reader. */
  source: 'dateline' | 'sidecar';
  /** YYYY-MM-DD. */
  iso: string;
}

/** How far into the article its dateline may be: the header, not the body. */
const HEADER_LINES = 12;
const HEADER_CHARS = 2000;
/** A full date on a line this short, with no sentence punctuation, is a dateline (2024年3月6日 周天財經), not a sentence. */
const DATELINE_MAX_LINE = 48;

/** 2024-06-03 (and anything after it, such as a time): an article date, or undefined if it is not a real day. */
export function parseArticleDate(text: string, source: ArticleDate['source']): ArticleDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return undefined;
  return { year, month, day, source, iso: `${m[1]}-${m[2]}-${m[3]}` };
}

/** The article's date from its header: a timestamp, or a full date standing on a short line. */
export function findDateline(text: string): ArticleDate | undefined {
  let end = 0;
  for (let line = 0; line < HEADER_LINES && end < text.length && end < HEADER_CHARS; line++) {
    const next = text.indexOf('\n', end);
    end = next < 0 ? text.length : next + 1;
  }
  const header = text.slice(0, Math.min(end, HEADER_CHARS));
  // the last header's date: typing below the header asks again on every keystroke, and the
  // header's figures are detected afresh each time (a copy: the caller owns what it gets)
  if (header !== lastHeader) {
    // (the header remembered only with its date: where datelineIn throws, the next call asks again
    // rather than answer with the date of the header before; a copy, as a slice would keep the
    // whole article's text alive)
    const dateline = datelineIn(header);
    lastHeader = Array.from(header).join('');
    lastDateline = dateline;
  }
  return lastDateline && { ...lastDateline };
}

let lastHeader: string | undefined;
let lastDateline: ArticleDate | undefined;

function datelineIn(header: string): ArticleDate | undefined {
  let fallback: ArticleDate | undefined;
  for (const f of detectFigures(header)) {
    if (f.type !== 'date' || !f.period || !/^\d{4}-\d{2}-\d{2}/.test(f.period)) continue;
    const date = parseArticleDate(f.period, 'dateline');
    if (!date) continue;
    if (f.period.includes('T')) return date;
    const lineStart = header.lastIndexOf('\n', f.start - 1) + 1;
    const lineEnd = header.indexOf('\n', f.end);
    const line = header.slice(lineStart, lineEnd < 0 ? header.length : lineEnd);
    // a sentence that mentions a day (2023年4月11日举办的峰会上，…) is no dateline
    if (line.length <= DATELINE_MAX_LINE && !/[，。,；;！？]/.test(line)) fallback ??= date;
  }
  return fallback;
}

function assume(f: Figure, m: Message): void {
  f.assumption = renderMessage(m);
  f.assumptionMessage = m;
}

function fromWhere(date: ArticleDate): Message {
  return date.source === 'sidecar' ? msg("the sidecar's date:") : msg('its dateline');
}

/**
 * Resolves every relative date of an article's figures, in document order: 去年 against the
 * article's date, 当年 against the year named last before it. Returns new figures for the
 * relative dates and the same objects for all others.
 */
export function resolveRelativeDates(figures: readonly Figure[], date: ArticleDate | undefined): Figure[] {
  return resolveRelativeDatesAfter(figures, date, undefined).figures;
}

/**
 * The same, paragraph by paragraph, as the analysis resolves them: a bare day of the month
 * looks for its month in its own paragraph only.
 */
export function resolveRelativeDatesByParagraph(paragraphs: ReadonlyArray<readonly Figure[]>, date: ArticleDate | undefined): Figure[] {
  const out: Figure[] = [];
  let year: number | undefined;
  for (const figures of paragraphs) {
    const resolved = resolveRelativeDatesAfter(figures, date, year);
    year = resolved.lastYear;
    for (const f of resolved.figures) out.push(f);
  }
  return out;
}

/** The figures of a whole text (as `gloss detect` finds them), resolved in its paragraphs as the analysis does. */
export function resolveRelativeDatesInText(text: string, figures: readonly Figure[], date: ArticleDate | undefined): Figure[] {
  if (!figures.some((f) => f.relative)) return [...figures];
  const groups: Figure[][] = [];
  const ranges = paragraphRanges(text);
  let r = 0;
  let group: Figure[] = [];
  for (const f of figures) {
    while (r < ranges.length && f.start >= ranges[r]!.end) {
      r++;
      if (group.length) groups.push(group);
      group = [];
    }
    group.push(f);
  }
  if (group.length) groups.push(group);
  return resolveRelativeDatesByParagraph(groups, date);
}

/**
 * The same for a part of an article (a paragraph), given the year named last before it;
 * returns the year named last in it, for the next part.
 */
export function resolveRelativeDatesAfter(figures: readonly Figure[], date: ArticleDate | undefined, yearBefore: number | undefined): { figures: Figure[]; lastYear: number | undefined } {
  let lastYear = yearBefore;
  // (a bare day looks for its month in its own paragraph only: the month a paragraph before
  // named is as often a backward look as the story's present)
  let lastMonth: string | undefined;
  // where the year of lastMonth comes from: written, read from a month named before, read as
  // still to come, or read in the article's year (only the last gives no month to go on from)
  let lastMonthFrom: YearSource = 'written';
  // the date named last before it, when it names a year and no month (2023年，…), in this paragraph
  let lastYearAlone: string | undefined;
  // the quarter the date named last before it names (2024-Q3, FY2023-Q3), if it names one
  let lastQuarter: string | undefined;
  const out = figures.map((f) => {
    if (!f.relative) {
      const y = f.type === 'date' && f.period ? /^(?:FY)?(\d{4})/.exec(f.period) : null;
      if (y) lastYear = Number(y[1]);
      // a date that names no month (2025年, 2025-Q4) leaves a bare day after it without one
      if (f.type === 'date') {
        lastMonth = monthOf(f);
        lastMonthFrom = 'written';
        lastQuarter = quarterOf(f.period);
        lastYearAlone = !lastMonth && y ? y[1] : undefined;
      }
      return f;
    }
    const r = f.relative;
    // (a copy without the period, in the figures' one shape (build.ts): the key stays, undefined;
    // an object rest would drop it and make another shape, and a delete a slow dictionary object)
    const out = copyFigure(f, 0);
    out.period = undefined;
    if (r.unit === 'day') {
      readDay(out, r.tail, lastMonth, date, r.ahead);
      return out;
    }
    if (r.unit === 'yearless') {
      // (a year read in the article's year is no year written: 5月17日…；3月份 reads both in the article's year)
      // (a fiscal quarter goes on only from a fiscal quarter: FY2024-Q1…，二季度)
      const from = lastMonthFrom === 'article' ? undefined : r.fiscal ? fiscalQuarter(lastQuarter) : lastMonth ?? calendarQuarter(lastQuarter);
      lastMonthFrom = r.fiscal && !from ? openFiscal(out, r.tail) : readYearless(out, r.tail, from, lastYearAlone, date, r.ahead);
      lastMonth = monthOf(out);
      lastQuarter = lastMonthFrom === 'open' ? undefined : quarterOf(out.period);
      lastYearAlone = undefined;
      return out;
    }
    lastMonthFrom = 'written';
    lastYearAlone = undefined;
    // 较上一季度, 环比上个月 after a quarter or month named in their sentence (2024年第三季度…，较上一季度):
    // the one before that, not the one before the article's date (dates.ts tells them apart)
    const named = r.base !== 'context' || r.unit === 'year' ? undefined : r.unit === 'quarter' ? lastQuarter : lastMonth && /^\d{4}-\d{2}$/.test(lastMonth) ? lastMonth : undefined;
    if (named) {
      out.period = shiftPeriod(named, r.offset);
      assume(out, r.unit === 'quarter'
        ? msg('{0} read against the quarter named last before it ({1})', f.text, named)
        : msg('{0} read against the month named last before it ({1})', f.text, named));
      lastYear = Number(/\d{4}/.exec(out.period)![0]);
      lastMonth = monthOf(out);
      lastQuarter = quarterOf(out.period);
      return out;
    }
    let year: number | undefined;
    let because: Message;
    if (r.base === 'context' && r.unit === 'year' && lastYear !== undefined) {
      year = lastYear + r.offset;
      because = r.offset
        ? msg('{0} read as {1}: the year named last before it, plus {2}', f.text, year, r.offset)
        : msg('{0} read as {1}: the year named last before it', f.text, year);
    } else if (date) {
      year = date.year + (r.unit === 'year' ? r.offset : 0);
      because = r.base === 'context' && r.unit === 'year'
        ? msg("{0} read in the article's year {1} (no year is named before it; article dated {2} by {3})", f.text, date.year, date.iso, fromWhere(date))
        : msg("{0} read against the article's date {1} (from {2})", f.text, date.iso, fromWhere(date));
    } else {
      assume(out, msg("{0} is relative to the article's date, which is not known: add a dateline or a date: to the sidecar header", f.text));
      // (去年12月 names December of a year not known)
      const month = r.unit === 'year' ? /^-(\d{2})(?=$|-\d{2}$)/.exec(r.tail) : null;
      lastMonth = month ? `--${month[1]}` : undefined;
      return out;
    }
    if (r.unit === 'year') {
      const y = String(year);
      out.period = y + r.tail.replace(/\{Y\}/g, y);
    } else if (date) {
      const perYear = r.unit === 'month' ? 12 : 4;
      const current = r.unit === 'month' ? date.month - 1 : Math.floor((date.month - 1) / 3);
      const index = date.year * perYear + current + r.offset;
      const y = Math.floor(index / perYear);
      const k = index - y * perYear + 1;
      out.period = r.unit === 'month' ? `${y}-${pad2(k)}` : `${y}-Q${k}`;
    }
    assume(out, because);
    lastYear = year;
    lastMonth = monthOf(out);
    lastQuarter = quarterOf(out.period);
    return out;
  });
  return { figures: out, lastYear };
}

/** A fiscal quarter (FY2023-Q3), or undefined. */
function fiscalQuarter(period: string | undefined): string | undefined {
  return period && /^FY\d{4}-Q[1-4]$/.test(period) ? period : undefined;
}

/** A quarter with no year in a paragraph of fiscal years, with no fiscal quarter before it to take its year from: open. */
function openFiscal(out: Figure, tail: string): YearSource {
  out.period = `-${tail.replace(/\{Y\}/g, '-')}`;
  assume(out, msg('{0} names no year, in a passage that counts fiscal years: neither its fiscal year nor its calendar year is known', out.text));
  return 'open';
}

/** A calendar quarter (2024-Q3, not FY2023-Q3), or undefined. */
function calendarQuarter(period: string | undefined): string | undefined {
  return period && /^\d{4}-Q[1-4]$/.test(period) ? period : undefined;
}

/** The quarter a period names (2024-Q3, or a fiscal one: FY2023-Q3), or undefined. */
function quarterOf(period: string | undefined): string | undefined {
  return period && /^(?:FY)?\d{4}-Q[1-4]$/.test(period) ? period : undefined;
}

/** A quarter (2024-Q3; FY2023-Q3, counted in its own fiscal years) or a month (2024-05), moved by `offset` of them. */
function shiftPeriod(period: string, offset: number): string {
  const quarter = /^(FY)?(\d{4})-Q([1-4])$/.exec(period);
  const perYear = quarter ? 4 : 12;
  const index = (quarter ? Number(quarter[2]) : Number(period.slice(0, 4))) * perYear + Number(quarter ? quarter[3] : period.slice(5, 7)) - 1 + offset;
  const y = Math.floor(index / perYear);
  const k = index - y * perYear + 1;
  return quarter ? `${quarter[1] ?? ''}${y}-Q${k}` : `${y}-${pad2(k)}`;
}

/** The month a date names (2023-04, 2023-04-11, --04-11, a timestamp), as YYYY-MM or --MM. */
function monthOf(f: Figure): string | undefined {
  if (f.type !== 'date' || !f.period) return undefined;
  return /^(?:\d{4}|-)-\d{2}(?=$|-\d{2}(?:$|T))/.exec(f.period)?.[0];
}

/**
 * A bare day of the month (11日), with `tail` its -DD: in the month named last before it in its
 * paragraph, else in the article's month when not later than the article's day, or when a word
 * before it says it is still to come (将于18日) and it is not earlier.
 */
function readDay(out: Figure, tail: string, lastMonth: string | undefined, date: ArticleDate | undefined, ahead: string | undefined): void {
  const day = Number(tail.slice(1));
  if (lastMonth !== undefined) {
    out.period = lastMonth + tail;
    assume(out, msg('{0} read in the month named last before it ({1})', out.text, lastMonth));
  } else if (!date) {
    assume(out, msg("{0} is a day of a month not named, and the article's date is not known: add a dateline or a date: to the sidecar header", out.text));
  } else if (ahead === undefined && day <= date.day) {
    out.period = `${date.year}-${pad2(date.month)}${tail}`;
    assume(out, msg("{0} read in the month of the article's date {1} (from {2})", out.text, date.iso, fromWhere(date)));
  } else if (ahead === undefined) {
    // a day after the article's own: next (18日起生效) or past (a month before) alike
    assume(out, msg("{0} is a day of a month not named: later than the article's date {1} (from {2}), so in its month or an earlier one", out.text, date.iso, fromWhere(date)));
  } else if (day >= date.day && parseArticleDate(`${date.year}-${pad2(date.month)}${tail}`, 'dateline')) {
    out.period = `${date.year}-${pad2(date.month)}${tail}`;
    assume(out, msg("{0} read as still to come ({1}), in the month of the article's date {2} (from {3})", out.text, ahead, date.iso, fromWhere(date)));
  } else {
    assume(out, msg("{0} is a day of a month not named, written as still to come ({1}) but not in the month of the article's date {2} (from {3}): a later month's", out.text, ahead, date.iso, fromWhere(date)));
  }
}

/** Where the year of a month comes from (see resolveRelativeDatesAfter). */
type YearSource = 'written' | 'named' | 'ahead' | 'article' | 'open';

/** Where a yearless period starts and ends in its year (month, and day if it names one): -05-17, -Q2 (04 to 06), -03/{Y}-05. */
function yearlessBounds(tail: string): { first: [number, number | undefined]; last: [number, number | undefined] } {
  const part = (t: string, end: boolean): [number, number | undefined] => {
    const q = /^-Q([1-4])$/.exec(t);
    if (q) return [3 * Number(q[1]) - (end ? 0 : 2), undefined];
    return [Number(t.slice(1, 3)), t.length > 3 ? Number(t.slice(4, 6)) : undefined];
  };
  const [from, to] = tail.split('/{Y}');
  return { first: part(from!, false), last: part(to ?? from!, true) };
}

/**
 * A month, a month and day, a quarter, or a range of them, with no year (5月17日, 3月份, 二季度,
 * 3-5月; `tail` -05-17, -03, -Q2, -03/{Y}-05): in the year of the month or quarter named last
 * before it in its paragraph (2023年3月28日…，4月11日), when it does not end before it starts;
 * otherwise in the article's year, when it does not start later than the article's date. A later
 * one is as often still to come as a year old: it stays yearless, unless a word before it says
 * it is still to come (将于7月1日), and it does not end before the article's date.
 */
function readYearless(out: Figure, tail: string, lastNamed: string | undefined, yearAlone: string | undefined, date: ArticleDate | undefined, ahead: string | undefined): YearSource {
  out.period = `-${tail.replace(/\{Y\}/g, '-')}`;
  const { first, last } = yearlessBounds(tail);
  const [month, day] = first;
  const named = lastNamed && (/^(\d{4})-(\d{2})$/.exec(lastNamed) ?? /^((?:FY)?\d{4})-Q([1-4])$/.exec(lastNamed));
  if (named) {
    const namedMonth = lastNamed.includes('Q') ? 3 * Number(named[2]) - 2 : Number(named[2]);
    // by its end: 三季度…，四季度 goes on in that year; a range from the year's start (前三季度, 1-11月)
    // sums that year's months even after a later one (2023年第四季度…，前三季度)
    if (last[0] >= namedMonth || (tail.includes('{Y}') && first[0] === 1)) {
      return setYear(out, named[1]!, tail, lastNamed.includes('Q')
        ? msg('{0} read in the year of the quarter named last before it ({1})', out.text, lastNamed)
        : msg('{0} read in the year of the month named last before it ({1})', out.text, lastNamed), 'named');
    }
    assume(out, lastNamed.includes('Q')
      ? msg('{0} names no year, and comes before the quarter named last before it ({1}): in the next year, or in another', out.text, lastNamed)
      : msg('{0} names no year, and comes before the month named last before it ({1}): in the next year, or in another', out.text, lastNamed));
    return 'open';
  }
  if (!date) {
    assume(out, msg("{0} names no year, and the article's date is not known: add a dateline or a date: to the sidecar header", out.text));
    return 'open';
  }
  // 2023年，…其中5月 is that year's May, 2019年成立的公司，4月17日宣布 most likely not: only the article's own year goes without saying
  if (yearAlone !== undefined && yearAlone !== String(date.year)) {
    assume(out, msg('{0} names no year, and the year named before it ({1}) may or may not be its own', out.text, yearAlone));
    return 'open';
  }
  // (a month alone is neither later nor earlier than a day of that month)
  const notLater = month < date.month || (month === date.month && (day === undefined || day <= date.day));
  const [lastMonth, lastDay] = last;
  const notEarlier = lastMonth > date.month || (lastMonth === date.month && (lastDay === undefined || lastDay >= date.day));
  if (ahead === undefined && notLater) {
    return setYear(out, date.year, tail, msg("{0} read in the year of the article's date {1} (from {2})", out.text, date.iso, fromWhere(date)), 'article');
  }
  if (ahead === undefined) {
    assume(out, msg("{0} names no year, and is later in the year than the article's date {1} (from {2}): still to come, or a year old", out.text, date.iso, fromWhere(date)));
    return 'open';
  }
  if (notEarlier) {
    return setYear(out, date.year, tail, msg("{0} read as still to come ({1}), in the year of the article's date {2} (from {3})", out.text, ahead, date.iso, fromWhere(date)), 'ahead');
  }
  assume(out, msg("{0} names no year, and is written as still to come ({1}) but earlier in the year than the article's date {2} (from {3}): next year's, or a plan reported from the past", out.text, ahead, date.iso, fromWhere(date)));
  return 'open';
}

/** The period in `year`, or yearless with a note where that year has no such day (2月29日 in 2023). */
function setYear(out: Figure, year: number | string, tail: string, because: Message, from: YearSource): YearSource {
  const period = `${year}${tail.replace(/\{Y\}/g, String(year))}`;
  if (period.split('/').some((p) => /-\d{2}-\d{2}$/.test(p) && !parseArticleDate(p, 'dateline'))) {
    assume(out, msg('{0} is no day of {1}', out.text, year));
    return 'open';
  }
  out.period = period;
  assume(out, because);
  return from;
}
