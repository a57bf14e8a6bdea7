// `node bench/ab.mjs [REF] [edit|index|fresh|claims] [N]`: the same work on the core as of REF (default main)
// and as in the working tree, alternated in one process (each its own bundle, caches and
// article state), in CPU time of the process (cpuMs: V8's helper threads too): an A/B that a
// machine shared with other jobs skews less than two runs apart. For the speed work (issue 19). `fresh`: a fresh Analyzer on a
// 20k, a 200k and a 1 MB article built from the seeds, N rounds (default 15, 1 MB a third of them).
// `claims`: the claims stage alone on the 20k and 200k articles' paragraphs (see below).
import { cpuMs, loadCore, loadCoreAt, median, shared, work } from './coreBundle.mjs';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { distinctSeedsText, flat } from './seedsText.mjs';

const [ref = 'main', which = 'edit', count] = process.argv.slice(2);
const A = await loadCoreAt(ref, 'ab-a');
const B = await loadCore('ab-b');
const cpu = cpuMs;
const seeds = readdirSync(join(shared, 'seeds')).sort().map((f) => readFileSync(join(shared, 'seeds', f), 'utf8'));
for (const core of [A, B]) new core.Analyzer().analyze(seeds.join('\n'));
/** Which side goes first in round r: each in turn, so that neither always runs on the other's warm caches (or its garbage). */
const sides = (r) => (r % 2 ? [1, 0] : [0, 1]);

if (which === 'edit') {
  const big = flat(distinctSeedsText(seeds, 1_000_000));
  const at = big.indexOf('。', big.length / 2);
  const n = Number(count ?? 20);
  const versions = Array.from({ length: n }, (_, k) => flat(big.slice(0, at) + '，补充' + '一二三四五六七八九十'.repeat(10).slice(0, k + 1) + big.slice(at)));
  const analyzers = [new A.Analyzer(), new B.Analyzer()];
  for (const a of analyzers) a.analyze(big, { document: 'big' });
  const times = [[], []];
  versions.forEach((v, r) => { for (const s of sides(r)) times[s].push(cpu(() => analyzers[s].analyze(v, { document: 'big' }))); });
  console.log(`typing in one paragraph of a 1 MB article, CPU ms per keystroke (${n}), ${ref} → working tree:`);
  console.log(`  best ${Math.min(...times[0]).toFixed(1)} → ${Math.min(...times[1]).toFixed(1)}; median ${median(times[0]).toFixed(1)} → ${median(times[1]).toFixed(1)} (${(median(times[0]) / median(times[1])).toFixed(2)}×)`);
} else if (which === 'fresh') {
  const n = Number(count ?? 15);
  for (const [label, size, rounds] of [['20k', 20_000, n * 4], ['200k', 200_000, n], ['1 MB', 1_000_000, Math.max(3, Math.ceil(n / 3))]]) {
    const text = flat(distinctSeedsText(seeds, size).slice(0, size));
    const times = [[], []];
    for (let r = 0; r < rounds; r++) for (const s of sides(r)) times[s].push(cpu(() => new [A, B][s].Analyzer().analyze(text)));
    console.log(`fresh analysis of a ${label} article, CPU ms (${rounds} rounds), ${ref} → working tree: best ${Math.min(...times[0]).toFixed(1)} → ${Math.min(...times[1]).toFixed(1)} (${(Math.min(...times[0]) / Math.min(...times[1])).toFixed(2)}×); median ${median(times[0]).toFixed(1)} → ${median(times[1]).toFixed(1)} (${(median(times[0]) / median(times[1])).toFixed(2)}×)`);
  }
} else if (which === 'claims') {
  // the claims stage alone: detectClaims on every body paragraph of a 20k and a 200k article, its
  // inputs (Simplified view, figures, entities) made beforehand by each side's own core, as the
  // Analyzer makes them. With `node --expose-gc --max-semi-space-size=64` also the bytes each
  // round allocates (the heap grown between two collections: no scavenge runs in between).
  const n = Number(count ?? 15);
  const heap = () => process.memoryUsage().heapUsed;
  for (const [label, size, rounds] of [['20k', 20_000, n * 2], ['200k', 200_000, Math.max(3, Math.ceil(n / 2))]]) {
    const text = flat(distinctSeedsText(seeds, size).slice(0, size));
    const inputs = [A, B].map((core) => {
      const lexicon = core.builtinLexicon();
      return core.splitParagraphs(text).filter((p) => p.kind === 'body').map((p) => {
        const simplified = core.toSimplifiedView(p.text).text;
        return { text: p.text, simplified, figures: core.detectFigures(p.text), entities: core.detectEntities(p.text, lexicon, { simplified }), lexicon };
      });
    });
    const run = (s) => { for (const p of inputs[s]) [A, B][s].detectClaims(p); };
    const times = [[], []];
    const bytes = [[], []];
    for (let r = 0; r < rounds; r++) {
      for (const s of sides(r)) {
        if (globalThis.gc) globalThis.gc();
        const h0 = heap();
        times[s].push(cpu(() => run(s)));
        if (globalThis.gc) bytes[s].push(heap() - h0);
      }
    }
    const mb = (xs) => (Math.min(...xs) / 1e6).toFixed(2);
    console.log(`claims of a ${label} article's paragraphs, CPU ms (${rounds} rounds), ${ref} → working tree: best ${Math.min(...times[0]).toFixed(2)} → ${Math.min(...times[1]).toFixed(2)} (${(Math.min(...times[0]) / Math.min(...times[1])).toFixed(2)}×); median ${median(times[0]).toFixed(2)} → ${median(times[1]).toFixed(2)} (${(median(times[0]) / median(times[1])).toFixed(2)}×)${globalThis.gc ? `; allocated ${mb(bytes[0])} → ${mb(bytes[1])} MB` : ''}`);
  }
} else {
  const dir = join(work, 'corpus-2000-1700');
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().slice(0, Number(count ?? 2000));
  const texts = files.map((f) => readFileSync(join(dir, f), 'utf8'));
  const analyzers = [new A.Analyzer(), new B.Analyzer()];
  // what indexArticle reads: every list of the article
  const touch = (a) => a.figures.length + a.entities.length + a.claims.length + a.paragraphs.length;
  const total = [0, 0];
  for (let k = 0; k < texts.length; k += 100) {
    const batch = texts.slice(k, k + 100);
    for (const s of sides(k / 100)) total[s] += cpu(() => batch.forEach((t) => touch(analyzers[s].analyze(t))));
  }
  console.log(`analyse and index ${texts.length} articles of .bench/corpus-2000-1700 in one thread, CPU ms, ${ref} → working tree: ${total[0].toFixed(0)} → ${total[1].toFixed(0)} (${(total[0] / total[1]).toFixed(2)}×)`);
}
