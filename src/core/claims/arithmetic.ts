/**
 * Arithmetic checks of stated figures: where a passage states two amounts and the
 * difference, growth rate, percentage-point change, compound annual rate or currency
 * conversion between them, the stated number is recomputed and judged with a tolerance
 * that fits its rounding. Each check shows its working; an unclear period is said, never
 * guessed silently.
 */
import type { Figure } from '../figures/types';

export type CheckKind = 'difference' | 'growth' | 'points' | 'cagr' | 'conversion' | 'sum';
export type CheckVerdict = 'holds' | 'does not hold' | 'ambiguous';

export interface ArithmeticCheck {
  kind: CheckKind;
  verdict: CheckVerdict;
  /** The working, e.g. "(3600/1880)^(1/2) − 1 = 38.4% per year, stated 18%". */
  working: string;
  /** The figure whose value was recomputed. */
  stated: Figure;
  /** The figures it was computed from. */
  from: Figure[];
  assumption?: string;
}

const GROWTH_WORDS = ['同比增长', '同比上涨', '同比提升', '增长率为', '增长率', '增速为', '增速', '增幅为', '增幅', '增长了', '增长', '上涨', '提升', '提高', '增加了', '增加'];
const DECLINE_WORDS = ['同比下降', '同比下跌', '同比减少', '下降了', '下降', '下跌', '减少了', '减少', '降低了', '降低', '跌幅'];
const CAGR_WORDS = ['年复合增长率', '复合年增长率', '年均复合增长率', '年均增长率', '年均增速', '年均增幅', 'CAGR', '每年增长', '年增长率'];
const BASE_MARKERS = ['对比', '相比', '较', '比上年', '比去年', '比上一', '高于', '低于'];

/** Plausible exchange rates (units of `to` per unit of `from`), wide enough for the last decade. */
const RATES: Record<string, [number, number]> = {
  'USD>CNY': [6.0, 7.6], 'CNY>USD': [1 / 7.6, 1 / 6.0],
  'HKD>CNY': [0.78, 0.96], 'CNY>HKD': [1 / 0.96, 1 / 0.78],
  'EUR>CNY': [6.7, 8.6], 'CNY>EUR': [1 / 8.6, 1 / 6.7],
  'GBP>CNY': [7.8, 11.0], 'CNY>GBP': [1 / 11.0, 1 / 7.8],
  'JPY>CNY': [0.044, 0.07], 'CNY>JPY': [1 / 0.07, 1 / 0.044],
  'USD>HKD': [7.7, 7.9], 'HKD>USD': [1 / 7.9, 1 / 7.7],
};

const num = (f: Figure): number | undefined => (typeof f.value === 'number' ? f.value : undefined);

/** Half a unit in the last stated digit: 29% → 0.5, 2.47% → 0.005, 442亿 → 0.5亿. */
export function roundingTolerance(f: Figure): number {
  const digits = f.text.replace(/[^0-9.．]/g, '').replace('．', '.');
  const decimals = digits.includes('.') ? digits.length - digits.indexOf('.') - 1 : 0;
  const v = num(f) ?? 0;
  if (f.unit === '%' || f.unit === 'pp') return 0.5 * 10 ** -decimals;
  // amounts: the scale the text was written in (亿, 万) times half the last digit
  const written = Number.parseFloat(digits);
  const scale = written ? Math.abs(v / written) : 1;
  const base = 0.5 * 10 ** -decimals * scale;
  return f.approx ? base * 2 + Math.abs(v) * 0.02 : base;
}

function fmt(n: number, unit?: string): string {
  const abs = Math.abs(n);
  let s: string;
  if (unit === '%' || unit === 'pp') s = `${Number.parseFloat(n.toFixed(2))}${unit === '%' ? '%' : ' pp'}`;
  else if (abs >= 1e8) s = `${Number.parseFloat((n / 1e8).toFixed(4))}亿`;
  else if (abs >= 1e4) s = `${Number.parseFloat((n / 1e4).toFixed(4))}万`;
  else s = String(Number.parseFloat(n.toFixed(4)));
  return s;
}

/** Same kind of amount: both money in one currency, or both counts/numbers/quantities with one unit. */
function comparable(a: Figure, b: Figure): boolean {
  if (num(a) === undefined || num(b) === undefined) return false;
  if (a.type === 'money' && b.type === 'money') return a.unit === b.unit;
  // 12.03亿元 against 11.74亿: a bare number next to an amount is the same kind of amount
  if (a.type === 'money' || b.type === 'money') return (a.type === 'number' || b.type === 'number') && Math.abs(Math.log10(Math.abs(num(a)! / num(b)!) || 1)) < 1;
  const amount = (f: Figure) => f.type === 'number' || f.type === 'count' || f.type === 'quantity';
  return amount(a) && amount(b) && (a.unit === b.unit || !a.unit || !b.unit);
}

function wordBefore(text: string, f: Figure, words: readonly string[], window = 8): string | undefined {
  const before = text.slice(Math.max(0, f.start - window), f.start);
  let best: string | undefined;
  let bestAt = -1;
  for (const w of words) {
    const at = before.lastIndexOf(w);
    if (at >= 0 && (at > bestAt || (at === bestAt && w.length > (best?.length ?? 0)))) {
      best = w;
      bestAt = at;
    }
  }
  return best;
}

/**
 * Of two amounts, which is the base: "从B增长到A", "A，对比上年的B", "A较B". Undefined when
 * the text does not compare them, so that no check is made up.
 */
function orderAmounts(text: string, a: Figure, b: Figure): { base: Figure; now: Figure } | undefined {
  const between = text.slice(a.end, b.start);
  // amounts in different sentences are not compared with each other
  if (between.length > 40 || /[。！？!?；;]/.test(between)) return undefined;
  if (BASE_MARKERS.some((m) => between.includes(m)) || between.includes('上年') || between.includes('去年') || between.includes('上一季度')) return { base: b, now: a };
  const before = text.slice(Math.max(0, a.start - 4), a.start);
  if (before.includes('从') || before.includes('由') || /(增长|增|升|提升|扩大|达到|达|降|下降|减少)(到|至)|增至|升至|降至|减至|将达/.test(between)) return { base: a, now: b };
  return undefined;
}

export interface Passage {
  text: string;
  /** Figures of the passage, in order, with offsets into `text`. */
  figures: Figure[];
}

/**
 * Finds and checks the arithmetic relations a passage states. A passage is a sentence, or
 * a sentence with the one before it when the relation reaches back.
 */
export function checkArithmetic(p: Passage): ArithmeticCheck[] {
  const out: ArithmeticCheck[] = [];
  const figs = p.figures.filter((f) => f.salient);
  const amounts = figs.filter((f) => f.type === 'money' || f.type === 'count' || f.type === 'number' || f.type === 'quantity');
  // stated changes (增长442亿, 增加了1500万) are results, never inputs; 增长到2880亿 is a level
  const isDelta = (f: Figure) => {
    const w = wordBefore(p.text, f, [...GROWTH_WORDS, ...DECLINE_WORDS], 6);
    if (!w) return false;
    const gap = p.text.slice(p.text.lastIndexOf(w, f.start) + w.length, f.start);
    return gap === '' || gap === '了' || gap === '约' || gap === '近' || gap === '超';
  };
  const levels = amounts.filter((f) => !isDelta(f));
  const percents = figs.filter((f) => f.type === 'percent' && typeof f.value === 'number');
  const years = figs.filter((f) => f.type === 'date' && f.period && /^\d{4}(\/\d{4})?$/.test(f.period));

  for (const x of percents) {
    const cagr = wordBefore(p.text, x, CAGR_WORDS, 10);
    const before = levels.filter((a) => a.end <= x.start);
    if (cagr) {
      const pair = lastComparablePair(before);
      const ordered = pair && (orderAmounts(p.text, pair[0], pair[1]) ?? { base: pair[0], now: pair[1] });
      if (!ordered) continue;
      const { base, now } = ordered;
      const span = yearSpan(years, p.text, base);
      const ratio = num(now)! / num(base)!;
      if (!span) {
        out.push({
          kind: 'cagr', verdict: 'ambiguous', stated: x, from: [base, now],
          working: `${fmt(num(base)!)} → ${fmt(num(now)!)}, stated ${fmt(num(x)!, '%')} a year; the number of years is not stated`,
          assumption: 'the period could not be read from the passage',
        });
        continue;
      }
      const rate = (ratio ** (1 / span.years) - 1) * 100;
      const tol = Math.max(roundingTolerance(x), 0.5);
      out.push({
        kind: 'cagr', verdict: Math.abs(rate - num(x)!) <= tol ? 'holds' : 'does not hold', stated: x, from: [base, now],
        working: `(${fmt(num(now)!)}/${fmt(num(base)!)})^(1/${span.years}) − 1 = ${rate.toFixed(1)}% per year, stated ${fmt(num(x)!, '%')}`,
        ...(span.assumption ? { assumption: span.assumption } : {}),
      });
      continue;
    }
    const growth = wordBefore(p.text, x, GROWTH_WORDS, 6);
    const decline = wordBefore(p.text, x, DECLINE_WORDS, 6);
    if (!growth && !decline) continue;
    const sign = decline && (!growth || p.text.lastIndexOf(decline, x.start) > p.text.lastIndexOf(growth, x.start)) ? -1 : 1;
    if (x.unit === 'pp') {
      // 从18.5%降至17.2%，减少了1.3个百分点
      const pair = lastPair(percents.filter((q) => q.end <= x.start && q.unit === '%'));
      const ordered = pair && orderAmounts(p.text, pair[0], pair[1]);
      if (pair && !ordered && !/[。！？!?；;]/.test(p.text.slice(pair[0].end, x.start))) {
        const gap = Math.abs(num(pair[1])! - num(pair[0])!);
        const tol = roundingTolerance(x) + roundingTolerance(pair[0]) + roundingTolerance(pair[1]);
        if (Math.abs(gap - num(x)!) <= tol) {
          out.push({
            kind: 'points', verdict: 'ambiguous', stated: x, from: [pair[0], pair[1]],
            working: `|${fmt(num(pair[1])!, '%')} − ${fmt(num(pair[0])!, '%')}| = ${fmt(gap, 'pp')}, stated ${fmt(num(x)!, 'pp')}`,
            assumption: 'the passage does not say which share is the earlier one, so the direction cannot be checked',
          });
        }
        continue;
      }
      if (!ordered) continue;
      const { base, now } = ordered;
      const diff = num(now)! - num(base)!;
      const tol = roundingTolerance(x) + roundingTolerance(base) + roundingTolerance(now);
      out.push({
        kind: 'points', verdict: Math.abs(Math.abs(diff) - num(x)!) <= tol && Math.sign(diff || sign) === sign ? 'holds' : 'does not hold',
        stated: x, from: [base, now],
        working: `${fmt(num(now)!, '%')} − ${fmt(num(base)!, '%')} = ${fmt(diff, 'pp')}, stated ${sign < 0 ? '−' : ''}${fmt(num(x)!, 'pp')}`,
      });
      continue;
    }
    const pair = lastComparablePair(before);
    const near = pair && x.start - pair[1].end <= 30 && !/[。！？!?；;]/.test(p.text.slice(pair[0].end, x.start));
    const ordered = near ? orderAmounts(p.text, pair[0], pair[1]) : undefined;
    if (near && !ordered && num(pair[0]) && num(pair[1])) {
      const readings = [[pair[0], pair[1]], [pair[1], pair[0]]].map(([b, n]) => ((num(n!)! - num(b!)!) / num(b!)!) * 100);
      const tol = roundingTolerance(x) + (100 * (roundingTolerance(pair[0]) + roundingTolerance(pair[1]))) / Math.min(Math.abs(num(pair[0])!), Math.abs(num(pair[1])!));
      if (readings.some((r) => Math.abs(r - sign * num(x)!) <= tol)) {
        out.push({
          kind: 'growth', verdict: 'ambiguous', stated: x, from: [pair[0], pair[1]],
          working: `from ${fmt(num(pair[0])!)}: ${readings[0]!.toFixed(2)}%; from ${fmt(num(pair[1])!)}: ${readings[1]!.toFixed(2)}%; stated ${sign < 0 ? '−' : ''}${fmt(num(x)!, '%')}`,
          assumption: 'the passage does not say which amount is the base; one reading fits',
        });
      }
      continue;
    }
    if (!ordered || !num(ordered.base)) continue;
    const { base, now } = ordered;
    const rate = ((num(now)! - num(base)!) / num(base)!) * 100;
    // the amounts' own rounding moves the rate too
    const tol = roundingTolerance(x) + (100 * (roundingTolerance(now) + roundingTolerance(base))) / Math.abs(num(base)!);
    const holds = Math.abs(rate - sign * num(x)!) <= tol;
    out.push({
      kind: 'growth', verdict: holds ? 'holds' : 'does not hold', stated: x, from: [base, now],
      working: `(${fmt(num(now)!)} − ${fmt(num(base)!)}) / ${fmt(num(base)!)} = ${rate.toFixed(2)}%, stated ${sign < 0 ? '−' : ''}${fmt(num(x)!, '%')}`,
    });
  }

  // differences: "对比上年的4698亿美元增长442亿美元"
  for (const x of amounts) {
    const growth = wordBefore(p.text, x, GROWTH_WORDS, 6);
    const decline = wordBefore(p.text, x, DECLINE_WORDS, 6);
    if (!growth && !decline) continue;
    const pair = lastComparablePair(levels.filter((a) => a.end <= x.start && comparable(a, x)));
    const close = pair && x.start - pair[1].end <= 12 && !/[。！？!?；;]/.test(p.text.slice(pair[0].end, x.start));
    const ordered = close ? orderAmounts(p.text, pair[0], pair[1]) : undefined;
    if (close && !ordered) {
      const gap = Math.abs(num(pair[1])! - num(pair[0])!);
      const tol = roundingTolerance(x) + roundingTolerance(pair[0]) + roundingTolerance(pair[1]);
      if (Math.abs(gap - num(x)!) <= tol) {
        out.push({
          kind: 'difference', verdict: 'ambiguous', stated: x, from: [pair[0], pair[1]],
          working: `|${fmt(num(pair[1])!)} − ${fmt(num(pair[0])!)}| = ${fmt(gap)}, stated ${fmt(num(x)!)}`,
          assumption: 'the size fits, but the passage does not say which amount is the earlier one, so the direction cannot be checked',
        });
      }
      continue;
    }
    if (!ordered) continue;
    const { base, now } = ordered;
    const diff = num(now)! - num(base)!;
    const tol = roundingTolerance(x) + roundingTolerance(base) + roundingTolerance(now);
    const sign = decline && !growth ? -1 : 1;
    out.push({
      kind: 'difference', verdict: Math.abs(Math.abs(diff) - num(x)!) <= tol && Math.sign(diff) === sign ? 'holds' : 'does not hold',
      stated: x, from: [base, now],
      working: `${fmt(num(now)!)} − ${fmt(num(base)!)} = ${fmt(diff)}, stated ${fmt(num(x)!)}`,
    });
  }

  // conversions: "810亿元（约合110亿美元）"
  for (const x of amounts) {
    if (x.type !== 'money' || !/约合|約合|折合|相当于|相當於/.test(p.text.slice(Math.max(0, x.start - 4), x.start))) continue;
    const source = [...amounts].reverse().find((a) => a.end <= x.start && a.type === 'money' && a.unit !== x.unit);
    if (!source || !num(source) || !x.unit || !source.unit) continue;
    const range = RATES[`${x.unit}>${source.unit}`];
    if (!range) {
      out.push({
        kind: 'conversion', verdict: 'ambiguous', stated: x, from: [source],
        working: `${fmt(num(source)!)} ${source.unit} / ${fmt(num(x)!)} ${x.unit} = ${(num(source)! / num(x)!).toPrecision(4)} ${source.unit} per ${x.unit}`,
        assumption: `Gloss has no reference rate between ${x.unit} and ${source.unit}`,
      });
      continue;
    }
    const rate = num(source)! / num(x)!;
    out.push({
      kind: 'conversion', verdict: rate >= range[0] * 0.97 && rate <= range[1] * 1.03 ? 'holds' : 'does not hold', stated: x, from: [source],
      working: `${fmt(num(source)!)} ${source.unit} / ${fmt(num(x)!)} ${x.unit} = ${rate.toFixed(2)} ${source.unit} per ${x.unit}; plausible ${range[0]}–${range[1]}`,
    });
  }
  // parts adding up to a whole: "合计320亿元，其中A、B、C分别为150亿、100亿和70亿"
  const listAt = p.text.search(/分别为|分别是|分别达|分别占/);
  if (listAt >= 0) {
    const parts = figs.filter((f) => f.start > listAt && f.start - listAt < 60 && (f.type === 'money' || f.type === 'count' || f.type === 'number' || f.type === 'percent'));
    const totalWord = /合计|总计|共计|总额|总共|总数|总收入|总营收|总规模|总和|共有/;
    const total = figs.find((f) => !parts.includes(f) && totalWord.test(p.text.slice(Math.max(0, f.start - 8), f.start)) && parts.length >= 2 && comparable(f, parts[0]!));
    const shares = parts.length >= 2 && parts.every((f) => f.unit === '%') && !total;
    if (parts.length >= 2 && (total || (shares && /分别占/.test(p.text)))) {
      const sum = parts.reduce((acc, f) => acc + (num(f) ?? 0), 0);
      const whole = total ? num(total)! : 100;
      const tol = parts.reduce((acc, f) => acc + roundingTolerance(f), 0) + (total ? roundingTolerance(total) : 0.5);
      const subset = total !== undefined && sum < whole - tol && /其中|包括|包含/.test(p.text);
      out.push({
        kind: 'sum',
        verdict: subset ? 'ambiguous' : sum <= whole + tol && (total ? Math.abs(sum - whole) <= tol : true) ? 'holds' : 'does not hold',
        ...(subset ? { assumption: 'the parts listed (其中) may be only some of the whole' } : {}),
        stated: total ?? parts[parts.length - 1]!, from: parts,
        working: `${parts.map((f) => fmt(num(f)!, f.unit === '%' ? '%' : undefined)).join(' + ')} = ${fmt(sum, parts[0]!.unit === '%' ? '%' : undefined)}, stated ${total ? `total ${fmt(whole)}` : 'shares of one whole (at most 100%)'}`,
      });
    }
  }
  return out;
}

function lastPair(list: Figure[]): [Figure, Figure] | undefined {
  return list.length >= 2 ? [list[list.length - 2]!, list[list.length - 1]!] : undefined;
}

/** The last two amounts that can be compared with each other. */
function lastComparablePair(list: Figure[]): [Figure, Figure] | undefined {
  for (let j = list.length - 1; j > 0; j--) {
    for (let i = j - 1; i >= 0; i--) if (comparable(list[i]!, list[j]!)) return [list[i]!, list[j]!];
  }
  return undefined;
}

/** Years between the base and the end of a compound rate: "2021年…1880亿…2023年…3600亿", or "2022年至2024年". */
function yearSpan(years: Figure[], text: string, base: Figure): { years: number; assumption?: string } | undefined {
  const values: number[] = [];
  for (const y of years) for (const part of y.period!.split('/')) values.push(Number(part));
  const distinct = [...new Set(values)].sort((a, b) => a - b);
  if (distinct.length >= 2) {
    const span = distinct[distinct.length - 1]! - distinct[0]!;
    if (span > 0) return distinct.length > 2 ? { years: span, assumption: `from ${distinct[0]} to ${distinct[distinct.length - 1]}` } : { years: span };
  }
  void text;
  void base;
  return undefined;
}
