// `node bench/fingerprint.mjs [--quick | --hashes | --only WALK]`: a hash of the full analysis output (every paragraph
// with its figures, entities and claims) of the five seeds, a 20k and a 1 MB article built from
// them, and random edits analysed incrementally (one Analyzer, a document key) compared with a
// fresh analysis of each edited text. For speed work (issue 19): the hashes must not move, and
// every incremental result must equal the fresh one. Reads ../shared/seeds at run time only.
import { loadCore, shared, work } from './coreBundle.mjs';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { distinctSeedsText, flat } from './seedsText.mjs';

const core = await loadCore('core-fingerprint');
const quick = process.argv.includes('--quick');
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;

const dir = join(shared, 'seeds');
const names = readdirSync(dir).sort();
const seeds = names.map((f) => readFileSync(join(dir, f), 'utf8'));

/** Keys sorted, so that the order in which an object was built does not count; the values do. */
function canonical(value) {
  return JSON.stringify(value, (_k, v) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const out = {};
      for (const k of Object.keys(v).sort()) out[k] = v[k];
      return out;
    }
    return v;
  });
}
const serialise = (a) => canonical({ paragraphs: a.paragraphs, figures: a.figures, entities: a.entities, claims: a.claims });
const hash = (s) => createHash('sha256').update(s).digest('hex').slice(0, 16);
/** Also in the order the keys were written: what JSON output (gloss detect) would print. */
const raw = (a) => hash(JSON.stringify({ paragraphs: a.paragraphs, figures: a.figures, entities: a.entities, claims: a.claims }));

const texts = [
  ...names.map((n, k) => [n, seeds[k]]),
  ['20k', flat(distinctSeedsText(seeds, 20_000).slice(0, 20_000))],
  ['1mb', flat(distinctSeedsText(seeds, 1_000_000))],
];
let failed = 0;
for (const [name, text] of only === undefined ? texts : []) {
  const a = new core.Analyzer().analyze(text);
  console.log(`${name.padEnd(26)} ${hash(serialise(a))}  raw ${raw(a)}  (${a.figures.length} figures, ${a.entities.length} entities, ${a.claims.length} claims)`);
}
// the sidecar date option too (relative dates resolved against it)
if (only === undefined) {
  const a = new core.Analyzer().analyze(seeds[0], { date: '2023-05-01' });
  console.log(`${'000 with date 2023-05-01'.padEnd(26)} ${hash(serialise(a))}  raw ${raw(a)}`);
}

// random edits: a deterministic generator
let state = 12345;
const rnd = () => ((state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x80000000);
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const POOL = ['。', '，', '\n', '\n\n', '阿里云', '阿里', '张勇', '去年8月', '2022年', '增长18%', '5.45億美元', '据36氪报道，', '表示“', '”', '文|记者', '的', '补充', '𠀀', 'ABC', ' '];
function edit(text) {
  const kind = rnd();
  const at = Math.floor(rnd() * text.length);
  if (kind < 0.45) {
    let s = '';
    for (let n = 1 + Math.floor(rnd() * 3); n > 0; n--) s += pick(POOL);
    return text.slice(0, at) + s + text.slice(at);
  }
  if (kind < 0.7) return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(rnd() * 20)));
  // a whole line copied elsewhere (a repeated paragraph), or removed
  const ls = text.lastIndexOf('\n', at - 1) + 1;
  let le = text.indexOf('\n', at);
  if (le < 0) le = text.length;
  if (kind < 0.88) {
    const to = Math.floor(rnd() * text.length);
    const line = text.slice(ls, le);
    const cut = text.lastIndexOf('\n', to - 1) + 1;
    return text.slice(0, cut) + line + '\n' + text.slice(cut);
  }
  return text.slice(0, ls) + text.slice(Math.min(text.length, le + 1));
}

function walk(name, start, count, { typing = false, readEvery = 1 } = {}) {
  if ((only !== undefined && only !== name) || process.argv.includes('--hashes')) return;
  // each walk its own sequence, so that one can be rerun alone (--only NAME)
  state = [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) & 0x7fffffff, 7);
  const inc = new core.Analyzer();
  const ref = new core.Analyzer();
  let text = start;
  inc.analyze(text, { document: name });
  let mismatches = 0;
  for (let k = 0; k < count; k++) {
    if (typing) {
      // keystrokes in one paragraph, as the bench's typing case
      const at = text.indexOf('。', Math.floor(text.length / 2));
      text = flat(text.slice(0, at) + pick(['补', '充', '阿里云', '，', '一']) + text.slice(at));
    } else text = flat(edit(text));
    const analysis = inc.analyze(text, { document: name });
    // findings move to their place when read: some versions are never read
    if (k % readEvery !== readEvery - 1) continue;
    const got = serialise(analysis);
    // every 8th reference from a new Analyzer (no paragraph cache); else a cached one without a document key
    const want = serialise((k % 8 === 7 ? new core.Analyzer() : ref).analyze(text));
    if (got !== want) {
      mismatches++;
      if (mismatches <= 3) {
        let d = 0;
        while (d < got.length && got[d] === want[d]) d++;
        console.log(`  MISMATCH ${name} edit ${k}: at ${d}: got …${got.slice(Math.max(0, d - 80), d + 120)}…\n    want …${want.slice(Math.max(0, d - 80), d + 120)}…`);
      }
    }
  }
  failed += mismatches;
  console.log(`incremental ${name.padEnd(14)} ${count} edits: ${mismatches ? `${mismatches} MISMATCHES` : 'all equal to a fresh analysis'}`);
}

walk('seeds', seeds.join('\n'), quick ? 60 : 200);
walk('20k', texts[5][1], quick ? 60 : 200);
walk('002', seeds[2], quick ? 40 : 150);
walk('seeds-unread', seeds.join('\n'), quick ? 60 : 200, { readEvery: 4 });
walk('1mb-typing', texts[6][1], quick ? 4 : 10, { typing: true });
walk('1mb', texts[6][1], quick ? 4 : 12);
if (failed) {
  console.log(`FAILED: ${failed} incremental results differ from a fresh analysis`);
  process.exit(1);
}
