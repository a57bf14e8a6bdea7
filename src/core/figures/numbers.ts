/**
 * Numbers on their own: leading decimals (.5), 半百, fractions (二十五分之一, 3/4, 三又二分之一),
 * powers (2^5), mixed numbers (1 3/5), and the numerals that are not figures (section
 * numbers 01、, digits glued to names: 32B).
 */
import type { Figure } from './types';
import { CN_BIG_UNITS, CN_SMALL_UNITS, arabicDigitValue, clean, isArabicDigit } from './numerals';
import { compactAt, isLatinLetter, isNameChar, pad2, skipSpaces, unitAt } from './chars';
import { MAX_ARABIC_DIGITS, negativeSignBefore, readNumber, type ParsedNumber } from './readNumber';
import { figure, type Scan } from './build';
import { matchUnit, matchUnitLoose } from './units';

export const NUMBER_TRIGGERS = '.．半';

/** At i: a leading decimal (.5) or 半 with a scale (半百). Returns where the scan goes on, or -1. */
export function readNumberForm(s: Scan, i: number): number {
  const text = s.text;
  const ch = text[i];
  if (ch === '半' && (CN_SMALL_UNITS.has(text[i + 1] ?? '') || CN_BIG_UNITS.has(text[i + 1] ?? '')) && unitAt(text, i + 1) !== 0x5341 /* 十 */) {
    const scale = CN_SMALL_UNITS.get(text[i + 1]!) ?? CN_BIG_UNITS.get(text[i + 1]!)!;
    s.out.push(figure(s, i, i + 2, 'number', scale / 2));
    return i + 2;
  }
  // 半小时, 半个月, 半天: half of a time unit (半年 is left alone: 上半年 and 半年报 are periods)
  if (ch === '半') {
    const k = unitAt(text, i + 1) === 0x4e2a /* 个 */ || unitAt(text, i + 1) === 0x500b /* 個 */ ? i + 2 : i + 1;
    const u = matchUnit(text, k) ?? (unitAt(text, k) === 0x6708 /* 月 */ && k > i + 1 ? { text: '月', type: 'duration' as const, unit: 'month' } : undefined);
    if (u && u.type === 'duration' && u.unit !== 'year' && u.unit !== 'quarter' && !(u.unit === 'month' && k === i + 1)) {
      s.out.push(figure(s, i, k + u.text.length, 'duration', 0.5, u.unit));
      return k + u.text.length;
    }
  }
  if ((ch === '.' || ch === '．') && isArabicDigit(unitAt(text, i + 1)) && !isArabicDigit(unitAt(text, i - 1)) && !isLatinLetter(unitAt(text, i - 1))) {
    let k = i + 1;
    let v = 0;
    let scale = 0.1;
    while (k < text.length && k - i <= MAX_ARABIC_DIGITS && isArabicDigit(text.charCodeAt(k))) {
      v += arabicDigitValue(text.charCodeAt(k++)) * scale;
      scale /= 10;
    }
    const signed = unitAt(text, i - 1) === 0x2d /* - */ || unitAt(text, i - 1) === 0xff0d /* － */ || unitAt(text, i - 1) === 0x8d1f /* 负 */;
    s.out.push(figure(s, signed ? i - 1 : i, k, 'number', clean(signed ? -v : v)));
    return k;
  }
  return -1;
}

/** Numerals that are not figures: section numbers (01、) and digits glued to a name (32B, 4o). Returns the end to skip to, or -1. */
export function skipNonFigureNumber(s: Scan, i: number, n: ParsedNumber): number {
  const text = s.text;
  const lineStart = i === 0 || unitAt(text, i - 1) === 0xa /* \n */ || unitAt(text, i - 1) === 0x23 /* # */ || unitAt(text, i - 1) === 0x20 /* space */;
  const nextWord = skipSpaces(text, n.end, 4);
  const sectionLike = unitAt(text, n.end) === 0x20 /* space */ && n.integerDigits <= 2 && n.value < 100 && !matchUnitLoose(text, nextWord) &&
    unitAt(text, nextWord) !== 0x5206 /* 分 */ && unitAt(text, nextWord) !== 0x53c8 /* 又 */ && !isArabicDigit(unitAt(text, nextWord));
  if (n.plainArabic && lineStart && (unitAt(text, n.end) === 0x3001 /* 、 */ || sectionLike)) return n.end + 1;
  if (n.plainArabic && isLatinLetter(unitAt(text, n.end)) && !matchUnit(text, n.end)) {
    let j = n.end;
    while (j < text.length && isNameChar(text.charCodeAt(j))) j++;
    return j;
  }
  return -1;
}

function signedNumber(s: Scan, i: number, end: number, v: number): Figure {
  const signed = negativeSignBefore(s.text, i);
  return figure(s, signed ? i - 1 : i, end, 'number', signed ? -v : v);
}

/** A minus sign written 负 or - right after 分之 (负３分之负一百五十七). */
function readSigned(text: string, i: number): { n: ParsedNumber; sign: number } | undefined {
  const minus = unitAt(text, i) === 0x8d1f /* 负 */ || unitAt(text, i) === 0x8ca0 /* 負 */ || unitAt(text, i) === 0x2d /* - */ || unitAt(text, i) === 0xff0d /* － */;
  const n = readNumber(text, minus ? i + 1 : i);
  return n ? { n, sign: minus ? -1 : 1 } : undefined;
}

/**
 * Fractions, mixed numbers and powers after the numeral n at i. Returns where the scan goes
 * on, or -1 when n is not the start of one.
 */
export function readFraction(s: Scan, i: number, n: ParsedNumber): number {
  const text = s.text;
  // 二十五分之一 → 0.04, 负３分之负一百五十七 → 52.33
  // (by UTF-16 unit here and below: the unit after a number is mostly CJK, and text[k] of one is a new
  // string; 分之 is looked for only where 分 follows, compactAt reads its first unit as it is)
  const at = skipSpaces(text, n.end, 2);
  const fraction = unitAt(text, at) === 0x5206 /* 分 */ ? compactAt(text, at, 2) : undefined;
  if (fraction?.text === '分之') {
    const d = readSigned(text, skipSpaces(text, fraction.end, 2));
    if (d && n.value !== 0) {
      s.out.push(signedNumber(s, i, d.n.end, clean((d.sign * d.n.value) / n.value)));
      return d.n.end;
    }
  }
  // 2^5, 1.1^+23, 2.5^-1: a power with a bounded exponent
  if (unitAt(text, n.end) === 0x5e /* ^ */) {
    let k = n.end + 1;
    let sign = 1;
    while ((unitAt(text, k) === 0x2b /* + */ || unitAt(text, k) === 0x2d /* - */) && k - n.end <= 3) {
      if (unitAt(text, k) === 0x2d /* - */) sign = -sign;
      k++;
    }
    const e = readNumber(text, k);
    if (e && e.plainArabic && e.end - k <= 4) {
      s.out.push(signedNumber(s, i, e.end, clean(n.value ** (sign * e.value))));
      return e.end;
    }
  }
  // 1/2, ３／５: a fraction, unless it is a date (2023/4/5) or a path
  const slash = unitAt(text, n.end);
  if ((slash === 0x2f /* / */ || slash === 0xff0f /* ／ */) && n.plainArabic && isArabicDigit(unitAt(text, n.end + 1))) {
    const den = readNumber(text, n.end + 1);
    const after = den ? text[den.end] : undefined;
    if (den && den.plainArabic && den.value !== 0 && after !== '/' && after !== '／' && !isLatinLetter(unitAt(text, den.end))) {
      s.out.push(signedNumber(s, i, den.end, clean(n.value / den.value)));
      return den.end;
    }
    // 2023/4/5 is a date; other slash runs (versions, paths) are not figures
    const day = den && (after === '/' || after === '／') ? readNumber(text, den.end + 1) : undefined;
    if (den && day) {
      const isDate = n.integerDigits === 4 && den.value >= 1 && den.value <= 12 && day.value >= 1 && day.value <= 31;
      if (isDate) s.out.push(figure(s, i, day.end, 'date', null, undefined, undefined, `${n.value}-${pad2(den.value)}-${pad2(day.value)}`));
      return day.end;
    }
  }
  // 1 3/5, ４ ６／３: a whole number, a space and a fraction
  const space = unitAt(text, n.end);
  if (n.plainArabic && (space === 0x20 || space === 0xa0) && isArabicDigit(unitAt(text, n.end + 1))) {
    const num = readNumber(text, n.end + 1);
    const bar = num ? text[num.end] : undefined;
    const den = num && num.plainArabic && (bar === '/' || bar === '／') ? readNumber(text, num.end + 1) : undefined;
    if (num && den && den.plainArabic && den.value !== 0 && !isArabicDigit(unitAt(text, den.end)) && unitAt(text, den.end) !== 0x2f /* / */ && unitAt(text, den.end) !== 0xff0f /* ／ */) {
      s.out.push(signedNumber(s, i, den.end, clean(n.value + num.value / den.value)));
      return den.end;
    }
  }
  // 三又二分之一 → 3.5
  const and = skipSpaces(text, n.end, 2);
  if (unitAt(text, and) === 0x53c8 /* 又 */) {
    const den = readNumber(text, skipSpaces(text, and + 1, 2));
    const mid = den && compactAt(text, skipSpaces(text, den.end, 2), 2);
    const num = mid && mid.text === '分之' ? readNumber(text, skipSpaces(text, mid.end, 2)) : undefined;
    if (den && num && den.value !== 0) {
      s.out.push(signedNumber(s, i, num.end, clean(n.value + num.value / den.value)));
      return num.end;
    }
  }
  return -1;
}
