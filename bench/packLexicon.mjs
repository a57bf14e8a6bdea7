// `node bench/packLexicon.mjs`: writes src/core/entities/data/builtin.lexicon.packed.json, the built-in
// lexicon as built from its YAML, stored (src/core/entities/lexiconPack.ts). Run it after editing
// data/builtin.lexicon.yaml: test/unit/lexiconPack.test.ts fails while the stored form is out of date.
import * as esbuild from 'esbuild';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { root } from './coreBundle.mjs';

const { outputFiles } = await esbuild.build({
  stdin: { contents: "export { builtinLexiconFromYaml } from './src/core/entities/lexicon';", resolveDir: root, loader: 'ts' },
  bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'warning', mainFields: ['main', 'module'],
});
const module = { exports: {} };
new Function('module', 'exports', 'require', '__dirname', outputFiles[0].text)(module, module.exports, createRequire(import.meta.url), join(root, 'src/core/entities'));
const packed = module.exports.builtinLexiconFromYaml().pack();
const out = join(root, 'src/core/entities/data/builtin.lexicon.packed.json');
writeFileSync(out, JSON.stringify(JSON.stringify(packed)) + '\n');
console.log(`${out}: ${packed.entries.length} entries, ${packed.nodes.length / 3} trie nodes, ${packed.aliases.length / 4} aliases`);
