/**
 * The numeral reader: Arabic, Chinese, banker's and mixed numerals at a position, in one
 * bounded pass (a numeral never takes more than MAX_TOKENS tokens).
 */
import type { Approximation } from './types';
import {
  CN_BIG_UNITS, CN_BIG_UNIT_UNITS, CN_DIGITS, CN_DIGIT_UNITS, CN_POINT, CN_POINT_UNITS, CN_SMALL_UNITS, CN_SMALL_UNIT_UNITS, NumeralToken,
  arabicDigitValue, clean, digitString, evaluateNumeral, isArabicDigit, unitSet,
} from './numerals';
import { isLatinLetter, skipSpaces, unitAt } from './chars';

/** Longest numeral a figure may have, in tokens; longer digit runs are not figures. */
export const MAX_TOKENS = 32;
export const MAX_ARABIC_DIGITS = 18;

export interface ParsedNumber {
  end: number;
  value: number;
  /** Arabic digits only, no unit characters: candidates for years and section numbers. */
  plainArabic: boolean;
  /** Count of Arabic digits before any decimal point. */
  integerDigits: number;
  /** A single Chinese digit with no unit (一, 两): a figure only with a classifier. */
  loneChineseDigit: boolean;
  approx?: Approximation;
  /** Two neighbouring digits read as a span (六七亿, 二三十, 十七八): the upper end. */
  max?: number;
  /** The big unit the numeral ends on (1e4 for 五万, 1e8 for 3.5亿), which a range shares: 三到五万. */
  scale?: number;
}

/** Neighbouring digits that name a span rather than a number: 六七 is six or seven. */
function isDigitPair(low: number, high: number, highUnit: number): boolean {
  if (low === 1) return highUnit === LIANG || highUnit === LIANG_T; // 一两 yes, 一二 (a digit string) no
  return (high === low + 1 && low >= 2) || (low === 3 && high === 5); // 三五 is three to five
}

// the characters the numeral loop compares with, by UTF-16 unit (see CN_DIGIT_UNITS)
const LIANG = 0x4e24; // 两
const LIANG_T = 0x5169; // 兩
const CAN = 0x53c3; // 參
const CAN_V = 0x53c4; // 叄
const GE = 0x4e2a; // 个
const GE_T = 0x500b; // 個
const DUO = 0x591a; // 多
const YU = 0x4f59; // 余
const YU_T = 0x9918; // 餘
const JI = 0x51e0; // 几
const JI_T = 0x5e7e; // 幾

/** What follows 千 or 兆 when they begin a unit (千米, 千克, 千字节, 千瓦, 兆字节, 兆瓦) rather than scale a number. */
const UNIT_AFTER_SCALE = new Set([...'米克字瓦卡焦赫帕']);

/** Banker's numerals: a figure only together with other numeral characters (壹佰, not 陆地 or 收拾). */
const FORMAL_NUMERALS = unitSet('壹贰貳叁參叄肆伍陆陸柒捌玖拾佰仟');

/** What may follow 參 when it is the numeral 3: a unit, another numeral, or the end of the numeral. */
const CN_NUMERAL_FOLLOWERS = new Set([...'拾佰仟萬万億亿零壹贰貳叁參肆伍陸陆柒捌玖元圆圓角分整点點個个', '', ' ']);

/** What follows 參 when it begins a numeral (參拾元), not a word (參數, 參與). */
const FORMAL_THREE_STARTS = new Set([...'拾佰仟萬万億亿元圆圓角']);

/**
 * The tokens of a numeral, and the Chinese digits' and units' tokens, made once: a numeral is
 * read at every numeral character of an article, and its list and tokens were most of what the
 * figure stage allocated. Tokens are never changed (evaluateNumeral only reads them).
 */
const TOKENS: NumeralToken[] = [];
const DIGIT_TOKENS: readonly NumeralToken[] = Array.from({ length: 10 }, (_, d) => ({ digit: d }));
const SMALL_UNIT_TOKENS = new Map<number, NumeralToken>([...new Set(CN_SMALL_UNITS.values())].map((u) => [u, { unit: u, big: false }]));
const BIG_UNIT_TOKENS = new Map<number, NumeralToken>([...new Set(CN_BIG_UNITS.values())].map((u) => [u, { unit: u, big: true }]));

function smallUnitToken(unit: number): NumeralToken {
  return SMALL_UNIT_TOKENS.get(unit) ?? { unit, big: false };
}

function bigUnitToken(unit: number): NumeralToken {
  return BIG_UNIT_TOKENS.get(unit) ?? { unit, big: true };
}

/** Whether nothing numeral follows j: 三千两百两 ends on a weight, not on the digit 2. */
function endsNumeral(text: string, j: number): boolean {
  const next = text[j] ?? '';
  return !CN_DIGITS.has(next) && !CN_SMALL_UNITS.has(next) && !CN_BIG_UNITS.has(next) && !CN_POINT.has(next) && !isArabicDigit(text.charCodeAt(j));
}

/** Whether the Arabic digits at k are followed by a Chinese unit (the 5千 of 7万 5千). */
function hasUnitAfterDigits(text: string, k: number): boolean {
  let j = k;
  while (j < text.length && j - k < 6 && isArabicDigit(text.charCodeAt(j))) j++;
  return CN_SMALL_UNITS.has(text[j] ?? '') || CN_BIG_UNITS.has(text[j] ?? '');
}

/**
 * Reads a numeral at `i`: Arabic (with thousands separators, decimals, full-width digits),
 * Chinese (二十, 三十多, 一億, 壹佰), or mixed (5.45億, 5億1萬4千6百). Spaces are allowed
 * only before a unit character, as in 110 亿 or 四百 点 五.
 */
export function readNumber(text: string, i: number): ParsedNumber | undefined {
  // (one list for every call: readNumber never runs inside itself, and nothing it returns holds the list)
  const tokens = TOKENS;
  // (its count of tokens apart from its length: setting an array's length to 0 lets go of its
  // store, and the next push made a new one, once per numeral read; entries past n are stale)
  let n = 0;
  let j = i;
  let plainArabic = true;
  let integerDigits = 0;
  let approx: Approximation | undefined;
  let lastWasDigit = false;
  /** Index of the token that has a second reading (六七), and that reading. */
  let pairAt = -1;
  let pairHigh = 0;
  /** One decimal point per numeral: 三点三点三 is not one number. */
  let sawPoint = false;
  while (j < text.length && n < MAX_TOKENS) {
    const c = text.charCodeAt(j);
    if (isArabicDigit(c)) {
      if (lastWasDigit) break;
      // an Arabic group: digits, thousands separators, one decimal point
      let k = j;
      let v = 0;
      let digits = 0;
      while (k < text.length && isArabicDigit(text.charCodeAt(k)) && digits <= MAX_ARABIC_DIGITS) {
        v = v * 10 + arabicDigitValue(text.charCodeAt(k));
        k++;
        digits++;
        // 1,234 and, between full-width digits, １，２３４; never 1，2 (a list)
        // (by UTF-16 unit here and below: the unit after a number is mostly CJK, and text[k] of one is a new string)
        const sep = unitAt(text, k);
        const fullWidth = text.charCodeAt(k - 1) >= 0xff10;
        if ((sep === 0x2c /* , */ || (sep === 0xff0c /* ， */ && fullWidth)) && isArabicDigit(text.charCodeAt(k + 1)) &&
          isArabicDigit(text.charCodeAt(k + 2)) && isArabicDigit(text.charCodeAt(k + 3)) && !isArabicDigit(text.charCodeAt(k + 4))) k++;
      }
      if (digits > MAX_ARABIC_DIGITS) return undefined;
      integerDigits = digits;
      const point = unitAt(text, k);
      if ((point === 0x2e /* . */ || point === 0xff0e /* ． */) && isArabicDigit(text.charCodeAt(k + 1))) {
        let scale = 0.1;
        k++;
        let fractionDigits = 0;
        while (k < text.length && isArabicDigit(text.charCodeAt(k)) && fractionDigits < MAX_ARABIC_DIGITS) {
          v += arabicDigitValue(text.charCodeAt(k)) * scale;
          scale /= 10;
          k++;
          fractionDigits++;
        }
      }
      // 2e5, 12.32e+14, ２.７８９０e－１: scientific notation
      const exponent = unitAt(text, k);
      if ((exponent === 0x65 /* e */ || exponent === 0x45 /* E */) && !isLatinLetter(text.charCodeAt(k + 1))) {
        let e = k + 1;
        let sign = 1;
        if (text.charCodeAt(e) === 0x2b /* + */ || text.charCodeAt(e) === 0x2d /* - */ || text.charCodeAt(e) === 0xff0d /* － */) {
          if (text.charCodeAt(e) !== 0x2b /* + */) sign = -1;
          e++;
        }
        let exp = 0;
        const from = e;
        while (e < text.length && e - from < 3 && isArabicDigit(text.charCodeAt(e))) exp = exp * 10 + arabicDigitValue(text.charCodeAt(e++));
        if (e > from && !isLatinLetter(text.charCodeAt(e)) && !isArabicDigit(text.charCodeAt(e))) {
          v *= 10 ** (sign * exp);
          k = e;
          plainArabic = false;
        }
      }
      // 40k, 2.5 M: thousands and millions written in Latin
      const m = skipSpaces(text, k, 1);
      const suffix = unitAt(text, m);
      if ((suffix === 0x6b /* k */ || suffix === 0x4b /* K */ || suffix === 0xff2b /* Ｋ */ || suffix === 0x4d /* M */) && !isLatinLetter(text.charCodeAt(m + 1))) {
        v *= suffix === 0x4d ? 1e6 : 1e3;
        k = m + 1;
        plainArabic = false;
      }
      tokens[n++] = { digit: v, arabic: true };
      j = k;
      lastWasDigit = true;
      continue;
    }
    const d = CN_DIGIT_UNITS.get(c);
    // 參 is a formal 3 only inside a numeral (壹佰參拾), never in 參數 or 參與
    const formalThree = c === CAN || c === CAN_V;
    const threeFits = !formalThree || (n === 0 ? FORMAL_THREE_STARTS.has(text[j + 1] ?? '') : CN_NUMERAL_FOLLOWERS.has(text[j + 1] ?? ''));
    if (d !== undefined && threeFits) {
      if (lastWasDigit && !(d === 0)) {
        const prev = tokens[n - 1]!;
        // 六七亿, 二三十, 十七八: two neighbouring digits are a span, read on both ends
        // (no read before the first token: an index below 0 is a property looked up on the prototypes)
        const before = n >= 2 ? tokens[n - 2] : undefined;
        const pairable = pairAt < 0 && 'digit' in prev && !prev.arabic && (before === undefined || 'unit' in before) &&
          isDigitPair(prev.digit, d, c) && !CN_DIGITS.has(text[j + 1] ?? '');
        if (pairable) {
          pairAt = n - 1;
          pairHigh = d;
          j++;
          lastWasDigit = true;
          continue;
        }
        // 一二三 as a digit string (years written 二〇二三) is not one number
        break;
      }
      // 三十两 is thirty liang: 两 is a digit only before a unit or after 百, 千, 万 (两百, 三千两百)
      const prevToken = n > 0 ? tokens[n - 1] : undefined;
      if ((c === LIANG || c === LIANG_T) && prevToken && 'unit' in prevToken && (prevToken.unit === 10 || endsNumeral(text, j + 1))) break;
      tokens[n++] = DIGIT_TOKENS[d]!;
      plainArabic = false;
      lastWasDigit = d !== 0;
      j++;
      continue;
    }
    // 两个亿, 三個億: a classifier between the digit and its big unit
    if ((c === GE || c === GE_T) && (lastWasDigit || approx) && n && CN_BIG_UNITS.has(text[j + 1] ?? '')) {
      j++;
      continue;
    }
    const small = CN_SMALL_UNIT_UNITS.get(c);
    const big = CN_BIG_UNIT_UNITS.get(c);
    if (small !== undefined || big !== undefined) {
      // 千 right after Arabic digits is a scale (4千6百); 千米, 千克, 兆字节 and 兆瓦 are units, not scales
      if ((small === 1000 || big === 1e12) && UNIT_AFTER_SCALE.has(text[j + 1] ?? '')) break;
      const prev = n > 0 ? tokens[n - 1] : undefined;
      const denominator = prev !== undefined && 'digit' in prev; // 一百分之二 is 2/100, not 一 and 2%
      if (small === 100 && (text.startsWith('百分点', j) || text.startsWith('百分點', j))) break;
      if (!denominator && small === 100 && text.startsWith('百分之', j)) break;
      if (!denominator && small === 1000 && text.startsWith('千分之', j)) break;
      if (!denominator && big === 1e4 && (text.startsWith('万分之', j) || text.startsWith('萬分之', j))) break;
      tokens[n++] = small !== undefined ? smallUnitToken(small) : bigUnitToken(big!);
      plainArabic = false;
      lastWasDigit = false;
      j++;
      continue;
    }
    if (CN_POINT_UNITS.has(c) && n && pairAt < 0 && !sawPoint) {
      sawPoint = true;
      // 四百点五, 一点两: the fraction is read digit by digit
      let k = skipSpaces(text, j + 1);
      let frac = '';
      while (k < text.length && CN_DIGITS.has(text[k]!) && text.charCodeAt(k) !== 0x4e24 /* 两 */ && text.charCodeAt(k) !== 0x5169 /* 兩 */ && frac.length < MAX_ARABIC_DIGITS) {
        frac += text[k];
        k = skipSpaces(text, k + 1);
      }
      if (!frac) break;
      while (k > j + 1 && (text.charCodeAt(k - 1) === 0x20)) k--;
      const whole = evaluateNumeral(tokens, n);
      const value = whole + digitString(frac) / 10 ** frac.length;
      tokens[0] = { digit: value, arabic: true };
      n = 1;
      plainArabic = false;
      j = k;
      lastWasDigit = true;
      continue;
    }
    if ((c === DUO || c === YU || c === YU_T || c === JI || c === JI_T) && n) {
      // 三十多, 十余万: approximate, and a big unit may still follow
      const prev = tokens[n - 1]!;
      const next = text[skipSpaces(text, j + 1)] ?? '';
      const afterUnit =
        'unit' in prev ||
        ('digit' in prev && prev.arabic && (c === DUO || CN_BIG_UNITS.has(next))) ||
        ('digit' in prev && !prev.arabic && prev.digit === 0 && (c === JI || c === JI_T));
      if (!afterUnit) break;
      approx = 'over';
      j++;
      const k = skipSpaces(text, j);
      if (CN_BIG_UNITS.has(text[k] ?? '') || CN_SMALL_UNITS.has(text[k] ?? '')) j = k;
      continue;
    }
    if ((c === 0x20 || c === 0xa0) && n) {
      const k = skipSpaces(text, j);
      const next = text[k] ?? '';
      if (CN_BIG_UNITS.has(next) || CN_SMALL_UNITS.has(next) || CN_POINT.has(next) || next === '余' || next === '多' || ((next === '几' || next === '幾') && CN_BIG_UNITS.has(text[k + 1] ?? ''))) {
        j = k;
        continue;
      }
      // a spaced numeral (一百 五 十 二, 7万 5千): the part after the space continues it
      const prev = tokens[n - 1]!;
      const afterChineseUnit = 'unit' in prev;
      const continuesChinese = CN_DIGITS.has(next) && !('digit' in prev && prev.arabic);
      const continuesMixed = isArabicDigit(text.charCodeAt(k)) && afterChineseUnit && hasUnitAfterDigits(text, k);
      if ((afterChineseUnit || 'digit' in prev) && (continuesChinese || continuesMixed) && k - j <= 4) {
        j = k;
        continue;
      }
      break;
    }
    break;
  }
  if (n === 0) return undefined;
  while (j > i && (text.charCodeAt(j - 1) === 0x20 || text.charCodeAt(j - 1) === 0xa0)) j--;
  const value = evaluateNumeral(tokens, n);
  if (Number.isNaN(value)) return undefined;
  // a bare pair (七八, 八九) is as vague as a lone digit: 乱七八糟, 十之八九
  const loneChineseDigit = n === 1 && 'digit' in tokens[0]! && !tokens[0].arabic;
  let max: number | undefined;
  if (pairAt >= 0) {
    const high = tokens.slice(0, n);
    high[pairAt] = { digit: pairHigh };
    max = clean(evaluateNumeral(high));
  }
  const last = tokens[n - 1]!;
  const scale = 'unit' in last && last.big ? last.unit : undefined;
  // after 分之 or 又 (五分之壹, 三又二分之壹) a lone banker's numeral is a number (looked at only for one)
  if (j - i === 1 && FORMAL_NUMERALS.has(text.charCodeAt(i)) && !inFraction(text, i, j)) return undefined;
  const parsed: ParsedNumber = { end: j, value: clean(value), plainArabic, integerDigits, loneChineseDigit };
  if (approx) parsed.approx = approx;
  if (max !== undefined && max > parsed.value) parsed.max = max;
  if (scale !== undefined) parsed.scale = scale;
  return parsed;
}

/** Whether the numeral text[i, j) stands after 之 or 又, or before 又 or 分之 (spaces between). */
function inFraction(text: string, i: number, j: number): boolean {
  let before = i - 1;
  while (before >= 0 && text.charCodeAt(before) === 0x20) before--;
  return text.charCodeAt(before) === 0x4e4b /* 之 */ || text.charCodeAt(before) === 0x53c8 /* 又 */ || text.charCodeAt(skipSpaces(text, j, 2)) === 0x53c8 /* 又 */ || text.startsWith('分之', skipSpaces(text, j, 2));
}

export function isNumberStart(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (isArabicDigit(c)) return true;
  // (by UTF-16 unit: see CN_DIGIT_UNITS)
  return CN_DIGIT_UNITS.has(c) || CN_SMALL_UNIT_UNITS.has(c);
}

/** 负32, -5%, －1２２％: a minus sign right before the number, not a hyphen inside a name or range. */
export function negativeSignBefore(text: string, i: number): boolean {
  // (by UTF-16 unit: text[i - 1] of a CJK character is a string made anew, and at i = 0 a look-up of the key "-1")
  const p = unitAt(text, i - 1);
  if (p === 0x8d1f /* 负 */ || p === 0x8ca0 /* 負 */) return true;
  if (p !== 0x2d /* - */ && p !== 0xff0d /* － */) return false;
  const pp = unitAt(text, i - 2);
  return i < 2 || !(isLatinLetter(pp) || isArabicDigit(pp) || isCnNumeralLike(text[i - 2]!) || pp === 0x25 || pp === 0xff05 /* ％ */);
}

export function isCnNumeralLike(ch: string): boolean {
  return CN_DIGITS.has(ch) || CN_SMALL_UNITS.has(ch) || CN_BIG_UNITS.has(ch) || ch === '年' || ch === '成' || ch === '月';
}
