import * as assert from 'node:assert/strict';
import * as opencc from 'opencc-js';
import { presetEntries } from './openccEntries';
import { readFileSync } from 'node:fs';
import { lazyTraditionalConverter } from '../../src/core/script/lazyConvert';
import { traditionalConverter } from '../../src/core/script/normalize';
import { builtinLexiconPath } from '../../src/core/entities/builtinLexiconSource';

describe('Simplified → Traditional conversion with dictionaries loaded per first character', () => {
  const reference = opencc.Converter({ from: 'cn', to: 'tw' });

  it('gives opencc-js cn → tw output for every dictionary key and value, alone, doubled and in running text', () => {
    // one converter for all: what earlier texts loaded must not change what later ones get
    const lazy = lazyTraditionalConverter(opencc);
    let compared = 0;
    for (const [key, value] of presetEntries('s2tw')) {
      for (const text of [key, value, key + key, `前${key}后`, `${key.slice(0, -1)}说`, `${value}${key}的`]) {
        assert.equal(lazy(text), reference(text), JSON.stringify(text));
        compared++;
      }
    }
    assert.ok(compared > 100_000, `compared ${compared}`);
  });

  it('gives the same output whatever was converted before: a fresh converter per text, on the built-in lexicon', () => {
    const names = [...readFileSync(builtinLexiconPath(), 'utf8').matchAll(/[\u4e00-\u9fff]{2,}/g)].map((m) => m[0]);
    assert.ok(names.length > 1000, `${names.length} names`);
    const running = names.join('，');
    assert.equal(lazyTraditionalConverter(opencc)(running), reference(running));
    for (const name of names.slice(0, 40)) assert.equal(lazyTraditionalConverter(opencc)(name), reference(name), name);
  });

  it('gives the same output on astral characters, lone surrogates, Latin text and text with nothing to convert', () => {
    const lazy = lazyTraditionalConverter(opencc);
    for (const text of ['', 'abc 123', '𠀀𠀁干隆年间', '\ud800', 'a\udc00b\ud83d', '阿里云与通义千问', '干干净净，一目了然。', '后来的发展，发现头发里面']) {
      assert.equal(lazy(text), reference(text), JSON.stringify(text));
    }
  });

  it('converts the text around ideographic description sequences as before: opencc-js on each piece between them', () => {
    const before = (text: string) => text.split(/([\u2ff0-\u2fff]+)/).map((piece, k) => (k % 2 === 1 ? piece : reference(piece))).join('');
    for (const text of ['⿰氵马', '马⿰氵马车', '⿱⿰木木木后来', '⿰'.repeat(30) + '发']) assert.equal(traditionalConverter()(text), before(text), JSON.stringify(text));
  });

  it('keeps opencc-js precedence where dictionaries of a group share a key, and segments before converting', () => {
    // a preset of our own, in the shape of opencc-js's: its own Trie says which entry wins
    const group = ['ab X|a P', 'ab Y|a Q|b R'];
    const trie = new opencc.Trie();
    trie.loadDictGroup(group);
    const fake = {
      Locale: { configs: { s2tw: { normalizationChain: [['d c']], segmentation: ['ca S'], conversionChain: [group] } } },
      Trie: opencc.Trie,
      Converter: () => () => 'fallback',
    } as unknown as typeof opencc;
    const lazy = lazyTraditionalConverter(fake);
    assert.equal(trie.convert('ab'), 'X');
    assert.equal(lazy('ab'), 'X');
    assert.equal(lazy('bab'), `R${trie.convert('ab')}`);
    // normalised first (d → c), then cut into segments (ca | b): the phrase ab spans two of them
    assert.equal(lazy('dab'), 'cPR');
  });

  it('is built by traditionalConverter from opencc-js\'s cn2t build, whose s2tw preset is the full build\'s', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const cn2t = require('opencc-js/cn2t') as typeof opencc;
    const configs = (o: typeof opencc) => (o.Locale.configs as unknown as Record<string, unknown>).s2tw;
    assert.deepEqual(configs(cn2t), configs(opencc));
    const running = presetEntries('s2tw').map(([key]) => key).join('，');
    assert.equal(traditionalConverter()(running), reference(running));
  });
});
