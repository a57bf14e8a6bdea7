import * as assert from 'node:assert/strict';
import * as opencc from 'opencc-js';
import { presetEntries } from './openccEntries';
import { fastSimplifiedConverter } from '../../src/core/script/fastConvert';
import { simplifiedConverter, withOnePrefilter, withoutDescriptionSequences } from '../../src/core/script/normalize';

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

  it('gives the same output on random mixes of compatibility ideographs (BMP and plane 2), lone and paired surrogates and keys', () => {
    // the normalisation begins at the first unit that may start one of its keys (a native search)
    const pieces = ['\uf900', '\ufa0d', '\ufa10', '\ufad9', '\ufada', '\u{2f800}', '\u{2fa1d}', '\u{2fa1e}', '\ud87e', '\udc00', '\ud800', '\udfff', '𠀀', '車', '乾隆', '說', '的', 'a', ' ', '\r\n', '\ufeff'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let round = 0; round < 3000; round++) {
      let text = '';
      for (let k = Math.floor(next() * 12); k > 0; k--) text += pieces[Math.floor(next() * pieces.length)]!;
      assert.equal(fast(text), reference(text), JSON.stringify(text));
    }
  });

  it('gives the same output whatever was converted before: a fresh converter per text (its tries filled per first character)', () => {
    const entries = presetEntries('t2s');
    for (let k = 0; k < entries.length; k += 53) {
      const [key, value] = entries[k]!;
      for (const text of [key, `${value}${key}的`, `前${key}後`]) assert.equal(fastSimplifiedConverter(opencc)(text), reference(text), JSON.stringify(text));
    }
    const running = entries.slice(0, 3000).map(([key]) => key).join('，');
    assert.equal(fastSimplifiedConverter(opencc)(running), reference(running));
  });

  it('gives the same output after a unit that starts phrases but is no key, whatever follows it (its pairs are hashed to bits)', () => {
    const entries = presetEntries('t2s');
    const keys = new Set(entries.map(([key]) => key));
    // units that start a longer key and are no key themselves: the scan walks them only where the next code point may continue one
    const starts = [...new Set(entries.filter(([key]) => key.length > 1 && !keys.has(key[0]!)).map(([key]) => key[0]!))];
    assert.ok(starts.length > 100, `${starts.length} such units`);
    const seconds = entries.filter(([key]) => key.length > 1).map(([key]) => key.slice(1, 3));
    const others = ['', '的', '說', 'a', ' ', '\r\n', '\ufeff', '𠀀', '\ud800', '\udc00', '\ud83d\ude00', '。', ...starts.slice(0, 20)];
    let seed = 5;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const fresh = fastSimplifiedConverter(opencc);
    for (let round = 0; round < 6000; round++) {
      let text = '';
      for (let k = 1 + next(6); k > 0; k--) text += starts[next(starts.length)]! + (next(3) === 0 ? seconds[next(seconds.length)]! : others[next(others.length)]!);
      assert.equal(fast(text), reference(text), JSON.stringify(text));
      assert.equal(fresh(text), reference(text), JSON.stringify(text));
    }
  });

  it('keeps opencc-js precedence where dictionaries share a key, and replaces one-character keys of one unit, of two and of none', () => {
    // a preset of our own, in the shape of opencc-js's: its own Trie says what each pass gives
    const normalization = ['d c|\uf900 g'];
    const conversion = ['ab X|a P|𠀀 A', 'ab Y|a Q|b R|e XY|f f|g G|c C|𠀀x Z'];
    const tries = [normalization, conversion].map((group) => {
      const trie = new opencc.Trie();
      trie.loadDictGroup(group);
      return trie;
    });
    const expected = (text: string) => tries.reduce((t, trie) => trie.convert(t), text);
    const fake = {
      Locale: { configs: { t2s: { normalizationChain: [normalization], conversionChain: [conversion] } } },
      Trie: opencc.Trie,
      Converter: () => () => 'fallback',
    } as unknown as typeof opencc;
    const fast = fastSimplifiedConverter(fake);
    assert.equal(expected('ab'), 'X');
    for (const text of ['ab', 'bab', 'dab', 'efe', 'ffff', 'a', 'e', '\uf900b', '𠀀x𠀀', 'zz', 'abcdefg']) assert.equal(fast(text), expected(text), JSON.stringify(text));
  });

  it('is built by the Simplified view from opencc-js\'s t2cn build, whose t2s dictionaries are the full build\'s', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const t2cn = require('opencc-js/t2cn') as typeof opencc;
    const configs = (o: typeof opencc) => (o.Locale.configs as unknown as Record<string, unknown>).t2s;
    assert.deepEqual(configs(t2cn), configs(opencc));
    const entries = presetEntries('t2s');
    const running = entries.map(([key]) => key).join('，');
    assert.equal(simplifiedConverter()(running), reference(running));
  });
  it('steps over the normalisation only where one search finds neither a description character nor a unit it starts at', () => {
    const fast = fastSimplifiedConverter(opencc);
    // the fast path is there, and it is wrong for a text the normalisation changes: the search must catch those
    assert.ok(fast.conversionOnly !== undefined && fast.normalizationUnits !== undefined && fast.normalizationUnits.length > 0);
    assert.notEqual(fast.conversionOnly('\uf900'), fast('\uf900'));
    assert.notEqual(fast.conversionOnly('\u{2f800}'), fast('\u{2f800}'));
    const one = withOnePrefilter(fast);
    const two = withoutDescriptionSequences(fastSimplifiedConverter(opencc));
    // hostile and ordinary pieces: compatibility ideographs (BMP and plane 2), description characters, astral, emoji,
    // lone surrogates, CRLF, BOM, full-width digits, Traditional phrases and Simplified text
    const pieces = ['\uf900', '\ufa0d', '\ufa10', '\ufad9', '\ufada', '\u{2f800}', '\u{2fa1d}', '\ud87e', '⿰', '⿱', '\u2fff', '\u2fef', '\u3000', '𠀀', '😀', '\ud800', '\udc00', '\r\n', '\ufeff', '１２３', '乾隆年間', '臺灣', '說', '的', '阿里云', 'a', ' ', '。'];
    let seed = 11;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    let fastPath = 0;
    for (let round = 0; round < 4000; round++) {
      let text = '';
      for (let k = next(10); k > 0; k--) text += pieces[next(pieces.length)]!;
      assert.equal(one(text), two(text), JSON.stringify(text));
      if (!/[\u2ff0-\u2fff\uf900-\ufaff\ud87e]/.test(text)) fastPath++;
    }
    assert.ok(fastPath > 500, `${fastPath} texts on the fast path`);
    // the Simplified view's converter is this one
    for (const text of ['乾隆年間\uf900', '⿰氵馬說', '阿里云', '\u{2f800}臺']) assert.equal(simplifiedConverter()(text), two(text));
  });
});
