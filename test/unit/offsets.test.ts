import * as assert from 'node:assert/strict';
import { OffsetIndex, codePointLength, sliceCodePoints, stripBom } from '../../src/core/text/offsets';

describe('offsets: code points and UTF-16', () => {
  it('is the identity on text without astral characters', () => {
    const idx = new OffsetIndex('阿里云\r\n营收');
    for (let i = 0; i <= 7; i++) {
      assert.equal(idx.toCodePoint(i), i);
      assert.equal(idx.toUtf16(i), i);
    }
  });

  it('counts an astral character (𠀀, emoji) as one code point and two UTF-16 units', () => {
    const text = 'a𠀀b😀c';
    const idx = new OffsetIndex(text);
    assert.equal(idx.codePointLength, 5);
    assert.equal(idx.utf16Length, 7);
    assert.deepEqual([0, 1, 3, 4, 6, 7].map((u) => idx.toCodePoint(u)), [0, 1, 2, 3, 4, 5]);
    assert.deepEqual([0, 1, 2, 3, 4, 5].map((c) => idx.toUtf16(c)), [0, 1, 3, 4, 6, 7]);
  });

  it('rounds an offset inside a surrogate pair down to the start of the pair', () => {
    const idx = new OffsetIndex('𠀀x');
    assert.equal(idx.toCodePoint(1), 0);
  });

  it('round-trips every code point offset in mixed text with CRLF', () => {
    const text = '文|😀\r\n2023年𠀀营收5.45億美元\r\n';
    const idx = new OffsetIndex(text);
    for (let c = 0; c <= idx.codePointLength; c++) assert.equal(idx.toCodePoint(idx.toUtf16(c)), c);
    assert.equal(idx.codePointLength, [...text].length);
  });

  it('clamps offsets past either end', () => {
    const idx = new OffsetIndex('𠀀');
    assert.equal(idx.toUtf16(99), 2);
    assert.equal(idx.toCodePoint(-3), 0);
  });

  it('slices by code points and measures length', () => {
    assert.equal(sliceCodePoints('a😀b𠀀c', 1, 4), '😀b𠀀');
    assert.equal(codePointLength('a😀b𠀀c'), 5);
  });

  it('strips a BOM so that offsets count from the first visible character', () => {
    assert.equal(stripBom('\uFEFF营收'), '营收');
    assert.equal(stripBom('营收'), '营收');
  });

  it('indexes a megabyte of astral text quickly enough to finish', () => {
    const text = '𠀀'.repeat(500_000);
    const idx = new OffsetIndex(text);
    assert.equal(idx.toUtf16(250_000), 500_000);
    assert.equal(idx.toCodePoint(999_999), 499_999);
  });
});
