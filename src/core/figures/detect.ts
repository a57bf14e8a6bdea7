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
  [['美元', '美金'], 'USD'],
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
  '个個家款位名人次项項台部件条條种種篇场場轮輪辆輛张張本所座份户戶只隻支枚颗顆套间間首章集期届屆组組股类類项口栋棟层層位例单單笔筆宗起封'.split('');

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

/** What may follow 參 when it is the numeral 3: a unit, another numeral, or the end of the numeral. */
const CN_NUMERAL_FOLLOWERS = new Set([...'拾佰仟萬万億亿零壹贰貳叁肆伍陸陆柒捌玖元点點個个', '', ' ']);

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
        if (text[k] === ',' && isArabicDigit(text.charCodeAt(k + 1)) && isArabicDigit(text.charCodeAt(k + 2)) &&
          isArabicDigit(text.charCodeAt(k + 3)) && !isArabicDigit(text.charCodeAt(k + 4))) k++;
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
      if (small === 100 && (text.startsWith('百分点', j) || text.startsWith('百分點', j) || text.startsWith('百分之', j))) break;
      if (small === 1000 && text.startsWith('千分之', j)) break;
      if (big === 1e4 && (text.startsWith('万分之', j) || text.startsWith('萬分之', j))) break;
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
      while (k < text.length && CN_DIGITS.has(text[k]!) && frac.length < MAX_ARABIC_DIGITS) {
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
      const afterUnit = 'unit' in prev || (ch === '多' && 'digit' in prev && prev.arabic);
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
      if (CN_BIG_UNITS.has(next) || CN_SMALL_UNITS.has(next) || CN_POINT.has(next) || next === '余' || next === '多') {
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
  return { end: j, value: clean(value), plainArabic, integerDigits, loneChineseDigit, ...(approx ? { approx } : {}) };
}

function matchUnit(text: string, i: number): Unit | undefined {
  for (let len = Math.min(MAX_UNIT_LENGTH, text.length - i); len >= 1; len--) {
    const u = UNIT_BY_TEXT.get(text.slice(i, i + len));
    if (u) {
      // Latin units stand alone: 'pct' yes, 'pctx' no
      if (isLatinLetter(u.text.charCodeAt(u.text.length - 1)) && isLatinLetter(text.charCodeAt(i + len))) continue;
      return u;
    }
  }
  return undefined;
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
  '千亿级', '一众', '一眾', '一轮', '一輪', '一侧', '一側', '一席', '一环', '一環', '一项', '一項', '一面',
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
  while (i < text.length) {
    const c = text.charCodeAt(i);
    // numbers inside names (GPT-4, Qwen1.5-110B, QwQ-32B, A100): skip the whole name
    if (isLatinLetter(c)) {
      let j = i;
      while (j < text.length && isNameChar(text.charCodeAt(j))) j++;
      // a trailing '.' or '-' belongs to the sentence, not the name
      i = Math.max(i + 1, j);
      continue;
    }
    if (text.startsWith('百分之', i) || text.startsWith('千分之', i) || text.startsWith('万分之', i) || text.startsWith('萬分之', i)) {
      const n = readNumber(text, skipSpaces(text, i + 3));
      if (n) {
        const scale = text[i] === '百' ? 1 : text[i] === '千' ? 0.1 : 0.01;
        out.push(figure(text, base, i, n.end, 'percent', clean(n.value * scale), '%', prefixApprox(text, i)));
        i = n.end;
        continue;
      }
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
    if (n.plainArabic && lineStart && (text[n.end] === '、' || (text[n.end] === ' ' && n.integerDigits <= 2 && n.value < 100))) {
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
    if (text.startsWith('分之', n.end)) {
      const d = readNumber(text, n.end + 2);
      if (d && n.value !== 0) {
        out.push(figure(text, base, i, d.end, 'number', clean(d.value / n.value)));
        i = d.end;
        continue;
      }
    }
    let end = n.end;
    let approx = n.approx ?? prefixApprox(text, i);
    let value: number | Range = n.value;
    let unitStart = skipSpaces(text, end, 1);
    let unit = matchUnit(text, unitStart);
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
    if (unit) end = unitStart + unit.text.length;
    const sfx = suffixApprox(text, end);
    if (sfx) {
      approx ??= sfx.approx;
      end = sfx.end;
    }
    const f = makeFigure(text, base, i, end, value, unit, approx);
    if (f && unit) f.numeralEnd = base + n.end;
    if (f && n.loneChineseDigit && !unit) f.salient = false;
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
