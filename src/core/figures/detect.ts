/**
 * Figure detection: one left-to-right scan with bounded look-ahead, so the work is linear
 * in the text whatever it contains (a megabyte of digits included).
 */
import type { Approximation, Figure, FigureType, Range } from './types';
import {
  CN_BIG_UNITS, CN_DIGITS, CN_POINT, CN_SMALL_UNITS, NumeralToken, arabicDigitValue, clean, digitString,
  evaluateNumeral, isArabicDigit,
} from './numerals';

/** Longest numeral a figure may have, in tokens; longer digit runs are not figures. */
const MAX_TOKENS = 24;
const MAX_ARABIC_DIGITS = 18;

interface Unit {
  text: string;
  type: FigureType;
  unit?: string;
  /** Multiplier into base units: 10 for 成 (→ %), 1 otherwise. */
  factor?: number;
}

const CURRENCIES: Array<[string[], string]> = [
  [['人民币元', '人民幣元', '人民币', '人民幣', '元人民币', '元人民幣', '元', '块钱', '塊錢', '块', '塊'], 'CNY'],
  [['美元', '美金', '美圆', '美刀'], 'USD'],
  [['瑞士法郎'], 'CHF'],
  [['比特币', '比特幣'], 'BTC'],
  [['港元', '港币', '港幣'], 'HKD'],
  [['欧元', '歐元'], 'EUR'],
  [['日元', '日圆', '日圓'], 'JPY'],
  [['英镑', '英鎊'], 'GBP'],
  [['韩元', '韓元'], 'KRW'],
  [['新台币', '新台幣', '台币', '台幣'], 'TWD'],
  [['卢布', '盧布'], 'RUB'],
  [['奈拉'], 'NGN'],
];

const COUNT_CLASSIFIERS =
  '个個家款位名人次项項台部件条條种種篇场場轮輪辆輛张張本所座份户戶只隻支枚颗顆套间間首章集期届屆组組股类類口栋棟层層例单單笔筆宗起封双雙'.split('');

const UNITS: Unit[] = (() => {
  const list: Unit[] = [];
  for (const [words, code] of CURRENCIES) for (const w of words) list.push({ text: w, type: 'money', unit: code });
  list.push(
    { text: '个百分点', type: 'percent', unit: 'pp' },
    { text: '個百分點', type: 'percent', unit: 'pp' },
    { text: '个百分 点', type: 'percent', unit: 'pp' },
    { text: '個百分 點', type: 'percent', unit: 'pp' },
    { text: '百分点', type: 'percent', unit: 'pp' },
    { text: '百分點', type: 'percent', unit: 'pp' },
    { text: 'pct', type: 'percent', unit: 'pp' },
    { text: '%', type: 'percent', unit: '%' },
    { text: '％', type: 'percent', unit: '%' },
    { text: '成', type: 'percent', unit: '%', factor: 10 },
    { text: '倍', type: 'multiple', unit: '×' },
    { text: '个月', type: 'duration', unit: 'month' },
    { text: '個月', type: 'duration', unit: 'month' },
    { text: '多年', type: 'duration', unit: 'year' },
    { text: '余年', type: 'duration', unit: 'year' },
    { text: '餘年', type: 'duration', unit: 'year' },
    { text: '年', type: 'duration', unit: 'year' },
    { text: '周年', type: 'duration', unit: 'year' },
    { text: '週年', type: 'duration', unit: 'year' },
    { text: '天', type: 'duration', unit: 'day' },
    { text: '小时', type: 'duration', unit: 'hour' },
    { text: '小時', type: 'duration', unit: 'hour' },
    { text: '分钟', type: 'duration', unit: 'minute' },
    { text: '分鐘', type: 'duration', unit: 'minute' },
    { text: '周', type: 'duration', unit: 'week' },
    { text: '季度', type: 'duration', unit: 'quarter' },
    { text: '个季度', type: 'duration', unit: 'quarter' },
    { text: '個季度', type: 'duration', unit: 'quarter' },
    { text: '岁', type: 'quantity', unit: 'age' },
    { text: '歲', type: 'quantity', unit: 'age' },
    { text: '参数', type: 'quantity', unit: 'parameters' },
    { text: '參數', type: 'quantity', unit: 'parameters' },
    { text: 'tokens', type: 'quantity', unit: 'tokens' },
    { text: 'token', type: 'quantity', unit: 'tokens' },
    { text: '用户', type: 'count', unit: 'users' },
    { text: '用戶', type: 'count', unit: 'users' },
    { text: '千米', type: 'quantity', unit: 'km' },
    { text: '公里', type: 'quantity', unit: 'km' },
    { text: '平方米', type: 'quantity', unit: 'm²' },
    { text: '米', type: 'quantity', unit: 'm' },
    { text: '公斤', type: 'quantity', unit: 'kg' },
    { text: '吨', type: 'quantity', unit: 't' },
    { text: '噸', type: 'quantity', unit: 't' },
    { text: 'GB', type: 'quantity', unit: 'GB' },
    { text: 'TB', type: 'quantity', unit: 'TB' },
    { text: 'PB', type: 'quantity', unit: 'PB' },
    { text: 'MW', type: 'quantity', unit: 'MW' },
    { text: '度', type: 'quantity', unit: 'degree' },
  );
  for (const c of COUNT_CLASSIFIERS) list.push({ text: c, type: 'count', unit: c });
  // longest first, so 个百分点 wins over 个
  return list.sort((a, b) => b.text.length - a.text.length);
})();
const MAX_UNIT_LENGTH = Math.max(...UNITS.map((u) => u.text.length));
const UNIT_BY_TEXT = new Map(UNITS.map((u) => [u.text, u]));
/** Units by their first character, longest first, so that matching never slices strings. */
const UNITS_BY_FIRST_CHAR = new Map<string, Unit[]>();
for (const u of UNITS) {
  const list = UNITS_BY_FIRST_CHAR.get(u.text[0]!) ?? [];
  list.push(u);
  UNITS_BY_FIRST_CHAR.set(u.text[0]!, list);
}

const PREFIX_APPROX: Array<[string, Approximation]> = (
  [
    ['约合', 'about'], ['約合', 'about'], ['大约', 'about'], ['大約', 'about'], ['约', 'about'], ['約', 'about'],
    ['超过', 'over'], ['超過', 'over'], ['超', 'over'], ['逾', 'over'], ['至少', 'over'], ['多达', 'over'],
    ['多達', 'over'], ['高达', 'over'], ['高達', 'over'],
    ['将近', 'under'], ['將近', 'under'], ['接近', 'under'], ['近', 'under'], ['不到', 'under'], ['不足', 'under'],
  ] as Array<[string, Approximation]>
).sort((a, b) => b[0].length - a[0].length);

const SUFFIX_APPROX: Array<[string, Approximation]> = [
  ['左右', 'about'], ['上下', 'about'], ['以上', 'over'], ['以下', 'under'], ['之多', 'over'],
];

/** Words before a bare number that make it a rank: 排名17. */
const RANK_WORDS = ['排名第', '排名', '排行第', '位列第', '名列第'];

const RANGE_CONNECTORS = new Set(['-', '–', '—', '~', '～', '至', '到', '－']);

function isLatinLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a);
}

function isNameChar(c: number): boolean {
  return isLatinLetter(c) || isArabicDigit(c) || c === 0x2d /* - */ || c === 0x2e /* . */ || c === 0x5f;
}

interface ParsedNumber {
  end: number;
  value: number;
  /** Arabic digits only, no unit characters: candidates for years and section numbers. */
  plainArabic: boolean;
  /** Count of Arabic digits before any decimal point. */
  integerDigits: number;
  /** A single Chinese digit with no unit (一, 两): a figure only with a classifier. */
  loneChineseDigit: boolean;
  approx?: Approximation;
}

/** Banker's numerals: a figure only together with other numeral characters (壹佰, not 陆地 or 收拾). */
const FORMAL_NUMERALS = new Set([...'壹贰貳叁參叄肆伍陆陸柒捌玖拾佰仟']);

/** What may follow 參 when it is the numeral 3: a unit, another numeral, or the end of the numeral. */
const CN_NUMERAL_FOLLOWERS = new Set([...'拾佰仟萬万億亿零壹贰貳叁肆伍陸陆柒捌玖元点點個个', '', ' ']);

/** Whether the Arabic digits at k are followed by a Chinese unit (the 5千 of 7万 5千). */
function hasUnitAfterDigits(text: string, k: number): boolean {
  let j = k;
  while (j < text.length && j - k < 6 && isArabicDigit(text.charCodeAt(j))) j++;
  return CN_SMALL_UNITS.has(text[j] ?? '') || CN_BIG_UNITS.has(text[j] ?? '');
}

function skipSpaces(text: string, i: number, max = 3): number {
  let j = i;
  while (j < text.length && j - i < max && (text.charCodeAt(j) === 0x20 || text.charCodeAt(j) === 0xa0)) j++;
  return j;
}

/**
 * Reads a numeral at `i`: Arabic (with thousands separators, decimals, full-width digits),
 * Chinese (二十, 三十多, 一億, 壹佰), or mixed (5.45億, 5億1萬4千6百). Spaces are allowed
 * only before a unit character, as in 110 亿 or 四百 点 五.
 */
function readNumber(text: string, i: number): ParsedNumber | undefined {
  const tokens: NumeralToken[] = [];
  let j = i;
  let plainArabic = true;
  let integerDigits = 0;
  let approx: Approximation | undefined;
  let lastWasDigit = false;
  while (j < text.length && tokens.length < MAX_TOKENS) {
    const c = text.charCodeAt(j);
    const ch = text[j]!;
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
        const sep = text[k];
        const fullWidth = text.charCodeAt(k - 1) >= 0xff10;
        if ((sep === ',' || (sep === '，' && fullWidth)) && isArabicDigit(text.charCodeAt(k + 1)) &&
          isArabicDigit(text.charCodeAt(k + 2)) && isArabicDigit(text.charCodeAt(k + 3)) && !isArabicDigit(text.charCodeAt(k + 4))) k++;
      }
      if (digits > MAX_ARABIC_DIGITS) return undefined;
      integerDigits = digits;
      if ((text[k] === '.' || text[k] === '．') && isArabicDigit(text.charCodeAt(k + 1))) {
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
      if ((text[k] === 'e' || text[k] === 'E') && !isLatinLetter(text.charCodeAt(k + 1))) {
        let e = k + 1;
        let sign = 1;
        if (text[e] === '+' || text[e] === '-' || text[e] === '－') {
          if (text[e] !== '+') sign = -1;
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
      const suffix = text[m];
      if ((suffix === 'k' || suffix === 'K' || suffix === 'Ｋ' || suffix === 'M') && !isLatinLetter(text.charCodeAt(m + 1))) {
        v *= suffix === 'M' ? 1e6 : 1e3;
        k = m + 1;
        plainArabic = false;
      }
      tokens.push({ digit: v, arabic: true });
      j = k;
      lastWasDigit = true;
      continue;
    }
    const d = CN_DIGITS.get(ch);
    // 參 is a formal 3 only inside a numeral (壹佰參拾), never in 參數 or 參與
    if (d !== undefined && !((ch === '參' || ch === '叄') && (tokens.length === 0 || !CN_NUMERAL_FOLLOWERS.has(text[j + 1] ?? '')))) {
      if (lastWasDigit && !(d === 0)) {
        // 一二三 as a digit string (years written 二〇二三) is handled by the caller
        const prev = tokens[tokens.length - 1]!;
        if ('digit' in prev && !prev.arabic) break;
        if ('digit' in prev && prev.arabic) break;
      }
      tokens.push({ digit: d });
      plainArabic = false;
      lastWasDigit = d !== 0;
      j++;
      continue;
    }
    const small = CN_SMALL_UNITS.get(ch);
    const big = CN_BIG_UNITS.get(ch);
    if (small !== undefined || big !== undefined) {
      // 千 right after Arabic digits is a scale (4千6百); 千米 is a unit, not a scale
      if (small === 1000 && text[j + 1] === '米') break;
      const prev = tokens[tokens.length - 1];
      const denominator = prev !== undefined && 'digit' in prev; // 一百分之二 is 2/100, not 一 and 2%
      if (small === 100 && (text.startsWith('百分点', j) || text.startsWith('百分點', j))) break;
      if (!denominator && small === 100 && text.startsWith('百分之', j)) break;
      if (!denominator && small === 1000 && text.startsWith('千分之', j)) break;
      if (!denominator && big === 1e4 && (text.startsWith('万分之', j) || text.startsWith('萬分之', j))) break;
      tokens.push(small !== undefined ? { unit: small, big: false } : { unit: big!, big: true });
      plainArabic = false;
      lastWasDigit = false;
      j++;
      continue;
    }
    if (CN_POINT.has(ch) && tokens.length) {
      // 四百点五, 一点两: the fraction is read digit by digit
      let k = skipSpaces(text, j + 1);
      let frac = '';
      while (k < text.length && CN_DIGITS.has(text[k]!) && text[k] !== '两' && text[k] !== '兩' && frac.length < MAX_ARABIC_DIGITS) {
        frac += text[k];
        k = skipSpaces(text, k + 1);
      }
      if (!frac) break;
      while (k > j + 1 && (text.charCodeAt(k - 1) === 0x20)) k--;
      const whole = evaluateNumeral(tokens);
      const value = whole + digitString(frac) / 10 ** frac.length;
      tokens.length = 0;
      tokens.push({ digit: value, arabic: true });
      plainArabic = false;
      j = k;
      lastWasDigit = true;
      continue;
    }
    if ((ch === '多' || ch === '余' || ch === '餘' || ch === '几' || ch === '幾') && tokens.length) {
      // 三十多, 十余万: approximate, and a big unit may still follow
      const prev = tokens[tokens.length - 1]!;
      const next = text[skipSpaces(text, j + 1)] ?? '';
      const afterUnit =
        'unit' in prev ||
        ('digit' in prev && prev.arabic && (ch === '多' || CN_BIG_UNITS.has(next))) ||
        ('digit' in prev && !prev.arabic && prev.digit === 0 && (ch === '几' || ch === '幾'));
      if (!afterUnit) break;
      approx = 'over';
      j++;
      const k = skipSpaces(text, j);
      if (CN_BIG_UNITS.has(text[k] ?? '') || CN_SMALL_UNITS.has(text[k] ?? '')) j = k;
      continue;
    }
    if ((c === 0x20 || c === 0xa0) && tokens.length) {
      const k = skipSpaces(text, j);
      const next = text[k] ?? '';
      if (CN_BIG_UNITS.has(next) || CN_SMALL_UNITS.has(next) || CN_POINT.has(next) || next === '余' || next === '多' || ((next === '几' || next === '幾') && CN_BIG_UNITS.has(text[k + 1] ?? ''))) {
        j = k;
        continue;
      }
      // a spaced numeral (一百 五 十 二, 7万 5千): the part after the space continues it
      const prev = tokens[tokens.length - 1]!;
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
  if (tokens.length === 0) return undefined;
  while (j > i && (text.charCodeAt(j - 1) === 0x20 || text.charCodeAt(j - 1) === 0xa0)) j--;
  const value = evaluateNumeral(tokens);
  if (Number.isNaN(value)) return undefined;
  const loneChineseDigit = tokens.length === 1 && 'digit' in tokens[0]! && !tokens[0].arabic;
  // after 分之 or 又 (五分之壹, 三又二分之壹) a lone banker's numeral is a number
  let before = i - 1;
  while (before >= 0 && text.charCodeAt(before) === 0x20) before--;
  const inFraction = text[before] === '之' || text[before] === '又' || text[skipSpaces(text, j, 2)] === '又' || text.startsWith('分之', skipSpaces(text, j, 2));
  if (j - i === 1 && FORMAL_NUMERALS.has(text[i]!) && !inFraction) return undefined;
  return { end: j, value: clean(value), plainArabic, integerDigits, loneChineseDigit, ...(approx ? { approx } : {}) };
}

function matchUnit(text: string, i: number): Unit | undefined {
  for (const u of UNITS_BY_FIRST_CHAR.get(text[i] ?? '') ?? []) {
    if (!text.startsWith(u.text, i)) continue;
    // Latin units stand alone: 'pct' yes, 'pctx' no
    if (isLatinLetter(u.text.charCodeAt(u.text.length - 1)) && isLatinLetter(text.charCodeAt(i + u.text.length))) continue;
    return u;
  }
  return undefined;
}

/** Currency names that are mentions on their own (以美元计), by first character; one-character names (元, 块) are not. */
const BARE_CURRENCIES = new Map<string, Array<[string, string]>>();
for (const [words, code] of CURRENCIES) {
  for (const w of words) {
    if (w.length < 2 || w.startsWith('元') || w.startsWith('块') || w.startsWith('塊')) continue;
    BARE_CURRENCIES.set(w[0]!, [...(BARE_CURRENCIES.get(w[0]!) ?? []), [w, code] as [string, string]].sort((a, b) => b[0].length - a[0].length));
  }
}

const CURRENCY_SYMBOLS = new Map([['$', 'USD'], ['￥', 'CNY'], ['¥', 'CNY'], ['€', 'EUR'], ['£', 'GBP']]);

/** 百分之, 千分之, 万分之 (and their banker's forms): the scale into percent. */
const PER_PREFIX_SCALE = new Map([['百', 1], ['佰', 1], ['千', 0.1], ['仟', 0.1], ['万', 0.01], ['萬', 0.01]]);

/** Up to `count` non-space characters from i, allowing short runs of spaces between them. */
function compactAt(text: string, i: number, count: number): { text: string; end: number } | undefined {
  let out = '';
  let j = i;
  while (out.length < count && j < text.length) {
    const k = skipSpaces(text, j, 4);
    if (k >= text.length) break;
    if (out.length === 0 && k !== i) return undefined;
    out += text[k];
    j = k + 1;
  }
  return out.length === count ? { text: out, end: j } : undefined;
}

/** A unit at i, where Chinese units may be spaced out (个 百 分 点). */
function matchUnitLoose(text: string, i: number): { unit: Unit; end: number } | undefined {
  const exact = matchUnit(text, i);
  let best = exact ? { unit: exact, end: i + exact.text.length } : undefined;
  const first = text[i] ?? '';
  if (!first || first === ' ' || isLatinLetter(first.charCodeAt(0))) return best;
  // spaced units only where a space follows within the unit's first characters
  const spaced = text.charCodeAt(i + 1) === 0x20 || text.charCodeAt(i + 2) === 0x20 || text.charCodeAt(i + 3) === 0x20;
  if (!spaced || !UNITS_BY_FIRST_CHAR.has(first)) return best;
  for (let n = MAX_UNIT_LENGTH; n >= 2 && (!best || best.unit.text.length < n); n--) {
    const c = compactAt(text, i, n);
    const u = c && UNIT_BY_TEXT.get(c.text);
    if (u && c) {
      best = { unit: u, end: c.end };
      break;
    }
  }
  return best;
}

/** 负32, -5%, －1２２％: a minus sign right before the number, not a hyphen inside a name or range. */
function negativeSignBefore(text: string, i: number): boolean {
  const p = text[i - 1];
  if (p === '负' || p === '負') return true;
  if (p !== '-' && p !== '－') return false;
  const pp = text.charCodeAt(i - 2);
  return i < 2 || !(isLatinLetter(pp) || isArabicDigit(pp) || isCnNumeralLike(text[i - 2]!) || pp === 0x25 || text[i - 2] === '％');
}

function isCnNumeralLike(ch: string): boolean {
  return CN_DIGITS.has(ch) || CN_SMALL_UNITS.has(ch) || CN_BIG_UNITS.has(ch) || ch === '年' || ch === '成' || ch === '月';
}

function prefixApprox(text: string, start: number): Approximation | undefined {
  for (const [w, a] of PREFIX_APPROX) {
    if (start >= w.length && text.startsWith(w, start - w.length)) return a;
  }
  return undefined;
}

function suffixApprox(text: string, end: number): { approx: Approximation; end: number } | undefined {
  const k = skipSpaces(text, end, 1);
  for (const [w, a] of SUFFIX_APPROX) if (text.startsWith(w, k)) return { approx: a, end: k + w.length };
  return undefined;
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const QUARTER_WORDS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

interface DatePart {
  end: number;
  period: string;
}

/** After "2023年": month and day, a quarter, a half, or a fiscal quarter. */
function readDateTail(text: string, i: number, year: number, fiscal: boolean): DatePart {
  const y = fiscal ? `FY${year}` : String(year);
  // Q4, Q2-Q4
  if ((text[i] === 'Q' || text[i] === 'q') && QUARTER_WORDS[text[i + 1] ?? '']) {
    let end = i + 2;
    let period = `${y}-Q${QUARTER_WORDS[text[i + 1]!]}`;
    if (RANGE_CONNECTORS.has(text[end] ?? '') && (text[end + 1] === 'Q' || text[end + 1] === 'q') && QUARTER_WORDS[text[end + 2] ?? '']) {
      period += `/${y}-Q${QUARTER_WORDS[text[end + 2]!]}`;
      end += 3;
    }
    return { end, period };
  }
  // 第三季度, 第3季度, 一季度
  for (const lead of ['第', '']) {
    if (!text.startsWith(lead, i)) continue;
    const q = QUARTER_WORDS[text[i + lead.length] ?? ''];
    const k = i + lead.length + 1;
    if (q && (text.startsWith('季度', k) || text.startsWith('季', k))) {
      return { end: k + (text.startsWith('季度', k) ? 2 : 1), period: `${y}-Q${q}` };
    }
  }
  for (const [w, h] of [['上半年', 'H1'], ['下半年', 'H2']] as const) {
    if (text.startsWith(w, i)) return { end: i + w.length, period: `${y}-${h}` };
  }
  // 4月11日, 4月
  const m = readSmallInt(text, i);
  if (m && m.value >= 1 && m.value <= 12 && text[m.end] === '月') {
    let end = m.end + 1;
    let period = `${y}-${pad2(m.value)}`;
    const d = readSmallInt(text, end);
    if (d && d.value >= 1 && d.value <= 31 && (text[d.end] === '日' || text[d.end] === '号' || text[d.end] === '號')) {
      period += `-${pad2(d.value)}`;
      end = d.end + 1;
    }
    return { end, period };
  }
  return { end: i, period: y };
}

function readSmallInt(text: string, i: number): { value: number; end: number } | undefined {
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
function readDate(text: string, n: ParsedNumber): { end: number; period: string } | undefined {
  if (!n.plainArabic || n.integerDigits !== 4 || !Number.isInteger(n.value)) return undefined;
  if (n.value < 1900 || n.value > 2100) return undefined;
  let k = n.end;
  let fiscal = false;
  if (text.startsWith('财年', k) || text.startsWith('財年', k) || text.startsWith('财政年度', k)) {
    fiscal = true;
    k += text.startsWith('财政年度', k) ? 4 : 2;
  } else if (text[k] === '年') {
    k++;
  } else if (text[k] === 'Q' || text[k] === 'q' || text.startsWith('FY', k)) {
    // 2022Q4
  } else if (text[n.end - 5] === '《' && /[\u4e00-\u9fff]/.test(text[k] ?? '')) {
    // 《2022中国移动互联网年度大报告》: a year that names the edition
    return { end: k, period: String(n.value) };
  } else if (RANGE_CONNECTORS.has(text[k] ?? '')) {
    // 2021-2023年: the 年 comes after the second year
    const second = readNumber(text, k + 1);
    if (second && second.plainArabic && second.integerDigits === 4 && second.value > n.value && second.value <= 2100 && text[second.end] === '年') {
      return { end: second.end + 1, period: `${n.value}/${second.value}` };
    }
    return undefined;
  } else {
    return undefined;
  }
  const tail = readDateTail(text, k, n.value, fiscal);
  // 2020年~2021年, 2021-2023年
  const c = tail.end;
  if (RANGE_CONNECTORS.has(text[c] ?? '')) {
    const second = readNumber(text, c + 1);
    if (second && second.plainArabic && second.integerDigits === 4 && second.value >= n.value && second.value <= 2100) {
      let end = second.end;
      if (text[end] === '年') end++;
      const t2 = readDateTail(text, end, second.value, fiscal);
      return { end: t2.end, period: `${tail.period}/${t2.period}` };
    }
  }
  return tail;
}

/** 2025-01-15, 2025-01-15 09:42, 2025-02-20 18:05:33: timestamps as scraped pages print them. */
function readIsoDateTime(text: string, n: ParsedNumber): DatePart | undefined {
  if (!n.plainArabic || n.integerDigits !== 4 || n.value < 1900 || n.value > 2100 || text[n.end] !== '-') return undefined;
  const two = (k: number) =>
    isArabicDigit(text.charCodeAt(k)) && isArabicDigit(text.charCodeAt(k + 1)) && !isArabicDigit(text.charCodeAt(k + 2))
      ? Number(text.slice(k, k + 2))
      : undefined;
  const m = two(n.end + 1);
  const d = text[n.end + 3] === '-' ? two(n.end + 4) : undefined;
  if (m === undefined || d === undefined || m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  let end = n.end + 6;
  let period = `${n.value}-${pad2(m)}-${pad2(d)}`;
  const t = text[end] === ' ' || text[end] === 'T' ? end + 1 : -1;
  const hh = t > 0 ? two(t) : undefined;
  const mm = hh !== undefined && text[t + 2] === ':' ? two(t + 3) : undefined;
  if (hh !== undefined && mm !== undefined && hh < 24 && mm < 60) {
    end = t + 5;
    period += `T${pad2(hh)}:${pad2(mm)}`;
    const ss = text[end] === ':' ? two(end + 1) : undefined;
    if (ss !== undefined && ss < 60) {
      end += 3;
      period += `:${pad2(ss)}`;
    }
  }
  return { end, period };
}

function readMonthDay(text: string, n: ParsedNumber): DatePart | undefined {
  if (!Number.isInteger(n.value) || n.value < 1 || n.value > 12 || text[n.end] !== '月') return undefined;
  if (n.plainArabic && n.integerDigits > 2) return undefined;
  const d = readSmallInt(text, n.end + 1);
  if (d && d.value >= 1 && d.value <= 31 && (text[d.end] === '日' || text[d.end] === '号' || text[d.end] === '號')) {
    return { end: d.end + 1, period: `--${pad2(n.value)}-${pad2(d.value)}` };
  }
  // a bare month (5月) only when written in Arabic digits, to keep 一月 (January) and 一个月 apart
  if (n.plainArabic) return { end: n.end + 1, period: `--${pad2(n.value)}` };
  return undefined;
}

function isNumberStart(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (isArabicDigit(c)) return true;
  const ch = text[i]!;
  return CN_DIGITS.has(ch) || ch === '十' || ch === '拾' || ch === '百' || ch === '佰' || ch === '千' || ch === '仟';
}

/** Words that start with a numeral but are not figures. */
const NOT_FIGURES = [
  '一些', '一样', '一樣', '一起', '一直', '一定', '一般', '一方面', '一旦', '一度', '一时', '一時', '一切', '一边', '一邊',
  '一向', '一致', '一体', '一體', '一同', '一下', '一番', '一面', '一再', '一道', '一点', '一點', '一味', '一系列', '一举',
  '一舉', '一并', '一併', '一路', '一手', '一线', '一線', '一贯', '一貫', '一口气', '一口氣', '一流', '统一', '唯一',
  '万一', '萬一', '千万', '千萬', '百度', '一号', '三星', '万达', '萬達', '千问', '千問', '百川', '万物', '萬物', '十分',
  '百分百', '九州', '一汽', '四川', '五粮液', '七星', '三峡', '三峽', '千帆', '万维', '萬維', '一心', '一带一路',
  '千亿级', '零一万物', '零一萬物', '36氪', '双11', '雙11', '双十一', '雙十一', '千山万水', '千山萬水', '千行百业',
  '千行百業', '百团大战', '百團大戰', '各有千秋', '千秋', '百宝', '百寶', '百花齐放', '百花齊放', '十八罗汉', '十八羅漢',
  '一众', '一眾', '一轮', '一輪', '一侧', '一側', '一席', '一环', '一環', '一项', '一項', '一面',
];
const NOT_FIGURES_BY_CHAR = new Map<string, string[]>();
for (const w of NOT_FIGURES) {
  const list = NOT_FIGURES_BY_CHAR.get(w[0]!) ?? [];
  list.push(w);
  NOT_FIGURES_BY_CHAR.set(w[0]!, list);
}

function startsNonFigure(text: string, i: number): number {
  // a word like 统一 ends on a numeral: the preceding character decides
  for (const w of NOT_FIGURES_BY_CHAR.get(text[i - 1] ?? '') ?? []) {
    if (text.startsWith(w, i - 1)) return i - 1 + w.length;
  }
  for (const w of NOT_FIGURES_BY_CHAR.get(text[i]!) ?? []) if (text.startsWith(w, i)) return i + w.length;
  return -1;
}

/**
 * Characters at which a figure, a rank word or a name can start. Everything else is
 * skipped in a tight loop, which is what makes the scan fast on running text.
 */
const TRIGGERS = (() => {
  const t = new Uint8Array(0x10000);
  const mark = (chars: string) => {
    for (const ch of chars) t[ch.charCodeAt(0)] = 1;
  };
  for (let c = 0x30; c <= 0x39; c++) t[c] = 1;
  for (let c = 0xff10; c <= 0xff19; c++) t[c] = 1;
  for (let c = 0x41; c <= 0x5a; c++) t[c] = t[c + 0x20] = 1;
  for (let c = 0xff21; c <= 0xff3a; c++) t[c] = t[c + 0x20] = 1;
  for (const ch of CN_DIGITS.keys()) mark(ch);
  for (const ch of CN_SMALL_UNITS.keys()) mark(ch);
  for (const ch of CN_BIG_UNITS.keys()) mark(ch);
  mark('第对對半.．');
  for (const first of BARE_CURRENCIES.keys()) mark(first);
  for (const w of RANK_WORDS) mark(w[0]!);
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
  const base = options.base ?? 0;
  const out: Figure[] = [];
  let i = 0;
  const length = text.length;
  while (i < length) {
    while (i < length && TRIGGERS[text.charCodeAt(i)] === 0) i++;
    if (i >= length) break;
    const c = text.charCodeAt(i);
    // numbers inside names (GPT-4, Qwen1.5-110B, QwQ-32B, A100): skip the whole name
    if (isLatinLetter(c)) {
      let j = i;
      while (j < text.length && isNameChar(text.charCodeAt(j))) j++;
      // a trailing '.' or '-' belongs to the sentence, not the name
      i = Math.max(i + 1, j);
      continue;
    }
    const perPrefix = PER_PREFIX_SCALE.has(text[i]!) ? compactAt(text, i, 3) : undefined;
    if (perPrefix && perPrefix.text.endsWith('分之') && PER_PREFIX_SCALE.has(perPrefix.text[0]!)) {
      const n = readNumber(text, skipSpaces(text, perPrefix.end, 4));
      if (n) {
        const value = clean(n.value * PER_PREFIX_SCALE.get(perPrefix.text[0]!)!);
        out.push(figure(text, base, i, n.end, 'percent', value, '%', prefixApprox(text, i)));
        i = n.end;
        continue;
      }
    }
    if (text[i] === '半' && text[i + 1] === '成') {
      out.push(figure(text, base, i, i + 2, 'percent', 5, '%'));
      i += 2;
      continue;
    }
    // 对折, 半折: half price
    if ((text[i] === '对' || text[i] === '對' || text[i] === '半') && text[i + 1] === '折') {
      out.push(figure(text, base, i, i + 2, 'percent', 50, '%'));
      i += 2;
      continue;
    }
    // 三八折, 五五折: a discount written as two digits
    if (CN_DIGITS.has(text[i]!) && CN_DIGITS.has(text[i + 1] ?? '') && text[i + 2] === '折') {
      const v = CN_DIGITS.get(text[i]!)! * 10 + CN_DIGITS.get(text[i + 1]!)!;
      out.push(figure(text, base, i, i + 3, 'percent', v, '%'));
      i += 3;
      continue;
    }
    if (text[i] === '第' && isNumberStart(text, i + 1)) {
      const n = readNumber(text, i + 1);
      if (n && Number.isInteger(n.value)) {
        const q = QUARTER_WORDS[text[i + 1]!];
        if (q && n.end === i + 2 && text.startsWith('季度', n.end)) {
          out.push(figure(text, base, i, n.end + 2, 'date', null, undefined, undefined, `Q${q}`));
          i = n.end + 2;
          continue;
        }
        let end = n.end;
        const u = matchUnit(text, end);
        if (u && (u.type === 'count' || u.unit === 'quarter' || u.unit === 'year')) end += u.text.length;
        out.push(figure(text, base, i, end, 'rank', n.value));
        i = end;
        continue;
      }
    }
    if (text[i] === '半' && (CN_SMALL_UNITS.has(text[i + 1] ?? '') || CN_BIG_UNITS.has(text[i + 1] ?? '')) && text[i + 1] !== '十') {
      const scale = CN_SMALL_UNITS.get(text[i + 1]!) ?? CN_BIG_UNITS.get(text[i + 1]!)!;
      out.push(figure(text, base, i, i + 2, 'number', scale / 2));
      i += 2;
      continue;
    }
    if ((text[i] === '.' || text[i] === '．') && isArabicDigit(text.charCodeAt(i + 1)) && !isArabicDigit(text.charCodeAt(i - 1)) && !isLatinLetter(text.charCodeAt(i - 1))) {
      let k = i + 1;
      let v = 0;
      let scale = 0.1;
      while (k < text.length && k - i <= MAX_ARABIC_DIGITS && isArabicDigit(text.charCodeAt(k))) {
        v += arabicDigitValue(text.charCodeAt(k++)) * scale;
        scale /= 10;
      }
      const signed = text[i - 1] === '-' || text[i - 1] === '－' || text[i - 1] === '负';
      out.push(figure(text, base, signed ? i - 1 : i, k, 'number', clean(signed ? -v : v)));
      i = k;
      continue;
    }
    // a currency named on its own (人民币, 美元): a mention with no value, left unmarked in the editor
    const bare = BARE_CURRENCIES.get(text[i]!)?.find(([w]) => text.startsWith(w, i));
    if (bare) {
      const f = figure(text, base, i, i + bare[0].length, 'money', null, bare[1]);
      f.salient = false;
      out.push(f);
      i += bare[0].length;
      continue;
    }
    const rankWord = RANK_WORDS.find((w) => text.startsWith(w, i));
    if (rankWord && isNumberStart(text, i + rankWord.length)) {
      const n = readNumber(text, i + rankWord.length);
      if (n && Number.isInteger(n.value)) {
        out.push(figure(text, base, i + rankWord.length, n.end, 'rank', n.value));
        i = n.end;
        continue;
      }
    }
    if (!isNumberStart(text, i)) {
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
    // section numbers (01、, 02、) at the start of a line
    const lineStart = i === 0 || text[i - 1] === '\n' || text[i - 1] === '#' || text[i - 1] === ' ';
    const nextWord = skipSpaces(text, n.end, 4);
    const sectionLike = text[n.end] === ' ' && n.integerDigits <= 2 && n.value < 100 && !matchUnitLoose(text, nextWord) &&
      text[nextWord] !== '分' && text[nextWord] !== '又';
    if (n.plainArabic && lineStart && (text[n.end] === '、' || sectionLike)) {
      i = n.end + 1;
      continue;
    }
    // a digit glued to a Latin name after it (32B, 4o): part of a name
    if (n.plainArabic && isLatinLetter(text.charCodeAt(n.end)) && !matchUnit(text, n.end)) {
      let j = n.end;
      while (j < text.length && isNameChar(text.charCodeAt(j))) j++;
      i = j;
      continue;
    }
    const iso = readIsoDateTime(text, n);
    if (iso) {
      out.push(figure(text, base, i, iso.end, 'date', null, undefined, undefined, iso.period));
      i = iso.end;
      continue;
    }
    // a clock time (10:31) is not a figure
    if (n.plainArabic && n.integerDigits <= 2 && text[n.end] === ':' && isArabicDigit(text.charCodeAt(n.end + 1)) &&
      isArabicDigit(text.charCodeAt(n.end + 2))) {
      i = n.end + 3;
      while (text[i] === ':' && isArabicDigit(text.charCodeAt(i + 1))) i += 3;
      continue;
    }
    const date = readDate(text, n);
    if (date) {
      out.push(figure(text, base, i, date.end, 'date', null, undefined, undefined, date.period));
      i = date.end;
      continue;
    }
    const md = readMonthDay(text, n);
    if (md) {
      out.push(figure(text, base, i, md.end, 'date', null, undefined, undefined, md.period));
      i = md.end;
      continue;
    }
    // 二十五分之一 → 0.04
    const fraction = compactAt(text, skipSpaces(text, n.end, 2), 2);
    if (fraction?.text === '分之') {
      const d = readNumber(text, skipSpaces(text, fraction.end, 2));
      if (d && n.value !== 0) {
        out.push(figure(text, base, i, d.end, 'number', clean(d.value / n.value)));
        i = d.end;
        continue;
      }
    }
    // 1/2, ３／５: a fraction, unless it is a date (2023/4/5) or a path
    const slash = text[n.end];
    if ((slash === '/' || slash === '／') && n.plainArabic && isArabicDigit(text.charCodeAt(n.end + 1))) {
      const den = readNumber(text, n.end + 1);
      const after = den ? text[den.end] : undefined;
      if (den && den.plainArabic && den.value !== 0 && after !== '/' && after !== '／' && !isLatinLetter(text.charCodeAt(den.end))) {
        const signed = negativeSignBefore(text, i);
        const v = clean(n.value / den.value);
        out.push(figure(text, base, signed ? i - 1 : i, den.end, 'number', signed ? -v : v));
        i = den.end;
        continue;
      }
      // 2023/4/5 is a date; other slash runs (versions, paths) are not figures
      const day = den && (after === '/' || after === '／') ? readNumber(text, den.end + 1) : undefined;
      if (den && day) {
        const isDate = n.integerDigits === 4 && den.value >= 1 && den.value <= 12 && day.value >= 1 && day.value <= 31;
        if (isDate) out.push(figure(text, base, i, day.end, 'date', null, undefined, undefined, `${n.value}-${pad2(den.value)}-${pad2(day.value)}`));
        i = day.end;
        continue;
      }
    }
    // 三又二分之一 → 3.5
    const and = skipSpaces(text, n.end, 2);
    if (text[and] === '又') {
      const den = readNumber(text, skipSpaces(text, and + 1, 2));
      const mid = den && compactAt(text, skipSpaces(text, den.end, 2), 2);
      const num = mid && mid.text === '分之' ? readNumber(text, skipSpaces(text, mid.end, 2)) : undefined;
      if (den && num && den.value !== 0) {
        const signed = negativeSignBefore(text, i);
        const v = clean(n.value + num.value / den.value);
        out.push(figure(text, base, signed ? i - 1 : i, num.end, 'number', signed ? -v : v));
        i = num.end;
        continue;
      }
    }
    let end = n.end;
    let approx = n.approx ?? prefixApprox(text, i);
    let value: number | Range = n.value;
    let unitStart = skipSpaces(text, end, 4);
    let loose = matchUnitLoose(text, unitStart);
    let unit = loose?.unit;
    if (loose && unitStart > end + 1 && loose.unit.type === 'count') loose = unit = undefined; // 5   个: too loose
    const signed = negativeSignBefore(text, i);
    if (text[unitStart] === '折' && !unit) {
      // 75折 is 75%, 9.9折 is 99%, 2折 is 20%
      const v = n.value < 10 ? clean(n.value * 10) : n.value;
      out.push(figure(text, base, i, unitStart + 1, 'percent', v, '%'));
      i = unitStart + 1;
      continue;
    }
    // a range: 8-9成, 10%-20%, 100至200万元
    const afterFirst = unit ? unitStart + unit.text.length : end;
    if (RANGE_CONNECTORS.has(text[afterFirst] ?? '') && isNumberStart(text, afterFirst + 1)) {
      const second = readNumber(text, afterFirst + 1);
      if (second && second.value >= n.value) {
        const u2Start = skipSpaces(text, second.end, 1);
        const u2 = matchUnit(text, u2Start);
        if (!unit || (u2 && u2.unit === unit.unit) || !u2) {
          const scale = rangeScale(n, second);
          value = { min: clean(n.value * scale), max: second.value };
          end = second.end;
          if (u2 && (!unit || u2.unit === unit.unit)) {
            unit = u2;
            unitStart = u2Start;
          } else if (unit) {
            unitStart = -1;
          }
          if (unitStart >= 0 && unit) end = unitStart + unit.text.length;
          else if (unit) end = second.end;
          const f = makeFigure(text, base, i, end, value, unit, approx);
          if (f) out.push(f);
          i = end;
          continue;
        }
      }
    }
    if (unit && loose) end = loose.end;
    // 三成半, 一吨半, 两年半: and a half (before the 成 → % factor)
    const halfable = unit && (unit.text === '成' || unit.type === 'quantity' || unit.type === 'duration');
    if (halfable && text[end] === '半' && typeof value === 'number') {
      value = clean(value + 0.5);
      end++;
    }
    const sfx = suffixApprox(text, end);
    if (sfx) {
      approx ??= sfx.approx;
      end = sfx.end;
    }
    const symbol = !unit ? CURRENCY_SYMBOLS.get(text[i - 1] ?? '') : undefined;
    if (symbol) {
      const f = figure(text, base, i - 1, end, 'money', value, symbol, approx);
      f.numeralEnd = base + n.end;
      out.push(f);
      i = Math.max(end, i + 1);
      continue;
    }
    const f = makeFigure(text, base, signed ? i - 1 : i, end, signed && typeof value === 'number' ? -value : value, unit, approx);
    if (f && unit) f.numeralEnd = base + n.end;
    if (f && n.loneChineseDigit && !unit) f.salient = false;
    if (f && !unit && n.end - i === 1 && CN_SMALL_UNITS.has(text[i]!)) f.salient = false;
    if (f && n.loneChineseDigit && unit?.type === 'count' && n.value === 1) f.salient = false;
    if (f) out.push(f);
    i = Math.max(end, i + 1);
  }
  return out;
}

/** In 3-5万 the first number shares the scale of the second. */
function rangeScale(first: ParsedNumber, second: ParsedNumber): number {
  if (first.plainArabic && !second.plainArabic && first.value < second.value) {
    for (let s = 1e12; s >= 10; s /= 10) {
      if (second.value >= s * first.value && second.value % s === 0 && second.value / s < 10 * Math.max(first.value, 1)) {
        return s;
      }
    }
  }
  return 1;
}

function makeFigure(
  text: string, base: number, start: number, end: number, value: number | Range, unit: Unit | undefined,
  approx: Approximation | undefined,
): Figure | undefined {
  if (!unit) return figure(text, base, start, end, 'number', value, undefined, approx);
  const factor = unit.factor ?? 1;
  const scaled = typeof value === 'number' ? clean(value * factor) : { min: clean(value.min * factor), max: clean(value.max * factor) };
  // 年 after a plain number is a duration (三十多年, 20年); a 4-digit year was taken before
  return figure(text, base, start, end, unit.type, scaled, unit.unit, approx);
}

function figure(
  text: string, base: number, start: number, end: number, type: FigureType, value: number | Range | null,
  unit?: string, approx?: Approximation, period?: string,
): Figure {
  const f: Figure = { start: base + start, end: base + end, text: text.slice(start, end), type, value, salient: true };
  if (unit !== undefined) f.unit = unit;
  if (approx !== undefined) f.approx = approx;
  if (period !== undefined) f.period = period;
  return f;
}
