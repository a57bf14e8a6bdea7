import * as assert from 'node:assert/strict';
import { describeRange, duplicateKey, markDuplicates, paragraphRanges, splitParagraphs, talliedRanges } from '../../src/core/text/paragraphs';
import { ParagraphSplitter } from '../../src/core/text/paragraphSplitter';
import { TextCopies } from '../../src/core/text/copies';
import { rng } from '../support/anchorSimulation';

// splitParagraphs hands each range's tally, counted while the lines were joined, to
// describeRange, which looks for markup debris only where the tally saw a unit that begins it:
// the same paragraphs as each range counted afresh and searched whole.
const DEBRIS = /<\/?[a-zA-Z][a-zA-Z0-9]{0,10}\s{0,3}\/?>|\?!\?\/?[a-zA-Z]{0,6}>?|&(?:nbsp|amp|lt|gt|quot);|\/p>/g;
const PIECES = [
  '公司营收增长', '，', '。', '？', '?', '!', ' ', '\u00a0', '\u3000', '\n', '\r\n', '\n\n', '<p>', '</p>', '<br />', '?!?/p>', '?!?', '&nbsp;', '&amp;',
  '/p>', '/', '<', '&', '文|', '编辑：', '《标题》', '“引语”', '1. ', '一、', '𠀀', '\ud800', '\udc00', '\ufeff', 'abc', '#',
  '\t', '\v', '\f', '\r', '\u200b', '\u2002', '\u2003', '\u2028', '公司营收增长了百分之三十，其中云业务',
];

function reference(text: string) {
  return markDuplicates(paragraphRanges(text).map((r) => describeRange(text, r)));
}

describe('paragraph tallies handed on', () => {
  it('splits as a split that counts each range afresh, its debris as the pattern finds it in each paragraph', () => {
    const next = rng(19);
    for (let round = 0; round < 3000; round++) {
      let text = '';
      const length = 1 + Math.floor(next() * 60);
      for (let k = 0; k < length; k++) text += PIECES[Math.floor(next() * PIECES.length)]!;
      const got = splitParagraphs(text);
      assert.deepEqual(got, reference(text), JSON.stringify(text));
      assert.deepEqual(new ParagraphSplitter().split(text), got);
      // a body paragraph's repeat key is its text where its tally saw no unit that duplicateKey drops
      const { ranges, tallies } = talliedRanges(text);
      ranges.forEach((r, k) => {
        const b = describeRange(text, r, tallies[k]);
        if (b.kind === 'body') assert.equal(b.key, duplicateKey(b.text), JSON.stringify(text));
      });
      for (const p of got) {
        const found = [...p.text.matchAll(DEBRIS)].map((m) => ({ start: p.start + m.index!, end: p.start + m.index! + m[0].length }));
        assert.deepEqual(p.debris, found, JSON.stringify(text));
      }
    }
  });

  it('tallies an article read from its array of UTF-16 units (TextCopies.units) as from the string, and splits it the same', () => {
    const next = rng(23);
    for (let round = 0; round < 150; round++) {
      // long enough for the units to be read (MIN_UNITS), lone surrogates and every kind of space included
      let text = '';
      while (text.length < 1024 + Math.floor(next() * 3000)) text += PIECES[Math.floor(next() * PIECES.length)]!;
      const units = new TextCopies(text).units();
      assert.ok(units, 'an article this long is read from its units');
      assert.deepEqual(talliedRanges(text, 0, text.length, units), talliedRanges(text), JSON.stringify(text.slice(0, 40)));
      assert.deepEqual(splitParagraphs(text), reference(text), JSON.stringify(text.slice(0, 40)));
      assert.deepEqual(new ParagraphSplitter().split(text), reference(text));
    }
  });
});
