/**
 * Inference for the character-level entity tagger trained by scripts/train-ner.mjs: a
 * structured averaged perceptron with BIO labels, decoded by Viterbi. The model is read on
 * first use, never at activation (nerModel.ts).
 */
import { NER_LABELS, type NerType } from './nerFeatures';
import { CLASS_COUNT, nerModel } from './nerModel';
import { packedWidth, unpackSum } from './packedWeights';

export { nerAvailable, nerWordDictionary, setNerModelPath } from './nerModel';


const L = NER_LABELS.length;

/** The type of each B- label (by index), the rest undefined. */
const SPAN_TYPES: Array<NerType | undefined> = NER_LABELS.map((l) => (l.startsWith('B-') ? (l.slice(2) as NerType) : undefined));

/** Whether label y is an I- label (see NER_LABELS: O, then B- and I- per type). */
function isInside(y: number): boolean {
  return y >= 2 && (y & 1) === 0;
}

export interface NerSpan {
  /** UTF-16 offsets into the tagged string. */
  start: number;
  end: number;
  type: NerType;
}

function classOf(c: number): number {
  if ((c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19)) return 0; // D
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) return 1; // L
  if (c >= 0x4e00 && c <= 0x9fff) return 2; // H
  if (c === 0x20 || c === 0xa0 || c === 0x3000) return 3; // S
  return 4; // P
}
const EDGE_CLASS = 5;

/** Per-call arrays, kept between calls and grown when a longer string comes. */
const scratch = {
  capacity: 0,
  keys: new Int32Array(0),
  points: new Int32Array(0),
  offsets: new Int32Array(0),
  classes: new Int32Array(0),
  lattice: new Uint16Array(0),
  unigramRows: new Int32Array(0),
  bigramRows: new Int32Array(0),
  emit: new Float64Array(0),
  /** Viterbi sums: over a long string they outgrow 32 bits. */
  score: new Float64Array(0),
  labels: new Int8Array(0),
  /** One character's unpacked emissions. */
  unpacked: new Float64Array(L),
};

function scratchFor(length: number): typeof scratch {
  if (length > scratch.capacity) {
    const c = Math.max(length, 2 * scratch.capacity, 512);
    Object.assign(scratch, {
      capacity: c,
      keys: new Int32Array(c + 4),
      points: new Int32Array(c),
      offsets: new Int32Array(c + 1),
      classes: new Int32Array(c + 2),
      lattice: new Uint16Array(c),
      unigramRows: new Int32Array(c + 4),
      bigramRows: new Int32Array(c + 4),
      emit: new Float64Array(c * packedWidth(L)),
      score: new Float64Array(c * L),
      labels: new Int8Array(c),
    });
  }
  return scratch;
}

/**
 * Tags a string given in its Simplified, lower-cased view. Work is linear: three integer
 * hash lookups, a walk in the word dictionary bounded by its longest word, twelve packed
 * rows and a 9-label Viterbi step per character, with no allocation per character.
 */
export function tagEntities(text: string): NerSpan[] {
  const m = nerModel();
  if (!m || text.length === 0) return [];
  // code points (keys: digits as one symbol, astral characters as one), their UTF-16 offsets, classes
  let n = 0;
  const { keys, points, offsets, classes, emit, score, unigramRows, bigramRows, lattice: latticeBuffer, labels, unpacked: e } = scratchFor(text.length);
  for (let u = 0; u < text.length; ) {
    const cp = text.codePointAt(u)!;
    const width = cp > 0xffff ? 2 : 1;
    const digit = (cp >= 0x30 && cp <= 0x39) || (cp >= 0xff10 && cp <= 0xff19);
    keys[n + 2] = digit ? 0x30 : width === 2 ? 0xffff : cp;
    points[n] = cp;
    classes[n + 1] = classOf(cp);
    offsets[n] = u;
    n++;
    u += width;
  }
  offsets[n] = text.length;
  keys[0] = keys[1] = 0x3c; // <
  keys[n + 2] = keys[n + 3] = 0x3e; // >
  classes[0] = classes[n + 1] = EDGE_CLASS;

  // emission scores, packed: each key looked up once, then each position sums its twelve rows
  const P = packedWidth(L);
  const { unigrams, bigrams, trigrams } = m;
  const uw = unigrams.weights;
  const bw = bigrams.weights;
  const tw = trigrams.weights;
  // keys[j] is the character at position j - 2; the pair at j is keys[j], keys[j + 1]
  for (let j = 0; j < n + 4; j++) unigramRows[j] = unigrams.rowOf(keys[j]!, 0, 0);
  for (let j = 0; j < n + 3; j++) bigramRows[j] = bigrams.rowOf(keys[j]!, keys[j + 1]!, 0);
  const lattice = m.words?.lattice(points, n, latticeBuffer);
  for (let i = 0; i < n; i++) {
    const at = i * P;
    const tri = trigrams.rowOf(keys[i + 1]!, keys[i + 2]!, keys[i + 3]!);
    const cls = ((classes[i]! * CLASS_COUNT + classes[i + 1]!) * CLASS_COUNT + classes[i + 2]!) * P;
    const lat = (lattice ? lattice[i]! : 0) * P;
    for (let k = 0; k < P; k++) {
      emit[at + k] =
        // u-2 … u2: the characters at i - 2 … i + 2, each read as its part of the row
        uw[unigramRows[i]! + k]! + uw[unigramRows[i + 1]! + P + k]! + uw[unigramRows[i + 2]! + 2 * P + k]! +
        uw[unigramRows[i + 3]! + 3 * P + k]! + uw[unigramRows[i + 4]! + 4 * P + k]! +
        // b-2 … b1: the pairs starting at i - 2 … i + 1
        bw[bigramRows[i]! + k]! + bw[bigramRows[i + 1]! + P + k]! + bw[bigramRows[i + 2]! + 2 * P + k]! + bw[bigramRows[i + 3]! + 3 * P + k]! +
        tw[tri + k]! + m.classes[cls + k]! + m.lattice[lat + k]!;
    }
  }

  // Viterbi over the unpacked emissions
  const trans = m.transitions;
  const transInto = m.transitionsInto;
  unpackSum(emit, 0, L, e);
  for (let y = 0; y < L; y++) score[y] = e[y]! + trans[L * L + y]!;
  // forward: best scores only, without a branch per predecessor; the path is recovered backwards.
  // Labels are O, then B- and I- per type: an I- label (even index from 2) follows only its B- or itself.
  for (let i = 1; i < n; i++) {
    unpackSum(emit, i * P, L, e);
    const row = i * L;
    const prev = row - L;
    for (let y = 0; y < L; y++) {
      let best = -Infinity;
      if (isInside(y)) {
        const fromBegin = score[prev + y - 1]! + trans[(y - 1) * L + y]!;
        const fromInside = score[prev + y]! + trans[y * L + y]!;
        best = fromBegin > fromInside ? fromBegin : fromInside;
      } else {
        const into = y * L;
        for (let p = 0; p < L; p++) {
          const v = score[prev + p]! + transInto[into + p]!;
          best = v > best ? v : best;
        }
      }
      score[row + y] = best + e[y]!;
    }
  }
  let y = 0;
  for (let k = 1; k < L; k++) if (score[(n - 1) * L + k]! > score[(n - 1) * L + y]!) y = k;
  labels[n - 1] = y;
  for (let i = n - 1; i > 0; i--) {
    const prev = (i - 1) * L;
    let arg = isInside(y) ? y - 1 : 0;
    for (let p = arg + 1; p < (isInside(y) ? y + 1 : L); p++) {
      if (score[prev + p]! + trans[p * L + y]! > score[prev + arg]! + trans[arg * L + y]!) arg = p;
    }
    y = arg;
    labels[i - 1] = y;
  }
  const spans: NerSpan[] = [];
  for (let i = 0; i < n; i++) {
    const b = labels[i]!;
    // a B- label (odd index); its I- label comes right after it
    if ((b & 1) === 0) continue;
    let e = i + 1;
    while (e < n && labels[e] === b + 1) e++;
    spans.push({ start: offsets[i]!, end: offsets[e]!, type: SPAN_TYPES[b]! });
    i = e - 1;
  }
  return spans;
}
