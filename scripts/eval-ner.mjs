// Scores one or more tagger models on the four entity sets of ../shared/bench, through the
// whole entity pipeline (lexicon, rules and the tagger), as `npm run bench entities` does but
// without the speed rounds and the seeds' table: for comparing trained models (each training
// set's contribution). Usage: node scripts/eval-ner.mjs MODEL.json [MODEL.json ...]
// Prints exact P/R/F1 per type and set, one block per model.
import * as esbuild from 'esbuild';
import { lexiconDefine } from './lexicon-define.mjs';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve, dirname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.GLOSS_SHARED ?? resolve(root, '../shared');
const work = join(root, '.bench', `eval-${process.pid}`);
mkdirSync(work, { recursive: true });
const models = process.argv.slice(2);
if (models.length === 0) {
  console.error('usage: node scripts/eval-ner.mjs MODEL.json [MODEL.json ...]');
  process.exit(2);
}

const readJsonl = (p) => readFileSync(p, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const dir = join(shared, 'bench/entities');
const sets = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
const TYPES = ['person', 'org', 'place'];
try {
  for (const model of models) {
    // a fresh bundle per model: the tagger caches the model it loaded first
    const bundle = join(work, `core-${basename(model)}.cjs`);
    await esbuild.build({
      entryPoints: [join(root, 'src/core/index.ts')], bundle: true, platform: 'node', format: 'cjs', define: lexiconDefine(),
      outfile: bundle, logLevel: 'warning', mainFields: ['main', 'module'],
    });
    const core = createRequire(import.meta.url)(bundle);
    // the model names its word dictionary relative to itself; without it the tagger is silently off
    const { words } = JSON.parse(readFileSync(model, 'utf8'));
    if (words && !existsSync(join(dirname(resolve(model)), words))) throw new Error(`${model}: its ${words} is not beside it (link it there)`);
    core.setNerModelPath(resolve(model));
    console.log(`\n${model}`);
    console.log('  set                 ' + TYPES.map((t) => `${t} F1 (P/R)`.padEnd(22)).join(''));
    for (const file of sets) {
      const gold = join(dir, file);
      const analyzer = new core.Analyzer();
      const ours = readJsonl(gold).map((d) => {
        const idx = new core.OffsetIndex(d.text);
        return { id: d.id, spans: analyzer.analyze(d.text).entities.map((e) => core.entityToSpan(e, idx)) };
      });
      const pred = join(work, `pred-${file}`);
      writeFileSync(pred, ours.map((r) => JSON.stringify(r)).join('\n') + '\n');
      const rows = JSON.parse(String(execFileSync(process.execPath, [join(shared, 'bench/score.mjs'), gold, pred, '--kind', 'entity', '--by-type', '--json']))).rows;
      const cell = (t) => {
        const r = rows.find((x) => x.key.split('/').pop() === t);
        return r ? `${r.exact.f1.toFixed(3)} (${r.exact.precision.toFixed(3)}/${r.exact.recall.toFixed(3)})` : '-';
      };
      console.log(`  ${file.replace('.jsonl', '').padEnd(18)}  ${TYPES.map((t) => cell(t).padEnd(22)).join('')}`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
