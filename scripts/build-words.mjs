// Builds src/core/entities/model/words.txt, the word dictionary behind the tagger's lattice
// features (src/core/entities/wordLattice.ts), from jieba's dictionary (MIT licence; the
// copy in @node-rs/jieba, installed on demand into .bench/peers). Each line:
// word<TAB>category, with p = person (jieba nr, nrfg, nrt), o = organisation (nt),
// l = place (ns), w = any other word; words of 2 to 8 characters, in the Simplified,
// lower-cased view the tagger reads. Usage: node scripts/build-words.mjs [--min-freq N]
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadJieba } from '../bench/peers.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const minFreq = Number(opt('--min-freq', '0'));
const categories = (opt('--categories', 'p,o,l,w')).split(',');
const work = join(root, '.bench');
mkdirSync(work, { recursive: true });
loadJieba(work);
await esbuild.build({
  entryPoints: [join(root, 'src/core/index.ts')], bundle: true, platform: 'node', format: 'cjs',
  outfile: join(work, 'words-core.cjs'), logLevel: 'warning',
});
const core = createRequire(import.meta.url)(join(work, 'words-core.cjs'));
const source = join(work, 'peers/node_modules/@node-rs/jieba/dict.txt');
const TAGS = { nr: 'p', nrfg: 'p', nrt: 'p', nt: 'o', ns: 'l' };
const best = new Map();
for (const line of readFileSync(source, 'utf8').split('\n')) {
  const [word, freq, tag] = line.trim().split(' ');
  if (!word || !tag) continue;
  const category = TAGS[tag] ?? 'w';
  if (!categories.includes(category)) continue;
  if (category === 'w' && Number(freq) < minFreq) continue;
  const form = core.toSimplifiedView(word).text.toLowerCase();
  const length = [...form].length;
  if (length < 2 || length > 8 || /\s/.test(form)) continue;
  const key = `${form}\t${category}`;
  best.set(key, true);
}
const lines = [...best.keys()].sort();
const out = opt('--out', join(root, 'src/core/entities/model/words.txt'));
writeFileSync(out, lines.join('\n') + '\n');
console.log(`[words] wrote ${out}: ${lines.length} words from ${source}`);
