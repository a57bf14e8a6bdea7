/**
 * Check-worthiness: a logistic model over the checkability features, calibrated on
 * labelled sentences (scripts/calibrate-claims.mjs writes weights.json), so that a score
 * reads as the chance that a checker would call the sentence a claim.
 */
import model from './weights.json';
import { FEATURES, featureValues, type FeatureName, type Features } from './features';

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
 * The features with a weight, in FEATURES order, and their weights: one without a weight adds
 * nothing to the log-odds and makes no contribution, so it is not read at all.
 */
const WEIGHTED: readonly FeatureName[] = FEATURES.filter((name) => (WEIGHTS[name] ?? 0) !== 0);
// (typed arrays: the score reads both for every weighted feature of every unit, and an array of
// numbers was read with the checks of its kind of elements at each read)
const WEIGHT_OF = Float64Array.from(WEIGHTED, (name) => WEIGHTS[name]!);
/** Each weighted feature's place in FEATURES order (featureValues' order). */
const PLACE_OF = Int32Array.from(WEIGHTED, (name) => FEATURES.indexOf(name));
const WEIGHTED_COUNT = WEIGHTED.length;
/** The values of the unit being scored (read at once, never kept). */
const VALUES = new Float64Array(FEATURES.length);

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
}

/**
 * checkWorthiness into `out`: the score, and its contributions strongest first (as
 * sortByStrength orders them: by |effect|, ties in FEATURES order).
 */
export function scoreInto(features: Features, out: Contributions): number {
  let z = BIAS;
  let n = 0;
  featureValues(features, VALUES);
  const { feature, place, effect: effects } = out;
  for (let k = 0; k < WEIGHTED_COUNT; k++) {
    const value = VALUES[PLACE_OF[k]!]!;
    if (value === 0) continue;
    const effect = WEIGHT_OF[k]! * value;
    if (effect !== 0) {
      // insertion by strength, as sortByStrength after the loop: an entry moves past weaker ones only
      const size = Math.abs(effect);
      let j = n++;
      for (; j > 0 && Math.abs(effects[j - 1]!) < size; j--) {
        effects[j] = effects[j - 1]!;
        feature[j] = feature[j - 1]!;
        place[j] = place[j - 1]!;
      }
      effects[j] = effect;
      feature[j] = WEIGHTED[k]!;
      place[j] = PLACE_OF[k]!;
    }
    z += effect;
  }
  out.length = n;
  const score = 1 / (1 + Math.exp(-z));
  return Math.round(score * 100) / 100;
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
