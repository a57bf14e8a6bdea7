// One named pass/fail check, as every non-mocha runner counts them (the UI runners, npm start):
// a failure is recorded with its stack and the run goes on to the next check.

/**
 * Returns `check(title, fn)`. It runs `fn` unless `grep` leaves the title out, counts the
 * outcome in `results` ({ passed, failed, failures }) and logs it. `before` runs first, inside
 * the check (so that what it throws fails the check); `onFailure(index)` runs after a failure,
 * with the failure's number, and what it throws is ignored.
 */
export function checkRunner(results, { log, grep, before, onFailure, showMessage = false }) {
  return async (title, fn) => {
    if (grep && !grep.test(title)) return;
    try {
      if (before) await before();
      await fn();
      results.passed++;
      log(`  ✔ ${title}`);
    } catch (e) {
      results.failed++;
      results.failures.push({ title, error: e.stack ?? String(e) });
      log(showMessage ? `  ✖ ${title}\n${e.message}` : `  ✖ ${title}`);
      try {
        await onFailure?.(results.failed);
      } catch {
        /* a screenshot that cannot be taken does not hide the failure itself */
      }
    }
  };
}
