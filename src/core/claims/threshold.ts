/**
 * The check-worthiness threshold: a claim scoring below it is neither marked nor queued.
 * The setting `gloss.claims.minCheckWorthiness` overrides it; the CLI takes
 * `--min-check-worthiness`. Everything that needs the default reads it from here, so that
 * calibrating the score changes one number.
 *
 * Provisional: chosen on the seed articles so that every sentence stating an amount of money
 * or a percentage is kept; it is to be replaced by the value measured on labelled sentences.
 */
export const DEFAULT_MIN_CHECK_WORTHINESS = 0.4;

/** A threshold from a setting or an option: a number in [0, 1], or the default. */
export function checkWorthinessThreshold(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1 ? value : DEFAULT_MIN_CHECK_WORTHINESS;
}
