// The claim benchmark and its calibration data: candidate units with their features and
// labels, from our own sentences (test/fixtures/claims/labelled.jsonl) and from the seeds
// (bench/labels/claims-seeds.jsonl: offsets only, the text is read from ../shared/seeds).
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const readJsonl = (p) => readFileSync(p, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const NOISE = new Set(['credit', 'tagcloud', 'navigation']);

/**
 * Every scored candidate of an article, as the analyser makes them (body paragraphs only,
 * a repeated sentence once), with code-point offsets. Below-threshold ones included.
 */
export function candidatesOf(core, text, lexicon = core.builtinLexicon()) {
  const index = new core.OffsetIndex(text);
  const all = [];
  for (const p of core.splitParagraphs(text)) {
    if (p.kind !== 'body' || NOISE.has(p.kind)) continue;
    const simplified = core.toSimplifiedView(p.text).text;
    const figures = core.detectFigures(p.text);
    const entities = core.detectEntities(p.text, lexicon, { simplified });
    for (const u of core.detectClaimCandidates({ text: p.text, simplified, figures, entities, lexicon })) {
      all.push({ ...u, start: index.toCodePoint(p.start + u.claim.start), end: index.toCodePoint(p.start + u.claim.end), text: u.claim.text });
    }
  }
  const kept = new Set(core.withoutRepeats(all));
  return all.filter((u) => kept.has(u));
}

/** The share of [start, end) that lies inside the given spans. */
function covered(start, end, spans) {
  let n = 0;
  for (const s of spans) n += Math.max(0, Math.min(end, s.end) - Math.max(start, s.start));
  return end > start ? n / (end - start) : 0;
}

/** The seed labels of one file, checked against the text (a changed seed is refused, not scored). */
export function seedLabels(root, shared) {
  const labels = readJsonl(join(root, 'bench/labels/claims-seeds.jsonl'));
  const byFile = new Map();
  for (const l of labels) {
    if (!byFile.has(l.file)) byFile.set(l.file, []);
    byFile.get(l.file).push(l);
  }
  const out = [];
  for (const file of readdirSync(join(shared, 'seeds')).sort()) {
    const text = readFileSync(join(shared, 'seeds', file), 'utf8').replace(/^\uFEFF/, '');
    const list = byFile.get(file) ?? [];
    const cps = [...text];
    for (const l of list) {
      const sha = createHash('sha256').update(cps.slice(l.start, l.end).join('')).digest('hex').slice(0, 12);
      if (sha !== l.sha) throw new Error(`${file} ${l.start}-${l.end}: the seed changed under its label (hash ${sha}, labelled ${l.sha})`);
    }
    out.push({ file, text, labels: list });
  }
  return out;
}

/** Candidates labelled by the gold spans: a claim where at least half of it lies in gold claims. */
export function labelCandidates(candidates, labels) {
  const gold = labels.filter((l) => l.label === 'claim');
  return candidates.map((c) => ({ ...c, label: covered(c.start, c.end, gold) >= 0.5 ? 1 : 0 }));
}

/** Our own sentences: each fixture is one article (its `before`, then its `text`); the unit is `text`. */
export function fixtureExamples(core, root) {
  const out = [];
  for (const f of readJsonl(join(root, 'test/fixtures/claims/labelled.jsonl'))) {
    const before = f.before ? f.before : '';
    const text = before + f.text;
    const from = [...before].length;
    const to = [...text].length;
    const cands = candidatesOf(core, text);
    // the candidate that covers most of the unit stands for it; none means the unit is noise
    let best;
    let bestShare = 0;
    for (const c of cands) {
      const share = covered(from, to, [c]);
      if (share > bestShare) [best, bestShare] = [c, share];
    }
    out.push({ id: f.id, gold: f.claim ? 1 : 0, candidate: bestShare >= 0.5 ? best : undefined });
  }
  return out;
}

/**
 * Precision and recall of claims at a threshold: a marked claim is right where at least
 * half of it lies in gold claims; a gold claim is found where at least half of it is
 * covered by marked claims. Exact: same start and end.
 */
export function claimScores(marked, labels) {
  const gold = labels.filter((l) => l.label === 'claim');
  const rightMarks = marked.filter((m) => covered(m.start, m.end, gold) >= 0.5).length;
  const foundGold = gold.filter((g) => covered(g.start, g.end, marked) >= 0.5).length;
  const exact = marked.filter((m) => gold.some((g) => g.start === m.start && g.end === m.end)).length;
  return {
    marked: marked.length,
    gold: gold.length,
    tp: rightMarks,
    found: foundGold,
    precision: marked.length ? rightMarks / marked.length : 1,
    recall: gold.length ? foundGold / gold.length : 1,
    exactPrecision: marked.length ? exact / marked.length : 1,
    exactRecall: gold.length ? exact / gold.length : 1,
    missed: gold.filter((g) => covered(g.start, g.end, marked) < 0.5),
    wrong: marked.filter((m) => covered(m.start, m.end, gold) < 0.5),
  };
}
