// `node --expose-gc --max-semi-space-size=64 bench/claims-ab.mjs [REF] [ROUNDS]`: the claims stage alone on the 20k article's body
// paragraphs, REF's core against the working tree's, alternated in one process (inputs made by REF's core,
// both sides given the same objects); best and median of per-round wall and CPU ms, and bytes per run (min of 20
// collected runs: noisy by ±20%, a sampling heap profile is steadier). Rounds are short, so hundreds fit in seconds.
import { loadCore, loadCoreAt, shared } from './coreBundle.mjs';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import v8 from 'node:v8';
import { distinctSeedsText, flat } from './seedsText.mjs';
const [ref = 'main', roundsArg = '400'] = process.argv.slice(2);
const A = await loadCoreAt(ref, 'abc-a');
const B = await loadCore('abc-b');
const seeds = readdirSync(join(shared, 'seeds')).sort().map((f) => readFileSync(join(shared, 'seeds', f), 'utf8'));
const text = flat(distinctSeedsText(seeds, 20_000).slice(0, 20_000));
const lexicon = A.builtinLexicon();
const inputs = A.splitParagraphs(text).filter((p) => p.kind === 'body').map((p) => {
  const simplified = A.toSimplifiedView(p.text).text;
  return { text: p.text, simplified, figures: A.detectFigures(p.text), entities: A.detectEntities(p.text, lexicon, { simplified }), lexicon };
});
const cores = [A, B];
const run = (s) => { const c = cores[s]; let n = 0; for (const p of inputs) n += c.detectClaims(p).length; return n; };
for (let k = 0; k < 60; k++) { run(0); run(1); }
const R = +roundsArg;
const times = [[], []];
const cpu = [[], []];
for (let r = 0; r < R; r++) for (const s of r % 2 ? [1, 0] : [0, 1]) { const c0 = process.cpuUsage(); const t0 = performance.now(); run(s); times[s].push(performance.now() - t0); const c = process.cpuUsage(c0); cpu[s].push((c.user + c.system) / 1000); }
const med = (xs) => { const y = [...xs].sort((a, b) => a - b); return y[y.length >> 1]; };
const best = times.map((t) => Math.min(...t));
const meds = times.map(med);
const used = () => v8.getHeapStatistics().used_heap_size;
const bytes = [[], []];
if (globalThis.gc) for (let r = 0; r < 20; r++) for (const s of [0, 1]) { gc(); const h0 = used(); run(s); bytes[s].push(used() - h0); }
const kb = (xs) => (Math.min(...xs) / 1e3).toFixed(1);
const cb = cpu.map((t) => Math.min(...t)); const cm = cpu.map(med);
console.log(`  cpu: best ${cb[0].toFixed(2)} → ${cb[1].toFixed(2)} (${(cb[0] / cb[1]).toFixed(3)}×); median ${cm[0].toFixed(2)} → ${cm[1].toFixed(2)} (${(cm[0] / cm[1]).toFixed(3)}×)`);
console.log(`claims stage, 20k, ${R} rounds, ${ref} → tree: best ${best[0].toFixed(3)} → ${best[1].toFixed(3)} ms (${(best[0] / best[1]).toFixed(3)}×); median ${meds[0].toFixed(3)} → ${meds[1].toFixed(3)} ms (${(meds[0] / meds[1]).toFixed(3)}×)` + (globalThis.gc ? `; allocated ${kb(bytes[0])} → ${kb(bytes[1])} KB per run` : ''));
