import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Analyzer } from '../../src/core/analysis/analyze';
import { scaled } from './helpers';

const root = join(__dirname, '../../..');
const cli = join(root, 'dist/cli.js');
const corpus = join(root, 'test/fixtures/corpus');

/** Worker threads each load the lexicon and the model: a call may take a while on a loaded machine. */
const CALL_LIMIT_MS = 60_000;

function gloss(args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', timeout: scaled(CALL_LIMIT_MS) });
  assert.equal(r.error, undefined, `gloss ${args.join(' ')}: ${String(r.error)}`);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The index without what depends on the run (time, jobs). */
const content = (json: string) => {
  const { ms: _ms, jobs: _jobs, ...rest } = JSON.parse(json) as Record<string, unknown>;
  return rest;
};

describe('gloss index and detect --jobs (worker threads)', function () {
  this.timeout(scaled(5 * CALL_LIMIT_MS + 10_000));
  before(function () {
    if (existsSync(cli)) return;
    this.timeout(scaled(120_000));
    spawnSync(process.execPath, [join(root, 'esbuild.mjs')], { cwd: root, encoding: 'utf8', timeout: scaled(120_000) });
    assert.ok(existsSync(cli), 'dist/cli.js is missing and `node esbuild.mjs` did not make it');
  });

  it('index gives the same corpus with one job and with two, and the counts of an in-process analysis', () => {
    const folder = mkdtempSync(join(tmpdir(), 'gloss-index-'));
    cpSync(corpus, join(folder, 'articles'), { recursive: true });
    const one = gloss(['index', folder, '--jobs', '1']);
    const two = gloss(['index', folder, '--jobs', '2']);
    assert.equal(one.status, 0, one.stderr);
    assert.equal(two.status, 0, two.stderr);
    assert.deepEqual(content(two.stdout), content(one.stdout));
    const index = JSON.parse(two.stdout) as { articleCount: number; articles: Record<string, { entities: number; claims: number }>; entities: Array<{ id: string; articles: number }> };
    assert.equal(index.articleCount, 3);
    const name = '01-cloud-earnings-simplified.txt';
    const analysis = new Analyzer().analyze(readFileSync(join(corpus, name), 'utf8'));
    assert.equal(index.articles[join('articles', name)]!.entities, analysis.entities.length);
    assert.equal(index.articles[join('articles', name)]!.claims, analysis.claims.length);
    // an entity named in two articles is listed once, with both
    assert.ok(index.entities.some((e) => e.articles >= 2), JSON.stringify(index.entities.slice(0, 5)));
  });

  it('detect --input-jsonl --jobs 2 writes what one job writes, in the input order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gloss-detect-jobs-'));
    const docs = ['星河科技集团发布财报，营收增长18%。', '陈立峰表示，公司将继续投入大模型。', '2024年，远望咨询统计的市场规模为120亿元。', '据晨光财经报道，星河云的海外收入约合12亿美元。'];
    const input = join(dir, 'docs.jsonl');
    writeFileSync(input, docs.map((text, k) => JSON.stringify({ id: `d${k}`, text })).join('\n') + '\n');
    const one = gloss(['detect', '--input-jsonl', input]);
    const two = gloss(['detect', '--input-jsonl', input, '--jobs', '2']);
    assert.equal(two.status, 0, two.stderr);
    assert.equal(two.stdout, one.stdout);
    assert.deepEqual(two.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id), ['d0', 'd1', 'd2', 'd3']);
  });

  it('rejects a bad --jobs and a missing folder with status 2 and a message', () => {
    const bad = gloss(['index', corpus, '--jobs', '0']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--jobs needs a whole number/);
    const missing = gloss(['index', join(tmpdir(), 'gloss-no-such-folder')]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /no such folder/);
  });
  it('index hands articles out in batches and puts each result back with its article (80 articles, one and two jobs)', () => {
    const folder = mkdtempSync(join(tmpdir(), 'gloss-index-batches-'));
    const lines = readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort().flatMap((f) => readFileSync(join(corpus, f), 'utf8').split('\n')).filter((l) => l.trim());
    const texts = Array.from({ length: 80 }, (_, k) => Array.from({ length: 1 + (k % 9) }, (_, i) => lines[(k * 3 + i) % lines.length]).join('\n'));
    texts.forEach((t, k) => writeFileSync(join(folder, `a${String(k).padStart(3, '0')}.txt`), t));
    const one = gloss(['index', folder, '--jobs', '1']);
    const two = gloss(['index', folder, '--jobs', '2']);
    assert.equal(two.status, 0, two.stderr);
    assert.deepEqual(content(two.stdout), content(one.stdout));
    const articles = (JSON.parse(two.stdout) as { articles: Record<string, { paragraphs: number; entities: number }> }).articles;
    const analyzer = new Analyzer();
    texts.forEach((t, k) => {
      const a = analyzer.analyze(t);
      assert.deepEqual(articles[`a${String(k).padStart(3, '0')}.txt`], { ...articles[`a${String(k).padStart(3, '0')}.txt`], paragraphs: a.paragraphs.length, entities: a.entities.length }, `article ${k}`);
    });
  });

  it('index reports a bad article on worker threads as on one thread: gloss: … and status 2, no stack trace', () => {
    const folder = mkdtempSync(join(tmpdir(), 'gloss-index-bad-'));
    cpSync(corpus, join(folder, 'articles'), { recursive: true });
    writeFileSync(join(folder, 'articles', 'scraped.txt'), Buffer.from([0x41, 0x00, 0x00, 0x07, 0xff, 0x00, 0x01]));
    for (const jobs of ['1', '2']) {
      const r = gloss(['index', folder, '--jobs', jobs]);
      assert.equal(r.status, 2, `--jobs ${jobs}: ${r.stderr}`);
      assert.match(r.stderr, /^gloss: .*scraped\.txt: binary file/, `--jobs ${jobs}`);
      assert.doesNotMatch(r.stderr, /\n\s+at /, `--jobs ${jobs}: a stack trace`);
    }
  });

  it('index reports the first bad article of a batch (articles read and analysed a batch at a time), on one thread and on two', () => {
    // 40 articles: batches of 3 with one job, of 2 with two; a004 and a005 share a batch either way
    const folder = mkdtempSync(join(tmpdir(), 'gloss-index-bad-batch-'));
    for (let k = 0; k < 40; k++) writeFileSync(join(folder, `a${String(k).padStart(3, '0')}.txt`), `星河科技集团发布财报，营收增长${k}%。\n`);
    writeFileSync(join(folder, 'a004.txt'), Buffer.from([0x41, 0x00, 0x00, 0x07, 0xff, 0x00, 0x01]));
    writeFileSync(join(folder, 'a005.txt'), Buffer.from([0x42, 0x00, 0x00, 0x07, 0xff, 0x00, 0x01]));
    for (const jobs of ['1', '2']) {
      const r = gloss(['index', folder, '--jobs', jobs]);
      assert.equal(r.status, 2, `--jobs ${jobs}: ${r.stderr}`);
      assert.match(r.stderr, /^gloss: .*a004\.txt: binary file/, `--jobs ${jobs}`);
      assert.doesNotMatch(r.stderr, /a005/, `--jobs ${jobs}`);
    }
  });

  it('index gives each article of a batch its own entry when one of them is larger than a group of analyzeMany', () => {
    // 40 articles in batches of 3 (one job): a012 is above Analyzer.GROUP_CHARS and is analysed alone
    const folder = mkdtempSync(join(tmpdir(), 'gloss-index-large-in-batch-'));
    const texts = Array.from({ length: 40 }, (_, k) => `星河科技集团发布财报，营收增长${k}%。\n陈立峰表示，公司将继续投入大模型。\n`);
    texts[12] = Array.from({ length: 6000 }, (_, i) => `远望咨询统计的市场规模为${i}亿元，同比增长${i % 97}%。`).join('\n');
    assert.ok(texts[12]!.length > Analyzer.GROUP_CHARS);
    texts.forEach((t, k) => writeFileSync(join(folder, `a${String(k).padStart(3, '0')}.txt`), t));
    const r = gloss(['index', folder, '--jobs', '1']);
    assert.equal(r.status, 0, r.stderr);
    const articles = (JSON.parse(r.stdout) as { articles: Record<string, { paragraphs: number; figures: number; entities: number; claims: number }> }).articles;
    const analyzer = new Analyzer();
    texts.forEach((t, k) => {
      const a = analyzer.analyze(t);
      const row = articles[`a${String(k).padStart(3, '0')}.txt`]!;
      assert.deepEqual([row.paragraphs, row.figures, row.entities, row.claims], [a.paragraphs.length, a.figures.filter((f) => f.salient).length, a.entities.length, a.claims.length], `article ${k}`);
    });
  });

  it('index refuses an article above the size limit (flag, or maxArticleMb in the folder config) on worker threads', () => {
    const folder = mkdtempSync(join(tmpdir(), 'gloss-index-large-'));
    mkdirSync(join(folder, 'articles'));
    writeFileSync(join(folder, 'articles', 'short.txt'), '星河科技集团发布财报，营收增长18%。\n');
    writeFileSync(join(folder, 'articles', 'long.txt'), '陈立峰表示，公司将继续投入大模型。\n'.repeat(400));
    const flag = gloss(['index', folder, '--jobs', '2', '--max-article-mb', '0.01']);
    assert.equal(flag.status, 2, flag.stderr);
    assert.match(flag.stderr, /^gloss: .*long\.txt is 0\.0 MB, above the 0\.01 MB limit/);
    assert.doesNotMatch(flag.stderr, /\n\s+at /);
    mkdirSync(join(folder, '.gloss'));
    writeFileSync(join(folder, '.gloss', 'config.yaml'), 'maxArticleMb: 0.01\n');
    const config = gloss(['index', folder, '--jobs', '2']);
    assert.equal(config.status, 2, config.stderr);
    assert.match(config.stderr, /^gloss: .*long\.txt .*above the 0\.01 MB limit/);
    // raised again by the flag: both articles are indexed
    const raised = gloss(['index', folder, '--jobs', '2', '--max-article-mb', '1']);
    assert.equal(raised.status, 0, raised.stderr);
    assert.equal((JSON.parse(raised.stdout) as { articleCount: number }).articleCount, 2);
  });

  it('detect --input-jsonl --jobs 2 writes the lines before an invalid one, as one job does, then gloss: … and status 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gloss-detect-jobs-bad-'));
    const input = join(dir, 'docs.jsonl');
    const good = ['星河科技集团发布财报，营收增长18%。', '陈立峰表示，公司将继续投入大模型。'].map((text, k) => JSON.stringify({ id: `d${k}`, text }));
    writeFileSync(input, [...good, '{"id": "d2", "text": 星河', JSON.stringify({ id: 'd3', text: '远望咨询' })].join('\n') + '\n');
    const one = gloss(['detect', '--input-jsonl', input]);
    const two = gloss(['detect', '--input-jsonl', input, '--jobs', '2']);
    assert.equal(one.status, 2, one.stderr);
    assert.equal(two.status, 2, two.stderr);
    assert.match(two.stderr, /^gloss: .*docs\.jsonl:3: invalid JSON/);
    assert.doesNotMatch(two.stderr, /\n\s+at /);
    assert.equal(two.stdout, one.stdout);
    assert.deepEqual(two.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id), ['d0', 'd1']);
  });
});
