/**
 * The arithmetic relations, one object each: where a passage states it, and how the stated
 * figure is computed from the others. The verdicts are all given by `judge` (arithmetic.ts).
 */
import { currencyName } from '../figures/currencyNames';
import type { Figure } from '../figures/types';
import type { Candidate, Reading, Relation } from './arithmetic';
import {
  CAGR_WINDOW, CAGR_WORDS, comparable, directionBefore, fmt, lastComparablePair, num, orderAmounts, roundingTolerance, sameSentence,
  wordBefore, yearSpan, type PassageView,
} from './passage';
import { msg } from '../text/message';
import { firstFigureFrom, lastCommaBefore, listIndexOf, listsNear, sentenceAround, type ListIndex } from './listIndex';

const tol = roundingTolerance;

/** Plausible exchange rates (units of `to` per unit of `from`), wide enough for the last decade. */
const RATES: Record<string, [number, number]> = {
  'USD>CNY': [6.0, 7.6], 'CNY>USD': [1 / 7.6, 1 / 6.0],
  'HKD>CNY': [0.78, 0.96], 'CNY>HKD': [1 / 0.96, 1 / 0.78],
  'EUR>CNY': [6.7, 8.6], 'CNY>EUR': [1 / 8.6, 1 / 6.7],
  'GBP>CNY': [7.8, 11.0], 'CNY>GBP': [1 / 11.0, 1 / 7.8],
  'JPY>CNY': [0.044, 0.07], 'CNY>JPY': [1 / 0.07, 1 / 0.044],
  'USD>HKD': [7.7, 7.9], 'HKD>USD': [1 / 7.9, 1 / 7.7],
};

const relativeRate = (base: Figure, now: Figure): Reading => {
  const u = base.unit === '%' ? '%' : undefined;
  return {
    value: ((num(now)! - num(base)!) / num(base)!) * 100,
    expression: `(${fmt(num(now)!, u)} − ${fmt(num(base)!, u)}) / ${fmt(num(base)!, u)}`,
  };
};
const pointsChange = (base: Figure, now: Figure): Reading => ({
  value: num(now)! - num(base)!,
  expression: `${fmt(num(now)!, '%')} − ${fmt(num(base)!, '%')}`,
});
const difference = (base: Figure, now: Figure): Reading => ({
  value: num(now)! - num(base)!,
  expression: `${fmt(num(now)!)} − ${fmt(num(base)!)}`,
});
/** How far a relative rate may move with the rounding of its two amounts, in per cent. */
const rateTolerance = (x: Figure, a: Figure, b: Figure) =>
  tol(x) + (100 * (tol(a) + tol(b))) / Math.min(Math.abs(num(a)!), Math.abs(num(b)!));

/** Compound annual growth: "2021年…1880亿…2023年…3600亿…年复合增长率约18%". */
const cagr: Relation = {
  kind: 'cagr',
  find(v) {
    if (v.percents.length === 0) return NONE;
    const out: Candidate[] = [];
    for (const x of v.percents) {
      if (!wordBefore(v.text, x, CAGR_WORDS, CAGR_WINDOW)) continue;
      const pair = lastComparablePair(v.levels.filter((a) => a.end <= x.start));
      if (!pair || !num(pair[0]) || !num(pair[1])) continue;
      const { base, now } = orderAmounts(v.text, pair[0], pair[1]) ?? { base: pair[0], now: pair[1] };
      const span = yearSpan(v.years);
      const c: Candidate = { stated: x, from: [base, now], statedValue: num(x)!, unit: '%', per: msg('per year'), readings: [], tolerance: Math.max(tol(x), 0.5) };
      if (!span) {
        c.given = msg('{0} → {1} over a number of years the passage does not state', fmt(num(base)!), fmt(num(now)!));
        c.undecidable = msg('the period could not be read from the passage');
      } else {
        const ratio = num(now)! / num(base)!;
        c.readings.push({ value: (ratio ** (1 / span.years) - 1) * 100, expression: `(${fmt(num(now)!)}/${fmt(num(base)!)})^(1/${span.years}) − 1` });
        if (span.assumption) c.assumption = span.assumption;
      }
      out.push(c);
    }
    return out;
  },
};

/** Whether x is a compound rate (checked by `cagr`, not as a one-step rate). */
const isCagr = (v: PassageView, x: Figure) => wordBefore(v.text, x, CAGR_WORDS, CAGR_WINDOW) !== undefined;

/**
 * A relative rate between two amounts ("从200亿元增长到250亿元，增幅为25%"), or between two
 * rates ("毛利率从10%提升至13%，提升了30%"), where a % after two rates may mean points.
 */
const growth: Relation = {
  kind: 'growth',
  find(v) {
    if (v.percents.length === 0) return NONE;
    const out: Candidate[] = [];
    for (const x of v.percents) {
      if (x.unit !== '%' || isCagr(v, x)) continue;
      const sign = directionBefore(v.text, x);
      if (sign === undefined) continue;
      const rates = v.percents.filter((q) => q.end <= x.start && q.unit === '%');
      const ratePair = rates.length >= 2 ? ([rates[rates.length - 2]!, rates[rates.length - 1]!] as const) : undefined;
      const amountPair = lastComparablePair(v.levels.filter((a) => a.end <= x.start));
      // the nearer pair is the one the rate is about
      const useRates = ratePair && (!amountPair || ratePair[1].end > amountPair[1].end);
      const pair = useRates ? ratePair : amountPair;
      if (!pair || x.start - pair[1].end > 30 || !sameSentence(v.text, pair[0].end, x.start) || !num(pair[0]) || !num(pair[1])) continue;
      const ordered = orderAmounts(v.text, pair[0], pair[1]);
      const c: Candidate = { stated: x, from: [pair[0], pair[1]], statedValue: sign * num(x)!, unit: '%', readings: [], tolerance: rateTolerance(x, pair[0], pair[1]) };
      if (!ordered) {
        c.readings.push(relativeRate(pair[0], pair[1]), relativeRate(pair[1], pair[0]));
        c.open = msg('the passage does not say which amount is the earlier one, so which is the base');
      } else {
        c.from = [ordered.base, ordered.now];
        const relative = relativeRate(ordered.base, ordered.now);
        c.readings.push(relative);
        if (useRates && Math.abs(relative.value - c.statedValue) > c.tolerance) {
          // 从10%提升到13%，提升了3%: the % may stand for percentage points
          const points = pointsChange(ordered.base, ordered.now);
          const pointsTolerance = tol(x) + tol(ordered.base) + tol(ordered.now);
          if (Math.abs(points.value - c.statedValue) <= pointsTolerance) {
            c.readings.push({ ...points, unit: 'pp' });
            c.tolerance = Math.max(c.tolerance, pointsTolerance);
            c.open = msg('{0} after two rates reads as percentage points, not as a relative rate of {1}', fmt(num(x)!, '%'), fmt(relative.value, '%'));
          }
        }
      }
      out.push(c);
    }
    return out;
  },
};

/** Percentage points between two rates: "份额从18.5%下降至17.2%，减少了1.3个百分点". */
const points: Relation = {
  kind: 'points',
  find(v) {
    if (v.percents.length === 0) return NONE;
    const out: Candidate[] = [];
    for (const x of v.percents) {
      if (x.unit !== 'pp') continue;
      const sign = directionBefore(v.text, x);
      if (sign === undefined) continue;
      const rates = v.percents.filter((q) => q.end <= x.start && q.unit === '%');
      if (rates.length < 2) continue;
      const pair = [rates[rates.length - 2]!, rates[rates.length - 1]!] as const;
      if (!sameSentence(v.text, pair[0].end, x.start)) continue;
      const ordered = orderAmounts(v.text, pair[0], pair[1]);
      const c: Candidate = { stated: x, from: [pair[0], pair[1]], statedValue: sign * num(x)!, unit: 'pp', readings: [], tolerance: tol(x) + tol(pair[0]) + tol(pair[1]) };
      if (ordered) {
        c.from = [ordered.base, ordered.now];
        c.readings.push(pointsChange(ordered.base, ordered.now));
      } else {
        c.readings.push(pointsChange(pair[0], pair[1]), pointsChange(pair[1], pair[0]));
        c.open = msg('the passage does not say which amount is the earlier one, so the direction cannot be checked');
      }
      out.push(c);
    }
    return out;
  },
};

/** A stated change between two amounts: "对比上年的4698亿美元增长442亿美元". */
const differenceRelation: Relation = {
  kind: 'difference',
  find(v) {
    if (v.amounts.length === 0) return NONE;
    const out: Candidate[] = [];
    for (const x of v.amounts) {
      const sign = directionBefore(v.text, x);
      if (sign === undefined || v.levels.includes(x)) continue;
      const pair = lastComparablePair(v.levels.filter((a) => a.end <= x.start && comparable(a, x)));
      if (!pair || x.start - pair[1].end > 12 || !sameSentence(v.text, pair[0].end, x.start)) continue;
      const ordered = orderAmounts(v.text, pair[0], pair[1]);
      const c: Candidate = { stated: x, from: [pair[0], pair[1]], statedValue: sign * num(x)!, readings: [], tolerance: tol(x) + tol(pair[0]) + tol(pair[1]) };
      if (ordered) {
        c.from = [ordered.base, ordered.now];
        c.readings.push(difference(ordered.base, ordered.now));
      } else {
        c.readings.push(difference(pair[0], pair[1]), difference(pair[1], pair[0]));
        c.open = msg('the size fits, but the passage does not say which amount is the earlier one, so the direction cannot be checked');
      }
      out.push(c);
    }
    return out;
  },
};

/** A conversion into another currency: "810亿元（约合110亿美元）". */
const conversion: Relation = {
  kind: 'conversion',
  find(v) {
    if (v.amounts.length === 0) return NONE;
    const out: Candidate[] = [];
    for (const x of v.amounts) {
      // (each of the words has one of CONVERSION_FIRST: no copy of the window, no regex, where it has none)
      if (x.type !== 'money' || !hasCodeIn(v.text, Math.max(0, x.start - CONVERSION_WINDOW), x.start, CONVERSION_FIRST) || !CONVERSION_WORDS.test(v.text.slice(Math.max(0, x.start - CONVERSION_WINDOW), x.start))) continue;
      const source = [...v.amounts].reverse().find((a) => a.end <= x.start && a.type === 'money' && a.unit !== x.unit);
      if (!source || !num(source) || !num(x) || !x.unit || !source.unit) continue;
      const rate = num(source)! / num(x)!;
      const reading = { value: rate, expression: msg('{0} {1} / {2} {3}', fmt(num(source)!), currencyName(source.unit), fmt(num(x)!), currencyName(x.unit)) };
      const c: Candidate = { stated: x, from: [source], statedValue: rate, unit: 'rate', per: msg('{0} per {1}', currencyName(source.unit), currencyName(x.unit)), readings: [reading], tolerance: 0 };
      const range = RATES[`${x.unit}>${source.unit}`];
      if (range) c.accept = [Number.parseFloat((range[0] * 0.97).toPrecision(3)), Number.parseFloat((range[1] * 1.03).toPrecision(3))];
      else {
        c.undecidable = msg('Gloss has no reference rate between {0} and {1}', currencyName(x.unit), currencyName(source.unit));
        c.statedText = msg('no reference rate to compare with');
      }
      out.push(c);
    }
    return out;
  },
};

/** What a relation that finds nothing gives (read only). */
const NONE: Candidate[] = [];
/** How far before a stated figure (UTF-16 units) each relation's word is read (the arithmetic gate reads the same). */
export const CONVERSION_WINDOW = 4;
export const SHARE_WINDOW = 12;
export const REST_WINDOW = 6;
/** The words of a share (占全年收入的30%), before its stated percentage. */
export const SHARE_WORD_LIST = ['占', '佔'];
/** The words of a conversion, before its stated amount (mayRelate reads them as words too). */
export const CONVERSION_WORD_LIST = ['约合', '約合', '折合', '相当于', '相當於'];
const CONVERSION_WORDS = new RegExp(CONVERSION_WORD_LIST.join('|'));
/** A character of each of CONVERSION_WORDS. */
export const CONVERSION_FIRST = codesOf('约約折相');
/** The words of what is left of a whole (mayRelate reads them as words too). */
export const REST_WORD_LIST = ['其余', '其他', '剩余', '剩下', '余下'];
const REST_WORDS = new RegExp(`(${REST_WORD_LIST.join('|')})(的|部分|为|是|则为|约)?$`);
/** A character of each of the words of REST_WORDS. */
export const REST_FIRST = codesOf('其剩余');

function codesOf(chars: string): Uint8Array {
  const t = new Uint8Array(0x10000);
  for (let k = 0; k < chars.length; k++) t[chars.charCodeAt(k)] = 1;
  return t;
}

/** Whether text[from, to) has a code of `table`. */
export function hasCodeIn(text: string, from: number, to: number, table: Uint8Array): boolean {
  for (let i = from; i < to; i++) if (table[text.charCodeAt(i)] === 1) return true;
  return false;
}

/**
 * Where each of LIST_WORDS stands in `text`, the last text asked about remembered: the
 * passage of every sentence of a paragraph is the whole paragraph, searched once, not once per
 * sentence with two figures.
 */
const LIST_WORDS = /分别为|分别是|分别达|分别占/g;
let listText: string | undefined;
let listAts: readonly number[] = [];
export function listWordsIn(text: string): readonly number[] {
  if (text !== listText) {
    const found: number[] = [];
    LIST_WORDS.lastIndex = 0;
    for (let m = LIST_WORDS.exec(text); m; m = LIST_WORDS.exec(text)) found.push(m.index);
    listAts = found;
    listText = text;
  }
  return listAts;
}

const TOTAL_WORDS = /合计|总计|共计|总额|总共|总数|总收入|总营收|总规模|总和|共有|全年/;

/** Parts adding up to a whole: "合计320亿元，其中A、B、C分别为150亿、100亿和70亿". */
const sum: Relation = {
  kind: 'sum',
  find(v) {
    const lists = listWordsIn(v.text);
    if (lists.length === 0) return NONE;
    return sumsAt(v, lists, true);
  },
};

/**
 * The sums of the lists at `lists` (ascending). `indexed`: each list reads its sentence, clause
 * and parts by binary search in a ListIndex (listIndex.ts), where they are in order; without it,
 * or with figures out of order, it walks to them (exported for the unit test that compares the two).
 */
export function sumsAt(v: PassageView, lists: readonly number[], indexed: boolean): Candidate[] {
  const out: Candidate[] = [];
  // every list of the passage, each with the parts after its own 分别 (a paragraph often lists
  // twice); indexed, only those that the passage's figures may follow
  const [from, to] = indexed ? listsNear(lists, v.figures) : [0, lists.length];
  if (from === to) return out;
  const index = indexed ? listIndexOf(v.text, v.figures) : undefined;
  const ordered = index?.sorted ? index : undefined;
  for (let k = from; k < to; k++) {
    const c = sumAt(v, lists[k]!, lists[k - 1] ?? -1, lists[k + 1] ?? v.text.length, ordered);
    if (c) out.push(c);
  }
  return out;
}

/** The sum of the list whose 分别 stands at `listAt`, its parts before `next` (the next list's 分别). */
function sumAt(v: PassageView, listAt: number, previous: number, next: number, index: ListIndex | undefined): Candidate | undefined {
  // the parts stand within 60 after the list word: a passage of a paragraph with a list
  // elsewhere (every sentence of it with two figures) has fewer than two there, and no list made
  const figures = v.figures;
  const from = index ? firstFigureFrom(figures, listAt + 1) : 0;
  const to = index ? firstFigureFrom(figures, Math.min(next, listAt + 60)) : figures.length;
  if (index ? to - from < 2 : !twoAfter(figures, listAt, next)) return undefined;
  // (a total after the list, 分别为150亿元和100亿元，合计260亿元, is no part of it)
  const parts: Figure[] = [];
  for (let k = from; k < to; k++) {
    const f = figures[k]!;
    if (f.start > listAt && f.start < next && f.start - listAt < 60 && num(f) !== undefined &&
      (f.type === 'money' || f.type === 'count' || f.type === 'number' || f.type === 'percent') && !isTotal(v, f)) parts.push(f);
  }
  if (parts.length < 2 || namesPeriods(v, listAt, index)) return undefined;
  const total = totalOf(v, parts, listAt, previous, next, index);
  const shares = parts.every((f) => f.unit === '%') && !total;
  if (!total && !(shares && v.text.startsWith('分别占', listAt))) return undefined;
  const value = parts.reduce((acc, f) => acc + num(f)!, 0);
  const unit = shares ? '%' : undefined;
  const reading = { value, expression: parts.map((f) => fmt(num(f)!, unit)).join(' + ') };
  const tolerance = parts.reduce((acc, f) => acc + tol(f), 0) + (total ? tol(total) : 0.5);
  if (!total) {
    return {
      stated: parts[parts.length - 1]!, from: parts, statedValue: 100, unit, readings: [reading], tolerance,
      accept: [0, 100 + tolerance], statedText: msg('shares of one whole, at most 100%'),
    };
  }
  const c: Candidate = { stated: total, from: parts, statedValue: num(total)!, unit, readings: [reading], tolerance };
  // (其中 between the total and its list, or just before a list that the total follows)
  const lead = total.start < listAt ? total.end : Math.max(0, listAt - 20);
  if (value < num(total)! - tolerance && /其中|包括|包含/.test(v.text.slice(lead, listAt))) {
    // 其中 lists may name only some of the parts: then they only have to fit inside the whole
    c.accept = [0, num(total)! + tolerance];
    c.statedText = msg('stated total {0}, of which these may be only some', fmt(num(total)!));
    c.open = msg('the parts listed (其中) may be only some of the whole');
  }
  return c;
}

/** Whether two of the figures start after `listAt`, before `next` and within 60 of it (where sumAt's parts may stand). */
export function twoAfter(figures: readonly Figure[], listAt: number, next: number): boolean {
  let n = 0;
  for (let k = 0; k < figures.length; k++) {
    const start = figures[k]!.start;
    if (start > listAt && start < next && start - listAt < 60 && ++n === 2) return true;
  }
  return false;
}

/** Whether a word of totals (合计, 总计…) stands just before f. */
function isTotal(v: PassageView, f: Figure): boolean {
  return TOTAL_WORDS.test(v.text.slice(Math.max(0, f.start - 8), f.start));
}

/**
 * The total a list adds up to: a figure after 合计, 总计… comparable with its parts, the nearest
 * before the list with no other list between them (合计320亿元，其中…分别为), else one after it
 * in its sentence (…分别为…，合计320亿元). A sentence of two lists (营收分别为…，利润分别为…，营收合计…)
 * does not say which one a total belongs to: only its first list takes a total, one standing
 * before it in the sentence.
 */
function totalOf(v: PassageView, parts: readonly Figure[], listAt: number, previous: number, next: number, index: ListIndex | undefined): Figure | undefined {
  const [start, end] = sentenceAround(v.text, listAt, index);
  const alone = previous < start && next >= end;
  let before: Figure | undefined;
  let after: Figure | undefined;
  const total = (f: Figure) => !parts.includes(f) && isTotal(v, f) && comparable(f, parts[0]!);
  if (index) {
    // the last total between the two lists, and the first in the sentence after the list: the
    // figures between two lists are read by one list only, and those after it only by the list alone in its sentence
    const figures = v.figures;
    for (let k = firstFigureFrom(figures, listAt) - 1; k >= 0 && figures[k]!.start > previous && !before; k--) if (total(figures[k]!)) before = figures[k];
    if (alone) for (let k = firstFigureFrom(figures, listAt + 1); k < figures.length && figures[k]!.start < end && !after; k++) if (total(figures[k]!)) after = figures[k];
  } else {
    for (const f of v.figures) {
      if (!total(f)) continue;
      if (f.start < listAt && f.start > previous) before = f;
      else if (f.start > listAt && f.start < end && alone && !after) after = f;
    }
  }
  if (!alone) return before && before.start >= start && previous < start ? before : undefined;
  return before ?? after;
}

/** Whether the items a list goes through are years or periods (2022年和2023年分别为…): a series, not parts of a whole. */
function namesPeriods(v: PassageView, listAt: number, index: ListIndex | undefined): boolean {
  const [start] = sentenceAround(v.text, listAt, index);
  const clause = Math.max(start, lastCommaBefore(v.text, listAt, index) + 1);
  if (index) return index.minDateEndFrom[firstFigureFrom(v.figures, clause)]! <= listAt;
  return v.figures.some((f) => f.type === 'date' && f.start >= clause && f.end <= listAt);
}

/** Amounts before f in the passage that f is a part of: the nearest larger comparable one. */
function wholeBefore(v: PassageView, part: Figure): Figure | undefined {
  return [...v.levels].reverse().find((w) => w.end <= part.start && w !== part && comparable(w, part) && Math.abs(num(w)!) > Math.abs(num(part)!));
}

/** A share of a stated whole: "全年收入800亿元，其中广告收入240亿元，占总收入的30%". */
const share: Relation = {
  kind: 'share',
  find(v) {
    if (v.percents.length === 0) return NONE;
    const out: Candidate[] = [];
    for (const x of v.percents) {
      if (x.unit !== '%') continue;
      const before = v.text.slice(Math.max(0, x.start - SHARE_WINDOW), x.start);
      let at = -1;
      for (const w of SHARE_WORD_LIST) at = Math.max(at, before.lastIndexOf(w));
      if (at < 0 || SENTENCE_OR_CLAUSE.test(before.slice(at))) continue;
      const zhan = x.start - before.length + at;
      // 占全年收入800亿元的30%: the whole is named after 占; otherwise the part comes before 占 and the whole before it
      const inside = v.levels.find((a) => a.start > zhan && a.end <= x.start);
      const part = [...v.levels].reverse().find((a) => a.end <= zhan && (!inside || comparable(a, inside)));
      if (!part || !sameSentence(v.text, part.end, zhan)) continue;
      const whole = inside ?? wholeBefore(v, part);
      if (!whole || !num(whole) || !sameSentence(v.text, whole.end, part.start) && !/其中/.test(v.text.slice(whole.end, part.start))) continue;
      const value = (num(part)! / num(whole)!) * 100;
      const c: Candidate = {
        stated: x, from: [part, whole], statedValue: num(x)!, unit: '%',
        readings: [{ value, expression: `${fmt(num(part)!)} / ${fmt(num(whole)!)}` }],
        tolerance: tol(x) + 100 * (tol(part) / Math.abs(num(whole)!) + (Math.abs(num(part)!) * tol(whole)) / num(whole)! ** 2),
      };
      const named = inside !== undefined || /其中/.test(v.text.slice(whole.end, part.start)) || /总|全/.test(v.text.slice(zhan, x.start)) ||
        TOTAL_WORDS.test(v.text.slice(Math.max(0, whole.start - 8), whole.start));
      if (!named) c.open = msg('the whole is taken to be {0}, the larger amount named before the part', fmt(num(whole)!));
      out.push(c);
    }
    return out;
  },
};
const SENTENCE_OR_CLAUSE = /[。！？!?；;]/;

/** What is left of a whole: "总额100亿元，其中A 60亿元、B 25亿元，其余15亿元" (also in per cent of 100%). */
const remainder: Relation = {
  kind: 'remainder',
  find(v) {
    if (v.amounts.length === 0 && v.percents.length === 0) return NONE;
    const out: Candidate[] = [];
    // the amounts, then the rates (no list of both)
    for (let i = 0, n = v.amounts.length + v.percents.length; i < n; i++) {
      const x = i < v.amounts.length ? v.amounts[i]! : v.percents[i - v.amounts.length]!;
      // (each of the words has one of REST_FIRST: no copy of the window, no regex, where it has none)
      if (!hasCodeIn(v.text, Math.max(0, x.start - REST_WINDOW), x.start, REST_FIRST) || !REST_WORDS.test(v.text.slice(Math.max(0, x.start - REST_WINDOW), x.start))) continue;
      const percent = x.type === 'percent';
      if (percent && x.unit !== '%') continue;
      const like = (f: Figure) => (percent ? f.type === 'percent' && f.unit === '%' : comparable(f, x));
      const candidates = (percent ? v.percents : v.levels).filter((f) => f.end <= x.start && f !== x && like(f));
      // the whole: a total named before the parts, or 100% for shares
      const whole = percent ? candidates.find((f) => TOTAL_WORDS.test(v.text.slice(Math.max(0, f.start - 8), f.start))) : candidates[0];
      const parts = candidates.filter((f) => f !== whole && (!whole || f.start > whole.start));
      if (parts.length === 0 || (!percent && !whole)) continue;
      const wholeValue = whole ? num(whole)! : 100;
      const unit = percent ? '%' : undefined;
      const value = wholeValue - parts.reduce((acc, f) => acc + num(f)!, 0);
      const c: Candidate = {
        stated: x, from: whole ? [whole, ...parts] : parts, statedValue: num(x)!, unit,
        readings: [{ value, expression: `${fmt(wholeValue, unit)} − ${parts.map((f) => fmt(num(f)!, unit)).join(' − ')}` }],
        tolerance: tol(x) + parts.reduce((acc, f) => acc + tol(f), 0) + (whole ? tol(whole) : 0),
      };
      const listed = /其中|包括|分别/.test(v.text.slice(whole ? whole.end : 0, x.start));
      if (!listed) c.open = msg('the whole is taken to be {0}, and the parts {1}', whole ? fmt(wholeValue, unit) : '100%', parts.map((f) => fmt(num(f)!, unit)).join(', '));
      out.push(c);
    }
    return out;
  },
};

export const RELATIONS: readonly Relation[] = [cagr, growth, points, differenceRelation, conversion, sum, share, remainder];
