import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nerWordDictionary, setNerModelPath, spanType, tagEntities, tagSpansInto } from '../../src/core/entities/ner';
import { NER_LABELS } from '../../src/core/entities/nerFeatures';
import { integralTransitions, labellerFor, leadsOf } from '../../src/core/entities/nerLabeller';
import { nerModel } from '../../src/core/entities/nerModel';
import { KeyPresence, packedWidth, packRow, ROWS_PER_CHAR, unpackSum, WeightTable } from '../../src/core/entities/packedWeights';
import { compactLabel, WIDE_LABEL, WordDictionary } from '../../src/core/entities/wordLattice';
import { isShortLatin, marksOf } from '../../src/core/entities/sources/tagger';
import { allIn, endsWithAny, includesAnyIn, startsWithAny, WordList } from '../../src/core/entities/sources/wordLists';
import { toSimplifiedView } from '../../src/core/script/normalize';
import { referenceLattice } from './referenceLattice';

const root = join(__dirname, '../../..');
const modelDir = join(root, 'src/core/entities/model');

describe('entities: the word lattice', () => {
  const dictionary = WordDictionary.parse(['星河科技\to', '林晓雨\tp', '成都\tl', '科技\tw', '天\tw', '𠀀𠀁\tw', 'bad line', '\tw', '未知\tx'].join('\n'));
  const bits = (text: string) => [...dictionary.lattice([...text].map((c) => c.codePointAt(0)!), [...text].length)];
  // bit 3c: begins, 3c+1: inside, 3c+2: ends; categories person 0, org 1, place 2, word 3
  const B = (c: number) => 1 << (3 * c);
  const I = (c: number) => 1 << (3 * c + 1);
  const E = (c: number) => 1 << (3 * c + 2);

  it('reads only well-formed lines', () => assert.equal(dictionary.size, 6));
  it('marks where words of each category begin, continue and end', () => {
    assert.deepEqual(bits('星河科技在成都'), [B(1), I(1), I(1) | B(3), E(1) | E(3), 0, B(2), E(2)]);
    assert.deepEqual(bits('林晓雨'), [B(0), I(0), E(0)]);
  });
  it('ignores one-character words and handles astral characters', () => {
    assert.deepEqual(bits('天'), [0]);
    assert.deepEqual(bits('a𠀀𠀁'), [0, B(3), E(3)]);
  });
  it('reads CRLF lines, spaces around the category, a second tab and no final newline as before', () => {
    const d = WordDictionary.parse('成都\tl\r\n林晓雨\t p \n星河\tw\tx\n天津\tl');
    assert.equal(d.size, 3);
    assert.ok(d.has('成都', 'place') && d.has('林晓雨', 'person') && d.has('天津', 'place'));
    assert.ok(!d.has('星河', 'word'));
  });
  it('stays bounded on a long run of word prefixes', () => {
    const text = '星河'.repeat(50_000);
    assert.equal(bits(text).length, 100_000);
  });
});

describe('entities: the presence bits in front of the hash tables', () => {
  // keys as the tables hold them: slots of two numbers, -1 first where empty, and a hash per key
  const hash = (k: number) => Math.imul(k ^ (k >>> 15), 0x2c1b3c6d) >>> 0;
  const slots = new Int32Array(2 * 8192).fill(-1);
  for (let k = 0; k < 3000; k++) slots[2 * ((k * 7919) % 8192)] = k * 3;
  const presence = KeyPresence.of(slots, 2, (at) => hash(slots[at]!));

  it('never says a key of the table is absent', () => {
    for (let k = 0; k < 3000; k++) assert.ok(presence.mayHold(hash(k * 3)), `key ${k * 3}`);
  });
  it('says most absent keys are absent', () => {
    let passed = 0;
    for (let k = 0; k < 30_000; k++) if (presence.mayHold(hash(k * 3 + 1))) passed++;
    assert.ok(passed < 30_000 / 5, `${passed} of 30000 absent keys pass`);
  });
  it('lets the weight tables find every key they were given, and only those', () => {
    const table = new WeightTable(501, 1, 3);
    for (let k = 1; k <= 500; k++) table.set(k, k * 2, k * 3, 0, [k % 7, 1, 2]);
    for (let k = 1; k <= 500; k++) assert.ok(table.rowOf(k, k * 2, k * 3) > 0, `key ${k}`);
    for (let k = 1; k <= 500; k++) assert.equal(table.rowOf(k, k * 2, k * 3 + 1), 0);
    // rowOf probes from the hash it made for the presence bits: the same row as find's own probe
    for (let k = 1; k <= 500; k++) assert.equal(table.rowOf(k, k * 2, k * 3), table.find(k, k * 2, k * 3), `key ${k}`);
    // a key set after the first lookup is found too (the presence bits are made again)
    table.set(9999, 1, 1, 0, [1, 1, 1]);
    assert.ok(table.rowOf(9999, 1, 1) > 0);
  });
});

describe('entities: the weight tables against a Map of their keys', () => {
  it('find each key set, with codes at the edges of their 16 bits, and no other', () => {
    // slots pack a key as a | b << 16 and c | row << 16: codes 0 and 0xffff, and keys that
    // differ in one code only, must stay apart (the empty mark is -1 in the second number)
    const edge = [0, 1, 0x7fff, 0x8000, 0xfffe, 0xffff];
    let seed = 7;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % 0x10000;
    const keys: Array<[number, number, number]> = [];
    for (const a of edge) for (const b of edge) for (const c of edge) keys.push([a, b, c]);
    for (let k = 0; k < 1500; k++) keys.push([random(), random(), k % 3 ? random() : 0]);
    const table = new WeightTable(keys.length, 2, 9);
    const reference = new Map<string, number>();
    keys.forEach(([a, b, c], k) => {
      if (k % 2) return;
      // both parts of a row: part 1 lies at its own offset in the row
      table.set(a, b, c, (k >> 1) % 2, [k % 4000, 1, 2, 3, 4, 5, 6, 7, -(k % 4000)]);
      reference.set(`${a},${b},${c}`, k);
    });
    const unpacked = (row: number) => {
      const out = new Float64Array(9);
      const sum = new Float64Array(3);
      // the row's part 0 with eleven packed zeros: unpackSum reads a sum of twelve rows
      const zero = new Float64Array(3);
      packRow(new Array<number>(9).fill(0), zero, 0);
      for (let p = 0; p < 3; p++) sum[p] = table.weights[row + p]! + 11 * zero[p]!;
      unpackSum(sum, 0, 9, out);
      return out[0];
    };
    for (const [a, b, c] of keys) {
      const k = reference.get(`${a},${b},${c}`);
      const row = table.rowOf(a, b, c);
      assert.equal(row, table.find(a, b, c) < 0 ? 0 : table.find(a, b, c), `${a},${b},${c}`);
      if (k === undefined) assert.equal(row, 0, `${a},${b},${c} is no key`);
      else assert.equal(unpacked(row + ((k >> 1) % 2) * 3), k % 4000, `${a},${b},${c}`);
    }
  });
});

describe('entities: the rows of a table keyed by one character', () => {
  it('are rowOf(a, 0, 0) for every BMP code, and follow keys set later', () => {
    const table = new WeightTable(300, 1, 3);
    for (let k = 0; k < 250; k++) table.set((k * 263) % 0x10000, 0, 0, 0, [k % 5, 1, 2]);
    // keys of other shapes are no character's row
    table.set(77, 1, 0, 0, [1, 1, 1]);
    table.set(0, 0, 1, 0, [1, 1, 1]);
    // (a key is BMP codes: the model reads every astral character as 0xffff)
    assert.throws(() => table.set(0x20000, 0, 0, 0, [1, 1, 1]), /BMP/);
    const rows = table.rowsOfCharacters();
    for (let a = 0; a < 0x10000; a++) assert.equal(rows[a], table.rowOf(a, 0, 0), `code ${a}`);
    table.set(78, 0, 0, 0, [1, 2, 3]);
    assert.ok(table.rowsOfCharacters()[78]! > 0);
    assert.equal(table.rowsOfCharacters()[78], table.rowOf(78, 0, 0));
  });
});

describe('entities: packed label weights', () => {
  it('sums twelve rows exactly, including the extremes', () => {
    const labels = NER_LABELS.length;
    const P = packedWidth(labels);
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) % 255) - 127;
    for (let trial = 0; trial < 200; trial++) {
      const rows = Array.from({ length: ROWS_PER_CHAR }, (_, r) => Array.from({ length: labels }, () => (trial === 0 ? (r % 2 ? 127 : -127) : random())));
      const sum = new Float64Array(P);
      const packed = new Float64Array(P);
      for (const row of rows) {
        packRow(row, packed, 0);
        for (let p = 0; p < P; p++) sum[p]! += packed[p]!;
      }
      const out = new Float64Array(labels);
      unpackSum(sum, 0, labels, out);
      assert.deepEqual([...out], NER_LABELS.map((_, y) => rows.reduce((t, row) => t + row[y]!, 0)));
    }
  });
});

/**
 * The feature strings of the model file for position i, written out here from the templates
 * the training script uses, independently of src/core/entities/nerFeatures.ts (whose
 * featuresAt the reference must not share with the code under test): unigrams u-2…u2,
 * bigrams b-2…b1, the centred trigram t, the character classes k, the bias b, and with a
 * dictionary, each lattice bit set (g<bit>) and the whole set (G<bits>). Digits read as 0.
 */
function referenceFeatures(chars: readonly string[], i: number, bits: number | undefined): string[] {
  const digit = (ch: string) => /^[0-9\uff10-\uff19]$/.test(ch);
  const cls = (ch: string | undefined) =>
    ch === undefined ? '_' : digit(ch) ? 'D' : /^[a-zA-Z]$/.test(ch) ? 'L' : /^[\u4e00-\u9fff]$/.test(ch) ? 'H' : /^[ \u00a0\u3000]$/.test(ch) ? 'S' : 'P';
  const at = (k: number) => {
    const ch = chars[i + k];
    return ch === undefined ? (k < 0 ? '<' : '>') : digit(ch) ? '0' : ch;
  };
  const features: string[] = [];
  if (bits !== undefined) {
    for (let b = 0; bits >> b; b++) if (bits & (1 << b)) features.push(`g${b}`);
    features.push(`G${bits}`);
  }
  features.push('b');
  for (const k of [-2, -1, 0, 1, 2]) features.push(`u${k}${at(k)}`);
  for (const k of [-2, -1, 0, 1]) features.push(`b${k}${at(k)}${at(k + 1)}`);
  features.push(`t${at(-1)}${at(0)}${at(1)}`, `k${cls(chars[i - 1])}${cls(chars[i])}${cls(chars[i + 1])}`);
  return features;
}


/** The spans of a plain reading of the model in `dir` (ner.json and its word file), as `${text}|${type}`. */
function referenceTagger(dir: string): (text: string) => string[] {
  const model = JSON.parse(readFileSync(join(dir, 'ner.json'), 'utf8')) as { transitions: number[]; features: string; words?: string };
  const weights = new Map<string, number[]>();
  for (const line of model.features.split('\n')) {
    const tab = line.lastIndexOf('\t');
    weights.set(line.slice(0, tab), line.slice(tab + 1).split(',').map(Number));
  }
  // the dictionary file: `word<TAB>category`, category p, o, l or w
  const words = new Map<string, number>();
  let longest = 0;
  if (model.words) {
    for (const line of readFileSync(join(dir, model.words), 'utf8').split('\n')) {
      const tab = line.indexOf('\t');
      const category = 'polw'.indexOf(line.slice(tab + 1).trim());
      if (tab <= 0 || category < 0 || line.slice(tab + 1).trim().length !== 1) continue;
      const word = line.slice(0, tab);
      words.set(word, (words.get(word) ?? 0) | (1 << category));
      longest = Math.max(longest, [...word].length);
    }
  }
  const L = NER_LABELS.length;
  const allowed = (from: number, to: number) => {
    const l = NER_LABELS[to]!;
    if (!l.startsWith('I-')) return true;
    return from < L && NER_LABELS[from]!.slice(2) === l.slice(2) && NER_LABELS[from] !== 'O';
  };

  function reference(text: string): string[] {
    const chars = [...text];
    const lattice = model.words ? referenceLattice(words, longest, chars) : undefined;
    const emit = chars.map((_, i) => {
      const e = new Array<number>(L).fill(0);
      for (const f of referenceFeatures(chars, i, lattice?.[i])) weights.get(f)?.forEach((w, y) => (e[y]! += w));
      return e;
    });
    const score: number[][] = [];
    const back: number[][] = [];
    for (let i = 0; i < chars.length; i++) {
      score.push([]);
      back.push([]);
      for (let y = 0; y < L; y++) {
        let best = -Infinity;
        let arg = 0;
        if (i === 0) best = allowed(L, y) ? model.transitions[L * L + y]! : -Infinity;
        else {
          for (let p = 0; p < L; p++) {
            if (!allowed(p, y)) continue;
            const v = score[i - 1]![p]! + model.transitions[p * L + y]!;
            if (v > best) [best, arg] = [v, p];
          }
        }
        score[i]![y] = best + emit[i]![y]!;
        back[i]![y] = arg;
      }
    }
    const labels: number[] = [];
    let y = score[chars.length - 1]!.indexOf(Math.max(...score[chars.length - 1]!));
    for (let i = chars.length - 1; i >= 0; i--) {
      labels[i] = y;
      y = back[i]![y]!;
    }
    const spans: string[] = [];
    for (let i = 0; i < chars.length; i++) {
      const l = NER_LABELS[labels[i]!]!;
      if (!l.startsWith('B-')) continue;
      let e = i + 1;
      while (e < chars.length && NER_LABELS[labels[e]!] === `I-${l.slice(2)}`) e++;
      spans.push(`${chars.slice(i, e).join('')}|${l.slice(2)}`);
      i = e - 1;
    }
    return spans;
  }
  return reference;
}

/** The tests' linear congruential generator: random(n) is below n. */
function seeded(seed: number): (n: number) => number {
  return (n) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
}

/** `length` units of pieces of `all` (1 to `piece` units each), one piece in `oddEvery` one of `odd` instead. */
function piecesText(random: (n: number) => number, all: string, odd: readonly string[], length: number, piece: number, oddEvery: number): string {
  let text = '';
  while (text.length < length) {
    if (random(oddEvery) === 0) text += odd[random(odd.length)]!;
    else {
      const at = random(all.length);
      text += all.slice(at, at + 1 + random(piece));
    }
  }
  return text.slice(0, length);
}

/**
 * The tagger's optimised inference (grouped lookups, packed weights, a trie, Viterbi with
 * back-pointers) against a plain reading of the model: its own feature strings and dictionary
 * lookups, summed weights, textbook Viterbi.
 */
describe('entities: the tagger against a reference decoder', () => {
  const reference = referenceTagger(modelDir);
  const tagged = (text: string) => tagEntities(text).map((s) => `${text.slice(s.start, s.end)}|${s.type}`);

  const corpus = join(root, 'test/fixtures/corpus');
  const paragraphs = readdirSync(corpus)
    .flatMap((f) => readFileSync(join(corpus, f), 'utf8').split(/\r?\n/))
    .filter((p) => p.trim())
    .map((p) => toSimplifiedView(p).text.toLowerCase());
  it(`agrees on every paragraph of the fixture corpus (${paragraphs.length})`, () => {
    for (const p of paragraphs) assert.deepEqual(tagged(p), reference(p), p);
  });
  it('agrees in the numbers of tagSpansInto, one buffer kept from text to text and grown from three numbers', () => {
    const out = { spans: new Int32Array(3) };
    // (the longest paragraphs first: a shorter text after them reads only its own spans)
    const texts = [...paragraphs].sort((x, y) => y.length - x.length);
    for (const p of texts) {
      const count = tagSpansInto(p, out);
      const spans = Array.from({ length: count }, (_, k) => `${p.slice(out.spans[3 * k]!, out.spans[3 * k + 1]!)}|${spanType(out.spans[3 * k + 2]!)}`);
      assert.deepEqual(spans, reference(p), p);
    }
  });
  it('agrees on random strings of pieces of those paragraphs, up to 400 long', () => {
    // names side by side and cut anywhere: label sequences the paragraphs alone never meet
    const all = paragraphs.join('');
    let seed = 11;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (let trial = 0; trial < 60; trial++) {
      const length = 1 + random(400);
      let text = '';
      while (text.length < length) {
        const at = random(all.length);
        text += all.slice(at, at + 1 + random(6));
      }
      text = text.slice(0, length);
      assert.deepEqual(tagged(text), reference(text), text);
    }
  });
  it("agrees on short texts, and on texts that end or begin in keys of the model's triples with the edges", () => {
    // (the labeller lists the pairs and triples to look up in one pass and probes them after
    // it, the edges' with the others: a text this short reads little else; a mutant that
    // leaves out the edges' triple or one of their pairs fails here)
    const all = paragraphs.join('');
    const odd = ['𠀀', '\ud800', '１', '9', 'a', ' ', '<', '>', '。', '”'];
    const texts = new Set<string>(odd);
    for (let at = 0; at + 3 <= all.length && texts.size < 3000; at += 7) for (let n = 1; n <= 3; n++) texts.add(all.slice(at, at + n));
    // the ends and beginnings of sentences, whose pairs and triples with the edges the model knows
    for (let at = all.indexOf('。'); at > 3; at = all.indexOf('。', at + 1)) for (let n = 1; n <= 3; n++) texts.add(all.slice(at + 1 - n, at + 1)).add(all.slice(at + 1, at + 1 + n));
    for (const a of odd) for (const b of odd) texts.add(a + b);
    // and texts that end in the pairs the trigram table knows before the end (and begin in those it knows after the start)
    const { slots } = nerModel()!.trigrams.probe();
    for (let at = 0; at < slots.length; at += 2) {
      if (slots[at + 1] === -1) continue;
      const [a, b, c] = [slots[at]! & 0xffff, slots[at]! >>> 16, slots[at + 1]! & 0xffff];
      const pieces = [all.slice(0, 6), all.slice(100, 103), '张伟', '北京市', ''];
      if (c === 0x3e) for (const p of pieces) texts.add(p + String.fromCharCode(a, b));
      if (a === 0x3c && b !== 0x3c) for (const p of pieces) texts.add(String.fromCharCode(b, c) + p);
    }
    texts.delete('');
    for (const text of texts) assert.deepEqual(tagged(text), reference(text), JSON.stringify(text));
  });
  it('agrees on random strings of those pieces and hostile characters: astral ones, lone surrogates, digits, CRLF, a BOM', () => {
    // the labeller reads code points by UTF-16 unit, a surrogate pair as one: a pair split by
    // a cut, a lone half at either end, or two high halves in a row must read as codePointAt does
    const all = paragraphs.join('');
    const odd = ['𠀀', '😀', '\ud800', '\udc00', '\ud83d', '\ude00', '\ufeff', '\r\n', '１２', '09', 'AbZ', ' ', '\u3000', '\u00a0', '<', '>'];
    const random = seeded(29);
    for (let trial = 0; trial < 200; trial++) {
      const text = piecesText(random, all, odd, 1 + random(120), 6, 3);
      assert.deepEqual(tagged(text), reference(text), JSON.stringify(text));
    }
  });
  for (const text of [
    '记者林晓雨昨天在成都采访了星河科技创始人周明。',
    '据远望咨询统计,2023年北京市朝阳区的企业数量增长了12%。',
    'openai与微软在西雅图签约,张伟和李娜出席。',
    '《星河日报》报道,江南大学的王教授认为𠀀😀这一趋势将持续。',
    '\ufeff记者\ud800林晓雨\r\n昨天在\udc00成都😀采访了周明\ud83d',
    '1',
    '',
  ]) {
    it(`agrees on “${text.slice(0, 12)}…”`, () => assert.deepEqual(tagged(text), text ? reference(text) : []));
  }
});

/**
 * The labeller keeps its own copy of the word lattice's walk (latticeOf, with its arrays as
 * constants of its code): it must agree with WordDictionary.latticeOfLabels on the same labels,
 * position by position, short texts and long ones (the long-text labeller), hostile ones too.
 */
describe("entities: the labeller's word lattice against the dictionary's", () => {
  it("is latticeOfLabels of the labeller's own word labels, at every position", () => {
    const words = nerWordDictionary();
    assert.ok(words, 'the tagger has a word dictionary');
    const corpus = join(root, 'test/fixtures/corpus');
    const all = readdirSync(corpus)
      .map((f) => readFileSync(join(corpus, f), 'utf8'))
      .join('')
      .toLowerCase();
    const odd = ['𠀀', '😀', '\ud800', '\udc00', '\ufeff', '\r\n', '１２', 'AbZ', ' '];
    const random = seeded(41);
    let positionsWithWords = 0;
    let spanStarts = 0;
    for (let trial = 0; trial < 120; trial++) {
      // one text in ten past the short labeller's 1,024 units
      const text = piecesText(random, all, odd, trial % 10 === 9 ? 1025 + random(3000) : 1 + random(400), 12, 5);
      const labeller = labellerFor(text)!;
      const n = labeller.label(text);
      const own = [...labeller.scratch.lattice.subarray(0, n)];
      const expected: number[] = [...words!.latticeOfLabels(labeller.scratch.wordLabels, n)];
      assert.deepEqual(own, expected, JSON.stringify(text.slice(0, 60)));
      // (and the list of the labels' spans' starts, which tagSpansInto reads instead of every label: every odd label, in order)
      const { opens, labels } = labeller.scratch;
      const starts = Array.from({ length: opens[0]! }, (_, k) => opens[opens[0]! - k]!);
      assert.deepEqual(starts, [...labels.subarray(0, n).keys()].filter((i) => (labels[i]! & 1) === 1), JSON.stringify(text.slice(0, 60)));
      spanStarts += starts.length;
      positionsWithWords += expected.filter((b: number) => b !== 0).length;
    }
    // (a test of texts where no word is found would prove nothing)
    assert.ok(positionsWithWords > 1000, `${positionsWithWords} positions in words`);
    assert.ok(spanStarts > 100, `${spanStarts} spans`);
  });
});

describe("entities: the labeller's leads of O", () => {
  const L = NER_LABELS.length;
  let seed = 3;
  const random = (n: number) => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n;
  it('make O the strict best predecessor of O and of every B- label wherever every other label is below O by more than its lead', () => {
    let ahead = 0;
    for (let trial = 0; trial < 2000; trial++) {
      const spread = [3, 40, 5000][trial % 3]!;
      const transitions = Array.from({ length: (L + 1) * L }, () => random(2 * spread + 1) - spread);
      const leads = leadsOf(transitions);
      assert.equal(leads.length, L);
      for (let q = 1; q < L; q++) assert.ok(Number.isInteger(leads[q]));
      const s = Array.from({ length: L }, () => random(4 * spread) - 2 * spread);
      // (O at the edge of the leads in most trials: one more, as much, one less)
      if (trial % 4 !== 0) s[0] = Math.max(...s.slice(1).map((v, k) => v + leads[k + 1]!)) + random(3);
      if (!s.every((v, q) => q === 0 || v + leads[q]! < s[0]!)) continue;
      ahead++;
      for (const y of [0, 1, 3, 5, 7]) {
        for (let q = 1; q < L; q++) assert.ok(s[q]! + transitions[q * L + y]! < s[0]! + transitions[y]!, `${trial} ${y} ${q}`);
      }
    }
    assert.ok(ahead > 100, `${ahead}`);
  });
  it('are the least such leads: one less, and the label can be as good as O into some O or B- label', () => {
    for (let trial = 0; trial < 20; trial++) {
      const transitions = Array.from({ length: (L + 1) * L }, () => random(41) - 20);
      const leads = leadsOf(transitions);
      for (let q = 1; q < L; q++) {
        let tied = false;
        for (const y of [0, 1, 3, 5, 7]) if (transitions[q * L + y]! - transitions[y]! === leads[q]) tied = true;
        assert.ok(tied, `${trial} ${q}`);
      }
    }
  });
  it('are never reached where a transition is no integer or not finite', () => {
    for (const bad of [0.5, -Infinity, Infinity, NaN]) {
      const transitions = Array.from({ length: (L + 1) * L }, () => 1);
      transitions[3 * L + 5] = bad;
      const leads = leadsOf(transitions);
      for (let q = 1; q < L; q++) assert.equal(leads[q], Infinity, `${bad} ${q}`);
    }
  });
});

describe("entities: the labeller's test of transitions it compares scores of without branches", () => {
  const L = NER_LABELS.length;
  it('takes integers of at most 2^20 in size, and -Infinity (a step not allowed), and nothing else', () => {
    const with1 = (t: number) => Array.from({ length: (L + 1) * L }, (_, k) => (k === 7 ? t : k % 5) - 2);
    for (const t of [0, 3, -40, 2 ** 20 + 2, -(2 ** 20) + 2, -Infinity]) assert.equal(integralTransitions(with1(t)), true, String(t));
    for (const t of [0.5, -2.25, 2 ** 20 + 3, -(2 ** 20) + 1, 2 ** 40, Infinity, NaN]) assert.equal(integralTransitions(with1(t)), false, String(t));
    // (a step into an I- label from its B- label or from itself, compared without branches, must be allowed)
    for (let y = 2; y < L; y += 2) {
      for (const from of [y - 1, y]) {
        const forbidden = with1(0);
        forbidden[from * L + y] = -Infinity;
        assert.equal(integralTransitions(forbidden), false, `${from} to ${y}`);
      }
      const other = with1(0);
      other[y] = -Infinity; // O to the I- label
      assert.equal(integralTransitions(other), true, `O to ${y}`);
    }
  });
  it("holds for the shipped model's transitions (the branch-free comparisons are what the tagger runs)", () => {
    const model = JSON.parse(readFileSync(join(modelDir, 'ner.json'), 'utf8')) as { transitions: number[] };
    assert.equal(integralTransitions(model.transitions), true);
  });
});

/**
 * Scores of a trained model seldom tie; a model of weights in -1..1 over seven characters ties
 * at nearly every step. The tagger must then pick what the textbook decoder picks: of equal
 * predecessors the first in label order, of equal last labels the first. The labeller compares
 * scores without branches where the transitions are small integers (integralTransitions): the
 * same model with transitions of halves, which it compares with branches, and with transitions
 * as large as it takes without them, must agree too.
 */
for (const variant of ['', 'wide', 'halves', 'large', 'forbidden'] as const) describe(`entities: the tagger against a reference decoder, on a model of many ties${{ '': '', wide: ', its characters labelled past 15 bits in the dictionary', halves: ', its transitions halves', large: ', its transitions up to 2^20', forbidden: ', steps into I- labels not allowed' }[variant]}`, () => {
  const wide = variant === 'wide';
  const chars = ['甲', '乙', '丙', 'a', '1', ' ', '。'];
  let seed = 5;
  const random = (n: number) => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n;
  const small = () => Array.from({ length: NER_LABELS.length }, () => [-1, 0, 0, 1][random(4)]!);
  let dir = '';
  let reference: (text: string) => string[] = () => [];

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'gloss-ties-'));
    const key = (ch: string) => (/[0-9]/.test(ch) ? '0' : ch);
    const edge = ['<', '>'];
    const features: string[] = ['b\t' + small().join()];
    for (const c of [...chars.map(key), ...edge]) for (const k of [-2, -1, 0, 1, 2]) if (random(3)) features.push(`u${k}${c}\t${small().join()}`);
    for (const a of [...chars.map(key), ...edge]) for (const b of [...chars.map(key), ...edge]) for (const k of [-2, -1, 0, 1]) if (!random(3)) features.push(`b${k}${a}${b}\t${small().join()}`);
    for (const a of chars) for (const b of chars) if (!random(4)) features.push(`t${key(a)}${key(b)}${key(chars[random(chars.length)]!)}\t${small().join()}`);
    for (const k of ['kHHH', 'k_HH', 'kHH_', 'kLDP', 'kSHL', 'kHPH']) features.push(`${k}\t${small().join()}`);
    for (let bit = 0; bit < 12; bit++) features.push(`g${bit}\t${small().join()}`);
    for (const bits of [1, 4, 5, 64, 512, 2048, 2052]) features.push(`G${bits}\t${small().join()}`);
    const L = NER_LABELS.length;
    const transitions = Array.from({ length: (L + 1) * L }, () =>
      variant === 'halves' ? (random(5) - 2) / 2 : variant === 'large' ? [-(2 ** 20), -(2 ** 20) + 1, -1, 0, 1, 2 ** 20 - 1, 2 ** 20][random(7)]! : random(3) - 1,
    );
    // (steps not allowed: from O, from I- of another type, and from itself into an I- label)
    if (variant === 'forbidden') for (let y = 2; y < L; y += 2) transitions[y] = transitions[(y === 2 ? 4 : 2) * L + y] = transitions[y * L + y] = -Infinity;
    assert.equal(integralTransitions(transitions), variant !== 'halves' && variant !== 'forbidden');
    // (JSON has no -Infinity: a number too large for a double reads as one)
    writeFileSync(join(dir, 'ner.json'), JSON.stringify({ labels: NER_LABELS, transitions: transitions.map((t) => (t === -Infinity ? '-1e400' : t)), features: features.join('\n'), words: 'words.txt' }).replace(/"-1e400"/g, '-1e400'));
    const words = ['甲乙\tp', '乙丙甲\to', '丙丙\tl', '甲乙丙\tw', 'a1\tw', '甲\tp'];
    // 17,000 characters more frequent in the dictionary than the text's, which get the smallest
    // labels: the text's no longer fit the tagger's table of characters (ner.ts), and are read
    // from the dictionary instead
    const filler = Array.from({ length: 17_100 }, (_, k) => String.fromCharCode(0x5000 + k)).filter((c) => !chars.includes(c));
    if (wide) for (const c of filler) for (const before of ['', '甲', '乙', '丙', 'a']) words.push(`${before}${c}\tw`);
    writeFileSync(join(dir, 'words.txt'), words.join('\n'));
    reference = referenceTagger(dir);
    setNerModelPath(join(dir, 'ner.json'));
  });
  after(() => {
    setNerModelPath(join(modelDir, 'ner.json'));
    rmSync(dir, { recursive: true, force: true });
  });

  it('agrees on 400 random strings of its characters, up to 80 long', () => {
    // (the characters' labels are what this model is for)
    for (const c of ['甲', '乙', '丙', 'a', '1']) assert.equal(compactLabel(nerWordDictionary()!.labelOf(c.codePointAt(0)!)) === WIDE_LABEL, wide, c);
    let spans = 0;
    for (let trial = 0; trial < 400; trial++) {
      // (the models of other transitions on hostile characters too: astral ones, lone surrogates, CRLF, a BOM)
      const odd = ['𠀀', '😀', '\ud800', '\udc00', '\r\n', '\ufeff'];
      const text = Array.from({ length: 1 + random(80) }, () => (variant === 'halves' || variant === 'large' || variant === 'forbidden') && random(6) === 0 ? odd[random(odd.length)] : chars[random(chars.length)]).join('');
      const expected = reference(text);
      spans += expected.length;
      assert.deepEqual(tagEntities(text).map((s) => `${text.slice(s.start, s.end)}|${s.type}`), expected, text);
    }
    // (a model that tags nothing would agree too)
    assert.ok(spans > 400, `${spans} spans`);
  });
});

describe('entities: the range tests of the tagger proposals, against slices', () => {
  // code units that make the edge cases: a surrogate pair cut by either bound, repeats, a set member of two units
  const units = ['阿', '徐', '曾', '任', 'a', '\ud840', '\udc00', '𠀀'];
  // (both halves of 𠀀 in the set, 𠀀 itself not: a test by code unit, or one that reads past the range's end, differs)
  const set = new Set(['阿', '徐', '\ud840', '\udc00']);
  const words = ['徐徐', '曾任', '阿', '𠀀阿'];
  let seed = 7;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
  const texts = Array.from({ length: 400 }, () => Array.from({ length: next() % 9 }, () => units[next() % units.length]).join(''));
  it('includesAnyIn is a slice holding one of the words', () => {
    for (const s of texts)
      for (let start = 0; start <= s.length; start++)
        for (let end = start; end <= s.length; end++) assert.equal(includesAnyIn(s, start, end, words), words.some((w) => s.slice(start, end).includes(w)), `${s} ${start} ${end}`);
  });
  it('allIn is every code point of a slice in the set', () => {
    for (const s of texts)
      for (let start = 0; start <= s.length; start++)
        for (let end = start; end <= s.length; end++) assert.equal(allIn(s, start, end, set), [...s.slice(start, end)].every((c) => set.has(c)), `${s} ${start} ${end}`);
  });
  it('startsWithAny and endsWithAny are some() of startsWith and endsWith', () => {
    for (const s of texts)
      for (let at = 0; at <= s.length + 1; at++) {
        assert.equal(startsWithAny(s, words, at), words.some((w) => s.startsWith(w, at)));
        assert.equal(endsWithAny(s, words, at), words.some((w) => s.endsWith(w, at)));
      }
  });
  it('the marks of a span are those of its slice: title marks, quotation marks, parentheses', () => {
    // (the marks and the units next to them that a test by range could take for them)
    const marks = ['《', '》', '“', '”', '"', '「', '】', '(', ')', '（', '）', '〉', '〒', '!', '#', '\uff07', '\uff0a', '阿', 'a', '\ud840', '\udc00'];
    const marked = Array.from({ length: 300 }, () => Array.from({ length: next() % 8 }, () => marks[next() % marks.length]).join(''));
    for (const s of marked)
      for (let start = 0; start <= s.length; start++)
        for (let end = start; end <= s.length; end++) {
          const slice = s.slice(start, end);
          const count = (re: RegExp) => slice.match(re)?.length ?? 0;
          const open = count(/《/g);
          const close = count(/》/g);
          const got = marksOf(s, start, end);
          const at = `${JSON.stringify(s)} ${start}-${end}`;
          assert.equal(got.titleMarks === 0, open === 0 && close === 0, at);
          assert.equal(got.titleMarks === 0b0101, open === 1 && close === 1, at);
          assert.equal(got.quoted, /["“”「」『』【】]/.test(slice), at);
          assert.equal(got.opened, count(/[(（]/g), at);
          assert.equal(got.closed, count(/[)）]/g), at);
          assert.equal(got.firstParenthesis, slice.search(/[()（）]/), at);
        }
  });
  it('isShortLatin is /^[a-z0-9]{1,4}$/', () => {
    for (const s of ['', 'a', 'ai', 'ceo', 'q1a9', 'abcde', 'A', 'a-b', 'ａ', '阿', 'a\n', '0', '\ud840a', 'gpt4']) assert.equal(isShortLatin(s), /^[a-z0-9]{1,4}$/.test(s), JSON.stringify(s));
  });
  it('a WordList answers as the functions over its words, at every offset and range (an empty word too)', () => {
    // (units 0 and 2048 apart share a filter bit: '\u0800' stands where NaN past the ends reads unit 0)
    for (const list of [words, [...words, ''], ['\u0800', '阿'], ['\u0000']]) {
      const wordList = new WordList(list);
      for (const s of [...texts, '\u0800阿', '\u0000a'])
        for (let at = -1; at <= s.length + 1; at++) {
          assert.equal(wordList.startsAt(s, at), list.some((w) => s.startsWith(w, at)), `${JSON.stringify(list)} at ${at} of ${JSON.stringify(s)}`);
          assert.equal(wordList.endsAt(s, at), list.some((w) => s.endsWith(w, at)), `${JSON.stringify(list)} ending at ${at} of ${JSON.stringify(s)}`);
          // (offsets no caller passes, read as startsWith and endsWith read them: NaN and fractions)
          for (const odd of [NaN, at - 0.5, at + 0.5]) {
            assert.equal(wordList.startsAt(s, odd), list.some((w) => s.startsWith(w, odd)), `${JSON.stringify(list)} at ${odd} of ${JSON.stringify(s)}`);
            assert.equal(wordList.endsAt(s, odd), list.some((w) => s.endsWith(w, odd)), `${JSON.stringify(list)} ending at ${odd} of ${JSON.stringify(s)}`);
          }
          for (let end = at; end <= s.length + 1; end++) assert.equal(wordList.includedIn(s, at, end), includesAnyIn(s, at, end, list), `${JSON.stringify(list)} in ${at}-${end} of ${JSON.stringify(s)}`);
        }
    }
  });
});

describe('entities: the labeller of long texts', () => {
  after(() => setNerModelPath(join(modelDir, 'ner.json')));

  it('keeps its size when the model is loaded again, and grows only for a text that does not fit', () => {
    const long = '北京市的王小明在上海工作。'.repeat(100);
    const spans = tagEntities(long).map((s) => `${s.start}-${s.end}|${s.type}`);
    const capacity = labellerFor(long)!.scratch.capacity;
    assert.ok(capacity >= long.length);
    for (let reload = 0; reload < 3; reload++) {
      // each load is a new model: a new labeller, which doubled its arrays every time
      setNerModelPath(join(modelDir, 'ner.json'));
      assert.deepEqual(tagEntities(long).map((s) => `${s.start}-${s.end}|${s.type}`), spans);
      assert.equal(labellerFor(long)!.scratch.capacity, capacity, `after reload ${reload + 1}`);
    }
    const longer = long.repeat(3);
    assert.ok(labellerFor(longer)!.scratch.capacity >= longer.length);
  });
});
