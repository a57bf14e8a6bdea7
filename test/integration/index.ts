/**
 * Entry point that VS Code's extension host calls (`extensionTestsPath`): the same contract
 * for code-server (test/runner/integration.mjs) and @vscode/test-electron. It runs every
 * compiled suite next to this file and writes the results where the runner waits for them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

interface Failure {
  title: string;
  error: string;
}

export function run(): Promise<void> {
  return runSuitesIn(__dirname);
}

/** Runs every `*.test.js` in `dir` and reports to the file named by GLOSS_TEST_RESULTS. */
export async function runSuitesIn(dir: string): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 25_000, color: false });
  // GLOSS_TEST_GREP runs only the tests whose full title matches, for debugging one suite
  if (process.env.GLOSS_TEST_GREP) mocha.grep(process.env.GLOSS_TEST_GREP);
  for (const f of fs.readdirSync(dir).sort()) if (f.endsWith('.test.js')) mocha.addFile(path.join(dir, f));
  const lines: string[] = [];
  const failures: Failure[] = [];
  let passed = 0;
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('suite', (s: Mocha.Suite) => {
      if (s.title) lines.push(`${'  '.repeat(depth(s))}${s.title}`);
    });
    // partial results after every test, so that a run that hangs still says where
    const partial = () => {
      if (process.env.GLOSS_TEST_RESULTS) fs.writeFileSync(`${process.env.GLOSS_TEST_RESULTS}.partial`, lines.join('\n'));
    };
    runner.on('test', (t: Mocha.Test) => {
      lines.push(`${'  '.repeat(depth(t.parent!) + 1)}… ${t.title}`);
      partial();
    });
    runner.on('pass', (t: Mocha.Test) => {
      passed++;
      lines[lines.length - 1] = `${'  '.repeat(depth(t.parent!) + 1)}✔ ${t.title}`;
      partial();
    });
    runner.on('fail', (t: Mocha.Test, err: Error) => {
      failures.push({ title: t.fullTitle(), error: err.stack ?? String(err) });
      if (lines[lines.length - 1]?.endsWith(`… ${t.title}`)) lines.pop();
      lines.push(`${'  '.repeat(depth(t.parent!) + 1)}✖ ${t.title}`);
      partial();
    });
  });
  const out = process.env.GLOSS_TEST_RESULTS;
  const results = { passed, failed: failures.length, failures, spec: lines.join('\n') };
  if (out) fs.writeFileSync(out, JSON.stringify(results, null, 2));
  if (failures.length && !out) throw new Error(`${failures.length} integration tests failed`);
}

function depth(s: Mocha.Suite): number {
  let d = 0;
  for (let p = s.parent; p; p = p.parent) d++;
  return Math.max(0, d - 1);
}
