/**
 * What the arithmetic relations read in a passage: its amounts, rates and years, and the
 * shared helpers (rounding tolerance, comparability, which amount is the base).
 */
import type { Figure } from '../figures/types';
import { msg, type Message, type MessageArg } from '../text/message';
import { triggerTable } from '../text/chars';

export const GROWTH_WORDS = ['同比增长', '同比上涨', '同比提升', '增长率为', '增长率', '增速为', '增速', '增幅为', '增幅', '增长了', '增长', '上涨', '提升', '提高', '增加了', '增加'];
export const DECLINE_WORDS = ['同比下降', '同比下跌', '同比减少', '下降了', '下降', '下跌', '减少了', '减少', '降低了', '降低', '跌幅'];
const CHANGE_WORDS = [...GROWTH_WORDS, ...DECLINE_WORDS];
/** How far before a stated figure (UTF-16 units) a change word and a compound rate's word are read (the arithmetic gate reads the same). */
export const CHANGE_WINDOW = 6;
export const CAGR_WINDOW = 10;
export const CAGR_WORDS = ['年复合增长率', '复合年增长率', '年均复合增长率', '年均增长率', '年均增速', '年均增幅', 'CAGR', '每年增长', '年增长率'];
const BASE_MARKERS = ['对比', '相比', '较', '比上年', '比去年', '比上一', '高于', '低于'];
export const SENTENCE_END = /[。！？!?；;]/;

export interface Passage {
  /** The passage in Simplified script (keywords are matched on it), with the offsets of the figures. */
  text: string;
  /** Figures of the passage, in order, with offsets into `text`. */
  figures: Figure[];
}

/** A passage as the relations read it. */
export interface PassageView {
  text: string;
  figures: Figure[];
  /** Money, counts, numbers and quantities. */
  amounts: Figure[];
  /** Amounts that are levels, not stated changes (增长442亿 is a change). */
  levels: Figure[];
  /** Single percentages (not ranges). */
  percents: Figure[];
  /** Years and spans of years (2021, 2022/2024). */
  years: Figure[];
}

export const num = (f: Figure): number | undefined => (typeof f.value === 'number' ? f.value : undefined);

export function viewOf(p: Passage): PassageView {
  // each list counted, then made at its size (five filters grew five lists by push per passage,
  // and the claims stage asks for a view of most sentences with two figures)
  const all = p.figures;
  let salient = 0;
  for (const f of all) if (f.salient) salient++;
  // (read only, never kept: the passage's own list where every figure is salient, as the claims stage's are)
  const figures = salient === all.length ? all : sized(all, salient, (f) => f.salient === true);
  let nAmounts = 0;
  let nPercents = 0;
  let nYears = 0;
  for (const f of figures) {
    if (isAmount(f)) nAmounts++;
    else if (f.type === 'percent' && typeof f.value === 'number') nPercents++;
    else if (isYear(f)) nYears++;
  }
  const amounts = sized(figures, nAmounts, isAmount);
  let nLevels = 0;
  // (written over, not emptied: length = 0 lets go of the array's store, and the next push makes a new one)
  for (let i = 0; i < amounts.length; i++) {
    const delta = isDelta(p.text, amounts[i]!);
    DELTA[i] = delta;
    if (!delta) nLevels++;
  }
  const levels = new Array<Figure>(nLevels);
  for (let i = 0, k = 0; i < amounts.length; i++) if (!DELTA[i]) levels[k++] = amounts[i]!;
  return {
    text: p.text,
    figures,
    amounts,
    levels,
    percents: sized(figures, nPercents, (f) => f.type === 'percent' && typeof f.value === 'number'),
    years: sized(figures, nYears, isYear),
  };
}

const isAmount = (f: Figure): boolean => (f.type === 'money' || f.type === 'count' || f.type === 'number' || f.type === 'quantity') && num(f) !== undefined;
const isYear = (f: Figure): boolean => f.type === 'date' && typeof f.period === 'string' && YEAR_PERIOD.test(f.period);
/** Which amounts of the view being made are changes (read at once). */
const DELTA: boolean[] = [];
const YEAR_PERIOD = /^\d{4}(\/\d{4})?$/;

/** Whether an amount is a stated change (增长442亿), not a level. */
function isDelta(text: string, f: Figure): boolean {
  const w = wordBefore(text, f, CHANGE_WORDS, CHANGE_WINDOW);
  if (!w) return false;
  const gap = text.slice(text.lastIndexOf(w, f.start) + w.length, f.start);
  return gap === '' || gap === '了' || gap === '约' || gap === '近' || gap === '超';
}

/** The `n` items of `list` that `keep`, in order, in a list made at its size. */
function sized(list: readonly Figure[], n: number, keep: (f: Figure) => boolean): Figure[] {
  const out = new Array<Figure>(n);
  let k = 0;
  for (let i = 0; i < list.length && k < n; i++) if (keep(list[i]!)) out[k++] = list[i]!;
  return out;
}

/** Half a unit in the last stated digit: 29% → 0.5, 2.47% → 0.005, 442亿 → 0.5亿; more for an approximate figure. */
export function roundingTolerance(f: Figure): number {
  const digits = writtenDigits(f.text);
  const decimals = digits.includes('.') ? digits.length - digits.indexOf('.') - 1 : 0;
  const v = num(f) ?? 0;
  if (f.unit === '%' || f.unit === 'pp') return 0.5 * 10 ** -decimals;
  // amounts: the scale the text was written in (亿, 万) times half the last digit
  const written = Number.parseFloat(digits);
  const scale = written ? Math.abs(v / written) : 1;
  const base = 0.5 * 10 ** -decimals * scale;
  return f.approx ? base * 2 + Math.abs(v) * 0.02 : base;
}

/**
 * The digits and points of a figure as written, full-width digits made ASCII and the first
 * full-width point an ASCII one: text.replace(/[０-９]/g, …).replace(/[^0-9.．]/g, '').replace('．', '.')
 * in one reading (three replaces, the first calling back for each full-width digit; exported for its unit test).
 */
export function writtenDigits(text: string): string {
  let out = '';
  let point = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x30 && c <= 0x39) || c === 0x2e /* . */) out += text[i];
    else if (c >= 0xff10 && c <= 0xff19) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0xff0e /* ． */) {
      out += point ? '．' : '.';
      point = true;
    }
  }
  return out;
}

/** A value as the working prints it, as a message argument: percentage points are words ("1.3 pp", 1.3 个百分点). */
export function fmtArg(n: number, unit?: string): MessageArg {
  return unit === 'pp' ? msg('{0} pp', Number.parseFloat(n.toFixed(2))) : fmt(n, unit);
}

export function fmt(n: number, unit?: string): string {
  const abs = Math.abs(n);
  if (unit === '%' || unit === 'pp') return `${Number.parseFloat(n.toFixed(2))}${unit === '%' ? '%' : ' pp'}`;
  if (unit === 'rate') return String(Number.parseFloat(n.toPrecision(4)));
  if (abs >= 1e8) return `${Number.parseFloat((n / 1e8).toFixed(4))}亿`;
  if (abs >= 1e4) return `${Number.parseFloat((n / 1e4).toFixed(4))}万`;
  return String(Number.parseFloat(n.toFixed(4)));
}

/** Same kind of amount: both money in one currency, or both counts/numbers/quantities with one unit. */
export function comparable(a: Figure, b: Figure): boolean {
  const x = num(a);
  const y = num(b);
  if (x === undefined || y === undefined) return false;
  if (a.type === 'money' && b.type === 'money') return a.unit === b.unit;
  // 12.03亿元 against 11.74亿: a bare number next to an amount of the same order is the same kind of amount
  if (a.type === 'money' || b.type === 'money') return (a.type === 'number' || b.type === 'number') && x !== 0 && y !== 0 && Math.abs(Math.log10(Math.abs(x / y))) < 1;
  return isPlainAmount(a) && isPlainAmount(b) && (a.unit === b.unit || !a.unit || !b.unit);
}

/** A number, count or quantity (not money): made once, where a closure was made per comparison. */
function isPlainAmount(f: Figure): boolean {
  return f.type === 'number' || f.type === 'count' || f.type === 'quantity';
}

/** A word list by the first UTF-16 code of its words: which codes start one, and the words' indices at each, in list order. */
interface WordIndex {
  first: Uint8Array;
  byFirst: Map<number, number[]>;
}

const WORD_INDEX = new WeakMap<readonly string[], WordIndex>();

function wordIndex(words: readonly string[]): WordIndex {
  let index = WORD_INDEX.get(words);
  if (!index) {
    const byFirst = new Map<number, number[]>();
    words.forEach((w, k) => {
      const group = byFirst.get(w.charCodeAt(0)) ?? [];
      group.push(k);
      byFirst.set(w.charCodeAt(0), group);
    });
    index = { first: triggerTable(words), byFirst };
    WORD_INDEX.set(words, index);
  }
  return index;
}

/**
 * The word of `words` that occurs last within the `window` UTF-16 units before f (the
 * longest of those starting there, the first in list order of equal ones): read from f
 * backwards, trying at each start only the words that begin with its character, where each
 * word's lastIndexOf in a copy of the window was taken (a growth or change word list is 10 to
 * 27 words, asked about for every amount and rate of a passage).
 */
export function wordBefore(text: string, f: Figure, words: readonly string[], window = 8): string | undefined {
  const from = Math.max(0, f.start - window);
  const { first, byFirst } = wordIndex(words);
  for (let i = f.start - 1; i >= from; i--) {
    const c = text.charCodeAt(i);
    if (first[c] !== 1) continue;
    const group = byFirst.get(c)!;
    let best = -1;
    for (let g = 0; g < group.length; g++) {
      const k = group[g]!;
      const w = words[k]!;
      if (i + w.length <= f.start && (best < 0 || w.length > words[best]!.length) && text.startsWith(w, i)) best = k;
    }
    if (best >= 0) return words[best];
  }
  return undefined;
}

/** +1 for growth, −1 for a decline, whichever word is nearer before f; undefined when neither. */
export function directionBefore(text: string, f: Figure, window = CHANGE_WINDOW): number | undefined {
  const growth = wordBefore(text, f, GROWTH_WORDS, window);
  const decline = wordBefore(text, f, DECLINE_WORDS, window);
  if (!growth && !decline) return undefined;
  return decline && (!growth || text.lastIndexOf(decline, f.start) > text.lastIndexOf(growth, f.start)) ? -1 : 1;
}

/**
 * Of two amounts, which is the base: "从B增长到A", "A，对比上年的B", "A较B". Undefined when
 * the text does not compare them, so that no order is made up.
 */
export function orderAmounts(text: string, a: Figure, b: Figure): { base: Figure; now: Figure } | undefined {
  const between = text.slice(a.end, b.start);
  // amounts in different sentences are not compared with each other
  if (between.length > 40 || SENTENCE_END.test(between)) return undefined;
  if (BASE_MARKERS.some((m) => between.includes(m)) || between.includes('上年') || between.includes('去年') || between.includes('上一季度')) return { base: b, now: a };
  const before = text.slice(Math.max(0, a.start - 4), a.start);
  if (before.includes('从') || before.includes('由') || /(增长|增|升|提升|扩大|达到|达|降|下降|减少)(到|至)|增至|升至|降至|减至|将达/.test(between)) return { base: a, now: b };
  return undefined;
}

export function sameSentence(text: string, from: number, to: number): boolean {
  return !SENTENCE_END.test(text.slice(from, to));
}

/** The last two amounts that can be compared with each other. */
export function lastComparablePair(list: Figure[]): [Figure, Figure] | undefined {
  for (let j = list.length - 1; j > 0; j--) {
    for (let i = j - 1; i >= 0; i--) if (comparable(list[i]!, list[j]!)) return [list[i]!, list[j]!];
  }
  return undefined;
}

/** Years between the base and the end of a compound rate: "2021年…1880亿…2023年…3600亿", or "2022年至2024年". */
export function yearSpan(years: Figure[]): { years: number; assumption?: Message } | undefined {
  const values: number[] = [];
  for (const y of years) for (const part of y.period!.split('/')) values.push(Number(part));
  const distinct = [...new Set(values)].sort((a, b) => a - b);
  if (distinct.length < 2) return undefined;
  const span = distinct[distinct.length - 1]! - distinct[0]!;
  if (span <= 0) return undefined;
  return distinct.length > 2 ? { years: span, assumption: msg('from {0} to {1}', distinct[0]!, distinct[distinct.length - 1]!) } : { years: span };
}
