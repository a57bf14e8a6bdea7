/**
 * A numeral with what follows it: its unit or currency, a range (8-9成, 1万元-3万元, 三到五万元,
 * with the magnitude shared), halves (两年半, 一個半小時), 角 and 分 after 元, compound
 * durations, N大 counts, and the approximation words after it (左右, 以上), which set
 * `approx` but stay outside the span.
 */
import type { Approximation, Range } from './types';
import { CN_DIGIT_UNITS, CN_SMALL_UNIT_UNITS, clean } from './numerals';
import { skipSpaces, unitAt } from './chars';
import { isNumberStart, negativeSignBefore, readNumber, type ParsedNumber } from './readNumber';
import { figure, withUnit, type Scan } from './build';
import { rangeConnectorAt, matchUnit, matchUnitLoose, prefixApprox, suffixApprox, type Unit } from './units';
import { CURRENCY_SYMBOLS, CURRENCY_SYMBOL_UNITS, currencyAfterClassifier, currencyOf, moneyTail, type CurrencyName } from './money';
import { chengTail, readDiscount } from './percent';
import { bigCountEnd, compoundDuration, halfAfterClassifier, minutesAndSeconds } from './durations';
import { readFraction } from './numbers';
import daysCues from './data/daysCues.json';

/** What may stand between a cue of days and its number: 了 and approximation words (持续了近7日). */
const BETWEEN_CUE_AND_DAYS = new Set([...'了近约約共达達仅僅逾超']);

/** How far back a named version (GPT-3.5) is looked for, in UTF-16 units. */
const VERSION_LOOKBACK = 100;

const isAsciiDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isAsciiLetter = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/**
 * Whether the lone digit from i to end, standing as a noun before 了 or 在, is the next version
 * of a name written shortly before it with its own version (追上GPT-3.5…已经到4了，还有5在训练):
 * not an amount. A score (2比1在客场) or a level with no named version before it (降到2了) is one.
 */
function versionAfterName(text: string, i: number, end: number): boolean {
  if (unitAt(text, end) !== 0x4e86 /* 了 */ && unitAt(text, end) !== 0x5728 /* 在 */) return false;
  const before = text[i - 1];
  if (before === '比' || before === ':' || before === '：') return false;
  for (let p = Math.max(0, i - VERSION_LOOKBACK); p < i - 1; p++) {
    if (!isAsciiLetter(text.charCodeAt(p))) continue;
    const next = text.charCodeAt(p + 1);
    if (isAsciiDigit(next) || ((next === 0x2d || next === 0x20) && isAsciiDigit(text.charCodeAt(p + 2)))) return true;
  }
  return false;
}

const startsAny = (text: string, words: readonly string[], at: number): boolean => words.some((w) => text.startsWith(w, at));

/** Whether N日 at i (日 at `day`) counts days rather than naming a day of the month (data/daysCues.json). */
export function countsDays(text: string, i: number, day: number): boolean {
  const after = day + 1;
  if (startsAny(text, daysCues.timeOfDay, after)) return false;
  if (startsAny(text, daysCues.after, after)) return true;
  if (startsAny(text, daysCues.inside, after) && !startsAny(text, daysCues.insideWords, after)) return true;
  // the cue ends right before the number, or before the words allowed between (近 is both)
  for (let k = i; k >= 0 && i - k <= 2; k--) {
    for (const w of daysCues.before) {
      if (text.startsWith(w, k - w.length) && !daysCues.notBefore.some((n) => n.endsWith(w) && text.startsWith(n, k - n.length))) return true;
    }
    if (k === 0 || !BETWEEN_CUE_AND_DAYS.has(text[k - 1]!)) break;
  }
  return false;
}

const HALVES = new Set(['成']);

/** A range after the first numeral (and its unit): 8-9成, 10%-20%, 1万元 - 3万元, 三到五万元. */
function readRange(text: string, n: ParsedNumber, unit: Unit | undefined, afterFirst: number, currency: CurrencyName | undefined):
  { value: Range; unit: Unit | undefined; end: number } | undefined {
  if (n.max !== undefined) return undefined;
  const dash = skipSpaces(text, afterFirst, 1);
  if (!rangeConnectorAt(text, dash)) return undefined;
  const k = skipSpaces(text, dash + 1, 1);
  if (!isNumberStart(text, k)) return undefined;
  const second = readNumber(text, k);
  if (!second || second.max !== undefined) return undefined;
  const u2Start = skipSpaces(text, second.end, 1);
  const u2 = matchUnit(text, u2Start);
  const sameUnit = !unit || !u2 || u2.unit === unit.unit || (currency !== undefined && u2.type === 'money');
  // 三到五万, 3-5万: the first end takes the magnitude of the second
  const shared = !unit && n.scale === undefined && second.scale !== undefined && n.value * second.scale <= second.value ? second.scale : 1;
  const min = clean(n.value * shared);
  if (!sameUnit || second.value < min) return undefined;
  if (u2) return { value: { min, max: second.value }, unit: u2, end: u2Start + u2.text.length };
  return { value: { min, max: second.value }, unit, end: second.end };
}

/**
 * The figure of the numeral n at i, with everything that belongs to it. `currency` is a
 * currency name written before the number (港幣5.2). Returns where the scan goes on, or -1
 * when there is no figure here.
 */
export function readAmount(s: Scan, i: number, n: ParsedNumber, currency?: CurrencyName): number {
  const text = s.text;
  if (!currency) {
    const f = readFraction(s, i, n);
    if (f >= 0) return f;
    const d = readDiscount(s, i, n);
    if (d >= 0) return d;
  }
  const start = currency ? currency.start : i;
  let end = n.end;
  let approx: Approximation | undefined = n.approx ?? prefixApprox(text, i) ?? (currency ? prefixApprox(text, start) : undefined);
  let value: number | Range = n.max !== undefined ? { min: n.value, max: n.max } : n.value;
  const unitStart = skipSpaces(text, end, 4);
  let loose = matchUnitLoose(text, unitStart);
  // 5   个: a classifier that far away is not this number's
  if (loose && unitStart > end + 1 && loose.unit.type === 'count') loose = undefined;
  let unit: Unit | undefined = loose?.unit;
  if (currency && unit && unit.type !== 'money') return -1;
  if (!unit && !currency && n.value >= 1 && unitAt(text, unitStart) === 0x65e5 /* 日 */ && countsDays(text, i, unitStart)) {
    unit = { text: '日', type: 'duration', unit: 'day' };
    loose = { unit, end: unitStart + 1 };
  }
  if (!unit && !currency && n.max === undefined) {
    // 六大业务集团: N大 counts N major things
    const da = bigCountEnd(text, n.end, n.value);
    if (da > 0) {
      const f = figure(s, i, da, 'count', n.value, '大', approx);
      f.numeralEnd = s.base + n.end;
      s.out.push(f);
      return da;
    }
  }
  const signed = !currency && negativeSignBefore(text, i);
  const range = readRange(text, n, unit, loose ? loose.end : end, currency);
  if (range) {
    value = range.value;
    unit = range.unit;
    end = range.end;
  } else if (loose) {
    end = loose.end;
  }
  if (typeof value === 'number') {
    // 一個半小時, 两个半月
    const half = halfAfterClassifier(text, end, unit);
    if (half) {
      value = clean(value + 0.5);
      unit = { text: '', type: 'duration', unit: half.unit };
      end = half.end;
    } else if (unit && (HALVES.has(unit.text) || unit.type === 'quantity' || unit.type === 'duration') && unitAt(text, end) === 0x534a /* 半 */) {
      // 三成半, 一吨半, 两年半
      value = clean(value + 0.5);
      end++;
    }
    // 七成六 is 76%
    const cheng = unit !== undefined && unit.text === '成' ? chengTail(text, end) : undefined;
    if (cheng) {
      value = clean(value + cheng.add / 10);
      end = cheng.end;
    }
  }
  // 20个比特币: a count of a currency is an amount of it
  const counted = !currency ? currencyAfterClassifier(text, end, unit) : undefined;
  if (counted) {
    unit = { text: '', type: 'money', unit: counted.code };
    end = counted.end;
  }
  if (typeof value === 'number' && ((unit !== undefined && unit.type === 'money') || currency)) {
    // 12元3角4分, 伍佰元整
    const tail = moneyTail(text, end, unit?.text ?? '');
    if (tail) {
      value = clean(value + tail.add);
      end = tail.end;
    }
  }
  if (typeof value === 'number' && unit !== undefined && unit.type === 'duration' && unit.unit) {
    // 三年零两个月, 1小时30分钟
    let unitName = unit.unit;
    for (let step = 0; step < 3; step++) {
      const more = compoundDuration(text, end, value, unitName);
      if (!more) break;
      value = more.value;
      unitName = more.unit;
      end = more.end;
    }
    if (unitName !== unit.unit) unit = { text: '', type: 'duration', unit: unitName };
  } else if (typeof value === 'number' && !unit && !currency) {
    // 两分三十秒
    const ms = minutesAndSeconds(text, end, value);
    if (ms) {
      value = ms.value;
      unit = { text: '', type: 'duration', unit: 'second' };
      end = ms.end;
    }
  }
  // 左右, 以上: the amount is approximate, but the word is not part of it
  approx ??= suffixApprox(text, end)?.approx;
  const code = currencyOf(unit, currency);
  if (currency || (!unit && CURRENCY_SYMBOL_UNITS.has(unitAt(text, i - 1)))) {
    const from = currency ? start : i - 1;
    const f = figure(s, from, end, 'money', value, code ?? CURRENCY_SYMBOLS.get(text[i - 1]!), approx);
    f.numeralEnd = s.base + n.end;
    s.out.push(f);
    return Math.max(end, i + 1);
  }
  const f = withUnit(s, signed ? i - 1 : i, end, signed && typeof value === 'number' ? -value : value, unit, approx);
  if (unit) f.numeralEnd = s.base + n.end;
  if (n.loneChineseDigit && !unit) f.salient = false;
  if (n.plainArabic && n.end - i === 1 && !unit && versionAfterName(text, i, n.end)) f.salient = false;
  // (by UTF-16 unit, here and below: no string per amount)
  if (!unit && n.end - i === 1 && CN_SMALL_UNIT_UNITS.has(text.charCodeAt(i))) f.salient = false;
  if (n.loneChineseDigit && unit !== undefined && unit.type === 'count' && n.value === 1) f.salient = false;
  // the tail of a run of Chinese digits that reads as no one number (一五一十 → 一十, 三三两两 → 两两)
  if (!n.plainArabic && CN_DIGIT_UNITS.has(unitAt(text, i - 1))) f.salient = false;
  s.out.push(f);
  return Math.max(end, i + 1);
}
