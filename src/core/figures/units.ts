/**
 * The units a numeral can carry (currencies, percent, durations, quantities, classifiers)
 * and the approximation words around a figure. Matching is by first character, longest
 * first, so it never slices the text.
 */
import type { Approximation, FigureType } from './types';
import { CURRENCIES } from './currencies';
import { compactAt, isLatinLetter, skipSpaces, unitAt } from './chars';
import { CN_BIG_UNITS, CN_DIGITS, CN_SMALL_UNITS, unitSet } from './numerals';

export interface Unit {
  text: string;
  type: FigureType;
  unit?: string;
  /** Multiplier into base units: 10 for 成 (→ %), 1 otherwise. */
  factor?: number;
}

export const COUNT_CLASSIFIERS =
  '个個家款位名人次项項台部件条條种種篇场場轮輪辆輛张張本所座份户戶只隻支枚颗顆套间間首章集期届屆组組股类類口栋棟层層例单單笔筆宗起封双雙'.split('');

/**
 * Units other than currencies and classifiers. Data: `type unit [factor]|word word …`, where
 * the factor turns the number into base units (成 is ten per cent, 打 a dozen).
 */
const UNIT_TABLE = `
percent pp|个百分点 個百分點 百分点 百分點 pct
percent %|% ％
percent % 10|成
multiple ×|倍
duration year|年 多年 余年 餘年 周年 週年
duration month|个月 個月
duration week|周 週 个星期 個星期 星期
duration day|天
duration hour|小时 小時 个小时 個小時 钟头 鐘頭 个钟头 個鐘頭
duration minute|分钟 分鐘
duration second|秒 秒钟 秒鐘
duration quarter|季度 个季度 個季度
quantity age|岁 歲 周岁 週歲 周歲 虚岁 虛歲
quantity age-month|个月大 個月大
quantity age-week|周大 週大
quantity age-day|天大
quantity parameters|参数 參數
quantity tokens|tokens token
count users|用户 用戶
count dozen 12|打
quantity km|千米 公里 km KM
quantity m|米
quantity cm|厘米 公分 cm CM
quantity mm|毫米 mm
quantity m²|平方米 平米
quantity km²|平方公里 平方千米
quantity ha|公顷 公頃
quantity mu|亩 畝
quantity m³|立方米
quantity L|公升
quantity mL|毫升
quantity kg|公斤 千克 kg KG
quantity g|克
quantity mg|毫克 mg
quantity μg|微克
quantity jin|斤
quantity liang|两 兩
quantity t|吨 噸 公吨 公噸
quantity B|字节 字節
quantity KB|千字节 千字節 KB
quantity MB|兆字节 兆字節 MB
quantity GB|GB 吉字节
quantity TB|TB
quantity PB|PB
quantity W|瓦 瓦特
quantity kW|千瓦 kW
quantity MW|兆瓦 MW
quantity GW|吉瓦 GW
quantity kWh|千瓦时 千瓦時 kWh
quantity °C|摄氏度 攝氏度 ℃ °C
quantity °F|华氏度 華氏度 ℉ °F
quantity degree|度
`;

export const UNITS: Unit[] = (() => {
  const list: Unit[] = [];
  for (const [words, code] of CURRENCIES) for (const w of words) list.push({ text: w, type: 'money', unit: code });
  for (const line of UNIT_TABLE.trim().split('\n')) {
    const [head, words] = line.split('|') as [string, string];
    const [type, unit, factor] = head.split(' ');
    for (const w of words.split(' ')) {
      const u: Unit = { text: w, type: type as FigureType, unit: unit! };
      if (factor) u.factor = Number(factor);
      list.push(u);
    }
  }
  for (const c of COUNT_CLASSIFIERS) list.push({ text: c, type: 'count', unit: c });
  // longest first, so 个百分点 wins over 个
  return list.sort((a, b) => b.text.length - a.text.length);
})();
export const MAX_UNIT_LENGTH = Math.max(...UNITS.map((u) => u.text.length));
export const UNIT_BY_TEXT = new Map(UNITS.map((u) => [u.text, u]));
/** Units by their first character, longest first, so that matching never slices strings. */
export const UNITS_BY_FIRST_CHAR = new Map<string, Unit[]>();
for (const u of UNITS) {
  const list = UNITS_BY_FIRST_CHAR.get(u.text[0]!) ?? [];
  list.push(u);
  UNITS_BY_FIRST_CHAR.set(u.text[0]!, list);
}

export const PREFIX_APPROX: Array<[string, Approximation]> = (
  [
    ['约合', 'about'], ['約合', 'about'], ['大约', 'about'], ['大約', 'about'], ['约', 'about'], ['約', 'about'],
    ['超过', 'over'], ['超過', 'over'], ['超', 'over'], ['逾', 'over'], ['至少', 'over'], ['多达', 'over'],
    ['多達', 'over'], ['高达', 'over'], ['高達', 'over'],
    ['将近', 'under'], ['將近', 'under'], ['接近', 'under'], ['近', 'under'], ['不到', 'under'], ['不足', 'under'],
  ] as Array<[string, Approximation]>
).sort((a, b) => b[0].length - a[0].length);

export const SUFFIX_APPROX: Array<[string, Approximation]> = [
  ['左右', 'about'], ['上下', 'about'], ['以上', 'over'], ['以下', 'under'], ['之多', 'over'], ['开外', 'over'],
  ['開外', 'over'], ['有余', 'over'], ['有餘', 'over'], ['出头', 'over'], ['出頭', 'over'], ['以内', 'under'], ['以內', 'under'],
];


export const RANGE_CONNECTORS = new Set(['-', '–', '—', '~', '～', '至', '到', '－']);
const RANGE_CONNECTOR_UNITS = unitSet(RANGE_CONNECTORS);

/** RANGE_CONNECTORS.has(text[k] ?? ''), by UTF-16 unit (text[k] of a CJK character is a new string). */
export function rangeConnectorAt(text: string, k: number): boolean {
  return RANGE_CONNECTOR_UNITS.has(unitAt(text, k));
}

/** The same lists by the first UTF-16 code (every unit starts in the BMP): looked up without a string per character. */
const UNITS_BY_FIRST_CODE = new Map<number, Unit[]>([...UNITS_BY_FIRST_CHAR].map(([first, list]) => [first.charCodeAt(0), list]));
const NO_UNITS: Unit[] = [];

export function matchUnit(text: string, i: number): Unit | undefined {
  if (i >= text.length) return undefined;
  for (const u of UNITS_BY_FIRST_CODE.get(text.charCodeAt(i)) ?? NO_UNITS) {
    if (!text.startsWith(u.text, i)) continue;
    // Latin units stand alone: 'pct' yes, 'pctx' no
    if (isLatinLetter(u.text.charCodeAt(u.text.length - 1)) && isLatinLetter(unitAt(text, i + u.text.length))) continue;
    if (u.text.length === 1 && !oneCharUnitFits(text, i, u)) continue;
    return u;
  }
  return undefined;
}

/** Verbs that start with 打: 打折 is a discount, not a dozen of 折. */
const DA_VERBS = new Set([...'折车車工算开開造破击擊响響通出入印球卡包电電听聽压壓扮扰擾拼理赢贏败敗法脸臉假款赏賞分动動滑']);

/**
 * Characters after which 成 is a verb, never a tenth: 三五成群, 三五成堆. Most 成 words are not
 * here because a rate reads on through them (三成为女性, 七成员工, 三成交易额 are rates).
 */
const CHENG_VERB_OBJECTS = new Set([...'群堆']);

/** One-character units that are also words: 两 (a weight, unless 三两天 means a few days) and 打 (a dozen, unless a verb). */
function oneCharUnitFits(text: string, i: number, u: Unit): boolean {
  if (u.unit === 'liang') {
    const next = text[i + 1] ?? '';
    return !CN_DIGITS.has(next) && !CN_SMALL_UNITS.has(next) && !CN_BIG_UNITS.has(next) && !UNITS_BY_FIRST_CHAR.has(next);
  }
  if (u.unit === 'dozen') return !DA_VERBS.has(text[i + 1] ?? '');
  if (u.text === '成') return !CHENG_VERB_OBJECTS.has(text[i + 1] ?? '');
  return true;
}

/** A unit at i, where Chinese units may be spaced out (个 百 分 点). */
export function matchUnitLoose(text: string, i: number): { unit: Unit; end: number } | undefined {
  const exact = matchUnit(text, i);
  let best = exact ? { unit: exact, end: i + exact.text.length } : undefined;
  // (by UTF-16 unit: text[i] of a CJK character is a new string, and every amount reads its unit here; NaN past the end)
  const first = unitAt(text, i);
  if (first !== first || first === 0x20 || isLatinLetter(first)) return best;
  // spaced units only where a space follows within the unit's first characters
  const spaced = unitAt(text, i + 1) === 0x20 || unitAt(text, i + 2) === 0x20 || unitAt(text, i + 3) === 0x20;
  if (!spaced || !UNITS_BY_FIRST_CODE.has(first)) return best;
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

/**
 * The approximation words by the UTF-16 unit they end on (before a number) or begin with (after
 * one), each list in its table's order: a figure looks up one list, where it tried every word
 * (startsWith reads a position before 0 as 0, and so does the look-up).
 */
const PREFIX_BY_LAST = byUnit(PREFIX_APPROX, (w) => w.charCodeAt(w.length - 1));
const PREFIX_BY_FIRST = byUnit(PREFIX_APPROX, (w) => w.charCodeAt(0));
const SUFFIX_BY_FIRST = byUnit(SUFFIX_APPROX, (w) => w.charCodeAt(0));
const NO_WORDS: ReadonlyArray<[string, Approximation]> = [];

function byUnit(words: ReadonlyArray<[string, Approximation]>, unit: (w: string) => number): ReadonlyMap<number, ReadonlyArray<[string, Approximation]>> {
  const map = new Map<number, Array<[string, Approximation]>>();
  for (const pair of words) {
    const list = map.get(unit(pair[0])) ?? [];
    list.push(pair);
    map.set(unit(pair[0]), list);
  }
  return map;
}

export function prefixApprox(text: string, start: number): Approximation | undefined {
  if (start < 1) return undefined;
  for (const [w, a] of PREFIX_BY_LAST.get(unitAt(text, start - 1)) ?? NO_WORDS) {
    if (start >= w.length && text.startsWith(w, start - w.length)) return a;
  }
  return undefined;
}

export function suffixApprox(text: string, end: number): { approx: Approximation; end: number } | undefined {
  const k = skipSpaces(text, end, 1);
  for (const [w, a] of SUFFIX_BY_FIRST.get(unitAt(text, Math.max(k, 0))) ?? NO_WORDS) if (text.startsWith(w, k)) return { approx: a, end: k + w.length };
  return undefined;
}

/** After a currency name: an approximation word before its number (人民幣約2億元). */
export function skipApproxWord(text: string, k: number): number {
  for (const [w] of PREFIX_BY_FIRST.get(unitAt(text, Math.max(k, 0))) ?? NO_WORDS) if (text.startsWith(w, k)) return k + w.length;
  return k;
}
