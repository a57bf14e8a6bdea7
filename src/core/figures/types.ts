import type { Message } from '../text/message';
export type FigureType =
  | 'money'
  | 'percent'
  | 'count'
  | 'multiple'
  | 'date'
  | 'duration'
  | 'rank'
  | 'quantity'
  | 'number';

export interface Range {
  min: number;
  max: number;
}

/**
 * A date written relative to something else: to the article's own date (去年8月 is the
 * article's year minus one, month 8) or to the year named last before it (当年11月).
 */
export interface RelativeDate {
  base: 'article' | 'context';
  /**
   * 'day': a day of the month with no month (11日，…), read in the month named last before it in its paragraph, or in the article's month.
   * 'yearless': a month, a month and day, a quarter, or a range of them, with no year (5月17日, 3月份, 二季度, 3-5月), read in the year of a date named before it in its
   * paragraph, or in the article's year when it is not later than the article's date. Its `period` (--05-17) is set before it is read.
   */
  unit: 'year' | 'month' | 'quarter' | 'day' | 'yearless';
  offset: number;
  /** What follows the year, with {Y} where the year goes again: -08, -Q1, -Q1/{Y}-Q3, -H2, or nothing; for a day, what follows its month: -11; for a yearless date, its month and day: -05-17, -03. */
  tail: string;
  /** For a day or a yearless date: the word before it that says it is still to come (将于, data/dateCues.json). */
  ahead?: string;
  /** For a yearless quarter: its paragraph names fiscal years before it (财年, FY), so it is a fiscal quarter. */
  fiscal?: true;
}

/** How a stated figure relates to the true amount: 约 about, 超 over, 近 under. */
export type Approximation = 'about' | 'over' | 'under';

/**
 * Made by build.ts (figure, copyFigure) with every field below, the optional ones undefined where
 * absent, in one order: one hidden class for all figures (see there). A copy made otherwise (a
 * spread, an object rest) gets another, and reads of figures go megamorphic again.
 */
export interface Figure {
  /** UTF-16 offsets into the analysed text, end exclusive. */
  start: number;
  end: number;
  text: string;
  type: FigureType;
  /** In base units: yuan, not 亿元; 18 for 18%; null where only a period is known. */
  value: number | Range | null;
  /** CNY, USD, %, pp, ×, year, month, day, parameters, or the classifier of a count (款, 家). */
  unit?: string;
  approx?: Approximation;
  /** ISO-like period for dates: 2023-04-11, 2022-Q4, FY2023-Q3, 2022-H1, 2020/2021. */
  period?: string;
  /** For a relative date (去年8月): what it is relative to; `period` is set once that is known. */
  relative?: RelativeDate;
  /** How a relative date was resolved, or why it could not be, in English words a reader can check. */
  assumption?: string;
  /** The same as a message, for a UI in another language. */
  assumptionMessage?: Message;
  /** End of the numeral before its unit (UTF-16, like `end`), where a unit follows it. */
  numeralEnd?: number;
  /** False for bare numerals such as the 一 of 一个, which the editor leaves unmarked. */
  salient: boolean;
}
