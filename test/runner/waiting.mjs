// Waiting in the runners, without fixed sleeps. Use these in test/runner/*.mjs and scripts:
//
//   scaled(ms)                    a time limit scaled by GLOSS_TIMEOUT_SCALE (default 1; .ci/run
//                                 sets 3). Write every limit as what an idle machine needs,
//                                 and pass it through scaled().
//   waitFor(probe, what, ms)      polls `probe` every POLL_MS (200 ms) until it gives a truthy
//                                 value, which it returns; throws "timed out after … waiting for
//                                 <what>" after scaled(ms). `probe` may be async; a probe that
//                                 throws counts as "not yet" and its last error is reported.
//
// test/integration/helpers.ts offers the same two functions inside the extension host.

export const POLL_MS = 200;

/** GLOSS_TIMEOUT_SCALE as a number ≥ 1 (anything else is an error, not a silent default). */
export function timeoutScale(env = process.env) {
  const raw = env.GLOSS_TIMEOUT_SCALE;
  if (raw === undefined || raw === '') return 1;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 1) throw new Error(`GLOSS_TIMEOUT_SCALE must be a number ≥ 1, not ${JSON.stringify(raw)}`);
  return n;
}

export const TIMEOUT_SCALE = timeoutScale();

/** A time limit for this machine: `ms` times GLOSS_TIMEOUT_SCALE. */
export function scaled(ms) {
  return Math.round(ms * TIMEOUT_SCALE);
}

const pause = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns a truthy value (returned), at most scaled(ms). */
export async function waitFor(probe, what, ms = 10_000) {
  const limit = scaled(ms);
  const end = Date.now() + limit;
  let lastError;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
      lastError = undefined;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() >= end) {
      const why = lastError ? ` (last error: ${lastError.message ?? lastError})` : '';
      throw new Error(`timed out after ${limit} ms waiting for ${what}${why}`);
    }
    await pause(Math.min(POLL_MS, Math.max(1, end - Date.now())));
  }
}
