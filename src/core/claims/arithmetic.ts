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
import { CONVERSION_WINDOW, CONVERSION_WORD_LIST, listWordsIn, REST_WINDOW, REST_WORD_LIST, RELATIONS, SHARE_WINDOW, SHARE_WORD_LIST } from './relations';
import { CAGR_WINDOW, CAGR_WORDS, CHANGE_WINDOW, DECLINE_WORDS, GROWTH_WORDS } from './passage';

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
  const out = (verdict: CheckVerdict, working: Message, assumption?: Message): ArithmeticCheck => {
    const check: ArithmeticCheck = { kind, verdict, working: renderMessage(working), workingMessage: working, stated: c.stated, from: c.from };
    const assumed = assumption ?? c.assumption;
    if (assumed) {
      check.assumption = renderMessage(assumed);
      check.assumptionMessage = assumed;
    }
    return check;
  };
  const v = (n: number) => fmtArg(n, c.unit);
  const stated =
    c.statedText ??
    (c.accept ? msg('plausible {0}–{1}', c.accept[0], c.accept[1]) : c.per ? msg('stated {0} {1}', v(c.statedValue), c.per) : msg('stated {0}', v(c.statedValue)));
  const shown = (r: Reading) => {
    const value = fmtArg(r.value, r.unit ?? c.unit);
    return c.per ? msg('{0} = {1} {2}', r.expression, value, c.per) : msg('{0} = {1}', r.expression, value);
  };
  if (c.undecidable) return out('ambiguous', msg('{0}, {1}', [...(c.given ? [c.given] : []), ...c.readings.map(shown)], stated), c.undecidable);
  const [lo, hi] = c.accept ?? [c.statedValue - c.tolerance, c.statedValue + c.tolerance];
  const fits = (r: Reading) => r.value >= lo && r.value <= hi;
  if (c.open !== undefined || c.readings.length !== 1) {
    if (!c.readings.some(fits)) return undefined;
    return out('ambiguous', msg('{0}; {1}', c.readings.map(shown), stated), c.open ?? msg('the passage leaves the reading open'));
  }
  const r = c.readings[0]!;
  const working = (withTolerance: boolean) =>
    withTolerance && !c.accept ? msg('{0}, {1}; rounding allows ±{2}', shown(r), stated, v(c.tolerance)) : msg('{0}, {1}', shown(r), stated);
  if (!fits(r)) return out('does not hold', working(true));
  const exact = Math.abs(r.value - c.statedValue) <= 1e-9 * Math.max(1, Math.abs(c.statedValue));
  // a fit that only the rounding of the figures allows, when that rounding is as large as half the stated value, says nothing
  if (!c.accept && !exact && c.tolerance > Math.abs(c.statedValue) / 2) {
    return out('ambiguous', working(true), msg('the figures are rounded too coarsely to check the stated one'));
  }
  return out('holds', working(!exact));
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

/** The words each relation is read off, with the window before the stated figure they must lie in: the constants relations.ts and passage.ts read them with. */
const RELATION_WORDS: ReadonlyArray<readonly [readonly string[], number]> = [
  [CAGR_WORDS, CAGR_WINDOW], [GROWTH_WORDS, CHANGE_WINDOW], [DECLINE_WORDS, CHANGE_WINDOW], [CONVERSION_WORD_LIST, CONVERSION_WINDOW], [SHARE_WORD_LIST, SHARE_WINDOW], [REST_WORD_LIST, REST_WINDOW],
];
const WORD_WINDOW = 12;
/** The relation words by their first UTF-16 code (RELATION_FIRST[c]: some word starts with c), each with its window. */
const RELATION_FIRST = new Uint8Array(0x10000);
const RELATION_BY_FIRST = new Map<number, Array<{ word: string; window: number }>>();
for (const [words, window] of RELATION_WORDS) {
  if (window > WORD_WINDOW) throw new Error('arithmetic.ts: a relation word window wider than WORD_WINDOW');
  for (const word of words) {
    const c = word.charCodeAt(0);
    RELATION_FIRST[c] = 1;
    const group = RELATION_BY_FIRST.get(c) ?? [];
    group.push({ word, window });
    RELATION_BY_FIRST.set(c, group);
  }
}

/** Whether a relation word lies wholly inside its window before `at` (text[at - window, at)). */
function hasRelationWordBefore(text: string, at: number): boolean {
  for (let i = at - 1, from = Math.max(0, at - WORD_WINDOW); i >= from; i--) {
    const c = text.charCodeAt(i);
    if (RELATION_FIRST[c] === 0) continue;
    const group = RELATION_BY_FIRST.get(c)!;
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

/**
 * Finds and checks the arithmetic relations a passage states. A passage is a sentence, or
 * a sentence with the one before it when the relation reaches back.
 */
export function checkArithmetic(p: Passage): ArithmeticCheck[] {
  // every relation computes a stated figure from at least one other
  if (!hasTwoSalient(p.figures) || !mayRelate(p)) return [];
  return checkEvery(p);
}

/** checkArithmetic without the test of mayRelate (exported for the unit test that compares the two). */
export function checkEvery(p: Passage): ArithmeticCheck[] {
  const view = viewOf(p);
  const out: ArithmeticCheck[] = [];
  for (const relation of RELATIONS) {
    for (const c of relation.find(view)) {
      const check = judge(relation.kind, c);
      if (check) out.push(check);
    }
  }
  return out;
}
