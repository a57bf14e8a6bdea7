// "Any one test runs alone": picks a sample of the integration tests that passed in the full
// run and runs each one alone, in a fresh VS Code with a fresh workspace (GLOSS_TEST_GREP set
// to its exact full title). A test that leans on what an earlier test left behind fails here.
//   GLOSS_ISOLATION_SAMPLE  how many (default 3; 0 turns the step off)
//   GLOSS_ISOLATION_SEED    which ones (default: a new seed each run, printed to replay it)
import { runIntegration } from './integration.mjs';

/** A regular expression source that matches exactly `title` (mocha greps full titles). */
export function exactTitle(title) {
  return `^${title.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`;
}

/** A small seeded PRNG (mulberry32), so that a sample can be replayed. */
function rng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function sample(titles, n, seed) {
  const random = rng(seed);
  const pool = [...titles];
  const out = [];
  while (out.length < n && pool.length) out.push(pool.splice(Math.floor(random() * pool.length), 1)[0]);
  return out;
}

/** Runs each sampled test alone; returns { passed, failed, failures } with one entry per test. */
export async function runIsolation(passedTitles, { log = console.log } = {}) {
  const n = Number(process.env.GLOSS_ISOLATION_SAMPLE ?? 3);
  const seed = Number(process.env.GLOSS_ISOLATION_SEED ?? Math.floor(Math.random() * 2 ** 31));
  const results = { passed: 0, failed: 0, failures: [] };
  const picked = sample(passedTitles, n, seed);
  log(`[isolation] ${picked.length} of ${passedTitles.length} tests, each alone (GLOSS_ISOLATION_SEED=${seed})`);
  for (const title of picked) {
    const r = await runIntegration({ label: 'isolation', grep: exactTitle(title), log: () => {} });
    if (r.passed === 1 && r.failed === 0) {
      results.passed++;
      log(`  ✔ alone: ${title}`);
    } else {
      results.failed++;
      const why = r.failures.map((f) => `${f.title}\n${f.error}`).join('\n') || `${r.passed} passed, ${r.failed} failed (expected exactly this one test)`;
      results.failures.push({ title: `alone: ${title}`, error: why });
      log(`  ✖ alone: ${title}\n${why}`);
    }
  }
  return results;
}
