// Unit tier: plain mocha over the compiled core tests, no VS Code.
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './codeServer.mjs';

export async function runUnit() {
  const dir = join(root, 'out/test/unit');
  const mocha = new Mocha({ ui: 'bdd', timeout: 20_000, reporter: 'spec' });
  for (const f of readdirSync(dir).sort()) if (f.endsWith('.test.js')) mocha.addFile(join(dir, f));
  const failures = [];
  let passed = 0;
  await new Promise((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', () => passed++);
    runner.on('fail', (t, err) => failures.push({ title: t.fullTitle(), error: err.stack ?? String(err) }));
  });
  return { passed, failed: failures.length, failures };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await runUnit();
  console.log(`${r.passed} passed, ${r.failed} failed`);
  process.exitCode = r.failed ? 1 : 0;
}
