import * as assert from 'node:assert/strict';
import { Analyzer } from '../../src/core/analysis/analyze';
import { splitParagraphs } from '../../src/core/text/paragraphs';

describe('credit lines that name who produced the piece (XX 原创出品)', () => {
  let analyzer: Analyzer;
  before(function () {
    // the first analysis loads the lexicon, the tagger's model and the script dictionaries
    this.timeout(120_000);
    analyzer = new Analyzer();
    analyzer.analyze('星河科技营收为1亿元。');
  });

  for (const line of ['周末财经 原创出品', '晨光財經 原創出品', '星河研究院獨家出品', '本报联合出品']) {
    it(`"${line}" is a credit line, with no findings`, () => {
      const text = `${line}\n星河科技第三季度营收为1532.40亿元，同比增长6%，财报显示其云业务收入为286.5亿元。\n`;
      const [credit, body] = splitParagraphs(text);
      assert.equal(credit!.kind, 'credit');
      assert.equal(body!.kind, 'body');
      const analysis = analyzer.analyze(text);
      const inCredit = (f: { start: number }) => f.start < credit!.end;
      assert.deepEqual([...analysis.entities, ...analysis.figures, ...analysis.claims].filter(inCredit), []);
      assert.ok(analysis.figures.length > 0, 'the body keeps its findings');
    });
  }

  it('a sentence that mentions 出品 is not a credit line', () => {
    const [p] = splitParagraphs('这部电影由星河影业出品，票房已超过10亿元。\n');
    assert.equal(p!.kind, 'body');
  });
});
