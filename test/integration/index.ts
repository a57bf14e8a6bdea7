/**
 * Entry point that VS Code's extension host calls (`extensionTestsPath`): the same contract
 * for code-server (test/runner/integration.mjs) and @vscode/test-electron. It runs every
 * compiled suite next to this file and writes the results where the runner waits for them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import type { GlossApi } from '../../src/extension/extension';
import { DEFAULT_TEST_TIMEOUT_MS, EXTENSION_ID, scaled } from './helpers';

interface Failure {
  title: string;
  error: string;
}

export function run(): Promise<void> {
  return runSuitesIn(__dirname);
}

/** Runs every `*.test.js` in `dir` and reports to the file named by GLOSS_TEST_RESULTS. */
export async function runSuitesIn(dir: string): Promise<void> {
  // a test that waits longer than four default waits sets its own limit (helpers.timeoutFor)
  const mocha = new Mocha({ ui: 'bdd', timeout: scaled(DEFAULT_TEST_TIMEOUT_MS), color: false });
  // GLOSS_TEST_GREP runs only the tests whose full title matches, for debugging one suite
  if (process.env.GLOSS_TEST_GREP) mocha.grep(process.env.GLOSS_TEST_GREP);
  for (const f of fs.readdirSync(dir).sort()) if (f.endsWith('.test.js')) mocha.addFile(path.join(dir, f));
  const lines: string[] = [];
  const failures: Failure[] = [];
  /** Full titles of tests mocha marked pending: the runner fails the run on them unless allowed. */
  const skipped: string[] = [];
  /** Full titles of the tests that passed, from which the runner picks some to run alone. */
  const passedTitles: string[] = [];
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
      passedTitles.push(t.fullTitle());
      lines[lines.length - 1] = `${'  '.repeat(depth(t.parent!) + 1)}✔ ${t.title}`;
      partial();
    });
    runner.on('pending', (t: Mocha.Test) => {
      skipped.push(t.fullTitle());
      if (lines[lines.length - 1]?.endsWith(`… ${t.title}`)) lines.pop();
      lines.push(`${'  '.repeat(depth(t.parent!) + 1)}- ${t.title} (skipped)`);
      partial();
    });
    runner.on('fail', (t: Mocha.Test, err: Error) => {
      failures.push({ title: t.fullTitle(), error: err.stack ?? String(err) });
      if (lines[lines.length - 1]?.endsWith(`… ${t.title}`)) lines.pop();
      lines.push(`${'  '.repeat(depth(t.parent!) + 1)}✖ ${t.title}`);
      partial();
    });
  });
  recordActivation(dir);
  const out = process.env.GLOSS_TEST_RESULTS;
  const results = { passed, failed: failures.length, failures, skipped, passedTitles, spec: lines.join('\n') };
  // written whole and renamed into place: the runner, which polls for the file, never reads half of it
  if (out) {
    fs.writeFileSync(`${out}.tmp`, JSON.stringify(results, null, 2));
    fs.renameSync(`${out}.tmp`, out);
  }
  if ((failures.length || skipped.length) && !out) throw new Error(`${failures.length} integration tests failed, ${skipped.length} skipped`);
}

/**
 * Adds this VS Code's activation of Gloss to test-results/activations.jsonl: one sample per
 * VS Code started (the suite, each test run alone, the packaged extension). One activation
 * varied from 9 to 72 ms between runs of the same code; the bench prints them all, with their
 * median. The test runner empties the file when a full run starts.
 */
function recordActivation(dir: string): void {
  const ext = vscode.extensions.getExtension<GlossApi>(EXTENSION_ID);
  if (!ext?.isActive) return;
  const api = ext.exports;
  const sample = {
    when: new Date().toISOString(),
    suite: process.env.GLOSS_TEST_GREP ? `${path.basename(dir)} (one test)` : path.basename(dir),
    activationMs: api.activationMs(),
    activationCpuMs: api.activationCpuMs(),
  };
  const results = path.join(__dirname, '../../../test-results');
  fs.mkdirSync(results, { recursive: true });
  fs.appendFileSync(path.join(results, 'activations.jsonl'), `${JSON.stringify(sample)}\n`);
}

function depth(s: Mocha.Suite): number {
  let d = 0;
  for (let p = s.parent; p; p = p.parent) d++;
  return Math.max(0, d - 1);
}
