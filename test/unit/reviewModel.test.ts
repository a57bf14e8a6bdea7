import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { Analyzer } from '../../src/core/analysis/analyze';
import { parseGlossConfig } from '../../src/core/config/glossConfig';
import { Lexicon } from '../../src/core/entities/lexicon';
import { stampDecision } from '../../src/core/review/decisions';
import { LineIndex } from '../../src/core/text/lines';
import type { Annotation } from '../../src/core/sidecar/model';
import { validateSidecar } from '../../src/core/sidecar/validate';
import { formatSidecar, parseSidecar, updateSidecarText } from '../../src/core/sidecar/yamlIO';
import { annotation, root } from './reviewHelpers';

const HAND = readFileSync(join(root, 'test/fixtures/sidecars/hand-written.annotations.yaml'), 'utf8');
const schema = (name: string) => new Ajv({ strict: false, allErrors: true }).compile(JSON.parse(readFileSync(join(root, 'schemas', name), 'utf8')));

describe('sidecar: by on decisions, url in the header', () => {
  it('writes by right after status and url last in the header, and reads them back byte for byte', () => {
    const loaded = parseSidecar(HAND);
    const [figure, claim] = loaded.sidecar.annotations as [Annotation, Annotation];
    const next = { ...loaded.sidecar, url: 'https://news.example/a/1', date: '2024-05-08', annotations: [{ ...figure, by: 'ana@example.com' }, claim] };
    const text = updateSidecarText(loaded, next);
    assert.match(text, /^sha256: [0-9a-f]{64}\ndate: 2024-05-08\nurl: https:\/\/news\.example\/a\/1\nannotations:$/m);
    assert.equal(formatSidecar(parseSidecar(text).sidecar).split('\nannotations:')[0], text.split('\nannotations:')[0]!.replace(/^#.*\n/, ''), 'the same header order written from scratch');
    assert.match(text, /^ {4}status: accepted\n {4}by: ana@example\.com\n {4}quote: 1532\.40亿元$/m);
    assert.match(text, /# the revenue figure, checked against the filing/, 'comments survive');
    const again = parseSidecar(text);
    assert.equal(again.sidecar.url, 'https://news.example/a/1');
    assert.equal(again.sidecar.annotations[0]!.by, 'ana@example.com');
    assert.equal(updateSidecarText(again, again.sidecar), text, 'unchanged: the same bytes');
    assert.equal(formatSidecar(again.sidecar), formatSidecar(parseSidecar(formatSidecar(again.sidecar)).sidecar));
    // and removing them gives the original file back
    assert.equal(updateSidecarText(again, loaded.sidecar), HAND);
    assert.equal(again.sidecar.date, '2024-05-08');
  });

  it('the validator and the JSON Schema agree on by and url', () => {
    const validate = schema('sidecar.schema.json');
    const data = parse(HAND);
    data.url = 'https://news.example/a/1';
    data.annotations[0].by = 'ana@example.com';
    assert.deepEqual(validateSidecar(data), []);
    assert.ok(validate(data), JSON.stringify(validate.errors));
    for (const [field, bad] of [['by', 'ana\nbo'], ['by', ' '], ['by', 3], ['url', 'news.example/a']] as const) {
      const copy = parse(HAND);
      if (field === 'url') copy.url = bad;
      else copy.annotations[0].by = bad;
      assert.ok(validateSidecar(copy).some((p) => p.path.includes(field)), `${field}: ${JSON.stringify(bad)} rejected`);
      assert.equal(validate(copy), false, `schema: ${field}: ${JSON.stringify(bad)} rejected`);
    }
  });

  it('stamps by only when the decision changes', () => {
    const text = '星河科技营收为1532.40亿元。';
    const base = annotation(text, { kind: 'claim', quote: '星河科技营收为1532.40亿元。', status: 'accepted' });
    const made = stampDecision(undefined, base, 'ana@example.com');
    assert.equal(made.by, 'ana@example.com');
    assert.equal(stampDecision(made, { ...made, note: '待核实' }, 'bo@example.com').by, 'ana@example.com', 'a note keeps who decided');
    assert.equal(stampDecision(made, { ...made, verdict: 'false' }, 'bo@example.com').by, 'bo@example.com');
    assert.equal(stampDecision(made, { ...made, status: 'rejected' }, undefined).by, undefined, 'a new decision by nobody known is not the old maker’s');
    assert.equal(stampDecision(undefined, base, '  \n ').by, undefined);
    assert.equal(stampDecision(undefined, base, 'Ana\nLi').by, 'Ana Li');
  });
});

describe('.gloss/config.yaml and line positions', () => {
  it("the README's config example is valid for the parser and the JSON Schema", () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const block = /```yaml\n(# \.gloss\/config\.yaml[\s\S]*?)```/.exec(readme)?.[1];
    assert.ok(block, 'README shows .gloss/config.yaml');
    const config = parseGlossConfig(block);
    assert.equal(config.claimReview.author?.name, '绿洲事实核查');
    assert.equal(config.articles['news/earnings.txt']?.date, '2024-05-08');
    const validate = schema('config.schema.json');
    assert.ok(validate(parse(block)), JSON.stringify(validate.errors));
    assert.equal(validate(parse('claimReview:\n  ratings: { false: 7 }\n')), false);
    assert.throws(() => parseGlossConfig('claimReview:\n  labels: { maybe: 也许 }\n'), /labels\.maybe: not a verdict/);
  });

  it('lines and columns in code points, through astral characters, CRLF and CR', () => {
    const lines = new LineIndex('😀𠀀ab\r\ncd\ref');
    assert.deepEqual(lines.position(0), { line: 1, column: 1 });
    assert.deepEqual(lines.position(3), { line: 1, column: 4 });
    assert.deepEqual(lines.position(6), { line: 2, column: 1 });
    assert.deepEqual(lines.position(9), { line: 3, column: 1 });
    assert.deepEqual(lines.position(11), { line: 3, column: 3 });
  });
});

describe('the analyzer gloss check uses', function () {
  this.timeout(120_000);
  it('finds the same arithmetic checks without entities as the full analysis', () => {
    const light = new Analyzer(new Lexicon([]), undefined, { entities: false });
    const full = new Analyzer();
    const checks = (a: Analyzer, text: string) => a.analyze(text).claims.flatMap((c) => c.checks.map((k) => `${c.start}-${c.end} ${k.kind} ${k.verdict} ${k.working}`));
    let failed = 0;
    for (const name of ['01-cloud-earnings-simplified.txt', '02-ai-startups-traditional.txt', '03-mixed-script-notes.txt']) {
      const text = readFileSync(join(root, 'test/fixtures/corpus', name), 'utf8');
      const expected = checks(full, text);
      assert.deepEqual(checks(light, text), expected, name);
      assert.equal(light.analyze(text).entities.length, 0);
      failed += expected.filter((k) => k.includes('does not hold')).length;
    }
    assert.ok(failed > 0, 'the fixtures have failed checks to compare');
  });
});
