// Skipped means failed. Every tier reports the tests mocha marked pending (it.skip, this.skip(),
// a test without a body) and the runner fails the run on each one, unless it is listed here
// with the reason it may be skipped; the reason is printed with every run.
//
// An entry: { tier: 'unit' | 'integration' | 'packaged', title: <full title, or a RegExp>, reason }.
export const ALLOWED_SKIPS = [];

/**
 * Splits `skipped` (full titles) of one tier into those the allow-list permits and those it
 * does not. Returns { allowed: [{ title, reason }], unexpected: [title] }.
 */
export function judgeSkips(tier, skipped, allowList = ALLOWED_SKIPS) {
  const allowed = [];
  const unexpected = [];
  for (const title of skipped) {
    const entry = allowList.find((e) => e.tier === tier && (e.title instanceof RegExp ? e.title.test(title) : e.title === title));
    if (entry) allowed.push({ title, reason: entry.reason });
    else unexpected.push(title);
  }
  return { allowed, unexpected };
}

/**
 * Folds a tier's skipped tests into its results: an unexpected skip becomes a failure, an
 * allowed one is printed with its reason. Returns the results with `skipped` and `allowedSkips`.
 */
export function applySkips(tier, results, log = console.log) {
  const skipped = results.skipped ?? [];
  const { allowed, unexpected } = judgeSkips(tier, skipped);
  for (const a of allowed) log(`  - skipped (allowed): ${a.title}\n      reason: ${a.reason}`);
  const failures = [
    ...results.failures,
    ...unexpected.map((title) => ({
      title: `${title} (skipped)`,
      error: `skipped without a reason: a skipped test fails the run unless test/runner/skips.mjs allows it with a reason`,
    })),
  ];
  if (skipped.length) log(`${tier}: ${skipped.length} skipped (${allowed.length} allowed, ${unexpected.length} counted as failed)`);
  return { ...results, failed: failures.length, failures, skipped, allowedSkips: allowed };
}
