import * as assert from 'node:assert/strict';
import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tagEntities } from '../../src/core/entities/ner';
import { NER_LABELS } from '../../src/core/entities/nerFeatures';
import { buildNerSnapshot, modelFileSizes, nerModelFromJson, nerModelSource, setNerModelPath, type NerModel } from '../../src/core/entities/nerModel';
import { readNerSnapshot, SNAPSHOT_FORMAT, writeNerSnapshot } from '../../src/core/entities/nerSnapshot';
import { WordDictionary } from '../../src/core/entities/wordLattice';

const root = join(__dirname, '../../..');
const modelDir = join(root, 'src/core/entities/model');
const SENTENCES = ['星河科技董事长林晓雨在成都宣布新的计划。', '阿里巴巴集团与杭州市政府签署协议', '北京商报记者从教育部获悉，清华大学将扩招。', '𠀀𠀁 emoji 🙂 与 CRLF\r\n之后的王小明'];

function bytesOf(a: Int32Array | Float64Array | Uint8Array): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

describe('entities: the model snapshot (dist/ner.bin)', function () {
  this.timeout(60_000);
  let dir = '';
  let modelPath = '';
  const sizes = (wordsFile: string | undefined) => modelFileSizes(modelPath, wordsFile);
  let fromJson: NerModel;
  let snapshot: Uint8Array;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'gloss-snapshot-'));
    modelPath = join(dir, 'ner.json');
    symlinkSync(join(modelDir, 'ner.json'), modelPath);
    symlinkSync(join(modelDir, 'words.txt'), join(dir, 'words.txt'));
    fromJson = nerModelFromJson(modelPath)!;
    snapshot = buildNerSnapshot(modelPath)!;
    writeFileSync(join(dir, 'ner.bin'), snapshot);
  });

  after(() => {
    setNerModelPath(join(modelDir, 'ner.json'));
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds every table of the model read from its JSON and word files, byte for byte', () => {
    const read = readNerSnapshot(snapshot, sizes, NER_LABELS)!;
    for (const name of ['unigrams', 'bigrams', 'trigrams'] as const) {
      const [a, b] = [fromJson[name].state(), read[name].state()];
      assert.equal(b.rows, a.rows, name);
      assert.ok(bytesOf(a.slots).equals(bytesOf(b.slots)), `${name} slots`);
      assert.ok(bytesOf(a.weights).equals(bytesOf(b.weights)), `${name} weights`);
      assert.equal(read[name].parts, fromJson[name].parts);
    }
    for (const name of ['classes', 'lattice', 'transitions', 'transitionsInto'] as const) assert.ok(bytesOf(fromJson[name]).equals(bytesOf(read[name])), name);
    const [a, b] = [fromJson.words!.state(), read.words!.state()];
    assert.deepEqual({ ...b, slots: 0, labels: 0, astral: 0, longestFrom: 0, pairs: 0 }, { ...a, slots: 0, labels: 0, astral: 0, longestFrom: 0, pairs: 0 });
    for (const name of ['slots', 'labels', 'astral', 'longestFrom', 'pairs'] as const) assert.ok(bytesOf(a[name]).equals(bytesOf(b[name])), `words ${name}`);
  });

  it('restores a word dictionary that answers every question as the one read from words.txt', () => {
    const [a, b] = [fromJson.words!, readNerSnapshot(snapshot, sizes, NER_LABELS)!.words!];
    // our own text with names, words and places of the dictionary, astral characters and a CRLF
    const text = '星河科技董事长林晓雨在成都宣布，阿里巴巴集团与杭州市政府签署协议。北京商报记者从教育部获悉，清华大学将扩招。𠀀𠀁🙂\r\n中华人民共和国国务院';
    const codes = [...text].map((c) => c.codePointAt(0)!);
    assert.deepEqual([...b.lattice(codes, codes.length)], [...a.lattice(codes, codes.length)]);
    for (let at = 0; at <= text.length; at++) {
      for (const [min, persons] of [[2, false], [3, true]] as const) assert.equal(b.crosses(text, at, min, persons), a.crosses(text, at, min, persons), `crosses at ${at}`);
    }
    let crossed = 0;
    for (let at = 0; at <= text.length; at++) if (a.crosses(text, at)) crossed++;
    assert.ok(crossed > 5, `words run across ${crossed} offsets`);
    for (const word of ['成都', '阿里巴巴', '清华大学', '教育部', '中华人民共和国', '林晓雨']) {
      for (const kind of ['person', 'org', 'place', 'word'] as const) assert.equal(b.has(word, kind), a.has(word, kind), `${word} ${kind}`);
      assert.equal(b.isOrdinaryWord(word), a.isOrdinaryWord(word));
    }
  });

  it('is used beside the model when it was made from these files, and tags as the JSON model does', () => {
    setNerModelPath(join(modelDir, 'ner.json'));
    const expected = SENTENCES.map((s) => tagEntities(s));
    assert.equal(nerModelSource(), 'json');
    setNerModelPath(modelPath);
    assert.deepEqual(SENTENCES.map((s) => tagEntities(s)), expected);
    assert.equal(nerModelSource(), 'snapshot');
    assert.ok(expected.flat().length >= 4, JSON.stringify(expected));
  });

  it('is not used once the model files changed (other sizes): the files are the truth', () => {
    const other = mkdtempSync(join(tmpdir(), 'gloss-snapshot-stale-'));
    try {
      copyFileSync(join(modelDir, 'ner.json'), join(other, 'ner.json'));
      copyFileSync(join(modelDir, 'words.txt'), join(other, 'words.txt'));
      writeFileSync(join(other, 'ner.bin'), snapshot);
      appendFileSync(join(other, 'words.txt'), '星河云\to\n');
      assert.equal(readNerSnapshot(snapshot, (w) => modelFileSizes(join(other, 'ner.json'), w), NER_LABELS), undefined);
      setNerModelPath(join(other, 'ner.json'));
      assert.ok(tagEntities(SENTENCES[0]!).length > 0);
      assert.equal(nerModelSource(), 'json');
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('a damaged snapshot falls back to the model files', () => {
    const other = mkdtempSync(join(tmpdir(), 'gloss-snapshot-cut-'));
    try {
      symlinkSync(join(modelDir, 'ner.json'), join(other, 'ner.json'));
      symlinkSync(join(modelDir, 'words.txt'), join(other, 'words.txt'));
      writeFileSync(join(other, 'ner.bin'), snapshot.subarray(0, snapshot.length - 1000));
      assert.throws(() => readNerSnapshot(snapshot.subarray(0, snapshot.length - 1000), sizes, NER_LABELS), /cut short/);
      setNerModelPath(join(other, 'ner.json'));
      assert.ok(tagEntities(SENTENCES[0]!).length > 0);
      assert.equal(nerModelSource(), 'json');
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('refuses a snapshot of an older format (the word dictionary had no pairs of labels in format 4)', () => {
    const old = Buffer.from(snapshot);
    const at = old.indexOf(SNAPSHOT_FORMAT);
    assert.ok(at > 0 && SNAPSHOT_FORMAT === 'gloss-ner-snapshot-5');
    old.write('gloss-ner-snapshot-4', at);
    assert.equal(readNerSnapshot(old, sizes, NER_LABELS), undefined);
  });

  it('refuses another label set, and reads from a buffer at any alignment', () => {
    assert.equal(readNerSnapshot(snapshot, sizes, [...NER_LABELS, 'B-event']), undefined);
    const shifted = new Uint8Array(snapshot.length + 4);
    shifted.set(snapshot, 4);
    const read = readNerSnapshot(shifted.subarray(4), sizes, NER_LABELS)!;
    assert.ok(bytesOf(read.lattice).equals(bytesOf(fromJson.lattice)));
  });

  it('a small model round-trips without a word dictionary', () => {
    const bare = { ...fromJson, words: undefined };
    const bytes = writeNerSnapshot(bare, NER_LABELS, undefined, { model: 7 });
    const read = readNerSnapshot(bytes, () => ({ model: 7 }), NER_LABELS)!;
    assert.equal(read.words, undefined);
    assert.ok(bytesOf(read.transitions).equals(bytesOf(fromJson.transitions)));
  });
});

describe('entities: the word dictionary table', () => {
  it('holds its trie in a double array of a few slots per node, whatever the characters shared by prefixes', () => {
    // 2000 words that share one long prefix: many characters, few nodes
    const lines = Array.from({ length: 2000 }, (_, k) => `中华人民共和国国务院办公厅${String.fromCharCode(0x4e00 + k)}\tw`);
    const dictionary = WordDictionary.parse(lines.join('\n'));
    const { slots, nodes } = dictionary.state();
    assert.equal(nodes, 1 + 13 + 2000);
    assert.ok(slots.length / 2 <= 3 * nodes, `${nodes} nodes in ${slots.length / 2} slots`);
    assert.ok(dictionary.has(`中华人民共和国国务院办公厅${String.fromCharCode(0x4e00 + 1999)}`, 'word'));
    assert.ok(!dictionary.has('中华人民共和国国务院办公厅', 'word'));
  });

  it('answers the same after use and when restored from the state of one in use (an astral first character too)', () => {
    // 𠀀 is astral: its edge from the root is in the table, not in the root's array; it and 星
    // are words of one character too (no lattice bits of their own)
    const lines = ['星河科技\to', '星河\tw', '星\tp', '成都\tl', '林晓雨\tp', '𠀀\tw', '𠀀𠀁\tw', '𠀀𠀁城\tl', '科技\tw'];
    const fresh = () => WordDictionary.parse(lines.join('\n'));
    const text = '林晓雨在成都的星河科技，𠀀𠀁城';
    const codes = [...text].map((c) => c.codePointAt(0)!);
    const answers = (d: WordDictionary) => ({
      lattice: [...d.lattice(codes, codes.length)],
      crosses: Array.from({ length: text.length + 1 }, (_, at) => [d.crosses(text, at), d.crosses(text, at, 3, true), d.crosses(text, at, 1)]),
      has: ['星河科技', '星河', '成都', '林晓雨', '𠀀𠀁', '𠀀𠀁城', '𠀀', '科技'].map((w) => [d.has(w, 'org'), d.has(w, 'word'), d.has(w, 'place'), d.has(w, 'person'), d.isOrdinaryWord(w)]),
    });
    const used = fresh();
    const first = answers(used);
    // words of each category, the astral ones among them, begin, continue and end
    assert.deepEqual(first.lattice, [1, 2, 4, 0, 64, 256, 0, 8 | 512, 16 | 2048, 16 | 512, 32 | 2048, 0, 512 | 64, 2048 | 128, 256]);
    assert.deepEqual(answers(used), first);
    assert.deepEqual(answers(WordDictionary.restore(used.state())), first);
    assert.deepEqual(answers(WordDictionary.restore(fresh().state())), first);
  });

  it('the shipped dictionary, read in full, is found again by every word of the file', () => {
    const text = readFileSync(join(modelDir, 'words.txt'), 'utf8');
    const dictionary = WordDictionary.parse(text);
    let checked = 0;
    for (const line of text.split('\n')) {
      const [word, category] = line.split('\t');
      if (!word || !category) continue;
      const kind = ({ p: 'person', o: 'org', l: 'place', w: 'word' } as const)[category.trim() as 'p'];
      if (!kind) continue;
      if (checked++ % 97 !== 0) continue;
      assert.ok(dictionary.has(word, kind), `${word} ${kind}`);
    }
    assert.ok(checked > 300_000);
  });
});
