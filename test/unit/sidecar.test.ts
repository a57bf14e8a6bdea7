import * as assert from 'node:assert/strict';
import { readFileSync, statSync, writeFileSync, chmodSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { createAnchor } from '../../src/core/sidecar/anchor';
import { mergeSidecars } from '../../src/core/sidecar/merge';
import type { Annotation, Sidecar } from '../../src/core/sidecar/model';
import { sidecarPathFor } from '../../src/core/sidecar/model';
import { emptySidecar, readSidecarFile, saveSidecar, sha256, writeAtomic } from '../../src/core/sidecar/store';
import { formatSidecar, parseSidecar, SidecarError, updateSidecarText } from '../../src/core/sidecar/yamlIO';
import { annotationId } from '../../src/core/sidecar/ids';
import { scratchDir } from './helpers';

export const ARTICLE = '星河科技营收为1532.40亿元，同比增长6%。\n董事长陈立峰表示：“云计算是引擎。”\n';

export function figureAnnotation(text: string, quote: string, extra: Partial<Annotation> = {}): Annotation {
  const at = [...text].join('').indexOf(quote);
  const start = [...text.slice(0, at)].length;
  const anchor = createAnchor(text, start, start + [...quote].length);
  return { id: annotationId('figure', start, quote, new Set()), kind: 'figure', status: 'accepted', ...anchor, ...extra };
}

function sample(): Sidecar {
  const s = emptySidecar('article.txt', ARTICLE);
  s.annotations.push(figureAnnotation(ARTICLE, '1532.40亿元', { value: 153240000000, unit: 'CNY', approx: false }));
  s.annotations.push({
    ...figureAnnotation(ARTICLE, '云计算是引擎。'),
    id: 'c-quote1',
    kind: 'claim',
    status: 'manual',
    verdict: 'unreviewed',
    source: '陈立峰',
    note: '需要核实',
    evidence: ['https://example.com/report', 'other.txt#c-1'],
  });
  return s;
}

describe('sidecar YAML', () => {
  it('writes CJK as is, in block style, with no line folding, sorted, and reads it back', () => {
    const s = sample();
    const text = formatSidecar(s);
    assert.match(text, /^version: 1\narticle: article.txt\nsha256: [0-9a-f]{64}\nannotations:\n  - id: /);
    assert.match(text, /quote: 1532\.40亿元/);
    assert.doesNotMatch(text, /\\u/);
    assert.ok(text.split('\n').every((l) => !l.endsWith(' ')));
    const back = parseSidecar(text).sidecar;
    assert.deepEqual(back.annotations.map((a) => a.id), s.annotations.map((a) => a.id));
    assert.equal(back.annotations[1]!.note, '需要核实');
  });

  it('is deterministic: the same sidecar gives the same bytes, whatever the input order', () => {
    const s = sample();
    const reversed = { ...s, annotations: [...s.annotations].reverse() };
    assert.equal(formatSidecar(s), formatSidecar(reversed));
  });

  it('round-trips an unchanged file byte for byte, even one written by hand', () => {
    const hand = readFileSync(join(__dirname, '../../../test/fixtures/sidecars/hand-written.annotations.yaml'), 'utf8');
    const loaded = parseSidecar(hand);
    assert.equal(updateSidecarText(loaded, loaded.sidecar), hand);
    assert.equal(String(parseDocument(hand)), hand);
  });

  it('keeps comments and x- fields when an annotation is edited', () => {
    const text = formatSidecar(sample()).replace('annotations:\n', 'annotations:\n  # reviewed by the desk on Monday\n')
      .replace('  - id: c-quote1\n', '  - id: c-quote1 # the CEO quote\n    x-desk: politics\n');
    const loaded = parseSidecar(text);
    const next = structuredClone(loaded.sidecar);
    next.annotations.find((a) => a.id === 'c-quote1')!.verdict = 'supported';
    const out = updateSidecarText(loaded, next);
    assert.match(out, /# reviewed by the desk on Monday/);
    assert.match(out, /# the CEO quote/);
    assert.match(out, /x-desk: politics/);
    assert.match(out, /verdict: supported/);
    assert.equal(out.split('\n').length, text.split('\n').length);
  });

  it('adds a new annotation in sorted place, and removes one', () => {
    const s = sample();
    const loaded = parseSidecar(formatSidecar({ ...s, annotations: [s.annotations[1]!] }));
    const out = updateSidecarText(loaded, s);
    assert.ok(out.indexOf('1532.40亿元') < out.indexOf('c-quote1'));
    const removed = updateSidecarText(parseSidecar(out), { ...s, annotations: [s.annotations[0]!] });
    assert.doesNotMatch(removed, /c-quote1/);
  });

  it('has no field that changes on every save', () => {
    const a = formatSidecar(sample());
    const b = formatSidecar(sample());
    assert.equal(a, b);
    assert.doesNotMatch(a, /time|date|saved|count/i);
  });
});

describe('sidecar: refusing what cannot be read', () => {
  const expectError = (text: string, code: string, line?: number) => {
    assert.throws(() => parseSidecar(text), (e: unknown) => {
      assert.ok(e instanceof SidecarError);
      assert.equal(e.code, code);
      if (line !== undefined) assert.equal(e.line, line);
      return true;
    });
  };
  it('invalid YAML, with its line', () => expectError('version: 1\narticle: a.txt\nannotations: [\n  - id: x\n', 'invalid-yaml'));
  it('git conflict markers, with their line', () => {
    const clean = formatSidecar(sample());
    expectError(`${clean}<<<<<<< HEAD\nx\n=======\ny\n>>>>>>> other\n`, 'conflict-markers', clean.split('\n').length);
  });
  it('a newer version', () => expectError(formatSidecar(sample()).replace('version: 1', 'version: 2'), 'newer-version', 1));
  it('a file that is too large', () => expectError('#'.repeat(17 * 1024 * 1024), 'too-large'));
  it('an alias bomb, quickly', () => {
    const bomb = ['version: 1', 'a: &a ["x","x","x","x","x","x","x","x","x"]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]', 'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]', 'f: [*e,*e,*e,*e,*e,*e,*e,*e,*e]'].join('\n');
    expectError(bomb, 'limits');
  });
  it('deep nesting', () => expectError(`version: 1\nx: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, 'limits'));
  it('wrong types and unknown kinds, pointing at the line', () => {
    const text = formatSidecar(sample()).replace('kind: figure', 'kind: rumour');
    assert.throws(() => parseSidecar(text), (e: unknown) => e instanceof SidecarError && e.code === 'schema' && /kind must be one of/.test(e.message) && e.line === 6);
  });
  it('unknown fields unless under x-', () => {
    const text = formatSidecar(sample()).replace('status: accepted', 'status: accepted\n    mood: happy');
    assert.throws(() => parseSidecar(text), /unknown field 'mood'/);
    parseSidecar(text.replace('mood: happy', 'x-mood: happy'));
  });
  it('duplicate ids', () => {
    const text = formatSidecar(sample()).replace('id: c-quote1', `id: ${sample().annotations[0]!.id}`);
    assert.throws(() => parseSidecar(text), /duplicate id/);
  });
});

describe('sidecar files on disk', () => {
  const dir = () => scratchDir('gloss-sidecar-');

  it('writes atomically and keeps the mode', () => {
    const d = dir();
    const p = join(d, 'a.annotations.yaml');
    writeFileSync(p, 'old');
    chmodSync(p, 0o640);
    writeAtomic(p, 'new');
    assert.equal(readFileSync(p, 'utf8'), 'new');
    assert.equal(statSync(p).mode & 0o777, 0o640);
  });

  it('never overwrites an unreadable file, and can keep the changes beside it', () => {
    const d = dir();
    const p = join(d, 'a.annotations.yaml');
    const broken = formatSidecar(sample()) + '<<<<<<< HEAD\n';
    writeFileSync(p, broken);
    const r = saveSidecar(p, sample(), undefined, true);
    assert.equal(r.state, 'refused');
    assert.equal(readFileSync(p, 'utf8'), broken);
    assert.ok(r.state === 'refused' && r.pendingPath && existsSync(r.pendingPath));
    assert.equal(readSidecarFile(`${p}.pending`).state, 'ok');
  });

  it('merges by id when the file changed on disk, and reports collisions', () => {
    const d = dir();
    const p = join(d, 'a.annotations.yaml');
    const s = sample();
    saveSidecar(p, s, undefined);
    const base = (readSidecarFile(p) as { loaded: ReturnType<typeof parseSidecar> }).loaded;
    // another window adds a note to the claim and a new annotation
    const theirs = structuredClone(s);
    theirs.annotations[1]!.note = '已核实';
    theirs.annotations.push({ ...theirs.annotations[0]!, id: 'f-other', start: 0, end: 4, quote: '星河科技', prefix: '', suffix: 'x' });
    writeFileSync(p, formatSidecar(theirs));
    // we reject the figure meanwhile
    const ours = structuredClone(s);
    ours.annotations[0]!.status = 'rejected';
    const r = saveSidecar(p, ours, base);
    assert.equal(r.state, 'written');
    const now = (readSidecarFile(p) as { loaded: ReturnType<typeof parseSidecar> }).loaded.sidecar;
    assert.equal(now.annotations.find((a) => a.id === 'c-quote1')!.note, '已核实');
    assert.equal(now.annotations.find((a) => a.id === s.annotations[0]!.id)!.status, 'rejected');
    assert.ok(now.annotations.some((a) => a.id === 'f-other'));
    assert.ok(r.state === 'written' && r.collisions.length === 0);
  });

  it('reports a collision and keeps the version on disk', () => {
    const s = sample();
    const ours = structuredClone(s);
    const theirs = structuredClone(s);
    ours.annotations[1]!.verdict = 'supported';
    theirs.annotations[1]!.verdict = 'false';
    const { merged, collisions } = mergeSidecars(s, ours, theirs);
    assert.equal(collisions.length, 1);
    assert.equal(merged.annotations.find((a) => a.id === 'c-quote1')!.verdict, 'false');
  });

  it('names the sidecar beside the article, or in a folder', () => {
    assert.equal(sidecarPathFor('/a/b/news.txt'), '/a/b/news.annotations.yaml');
    assert.equal(sidecarPathFor('/a/b/news.txt', '.gloss'), '/a/b/.gloss/news.annotations.yaml');
  });

  it('hashes the article text', () => {
    assert.equal(sha256(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});

describe('sidecar saves refuse every unreadable file and leave it as it was', () => {
  const valid = () => formatSidecar(sample());
  const corruptions: Array<[string, () => string]> = [
    ['invalid YAML', () => 'version: 1\narticle: [unclosed\n'],
    ['git conflict markers', () => `${valid()}<<<<<<< HEAD\nx\n=======\ny\n>>>>>>> theirs\n`],
    ['a newer version', () => valid().replace('version: 1', 'version: 7')],
    ['a file that is too large', () => `# ${'x'.repeat(17 * 1024 * 1024)}\n${valid()}`],
    ['an alias bomb', () => `version: 1\na: &a [x, x, x, x, x, x, x, x, x, x]\n${Array.from({ length: 6 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`).join('\n')}\n`],
    ['deep nesting', () => `version: 1\nx: ${'['.repeat(5000)}${']'.repeat(5000)}\n`],
    ['a wrong type', () => valid().replace(/start: \d+/, 'start: early')],
  ];
  for (const [what, make] of corruptions) {
    it(what, () => {
      const d = scratchDir('gloss-corrupt-');
      const p = join(d, 'a.annotations.yaml');
      const bytes = make();
      writeFileSync(p, bytes);
      const r = saveSidecar(p, sample(), undefined);
      assert.equal(r.state, 'refused');
      assert.ok(r.state === 'refused' && r.error.message.length > 0);
      assert.equal(readFileSync(p, 'utf8'), bytes);
    });
  }
});
