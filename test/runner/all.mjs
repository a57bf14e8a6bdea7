// `npm test`: every tier, then one closing line "N passed, M failed" over all of them.
//   1. type check (tsc --noEmit)            counts as one test
//   2. build (esbuild) and compile tests   counts as one test
//   3. unit tests (mocha over src/core, no VS Code)
//   4. integration tests inside VS Code 1.100.3 (code-server + Chromium)
//   5. UI checks with the mouse and keyboard (Playwright): hover, F1 → Gloss: Accept, Alt+]
//   6. the packaged .vsix installed into VS Code: activates and answers a hover
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from './codeServer.mjs';
import { runUnit } from './unit.mjs';
import { runIntegration } from './integration.mjs';

const totals = { passed: 0, failed: 0 };
const failedSteps = [];
const packagingErrors = [];

function step(name, cmd, args) {
  console.log(`\n▶ ${name}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
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
  if (r.failed) failedSteps.push(`${name}: ${r.failures.map((f) => f.title).join('; ')}`);
}

const tsc = join(root, 'node_modules/typescript/bin/tsc');
step('type check: tsc --noEmit', process.execPath, [tsc, '--noEmit', '-p', '.']);
const built =
  step('build: esbuild', process.execPath, [join(root, 'esbuild.mjs')]) &&
  step('compile tests: tsc -p test', process.execPath, [tsc, '-p', 'test/tsconfig.json']);

if (built) {
  console.log('\n▶ unit tests');
  const unit = await runUnit();
  tally('unit', unit);
  console.log(`unit: ${unit.passed} passed, ${unit.failed} failed`);

  console.log('\n▶ integration tests (VS Code)');
  const integration = await runIntegration();
  tally('integration', integration);
  console.log(`integration: ${integration.passed} passed, ${integration.failed} failed`);

  console.log('\n▶ UI checks (mouse and keyboard, Playwright)');
  const { runUi } = await import('./ui.mjs');
  const ui = await runUi();
  tally('ui', ui);
  console.log(`ui: ${ui.passed} passed, ${ui.failed} failed`);

  console.log('\n▶ packaged extension (.vsix) in VS Code');
  const { packageVsixAsync } = await import('../../scripts/package.mjs');
  let vsix;
  try {
    vsix = await packageVsixAsync({ quiet: true });
  } catch (e) {
    packagingErrors.push(e.stack ?? String(e));
    tally('package', { passed: 0, failed: 1, failures: [{ title: 'npm run package', error: String(e) }] });
  }
  if (vsix) {
    const packaged = await runIntegration({
      label: 'packaged',
      vsix,
      testsEntry: join(root, 'out/test/packaged/index.js'),
    });
    tally('packaged', packaged);
    console.log(`packaged: ${packaged.passed} passed, ${packaged.failed} failed`);
  }
}

if (failedSteps.length) console.log(`\nfailed:\n  ${failedSteps.join('\n  ')}`);
for (const e of packagingErrors) console.log(`\n${e}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exitCode = totals.failed ? 1 : 0;
