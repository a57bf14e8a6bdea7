import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compactLabel, labelOfCompact, WIDE_LABEL, WORD_CATEGORIES, WordDictionary } from '../../src/core/entities/wordLattice';
import { referenceLattice } from './referenceLattice';
import { rng } from '../support/anchorSimulation';

const root = join(__dirname, '../../..');

/** The dictionary the plain way: each word (by code points) → its category bits, in a Map. */
class ReferenceDictionary {
  readonly words = new Map<string, number>();
  longest = 0;

  constructor(lines: readonly string[]) {
    for (const line of lines) {
      const tab = line.indexOf('\t');
      const category = ['p', 'o', 'l', 'w'].indexOf(line.slice(tab + 1).trim());
      if (tab <= 0 || category < 0) continue;
      const word = line.slice(0, tab);
      this.words.set(word, (this.words.get(word) ?? 0) | (1 << category));
      this.longest = Math.max(this.longest, [...word].length);
    }
  }

  /** Every run of two characters or more looked up whole. */
  lattice(chars: readonly string[]): number[] {
    return referenceLattice(this.words, this.longest, chars);
  }

  /**
   * Every run of UTF-16 units across the boundary looked up whole (a run with a surrogate is
   * no word: the trie is walked unit by unit, and holds astral characters as code points).
   */
  crosses(text: string, at: number, minLength: number, persons: boolean): boolean {
    const ordinary = (1 << 3) | (persons ? 1 : 0);
    for (let start = Math.max(0, at - this.longest + 1); start < at; start++) {
      for (let end = at + 1; end <= text.length && end - start <= this.longest; end++) {
        const run = text.slice(start, end);
        if (/[\ud800-\udfff]/.test(run)) break;
        const categories = this.words.get(run) ?? 0;
        const length = end - start;
        if (length >= minLength && ((categories & ordinary) !== 0 || ((categories & 4) !== 0 && length >= 3))) return true;
      }
    }
    return false;
  }
}

/** Deterministic (mulberry32), so that a failure can be replayed. */
const random = rng;

function compare(dictionary: WordDictionary, reference: ReferenceDictionary, texts: readonly string[]): number {
  let found = 0;
  for (const text of texts) {
    const chars = [...text];
    const codes = chars.map((c) => c.codePointAt(0)!);
    const expected = reference.lattice(chars);
    assert.deepEqual([...dictionary.lattice(codes, codes.length)], expected, `lattice of ${text}`);
    found += expected.filter((b) => b !== 0).length;
    for (let at = 0; at <= text.length; at++) {
      for (const [minLength, persons] of [[2, false], [3, false], [3, true], [1, true]] as const) {
        const want = reference.crosses(text, at, minLength, persons);
        assert.equal(dictionary.crosses(text, at, minLength, persons), want, `crosses ${text} at ${at} (${minLength}, ${persons})`);
        if (want) found++;
      }
      // both lengths in one walk, as insideLongerWord asks them of a two-character place
      const both = (reference.crosses(text, at, 2, false) ? 1 : 0) | (reference.crosses(text, at, 3, false) ? 2 : 0);
      assert.equal(dictionary.crossesByLength(text, at), both, `crossesByLength ${text} at ${at}`);
      if (both === 1) found++;
    }
  }
  return found;
}

describe('entities: the word dictionary against a Map of its words', () => {
  // our own small alphabet, with astral characters and ASCII: words share prefixes, some nodes
  // have one child, some dozens (a node of many children is stored otherwise than one of few)
  const alphabet = [...'中华人民共和国科技大学研究院北京上海深圳市公司集团银行发展改革委员会的了在是有和张王李'].concat(['𠀀', '𠀁', '🙂', 'a', 'b', 'Z']);
  const next = random(19);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  const lines: string[] = [];
  for (let k = 0; k < 4000; k++) {
    const length = 1 + Math.floor(next() * next() * 8);
    const head = k % 3 === 0 ? '中' : '';
    lines.push(`${head}${Array.from({ length }, () => pick(alphabet)).join('')}\t${pick(['p', 'o', 'l', 'w', 'w'])}`);
  }
  const dictionary = WordDictionary.parse(lines.join('\n'));
  const reference = new ReferenceDictionary(lines);

  it('agrees on random strings', () => {
    const texts = Array.from({ length: 300 }, () => Array.from({ length: Math.floor(next() * 40) }, () => pick(alphabet)).join(''));
    assert.ok(compare(dictionary, reference, texts) > 1000);
  });
  it('agrees on the words themselves, alone and run together', () => {
    const words = lines.map((l) => l.slice(0, l.indexOf('\t')));
    const texts = words.slice(0, 600).concat(Array.from({ length: 200 }, () => Array.from({ length: 4 }, () => pick(words)).join('')));
    assert.ok(compare(dictionary, reference, texts) > 1000);
    for (const word of words) {
      // (has() reads UTF-16 units, as crosses() does: a word with an astral character is not found)
      const categories = /[\ud800-\udfff]/.test(word) ? 0 : reference.words.get(word) ?? 0;
      for (const category of WORD_CATEGORIES) assert.equal(dictionary.has(word, category), (categories & (1 << WORD_CATEGORIES.indexOf(category))) !== 0, `${word} ${category}`);
      assert.equal(dictionary.isOrdinaryWord(word), categories === 8, word);
      // a prefix that is no word of its own
      const prefix = [...word].slice(0, -1).join('');
      if (prefix && !reference.words.has(prefix)) assert.ok(!dictionary.has(prefix, 'word') && !dictionary.has(prefix, 'person'), prefix);
    }
  });
  it('agrees where characters in no word stand on either side of a boundary (crosses asks no walk there), and past both ends', () => {
    // words in both scripts; texts of them and of characters in none of them: punctuation,
    // Latin, digits, astral characters, lone surrogates, and Traditional forms of no word
    const both = [...'中华人民共和国科技大学研究院中華人民共和國科技大學研究院'].concat(['𠀀', '🙂', 'a']);
    const outside = [...'，。、 x7臺灣體鄉'].concat(['😀', '\ud800', '\udc00', '\r\n']);
    const own: string[] = [];
    for (let k = 0; k < 1500; k++) own.push(`${Array.from({ length: 2 + Math.floor(next() * 4) }, () => pick(both)).join('')}\t${pick(['p', 'o', 'l', 'w', 'w'])}`);
    // (臺灣體鄉 are in no word above but the last: 灣體鄉 begin none, 臺 begins one)
    own.push('臺灣體鄉\tw');
    const mixed = WordDictionary.parse(own.join('\n'));
    const plain = new ReferenceDictionary(own);
    const words = own.map((l) => l.slice(0, l.indexOf('\t')));
    const texts = Array.from({ length: 400 }, () => Array.from({ length: Math.floor(next() * 30) }, () => (next() < 0.3 ? pick(outside) : pick(both))).join(''));
    // and runs of the words, each after a character in no word or none (臺灣體鄉 in a quarter of them)
    for (let k = 0; k < 200; k++) texts.push(Array.from({ length: 1 + Math.floor(next() * 4) }, () => (next() < 0.5 ? pick(outside) : '') + pick(k % 4 === 0 ? words.slice(-1) : words)).join(''));
    let blocked = 0;
    let crossing = 0;
    for (const text of texts) {
      for (let at = -1; at <= text.length + 1; at++) {
        for (const [minLength, persons] of [[2, false], [3, false], [3, true], [1, true]] as const) {
          assert.equal(mixed.crosses(text, at, minLength, persons), plain.crosses(text, at, minLength, persons), `crosses ${JSON.stringify(text)} at ${at} (${minLength}, ${persons})`);
        }
        const lengths = (plain.crosses(text, at, 2, false) ? 1 : 0) | (plain.crosses(text, at, 3, false) ? 2 : 0);
        assert.equal(mixed.crossesByLength(text, at), lengths, `crossesByLength ${JSON.stringify(text)} at ${at}`);
        if (at > 0 && at < text.length && (mixed.labelOf(text.charCodeAt(at - 1)) === 0 || mixed.labelOf(text.charCodeAt(at)) === 0)) blocked++;
        if (lengths !== 0) crossing++;
      }
    }
    // the boundaries with a character in no word beside them are many, and words run across others
    assert.ok(blocked > 1000 && crossing > 300, `${blocked} ${crossing}`);
  });
  it('answers both lengths in one walk as crosses answers each, on hostile texts (lone surrogates, CRLF, BOM, emoji)', () => {
    const hostile = ['\ufeff中华人民\r\n共和国', '中\ud800华人', '科技\udc00大学研究院', '北京🙂上海\r\n深圳市', '\ud83d中华', '公司集团\ud83d', '', '中'];
    const words = lines.map((l) => l.slice(0, l.indexOf('\t')));
    for (let k = 0; k < 300; k++) hostile.push(Array.from({ length: 1 + Math.floor(next() * 6) }, () => pick([...words.slice(0, 50), '\r\n', '\ufeff', '\ud800', '\udfff', '🙂', '𠀀'])).join(''));
    let crossing = 0;
    for (const text of hostile) {
      for (let at = 0; at <= text.length; at++) {
        const both = (dictionary.crosses(text, at, 2) ? 1 : 0) | (dictionary.crosses(text, at, 3) ? 2 : 0);
        assert.equal(dictionary.crossesByLength(text, at), both, `crossesByLength ${JSON.stringify(text)} at ${at}`);
        if (both) crossing++;
      }
    }
    assert.ok(crossing > 100);
  });
  it('agrees when one dictionary tags texts of every length in turn, into one buffer (its scratch kept between calls)', () => {
    // longer then shorter texts: a pass that read past the end of this text would read the last one's labels
    const words = lines.map((l) => l.slice(0, l.indexOf('\t')));
    const out = new Uint16Array(2000);
    for (const length of [300, 1, 2, 3, 40, 2, 700, 5, 1, 2, 0, 64]) {
      for (const text of [Array.from({ length }, () => pick(alphabet)).join(''), Array.from({ length }, () => pick(words)).join('').slice(0, length)]) {
        const chars = [...text];
        const codes = chars.map((c) => c.codePointAt(0)!);
        out.fill(0xffff);
        dictionary.lattice(codes, codes.length, out);
        assert.deepEqual([...out.subarray(0, codes.length)], reference.lattice(chars), `lattice of ${text}`);
        assert.ok(out.subarray(codes.length).every((b) => b === 0xffff), 'nothing written past n');
      }
    }
  });
  it('finds words that begin with an astral character, and pairs that end on one', () => {
    const astral = WordDictionary.parse('𠀀中\tw\n中🙂\tp\n𠀁𠀀国\tl\n🙂a\to');
    const plain = new ReferenceDictionary(['𠀀中\tw', '中🙂\tp', '𠀁𠀀国\tl', '🙂a\to']);
    for (const text of ['𠀀中🙂a', '𠀁𠀀国中🙂', 'x𠀀中', '🙂a𠀁𠀀国']) {
      const chars = [...text];
      const expected = plain.lattice(chars);
      assert.ok(expected.some((b) => b !== 0), text);
      assert.deepEqual([...astral.lattice(chars.map((c) => c.codePointAt(0)!), chars.length)], expected, text);
    }
  });
  it('gives the same lattice from the labels of the characters (latticeOfLabels), and keeps each label in compactLabel\'s 15 bits', () => {
    const texts = Array.from({ length: 200 }, () => Array.from({ length: Math.floor(next() * 40) }, () => pick(alphabet)).join(''));
    for (const text of texts) {
      const codes = [...text].map((c) => c.codePointAt(0)!);
      const labels = Int32Array.from(codes, (c) => dictionary.labelOf(c));
      assert.deepEqual([...dictionary.latticeOfLabels(labels, codes.length)], [...dictionary.lattice(codes, codes.length)], text);
    }
    for (const c of alphabet) {
      const label = dictionary.labelOf(c.codePointAt(0)!);
      assert.ok(label !== 0 && compactLabel(label) !== WIDE_LABEL, c);
      assert.equal(labelOfCompact(compactLabel(label)), label, c);
    }
    // a label from 0x3fff (WIDE_LABEL itself) up does not fit (nor does its ROOT_CHILD bit take its place); 0x3ffe does
    for (const label of [0x3fff, 0x4000, 0x7fff, 0x12345, (1 << 30) | 0x3fff]) assert.equal(compactLabel(label), WIDE_LABEL, String(label));
    assert.equal(labelOfCompact(compactLabel((1 << 30) | 0x3ffe)), (1 << 30) | 0x3ffe);
  });
  it('agrees once restored from its state (a snapshot)', () => {
    const texts = Array.from({ length: 100 }, () => Array.from({ length: 30 }, () => pick(alphabet)).join(''));
    compare(WordDictionary.restore(dictionary.state()), reference, texts);
  });
  it('agrees for the shipped dictionary, on runs of its words and on random strings of its characters', () => {
    const text = readFileSync(join(root, 'src/core/entities/model/words.txt'), 'utf8');
    const all = text.split('\n').filter((l) => l.includes('\t'));
    const shipped = WordDictionary.parse(text);
    const plain = new ReferenceDictionary(all);
    const words = all.map((l) => l.slice(0, l.indexOf('\t')));
    const chars = [...new Set(words.slice(0, 20_000).flatMap((w) => [...w]))];
    const texts = Array.from({ length: 200 }, () => Array.from({ length: 5 }, () => pick(words)).join(pick(['', '的', '，'])));
    for (let k = 0; k < 200; k++) texts.push(Array.from({ length: 30 }, () => pick(chars)).join(''));
    assert.ok(compare(shipped, plain, texts) > 1000);
  });
});
