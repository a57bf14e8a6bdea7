// Bundles the extension and the CLI. `--production` minifies, `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { lexiconDefine } from './scripts/lexicon-define.mjs';

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
  // the built-in lexicon, parsed here from its YAML and inlined as JSON (src/core/entities/builtinLexiconSource.ts)
  define: lexiconDefine(),
};

const builds = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

// the entity tagger's model and its word dictionary are read at run time, beside the bundle (src/core/entities/ner.ts)
mkdirSync('dist', { recursive: true });
copyFileSync('src/core/entities/model/ner.json', 'dist/ner.json');
copyFileSync('src/core/entities/model/words.txt', 'dist/words.txt');

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('[esbuild] watching for changes');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
