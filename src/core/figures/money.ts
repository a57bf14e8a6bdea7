/**
 * Money: currency names before the number (港幣5.2億, 新台幣 30 億元) or after it, symbols
 * ($5), tails in 角 and 分 (12元3角4分, 壹佰元伍角), 元整, and a currency named on its own
 * (以美元计), which is a mention without a value.
 */
import { CURRENCIES, GENERIC_YUAN } from './currencies';
import { CN_DIGITS, arabicDigitValue, clean, isArabicDigit, unitSet } from './numerals';
import { figure, type Scan } from './build';
import type { Unit } from './units';
import { unitAt } from './chars';

/** Currency names that are mentions on their own (以美元计), by first character, longest first; 元 and 块 are not. */
const BARE_CURRENCIES = new Map<string, Array<[string, string]>>();
/**
 * Currencies whose names are looked for before a number and on their own; the others are
 * found after a number only (5亿印尼盾), which keeps common characters (以, 加, 南) out of
 * the scan's triggers.
 */
const NAMED_ALONE = new Set(['CNY', 'USD', 'HKD', 'MOP', 'TWD', 'EUR', 'JPY', 'GBP', 'KRW', 'THB', 'AUD', 'RUB', 'CHF', 'BTC', 'NGN']);
for (const [words, code] of CURRENCIES) {
  if (!NAMED_ALONE.has(code)) continue;
  for (const w of words) {
    if (w.length < 2 || GENERIC_YUAN.has(w) || w.startsWith('元')) continue;
    BARE_CURRENCIES.set(w[0]!, [...(BARE_CURRENCIES.get(w[0]!) ?? []), [w, code] as [string, string]].sort((a, b) => b[0].length - a[0].length));
  }
}

export const MONEY_TRIGGERS = [...BARE_CURRENCIES.keys()].join('');
/** BARE_CURRENCIES by UTF-16 unit: asked at every trigger of the scan, no string per character. */
const BARE_CURRENCIES_BY_UNIT = new Map([...BARE_CURRENCIES].map(([first, list]) => [first.charCodeAt(0), list]));

export const CURRENCY_SYMBOLS = new Map([['$', 'USD'], ['￥', 'CNY'], ['¥', 'CNY'], ['€', 'EUR'], ['£', 'GBP']]);
/** CURRENCY_SYMBOLS' characters by UTF-16 unit: asked before every amount without a unit. */
export const CURRENCY_SYMBOL_UNITS = unitSet(CURRENCY_SYMBOLS.keys());

export interface CurrencyName {
  start: number;
  end: number;
  code: string;
}

/** A currency name at i (人民幣, 新台幣, 港元), or undefined. */
export function currencyNameAt(text: string, i: number): CurrencyName | undefined {
  const list = BARE_CURRENCIES_BY_UNIT.get(text.charCodeAt(i));
  if (!list) return undefined;
  for (const [w, code] of list) if (text.startsWith(w, i)) return { start: i, end: i + w.length, code };
  return undefined;
}

/** A currency named without a value: kept for the record, never marked in the editor. */
export function bareCurrency(s: Scan, name: CurrencyName): void {
  const f = figure(s, name.start, name.end, 'money', null, name.code);
  f.salient = false;
  s.out.push(f);
}

/** The currency an amount is in: a name written before the number wins over a generic 元 after it (新台幣 30 億元). */
export function currencyOf(unit: Unit | undefined, before: CurrencyName | undefined): string | undefined {
  if (before && (!unit || unit.type !== 'money' || GENERIC_YUAN.has(unit.text) || unit.unit === before.code)) return before.code;
  return unit?.type === 'money' ? unit.unit : undefined;
}

const YUAN_ENDINGS = new Set(['元', '圆', '圓', '块', '塊']);
const JIAO = new Set(['角', '毛']);
/** 分 that begins another word: 分之 (a fraction), 分钟 (minutes). */
const FEN_WORDS = new Set(['之', '钟', '鐘', '鍾']);

function tailDigit(text: string, k: number): number | undefined {
  const c = unitAt(text, k);
  if (isArabicDigit(c) && !isArabicDigit(unitAt(text, k + 1))) return arabicDigitValue(c);
  const d = CN_DIGITS.get(text[k] ?? '');
  return d !== undefined && d > 0 ? d : undefined;
}

function isIdeograph(c: number): boolean {
  return c >= 0x3400 && c <= 0x9fff;
}

/**
 * After an amount in 元 (or 块): 角 and 分 (12元3角4分, 壹佰元伍角, 3元零5分), 三块五, and
 * 元整. Returns the extra value in 元 and the new end, or undefined.
 */
export function moneyTail(text: string, end: number, unitText: string): { end: number; add: number } | undefined {
  if (!YUAN_ENDINGS.has(unitText[unitText.length - 1]!)) return undefined;
  let k = end;
  let add = 0;
  const jiao = tailDigit(text, k);
  if (jiao !== undefined && JIAO.has(text[k + 1] ?? '')) {
    add += jiao / 10;
    k += 2;
  } else if (jiao !== undefined && (unitText.endsWith('块') || unitText.endsWith('塊')) && !tailDigit(text, k + 1) && !isIdeograph(unitAt(text, k + 1))) {
    // 三块五: the digit after 块 is in 角
    return { end: k + 1, add: jiao / 10 };
  }
  if (unitAt(text, k) === 0x96f6 /* 零 */ && tailDigit(text, k + 1) !== undefined && unitAt(text, k + 2) === 0x5206 /* 分 */) k++;
  const fen = tailDigit(text, k);
  if (fen !== undefined && unitAt(text, k + 1) === 0x5206 /* 分 */ && !FEN_WORDS.has(text[k + 2] ?? '')) {
    add += fen / 100;
    k += 2;
  }
  // 元整: the amount is whole (伍佰元整), unless 整 begins a word (整体, 整个)
  if (unitAt(text, k) === 0x6574 /* 整 */ && !isIdeograph(unitAt(text, k + 1))) k++;
  return k > end ? { end: k, add: clean(add) } : undefined;
}

/** 20个比特币, 3枚比特币: a count of a currency is an amount of it. */
export function currencyAfterClassifier(text: string, unitEnd: number, unit: Unit | undefined): CurrencyName | undefined {
  if (!unit || unit.type !== 'count' || (unit.text !== '个' && unit.text !== '個' && unit.text !== '枚')) return undefined;
  return currencyNameAt(text, unitEnd);
}
