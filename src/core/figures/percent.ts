/**
 * Percentages written as words: 百分之十八, 千分之五, 半成, 对折, 三八折 and 九 九 折, 75折,
 * 七成六, and qualitative rates (个位数增长, 双位数, 三位数), which are ranges of per cent.
 */
import type { ParsedNumber } from './readNumber';
import { readNumber } from './readNumber';
import { CN_DIGITS, CN_DIGIT_UNITS, UnitValues, arabicDigitValue, clean, isArabicDigit, unitSet } from './numerals';
import { compactAt, skipSpaces, unitAt } from './chars';
import { endsWithAny } from '../text/chars';
import { figure, type Scan } from './build';
import { prefixApprox } from './units';

/** 百分之, 千分之, 万分之 (and their banker's forms): the scale into percent. */
const PER_PREFIX_SCALE = new UnitValues(
  ([['百', 1], ['佰', 1], ['千', 0.1], ['仟', 0.1], ['万', 0.01], ['萬', 0.01]] as Array<[string, number]>).map(([ch, v]) => [ch.charCodeAt(0), v] as const),
);

/** Qualitative rates: 个位数 is under 10%, 双位数 10% to 100%, 三位数 100% to 1000%. */
const QUALITATIVE: Array<[string, number, number]> = [
  ['个位数', 0, 10], ['個位數', 0, 10], ['双位数', 10, 100], ['雙位數', 10, 100], ['两位数', 10, 100], ['兩位數', 10, 100],
  ['十位数', 10, 100], ['十位數', 10, 100], ['三位数', 100, 1000], ['三位數', 100, 1000],
];
/** The units QUALITATIVE's words begin with. */
const QUALITATIVE_FIRST = unitSet(QUALITATIVE.map(([w]) => w[0]!));
/** Words that make 个位数 a rate: before it (同比增长个位数) or after it (双位数增长). */
const RATE_BEFORE = ['增长', '增長', '下降', '下滑', '下跌', '上涨', '上漲', '增加', '减少', '減少', '提升', '降低', '增速为', '增速為', '增幅为', '增幅為'];
const RATE_AFTER = ['增长', '增長', '增速', '增幅', '涨幅', '漲幅', '下降', '下滑', '下跌', '跌幅', '降幅', '上涨', '上漲', '百分比', '的增长', '的增長', '的下降', '的下滑', '的涨幅', '的漲幅', '的降幅', '的增速', '的跌幅', '%'];
const THIRDS: Record<string, number> = { 低: 0, 中: 1, 高: 2 };

const BAN = 0x534a; // 半
const CHENG = 0x6210; // 成
const DUI = 0x5bf9; // 对
const DUI_T = 0x5c0d; // 對
const ZHE = 0x6298; // 折
const YI = 0x4e00; // 一

export const PERCENT_TRIGGERS = '百佰千仟万萬半对對个個双雙十' + [...CN_DIGITS.keys()].join('');

/**
 * Each rate word with each of the words that may follow it, up to five units long: what ends the
 * five units before a percentage (the words were joined for each figure read).
 */
const RATE_BEFORE_TAILED = RATE_BEFORE.flatMap((w) => ['', '了', '达', '達', '至', '到'].map((tail) => w + tail)).filter((w) => w.length <= 5);

function nearRateWord(text: string, start: number, end: number): boolean {
  return endsWithAny(text, RATE_BEFORE_TAILED, start) || RATE_AFTER.some((w) => text.startsWith(w, end));
}

/** At i: a percentage that begins with a word. Returns where the scan goes on, or -1. */
export function readPercentWord(s: Scan, i: number): number {
  const text = s.text;
  // (by UTF-16 unit: text[i] of a CJK character is a new string, and every 一 of an article comes here)
  const c = text.charCodeAt(i);
  const scale = PER_PREFIX_SCALE.get(c);
  if (scale !== undefined) {
    const per = compactAt(text, i, 3);
    if (per && per.text.endsWith('分之')) {
      const n = readNumber(text, skipSpaces(text, per.end, 4));
      if (n) {
        const value = n.max !== undefined ? { min: clean(n.value * scale), max: clean(n.max * scale) } : clean(n.value * scale);
        s.out.push(figure(s, i, n.end, 'percent', value, '%', prefixApprox(text, i)));
        return n.end;
      }
    }
  }
  if (c === BAN && unitAt(text, i + 1) === CHENG) {
    s.out.push(figure(s, i, i + 2, 'percent', 5, '%'));
    return i + 2;
  }
  // 对折, 半折: half price
  if ((c === DUI || c === DUI_T || c === BAN) && unitAt(text, i + 1) === ZHE) {
    s.out.push(figure(s, i, i + 2, 'percent', 50, '%'));
    return i + 2;
  }
  // 三八折, 五五折, 九 九 折: a discount written as two digits
  const d1 = CN_DIGIT_UNITS.get(c);
  if (d1 !== undefined) {
    const k = skipSpaces(text, i + 1, 2);
    const d2 = CN_DIGIT_UNITS.get(unitAt(text, k));
    const z = d2 !== undefined ? skipSpaces(text, k + 1, 2) : -1;
    if (d2 !== undefined && unitAt(text, z) === 0x6298 /* 折 */ && !(c === YI && k === i + 1 && unitAt(text, k) === 0x4e8c /* 二 */)) {
      s.out.push(figure(s, i, z + 1, 'percent', d1 * 10 + d2, '%'));
      return z + 1;
    }
  }
  if (!QUALITATIVE_FIRST.has(c)) return -1;
  for (const [word, min, max] of QUALITATIVE) {
    if (c !== word.charCodeAt(0) || !text.startsWith(word, i)) continue;
    const third = THIRDS[text[i - 1] ?? ''];
    const start = third !== undefined ? i - 1 : i;
    const end = i + word.length;
    if (!nearRateWord(text, start, end)) return -1;
    const step = (max - min) / 3;
    const value = third === undefined ? { min, max } : { min: clean(min + third * step), max: clean(min + (third + 1) * step) };
    s.out.push(figure(s, start, end, 'percent', value, '%'));
    return end;
  }
  return -1;
}

/** 75折 is 75%, 9.9折 99%, 2折 20%, 十折 no discount (100%); 7 2 折 is 72%. Returns the new end, or -1. */
export function readDiscount(s: Scan, i: number, n: ParsedNumber): number {
  const text = s.text;
  let k = skipSpaces(text, n.end, 2);
  let v = n.value;
  if (unitAt(text, k) !== 0x6298 /* 折 */ && n.plainArabic && n.value < 10 && isArabicDigit(unitAt(text, k)) && k > n.end) {
    // 7 2 折
    const z = skipSpaces(text, k + 1, 2);
    if (unitAt(text, z) !== 0x6298 /* 折 */) return -1;
    v = n.value * 10 + arabicDigitValue(unitAt(text, k));
    k = z;
    s.out.push(figure(s, i, k + 1, 'percent', v, '%'));
    return k + 1;
  }
  if (unitAt(text, k) !== 0x6298 /* 折 */) return -1;
  v = v <= 10 ? clean(v * 10) : v;
  s.out.push(figure(s, i, k + 1, 'percent', v, '%'));
  return k + 1;
}

/** 七成六, 三成 五: a digit after 成 is the next ten per cent. Returns the added per cent and the new end. */
export function chengTail(text: string, end: number): { end: number; add: number } | undefined {
  const k = skipSpaces(text, end, 1);
  const d = CN_DIGITS.get(text[k] ?? '');
  if (d === undefined || d === 0) return undefined;
  const after = text[k + 1] ?? '';
  if (CN_DIGITS.has(after) || (after !== '' && '十百千万萬亿億个個年月日天成倍人家'.includes(after))) return undefined;
  return { end: k + 1, add: d };
}
