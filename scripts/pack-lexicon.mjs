// The built-in lexicon's stored form (src/core/entities/data/builtin.lexicon.packed.json,
// lexiconPack.ts): the lexicon as built from its YAML, which the bundles restore instead of
// building it on the first analysis. esbuild.mjs rewrites it whenever it is out of date with the
// YAML; `node scripts/pack-lexicon.mjs` does the same alone. test/unit/lexiconPack.test.ts fails
// while it is out of date (a YAML edit committed without a build).
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const PACKED_LEXICON = join(root, 'src/core/entities/data/builtin.lexicon.packed.json');

/** Writes the stored form when it differs from what the YAML builds; what it holds, and whether it was rewritten. */
export async function packBuiltinLexicon() {
  const { outputFiles } = await esbuild.build({
    stdin: { contents: "export { builtinLexiconFromYaml } from './src/core/entities/lexicon';", resolveDir: root, loader: 'ts' },
    bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'warning', mainFields: ['main', 'module'],
  });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', '__dirname', outputFiles[0].text)(module, module.exports, createRequire(import.meta.url), join(root, 'src/core/entities'));
  const packed = module.exports.builtinLexiconFromYaml().pack();
  const text = JSON.stringify(JSON.stringify(packed)) + '\n';
  let before = '';
  try {
    before = readFileSync(PACKED_LEXICON, 'utf8');
  } catch {
    // none yet
  }
  if (before !== text) writeFileSync(PACKED_LEXICON, text);
  return { rewritten: before !== text, entries: packed.entries.length, nodes: packed.nodes.length / 3, aliases: packed.aliases.length / 4 };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const r = await packBuiltinLexicon();
  console.log(`${PACKED_LEXICON}: ${r.rewritten ? 'rewritten' : 'up to date'}; ${r.entries} entries, ${r.nodes} trie nodes, ${r.aliases} aliases`);
}
