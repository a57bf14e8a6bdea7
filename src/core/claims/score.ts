/**
 * Check-worthiness: a logistic model over the checkability features, calibrated on
 * labelled sentences (scripts/calibrate-claims.mjs writes weights.json), so that a score
 * reads as the chance that a checker would call the sentence a claim.
 */
import model from './weights.json';
import { FEATURES, type FeatureName, type Features } from './features';

/**
 * The default of `gloss.claims.minCheckWorthiness`: a unit scoring below it is neither
 * marked nor queued. The calibration chooses it with the weights (the highest F1 on the
 * training data at a precision of at least 0.85) and the bench reports it; this constant is
 * the one place the code reads it from.
 */
export const DEFAULT_MIN_CHECK_WORTHINESS: number = (model as { threshold: number }).threshold;

/** Whether a claim is worth marking and queuing at a threshold. */
export function isCheckWorthy(claim: { score: number }, minCheckWorthiness = DEFAULT_MIN_CHECK_WORTHINESS): boolean {
  return claim.score >= minCheckWorthiness;
}

const WEIGHTS: Partial<Record<FeatureName, number>> = (model as { weights: Partial<Record<FeatureName, number>> }).weights;
const BIAS: number = (model as { bias: number }).bias;

export interface Contribution {
  feature: FeatureName;
  /** Weight times value: how far the feature moved the log-odds. */
  effect: number;
}

/** The score in [0, 1], rounded to two decimals, and what moved it most. */
/**
 * The features with a weight, in FEATURES order: one without a weight adds nothing to the
 * log-odds and makes no contribution (a unit has at most this many contributions).
 */
const WEIGHTED: readonly FeatureName[] = FEATURES.filter((name) => (WEIGHTS[name] ?? 0) !== 0);

export function checkWorthiness(features: Features): { score: number; contributions: Contribution[] } {
  const list = new Contributions();
  const score = scoreInto(features, list);
  const contributions: Contribution[] = [];
  for (let k = 0; k < list.length; k++) contributions.push({ feature: list.feature[k]!, effect: list.effect[k]! });
  return { score, contributions };
}

/**
 * A unit's contributions, strongest first, as two lists of `length` entries: the claims stage
 * reuses one for every unit (it reads them at once), where a list of objects and the result's
 * wrapper were made per unit and dropped (8% of what the stage allocated).
 */
export class Contributions {
  readonly feature: FeatureName[] = new Array<FeatureName>(WEIGHTED.length).fill(WEIGHTED[0]!);
  /** Each feature's place in FEATURES (what the reasons are looked up by: an index, not a name). */
  readonly place = new Int32Array(WEIGHTED.length);
  readonly effect = new Float64Array(WEIGHTED.length);
  length = 0;
  /**
   * The log-odds summed so far, in FEATURES order (scoreInto's z): kept here, where weigh adds to
   * it, and not passed to weigh and returned, each a double boxed as a new heap number at every call.
   */
  readonly sum = new Float64Array(1);
}

/** Each feature's weight by its place in FEATURES (0 for those without one). */
const WEIGHT_AT = Float64Array.from(FEATURES, (name) => WEIGHTS[name] ?? 0);

/**
 * checkWorthiness into `out`: the score, and its contributions strongest first (as
 * sortByStrength orders them: by |effect|, ties in FEATURES order).
 *
 * Each feature is read by its own name, in FEATURES order (the order the log-odds are summed
 * in), and weighed only where it is not 0: a unit has some 6 features that are not, of 35, and
 * a loop over all of them through a list of values and a list of places cost some 30
 * instructions a feature (two typed arrays read, each with its checks), 1,800 a unit.
 */
export function scoreInto(f: Features, out: Contributions): number {
  out.length = 0;
  const sum = out.sum;
  sum[0] = BIAS;
  if (f.figure !== 0) weigh(out, 0, f.figure);
  if (f.figures !== 0) weigh(out, 1, f.figures);
  if (f.smallNumber !== 0) weigh(out, 2, f.smallNumber);
  if (f.date !== 0) weigh(out, 3, f.date);
  if (f.entity !== 0) weigh(out, 4, f.entity);
  if (f.entities !== 0) weigh(out, 5, f.entities);
  if (f.sourceNamed !== 0) weigh(out, 6, f.sourceNamed);
  if (f.sourceAnonymous !== 0) weigh(out, 7, f.sourceAnonymous);
  if (f.sourceDocument !== 0) weigh(out, 8, f.sourceDocument);
  if (f.sourceFromContext !== 0) weigh(out, 9, f.sourceFromContext);
  if (f.reported !== 0) weigh(out, 10, f.reported);
  if (f.vagueHolder !== 0) weigh(out, 11, f.vagueHolder);
  if (f.speechWithoutSource !== 0) weigh(out, 12, f.speechWithoutSource);
  if (f.quote !== 0) weigh(out, 13, f.quote);
  if (f.pureQuoteWithoutSource !== 0) weigh(out, 14, f.pureQuoteWithoutSource);
  if (f.event !== 0) weigh(out, 15, f.event);
  if (f.state !== 0) weigh(out, 16, f.state);
  if (f.forecast !== 0) weigh(out, 17, f.forecast);
  if (f.superlative !== 0) weigh(out, 18, f.superlative);
  if (f.hedge !== 0) weigh(out, 19, f.hedge);
  if (f.unattributedView !== 0) weigh(out, 20, f.unattributedView);
  if (f.editorial !== 0) weigh(out, 21, f.editorial);
  if (f.evaluative !== 0) weigh(out, 22, f.evaluative);
  if (f.figurative !== 0) weigh(out, 23, f.figurative);
  if (f.transition !== 0) weigh(out, 24, f.transition);
  if (f.question !== 0) weigh(out, 25, f.question);
  if (f.note !== 0) weigh(out, 26, f.note);
  if (f.firstPerson !== 0) weigh(out, 27, f.firstPerson);
  if (f.normative !== 0) weigh(out, 28, f.normative);
  if (f.conditional !== 0) weigh(out, 29, f.conditional);
  if (f.opensWithThis !== 0) weigh(out, 30, f.opensWithThis);
  if (f.short !== 0) weigh(out, 31, f.short);
  if (f.long !== 0) weigh(out, 32, f.long);
  if (f.trailingEllipsis !== 0) weigh(out, 33, f.trailingEllipsis);
  if (f.unanchoredEvent !== 0) weigh(out, 34, f.unanchoredEvent);
  const z = sum[0]!;
  const score = 1 / (1 + Math.exp(-z));
  return Math.round(score * 100) / 100;
}
if (FEATURES.length !== 35 || FEATURES[0] !== 'figure' || FEATURES[15] !== 'event' || FEATURES[34] !== 'unanchoredEvent') {
  throw new Error('score.ts: scoreInto reads the features at their places in FEATURES (a feature was added or moved)');
}

/**
 * Adds the effect of the feature at `place` with the value `value` (not 0) to out.sum, the effect
 * noted in `out` in its place by strength (as sortByStrength after the loop: an entry moves past
 * weaker ones only). A feature without a weight adds nothing and makes no contribution.
 */
function weigh(out: Contributions, place: number, value: number): void {
  const weight = WEIGHT_AT[place]!;
  if (weight === 0) return;
  const effect = weight * value;
  if (effect !== 0) {
    const { feature, place: places, effect: effects } = out;
    const size = Math.abs(effect);
    let j = out.length++;
    for (; j > 0 && Math.abs(effects[j - 1]!) < size; j--) {
      effects[j] = effects[j - 1]!;
      feature[j] = feature[j - 1]!;
      places[j] = places[j - 1]!;
    }
    effects[j] = effect;
    feature[j] = FEATURES[place]!;
    places[j] = place;
  }
  out.sum[0] = out.sum[0]! + effect;
}

/**
 * Sorts contributions by the size of their effect, largest first, ties in their order (as the
 * stable Array.prototype.sort with |y| − |x|): by insertion, in place. A unit has a handful of
 * contributions, and the built-in sort copied them into a work array for each (7% of what the
 * claims stage allocated).
 */
export function sortByStrength(list: Contribution[]): void {
  for (let i = 1; i < list.length; i++) {
    const x = list[i]!;
    const size = Math.abs(x.effect);
    let j = i;
    for (; j > 0 && Math.abs(list[j - 1]!.effect) < size; j--) list[j] = list[j - 1]!;
    list[j] = x;
  }
}
