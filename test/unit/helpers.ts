/**
 * Helpers for the unit tests:
 *
 * - `scaled(ms)`: a time limit scaled by GLOSS_TIMEOUT_SCALE (default 1; .ci/run sets 3).
 * - `runInChild(script, ms)`: runs `script` (CommonJS; `load(path)` requires a compiled module
 *   given relative to out/src, e.g. load('core/figures/detect')) in a child Node process and
 *   returns what it printed. The child is killed after scaled(ms) and the test fails with
 *   "timed out": that is how "does not hang" tests work, never by mocha's timeout, which a
 *   hang inside the test's own process could not even interrupt. Give the test a mocha
 *   timeout above the child's limit: `this.timeout(childTimeout(ms))`.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const scratchDirs: string[] = [];
process.on('exit', () => {
  for (const d of scratchDirs) rmSync(d, { recursive: true, force: true });
});

/** A new folder under the system's temp folder, removed when the test process exits. */
export function scratchDir(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  scratchDirs.push(d);
  return d;
}

export function timeoutScale(): number {
  const raw = process.env.GLOSS_TIMEOUT_SCALE;
  if (raw === undefined || raw === '') return 1;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 1) throw new Error(`GLOSS_TIMEOUT_SCALE must be a number ≥ 1, not ${JSON.stringify(raw)}`);
  return n;
}

export function scaled(ms: number): number {
  return Math.round(ms * timeoutScale());
}

/** A mocha timeout for a test that runs one child with limit `ms`: above it, with a margin. */
export function childTimeout(ms: number): number {
  return scaled(ms + 5_000);
}

/** out/src, where the compiled core lives (this file runs from out/test/unit). */
const OUT_SRC = join(__dirname, '../../src');

/** `nodeArgs`: options for the child's Node before the script (--allow-natives-syntax, to ask V8 about an object's map). */
export function runInChild(script: string, ms: number, nodeArgs: readonly string[] = []): string {
  const limit = scaled(ms);
  const prelude = `const load = (p) => require(${JSON.stringify(OUT_SRC)} + '/' + p);\n`;
  const started = Date.now();
  const run = spawnSync(process.execPath, [...nodeArgs, '-e', prelude + script], { timeout: limit, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error && (run.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') {
    assert.fail(`timed out: the child did not finish within ${limit} ms`);
  }
  assert.equal(run.error, undefined, String(run.error));
  assert.equal(run.status, 0, `the child failed after ${Date.now() - started} ms:\n${run.stderr}`);
  return run.stdout;
}
