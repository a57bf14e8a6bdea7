// `npm run bench`: detection quality against ../shared/bench and speed against peers, in
// one process on the same text. Not part of `npm test` (speed is never asserted in tests).
import * as esbuild from 'esbuild';
import { loadCore, median, root, shared, work } from './coreBundle.mjs';
import { createRequire } from 'node:module';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

const core = await loadCore('core');
const only = process.argv.slice(2);
const want = (section) => only.length === 0 || only.includes(section);

const readJsonl = (p) => readFileSync(p, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const writeJsonl = (p, rows) => writeFileSync(p, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
const fmt = (x) => x.toFixed(3);

function score(gold, pred, kind) {
  const out = execFileSync(process.execPath, [join(shared, 'bench/score.mjs'), gold, pred, '--kind', kind, '--by-type', '--json']);
  return JSON.parse(String(out)).rows.map((r) => ({ ...r, key: r.key.split('/').pop() }));
}

function printScores(title, rows, baseline) {
  console.log(`\n${title}`);
  console.log('  type          gold   exact P  exact R  exact F1  overlap P overlap R overlap F1' + (baseline ? '   baseline exact F1' : ''));
  for (const r of rows) {
    const b = baseline?.find((x) => x.key === r.key);
    console.log(
      `  ${r.key.padEnd(12)} ${String(r.gold).padStart(5)}   ${fmt(r.exact.precision)}    ${fmt(r.exact.recall)}    ${fmt(r.exact.f1)}     ${fmt(r.overlap.precision)}     ${fmt(r.overlap.recall)}     ${fmt(r.overlap.f1)}` +
        (b ? `      ${fmt(b.exact.f1)}` : ''),
    );
  }
}

/** Time `fn` over `text`, best of `rounds`, in code points per second. */
function throughput(fn, text, rounds = 3) {
  const cps = [...text].length;
  let best = Infinity;
  for (let i = 0; i < rounds; i++) {
    const t0 = process.hrtime.bigint();
    fn(text);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    best = Math.min(best, ms);
  }
  return { cps: cps / (best / 1000), ms: best, codePoints: cps };
}

function seedsText(targetCodePoints) {
  const dir = join(shared, 'seeds');
  const one = readdirSync(dir).sort().map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
  let text = '';
  while ([...text].length < targetCodePoints) text += one + '\n';
  return text;
}

// ---------------------------------------------------------------- figures
if (want('figures')) {
  const { figureGold, figurePredictions, valueAccuracy } = await import('./figures.mjs');
  const gold = figureGold(shared);
  const predPath = join(work, 'figures-pred.jsonl');
  const docs = readJsonl(gold);
  const preds = figurePredictions(core, docs);
  writeJsonl(predPath, preds);
  const s = score(gold, predPath, 'figure');
  printScores('Figures on recognizers-zh (Microsoft Recognizers-Text Chinese spec cases), by their model family', s);
  // each spec file tests one model: score its cases only on that model's family
  const MODEL_FAMILY = { NumberModel: 'number', PercentModel: 'percent', OrdinalModel: 'ordinal', CurrencyModel: 'currency',
    DimensionModel: 'dimension', AgeModel: 'age', TemperatureModel: 'temperature' };
  const familyOf = (id) => MODEL_FAMILY[id.split('.json')[0]];
  const perModelPath = join(work, 'figures-pred-per-model.jsonl');
  writeJsonl(perModelPath, preds.map((p) => ({ id: p.id, spans: p.spans.filter((x) => x.type === familyOf(p.id)) })));
  const perModelGold = join(work, 'figures-gold-per-model.jsonl');
  writeJsonl(perModelGold, docs.map((d) => ({ ...d, spans: d.spans.filter((x) => x.type === familyOf(d.id)) })));
  printScores('The same, each case scored only on the family its spec file tests (a Number case does not label currencies)', score(perModelGold, perModelPath, 'figure'));
  const acc = valueAccuracy(docs, preds);
  console.log(`  value accuracy on overlapping spans of the same family: ${fmt(acc.accuracy)} (${acc.right}/${acc.total})`);
  for (const [family, a] of Object.entries(acc.byFamily)) console.log(`    ${family.padEnd(12)} ${fmt(a.right / a.total)} (${a.right}/${a.total})`);

  const { ownSuite } = await import('./figures.mjs');
  const cases = readJsonl(join(root, 'test/fixtures/figures/cases.jsonl'));
  const own = ownSuite(core, cases);
  const right = Object.values(own.byClass).reduce((n, c) => n + c.right, 0);
  console.log(`\nFigures suite of our own (test/fixtures/figures, ${cases.length} cases): ${fmt(right / cases.length)} (${right}/${cases.length}), by class:`);
  for (const [k, c] of Object.entries(own.byClass)) console.log(`    ${k.padEnd(16)} ${fmt(c.right / c.total)} (${c.right}/${c.total})`);
  for (const c of own.wrong) console.log(`    wrong: ${c.class}: ${JSON.stringify(c.text)} → ${c.figure}`);

  const R = require('@microsoft/recognizers-text-suite');
  const text = seedsText(2_000_000);
  const glossFig = throughput((t) => core.detectFigures(t), text);
  const opencc = core.simplifiedConverter();
  const occ = throughput((t) => opencc(t), text, 2);
  const slice = text.slice(0, 20_000);
  // the models load on first use: warm them up before timing
  for (const r of ['recognizeNumber', 'recognizePercentage', 'recognizeCurrency']) R[r]('5.45亿美元', R.Culture.Chinese);
  const rec = throughput((t) => {
    R.recognizeNumber(t, R.Culture.Chinese);
    R.recognizePercentage(t, R.Culture.Chinese);
    R.recognizeCurrency(t, R.Culture.Chinese);
  }, slice, 1);
  console.log('\nFigure detection speed (the seeds repeated to about 2 MB; Recognizers on the first 20k characters)');
  console.log(`  Gloss detectFigures           ${(glossFig.cps / 1e6).toFixed(2)} M code points/s (${glossFig.ms.toFixed(0)} ms for ${glossFig.codePoints})`);
  console.log(`  opencc-js t→cn                ${(occ.cps / 1e6).toFixed(2)} M code points/s`);
  console.log(`  Recognizers number+percent+currency ${(rec.cps / 1e3).toFixed(1)} k code points/s`);
  console.log(`  ratio Gloss / Recognizers: ${(glossFig.cps / rec.cps).toFixed(0)}×   ratio Gloss / opencc: ${(glossFig.cps / occ.cps).toFixed(2)}×`);

  const article = seedsText(20_000).slice(0, 20_000);
  const textModel = throughput((t) => {
    core.splitParagraphs(t);
    core.detectFigures(t);
  }, article, 20);
  console.log(`  a 20k-character article, text model and figures: ${textModel.ms.toFixed(2)} ms`);
  const analyzer = () => new core.Analyzer();
  const cold = throughput((t) => analyzer().analyze(t), article, 20);
  const a = new core.Analyzer();
  a.analyze(article);
  const edited = article.replace('。', '，');
  const warm = throughput((t) => a.analyze(t), edited, 20);
  console.log(`  a 20k-character article, the full analysis (figures, entities with the tagger, claims and checks): ${cold.ms.toFixed(2)} ms from scratch; ${warm.ms.toFixed(2)} ms after an edit to one paragraph`);

  // the dictionaries' cost, paid once, on the first Traditional text: measured in a fresh process
  const probe = `const t0=process.hrtime.bigint();const c=require(${JSON.stringify(join(work, 'core.cjs'))});const t1=process.hrtime.bigint();` +
    `c.toSimplifiedView('阿里雲');const t2=process.hrtime.bigint();c.toSimplifiedView('騰訊');const t3=process.hrtime.bigint();` +
    `console.log(JSON.stringify([Number(t1-t0)/1e6,Number(t2-t1)/1e6,Number(t3-t2)/1e6]))`;
  const [loadCore, firstUse, secondUse] = JSON.parse(String(execFileSync(process.execPath, ['-e', probe])));
  console.log(`  opencc-js dictionaries, loaded lazily: loading the core ${loadCore.toFixed(1)} ms (no dictionaries); first Traditional text ${firstUse.toFixed(1)} ms (builds the converter); afterwards ${secondUse.toFixed(2)} ms`);

  const seeds = join(shared, 'seeds');
  console.log('\nFigures in the seeds (gloss detect):');
  for (const f of readdirSync(seeds).sort()) {
    const t = readFileSync(join(seeds, f), 'utf8');
    const figs = core.detectFigures(t).filter((x) => x.salient);
    const byType = {};
    for (const x of figs) byType[x.type] = (byType[x.type] ?? 0) + 1;
    console.log(`  ${f}: ${figs.length} figures ${JSON.stringify(byType)}`);
  }
}

// ---------------------------------------------------------------- anchors
if (want('anchors')) {
  await esbuild.build({
    entryPoints: [join(root, 'src/core/sidecar/anchor.ts')], bundle: true, platform: 'node', format: 'cjs',
    outfile: join(work, 'anchor.cjs'), logLevel: 'warning',
  });
  const { createAnchor, resolveAnchor } = require(join(work, 'anchor.cjs'));
  const base = seedsText(1_000_000);
  const index = new core.OffsetIndex(base);
  const anchors = [];
  for (let k = 1; k <= 200; k++) {
    const start = Math.floor((index.codePointLength - 40) * (k / 201));
    anchors.push(createAnchor(base, start, start + 12, index));
  }
  const edited = '插入一段新的导语。\n'.repeat(50) + base;
  const time = (label, text, list) => {
    const idx = new core.OffsetIndex(text);
    const t0 = process.hrtime.bigint();
    const results = list.map((a) => resolveAnchor(text, a, idx));
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const by = {};
    for (const r of results) by[r.status] = (by[r.status] ?? 0) + 1;
    console.log(`  ${label.padEnd(58)} ${(ms / list.length).toFixed(3)} ms per anchor ${JSON.stringify(by)}`);
  };
  console.log('\nRe-anchoring on a 1 MB article (the seeds repeated; 200 anchors of 12 characters)');
  time('unchanged text (offsets hold)', base, anchors);
  time('500 characters inserted at the top (exact quote, context ranked)', edited, anchors);
  const gone = anchors.map((a) => ({ ...a, quote: '这一段文字在文章里根本不存在' }));
  time('quotes that are gone (bounded fuzzy search, then orphan)', edited, gone);

  // random edits with every character's identity tracked (the unit test runs 10,000 edits)
  await esbuild.build({
    entryPoints: [join(root, 'test/support/anchorSimulation.ts')], bundle: true, platform: 'node', format: 'cjs',
    outfile: join(work, 'anchorSimulation.cjs'), logLevel: 'warning', mainFields: ['main', 'module'],
  });
  const { simulate } = require(join(work, 'anchorSimulation.cjs'));
  const seedText = seedsText(1);
  const seedWindow = (r) => {
    const at = Math.floor(r() * Math.max(1, seedText.length - 3000));
    return seedText.slice(at, at + 3000);
  };
  const report = (label, o) => {
    const t0 = Date.now();
    const r = simulate(o);
    const pct = (n) => `${((100 * n) / r.resolutions).toFixed(2)}%`;
    console.log(`  ${label}: ${r.edits} edits, ${r.resolutions} resolutions, ${r.misplaced} misplaced (${pct(r.misplaced)}), ` +
      `${r.orphans} orphaned (${pct(r.orphans)}; words edited: ${r.orphansOfEditedWords}; words and context intact: ${r.needlessOrphans}), ` +
      `${r.indistinguishable} on an exact copy of prefix, quote and suffix; ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    for (const f of r.failures) console.log(`    ${f.split('\n')[0].slice(0, 400)}`);
  };
  console.log('\nRe-anchoring under random edits, per-character identity tracking (insert, delete, replace, paragraph move and copy, script of a line, CRLF, BOM)');
  for (const seed of [1, 2, 3, 4, 5]) report(`generated text, seed ${seed}`, { seed, articles: 100, editsPerArticle: 25, articleLength: 2500, annotationsPerArticle: 6 });
  for (const seed of [1, 2]) report(`seed articles, seed ${seed}`, { seed, articles: 100, editsPerArticle: 25, articleLength: 3000, annotationsPerArticle: 6, article: seedWindow });
}

// ---------------------------------------------------------------- scale
if (want('scale') || want('scale-memory')) {
  // gloss detect through both paths: one N MB article as a table, and N MB of JSONL articles
  const cli = join(root, 'dist/cli.js');
  execFileSync(process.execPath, [join(root, 'esbuild.mjs')], { stdio: 'ignore' });
  const dir = join(work, 'scale');
  mkdirSync(dir, { recursive: true });
  const unit = seedsText(200_000);
  const sizes = (process.env.GLOSS_BENCH_SCALE_MB ?? '1,5,50').split(',').map(Number);
  const measure = (args) => {
    const r = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, cli, ...args], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    const lines = r.stderr.trim().split('\n');
    const [secs, kb] = lines.pop().split(' ');
    const failed = r.status ? ` — exit ${r.status}: ${lines.slice(-2).join(' ').slice(0, 200)}` : '';
    return `${Number(secs).toFixed(1)} s, peak ${(Number(kb) / 1024).toFixed(0)} MB${failed}`;
  };
  const made = new Set();
  const inputs = (mb) => {
    if (made.has(mb)) return;
    made.add(mb);
    let text = '';
    while (Buffer.byteLength(text) < mb * 1024 * 1024) text += unit;
    writeFileSync(join(dir, `a${mb}.txt`), text);
    const lines = [];
    for (let at = 0, n = 0; at < text.length; at += 20_000, n++) lines.push(JSON.stringify({ id: String(n), text: text.slice(at, at + 20_000) }));
    writeFileSync(join(dir, `a${mb}.jsonl`), lines.join('\n') + '\n');
  };
  // with --jobs 2 the lines are fed to the workers as they are free (a bounded window), so peak memory stays flat as the input grows
  const jsonl = (mb, extra = []) => [1, 2].map((jobs) => `--jobs ${jobs}: ${measure(['detect', '--input-jsonl', `a${mb}.jsonl`, '--jobs', String(jobs), ...extra])}`).join(';  ');
  if (want('scale')) {
    console.log('\ngloss detect at scale (the seeds repeated; time and peak resident memory of the process)');
    for (const mb of sizes) {
      inputs(mb);
      const table = measure(['detect', '--max-article-mb', '64', `a${mb}.txt`]);
      console.log(`  ${String(mb).padStart(2)} MB  table (one article): ${table};  --input-jsonl (articles of 20k characters) ${jsonl(mb)}`);
    }
  }
  if (want('scale-memory')) {
    // figures only: the analysis is cheap, so the peak is what the pipeline holds (read, queued, written)
    console.log('\ngloss detect --input-jsonl --kinds figure at scale (what the stream holds: peak resident memory, 1 and 2 jobs)');
    for (const mb of sizes) {
      inputs(mb);
      console.log(`  ${String(mb).padStart(2)} MB  ${jsonl(mb, ['--kinds', 'figure'])}`);
    }
  }
}

// ---------------------------------------------------------------- entities
if (want('entities')) {
  const { loadJieba } = await import('./peers.mjs');
  const jieba = loadJieba(work);
  const JIEBA_TYPES = { nr: 'person', nrfg: 'person', nrt: 'person', nt: 'org', ns: 'place' };
  const cpIndex = (text) => new core.OffsetIndex(text);
  const dir = join(shared, 'bench/entities');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
    const gold = join(dir, file);
    const docs = readJsonl(gold);
    const analyzer = new core.Analyzer();
    const ours = docs.map((d) => {
      const idx = cpIndex(d.text);
      return { id: d.id, spans: analyzer.analyze(d.text).entities.map((e) => core.entityToSpan(e, idx)) };
    });
    const base = docs.map((d) => {
      const spans = [];
      let cp = 0;
      for (const { word, tag } of jieba.tag(d.text)) {
        const len = [...word].length;
        const type = JIEBA_TYPES[tag];
        if (type) spans.push({ start: cp, end: cp + len, kind: 'entity', type });
        cp += len;
      }
      return { id: d.id, spans };
    });
    const oursPath = join(work, `ent-${file}`);
    const basePath = join(work, `ent-jieba-${file}`);
    writeJsonl(oursPath, ours);
    writeJsonl(basePath, base);
    printScores(`Entities on ${file} (Gloss; last column: jieba POS tags nr/nt/ns as NER, same run)`, score(gold, oursPath, 'entity'), score(gold, basePath, 'entity'));
  }
  const text = seedsText(2_000_000);
  const analyzer = new core.Analyzer();
  // the machine is noisy: alternate the two, five rounds each, and compare the best and the median rounds
  const rounds = { gloss: [], jieba: [] };
  for (let r = 0; r < 5; r++) {
    rounds.gloss.push(throughput((t) => core.detectEntities(t, core.builtinLexicon()), text, 1).cps);
    rounds.jieba.push(throughput((t) => jieba.tag(t), text, 1).cps);
  }
  const best = (xs) => Math.max(...xs);
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log('\nEntity detection speed (the seeds repeated to about 2 MB; five alternating rounds each)');
  console.log(`  Gloss detectEntities  best ${(best(rounds.gloss) / 1e6).toFixed(2)}, median ${(median(rounds.gloss) / 1e6).toFixed(2)} M code points/s`);
  console.log(`  jieba tag()           best ${(best(rounds.jieba) / 1e6).toFixed(2)}, median ${(median(rounds.jieba) / 1e6).toFixed(2)} M code points/s`);
  console.log(`  ratio Gloss / jieba: ${(best(rounds.gloss) / best(rounds.jieba)).toFixed(2)}× (best), ${(median(rounds.gloss) / median(rounds.jieba)).toFixed(2)}× (median)`);
  void analyzer;

  // the cross-article entity table of the seeds: check by eye that nothing is split or merged
  const seeds = join(shared, 'seeds');
  const table = new Map();
  for (const f of readdirSync(seeds).sort()) {
    const t = readFileSync(join(seeds, f), 'utf8');
    for (const e of new core.Analyzer().analyze(t).entities) {
      const row = table.get(e.entityId) ?? { n: 0, forms: new Set(), files: new Set() };
      row.n++;
      row.forms.add(e.text);
      row.files.add(f.slice(0, 3));
      table.set(e.entityId, row);
    }
  }
  console.log('\nEntities across the seeds (id, mentions, spellings, articles), those in two or more articles:');
  for (const [id, r] of [...table].sort((a, b) => b[1].files.size - a[1].files.size || b[1].n - a[1].n)) {
    if (r.files.size < 2) continue;
    console.log(`  ${id.padEnd(22)} ${String(r.n).padStart(4)}  ${[...r.forms].join(' / ')}  [${[...r.files].join(',')}]`);
  }
}

// ---------------------------------------------------------------- claims
if (want('claims')) {
  const { candidatesOf, claimScores, seedLabels } = await import('./claims.mjs');
  const weights = JSON.parse(readFileSync(join(root, 'src/core/claims/weights.json'), 'utf8'));
  const threshold = core.DEFAULT_MIN_CHECK_WORTHINESS;
  const calibratedOn = new Set(weights.trainedOn?.seeds ?? []);
  const every = () => {
    const a = new core.Analyzer();
    a.minCheckWorthiness = 0;
    return a;
  };
  console.log(`\nClaims at the default threshold (gloss.claims.minCheckWorthiness = ${threshold}; calibrated on our sentences and seeds ${[...calibratedOn].join(', ') || 'none'})`);

  // the seeds, against our labels (bench/labels/claims-seeds.jsonl: offsets only)
  const seeds = seedLabels(root, shared);
  const rows = [];
  for (const s of seeds) {
    const index = new core.OffsetIndex(s.text);
    const marked = new core.Analyzer().analyze(s.text).claims.map((c) => ({ start: index.toCodePoint(c.start), end: index.toCodePoint(c.end), score: c.score }));
    const candidates = candidatesOf(core, s.text).length;
    const sentences = s.labels.length;
    // an amount a checker can look up: not a date, and not a small number in words (三位, 两个)
    const amount = (f) => f.salient && f.type !== 'date' && !(typeof f.value === 'number' && f.value < 10 && !/\d/.test(f.text) && !['money', 'percent', 'multiple'].includes(f.type));
    const spansOf = (list) => list.map((f) => ({ start: index.toCodePoint(f.start), end: index.toCodePoint(f.end) }));
    const all = core.detectFigures(s.text).filter((f) => f.salient && f.type !== 'date');
    const isMarked = (l) => marked.some((m) => Math.min(m.end, l.end) - Math.max(m.start, l.start) >= (l.end - l.start) / 2);
    const claimsWith = (figures) => s.labels.filter((l) => l.label === 'claim' && figures.some((f) => f.start >= l.start && f.end <= l.end));
    // gold claims stating an amount that stay unmarked (must be none), and those with a small number in words only
    const withFigure = claimsWith(spansOf(all.filter(amount)));
    const figureMissed = withFigure.filter((l) => !isMarked(l));
    const smallOnly = claimsWith(spansOf(all)).filter((l) => !withFigure.includes(l));
    rows.push({ s, marked, candidates, sentences, withFigure, figureMissed, smallMissed: smallOnly.filter((l) => !isMarked(l)), smallOnly, score: claimScores(marked, s.labels) });
  }
  console.log('  seed  labelled units  candidates  marked  gold claims   P      R      exact P  exact R   unmarked gold claims with an amount / with a small number in words only');
  const total = (list) => {
    const marked = list.reduce((n, r) => n + r.score.marked, 0);
    const gold = list.reduce((n, r) => n + r.score.gold, 0);
    const tp = list.reduce((n, r) => n + r.score.tp, 0);
    const found = list.reduce((n, r) => n + r.score.found, 0);
    return { marked, gold, p: tp / marked, r: found / gold };
  };
  for (const r of rows) {
    const x = r.score;
    const tag = calibratedOn.has(r.s.file.slice(0, 3)) ? '(calibration)' : '(held out)';
    console.log(`  ${r.s.file.slice(0, 3)}   ${String(r.sentences).padStart(10)}  ${String(r.candidates).padStart(10)}  ${String(x.marked).padStart(6)}  ${String(x.gold).padStart(11)}   ${fmt(x.precision)}  ${fmt(x.recall)}  ${fmt(x.exactPrecision)}    ${fmt(x.exactRecall)}    ${r.figureMissed.length}/${r.withFigure.length}  ${r.smallMissed.length}/${r.smallOnly.length}  ${tag}`);
  }
  const all = total(rows);
  const held = rows.filter((r) => !calibratedOn.has(r.s.file.slice(0, 3)));
  console.log(`  claim precision ${fmt(all.p)}, recall ${fmt(all.r)} on all five seeds (${all.marked} marked, ${all.gold} labelled claims)`);
  if (held.length) {
    const h = total(held);
    console.log(`  claim precision ${fmt(h.p)}, recall ${fmt(h.r)} on the held-out seeds ${held.map((r) => r.s.file.slice(0, 3)).join(', ')} (${h.marked} marked, ${h.gold} labelled claims)`);
  }
  for (const r of rows) for (const l of r.figureMissed) console.log(`    unmarked claim with an amount: ${r.s.file.slice(0, 3)} ${l.start}-${l.end}`);
  for (const r of rows) for (const l of r.smallMissed) console.log(`    unmarked claim with a small number in words only: ${r.s.file.slice(0, 3)} ${l.start}-${l.end}`);

  // our own labelled sentences (test/fixtures/claims)
  const labelled = readJsonl(join(root, 'test/fixtures/claims/labelled.jsonl'));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const d of labelled) {
    const before = d.before ?? '';
    const found = new core.Analyzer().analyze(before + d.text).claims.some((c) => c.end > before.length + 1);
    if (found && d.claim) tp++;
    else if (found && !d.claim) fp++;
    else if (!found && d.claim) fn++;
  }
  console.log(`  our labelled sentences (test/fixtures/claims, also calibration data): precision ${fmt(tp / (tp + fp))}, recall ${fmt(tp / (tp + fn))} (${labelled.length} sentences, ${labelled.filter((d) => !d.claim).length} non-claims)`);

  // CFEVER: every item is a claim sentence (Traditional script, encyclopaedic, short, often unpunctuated)
  const docs = readJsonl(join(shared, 'bench/claims/cfever-dev-a.jsonl'));
  const byLabel = {};
  let atThreshold = 0;
  let candidates = 0;
  const analyzer = new core.Analyzer();
  const all0 = every();
  for (const d of docs) {
    const marked = analyzer.analyze(d.text).claims.length > 0;
    const cand = all0.analyze(d.text).claims.length > 0;
    if (marked) atThreshold++;
    if (cand) candidates++;
    byLabel[d.label] ??= { n: 0, found: 0 };
    byLabel[d.label].n++;
    if (marked) byLabel[d.label].found++;
  }
  console.log(`  recall on cfever-dev-a (${docs.length} claim sentences): ${fmt(atThreshold / docs.length)} marked at ${threshold}; ${fmt(candidates / docs.length)} are candidates at all`);
  for (const [label, r] of Object.entries(byLabel)) console.log(`    ${label.padEnd(16)} ${fmt(r.found / r.n)} (${r.found}/${r.n})`);

  console.log('  claims in the seeds from credit lines, headers and tag clouds (must be 0), and the arithmetic of marked claims:');
  for (const s of seeds) {
    const a = new core.Analyzer().analyze(s.text);
    const noise = a.paragraphs.filter((p) => ['credit', 'tagcloud', 'navigation', 'heading'].includes(p.paragraph.kind)).reduce((n, p) => n + p.claims.length, 0);
    const checks = a.claims.flatMap((c) => c.checks);
    console.log(`    ${s.file}: ${noise} from noise; ${a.claims.length} claims; checks: ${checks.filter((k) => k.verdict === 'holds').length} hold, ${checks.filter((k) => k.verdict === 'does not hold').length} do not hold, ${checks.filter((k) => k.verdict === 'ambiguous').length} ambiguous`);
    for (const k of checks) console.log(`        ${k.verdict === 'holds' ? '✔' : k.verdict === 'ambiguous' ? '?' : '✖'} ${k.kind}: ${k.working}`);
  }
}

// ---------------------------------------------------------------- speed
if (want('speed')) {
  // the seeds repeated with every line made distinct, so that no paragraph cache serves a copy;
  // flat strings, as an editor hands them over (see seedsText.mjs)
  const { speedTexts, time, timeBig, timeArticle, middle } = await import('./speedRun.mjs');
  const { flat } = await import('./seedsText.mjs');
  const { seeds, big, article } = speedTexts();
  const cps = (t) => [...t].length;
  const { loadJieba } = await import('./peers.mjs');
  const jieba = loadJieba(work);
  new core.Analyzer().analyze(seeds.join('\n')); // lexicon, model and dictionaries loaded before timing
  // one run, alternating the two, best of three each (the machine is shared and noisy)
  const { glossMs, jiebaMs } = timeBig(core, jieba, big);
  const g = Math.min(...glossMs);
  const j = Math.min(...jiebaMs);
  console.log(`\nSpeed of the full analysis (figures, entities, claims, checks), one run, on the seeds repeated to ${cps(big)} code points with distinct lines`);
  console.log(`  Gloss Analyzer (fresh)  ${(cps(big) / g / 1e3).toFixed(2)} M code points/s (${g.toFixed(0)} ms)`);
  console.log(`  jieba tag()             ${(cps(big) / j / 1e3).toFixed(2)} M code points/s (${j.toFixed(0)} ms)`);
  console.log(`  ratio Gloss / jieba: ${(j / g).toFixed(2)}× (target ≥ 1×, aim 4×)`);
  const here = await timeArticle(core, jieba, article);
  const small = Math.min(...here.glossMs);
  const jiebaSmall = Math.min(...here.jiebaMs);
  console.log(`  a 20k-character article from scratch: ${small.toFixed(1)} ms best of 30, ${middle(here.glossMs).toFixed(1)} ms median (target < 10 ms, aim 5 ms); jieba tag() on it ${jiebaSmall.toFixed(1)} ms best, ${middle(here.jiebaMs).toFixed(1)} ms median (ratio of bests ${(jiebaSmall / small).toFixed(2)}×)`);
  console.log(`    the collector in those 30 rounds of Gloss: ${here.scavenges} scavenges (${here.scavenges ? (here.scavengeMs / here.scavenges).toFixed(1) : 0} ms each), ${here.fullCollections} full collections (${here.fullMs.toFixed(1)} ms)`);
  // the same in more processes (see speedRun.mjs: V8's pretenuring decisions differ between them);
  // GLOSS_BENCH_PROCESSES sets how many more (4; 0 for none)
  const extra = Number(process.env.GLOSS_BENCH_PROCESSES ?? 4);
  if (extra > 0) {
    const runs = [{ best: small, jiebaBest: jiebaSmall }];
    for (let k = 0; k < extra; k++) {
      const out = spawnSync(process.execPath, [join(root, 'bench/speedRun.mjs'), '--article'], { encoding: 'utf8' });
      if (out.status !== 0) throw new Error(`bench: the 20k article in another process failed: ${out.stderr}`);
      runs.push(JSON.parse(out.stdout.trim().split('\n').pop()));
    }
    const bests = runs.map((r) => r.best);
    const jiebas = runs.map((r) => r.jiebaBest);
    console.log(`    in ${runs.length} processes (this one and ${extra} more, each after the same 1 MB rounds): best ${bests.map((b) => b.toFixed(1)).join(', ')} ms; median of the bests ${middle(bests).toFixed(1)} ms (target < 10 ms); jieba ${jiebas.map((b) => b.toFixed(1)).join(', ')} ms, median ${middle(jiebas).toFixed(1)} ms`);
  }
  console.log(`  1 MB from scratch: ${g.toFixed(0)} ms = ${(g / small / (big.length / article.length)).toFixed(2)}× the 20k time scaled by length (linear: 1×, target within 1.3×)`);
  // typing: ten keystrokes in one paragraph, each a new version of the article (as the editor
  // sends it); wall time and this thread's CPU time (a CPU hog on the machine inflates the first)
  const both = (fn) => {
    const c0 = process.cpuUsage();
    const ms = time(fn);
    const c = process.cpuUsage(c0);
    return { ms, cpu: (c.user + c.system) / 1000 };
  };
  const a = new core.Analyzer();
  const scratch = both(() => a.analyze(big, { document: 'big' }));
  const at = big.indexOf('。', big.length / 2);
  const versions = Array.from({ length: 10 }, (_, k) => flat(big.slice(0, at) + '，补充' + '一二三四五六七八九十'.slice(0, k + 1) + big.slice(at)));
  const edits = versions.map((v) => both(() => a.analyze(v, { document: 'big' })));
  const median = middle;
  const wall = edits.map((e) => e.ms);
  const cpu = edits.map((e) => e.cpu);
  console.log(`  typing in one paragraph of the 1 MB article (target < 30 ms): ${Math.min(...wall).toFixed(1)} ms best, ${median(wall).toFixed(1)} ms median of 10 keystrokes; ` +
    `CPU ${Math.min(...cpu).toFixed(1)} ms best, ${median(cpu).toFixed(1)} ms median`);
  console.log(`    the same article from scratch in this run: ${scratch.ms.toFixed(0)} ms (CPU ${scratch.cpu.toFixed(0)} ms); a keystroke costs ${((100 * median(cpu)) / scratch.cpu).toFixed(2)}% of it in CPU (median)`);
  const ui = join(root, 'test-results/timings.json');
  if (existsSync(ui)) {
    const t = JSON.parse(readFileSync(ui, 'utf8'));
    console.log(`  from the last UI/integration run (${t.when ?? 'undated'}): activation ${t.activationMs?.toFixed?.(1) ?? '?'} ms until activate() resolved (${t.activationCpuMs?.toFixed?.(1) ?? '?'} ms of CPU; target < 50 ms); ${t.firstLensMs === undefined ? 'first lens not measured yet (npm run test:ui)' : `opening an article in the UI run (${t.firstLensWhen ?? 'undated'}): text painted ${t.textMs?.toFixed?.(0) ?? '?'} ms, first lens ${t.firstLensMs.toFixed(0)} ms`}`);
  } else console.log('  activation and first lens: no timings from a UI run (test-results/timings.json)');
  const launches = join(root, 'test-results/activations.jsonl');
  if (existsSync(launches)) {
    const samples = readFileSync(launches, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
    const ms = samples.map((x) => x.activationMs);
    const cpu = samples.map((x) => x.activationCpuMs);
    if (samples.length) {
      console.log(`  activation in each VS Code started since the last full test run (npm test empties the list; ${samples.length}: ${samples.map((x) => x.suite).join(', ')}): ` +
        `median ${median(ms).toFixed(1)} ms (CPU ${median(cpu).toFixed(1)} ms), ${Math.min(...ms).toFixed(1)}–${Math.max(...ms).toFixed(1)} ms; ` +
        `${ms.filter((x) => x < 50).length} of ${samples.length} under the 50 ms target`);
    }
  }
}

// ---------------------------------------------------------------- hostile
if (want('hostile')) {
  // one paragraph of a short pattern repeated (no seed text): a pass that pairs every finding
  // with those before it, or walks the paragraph from each, shows here as a time that grows
  // faster than the text (linear: the 16k time is 4× the 4k one)
  const patterns = ['分别为1亿、2亿和3亿，', '分别为1亿、2亿和3亿。', '合计6亿，其中分别为1亿、2亿和3亿', '增长1%', '增长1%，', 'w.', '2022年分别为1亿、2亿', '“他说”', '《书》', '《', '“阿里云', '「公司'];
  new core.Analyzer().analyze(patterns.join('\n'));
  // (16k: the longest paragraph analysed whole; a longer one is analysed in pieces, text/longParagraphs.ts)
  console.log('\nHostile paragraphs: one pattern repeated into one paragraph, a fresh analysis (ms at 4k and 16k characters)');
  for (const pattern of patterns) {
    const at = (n) => {
      const text = pattern.repeat(Math.ceil(n / pattern.length)).slice(0, n);
      const t0 = process.hrtime.bigint();
      new core.Analyzer().analyze(text);
      return Number(process.hrtime.bigint() - t0) / 1e6;
    };
    const best = (n) => Math.min(...Array.from({ length: 7 }, () => at(n)));
    const small = best(4_000);
    const big = best(16_000);
    console.log(`  ${JSON.stringify(pattern).padEnd(30)} ${small.toFixed(0).padStart(6)} ms  ${big.toFixed(0).padStart(6)} ms  (${(big / small).toFixed(1)}×)`);
  }
}

// ---------------------------------------------------------------- index
if (want('index')) {
  // `gloss index` over N articles of about 1,700 characters (5 KB) built from the seeds at run
  // time (never copied into the repository), so that 10,000 make about 50 MB; written under
  // .bench/. GLOSS_BENCH_ARTICLES sets N (10,000). Two corpora:
  // - distinct: the seeds' lines, each copy numbered (as in the speed section), read on from one
  //   article to the next: a paragraph repeats only where a seed repeats itself, so every article
  //   is analysed afresh, as in a real corpus;
  // - overlapping: each article from its own starting line in one pool of 400k characters' lines,
  //   so that of 10,000 each paragraph occurs in about 40: mostly the paragraph cache's work, and
  //   one worker's cache serves what two workers each analyse once.
  const { distinctSeedsText } = await import('./seedsText.mjs');
  const count = Number(process.env.GLOSS_BENCH_ARTICLES ?? 10_000);
  const seeds = readdirSync(join(shared, 'seeds')).sort().map((f) => readFileSync(join(shared, 'seeds', f), 'utf8'));
  /** Articles from `pool`'s lines, wrapping round; article n starts at start(n, where article n − 1 stopped). */
  const corpus = (name, pool, start) => {
    const dir = join(work, `corpus-${count}-1700-${name}`);
    if (existsSync(join(dir, 'done'))) return dir;
    mkdirSync(dir, { recursive: true });
    let k = 0;
    for (let n = 0; n < count; n++) {
      let text = `第${n}篇\n`;
      for (k = start(n, k); text.length < 1_700; k = (k + 1) % pool.length) text += `${pool[k]}\n`;
      writeFileSync(join(dir, `a${String(n).padStart(5, '0')}.txt`), text);
    }
    writeFileSync(join(dir, 'done'), '');
    return dir;
  };
  const linesOf = (size) => distinctSeedsText(seeds, size).split('\n').filter((l) => l.trim());
  const distinct = corpus('distinct', linesOf(count * 1_800), (_n, stopped) => stopped);
  const pool = linesOf(400_000);
  const overlapping = corpus('overlapping', pool, (n) => (n * 7) % pool.length);
  execFileSync(process.execPath, [join(root, 'esbuild.mjs')], { stdio: 'ignore' });
  const cli = join(root, 'dist/cli.js');
  const mb = (dir) => readdirSync(dir).filter((f) => f.endsWith('.txt')).reduce((n, f) => n + statSync(join(dir, f)).size, 0) / 1024 / 1024;
  console.log(`\ngloss index over ${count} articles built from the seeds (target for 10,000: < 20 s with 2 jobs)`);
  for (const [name, dir] of [['distinct paragraphs', distinct], [`overlapping (each paragraph in about ${Math.max(1, Math.round((count * 1_700) / 400_000))} articles)`, overlapping]]) {
    const times = {};
    for (const jobs of [1, 2]) {
      const t0 = process.hrtime.bigint();
      const r = spawnSync(process.execPath, [cli, 'index', dir, '--jobs', String(jobs), '--out', join(work, `index-${jobs}.json`)], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
      times[jobs] = Number(process.hrtime.bigint() - t0) / 1e9;
      if (r.status) console.log(`  exit ${r.status}: ${r.stderr.trim().split('\n').pop()}`);
    }
    console.log(`  ${name}, ${mb(dir).toFixed(1)} MB: --jobs 1 ${times[1].toFixed(1)} s, --jobs 2 ${times[2].toFixed(1)} s (2 jobs ${(times[1] / times[2]).toFixed(2)}× as fast)`);
  }
}

// ---------------------------------------------------------------- review queue
if (want('review')) {
  const { printReviewQueues } = await import('./review.mjs');
  printReviewQueues(core, join(shared, 'seeds'));
}

// ---------------------------------------------------------------- editor
if (want('editor')) {
  // what the hover and CodeLens providers do, minus VS Code, on a 1 MB article
  // (every text flat, as the editor hands them over: getText joins its lines; a text built by
  // concatenation is a rope, and the first reads of a rope cost more than the analysis of an edit)
  const { distinctSeedsText, flat } = await import('./seedsText.mjs');
  const text = flat(distinctSeedsText(readdirSync(join(shared, 'seeds')).sort().map((f) => readFileSync(join(shared, 'seeds', f), 'utf8')), 1_000_000));
  const ms = (fn) => {
    const t0 = process.hrtime.bigint();
    const r = fn();
    return [Number(process.hrtime.bigint() - t0) / 1e6, r];
  };
  const analyzer = new core.Analyzer();
  const [cold, analysis] = ms(() => analyzer.analyze(text));
  const [reviewMs, review] = ms(() => core.buildReview(analysis, undefined));
  const [queueMs, queue] = ms(() => core.buildQueue(analysis, review, {}));
  const offsets = Array.from({ length: 10_000 }, (_, k) => Math.floor((k * 7919) % text.length));
  const [hoverAll] = ms(() => offsets.forEach((o) => core.itemsAt(review, o)));
  const [lensMs] = ms(() => core.itemsByParagraph(review, analysis.paragraphs.map((p) => p.paragraph)));
  const before = analyzer.freshParagraphs;
  const at = text.indexOf('。', text.length / 2);
  const edited = flat(text.slice(0, at) + '，补充' + text.slice(at));
  const [editMs] = ms(() => analyzer.analyze(edited));
  const [reviewEditMs] = ms(() => core.buildReview(analyzer.analyze(edited), undefined));
  console.log(`\nEditor path on a 1 MB article (${[...text].length} code points, ${analysis.paragraphs.length} paragraphs, ${review.items.length} findings)`);
  console.log(`  analysis from scratch: ${cold.toFixed(0)} ms (once per article; then served from the cache by document version)`);
  console.log(`  review (findings paired with the sidecar): ${reviewMs.toFixed(1)} ms`);
  console.log(`  review queue (${queue.entries.length} items): ${queueMs.toFixed(1)} ms`);
  console.log(`  hover lookup from the cached review: ${((hoverAll / offsets.length) * 1000).toFixed(2)} µs per hover (10,000 hovers)`);
  console.log(`  CodeLens grouping of all paragraphs: ${lensMs.toFixed(2)} ms`);
  console.log(`  typing in one paragraph: ${editMs.toFixed(1)} ms, ${analyzer.freshParagraphs - before} paragraph(s) analysed afresh; the review of the new version ${reviewEditMs.toFixed(1)} ms`);
  // what the extension does per keystroke: one document's analysis, review and queue kept per edit (ReviewTracker)
  const typing = new core.Analyzer();
  const tracker = new core.ReviewTracker();
  tracker.update(typing.analyze(text, { document: 'big' }), undefined, {});
  // (wall and CPU time: the CPU time also counts V8's threads that collect and compile beside it)
  const timed = (fn) => {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    fn();
    const c = process.cpuUsage(c0);
    return { wall: Number(process.hrtime.bigint() - t0) / 1e6, cpu: (c.user + c.system) / 1000 };
  };
  // 30 keystrokes: the first ten apart, as they also compile the code that keeps the review per edit
  const keystrokes = Array.from({ length: 30 }, (_, k) => flat(text.slice(0, at) + '，补充' + '一二三四五六七八九十'.repeat(3).slice(0, k + 1) + text.slice(at)))
    .map((v) => timed(() => tracker.update(typing.analyze(v, { document: 'big' }), undefined, {})));
  const [first, typed] = [keystrokes.slice(0, 10), keystrokes.slice(10)];
  const bestAndMedian = (list, of) => `${Math.min(...list.map((t) => t[of])).toFixed(1)} ms best, ${median(list.map((t) => t[of])).toFixed(1)} ms median`;
  console.log(`  typing in one paragraph as the editor does it (analysis, review and queue kept per edit), per keystroke once typing is under way (keystrokes 11-30): wall ${bestAndMedian(typed, 'wall')}; CPU ${bestAndMedian(typed, 'cpu')} (target < 30 ms)`);
  console.log(`    the first ten keystrokes: wall ${first.map((t) => t.wall.toFixed(0)).join(', ')} ms`);
}
