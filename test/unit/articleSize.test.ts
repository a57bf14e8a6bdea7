import * as assert from 'node:assert/strict';
import { bytesAboveLimit, formatMb, utf8Length } from '../../src/core/text/articleSize';

describe('article size limit (UTF-8 bytes, as on disk)', () => {
  it('counts UTF-8 bytes as Buffer does: ASCII, CJK, astral characters, CRLF, a BOM', () => {
    for (const s of ['', 'abc', '星河云', '𠀀😀', 'a\r\nb', '\uFEFF星河 2024年', 'é–—']) assert.equal(utf8Length(s), Buffer.byteLength(s, 'utf8'), JSON.stringify(s));
    // a lone surrogate is written as U+FFFD: 3 bytes
    assert.equal(utf8Length('a\uD800b'), Buffer.byteLength('a\uD800b', 'utf8'));
  });

  it('gives the size only above the limit, at the byte', () => {
    const mb = 1024 * 1024;
    // 3 bytes a character: at the limit is allowed, one byte more is not
    const at = '星'.repeat(mb / 4) + 'a'.repeat(mb / 4);
    assert.equal(utf8Length(at), mb);
    assert.equal(bytesAboveLimit(at, 1), undefined);
    assert.equal(bytesAboveLimit(at + 'b', 1), mb + 1);
    // CJK counts 3 bytes, not 1 character
    assert.equal(bytesAboveLimit('星'.repeat(400_000), 1), 1_200_000);
    assert.equal(formatMb(1_200_000), '1.14');
    assert.equal(formatMb(5400), '0.00515');
  });
});
