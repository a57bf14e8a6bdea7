import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { toCsv } from '../../src/core/sidecar/export';
import { saveSidecar, readSidecarFile } from '../../src/core/sidecar/store';
import { parseSidecar, SidecarError } from '../../src/core/sidecar/yamlIO';
import { splitParagraphs } from '../../src/core/text/paragraphs';
import { LineIndex } from '../../src/cli/lineIndex';
import { terminalSafe } from '../../src/cli/safeOutput';
import { scaled, scratchDir } from './helpers';

const root = join(__dirname, '../../..');
const cli = join(root, 'dist/cli.js');
const fixtures = join(root, 'test/fixtures');
const gloss = (args: string[], cwd = root) => spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
/** A copy of the fixture sidecars, one folder below a scratch folder (a test may write beside it). */
const scratch = () => {
  const d = join(scratchDir('gloss-hostile-'), 'sidecars');
  cpSync(join(fixtures, 'sidecars'), d, { recursive: true });
  return d;
};
const SIDECAR = 'hand-written.annotations.yaml';

/** Parsing must refuse with a SidecarError that names a line; anything else fails the test. */
function refusal(source: string): SidecarError {
  try {
    parseSidecar(source);
  } catch (e) {
    assert.ok(e instanceof SidecarError, `not a SidecarError: ${(e as Error).stack}`);
    return e;
  }
  assert.fail('parsed');
}

describe('hostile sidecars', () => {
  const valid = () => readFileSync(join(fixtures, 'sidecars', SIDECAR), 'utf8');

  it('a big note referenced 99 times through aliases is refused with a line, not a RangeError', () => {
    const note = '注'.repeat(400_000);
    const anchor = valid().replace('note: 与财报一致', `note: &big "${note}"`);
    const refs = Array.from({ length: 99 }, (_, i) => `x-copy${i}: *big`).join('\n');
    const e = refusal(`${anchor}${refs}\n`);
    assert.equal(e.code, 'limits');
    assert.ok(e.line && e.line > 1, `line ${e.line}`);
    assert.match(e.message, /aliases/);
  });

  it('counts the size limit in bytes: 6 million CJK characters (18 MB) are refused', () => {
    const e = refusal(`# ${'字'.repeat(6_000_000)}\n${valid()}`);
    assert.equal(e.code, 'too-large');
    assert.match(e.message, /MB/);
  });

  it('a lone surrogate in a quote is an error naming its line', () => {
    const source = valid().replace('quote: 1532.40亿元', 'quote: "1532.40亿元\\uD800"');
    const e = refusal(source);
    assert.equal(e.code, 'schema');
    const line = source.split('\n').findIndex((l) => l.includes('\\uD800')) + 1;
    assert.equal(e.line, line);
    assert.match(e.message, /surrogate/);
  });

  it('keeps CRLF and a BOM when a save rewrites the file', () => {
    const d = scratch();
    const p = join(d, SIDECAR);
    const crlf = '\uFEFF' + valid().replace(/\n/g, '\r\n');
    writeFileSync(p, crlf);
    const r = readSidecarFile(p);
    assert.equal(r.state, 'ok');
    if (r.state !== 'ok') return;
    const next = structuredClone(r.loaded.sidecar);
    next.annotations[0]!.note = '已再次核实';
    const saved = saveSidecar(p, next, r.loaded);
    assert.equal(saved.state, 'written');
    const bytes = readFileSync(p, 'utf8');
    assert.ok(bytes.startsWith('\uFEFF'), 'BOM lost');
    assert.equal(bytes.split('\n').length - 1, bytes.split('\r\n').length - 1, 'a line ending is not CRLF');
    assert.match(bytes, /已再次核实/);
  });

  it('gloss format keeps CRLF and the BOM of a sidecar it re-anchors', () => {
    const d = scratch();
    const p = join(d, SIDECAR);
    writeFileSync(p, '\uFEFF' + valid().replace(/\n/g, '\r\n'));
    const article = join(d, 'hand-written.txt');
    writeFileSync(article, '新增的导语。\n' + readFileSync(article, 'utf8'));
    const r = gloss(['format', d]);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const bytes = readFileSync(p, 'utf8');
    assert.ok(bytes.startsWith('\uFEFF'));
    assert.equal(bytes.split('\n').length - 1, bytes.split('\r\n').length - 1);
    assert.doesNotMatch(bytes, /start: 25\r\n/, 'not re-anchored');
  });
});

describe('a safe CLI', () => {
  before(function () {
    if (!existsSync(cli)) this.skip();
  });

  it('terminalSafe escapes C0, C1, DEL, a lone CR and bidi overrides, keeping tab and line ends', () => {
    assert.equal(terminalSafe('a\x1b[31mb\x9b2Jc\rd\u202ee\r\nf\tg'), 'a\\u001b[31mb\\u009b2Jc\\u000dd\\u202ee\r\nf\tg');
  });

  it('check prints a hostile quote without its escape sequences', () => {
    const d = scratch();
    const p = join(d, SIDECAR);
    // an unknown field is named in the message: name it with escape sequences
    writeFileSync(p, readFileSync(p, 'utf8').replace('    note: 与财报一致', '    note: 与财报一致\n    "\\e]0;pwned\\a\\e[2J\\u009b2J": 1'));
    const r = gloss(['check', d]);
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.doesNotMatch(r.stdout + r.stderr, /[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    assert.match(r.stdout, /\\u001b\]0;pwned/);
  });

  it('refuses an article: path that leaves the sidecar folder', () => {
    const d = scratch();
    const inner = join(d, 'inner');
    mkdirSync(inner);
    writeFileSync(join(d, 'escape.txt'), '外面的文件。');
    const p = join(inner, SIDECAR);
    writeFileSync(p, readFileSync(join(d, SIDECAR), 'utf8').replace('article: hand-written.txt', 'article: ../escape.txt'));
    // check reports it as a problem in the sidecar (1); format and export cannot use it (2)
    for (const [cmd, status] of [[['check', inner], 1], [['format', inner], 2], [['export', '--format', 'jsonl', inner], 2]] as const) {
      const r = gloss([...cmd]);
      assert.equal(r.status, status, `${cmd[0]}: ${r.stdout}${r.stderr}`);
      assert.match(r.stdout + r.stderr, /outside the sidecar's folder/);
      assert.doesNotMatch(r.stdout, /外面的文件/);
    }
  });

  it('agree: a file name with escape sequences is printed terminal-safe; a sidecar above the size limit is refused with its line, and the rest compared', function () {
    this.timeout(scaled(60_000));
    const d = scratchDir('gloss-agree-hostile-');
    const evil = 'evil\u001b]0;pwned\u0007';
    for (const side of ['a', 'b']) {
      mkdirSync(join(d, side, evil), { recursive: true });
      writeFileSync(join(d, side, evil, SIDECAR), readFileSync(join(fixtures, 'sidecars', SIDECAR), 'utf8'));
    }
    writeFileSync(join(d, 'b', 'huge.annotations.yaml'), ' '.repeat(17 * 1024 * 1024));
    const r = gloss(['agree', join(d, 'a'), join(d, 'b')]);
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.doesNotMatch(r.stdout + r.stderr, /[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    assert.match(r.stdout, /evil\\u001b\]0;pwned\\u0007/);
    assert.match(r.stderr, /huge\.annotations\.yaml:1: the file is 17\.0 MB, more than the 16 MB/);
  });

  it('brat export writes inside --out only', () => {
    const d = scratch();
    const out = join(d, 'out');
    mkdirSync(out);
    const r = gloss(['export', '--format', 'brat', '--out', out, d]);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(readdirSync(out).sort(), ['hand-written.ann', 'hand-written.txt']);
    // a sidecar naming an article elsewhere (which exists) is refused before anything is written:
    // its .ann would land in the folder above --out. Two checks stand in the way (the article
    // outside the sidecar's folder, the export outside --out): the test fails only without both
    const escape = `${basename(d)}-escape`;
    writeFileSync(join(d, '..', `${escape}.txt`), readFileSync(join(d, 'hand-written.txt'), 'utf8'));
    writeFileSync(join(d, SIDECAR), readFileSync(join(d, SIDECAR), 'utf8').replace('article: hand-written.txt', `article: ../${escape}.txt`));
    const bad = gloss(['export', '--format', 'brat', '--out', out, d]);
    assert.notEqual(bad.status, 0);
    assert.deepEqual(readdirSync(out).sort(), ['hand-written.ann', 'hand-written.txt']);
    assert.ok(!existsSync(join(d, `${escape}.ann`)), 'the export was written outside --out');
  });

  it('neutralises CSV formula prefixes (= + - @ tab CR) and leaves numbers alone', () => {
    const s = parseSidecar(readFileSync(join(fixtures, 'sidecars', SIDECAR), 'utf8')).sidecar;
    const hostile = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd'];
    const rows = hostile.map((note, i) => ({ ...s.annotations[0]!, id: `f-h${i}`, note, value: -5 }));
    const csv = toCsv([{ sidecar: { ...s, annotations: rows }, articleText: '' }]);
    for (const note of hostile) assert.ok(csv.includes(`"'${note.replace(/"/g, '""')}"`), `${JSON.stringify(note)} not neutralised`);
    assert.match(csv, /,-5,/);
  });
});

describe('scale and input', () => {
  before(function () {
    if (!existsSync(cli)) this.skip();
  });

  it('line numbers come from one index and agree with counting', () => {
    const text = Array.from({ length: 500 }, (_, i) => '字'.repeat(i % 7) + (i % 3 ? '\r\n' : '\n')).join('');
    const index = new LineIndex(text);
    for (let at = 0; at < text.length; at += 13) assert.equal(index.lineOf(at), text.slice(0, at).split('\n').length);
  });

  it('a byline is a credit line only up to its first sentence: a one-line article keeps its findings', () => {
    const line = '文|记者 张三。星河科技发布季度财报，营收为1532.40亿元，同比增长6%。董事长陈立峰表示，云计算是增长引擎。';
    const ps = splitParagraphs(line);
    assert.deepEqual(ps.map((p) => p.kind), ['credit', 'body']);
    assert.ok(ps[1]!.text.startsWith('星河科技'));
    const r = gloss(['detect', '--kinds', 'figure', '--input-jsonl', writeJsonl([{ id: 'a', text: line }])]);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(JSON.parse(r.stdout).spans.length >= 2, r.stdout);
    // a byline alone, or cut at its first sentence, is still a credit line
    assert.deepEqual(splitParagraphs('文|张三').map((p) => p.kind), ['credit']);
    assert.deepEqual(splitParagraphs('文|记者 张三 北京报道。').map((p) => p.kind), ['credit']);
  });

  it('reads UTF-16 with a BOM, and names UTF-16 without one', function () {
    this.timeout(120_000 * Number(process.env.GLOSS_TIMEOUT_SCALE ?? 1));
    const d = scratchDir('gloss-utf16-');
    const text = '星河科技营收为1532.40亿元，同比增长6%。';
    const le = join(d, 'le.txt');
    writeFileSync(le, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const be = join(d, 'be.txt');
    writeFileSync(be, Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]));
    for (const f of [le, be]) {
      const r = gloss(['detect', f]);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /1532\.40亿元/);
    }
    const bare = join(d, 'bare.txt');
    writeFileSync(bare, Buffer.from(text, 'utf16le'));
    const r = gloss(['detect', bare]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /UTF-16 without a byte-order mark/);
  });

  it('refuses an article above --max-article-mb with a clear message, in a file or a JSONL line, and goes on', () => {
    const big = '星河科技营收为1532.40亿元。'.repeat(8000); // about 0.4 MB
    const d = scratchDir('gloss-big-');
    writeFileSync(join(d, 'big.txt'), big);
    const f = gloss(['detect', '--max-article-mb', '0.1', join(d, 'big.txt')]);
    assert.equal(f.status, 2);
    assert.match(f.stderr, /above the 0\.1 MB limit/);
    const j = gloss(['detect', '--kinds', 'figure', '--max-article-mb', '0.1', '--input-jsonl', writeJsonl([{ id: 'small', text: '营收5.45亿美元' }, { id: 'big', text: big }, { id: 'after', text: '增长6%' }])]);
    assert.equal(j.status, 2);
    assert.match(j.stderr, /:2: the article is 0\.\d MB, above the 0\.1 MB limit/);
    assert.deepEqual(j.stdout.trim().split('\n').map((l) => JSON.parse(l).id), ['small', 'after']);
  });

  it('takes the article size limit from maxArticleMb in .gloss/config.yaml; the flag overrides it; a bad value points at its line', function () {
    this.timeout(scaled(120_000));
    const d = scratchDir('gloss-big-config-');
    mkdirSync(join(d, '.gloss'));
    mkdirSync(join(d, 'news'));
    writeFileSync(join(d, 'news', 'big.txt'), '的'.repeat(150_000)); // about 0.43 MB, with nothing to find (a short table)
    writeFileSync(join(d, '.gloss', 'config.yaml'), 'maxArticleMb: 0.1\n');
    // found from a folder below the one that holds .gloss/
    const limited = gloss(['detect', '--kinds', 'figure', 'big.txt'], join(d, 'news'));
    assert.equal(limited.status, 2);
    assert.match(limited.stderr, /above the 0\.1 MB limit/);
    const raised = gloss(['detect', '--kinds', 'figure', '--max-article-mb', '1', 'big.txt'], join(d, 'news'));
    assert.equal(raised.status, 0, raised.stderr);
    writeFileSync(join(d, '.gloss', 'config.yaml'), '# limits\nmaxArticleMb: lots\n');
    const bad = gloss(['detect', 'big.txt'], join(d, 'news'));
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /config\.yaml:2: maxArticleMb: must be a positive number/);
  });
});

function writeJsonl(docs: unknown[]): string {
  const p = join(scratchDir('gloss-jsonl-'), 'docs.jsonl');
  writeFileSync(p, docs.map((x) => JSON.stringify(x)).join('\n') + '\n');
  return p;
}

