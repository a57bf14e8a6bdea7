/**
 * Figure detection: one left-to-right scan with bounded look-ahead, so the work is linear
 * in the text whatever it contains (a megabyte of digits included). Characters that can
 * start nothing are skipped through a trigger table; at the others, the family readers
 * (numbers, money, percent, dates and periods, durations and counts) are tried in turn,
 * each of them bounded, each returning where the scan goes on.
 */
import type { Figure } from './types';
import { CN_BIG_UNITS, CN_DIGITS, CN_SMALL_UNITS } from './numerals';
import { isLatinLetter, isNameChar, skipSpaces, unitAt } from './chars';
import { isNumberStart, readNumber } from './readNumber';
import type { Scan } from './build';
import { startsNonFigure } from './notFigures';
import { MONEY_TRIGGERS, bareCurrency, currencyNameAt } from './money';
import { PERCENT_TRIGGERS, readPercentWord } from './percent';
import { DATE_TRIGGERS, readDateAfterNumber, readRelativeDate } from './dates';
import { COUNT_TRIGGERS, readRankOrCount } from './durations';
import { NUMBER_TRIGGERS, readNumberForm } from './numbers';
import { readAmount } from './amounts';
import { skipApproxWord } from './units';
import { TEMPERATURE_TRIGGERS, readTemperatureScale } from './quantities';

/** What can start at a character, as bits: the scan calls only the readers that can. */
const LATIN = 1;
const PERCENT_WORD = 2;
const RANK = 4;
const CURRENCY = 8;
const RELATIVE = 16;
const NUMBER_FORM = 32;
const NUMERAL = 64;
const SCALE = 128;

/**
 * Characters at which a figure, a rank word or a name can start, with what can start there.
 * Everything else is skipped in a tight loop, which is what makes the scan fast on running text.
 */
const TRIGGERS = (() => {
  const t = new Uint8Array(0x10000);
  const mark = (chars: Iterable<string>, bit: number) => {
    for (const ch of chars) t[ch.charCodeAt(0)]! |= bit;
  };
  for (let c = 0x30; c <= 0x39; c++) t[c] = NUMERAL;
  for (let c = 0xff10; c <= 0xff19; c++) t[c] = NUMERAL;
  for (let c = 0x41; c <= 0x5a; c++) t[c] = t[c + 0x20] = LATIN;
  for (let c = 0xff21; c <= 0xff3a; c++) t[c] = t[c + 0x20] = LATIN;
  mark(CN_DIGITS.keys(), NUMERAL);
  mark(CN_SMALL_UNITS.keys(), NUMERAL);
  mark(CN_BIG_UNITS.keys(), NUMERAL);
  mark(PERCENT_TRIGGERS, PERCENT_WORD);
  mark(COUNT_TRIGGERS, RANK);
  mark(MONEY_TRIGGERS, CURRENCY);
  mark(DATE_TRIGGERS, RELATIVE);
  mark(NUMBER_TRIGGERS, NUMBER_FORM);
  mark(TEMPERATURE_TRIGGERS, SCALE);
  return t;
})();

export interface DetectOptions {
  /** Offset added to every figure's start and end (when scanning a slice of a larger text). */
  base?: number;
}

/**
 * Finds every figure in `text`. Runs in time linear in the length of the text: each start
 * position is tried once, and every look-ahead is bounded by a constant.
 */
export function detectFigures(text: string, options: DetectOptions = {}): Figure[] {
  const s: Scan = { text, base: options.base ?? 0, out: [] };
  let i = 0;
  const length = text.length;
  while (i < length) {
    let can = 0;
    while (i < length && (can = TRIGGERS[text.charCodeAt(i)]!) === 0) i++;
    if (i >= length) break;
    // numbers inside names (GPT-4, Qwen1.5-110B, QwQ-32B, A100): skip the whole name
    if (can & LATIN) {
      let j = i;
      while (j < length && isNameChar(text.charCodeAt(j))) j++;
      // a trailing '.' or '-' belongs to the sentence, not the name
      i = Math.max(i + 1, j);
      continue;
    }
    // words that are figures by themselves or lead one: 百分之, 对折, 第三, 排名, 去年, 个位数;
    // but not where a word such as 第二曲线 begins
    if (can & RANK) {
      const skipTo = startsNonFigure(text, i);
      if (skipTo > i) {
        i = skipTo;
        continue;
      }
    }
    let next = -1;
    if (can & PERCENT_WORD) next = readPercentWord(s, i);
    if (next < 0 && can & RANK) next = readRankOrCount(s, i);
    if (next < 0 && can & RELATIVE) next = readRelativeDate(s, i);
    if (next < 0 && can & NUMBER_FORM) next = readNumberForm(s, i);
    if (next < 0 && can & SCALE) next = readTemperatureScale(s, i);
    if (next < 0 && can & CURRENCY) {
      // 港幣5.2, 新台幣 30 億元: a currency named before its amount; or on its own (以美元计)
      const name = currencyNameAt(text, i);
      if (name) {
        // 人民幣約2億元: an approximation word may come between the currency and the number
        const k = skipApproxWord(text, skipSpaces(text, name.end, 2));
        const n = isNumberStart(text, k) ? readNumber(text, k) : undefined;
        next = n ? readAmount(s, k, n, name) : -1;
        if (next < 0) {
          bareCurrency(s, name);
          next = name.end;
        }
      }
    }
    if (next > i) {
      i = next;
      continue;
    }
    if (!(can & NUMERAL) || !isNumberStart(text, i)) {
      i++;
      continue;
    }
    // 找零壹佰元: a leading 零 belongs to the word before it, not to the numeral (零点五 excepted)
    if ((text.charCodeAt(i) === 0x96f6 /* 零 */ || text.charCodeAt(i) === 0x3007 /* 〇 */) && (CN_DIGITS.has(text[i + 1] ?? '') || CN_SMALL_UNITS.has(text[i + 1] ?? ''))) {
      i++;
      continue;
    }
    const skipTo = startsNonFigure(text, i);
    if (skipTo > i) {
      i = skipTo;
      continue;
    }
    const n = readNumber(text, i);
    if (!n) {
      i++;
      continue;
    }
    const found = s.out.length;
    next = readDateAfterNumber(s, i, n);
    if (next < 0) next = readAmount(s, i, n);
    if (s.out.length === found + 1 && isVersionNumber(text, i, s.out[found]!)) s.out.pop();
    i = Math.max(next, i + 1);
  }
  return s.out;
}

/** Marks that close a name written in quotes or as a title: “天工”3.5 names a version. */
const NAME_CLOSERS = new Set(['”', '」', '』', '》', '"']);

/**
 * Whether `t` is /^[0-9]+(?:\.[0-9]+)*$/: ASCII digits in groups joined by single dots. Read
 * by code: a bare number is asked about at each one the scan reads, and a call of the regex's
 * test cost some 250 instructions. Exported for its unit test.
 */
export function isPlainDigits(t: string): boolean {
  let digitBefore = false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) digitBefore = true;
    else if (c === 0x2e && digitBefore) digitBefore = false;
    else return false;
  }
  return digitBefore;
}

/**
 * Whether the bare number at i, with no unit, scale or period, numbers a version of the
 * name before it: Office 365, iPhone 15 (a Latin name and one space), “天工”3.5 (a quoted
 * name). GPT-4 and Qwen1.5 never get here: the scan skips names that run into their digits.
 */
function isVersionNumber(text: string, i: number, f: Figure): boolean {
  if (f.type !== 'number' || f.unit !== undefined || !isPlainDigits(f.text)) return false;
  const before = text[i - 1] ?? '';
  if (NAME_CLOSERS.has(before)) return true;
  return (before === ' ' || before === '\u00a0') && isLatinLetter(unitAt(text, i - 2));
}
