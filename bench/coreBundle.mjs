// The core as the bench scripts load it, built in one place: src/core bundled to CommonJS under
// .bench/ (with the built-in lexicon compiled in), and the tagger's model from this checkout.
import * as esbuild from 'esbuild';
import { lexiconDefine } from '../scripts/lexicon-define.mjs';
import { execSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const shared = process.env.GLOSS_SHARED ?? resolve(root, '../shared');
export const work = join(root, '.bench');
const require = createRequire(import.meta.url);

/**
 * Bundles the core of `from` (this checkout, or an extracted older tree for an A/B) into
 * .bench/NAME.cjs and loads it. `keepNames` keeps function names for the profiler.
 */
export async function loadCore(name, { from = root, keepNames = false } = {}) {
  mkdirSync(work, { recursive: true });
  const outfile = join(work, `${name}.cjs`);
  await esbuild.build({
    entryPoints: [join(from, 'src/core/index.ts')], bundle: true, platform: 'node', format: 'cjs', define: lexiconDefine(),
    outfile, logLevel: 'warning', mainFields: ['main', 'module'], keepNames, nodePaths: [join(root, 'node_modules')],
  });
  const core = require(outfile);
  // GLOSS_NER_MODEL=dist/ner.json: the model as the extension reads it, from its snapshot (dist/ner.bin)
  core.setNerModelPath(resolve(root, process.env.GLOSS_NER_MODEL ?? 'src/core/entities/model/ner.json'));
  return core;
}

/** The core as of git `ref` (its src/ extracted under .bench/NAME-base), loaded as loadCore does: the A side of an A/B. */
export async function loadCoreAt(ref, name) {
  const base = join(work, `${name}-base`);
  rmSync(base, { recursive: true, force: true });
  mkdirSync(base, { recursive: true });
  execSync(`git archive ${ref} src | tar -x -C ${base}`, { cwd: root });
  return loadCore(name, { from: base });
}

/**
 * CPU time of the process while `fn` runs, in ms: what a machine shared with other jobs skews
 * least. It counts every thread of the process, V8's collector and compiler threads beside the
 * main one (Node 20 has no per-thread figure), so work they do in the background counts too.
 */
export function cpuMs(fn) {
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

export const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
