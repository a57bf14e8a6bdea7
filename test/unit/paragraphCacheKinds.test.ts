import * as assert from 'node:assert/strict';
import { Analyzer } from '../../src/core/analysis/analyze';

// a body paragraph with a claim, written twice: the second copy is a paragraph of kind 'duplicate'
const P = '据公司公告，今年第三季度该公司营收达到120亿元，同比增长了百分之十五，超过了市场此前的普遍预期。';
const Q = '另据行业报告显示，去年全国新能源汽车销量为950万辆，比前年增长了百分之三十七左右。';

describe('paragraph cache: one slot per text, slots by kind where a text is read as two kinds', () => {
  it('a text read as a body and as its repeat has a slot for each kind, each with its own findings', () => {
    const analyzer = new Analyzer();
    const first = analyzer.analyze(`${P}\n${P}`);
    assert.deepEqual(first.paragraphs.map((p) => p.paragraph.kind), ['body', 'duplicate']);
    assert.equal(analyzer.freshParagraphs, 2);
    assert.ok(first.paragraphs[0]!.claims.length > 0, 'the body has its claim');
    assert.equal(first.paragraphs[1]!.claims.length, 0, 'its repeat has none');
    // both kinds are served from the cache, in either order
    const again = analyzer.analyze(`${P}\n${P}`);
    assert.equal(analyzer.freshParagraphs, 2);
    assert.deepEqual(again.paragraphs.map((p) => p.claims.length), first.paragraphs.map((p) => p.claims.length));
    analyzer.analyze(P);
    assert.equal(analyzer.freshParagraphs, 2);
  });

  it('evicting a text evicts every kind of it, and counts each', () => {
    // room for three slots: P's two kinds and Q's fill it; a fourth (R) evicts P's text, both kinds
    const analyzer = new Analyzer(undefined, 3);
    analyzer.analyze(`${P}\n${P}\n${Q}`);
    assert.equal(analyzer.freshParagraphs, 3);
    analyzer.analyze(`${Q}\n${Q}`);
    assert.equal(analyzer.freshParagraphs, 4, "Q's repeat is new; P's text (its two slots) leaves");
    analyzer.analyze(`${Q}\n${Q}`);
    assert.equal(analyzer.freshParagraphs, 4, 'Q as both kinds stays (three slots counted, not four)');
    analyzer.analyze(P);
    assert.equal(analyzer.freshParagraphs, 5, 'P was evicted');
    analyzer.analyze(`${Q}\n${Q}`);
    assert.equal(analyzer.freshParagraphs, 5, 'P and Q as both kinds are three slots: nothing more left');
  });
});
