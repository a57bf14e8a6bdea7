import * as assert from 'node:assert/strict';
import { lowerCase } from '../../src/core/entities/lowerCase';

describe('entities: lower case without a copy where nothing changes', () => {
  it('agrees with toLowerCase on every UTF-16 unit alone', () => {
    for (let c = 0; c < 0x10000; c++) {
      const s = String.fromCharCode(c);
      assert.equal(lowerCase(s), s.toLowerCase(), `U+${c.toString(16)}`);
    }
  });
  it('agrees with toLowerCase on every surrogate pair (every astral character)', () => {
    for (let h = 0xd800; h < 0xdc00; h++) {
      for (let l = 0xdc00; l < 0xe000; l++) {
        const s = String.fromCharCode(h, l);
        if (lowerCase(s) !== s.toLowerCase()) assert.fail(`U+${s.codePointAt(0)!.toString(16)}`);
      }
    }
  });
  it('agrees on mixed text, and returns Chinese text itself', () => {
    for (const s of ['星河科技OpenAI发布GPT-4', 'ΣΑΣ ΟΔΟΣ', 'İstanbul与東京', 'Ａｐｐｌｅ和ｘ', '𠀀𐐀𐐨😀', '记者林晓雨在成都，「采访」。']) assert.equal(lowerCase(s), s.toLowerCase(), s);
    const chinese = '记者林晓雨在成都，「采访」星河科技。'.repeat(3);
    assert.equal(lowerCase(chinese), chinese);
  });
});
