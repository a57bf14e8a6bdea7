import * as assert from 'node:assert/strict';
import * as opencc from 'opencc-js';
import { presetEntries } from './openccEntries';
import { fastSimplifiedConverter } from '../../src/core/script/fastConvert';

describe('fast Traditional → Simplified conversion', () => {
  const reference = opencc.Converter({ from: 't', to: 'cn' });
  const fast = fastSimplifiedConverter(opencc);

  it('gives opencc-js t2s output for every dictionary key and value, alone, doubled and in running text', () => {
    let compared = 0;
    for (const [key, value] of presetEntries('t2s')) {
      for (const text of [key, value, key + key, `前${key}後`, `${key.slice(0, -1)}說`, `${value}${key}的`]) {
        assert.equal(fast(text), reference(text), JSON.stringify(text));
        compared++;
      }
    }
    assert.ok(compared > 20_000, `compared ${compared}`);
  });

  it('gives the same output on runs of one-character keys, replaced, mapped to themselves, or starting phrases', () => {
    const entries = presetEntries('t2s');
    const singles = entries.filter(([key]) => key.length === 1).map(([key]) => key);
    // both kinds are in the runs: a key that is a whole phrase (the leaf table), a key that starts a longer one (the trie)
    const startsPhrase = new Set(entries.filter(([key]) => key.length > 1).map(([key]) => key[0]));
    assert.ok(singles.some((key) => !startsPhrase.has(key) && reference(key) !== key), 'a key replaced from the leaf table');
    assert.ok(singles.some((key) => startsPhrase.has(key)), 'a key that starts a phrase');
    for (let k = 0; k < singles.length; k += 97) {
      const run = singles.slice(k, k + 97).join('');
      for (const text of [run, `a${run}b`, run.split('').join('，')]) assert.equal(fast(text), reference(text), JSON.stringify(text));
    }
  });

  it('gives the same output on a text longer than its buffer and its chunks, after a short one', () => {
    const piece = '乾隆年間，後來的臺灣與阿裏雲說：“這個軟體發佈了。”𠀀abc';
    for (const text of [piece, piece.repeat(400), piece.repeat(3000), piece]) assert.equal(fast(text), reference(text));
  });

  it('gives the same output on astral characters, lone surrogates, compatibility ideographs and text with nothing to convert', () => {
    for (const text of ['', 'abc 123', '𠀀𠀁乾隆年間', '\ud800', 'a\udc00b\ud83d', '\uf900\uf901車輛', '阿里云与通义千问', '乾乾淨淨，一目瞭然。']) {
      assert.equal(fast(text), reference(text), JSON.stringify(text));
    }
  });
});
