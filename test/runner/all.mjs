// `npm test`: every tier, then one closing line "N passed, M failed" over all of them.
//   1. type check (tsc --noEmit)            counts as one test
//   2. build (esbuild) and compile tests   counts as one test each
//   3. unit tests (mocha over src/core, no VS Code)
//   4. integration tests inside VS Code 1.100.3 (code-server + Chromium)
//   5. a sample of the integration tests, each run alone (isolation.mjs)
//   6. UI checks with the mouse and keyboard (Playwright): hover, F1 → Gloss: Accept, Alt+];
//      the review queue's lenses (how far they move the text), status bar and Problems
//      and of the first ten minutes (uiWayfinding.mjs):
//      the walkthrough, breadcrumbs, Ctrl+T, Chinese
//   7. the packaged .vsix installed into VS Code: activates and answers a hover
//   8. `npm start -- FOLDER` as the README says: the workbench answers for that folder, Ctrl+C stops it
// A skipped test counts as failed unless test/runner/skips.mjs allows it (with its reason,
// printed). Every time limit scales with GLOSS_TIMEOUT_SCALE (.ci/run sets 3).
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { root, stopServersOnSignals } from './codeServer.mjs';
import { runUnit } from './unit.mjs';
import { runIntegration } from './integration.mjs';
import { runIsolation } from './isolation.mjs';
import { TIMEOUT_SCALE } from './waiting.mjs';

const totals = { passed: 0, failed: 0, skipped: 0, allowedSkips: [] };
const started = Date.now();
const timings = [];
/** Runs a tier and records how long it took; a tier that throws counts as one failure. */
async function timed(name, fn) {
  const t0 = Date.now();
  try {
    return await fn();
  } catch (e) {
    console.log(`\n✖ ${name} stopped: ${e.stack ?? e}`);
    return { passed: 0, failed: 1, failures: [{ title: `${name}: the tier stopped`, error: e.stack ?? String(e) }] };
  } finally {
    timings.push(`${name} ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  }
}
stopServersOnSignals();
console.log(`GLOSS_TIMEOUT_SCALE=${TIMEOUT_SCALE}`);
// each VS Code this run starts adds its activation of Gloss (test/integration/index.ts): this run's only
rmSync(join(root, 'test-results/activations.jsonl'), { force: true });
const failedSteps = [];
const packagingErrors = [];

function step(name, cmd, args) {
  console.log(`\n▶ ${name}`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  timings.push(`${name.split(':')[0]} ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  if (r.status === 0) totals.passed++;
  else {
    totals.failed++;
    failedSteps.push(name);
  }
  return r.status === 0;
}

function tally(name, r) {
  totals.passed += r.passed;
  totals.failed += r.failed;
  totals.skipped += r.skipped?.length ?? 0;
  totals.allowedSkips.push(...(r.allowedSkips ?? []));
  if (r.failed) failedSteps.push(`${name}: ${r.failures.map((f) => f.title).join('; ')}`);
}

const tsc = join(root, 'node_modules/typescript/bin/tsc');
step('type check: tsc --noEmit', process.execPath, [tsc, '--noEmit', '-p', '.']);
const built =
  step('build: esbuild', process.execPath, [join(root, 'esbuild.mjs')]) &&
  step('compile tests: tsc -p test', process.execPath, [tsc, '-p', 'test/tsconfig.json']);

if (built) {
  console.log('\n▶ unit tests');
  const unit = await timed('unit', () => runUnit());
  tally('unit', unit);
  console.log(`unit: ${unit.passed} passed, ${unit.failed} failed`);

  console.log('\n▶ integration tests (VS Code)');
  const integration = await timed('integration', () => runIntegration());
  tally('integration', integration);
  console.log(`integration: ${integration.passed} passed, ${integration.failed} failed`);

  console.log('\n▶ integration tests run alone (a sample)');
  const isolation = await timed('isolation', () => runIsolation(integration.passedTitles ?? []));
  tally('isolation', isolation);
  console.log(`isolation: ${isolation.passed} passed, ${isolation.failed} failed`);

  console.log('\n▶ UI checks (mouse and keyboard, Playwright)');
  const { runUi } = await import('./ui.mjs');
  const ui = await timed('ui', () => runUi());
  tally('ui', ui);
  console.log(`ui: ${ui.passed} passed, ${ui.failed} failed`);
  const { runReviewUi } = await import('./uiReview.mjs');
  const uiReview = await timed('ui: review queue', () => runReviewUi());
  tally('ui: review queue', uiReview);
  console.log(`ui (review queue): ${uiReview.passed} passed, ${uiReview.failed} failed`);

  console.log('\n▶ UI checks of the first ten minutes (walkthrough, breadcrumbs, Ctrl+T, picker, Chinese)');
  const { runWayfindingUi } = await import('./uiWayfinding.mjs');
  const wayfinding = await timed('ui-wayfinding', () => runWayfindingUi());
  tally('ui-wayfinding', wayfinding);
  console.log(`ui-wayfinding: ${wayfinding.passed} passed, ${wayfinding.failed} failed`);

  console.log('\n▶ packaged extension (.vsix) in VS Code');
  const { packageVsixAsync } = await import('../../scripts/package.mjs');
  let vsix;
  const packagingStarted = Date.now();
  try {
    vsix = await packageVsixAsync({ quiet: true });
    timings.push(`package ${((Date.now() - packagingStarted) / 1000).toFixed(0)} s`);
  } catch (e) {
    packagingErrors.push(e.stack ?? String(e));
    tally('package', { passed: 0, failed: 1, failures: [{ title: 'npm run package', error: String(e) }] });
  }
  if (vsix) {
    const packaged = await timed('packaged', () => runIntegration({
      label: 'packaged',
      vsix,
      testsEntry: join(root, 'out/test/packaged/index.js'),
    }));
    tally('packaged', packaged);
    console.log(`packaged: ${packaged.passed} passed, ${packaged.failed} failed`);
  }
}

if (built) {
  console.log('\n▶ npm start -- FOLDER');
  const { runStart } = await import('./start.mjs');
  const start = await timed('start', () => runStart());
  tally('start', start);
  for (const f of start.failures) console.log(`\n✖ ${f.title}\n${f.error}`);
  console.log(`start: ${start.passed} passed, ${start.failed} failed`);
}

if (failedSteps.length) console.log(`\nfailed:\n  ${failedSteps.join('\n  ')}`);
for (const e of packagingErrors) console.log(`\n${e}`);
for (const a of totals.allowedSkips) console.log(`skipped (allowed): ${a.title} — ${a.reason}`);
console.log(`\ntimings: ${timings.join(', ')}; total ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`skipped: ${totals.skipped} (${totals.allowedSkips.length} allowed, the rest counted as failed)`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exitCode = totals.failed ? 1 : 0;
