// `node bench/profile.mjs [1mb|20k|edit] [--cpu-prof-dir DIR]`: the full analysis under the V8
// sampling profiler, and the ten functions with the most self time. For the speed work
// (issue 19); the numbers are samples, not a benchmark (see run.mjs for the ratios).
import { loadCore, shared, work } from './coreBundle.mjs';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';

const core = await loadCore('core-profile', { keepNames: true });

const which = process.argv[2] ?? '1mb';
const dir = join(shared, 'seeds');
const seeds = readdirSync(dir).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
import { distinctSeedsText, flat } from './seedsText.mjs';
const seedsText = (target) => distinctSeedsText(seeds, target);
const text = flat(which === '20k' ? seedsText(20_000).slice(0, 20_000) : seedsText(1_000_000));

// warm: dictionaries, model and lexicon are loaded before the profile
new core.Analyzer().analyze(seeds.join('\n'));
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
const t0 = performance.now();
let label;
if (which === 'edit') {
  const a = new core.Analyzer();
  a.analyze(text, { document: 'edited' });
  const at = text.indexOf('。', text.length / 2);
  const edited = Array.from({ length: 10 }, (_, k) => flat(text.slice(0, at) + '，补充' + 'ABCDEFGHIJ'.slice(0, k) + text.slice(at)));
  await session.post('Profiler.stop');
  await session.post('Profiler.start');
  const t1 = performance.now();
  for (const t of edited) a.analyze(t, { document: 'edited' });
  label = `10 edits in one paragraph of a 1 MB article: ${((performance.now() - t1) / 10).toFixed(1)} ms each`;
} else if (which === '20k') {
  for (let k = 0; k < 20; k++) new core.Analyzer().analyze(text);
  label = `20 fresh analyses of a 20k article: ${((performance.now() - t0) / 20).toFixed(1)} ms each`;
} else {
  new core.Analyzer().analyze(text);
  label = `a fresh analysis of a 1 MB article (${text.length} UTF-16 units): ${(performance.now() - t0).toFixed(0)} ms`;
}
const { profile } = await session.post('Profiler.stop');
writeFileSync(join(work, `profile-${which}.cpuprofile`), JSON.stringify(profile));

// self time per function (name + location), from the samples
const self = new Map();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = new Map();
for (let k = 0; k < profile.samples.length; k++) dt.set(profile.samples[k], (dt.get(profile.samples[k]) ?? 0) + (profile.timeDeltas[k] ?? 0));
let total = 0;
for (const [id, us] of dt) {
  const n = byId.get(id);
  const f = n.callFrame;
  const key = `${f.functionName || '(anonymous)'} ${f.url ? f.url.split('/').pop() : ''}:${f.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + us);
  total += us;
}
console.log(label);
console.log('  self ms   share  function');
for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`  ${(us / 1000).toFixed(1).padStart(7)}  ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`);
