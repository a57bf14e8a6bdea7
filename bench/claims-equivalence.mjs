// `node bench/claims-equivalence.mjs [REF] [LIMIT]`: the claims stage of git REF (default main)
// against the working tree's, on the same inputs: every candidate of detectClaimCandidates with
// its features, and every claim of detectClaims, compared as JSON. The analysis fingerprints
// hash only the claims an article keeps; this compares all candidates and their features, on
// the seeds' paragraphs and on the sentences of the shared sets (each alone, and five at a time
// as a paragraph, for sources and figures reached back to). For speed work on src/core/claims
// (issue 19): any mismatch is a change of output. Reads ../shared only; prints no set text
// beyond the first 200 characters of a mismatching paragraph.
import { loadCore, loadCoreAt, shared } from './coreBundle.mjs';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const [ref = 'main', limitArg = '20000'] = process.argv.slice(2);
const A = await loadCoreAt(ref, 'claims-eq-a');
const B = await loadCore('claims-eq-b');
const lexicon = A.builtinLexicon();
const seeds = readdirSync(join(shared, 'seeds')).sort().map((f) => readFileSync(join(shared, 'seeds', f), 'utf8'));
const paragraphs = [];
for (const s of seeds) for (const p of A.splitParagraphs(s)) paragraphs.push(p.text);
const sets = ['claims/cfever-dev-a', 'entities/cluener-dev-a', 'entities/msra-val', 'entities/uner-zh-dev', 'entities/weibo-dev', 'figures/recognizers-zh',
  'train/msra-train', 'train/cluener-train', 'train/weibo-train', 'train/uner-zh-train'];
for (const set of sets) {
  const lines = readFileSync(join(shared, 'bench', `${set}.jsonl`), 'utf8').split('\n').filter(Boolean).slice(0, Number(limitArg));
  const texts = lines.map((l) => JSON.parse(l).text).filter((t) => typeof t === 'string' && t.length > 0);
  for (const t of texts) paragraphs.push(t);
  for (let k = 0; k < texts.length; k += 5) paragraphs.push(texts.slice(k, k + 5).map((t) => (/[。！？!?]$/u.test(t) ? t : `${t}。`)).join(''));
}
let mismatches = 0;
let candidates = 0;
for (const text of paragraphs) {
  // the inputs made once, by REF's core: the two sides differ only in the claims stage
  const simplified = A.toSimplifiedView(text).text;
  const input = { text, simplified, figures: A.detectFigures(text), entities: A.detectEntities(text, lexicon, { simplified }), lexicon };
  const a = JSON.stringify(A.detectClaimCandidates(input));
  const b = JSON.stringify(B.detectClaimCandidates(input));
  const same = a === b && JSON.stringify(A.detectClaims(input)) === JSON.stringify(B.detectClaims(input));
  candidates += JSON.parse(a).length;
  if (!same && mismatches++ < 5) console.log(`mismatch in ${JSON.stringify(text.slice(0, 200))}\n  ${ref}: ${a.slice(0, 600)}\n  tree: ${b.slice(0, 600)}`);
}
console.log(`${paragraphs.length} paragraphs, ${candidates} candidates, ${mismatches} mismatches (${ref} → working tree)`);
process.exitCode = mismatches ? 1 : 0;
