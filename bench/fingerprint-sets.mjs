// `node bench/fingerprint-sets.mjs [--verbose]`: one hash per text set of the full analysis output
// (every figure, entity, claim and check, with offsets and messages), so that a change made for
// speed can be shown to leave the output byte-identical (issue 19). Reads ../shared only; the
// hashes are compared by hand before and after a change, never stored with the seeds' text.
import { loadCore, shared } from './coreBundle.mjs';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { distinctSeedsText, flat } from './seedsText.mjs';

const core = await loadCore('core-fingerprint-sets');

/**
 * A canonical text of any value: object keys sorted, getters read (a lazily built field counts
 * as output like any other), functions and undefined left out, cycles refused.
 */
function canonical(value, seen = new Set()) {
  if (value === null || typeof value !== 'object') return value === undefined || typeof value === 'function' ? undefined : JSON.stringify(value);
  // what an object says it is, as JSON.stringify reads it (a paragraph's findings moved on read)
  if (typeof value.toJSON === 'function') return canonical(value.toJSON(), seen);
  if (seen.has(value)) throw new Error('cycle in the analysis output');
  seen.add(value);
  let out;
  if (Array.isArray(value)) out = `[${value.map((v) => canonical(v, seen) ?? 'null').join(',')}]`;
  else {
    const keys = [];
    for (const k in value) keys.push(k);
    keys.sort();
    const parts = [];
    for (const k of keys) {
      const v = canonical(value[k], seen);
      if (v !== undefined) parts.push(`${JSON.stringify(k)}:${v}`);
    }
    out = `{${parts.join(',')}}`;
  }
  seen.delete(value);
  return out;
}

/** What an editor and the CLI read of an analysis: paragraphs with their findings, and the article-wide lists. */
const outputOf = (a) => canonical({ paragraphs: a.paragraphs, figures: a.figures, entities: a.entities, claims: a.claims });

const verbose = process.argv.includes('--verbose');
const hashes = {};
function record(name, outputs) {
  const h = createHash('sha256');
  for (const o of outputs) h.update(o).update('\n');
  hashes[name] = h.digest('hex').slice(0, 16);
  console.log(`${name.padEnd(28)} ${hashes[name]}${verbose ? `  (${outputs.length} texts)` : ''}`);
}

const readJsonl = (p) => readFileSync(p, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const seeds = readdirSync(join(shared, 'seeds')).sort().map((f) => ({ file: f, text: readFileSync(join(shared, 'seeds', f), 'utf8') }));

for (const s of seeds) record(`seed ${s.file.slice(0, 3)}`, [outputOf(new core.Analyzer().analyze(s.text))]);
// one Analyzer per set, as the bench's gloss detect runs (its paragraph cache serves repeated texts)
for (const set of ['entities', 'claims', 'figures']) {
  for (const f of readdirSync(join(shared, 'bench', set)).filter((f) => f.endsWith('.jsonl')).sort()) {
    const analyzer = new core.Analyzer();
    record(`${set}/${f.replace('.jsonl', '')}`, readJsonl(join(shared, 'bench', set, f)).map((d) => outputOf(analyzer.analyze(d.text))));
  }
}
const texts = seeds.map((s) => s.text);
const article = flat(distinctSeedsText(texts, 20_000).slice(0, 20_000));
const big = flat(distinctSeedsText(texts, 1_000_000));
record('20k article', [outputOf(new core.Analyzer().analyze(article))]);
record('1 MB article', [outputOf(new core.Analyzer().analyze(big))]);

// incremental edits on one document: typing in a paragraph, a paragraph deleted, one duplicated,
// a Traditional line pasted; each version's output must equal a fresh analysis of it too
const analyzer = new core.Analyzer();
const outputs = [];
let text = article;
const edits = [
  (t) => t.slice(0, t.indexOf('。', t.length / 2)) + '，补充三百亿元' + t.slice(t.indexOf('。', t.length / 2)),
  (t) => { const a = t.indexOf('\n', 3000); const b = t.indexOf('\n', a + 1); return t.slice(0, a) + t.slice(b); },
  (t) => { const a = t.indexOf('\n', 6000); const b = t.indexOf('\n', a + 1); return t.slice(0, b) + t.slice(a, b) + t.slice(b); },
  (t) => t.slice(0, 100) + '\n據報道，阿裏雲去年營收增長18%至五百億元。\n' + t.slice(100),
  (t) => t.replace('。', '。張勇表示「明年將增長三成」。'),
];
let mismatches = 0;
for (const edit of edits) {
  text = flat(edit(text));
  const out = outputOf(analyzer.analyze(text, { document: 'edited' }));
  if (out !== outputOf(new core.Analyzer().analyze(text))) mismatches++;
  outputs.push(out);
}
record('incremental edits', outputs);
console.log(`incremental vs fresh mismatches: ${mismatches}`);
