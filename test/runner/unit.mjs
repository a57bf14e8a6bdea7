// Unit tier: plain mocha over the compiled core tests, no VS Code. Skipped tests fail the
// run unless test/runner/skips.mjs allows them (see there). GLOSS_TEST_GREP filters by title.
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './codeServer.mjs';
import { applySkips } from './skips.mjs';
import { scaled } from './waiting.mjs';

export async function runUnit({ log = console.log } = {}) {
  const dir = join(root, 'out/test/unit');
  const mocha = new Mocha({ ui: 'bdd', timeout: scaled(20_000), reporter: 'spec' });
  if (process.env.GLOSS_TEST_GREP) mocha.grep(process.env.GLOSS_TEST_GREP);
  for (const f of readdirSync(dir).sort()) if (f.endsWith('.test.js')) mocha.addFile(join(dir, f));
  const failures = [];
  const skipped = [];
  let passed = 0;
  await new Promise((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', () => passed++);
    runner.on('pending', (t) => skipped.push(t.fullTitle()));
    runner.on('fail', (t, err) => failures.push({ title: t.fullTitle(), error: err.stack ?? String(err) }));
  });
  return applySkips('unit', { passed, failed: failures.length, failures, skipped }, log);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await runUnit();
  console.log(`${r.passed} passed, ${r.failed} failed`);
  process.exitCode = r.failed ? 1 : 0;
}
