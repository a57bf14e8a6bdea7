import * as assert from 'node:assert/strict';
import { GROUP_SUFFIXES, groupSuffixAt } from '../../src/core/entities/sources/known';
import { matchForm } from '../../src/core/entities/lexicon';
import { toSimplifiedView } from '../../src/core/script/normalize';
import { isLatinLetter, isLatinWordChar, triggerTable, unitOr } from '../../src/core/entities/textAt';
import { rng } from '../support/anchorSimulation';

/** groupSuffixAt as it was written before its table of first units: the reference. */
function reference(form: string, i: number): string | undefined {
  for (const s of GROUP_SUFFIXES) if (form.startsWith(s, i)) return s;
  return undefined;
}

const PIECES = [...GROUP_SUFFIXES, '股份', '有限', '控', '集', '公', '公关', '阿里', '阿里巴巴集团', '集團', '公司的', '，', ' ', '\r\n', '\ufeff', '😀', '𠀀', '\ud800', '\udc00', 'İ', 'a', ''];

describe('entities: the group suffix after a known organisation', () => {
  it('is the first of GROUP_SUFFIXES that starts there, at every offset (negative, fractional, NaN, past the end too), on random and hostile texts', () => {
    const next = rng(2026120301);
    let found = 0;
    for (let t = 0; t < 3000; t++) {
      let form = '';
      for (let n = Math.floor(next() * 8); n > 0; n--) form += PIECES[Math.floor(next() * PIECES.length)]!;
      const offsets = [NaN, -Infinity, -3, -1, -0.5, 0.5, 1.5, form.length, form.length + 1, Infinity];
      for (let i = 0; i < form.length; i++) offsets.push(i);
      for (const i of offsets) {
        const want = reference(form, i);
        assert.equal(groupSuffixAt(form, i), want, `${JSON.stringify(form)} at ${i}`);
        if (want !== undefined) found++;
      }
    }
    assert.ok(found > 1000, `only ${found} suffixes: the texts do not reach them`);
  });
});

describe('entities: a unit read within the text (unitOr)', () => {
  it('is charCodeAt within the text and -1 past either end, which every unit test and table read as NaN', () => {
    const tables = [triggerTable(['·', '•']), triggerTable([' ', '\u3000'])];
    for (const text of ['', 'a', '王说', '𠀀😀', '\ud800', '\udc00x', '\r\n', '\ufeff北京', 'İ']) {
      for (let k = -3; k <= text.length + 3; k++) {
        const u = unitOr(text, k);
        const c = text.charCodeAt(k);
        if (k >= 0 && k < text.length) assert.equal(u, c);
        else {
          assert.equal(u, -1);
          assert.ok(Number.isNaN(c));
          assert.equal(isLatinWordChar(u), isLatinWordChar(c));
          assert.equal(isLatinLetter(u), isLatinLetter(c));
          for (const t of tables) assert.equal(t[u], t[c]);
        }
      }
    }
  });
});

describe('entities: the match form of a name (matchForm)', () => {
  it('is its Simplified view lower-cased by toLowerCase, on random and hostile texts', () => {
    const next = rng(11);
    const pieces = [...PIECES, 'OpenAI', 'İstanbul', 'ΣΑΣ', 'ſ', 'K', 'ＡＢ', '臺灣', '發展', '阿里巴巴集團', 'Ǆ', 'ẞ'];
    for (let t = 0; t < 3000; t++) {
      let s = '';
      for (let n = Math.floor(next() * 6); n > 0; n--) s += pieces[Math.floor(next() * pieces.length)]!;
      assert.equal(matchForm(s), toSimplifiedView(s).text.toLowerCase(), JSON.stringify(s));
    }
  });
});
