import * as assert from 'node:assert/strict';
import { TextCopies, copyOf } from '../../src/core/text/copies';
import { splitParagraphs } from '../../src/core/text/paragraphs';
import { randomText, rng } from '../support/anchorSimulation';

// A copied piece is the slice, unit for unit: only V8's representation of it differs.
const PIECES = ['公司', '营收', 'abc', ' ', '\n', '\r\n', '\ufeff', '𠀀', '😀', '\ud800', '\udbff', '\udc00', '\udfff', '\uffff', '\u0000', 'é', '１２', '，', '。'];

describe('text copies', () => {
  it('copies every piece of a text as text.slice gives it, lone surrogates, BOM and one-byte texts included', () => {
    const next = rng(23);
    for (let round = 0; round < 2000; round++) {
      const oneByte = round % 5 === 0;
      const text = randomText(next, oneByte ? ['a', ' ', '\n', 'é', '\u00ff', '1'] : PIECES, Math.floor(next() * 80));
      const copies = new TextCopies(text);
      for (let k = 0; k < 6; k++) {
        const a = Math.floor(next() * (text.length + 1));
        const b = a + Math.floor(next() * (text.length - a + 1));
        assert.equal(copies.slice(a, b), text.slice(a, b), JSON.stringify([text, a, b]));
        assert.equal(copyOf(text, a, b), text.slice(a, b), JSON.stringify([text, a, b]));
      }
    }
    const long = '公司营收增长😀\ud800，'.repeat(1500);
    for (const [a, b] of [[0, long.length], [1, long.length], [5, 9000], [100, 8292], [0, 13]] as const) {
      assert.equal(new TextCopies(long).slice(a, b), long.slice(a, b));
      assert.equal(copyOf(long, a, b), long.slice(a, b));
    }
    assert.equal(new TextCopies('').slice(0, 0), '');
    assert.equal(copyOf('', 0, 0), '');
  });

  it('gives paragraphs whose texts are their ranges of the article', () => {
    const next = rng(29);
    for (let round = 0; round < 500; round++) {
      const text = randomText(next, [...PIECES, '这是一个很长的句子，它没有结束', '\n\n'], 1 + Math.floor(next() * 40));
      for (const p of splitParagraphs(text)) assert.equal(p.text, text.slice(p.start, p.end), JSON.stringify(text));
    }
  });
});
