import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { scaled, scratchDir } from './helpers';

const root = join(__dirname, '../../..');
const cli = join(root, 'dist/cli.js');
const fixtures = join(root, 'test/fixtures');

/** A limit for one call of the CLI; a test makes at most eight, and its mocha timeout is above their sum. */
const CALL_LIMIT_MS = 15_000;

function gloss(args: string[], cwd = root) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: scaled(CALL_LIMIT_MS) });
  assert.equal(r.error, undefined, `gloss ${args.join(' ')}: ${String(r.error)}`);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function scratch(): string {
  const d = scratchDir('gloss-cli-');
  cpSync(join(fixtures, 'sidecars'), d, { recursive: true });
  return d;
}

describe('gloss CLI (child process)', function () {
  this.timeout(scaled(8 * CALL_LIMIT_MS + 10_000));
  before(function () {
    // never skipped: without dist/cli.js (the unit tier run on its own), build it first
    if (existsSync(cli)) return;
    this.timeout(scaled(120_000));
    const build = spawnSync(process.execPath, [join(root, 'esbuild.mjs')], { cwd: root, encoding: 'utf8', timeout: scaled(120_000) });
    assert.ok(existsSync(cli), `dist/cli.js is missing and \`node esbuild.mjs\` did not make it:\n${build.stdout}\n${build.stderr}`);
  });

  it('detect prints a table of figures', () => {
    const r = gloss(['detect', join(fixtures, 'corpus/01-cloud-earnings-simplified.txt')]);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /money\s+1532\.40亿元\s+CNY 153,240,000,000/);
  });

  it('detect --input-jsonl writes code-point spans in the benchmark format', () => {
    const d = scratch();
    const input = join(d, 'docs.jsonl');
    writeFileSync(input, JSON.stringify({ id: 'a', text: '😀营收5.45亿美元' }) + '\n');
    const r = gloss(['detect', '--input-jsonl', input, '--kinds', 'figure']);
    assert.equal(r.status, 0);
    const line = JSON.parse(r.stdout.trim());
    assert.deepEqual({ id: line.id, start: line.spans[0].start, end: line.spans[0].end }, { id: 'a', start: 3, end: 10 });
    assert.equal(line.spans[0].value, 545000000);
  });

  it('detect says what the editor marks; --all adds the rest, told apart by salient and score', function () {
    // four child processes, each loading the tagger: generous on a loaded machine
    this.timeout(120_000 * Number(process.env.GLOSS_TIMEOUT_SCALE ?? 1));
    const d = scratch();
    const input = join(d, 'docs.jsonl');
    // 一 in 一家 is a bare numeral; the second sentence is editorial
    const text = '星河科技是一家公司，第一季度营收为38.6亿元。这无疑是一个不小的挑战。';
    writeFileSync(input, JSON.stringify({ id: 'a', text }) + '\n');
    const spans = (args: string[]) => JSON.parse(gloss(['detect', '--input-jsonl', input, '--kinds', 'figure,claim', ...args]).stdout.trim()).spans as Array<Record<string, unknown>>;
    const marked = spans([]);
    assert.ok(marked.filter((x) => x.kind === 'figure').every((x) => x.text !== '一家' && x.salient === undefined), JSON.stringify(marked));
    const claims = marked.filter((x) => x.kind === 'claim');
    assert.equal(claims.length, 1);
    assert.ok(typeof claims[0]!.score === 'number' && (claims[0]!.score as number) >= 0.5);
    const all = spans(['--all']);
    const bare = all.find((x) => x.kind === 'figure' && x.text === '一家');
    assert.equal(bare?.salient, false);
    assert.ok(all.some((x) => x.kind === 'figure' && x.text === '38.6亿元' && x.salient === true));
    const below = all.filter((x) => x.kind === 'claim' && (x.score as number) < 0.5);
    assert.equal(below.length, 1);
    assert.equal(spans(['--min-check-worthiness', '0']).filter((x) => x.kind === 'claim').length, 2);
    assert.equal(gloss(['detect', '--input-jsonl', input, '--min-check-worthiness', '2']).status, 2);
    // the table says the same, and marks what the editor does not
    const article = join(d, 'a.txt');
    writeFileSync(article, text);
    const tableAll = gloss(['detect', '--all', article]).stdout;
    assert.match(tableAll, /1 claims at or above 0\.5/);
    assert.match(tableAll, /below threshold: unmarked/);
    assert.match(tableAll, /not salient: unmarked/);
  });

  it('detect reports bad input with file, line and exit status 2', () => {
    const d = scratch();
    const bad = join(d, 'bad.jsonl');
    writeFileSync(bad, '{"id":"a","text":"x"}\n{oops\n');
    const r = gloss(['detect', '--input-jsonl', bad]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /bad\.jsonl:2: invalid JSON/);
    assert.equal(gloss(['detect', join(d, 'missing.txt')]).status, 2);
    writeFileSync(join(d, 'binary.txt'), Buffer.from([0x47, 0, 1, 2]));
    const b = gloss(['detect', join(d, 'binary.txt')]);
    assert.equal(b.status, 2);
    assert.match(b.stderr, /binary file/);
  });

  it('check passes a hand-written sidecar that follows the contract', () => {
    const r = gloss(['check', scratch()]);
    assert.equal(r.status, 0, r.stdout);
    assert.match(r.stdout, /1 sidecar checked, no problems/);
  });

  it('format leaves a canonical hand-written sidecar byte-identical, and is idempotent', () => {
    const d = scratch();
    const p = join(d, 'hand-written.annotations.yaml');
    const before = readFileSync(p, 'utf8');
    assert.equal(gloss(['format', d]).status, 0);
    assert.equal(readFileSync(p, 'utf8'), before);
    assert.equal(gloss(['format', '--check', d]).status, 0);
  });

  it('check finds a moved anchor and a stale hash; format re-anchors them; check then passes', () => {
    const d = scratch();
    const article = join(d, 'hand-written.txt');
    writeFileSync(article, '新增的导语。\n' + readFileSync(article, 'utf8'));
    const r = gloss(['check', d]);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /hand-written\.annotations\.yaml:\d+: sha256 does not match/);
    assert.match(r.stdout, /annotations\.yaml:\d+: annotation f-revenue moved/);
    assert.equal(gloss(['format', '--check', d]).status, 1);
    assert.equal(gloss(['format', d]).status, 0);
    const after = readFileSync(join(d, 'hand-written.annotations.yaml'), 'utf8');
    assert.match(after, /# the revenue figure, checked against the filing/);
    assert.match(after, /x-desk: business/);
    assert.equal(gloss(['check', d]).status, 0);
    // idempotent
    assert.equal(gloss(['format', d]).status, 0);
    assert.equal(readFileSync(join(d, 'hand-written.annotations.yaml'), 'utf8'), after);
  });

  it('check reports an orphan, and format keeps it in the file', () => {
    const d = scratch();
    const article = join(d, 'hand-written.txt');
    writeFileSync(article, readFileSync(article, 'utf8').replace('1532.40亿元', '一个未披露的数字'));
    const r = gloss(['check', d]);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /annotation f-revenue is orphaned/);
    gloss(['format', d]);
    assert.match(readFileSync(join(d, 'hand-written.annotations.yaml'), 'utf8'), /id: f-revenue/);
  });

  it('check points at the line of a corruption, exits 1, and leaves the file alone', () => {
    const d = scratch();
    const p = join(d, 'hand-written.annotations.yaml');
    const broken = readFileSync(p, 'utf8').replace('kind: claim', 'kind: rumour');
    writeFileSync(p, broken);
    const r = gloss(['check', d]);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /hand-written\.annotations\.yaml:2\d: kind must be one of claim, figure, entity/);
    gloss(['format', d]);
    assert.equal(readFileSync(p, 'utf8'), broken);
  });

  it('check exits 2 on unusable input', () => {
    assert.equal(gloss(['check', '/nonexistent/folder']).status, 2);
  });

  it('exports JSONL, CSV, brat and W3C', () => {
    const d = scratch();
    const jsonl = JSON.parse(gloss(['export', '--format', 'jsonl', d]).stdout.trim());
    assert.equal(jsonl.spans[0].text, '1532.40亿元');
    assert.equal([...jsonl.text].slice(jsonl.spans[0].start, jsonl.spans[0].end).join(''), '1532.40亿元');
    const csv = gloss(['export', '--format', 'csv', d]).stdout;
    assert.match(csv, /^article,id,kind,status,start,end,quote/);
    assert.match(csv, /hand-written\.txt,c-ceo-quote,claim,manual/);
    const out = scratchDir('gloss-brat-');
    assert.equal(gloss(['export', '--format', 'brat', '--out', out, d]).status, 0);
    assert.deepEqual(readdirSync(out).sort(), ['hand-written.ann', 'hand-written.txt']);
    const ann = readFileSync(join(out, 'hand-written.ann'), 'utf8');
    assert.match(ann, /^T1\tfigure 25 34\t1532\.40亿元$/m);
    assert.match(ann, /^A\d+\tVerdict T2 unverifiable$/m);
    assert.match(ann, /^#\d+\tAnnotatorNotes T1\t/m);
    const w3c = JSON.parse(gloss(['export', '--format', 'w3c', d]).stdout);
    assert.equal(w3c[0].target.selector[0].type, 'TextQuoteSelector');
    assert.deepEqual(w3c[0].target.selector[1], { type: 'TextPositionSelector', start: 25, end: 34 });
  });

  it('counts code points after a BOM and through CRLF and astral characters', () => {
    const d = scratch();
    const text = '\uFEFF😀星河云发布财报。\r\n𠀀营收为1532.40亿元，同比增长6%。\r\n';
    writeFileSync(join(d, 'bom.txt'), text);
    const jsonl = join(d, 'bom.jsonl');
    const body = text.slice(1);
    writeFileSync(jsonl, JSON.stringify({ id: 'bom', text: body }) + '\n');
    const line = JSON.parse(gloss(['detect', '--input-jsonl', jsonl, '--kinds', 'figure']).stdout.trim());
    const money = line.spans.find((s: { text: string }) => s.text === '1532.40亿元');
    assert.equal([...body].slice(money.start, money.end).join(''), '1532.40亿元');
    // a sidecar for the BOM article, anchored on the text without its BOM, passes check
    const cps = [...body];
    const quote = '1532.40亿元';
    const start = cps.indexOf('1');
    const sidecar = [
      'version: 1', 'article: bom.txt', `sha256: ${createHash('sha256').update(body).digest('hex')}`, 'annotations:',
      '  - id: f-bom', '    kind: figure', '    status: accepted', `    quote: ${quote}`,
      `    prefix: ${JSON.stringify(cps.slice(Math.max(0, start - 32), start).join(''))}`,
      `    suffix: ${JSON.stringify(cps.slice(start + 9, start + 9 + 32).join(''))}`,
      `    start: ${start}`, `    end: ${start + 9}`, '',
    ].join('\n');
    writeFileSync(join(d, 'bom.annotations.yaml'), sidecar);
    const r = gloss(['check', join(d, 'bom.annotations.yaml')]);
    assert.equal(r.status, 0, r.stdout);
    const w3c = JSON.parse(gloss(['export', '--format', 'w3c', join(d, 'bom.annotations.yaml')]).stdout);
    assert.deepEqual(w3c[0].target.selector[1], { type: 'TextPositionSelector', start, end: start + 9 });
  });

  it('stats counts per kind, status, verdict and orphans', () => {
    const r = gloss(['stats', scratch()]);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /by kind: claim 1, figure 1/);
    assert.match(r.stdout, /claims by verdict: unverifiable 1/);
    assert.match(r.stdout, /orphans: 0/);
  });
});
