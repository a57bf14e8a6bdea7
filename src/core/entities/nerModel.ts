/**
 * The entity tagger's model (ner.json, trained by scripts/train-ner.mjs) and the word
 * dictionary it names (words.txt), read on first use. Parsing them takes about a second
 * before the first lens, so the build also saves the model as the tagger holds it in memory
 * (ner.bin, nerSnapshot.ts): read from there when it was made from these very files.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { NER_LABELS } from './nerFeatures';
import { readNerSnapshot, writeNerSnapshot, type SnapshotSource } from './nerSnapshot';
import { packedWidth, packRow, WeightTable } from './packedWeights';
import { LATTICE_BITS, WordDictionary } from './wordLattice';

const L = NER_LABELS.length;
const ALLOWED: boolean[] = [];
for (let from = 0; from <= L; from++) {
  for (let to = 0; to < L; to++) {
    const l = NER_LABELS[to]!;
    let ok = true;
    if (l.startsWith('I-')) ok = from < L && NER_LABELS[from] !== 'O' && NER_LABELS[from]!.slice(2) === l.slice(2);
    ALLOWED[from * L + to] = ok;
  }
}

export interface NerModel {
  /** One character: u-2, u-1, u0, u1, u2 (the character at that distance from the tagged one). */
  unigrams: WeightTable;
  /** Two adjacent characters: b-2, b-1, b0, b1 (the pair starting at that distance). */
  bigrams: WeightTable;
  /** The tagged character with its neighbours. */
  trigrams: WeightTable;
  /** By the classes of the tagged character and its neighbours: their weights plus the bias. */
  classes: Float64Array;
  /** By lattice bits: the weights of each bit set plus those of the whole set. */
  lattice: Float64Array;
  /** From (L: the start) × to, −Infinity where the step is not allowed. */
  transitions: Float64Array;
  /** The same, to × from (without the start): one label's predecessors side by side. */
  transitionsInto: Float64Array;
  /** The dictionary behind the lattice features, if the model was trained with them. */
  words?: WordDictionary;
}

let model: NerModel | null | undefined;
/** Where the loaded model came from (for tests and the bench). */
let loadedFrom: 'snapshot' | 'json' | undefined;
let explicitPath: string | undefined;

/** Where to read the model from, for hosts that keep it elsewhere. */
export function setNerModelPath(path: string): void {
  explicitPath = path;
  model = undefined;
  loadedFrom = undefined;
}

function candidates(): string[] {
  return [
    ...(explicitPath ? [explicitPath] : []),
    join(__dirname, 'ner.json'), // beside the bundle (dist/)
    join(__dirname, 'model/ner.json'), // beside the source
    join(__dirname, '../../../../src/core/entities/model/ner.json'), // from out/src/core/entities
  ];
}

/** One character's code in feature keys: BMP as is, astral characters share one code. */
function code(ch: string): number {
  const c = ch.charCodeAt(0);
  return ch.length > 1 ? 0xffff : c;
}

const UNIGRAM_PARTS = ['u-2', 'u-1', 'u0', 'u1', 'u2'];
const BIGRAM_PARTS = ['b-2', 'b-1', 'b0', 'b1'];
/** Character classes as small integers (see EDGE_CLASS in nerLabeller.ts). */
const CLASS_CODES: Record<string, number> = { D: 0, L: 1, H: 2, S: 3, P: 4, _: 5 };
export const CLASS_COUNT = 6;

/** Splits a feature string ("b-1星河") into its template and character codes. */
function parseFeature(f: string): [string, number[]] | undefined {
  for (const tpl of [...UNIGRAM_PARTS, ...BIGRAM_PARTS, 't', 'k']) {
    if (!f.startsWith(tpl)) continue;
    const chars = [...f.slice(tpl.length)];
    const arity = tpl === 't' || tpl === 'k' ? 3 : tpl.startsWith('u') ? 1 : 2;
    if (chars.length !== arity) continue;
    return [tpl, tpl === 'k' ? chars.map((c) => CLASS_CODES[c] ?? 4) : chars.map(code)];
  }
  return undefined;
}

/** The model, read on first use: from its snapshot beside it when that matches the model's files, else from them. */
export function nerModel(): NerModel | null {
  if (model !== undefined) return model;
  const path = candidates().find((p) => existsSync(p));
  if (!path) return (model = null);
  const snapshot = readSnapshotBeside(path);
  if (snapshot) {
    loadedFrom = 'snapshot';
    return (model = snapshot);
  }
  model = nerModelFromJson(path);
  loadedFrom = model ? 'json' : undefined;
  return model;
}

/** Where the model in use was read from: its snapshot, its JSON and word files, or not yet (or nowhere). */
export function nerModelSource(): 'snapshot' | 'json' | undefined {
  return loadedFrom;
}

/** The model's snapshot file beside `modelPath` (ner.json → ner.bin). */
export function snapshotPathFor(modelPath: string): string {
  return modelPath.replace(/\.json$/, '') + '.bin';
}

/** The byte sizes of the model's files, which a snapshot must have been made from. */
export function modelFileSizes(modelPath: string, wordsFile: string | undefined): SnapshotSource {
  return { model: statSync(modelPath).size, ...(wordsFile ? { words: statSync(join(dirname(modelPath), wordsFile)).size } : {}) };
}

function readSnapshotBeside(modelPath: string): NerModel | undefined {
  const path = snapshotPathFor(modelPath);
  if (!existsSync(path)) return undefined;
  try {
    return readNerSnapshot(readFileSync(path), (wordsFile) => modelFileSizes(modelPath, wordsFile), NER_LABELS);
  } catch {
    // unreadable or for other files: the model's own files are the truth
    return undefined;
  }
}

/** Reads the model from its JSON file and the word dictionary it names (about a second). */
export function nerModelFromJson(path: string): NerModel | null {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as { labels: string[]; transitions: number[]; features: string; words?: string };
  if (raw.labels.join() !== NER_LABELS.join()) return null;
  let words: WordDictionary | undefined;
  if (raw.words) {
    const wordsPath = join(dirname(path), raw.words);
    if (!existsSync(wordsPath)) return null;
    words = WordDictionary.parse(readFileSync(wordsPath, 'utf8'));
  }
  let bias: number[] = new Array<number>(L).fill(0);
  const latticeBits: number[][] = [];
  const latticeSets = new Map<number, number[]>();
  const classWeights = new Map<number, number[]>();
  const parsed: Array<[string, number[], number[]]> = [];
  for (const line of raw.features.split('\n')) {
    const tab = line.lastIndexOf('\t');
    const name = line.slice(0, tab);
    const weights = line.slice(tab + 1).split(',').map(Number);
    if (name === 'b') bias = weights;
    else if (/^g[0-9]+$/.test(name)) latticeBits[Number(name.slice(1))] = weights;
    else if (/^G[0-9]+$/.test(name)) latticeSets.set(Number(name.slice(1)), weights);
    else {
      const f = parseFeature(name);
      if (f?.[0] === 'k') classWeights.set((f[1][0]! * CLASS_COUNT + f[1][1]!) * CLASS_COUNT + f[1][2]!, weights);
      else if (f) parsed.push([f[0], f[1], weights]);
    }
  }
  const distinct = (tpls: string[], arity: number) =>
    new Set(parsed.filter(([t]) => tpls.includes(t)).map(([, k]) => k.slice(0, arity).join())).size;
  const unigrams = new WeightTable(distinct(UNIGRAM_PARTS, 1), UNIGRAM_PARTS.length, L);
  const bigrams = new WeightTable(distinct(BIGRAM_PARTS, 2), BIGRAM_PARTS.length, L);
  const trigrams = new WeightTable(distinct(['t'], 3), 1, L);
  for (const [tpl, [a = 0, b = 0, c = 0], weights] of parsed) {
    const u = UNIGRAM_PARTS.indexOf(tpl);
    const g = BIGRAM_PARTS.indexOf(tpl);
    if (u >= 0) unigrams.set(a, 0, 0, u, weights);
    else if (g >= 0) bigrams.set(a, b, 0, g, weights);
    else trigrams.set(a, b, c, 0, weights);
  }
  // features that depend on one small integer are summed ahead: one row per character each
  const P = packedWidth(L);
  const sum = (rows: Array<number[] | undefined>) => NER_LABELS.map((_, y) => rows.reduce((t, r) => t + (r?.[y] ?? 0), 0));
  const classes = new Float64Array(CLASS_COUNT ** 3 * P);
  for (let k = 0; k < CLASS_COUNT ** 3; k++) packRow(sum([bias, classWeights.get(k)]), classes, k * P);
  const lattice = new Float64Array((1 << LATTICE_BITS) * P);
  for (let bits = 0; bits < 1 << LATTICE_BITS; bits++) {
    const rows = words ? [latticeSets.get(bits), ...latticeBits.filter((_, b) => bits & (1 << b))] : [];
    packRow(sum(rows), lattice, bits * P);
  }
  const transitions = new Float64Array((L + 1) * L);
  for (let k = 0; k < transitions.length; k++) transitions[k] = ALLOWED[k] ? raw.transitions[k] ?? 0 : -Infinity;
  const transitionsInto = new Float64Array(L * L);
  for (let from = 0; from < L; from++) for (let to = 0; to < L; to++) transitionsInto[to * L + from] = transitions[from * L + to]!;
  return { unigrams, bigrams, trigrams, classes, lattice, transitions, transitionsInto, words };
}

export function nerAvailable(): boolean {
  return nerModel() !== null;
}

/** The word dictionary that ships with the model, if any (loads the model). */
export function nerWordDictionary(): WordDictionary | undefined {
  return nerModel()?.words;
}

/** The snapshot of the model at `modelPath` (for the build: see esbuild.mjs), or undefined without a model there. */
export function buildNerSnapshot(modelPath: string): Uint8Array | undefined {
  const built = nerModelFromJson(modelPath);
  if (!built) return undefined;
  const wordsFile = (JSON.parse(readFileSync(modelPath, 'utf8')) as { words?: string }).words;
  return writeNerSnapshot(built, NER_LABELS, wordsFile, modelFileSizes(modelPath, wordsFile));
}
