// Trains the character-level entity tagger shipped in src/core/entities/model/ner.json: a
// structured averaged perceptron (BIO tags, Viterbi decoding) over the features in
// src/core/entities/nerFeatures.ts. Training data: ../shared/bench/train/ (never the sets
// `npm run bench` measures on). Usage: node scripts/train-ner.mjs [--sets msra,uner,weibo,cluener]
// [--epochs 20] [--prune 4] [--seeds 7,99,42,1,2] [--repeat uner=2] [--harmonise no] [--words src/core/entities/model/words.txt | none] [--out FILE]
import * as esbuild from 'esbuild';
import { lexiconDefine } from './lexicon-define.mjs';
import { readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.GLOSS_SHARED ?? resolve(root, '../shared');
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const SETS = { msra: 'msra-train.jsonl', uner: 'uner-zh-train.jsonl', weibo: 'weibo-train.jsonl', cluener: 'cluener-train.jsonl' };
const sets = opt('--sets', 'msra,uner,weibo,cluener').split(',');
const epochs = Number(opt('--epochs', '20'));
const minCount = Number(opt('--min-count', '2'));
// features whose weights all round to at most this (of 127) are dropped: smaller tables, fewer cache misses
const prune = Number(opt('--prune', '4'));
// how many times each set's sentences are seen per epoch, e.g. "uner=2,weibo=3" (default once)
const repeat = Object.fromEntries(opt('--repeat', '').split(',').filter(Boolean).map((kv) => kv.split('=')).map(([k, v]) => [k, Number(v)]));

mkdirSync(join(root, '.bench'), { recursive: true });
await esbuild.build({
  entryPoints: [join(root, 'src/core/index.ts')], bundle: true, platform: 'node', format: 'cjs', define: lexiconDefine(),
  outfile: join(root, `.bench/train-core-${process.pid}.cjs`), logLevel: 'warning',
});
const require = createRequire(import.meta.url);
const core = require(join(root, `.bench/train-core-${process.pid}.cjs`));
rmSync(join(root, `.bench/train-core-${process.pid}.cjs`));
const { featuresAt, NER_LABELS } = core;
const L = NER_LABELS.length;
const labelIndex = new Map(NER_LABELS.map((l, i) => [l, i]));
const wordsPath = opt('--words', join(root, 'src/core/entities/model/words.txt'));
const wordsText = wordsPath === 'none' ? '' : readFileSync(wordsPath, 'utf8');
const words = wordsText ? core.WordDictionary.parse(wordsText) : undefined;
if (words) console.log(`[train] lattice features from ${wordsPath} (${words.size} words)`);

// The training sets disagree on a few conventions; Gloss follows one guideline (README,
// "Entities"), and spans written to another are rewritten to it before training. Which
// names are places comes from the word dictionary (without one, nothing is rewritten).
const placeWords = new Set();
for (const line of wordsText.split('\n')) {
  const [word, category] = line.split('\t');
  if (category === 'l') placeWords.add(word);
}
const harmoniseOn = opt('--harmonise', 'yes') !== 'no';
const GOVERNMENT = /^(.+?)(?:新|官方)?(?:人民)?政府$/;
const GENERIC_SEATS = /^(地方|中央|各省|各地|省|市|区|县|镇|乡|州|特区|联邦)$/;
const PLACE_SUFFIX = /[省市县区州镇乡旗]$/;
/** Sets that label no works: the titles they leave unlabelled are works in Gloss's guideline. */
const UNTITLED = { msra: true, uner: true, weibo: true };
const LONGEST_TITLE = 30;
/**
 * 《X》 with no span of the set's own is a work, written with its title marks as CLUENER
 * writes 2,572 of its works (and none without them): MSRA leaves 1,807 of its 2,032 titles
 * unlabelled. A title the set labels (an outlet such as 《人民日报》 as an organisation, 153 in
 * MSRA) keeps its label.
 */
function titledWorks(spans, chars) {
  const works = [];
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] !== '《') continue;
    let j = i + 1;
    while (j < chars.length && j - i <= LONGEST_TITLE && chars[j] !== '》' && chars[j] !== '《') j++;
    if (chars[j] !== '》' || j === i + 1) continue;
    if (spans.some((s) => s.start <= j && s.end > i)) continue;
    works.push({ start: i, end: j + 1, type: 'work' });
  }
  return works;
}

/**
 * CLUENER writes 323 works with one title mark (突袭黑暗雅典娜》 where the text has both):
 * the span takes the other mark where it is right beside it.
 */
function wholeTitles(spans, chars) {
  return spans.map((s) => {
    if (s.type !== 'work') return s;
    const opens = chars[s.start] === '《';
    const closes = chars[s.end - 1] === '》';
    if (closes && !opens && chars[s.start - 1] === '《') return { ...s, start: s.start - 1 };
    if (opens && !closes && chars[s.end] === '》') return { ...s, end: s.end + 1 };
    return s;
  });
}

/**
 * A country's government is the country acting (MSRA and UNER: 中国政府 → 中国 as a place);
 * CLUENER labels the whole phrase as an organisation. A city's or a province's government
 * (天津市政府) stays an organisation, as in UNER and CLUENER, and so do named regimes (北洋政府).
 * A government named by its level alone (地方政府, 中央政府) is no name, as in MSRA.
 */
function harmonise(spans, chars, set) {
  if (!harmoniseOn) return spans;
  const out = set in UNTITLED ? titledWorks(spans, chars) : [];
  for (const s of set === 'cluener' ? wholeTitles(spans, chars) : spans) {
    const m = s.type === 'org' ? GOVERNMENT.exec(chars.slice(s.start, s.end).join('')) : null;
    if (!m) {
      out.push(s);
      continue;
    }
    const seat = m[1];
    if (GENERIC_SEATS.test(seat)) continue;
    if (placeWords.has(seat) && !PLACE_SUFFIX.test(seat)) out.push({ ...s, end: s.start + [...seat].length, type: 'place' });
    else out.push(s);
  }
  return out;
}

// sentences as code-point arrays in the Simplified, lower-cased view, with gold labels; their
// features are computed twice (counted, then numbered) rather than kept as strings: with MSRA's
// 42k sentences the strings alone would not fit in the heap
const sentences = [];
for (const set of sets) {
  for (const line of readFileSync(join(shared, 'bench/train', SETS[set]), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const d = JSON.parse(line);
    const chars = [...core.toSimplifiedView(d.text).text.toLowerCase()];
    if (chars.length !== [...d.text].length) continue;
    const labels = new Uint8Array(chars.length);
    for (const s of harmonise(d.spans, chars, set)) {
      if (!labelIndex.has(`B-${s.type}`)) continue;
      labels[s.start] = labelIndex.get(`B-${s.type}`);
      for (let k = s.start + 1; k < s.end; k++) labels[k] = labelIndex.get(`I-${s.type}`);
    }
    const sentence = { chars, labels };
    for (let r = 0; r < (repeat[set] ?? 1); r++) sentences.push(sentence);
  }
}
console.log(`[train] ${sentences.length} sentences from ${sets.join(', ')}`);
const featuresOf = (s, visit) => {
  const lattice = words?.lattice(s.chars.map((c) => c.codePointAt(0)), s.chars.length);
  for (let i = 0; i < s.chars.length; i++) visit(i, featuresAt(s.chars, i, lattice));
};

// feature ids, keeping features seen at least minCount times
const counts = new Map();
for (const s of sentences) {
  featuresOf(s, (_, fs) => {
    for (const x of fs) counts.set(x, (counts.get(x) ?? 0) + 1);
  });
}
const featureId = new Map();
for (const [f, n] of counts) if (n >= minCount) featureId.set(f, featureId.size);
counts.clear();
const F = featureId.size;
console.log(`[train] ${F} features (seen ≥ ${minCount} times)`);
// per sentence: the feature ids of all its characters in one array, and where each character's start
for (const s of sentences) {
  if (s.ids) continue;
  const flat = [];
  const from = new Int32Array(s.chars.length + 1);
  featuresOf(s, (i, fs) => {
    from[i] = flat.length;
    for (const x of fs) {
      const id = featureId.get(x);
      if (id !== undefined) flat.push(id);
    }
  });
  from[s.chars.length] = flat.length;
  s.ids = Int32Array.from(flat);
  s.from = from;
}

// an I- label may follow only B- or I- of its own type
const allowed = (from, to) => {
  const l = NER_LABELS[to];
  if (!l.startsWith('I-')) return true;
  if (from === L) return false;
  const f = NER_LABELS[from];
  return f !== 'O' && f.slice(2) === l.slice(2);
};

function viterbi(s, w, t) {
  const { ids, from } = s;
  const n = s.chars.length;
  const score = new Float64Array(n * L);
  const back = new Int32Array(n * L);
  for (let i = 0; i < n; i++) {
    const emit = new Float64Array(L);
    for (let k = from[i]; k < from[i + 1]; k++) for (let y = 0; y < L; y++) emit[y] += w[ids[k] * L + y];
    for (let y = 0; y < L; y++) {
      if (i === 0) {
        score[y] = allowed(L, y) ? emit[y] + t[L * L + y] : -Infinity;
        continue;
      }
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < L; p++) {
        if (!allowed(p, y)) continue;
        const v = score[(i - 1) * L + p] + t[p * L + y];
        if (v > best) {
          best = v;
          arg = p;
        }
      }
      score[i * L + y] = best + emit[y];
      back[i * L + y] = arg;
    }
  }
  const out = new Array(n);
  let y = 0;
  for (let k = 1; k < L; k++) if (score[(n - 1) * L + k] > score[(n - 1) * L + y]) y = k;
  for (let i = n - 1; i >= 0; i--) {
    out[i] = y;
    y = back[i * L + y];
  }
  return out;
}

/** One averaged perceptron, the sentences visited in an order fixed by `seed0`. */
function trainOnce(seed0) {
  let seed = seed0;
  // weights, plus the sums for averaging (the lazy-update trick)
  const W = new Float64Array(F * L);
  const T = new Float64Array(L * (L + 1)); // transitions: from (L = start) to
  const Wsum = new Float64Array(F * L);
  const Tsum = new Float64Array(L * (L + 1));
  const Wstamp = new Float64Array(F * L);
  const Tstamp = new Float64Array(L * (L + 1));
  let step = 1;
  const bump = (w, sum, stamp, k, v) => {
    sum[k] += (step - stamp[k]) * w[k];
    stamp[k] = step;
    w[k] += v;
  };
  // a fixed shuffle per epoch (deterministic)
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const order = sentences.map((_, i) => i).sort(() => rand() - 0.5);
    let errors = 0;
    let tokens = 0;
    for (const si of order) {
      const s = sentences[si];
      if (!s.chars.length) continue;
      const guess = viterbi(s, W, T);
      for (let i = 0; i < guess.length; i++) {
        tokens++;
        const g = s.labels[i];
        const p = guess[i];
        const gPrev = i ? s.labels[i - 1] : L;
        const pPrev = i ? guess[i - 1] : L;
        if (g !== p) {
          errors++;
          for (let k = s.from[i]; k < s.from[i + 1]; k++) {
            bump(W, Wsum, Wstamp, s.ids[k] * L + g, 1);
            bump(W, Wsum, Wstamp, s.ids[k] * L + p, -1);
          }
        }
        if (g !== p || gPrev !== pPrev) {
          bump(T, Tsum, Tstamp, gPrev * L + g, 1);
          bump(T, Tsum, Tstamp, pPrev * L + p, -1);
        }
      }
      step++;
    }
    console.log(`[train] seed ${seed0}, epoch ${epoch}: ${((100 * errors) / tokens).toFixed(2)}% of characters mislabelled`);
  }
  const finish = (w, sum, stamp) => {
    const avg = new Float64Array(w.length);
    for (let k = 0; k < w.length; k++) avg[k] = (sum[k] + (step - stamp[k]) * w[k]) / step;
    return avg;
  };
  return { Wavg: finish(W, Wsum, Wstamp), Tavg: finish(T, Tsum, Tstamp) };
}

// Several perceptrons from different orders, averaged: the small test sets swing by several
// points of F1 with the order alone, and the average is steadier than any one of them.
const seeds = opt('--seeds', '7,99,42,1,2').split(',').map(Number);
const Wavg = new Float64Array(F * L);
const Tavg = new Float64Array(L * (L + 1));
for (const seed of seeds) {
  const one = trainOnce(seed);
  for (let k = 0; k < Wavg.length; k++) Wavg[k] += one.Wavg[k] / seeds.length;
  for (let k = 0; k < Tavg.length; k++) Tavg[k] += one.Tavg[k] / seeds.length;
}

// quantise to integers with one scale; keep only features with a non-zero weight
let max = 0;
for (const v of Wavg) max = Math.max(max, Math.abs(v));
for (const v of Tavg) max = Math.max(max, Math.abs(v));
const scale = max / 127;
const names = [...featureId.keys()];
const rows = [];
for (let f = 0; f < F; f++) {
  const q = [];
  let any = false;
  for (let y = 0; y < L; y++) {
    const v = Math.round(Wavg[f * L + y] / scale);
    q.push(v);
    if (v && (Math.abs(v) > prune || /^(b|[gG][0-9]+)$/.test(names[f]))) any = true;
  }
  if (any) rows.push(`${names[f]}\t${q.join(',')}`);
}
const model = {
  format: 'gloss-ner-perceptron-1',
  trainedOn: sets.map((s) => SETS[s]),
  words: words ? 'words.txt' : undefined,
  options: { epochs, minCount, prune, repeat, harmonise: harmoniseOn, seeds },
  labels: NER_LABELS,
  scale,
  transitions: [...Tavg].map((v) => Math.round(v / scale)),
  features: rows.join('\n'),
};
const out = opt('--out', join(root, 'src/core/entities/model/ner.json'));
writeFileSync(out, JSON.stringify(model));
console.log(`[train] wrote ${out}: ${rows.length} features, ${(JSON.stringify(model).length / 1e6).toFixed(1)} MB`);
