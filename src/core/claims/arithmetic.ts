/**
 * Arithmetic checks of stated figures. Each relation (difference, growth rate, percentage
 * points, compound annual rate, currency conversion, parts of a whole, share, remainder) is
 * one `Relation` object that finds its candidates in a passage: the stated figure, what it
 * can be computed from, and how. One judging function decides every verdict from the same
 * numbers it prints in the working, so a verdict can never contradict its working:
 * - holds: the computed value lies within the tolerance that the rounding of the figures
 *   allows, and that tolerance is at most half the stated value (otherwise the figures are
 *   too coarse to say anything, and the check is ambiguous);
 * - does not hold: it lies outside;
 * - ambiguous: the passage leaves the reading open (which amount is the base, what the
 *   whole is), and at least one reading fits; the assumption says what is open.
 */
import type { Figure } from '../figures/types';
import { msg, renderMessage, type Message, type MessageArg } from '../text/message';
import { fmtArg, viewOf, type Passage, type PassageView } from './passage';
import { CONVERSION_WINDOW, CONVERSION_WORD_LIST, listWordsIn, REST_WINDOW, REST_WORD_LIST, RELATIONS, SHARE_WINDOW, SHARE_WORD_LIST, twoAfter } from './relations';
import { CAGR_WINDOW, CAGR_WORDS, CHANGE_WINDOW, DECLINE_WORDS, GROWTH_WORDS } from './passage';
import { listsNear } from './listIndex';

export type { Passage } from './passage';
export { roundingTolerance } from './passage';

export type CheckKind = 'difference' | 'growth' | 'points' | 'cagr' | 'conversion' | 'sum' | 'share' | 'remainder';
export type CheckVerdict = 'holds' | 'does not hold' | 'ambiguous';

export interface ArithmeticCheck {
  kind: CheckKind;
  verdict: CheckVerdict;
  /** The working in English, e.g. "(3600亿/1880亿)^(1/2) − 1 = 38.4% per year, stated 18%; rounding allows ±0.5%". */
  working: string;
  /** The same working as a message, for a UI in another language. */
  workingMessage: Message;
  /** The figure whose value was recomputed. */
  stated: Figure;
  /** The figures it was computed from. */
  from: Figure[];
  /** What was assumed or left open, in English, and as a message. */
  assumption?: string;
  assumptionMessage?: Message;
}

/** One way of computing the stated figure from the others. */
export interface Reading {
  value: number;
  /** The unit this reading is printed in, where it differs from the candidate's (percentage points read from a %). */
  unit?: string;
  /** How it was computed, as the working prints it: "(801亿 − 622亿) / 622亿" (a message where it names a currency). */
  expression: MessageArg;
}

/** A stated figure, as a relation finds it, with everything the judge needs. */
export interface Candidate {
  stated: Figure;
  from: Figure[];
  /** The stated value, signed as the text states it (−25 for 下降25%). */
  statedValue: number;
  /** The unit the values are printed in: '%', 'pp', or none for amounts. */
  unit?: string;
  /** What the working says instead of "stated X" (a conversion states an amount, not a rate). */
  statedText?: Message;
  /** What follows the computed value: "per year", "CNY per USD". */
  per?: Message;
  /** One reading when the passage fixes the order; more when it does not. */
  readings: Reading[];
  /** How far the computed value may be from the stated one, from the rounding of all the figures involved. */
  tolerance: number;
  /** An interval the computed value must fall in instead of stated ± tolerance (a plausible exchange rate). */
  accept?: [number, number];
  /** Why the passage leaves the reading open: the verdict is at most ambiguous, and no check is made when nothing fits. */
  open?: Message;
  /** Why no verdict can be given at all (no reference rate, no period): always ambiguous, with this assumption. */
  undecidable?: Message;
  /** What the working says before the readings when there is nothing to compute ("2000亿 → 2880亿 over an unstated number of years"). */
  given?: Message;
  /** What was assumed in an otherwise clear reading (the years of a compound rate). */
  assumption?: Message;
}

export interface Relation {
  kind: CheckKind;
  /** The candidates of this relation in a passage. */
  find(view: PassageView): Candidate[];
}

/** The verdict and working of one candidate, or undefined when an open reading fits nothing (no check is made up). */
export function judge(kind: CheckKind, c: Candidate): ArithmeticCheck | undefined {
  // (no closures: judge runs for every candidate, and a closure made per call is an object each)
  const lo = c.accept ? c.accept[0] : c.statedValue - c.tolerance;
  const hi = c.accept ? c.accept[1] : c.statedValue + c.tolerance;
  if (!c.undecidable && (c.open !== undefined || c.readings.length !== 1)) {
    // (whether any reading fits is known before a message is made: none fits, and none is made)
    let any = false;
    for (const r of c.readings) if (r.value >= lo && r.value <= hi) any = true;
    if (!any) return undefined;
  }
  const stated =
    c.statedText ??
    (c.accept ? msg('plausible {0}–{1}', c.accept[0], c.accept[1]) : c.per ? msg('stated {0} {1}', fmtArg(c.statedValue, c.unit), c.per) : msg('stated {0}', fmtArg(c.statedValue, c.unit)));
  if (c.undecidable) {
    const parts: MessageArg[] = c.given ? [c.given] : [];
    for (const r of c.readings) parts.push(shown(c, r));
    return checkOf(kind, c, 'ambiguous', msg('{0}, {1}', parts, stated), c.undecidable);
  }
  if (c.open !== undefined || c.readings.length !== 1) {
    const shownAll: MessageArg[] = [];
    for (const r of c.readings) shownAll.push(shown(c, r));
    return checkOf(kind, c, 'ambiguous', msg('{0}; {1}', shownAll, stated), c.open ?? msg('the passage leaves the reading open'));
  }
  const r = c.readings[0]!;
  if (!(r.value >= lo && r.value <= hi)) return checkOf(kind, c, 'does not hold', working(c, r, stated, true));
  const exact = Math.abs(r.value - c.statedValue) <= 1e-9 * Math.max(1, Math.abs(c.statedValue));
  // a fit that only the rounding of the figures allows, when that rounding is as large as half the stated value, says nothing
  if (!c.accept && !exact && c.tolerance > Math.abs(c.statedValue) / 2) {
    return checkOf(kind, c, 'ambiguous', working(c, r, stated, true), msg('the figures are rounded too coarsely to check the stated one'));
  }
  return checkOf(kind, c, 'holds', working(c, r, stated, !exact));
}

/** A reading as the working shows it: its expression, its value, and what the value is per. */
function shown(c: Candidate, r: Reading): Message {
  const value = fmtArg(r.value, r.unit ?? c.unit);
  return c.per ? msg('{0} = {1} {2}', r.expression, value, c.per) : msg('{0} = {1}', r.expression, value);
}

/** The working of a single reading, with the tolerance the rounding allows where asked (and no plausible interval stands in for it). */
function working(c: Candidate, r: Reading, stated: Message, withTolerance: boolean): Message {
  return withTolerance && !c.accept ? msg('{0}, {1}; rounding allows ±{2}', shown(c, r), stated, fmtArg(c.tolerance, c.unit)) : msg('{0}, {1}', shown(c, r), stated);
}

function checkOf(kind: CheckKind, c: Candidate, verdict: CheckVerdict, working: Message, assumption?: Message): ArithmeticCheck {
  const check: ArithmeticCheck = { kind, verdict, working: renderMessage(working), workingMessage: working, stated: c.stated, from: c.from };
  const assumed = assumption ?? c.assumption;
  if (assumed) {
    check.assumption = renderMessage(assumed);
    check.assumptionMessage = assumed;
  }
  return check;
}

/**
 * Every relation is read off a word wholly inside a window before its stated figure (a compound
 * rate's word within 10 UTF-16 units, a change's within 6, a conversion's within 4, 占 within 12,
 * 其余 within 6), or off a list word (分别为) anywhere in the passage. Where no salient figure has
 * one of those words in its window and the passage lists nothing, no relation finds a candidate,
 * and the view (and every relation's reading of it) is not made (exported for its unit test).
 * The words, not their first characters, are read: 年, 上, 其 and 同 stand before most figures
 * of an article (2023年, 上半年), and only one passage in ten of those let through by a first
 * character had a candidate.
 */
export function mayRelate(p: Passage): boolean {
  const text = p.text;
  for (const f of p.figures) if (f.salient && hasRelationWordBefore(text, f.start)) return true;
  return listWordsIn(text).length > 0;
}

/** Which list a relation word is of, by bit (what relationWordsBefore answers). */
const WORD_CAGR = 1;
const WORD_CHANGE = 2;
const WORD_CONVERSION = 4;
const WORD_SHARE = 8;
const WORD_REST = 16;
/** The words each relation is read off, with the window before the stated figure they must lie in: the constants relations.ts and passage.ts read them with. */
const RELATION_WORDS: ReadonlyArray<readonly [readonly string[], number, number]> = [
  [CAGR_WORDS, CAGR_WINDOW, WORD_CAGR], [GROWTH_WORDS, CHANGE_WINDOW, WORD_CHANGE], [DECLINE_WORDS, CHANGE_WINDOW, WORD_CHANGE],
  [CONVERSION_WORD_LIST, CONVERSION_WINDOW, WORD_CONVERSION], [SHARE_WORD_LIST, SHARE_WINDOW, WORD_SHARE], [REST_WORD_LIST, REST_WINDOW, WORD_REST],
];
const WORD_WINDOW = 12;
/**
 * The relation words by their first UTF-16 code, each with its window, its list and its second
 * code (-1 for a word of one, read before a startsWith: 年 stands before most figures, and most of
 * the words that start with it fail on the next): RELATION_GROUP[c] is the number of the group of
 * words that start with c plus one (0: none), a table's entry where a Map was looked up.
 */
interface RelationWord {
  word: string;
  window: number;
  list: number;
  second: number;
}
const RELATION_GROUP = new Uint8Array(0x10000);
const RELATION_GROUPS: RelationWord[][] = [];
for (const [words, window, list] of RELATION_WORDS) {
  if (window > WORD_WINDOW) throw new Error('arithmetic.ts: a relation word window wider than WORD_WINDOW');
  for (const word of words) {
    const c = word.charCodeAt(0);
    if (RELATION_GROUP[c] === 0) {
      RELATION_GROUPS.push([]);
      if (RELATION_GROUPS.length > 255) throw new Error('arithmetic.ts: more first characters of relation words than a byte holds');
      RELATION_GROUP[c] = RELATION_GROUPS.length;
    }
    RELATION_GROUPS[RELATION_GROUP[c]! - 1]!.push({ word, window, list, second: word.length > 1 ? word.charCodeAt(1) : -1 });
  }
}

/** The lists (WORD_* bits) of the relation words that lie wholly inside their window before `at`. */
function relationWordsBefore(text: string, at: number): number {
  let lists = 0;
  for (let i = at - 1, from = Math.max(0, at - WORD_WINDOW); i >= from; i--) {
    const n = RELATION_GROUP[text.charCodeAt(i)]!;
    if (n === 0) continue;
    const group = RELATION_GROUPS[n - 1]!;
    const next = i + 1 < text.length ? text.charCodeAt(i + 1) : -1;
    for (let g = 0; g < group.length; g++) {
      const w = group[g]!;
      if ((w.second === -1 || w.second === next) && i >= at - w.window && i + w.word.length <= at && text.startsWith(w.word, i)) lists |= w.list;
    }
  }
  return lists;
}

/** Whether a relation word lies wholly inside its window before `at` (text[at - window, at)). */
function hasRelationWordBefore(text: string, at: number): boolean {
  for (let i = at - 1, from = Math.max(0, at - WORD_WINDOW); i >= from; i--) {
    const n = RELATION_GROUP[text.charCodeAt(i)]!;
    if (n === 0) continue;
    const group = RELATION_GROUPS[n - 1]!;
    for (let g = 0; g < group.length; g++) {
      const { word, window } = group[g]!;
      if (i >= at - window && i + word.length <= at && text.startsWith(word, i)) return true;
    }
  }
  return false;
}

function hasTwoSalient(figures: readonly Figure[]): boolean {
  let n = 0;
  for (const f of figures) if (f.salient && ++n >= 2) return true;
  return false;
}

/** The most figures a passage may hold for its arithmetic to be read (the seeds' sentences hold at most a dozen). */
export const MAX_PASSAGE_FIGURES = 100;

/**
 * Finds and checks the arithmetic relations a passage states. A passage is a sentence, or
 * a sentence with the one before it when the relation reaches back. With `from`, at least the
 * checks that state a figure starting at or after it (the claims stage keeps only those of a
 * reach back): the relations that can state none of those are not read.
 */
export function checkArithmetic(p: Passage, from = 0): ArithmeticCheck[] {
  // every relation computes a stated figure from at least one other; a passage of more figures
  // than any sentence states is a table or a paste, and the relations, which pair each figure
  // with those before it, would take seconds on it (a line of 16,000 rates took 4 s)
  if (!hasTwoSalient(p.figures) || p.figures.length > MAX_PASSAGE_FIGURES) return [];
  const relations = relationsFor(p, from);
  return relations === 0 ? [] : checkEvery(p, relations);
}

/** checkArithmetic without the test of mayRelate, with the relations of `relations` only (exported for the unit test that compares the two). */
export function checkEvery(p: Passage, relations = ALL_RELATIONS): ArithmeticCheck[] {
  const view = viewOf(p);
  const out: ArithmeticCheck[] = [];
  for (const relation of RELATIONS) {
    if ((relations & RELATION_BIT[relation.kind]) === 0) continue;
    for (const c of relation.find(view)) {
      const check = judge(relation.kind, c);
      if (check) out.push(check);
    }
  }
  return out;
}

/** Each relation's bit in what relationsFor answers. */
export const RELATION_BIT: Readonly<Record<CheckKind, number>> = { cagr: 1, growth: 2, points: 4, difference: 8, conversion: 16, sum: 32, share: 64, remainder: 128 };
const ALL_RELATIONS = 255;

/**
 * The relations that may find a candidate in a passage, as bits of RELATION_BIT: each relation
 * reads its stated figure, of a type of its own, off a word of its own in its window (cagr,
 * growth and points a rate, difference and conversion an amount, share a rate after 占,
 * remainder either after 其余), and computes it from at least two figures before it (a rate or
 * an amount, each: growth, points, difference and cagr) or from a list (sum). Where no salient
 * figure is such a stated figure, the relation finds nothing, and is not asked (exported for
 * its unit test). mayRelate reads the words whatever the figure's type: most passages it lets
 * through state a change of a rate with nothing before it to compute the change from. With
 * `from`, only the figures that start at or after it are read as stated ones (sum's lists aside).
 */
export function relationsFor(p: Passage, from = 0): number {
  const text = p.text;
  const figures = p.figures;
  let relations = mayList(text, figures) ? RELATION_BIT.sum : 0;
  // (a relation states the figure it is read off: one that reads none from `from` on states none there)
  for (const x of figures) if (x.start >= from) relations |= relationsStating(text, figures, x, true);
  return relations;
}

/**
 * The relations (bits of RELATION_BIT, sum aside) that may state `x`, a figure of the passage of
 * `figures` in `text`: relationsFor's reading of one figure. Without `pair`, whether two figures
 * stand before x to compute it from is not asked (the answer may have more bits, never fewer).
 */
function relationsStating(text: string, figures: readonly Figure[], x: Figure, pair: boolean): number {
  if (x.salient !== true) return 0;
  const rate = x.type === 'percent' && typeof x.value === 'number';
  const amount = !rate && isAmountFigure(x);
  if (!rate && !amount) return 0;
  const words = relationWordsBefore(text, x.start);
  if (words === 0) return 0;
  let relations = 0;
  if (words & WORD_REST) relations |= RELATION_BIT.remainder;
  if (rate) {
    if (words & WORD_SHARE && x.unit === '%') relations |= RELATION_BIT.share;
    const change = (words & WORD_CHANGE) !== 0 && (x.unit === '%' || x.unit === 'pp');
    if ((change || words & WORD_CAGR) && (!pair || twoBefore(figures, x))) {
      if (words & WORD_CAGR) relations |= RELATION_BIT.cagr;
      if (change) relations |= x.unit === '%' ? RELATION_BIT.growth : RELATION_BIT.points;
    }
  } else {
    if (words & WORD_CONVERSION && x.type === 'money') relations |= RELATION_BIT.conversion;
    if (words & WORD_CHANGE && (!pair || twoBefore(figures, x))) relations |= RELATION_BIT.difference;
  }
  return relations;
}

/**
 * Whether a relation of a passage in `text` may state one of `stated` (figures of the passage):
 * false only where none of them is a figure that relationsFor lets a relation state and `text`
 * lists nothing. The claims stage reads a unit's relations again with the unit before it only
 * for the checks that state a figure of the unit; where this says none can, that reading (a
 * list of the two units' figures, their relations and every view) is not made (exported for
 * its unit test).
 */
export function mayStateAny(text: string, stated: readonly Figure[]): boolean {
  if (listWordsIn(text).length > 0) return true;
  for (const x of stated) if (relationsStating(text, stated, x, false) !== 0) return true;
  return false;
}

/**
 * Whether a list (分别为…) of the passage has two salient figures within its reach, before the
 * next list: where none has, sum's every list is turned away before its parts are read (sumAt).
 * A passage of a paragraph with a list is the paragraph: the list is most often in another of
 * its sentences.
 */
function mayList(text: string, figures: readonly Figure[]): boolean {
  const lists = listWordsIn(text);
  if (lists.length === 0) return false;
  const salient = figures.filter((f) => f.salient === true);
  // (only the lists the figures may follow: a unit asks about every list of its paragraph)
  const [from, to] = listsNear(lists, salient);
  for (let k = from; k < to; k++) if (twoAfter(salient, lists[k]!, lists[k + 1] ?? text.length)) return true;
  return false;
}

/** viewOf's amounts: money, counts, numbers and quantities with a value. */
function isAmountFigure(f: Figure): boolean {
  return (f.type === 'money' || f.type === 'count' || f.type === 'number' || f.type === 'quantity') && typeof f.value === 'number';
}

/**
 * Whether two salient figures end at or before `x` starts that a relation may compute it from: a
 * rate in per cent or an amount (growth's two rates or two levels, points' two rates,
 * difference's and cagr's two levels).
 */
function twoBefore(figures: readonly Figure[], x: Figure): boolean {
  let n = 0;
  for (const f of figures) {
    if (f.salient !== true || f.end > x.start) continue;
    if ((f.type === 'percent' && typeof f.value === 'number' && f.unit === '%') || isAmountFigure(f)) {
      if (++n === 2) return true;
    }
  }
  return false;
}
