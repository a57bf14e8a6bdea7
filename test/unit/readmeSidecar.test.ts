import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Analyzer } from '../../src/core/analysis/analyze';
import { annotationFor, withAnnotation } from '../../src/core/review/items';
import { emptySidecar, saveSidecar } from '../../src/core/sidecar/store';
import type { LoadedSidecar } from '../../src/core/sidecar/yamlIO';

const root = join(__dirname, '../../..');

/** The article the README's sample is about (our own text). */
const ARTICLE = '星河云发布季度财报。2024年Q3，星河科技营收为1532.40亿元，同比增长6%。\n董事长陈立峰表示：“云计算仍是我们最重要的增长引擎。”\n';

/** The ```yaml block of the README's "The sidecar file" section. */
function readmeSample(): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## The sidecar file'));
  const m = /```yaml\n([\s\S]*?)```/.exec(section);
  assert.ok(m, 'the section has a yaml block');
  return m[1]!;
}

/**
 * The sample, made as a user makes it: Gloss writes two decisions (an accepted figure, a
 * claim of the user's own with a verdict, its source and evidence); the user adds comments
 * and an `x-` field by hand; Gloss then records a note on the figure. What is on disk then.
 */
export function generate(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gloss-readme-'));
  try {
    const path = join(dir, 'news.annotations.yaml');
    const analysis = new Analyzer().analyze(ARTICLE);
    const figure = analysis.figures.find((f) => f.text === '1532.40亿元');
    assert.ok(figure, 'Gloss finds the figure');
    let sidecar = emptySidecar('news.txt', ARTICLE);
    const taken = new Set<string>();
    const accepted = annotationFor(ARTICLE, { kind: 'figure', start: figure.start, end: figure.end, finding: { figure } }, 'accepted', taken);
    taken.add(accepted.id);
    const quoteStart = ARTICLE.indexOf('云计算仍是');
    const claim = annotationFor(ARTICLE, { kind: 'claim', start: quoteStart, end: ARTICLE.indexOf('”', quoteStart) }, 'manual', taken);
    Object.assign(claim, { verdict: 'unverifiable', source: '陈立峰', evidence: ['https://example.com/earnings-call'] });
    sidecar = withAnnotation(withAnnotation(sidecar, accepted), claim);
    const first = saveSidecar(path, sidecar, undefined);
    assert.equal(first.state, 'written');
    // by hand: a comment on top, one after the verdict, a team field of its own
    const edited = readFileSync(path, 'utf8')
      .replace(/^/, "# Sidecar for news.txt: comments like this one survive Gloss's edits.\n")
      .replace('verdict: unverifiable\n', 'verdict: unverifiable # an opinion\n')
      .replace('      - https://example.com/earnings-call\n', '      - https://example.com/earnings-call\n    x-desk: business\n');
    writeFileSync(path, edited);
    const base = (first as { loaded: LoadedSidecar }).loaded;
    const noted = { ...sidecar, annotations: sidecar.annotations.map((a) => (a.id === accepted.id ? { ...a, note: '与财报一致' } : a)) };
    const second = saveSidecar(path, noted, base);
    assert.equal(second.state, 'written');
    return readFileSync(path, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("the README's sidecar sample is what Gloss writes", () => {
  it('byte for byte, comments and x- field included', function () {
    this.timeout(120_000); // the first analysis loads the dictionaries
    const generated = generate();
    assert.ok(generated.includes('# an opinion') && generated.includes('x-desk: business') && generated.includes('note: 与财报一致'), generated);
    assert.equal(readmeSample(), generated, `the README's sample should read:\n${generated}`);
  });
});
