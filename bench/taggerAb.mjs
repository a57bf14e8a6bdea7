// `node bench/taggerAb.mjs [REF] [ROUNDS]`: the entity tagger alone, as of REF (default main) and as
// in the working tree, alternated in one process (issue 19). Each side is its own bundle of
// src/core/entities/ner.ts with its own model, read from src/core/entities/model/ner.json. The
// text: the 20k article of bench/ab.mjs, its paragraphs in their Simplified lower-cased view, cut
// in chunks of at most 400 characters as the entity stage cuts them. Both sides must tag the
// same spans (and find the same words across boundaries), or the script throws.
//   polluted: each chunk after 2 MB of other memory read (in an analysis the other stages evict
//     the model from the caches between chunks); the sum over chunks of each chunk's best and
//     median time, steadier on a busy machine than the time of all chunks at once.
//   warm: all chunks one after the other, best and median of the rounds; then the word lattice
//     and crosses() alone, warm.
import * as esbuild from 'esbuild';
import { execSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { cpuMs, loadCore, median, root, shared, work } from './coreBundle.mjs';
import { distinctSeedsText, flat } from './seedsText.mjs';

const require = createRequire(import.meta.url);
const [ref = 'main', count = '60'] = process.argv.slice(2);
const rounds = Number(count);

async function tagger(name, from) {
  const entry = join(work, `${name}-entry.ts`);
  writeFileSync(entry, `export { tagSpansInto, nerWordDictionary, setNerModelPath } from ${JSON.stringify(join(from, 'src/core/entities/ner'))};\n`);
  const outfile = join(work, `${name}.cjs`);
  await esbuild.build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'warning', nodePaths: [join(root, 'node_modules')] });
  const m = require(outfile);
  m.setNerModelPath(resolve(root, 'src/core/entities/model/ner.json'));
  return m;
}
mkdirSync(work, { recursive: true });
const base = join(work, 'tagger-ab-base');
rmSync(base, { recursive: true, force: true });
mkdirSync(base, { recursive: true });
execSync(`git archive ${ref} src | tar -x -C ${base}`, { cwd: root });
const sides = [await tagger('tagger-ab-a', base), await tagger('tagger-ab-b', root)];

const core = await loadCore('core');
const seeds = readdirSync(join(shared, 'seeds')).sort().map((f) => readFileSync(join(shared, 'seeds', f), 'utf8'));
const text = flat(distinctSeedsText(seeds, 20_000).slice(0, 20_000));
const paragraphs = core.splitParagraphs(text).filter((p) => !['credit', 'tagcloud', 'navigation'].includes(p.kind));
const forms = paragraphs.map((p) => core.toSimplifiedView(p.text).text.toLowerCase());
const chunks = [];
for (const form of forms) {
  for (let from = 0; from < form.length; ) {
    let to = Math.min(form.length, from + 400);
    if (to < form.length) {
      const c = form.slice(from, to);
      const cut = Math.max(c.lastIndexOf('。'), c.lastIndexOf('\n'));
      if (cut > 0) to = from + cut + 1;
    }
    chunks.push(form.slice(from, to));
    from = to;
  }
}
const outs = [{ spans: new Int32Array(96) }, { spans: new Int32Array(96) }];
const spansOf = (s, c) => outs[s].spans.subarray(0, 3 * sides[s].tagSpansInto(c, outs[s])).join();
for (const c of chunks) if (spansOf(0, c) !== spansOf(1, c)) throw new Error(`other spans on ${c.slice(0, 40)}`);
const dictionaries = sides.map((m) => m.nerWordDictionary());
const joined = forms.join('');
const crossings = (s) => {
  let found = 0;
  for (let at = 1; at < joined.length; at += 3) if (dictionaries[s].crosses(joined, at, 2, (at & 1) === 1)) found++;
  return found;
};
if (crossings(0) !== crossings(1)) throw new Error('crosses() differs');
const order = (r) => (r % 2 ? [1, 0] : [0, 1]);
const ratio = (a, b) => `${a.toFixed(3)} → ${b.toFixed(3)} ms (${(a / b).toFixed(3)}×)`;

const other = new Int32Array(1 << 19);
let sink = 0;
const per = [chunks.map(() => []), chunks.map(() => [])];
for (let r = 0; r < rounds; r++)
  for (const s of order(r))
    for (let k = 0; k < chunks.length; k++) {
      for (let q = 0; q < other.length; q += 16) sink += other[q]++;
      const t0 = performance.now();
      sides[s].tagSpansInto(chunks[k], outs[s]);
      per[s][k].push(performance.now() - t0);
    }
const sum = (s, f) => per[s].reduce((t, times) => t + f(times), 0);
console.log(`tagger, ${chunks.length} chunks, ${rounds} rounds, ${ref} → working tree`);
console.log(`  polluted: sum of bests ${ratio(sum(0, (t) => Math.min(...t)), sum(1, (t) => Math.min(...t)))}; sum of medians ${ratio(sum(0, median), sum(1, median))}`);

const codes = chunks.map((c) => Int32Array.from([...c].map((ch) => ch.codePointAt(0))));
const buffer = new Uint16Array(1024);
for (const [label, run] of [
  ['warm', (s) => { for (const c of chunks) sides[s].tagSpansInto(c, outs[s]); }],
  ['lattice', (s) => { for (const c of codes) dictionaries[s].lattice(c, c.length, buffer); }],
  ['crosses', crossings],
]) {
  const times = [[], []];
  for (let r = 0; r < rounds; r++) for (const s of order(r)) times[s].push(cpuMs(() => run(s)));
  console.log(`  ${label}: best ${ratio(Math.min(...times[0]), Math.min(...times[1]))}; median ${ratio(median(times[0]), median(times[1]))}`);
}
if (sink === 0.5) console.log(sink);
