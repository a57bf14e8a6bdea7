// The built-in lexicon's stored form (src/core/entities/data/builtin.lexicon.packed.json,
// lexiconPack.ts): the lexicon as built from its YAML, which the bundles restore instead of
// building it on the first analysis. `node scripts/pack-lexicon.mjs` writes it after an edit of the
// YAML (and settles a merge conflict in it). esbuild.mjs refuses to build while it is out of date,
// so that neither a bundle nor a package ships the old lexicon, and CI fails on a stale commit.
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const PACKED_LEXICON = join(root, 'src/core/entities/data/builtin.lexicon.packed.json');

/** Whether the stored form is what the YAML builds (written when not and `write`); what it holds. */
export async function packBuiltinLexicon({ write = true } = {}) {
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
  if (before !== text && write) writeFileSync(PACKED_LEXICON, text);
  return { stale: before !== text, entries: packed.entries.length, nodes: packed.nodes.length / 3, aliases: packed.aliases.length / 4 };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const r = await packBuiltinLexicon();
  console.log(`${PACKED_LEXICON}: ${r.stale ? 'rewritten' : 'up to date'}; ${r.entries} entries, ${r.nodes} trie nodes, ${r.aliases} aliases`);
}
