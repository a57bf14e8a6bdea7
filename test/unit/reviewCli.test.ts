import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Analyzer } from '../../src/core/analysis/analyze';
import { annotationFor, buildReview, itemAt } from '../../src/core/review/items';
import { emptySidecar } from '../../src/core/sidecar/store';
import { formatSidecar } from '../../src/core/sidecar/yamlIO';
import { scratchDir, timeoutScale } from './helpers';

const root = join(__dirname, '../../..');
const cli = join(root, 'dist/cli.js');
const SAMPLE = join(root, 'test/fixtures/review/queue-sample.txt');

function gloss(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A scratch folder with the sample article, its first line prefixed by an astral character. */
function scratch(): { dir: string; file: string; text: string } {
  const dir = scratchDir('gloss-review-');
  const file = join(dir, 'sample.txt');
  const text = `𠀀${readFileSync(SAMPLE, 'utf8')}`;
  writeFileSync(file, text);
  return { dir, file, text };
}

type Printed = { file: string; queue: Array<{ kind: string; start: number; end: number; text: string; why: string }> };

describe('gloss review (child process)', function () {
  // each run loads the tagger's model: slow on a loaded machine
  this.timeout(60_000 * timeoutScale());
  before(function () {
    if (!existsSync(cli)) this.skip();
  });

  it('prints each article queue as JSON: code points, queue order, why', () => {
    const { dir, file, text } = scratch();
    const second = join(dir, 'copy.txt');
    copyFileSync(file, second);
    const r = gloss(['review', '--json', file, second], dir);
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Printed);
    assert.deepEqual(lines.map((l) => l.file), [file, second]);
    const q = lines[0]!.queue;
    assert.ok(q.length >= 5, JSON.stringify(q));
    const cps = [...text];
    for (const e of q) assert.equal(cps.slice(e.start, e.end).join(''), e.text, `code-point offsets of ${e.text}`);
    assert.deepEqual(q.map((e) => e.start), [...q.map((e) => e.start)].sort((a, b) => a - b), 'document order');
    const check = q.find((e) => e.kind === 'check');
    assert.deepEqual(check && { text: check.text, why: check.why }, { text: '10%', why: 'check does not hold' });
    assert.ok(q.some((e) => e.kind === 'entity' && e.why === 'entity' && e.text === '星河科技'));
    assert.equal(q.filter((e) => e.text === '星河科技').length, 1, 'each entity once');
    assert.ok(q.every((e) => ['check', 'claim', 'entity', 'figure'].includes(e.kind)));
    assert.ok(q.some((e) => /^(statistic|quote|event|forecast|opinion) claim \d\.\d\d$/.test(e.why)));
    const ranked = JSON.parse(gloss(['review', '--json', '--order', 'check-worthiness', file], dir).stdout) as Printed;
    assert.equal(ranked.queue[0]!.kind, 'check', 'by check-worthiness: the failed check first');
  });

  it('leaves out what the sidecar already decided', () => {
    const { dir, file, text } = scratch();
    const analysis = new Analyzer().analyze(text);
    const review = buildReview(analysis, undefined);
    const claim = itemAt(review, text.indexOf('据晨光'), 'claim')!;
    const sidecar = emptySidecar('sample.txt', text);
    sidecar.annotations.push({ ...annotationFor(text, claim, 'accepted', new Set()), verdict: 'false', evidence: ['https://example.com/report'] });
    writeFileSync(join(dir, 'sample.annotations.yaml'), formatSidecar(sidecar));
    const q = (JSON.parse(gloss(['review', '--json', file], dir).stdout) as Printed).queue;
    assert.ok(!q.some((e) => e.kind === 'check'), JSON.stringify(q));
    assert.ok(!q.some((e) => e.kind === 'claim' && e.text.startsWith('据晨光')));
  });

  it('queues figures and known names only when asked (--figures, --entities)', () => {
    const { dir, file, text } = scratch();
    // 阿里巴巴 is in the built-in lexicon: marked, but not queued unless asked
    writeFileSync(file, `${text}\n阿里巴巴董事长表示，公司今年的云业务收入增长了三成。\n`);
    const queue = (...args: string[]) => (JSON.parse(gloss(['review', '--json', ...args, file], dir).stdout) as Printed).queue;
    const plain = queue();
    assert.ok(!plain.some((e) => e.kind === 'figure'), 'by default a claim\'s figures go with the claim');
    const figures = queue('--figures', 'all');
    assert.ok(figures.some((e) => e.kind === 'figure'), JSON.stringify(figures));
    const entities = queue('--entities', 'all').filter((e) => e.kind === 'entity');
    assert.ok(!plain.some((e) => e.text === '阿里巴巴'), JSON.stringify(plain));
    assert.ok(entities.some((e) => e.text === '阿里巴巴'), 'names the lexicons know are queued too');
    assert.equal(gloss(['review', '--figures', 'some', file], dir).status, 2);
    assert.equal(gloss(['review', '--entities', 'none', file], dir).status, 2);
  });

  it('prints a readable table without --json, and refuses bad options', () => {
    const { dir, file } = scratch();
    const r = gloss(['review', file], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /sample\.txt: \d+ to review, 1 failed check\n/);
    assert.match(r.stdout, /check {2}check does not hold +10% {2}\(2000亿\/1000亿\)/);
    const bad = gloss(['review', '--order', 'random', file], dir);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--order/);
    assert.equal(gloss(['review', '--min-check-worthiness', '2', file], dir).status, 2);
    assert.equal(gloss(['review'], dir).status, 2);
  });
});
