// Bundles the extension and the CLI. `--production` minifies, `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { packBuiltinLexicon } from './scripts/pack-lexicon.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  minify: production,
  logLevel: 'info',
  // opencc-js ships an ESM build whose dictionaries we load lazily via require
  mainFields: ['main', 'module'],
};

// the built-in lexicon's stored form, which the bundles carry, must be what its YAML builds
if ((await packBuiltinLexicon({ write: false })).stale) {
  console.error('esbuild.mjs: src/core/entities/data/builtin.lexicon.packed.json is out of date with builtin.lexicon.yaml: run `node scripts/pack-lexicon.mjs` and commit it');
  process.exit(1);
}

const builds = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // the workspace index's worker threads (src/extension/indexWorkers.ts start it beside extension.js)
  { ...common, entryPoints: ['src/extension/indexWorker.ts'], outfile: 'dist/indexWorker.js' },
];

// the entity tagger's model and its word dictionary are read at run time, beside the bundle (src/core/entities/ner.ts)
mkdirSync('dist', { recursive: true });
copyFileSync('src/core/entities/model/ner.json', 'dist/ner.json');
copyFileSync('src/core/entities/model/words.txt', 'dist/words.txt');
// and the model as the tagger holds it in memory, which loads in milliseconds instead of a
// second before the first lens (src/core/entities/nerSnapshot.ts); made from the copies above
await writeNerSnapshot('dist/ner.json', 'dist/ner.bin');

/** Runs the core's snapshot writer (bundled in memory) on the model at `model`. */
async function writeNerSnapshot(model, out) {
  const { outputFiles } = await esbuild.build({ ...common, entryPoints: ['src/core/entities/nerModel.ts'], write: false, sourcemap: false, minify: false, logLevel: 'warning' });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', '__dirname', outputFiles[0].text)(module, module.exports, createRequire(import.meta.url), 'dist');
  const bytes = module.exports.buildNerSnapshot(model);
  if (!bytes) throw new Error(`esbuild.mjs: no model at ${model}`);
  writeFileSync(out, bytes);
}

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('[esbuild] watching for changes');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
