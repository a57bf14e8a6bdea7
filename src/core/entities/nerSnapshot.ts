/**
 * The tagger's model saved as the tagger holds it in memory: hash tables, packed weights and a trie
 * in typed arrays, written once by the build (esbuild.mjs → dist/ner.bin) and read back as
 * views over one file read. Parsing ner.json and words.txt instead costs about a second of
 * the first analysis.
 *
 * Layout: "GLOSSNER", the header's length (u32, little-endian), four bytes of zero, the
 * header as JSON, then each array at an offset that is a multiple of 8, in the platform's
 * byte order (recorded in the header; a snapshot of the other order is not used).
 */
import type { NerModel } from './nerModel';
import { WeightTable } from './packedWeights';
import { WordDictionary } from './wordLattice';

/** Bumped whenever an array's layout changes: a snapshot of another format is not used (3: the word trie as a double array, not a hash table; 4: weight table slots of two numbers, not four; 5: the word dictionary's pairs of labels in words). */
export const SNAPSHOT_FORMAT = 'gloss-ner-snapshot-5';
const MAGIC = 'GLOSSNER';
const PREAMBLE = 16;

/** Byte sizes of the files a snapshot was made from: one made from other files is not used. */
export interface SnapshotSource {
  model: number;
  words?: number;
}

type ArrayKind = 'i32' | 'f64' | 'u8';
type TypedArray = Int32Array | Float64Array | Uint8Array;

interface Header {
  format: string;
  littleEndian: boolean;
  labels: string[];
  /** The word dictionary's file name, as the model names it. */
  wordsFile?: string;
  source: SnapshotSource;
  tables: Record<TableName, { parts: number; labels: number; rows: number }>;
  words?: { nodes: number; longest: number; size: number };
  arrays: Array<{ name: string; kind: ArrayKind; offset: number; length: number }>;
}

const TABLES = ['unigrams', 'bigrams', 'trigrams'] as const;
type TableName = (typeof TABLES)[number];

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function kindOf(a: TypedArray): ArrayKind {
  return a instanceof Int32Array ? 'i32' : a instanceof Float64Array ? 'f64' : 'u8';
}

function align8(n: number): number {
  return (n + 7) & ~7;
}

/** The model as bytes. `wordsFile` and `source`: the files it was read from. */
export function writeNerSnapshot(model: NerModel, labels: readonly string[], wordsFile: string | undefined, source: SnapshotSource): Uint8Array {
  const arrays: Array<[string, TypedArray]> = [];
  const tables = {} as Header['tables'];
  for (const name of TABLES) {
    const table = model[name];
    const state = table.state();
    tables[name] = { parts: table.parts, labels: table.labels, rows: state.rows };
    arrays.push([`${name}.slots`, state.slots], [`${name}.weights`, state.weights]);
  }
  arrays.push(['classes', model.classes], ['lattice', model.lattice], ['transitions', model.transitions], ['transitionsInto', model.transitionsInto]);
  let words: Header['words'];
  if (model.words) {
    const state = model.words.state();
    words = { nodes: state.nodes, longest: state.longest, size: state.size };
    arrays.push(['words.slots', state.slots], ['words.labels', state.labels], ['words.astral', state.astral], ['words.longestFrom', state.longestFrom], ['words.pairs', state.pairs]);
  }
  let offset = 0;
  const placed = arrays.map(([name, a]) => {
    const entry = { name, kind: kindOf(a), offset, length: a.length };
    offset = align8(offset + a.byteLength);
    return entry;
  });
  const header: Header = { format: SNAPSHOT_FORMAT, littleEndian: LITTLE_ENDIAN, labels: [...labels], ...(wordsFile ? { wordsFile } : {}), source, tables, ...(words ? { words } : {}), arrays: placed };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const dataStart = align8(PREAMBLE + json.length);
  const out = new Uint8Array(dataStart + offset);
  out.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(MAGIC.length, json.length, true);
  out.set(json, PREAMBLE);
  arrays.forEach(([, a], k) => out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), dataStart + placed[k]!.offset));
  return out;
}

/**
 * The model in `bytes`, its arrays viewed in place; undefined when the snapshot is of another
 * format, byte order or label set, or was made from files of other sizes than `sourceOf`
 * finds now. Throws on a damaged file.
 */
export function readNerSnapshot(bytes: Uint8Array, sourceOf: (wordsFile: string | undefined) => SnapshotSource, labels: readonly string[]): NerModel | undefined {
  if (new TextDecoder().decode(bytes.subarray(0, MAGIC.length)) !== MAGIC) throw new Error('not a Gloss model snapshot');
  // typed array views need their alignment: a buffer that starts elsewhere is copied once
  if (bytes.byteOffset % 8 !== 0) bytes = bytes.slice();
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(MAGIC.length, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(PREAMBLE, PREAMBLE + headerLength))) as Header;
  if (header.format !== SNAPSHOT_FORMAT || header.littleEndian !== LITTLE_ENDIAN || header.labels.join() !== labels.join()) return undefined;
  const source = sourceOf(header.wordsFile);
  if (source.model !== header.source.model || source.words !== header.source.words) return undefined;
  const dataStart = bytes.byteOffset + align8(PREAMBLE + headerLength);
  const view = (name: string): TypedArray => {
    const entry = header.arrays.find((a) => a.name === name);
    if (!entry) throw new Error(`model snapshot without ${name}`);
    const at = dataStart + entry.offset;
    const width = entry.kind === 'f64' ? 8 : entry.kind === 'i32' ? 4 : 1;
    if (at - bytes.byteOffset + entry.length * width > bytes.byteLength) throw new Error(`model snapshot cut short in ${name}`);
    return entry.kind === 'f64' ? new Float64Array(bytes.buffer, at, entry.length) : entry.kind === 'i32' ? new Int32Array(bytes.buffer, at, entry.length) : new Uint8Array(bytes.buffer, at, entry.length);
  };
  const table = (name: TableName) => {
    const t = header.tables[name];
    return new WeightTable(0, t.parts, t.labels, { slots: view(`${name}.slots`) as Int32Array, weights: view(`${name}.weights`) as Float64Array, rows: t.rows });
  };
  const words = header.words
    ? WordDictionary.restore({ ...header.words, slots: view('words.slots') as Int32Array, labels: view('words.labels') as Int32Array, astral: view('words.astral') as Int32Array, longestFrom: view('words.longestFrom') as Uint8Array, pairs: view('words.pairs') as Int32Array })
    : undefined;
  return {
    unigrams: table('unigrams'),
    bigrams: table('bigrams'),
    trigrams: table('trigrams'),
    classes: view('classes') as Float64Array,
    lattice: view('lattice') as Float64Array,
    transitions: view('transitions') as Float64Array,
    transitionsInto: view('transitionsInto') as Float64Array,
    ...(words ? { words } : {}),
  };
}
