/**
 * The entity tagger's labeller: a text's characters, their features' rows in the model, and
 * the best labels by Viterbi (see ner.ts, which reads the labels as spans).
 */
import { NER_LABELS } from './nerFeatures';
import { CLASS_COUNT, nerModel, type NerModel } from './nerModel';
import { PACKED_LANE, keyHash, packedWidth, type KeyPresence } from './packedWeights';
import { BEGIN_BITS, END_BITS, INSIDE_BITS, WORD_CATEGORIES, NODE_BITS, NODE_MASK, ROOT_CHILD, WIDE_LABEL, compactLabel, labelOfCompact } from './wordLattice';

const L = NER_LABELS.length;

/**
 * The character classes of the class feature: 0 D (digits, ASCII and full-width), 1 L (ASCII
 * letters), 2 H (0x4e00 to 0x9fff), 3 S (space, no-break space, ideographic space), 4 P (any
 * other), and EDGE_CLASS past either end of the text. (Read inline by the labeller: a function
 * of its own was no longer inlined into it.)
 */
const EDGE_CLASS = 5;

/**
 * Texts of at most this many UTF-16 units are labelled with arrays made once for them (the
 * entity stage tags chunks of at most 400); a longer one by a labeller of its own, made for it.
 */
const SHORT = 1024;

/** A labeller's arrays, for texts of up to `capacity` UTF-16 units. */
function scratchOf(capacity: number) {
  const c = capacity;
  return {
    capacity: c,
    offsets: new Int32Array(c + 1),
    /** Per position, where its row of the class feature starts (the classes of the characters at i - 1, i and i + 1). */
    classRows: new Int32Array(c),
    lattice: new Uint16Array(c),
    unigramRows: new Int32Array(c + 4),
    bigramRows: new Int32Array(c + 4),
    trigramRows: new Int32Array(c),
    /**
     * Viterbi: each label's best predecessor, nine in one number per character (one store, not
     * nine): those of O and the B- labels (0 to 8) in four bits each, from bit 0 in the order
     * O, B-1 … B-4; those of the I- labels (their B- label, or themselves) in one bit each, from bit 20.
     */
    back: new Int32Array(c),
    labels: new Int8Array(c),
    /**
     * Where the labels' spans start (their B- labels): opens[0] of them, at opens[opens[0]] …
     * opens[1] in the text's order (written by the walk back). The spans' reader visits these,
     * not every label.
     */
    opens: new Int32Array(c + 1),
    /** The characters' labels in the word dictionary (WordDictionary.labelOf). */
    wordLabels: new Int32Array(c),
    /** Per start of a word: the child of its first character's node along the second (see latticeOf). */
    wordPairs: new Int32Array(c),
    /** The characters' keys in the weight tables, from index 2 (0 and 1: the start's). */
    keys: new Int32Array(c + 4),
    /** Where the pairs and the triples whose presence bits are set end (see label). */
    pairsToProbe: new Int32Array(c + 3),
    triplesToProbe: new Int32Array(c),
  };
}

/**
 * Per BMP code, what the tagger reads of its character in two tables of 64k entries each, in
 * one: its unigram row (the row's number, above bit 15; a digit's is that of 0) and its label in
 * the word dictionary (compactLabel, the low 15 bits). One read of a cold line per character,
 * not two. Made on first use for the model in use.
 */
const characters = { of: undefined as NerModel | undefined, rows: undefined as Int32Array | undefined, table: new Int32Array(0) };

function characterTable(m: NerModel): Int32Array {
  // (the rows are made again when a key is added to the table: a table of the old ones would be stale)
  const rows = m.unigrams.rowsOfCharacters();
  if (characters.of === m && characters.rows === rows) return characters.table;
  const width = m.unigrams.parts * packedWidth(m.unigrams.labels);
  const table = new Int32Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    const digit = (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
    // (a table's rows number fewer than 2^16: see WeightTable)
    table[c] = ((rows[digit ? 0x30 : c]! / width) << 15) | (m.words ? compactLabel(m.words.labelOf(c)) : 0);
  }
  characters.of = m;
  characters.rows = rows;
  characters.table = table;
  return table;
}

/** Offsets into joinedWeights' array stay below 2^30. */
const OFFSET_MASK = 0x3fffffff;
/** Numbers past the last offset a row starts at that the emission loop reads (up to 4 × 3 + 2): the array has them. */
const PAST_MASK = 16;

const joined = { of: undefined as NerModel | undefined, all: new Float64Array(0), lane1: new Float64Array(0), lane2: new Float64Array(0), mask: 0, u: 0, b: 0, t: 0, c: 0, l: 0 };

/**
 * The weights the emission loop reads (unigram, bigram and trigram rows, class and lattice
 * rows) as one Float64Array, with where each part starts in it: one array's base and length
 * live in the loop instead of five, which V8 otherwise keeps on the stack and checks on every
 * read. `mask`: 2^k - 1 at or above every offset of every part, with PAST_MASK numbers more in
 * the array: an offset masked with it is the same offset, and V8, which then knows the offset
 * and the few numbers after it within the array (its length a constant of the labeller), adds
 * a lane's number with no test of overflow. (It still checks each read against the length:
 * node 20's typer hardening keeps a compare and a branch to an abort where its types prove
 * the read in bounds, 36 per character, as the optimised code shows.) A snapshot's arrays are
 * views of one buffer, viewed whole where it is long enough (the word trie comes after the
 * weights); a model read from JSON has its own arrays, copied once into one.
 */
function joinedWeights(m: NerModel): typeof joined {
  if (joined.of === m) return joined;
  const parts = [m.unigrams.weights, m.bigrams.weights, m.trigrams.weights, m.classes, m.lattice];
  const buffer = parts[0]!.buffer;
  const maskAbove = (end: number) => {
    let mask = 1;
    while (mask < end) mask *= 2;
    return mask - 1;
  };
  let all: Float64Array | undefined;
  let starts: number[] = [];
  let mask = 0;
  if (parts.every((a) => a.buffer === buffer && a.byteOffset % 8 === 0)) {
    starts = parts.map((a) => a.byteOffset / 8);
    mask = maskAbove(Math.max(...parts.map((a, k) => starts[k]! + a.length)));
    const whole = Math.floor(buffer.byteLength / 8);
    if (whole >= mask + 1 + PAST_MASK) all = new Float64Array(buffer, 0, mask + 1 + PAST_MASK);
  }
  if (!all) {
    const total = parts.reduce((t, a) => t + a.length, 0);
    mask = maskAbove(total);
    all = new Float64Array(mask + 1 + PAST_MASK);
    starts = [];
    let at = 0;
    for (const a of parts) {
      all.set(a, at);
      starts.push(at);
      at += a.length;
    }
  }
  if (mask > OFFSET_MASK) throw new Error('tagger weights too large');
  const lanes = mask + 1 + PAST_MASK - 2;
  const lane = (k: number) => new Float64Array(all!.buffer, all!.byteOffset + 8 * k, lanes);
  Object.assign(joined, { of: m, all: lane(0), lane1: lane(1), lane2: lane(2), mask, u: starts[0], b: starts[1], t: starts[2], c: starts[3], l: starts[4] });
  return joined;
}

/** The labels that follow any label: O and the B- labels. */
const OPEN_LABELS = [0, 1, 3, 5, 7];

/**
 * Per label q (1 to 8), how far its score must be below O's for O to be a better predecessor
 * than q of O and of every B- label, strictly: the most any transition from q into one of
 * them gains on O's (t[q][y] - t[O][y]); where every q is that far below, O is the best
 * predecessor of all five. All Infinity (never) unless every transition into those labels is an
 * integer, so that the sums compared are exact. (Index 0, O itself, is 0 and not read.)
 */
export function leadsOf(transitions: ArrayLike<number>): number[] {
  const leads = new Array<number>(L).fill(-Infinity);
  leads[0] = 0;
  for (const y of OPEN_LABELS) {
    for (let q = 1; q < L; q++) {
      const from = transitions[y]!;
      const t = transitions[q * L + y]!;
      if (!Number.isSafeInteger(from) || !Number.isSafeInteger(t)) return leads.map((_, q) => (q === 0 ? 0 : Infinity));
      leads[q] = Math.max(leads[q]!, t - from);
    }
  }
  return leads;
}

/** The largest transition (in size) for which scores are compared without branches (see integralTransitions). */
const SMALL_TRANSITION = 2 ** 20;
/**
 * A score no path that is allowed reaches, for a step that is not allowed (-Infinity), with
 * integral transitions: x + y + |x - y| of a finite x and -Infinity is NaN. Every finite score
 * of a position is within 4T + 2E < 2^23 of the others (see integralTransitions): a path
 * through NEVER never wins nor ties, and NEVER less a score stays within 2^31.
 */
const NEVER = -(2 ** 30);

/**
 * Whether every transition is an integer of at most SMALL_TRANSITION in size, or -Infinity (a
 * step not allowed) outside the steps into an I- label from its B- label and from itself. Every score is then an integer (emissions are: packed integers), and two
 * scores the Viterbi step compares differ by less than 2^31: with T the largest transition in
 * size and E = 2^17 above any emission (packedWeights), every finite score at a position is
 * within 4T + 2E of every other (O and the B- labels follow the best label before them, an I-
 * label its B- label; the best score grows by at most T + E per position), and a score plus a
 * transition within 6T + 2E < 2^23 of another. Their difference, truncated to 32 bits (x | 0),
 * is then exactly the difference, and its sign says which is larger: a comparison without a
 * branch, which a processor cannot mispredict (the I- labels' choices are near coin tosses).
 * The one infinite score, an I- label's at the first position (no start into it), starts at
 * NEVER instead: at the second position, the only one that compares it, its difference from
 * another is below 2^30 + 2^23, and it loses to all of them, as -Infinity does.
 */
export function integralTransitions(transitions: ArrayLike<number>): boolean {
  for (let k = 0; k < transitions.length; k++) {
    const t = transitions[k]!;
    if (t !== -Infinity && !(Number.isInteger(t) && Math.abs(t) <= SMALL_TRANSITION)) return false;
  }
  // the steps compared without branches (into an I- label from its B- label and from itself)
  // must be allowed: half of x + y + |x - y| with an infinite x or y is NaN, not the larger
  for (let y = 2; y < L; y += 2) if (transitions[(y - 1) * L + y] === -Infinity || transitions[y * L + y] === -Infinity) return false;
  return true;
}

export interface Labeller {
  of: NerModel;
  /** What the labeller holds of tables that change when a key is added to them (tests add keys). */
  characterRows: Int32Array;
  pairs: KeyPresence;
  triples: KeyPresence;
  scratch: ReturnType<typeof scratchOf>;
  /** Labels the code points of a text (of up to scratch.capacity UTF-16 units) into scratch.labels, their offsets into scratch.offsets; their number. */
  label: (text: string) => number;
}

/** The labeller of the model in use for short texts, and the one for longer texts, made when first needed. */
let labeller: Labeller | undefined;
let longLabeller: Labeller | undefined;

function current(l: Labeller | undefined, m: NerModel): l is Labeller {
  return l !== undefined && l.of === m && l.characterRows === m.unigrams.rowsOfCharacters() && l.pairs === m.bigrams.presenceBits() && l.triples === m.trigrams.presenceBits();
}

/** The labeller for `text` (not empty), undefined without a model. */
export function labellerFor(text: string): Labeller | undefined {
  const m = nerModel();
  if (!m) return undefined;
  if (text.length <= SHORT) return current(labeller, m) ? labeller : (labeller = labellerOf(m, SHORT));
  const l = longLabeller;
  const fits = l !== undefined && l.scratch.capacity >= text.length;
  if (fits && current(l, m)) return l;
  // grown (doubled) only for a text that does not fit: a labeller made again for a new model
  // keeps its capacity (doubling it on every reload grew it without bound)
  return (longLabeller = labellerOf(m, fits ? l.scratch.capacity : Math.max(text.length, 2 * (l?.scratch.capacity ?? SHORT))));
}

/**
 * The labeller for the model `m` and texts of up to `capacity` UTF-16 units, as a closure over
 * the model's tables and its own arrays: V8 compiles a function that has one closure with the
 * constants of its context as constants, so that these arrays are read at known addresses,
 * their lengths known (no base, length or type of them read and checked per character). (The
 * labeller of long texts is a second closure: it and any made later are compiled without, and
 * so is every labeller after the model is loaded again (setNerModelPath) or after a long text
 * was labelled first. Their labels are the same, only slower: the extension and the CLI load
 * one model, and the entity stage tags chunks of at most 400 units.)
 */
function labellerOf(m: NerModel, capacity: number): Labeller {
  const P = packedWidth(L);
  if (P !== 3 || L !== 9) throw new Error('the tagger is written for nine labels');
  const characterRows = m.unigrams.rowsOfCharacters();
  const table = characterTable(m);
  const pairs = m.bigrams.presenceBits();
  const triples = m.trigrams.presenceBits();
  const unigramWidth = m.unigrams.parts * packedWidth(m.unigrams.labels);
  const W = joinedWeights(m);
  const w = W.all;
  const w1 = W.lane1;
  const w2 = W.lane2;
  const WM = W.mask;
  const uStart = W.u;
  const bStart = W.b;
  const tStart = W.t;
  const cStart = W.c;
  const lStart = W.l;
  const { bigrams, trigrams, words } = m;
  const leadsOfO = leadsOf(m.transitions);
  const integral = integralTransitions(m.transitions);
  /** The transition from the start into label y, NEVER for -Infinity with integral transitions. */
  const startOf = (y: number) => (integral && m.transitions[L * L + y] === -Infinity ? NEVER : m.transitions[L * L + y]!);
  // the start's transitions, constants of the labeller (read at the first position only)
  const st0 = m.transitions[L * L]!, st1 = m.transitions[L * L + 1]!, st2 = startOf(2), st3 = m.transitions[L * L + 3]!, st4 = startOf(4), st5 = m.transitions[L * L + 5]!, st6 = startOf(6), st7 = m.transitions[L * L + 7]!, st8 = startOf(8);
  const scratch = scratchOf(capacity);
  const { offsets, classRows, back, unigramRows, bigramRows, trigramRows, lattice: latticeBuffer, labels, opens, wordLabels, wordPairs, keys, pairsToProbe, triplesToProbe } = scratch;
  // the pairs' and triples' tables, probed inline as WeightTable.rowOf probes them
  const { slots: pairSlots, mask: pairMask, width: pairWidth } = bigrams.probe();
  const { slots: tripleSlots, mask: tripleMask, width: tripleWidth } = trigrams.probe();
  const pairBits = pairs.bits;
  const pairShift = pairs.shift;
  const tripleBits = triples.bits;
  const tripleShift = triples.shift;
  // the word dictionary's trie, read inline (as WordDictionary.latticeOfLabels reads it)
  const wordSlots = words ? words.state().slots : new Int32Array(2);
  const longestWord = words ? words.longest : 0;
  if (WORD_CATEGORIES.length !== 4 || BEGIN_BITS[0b1111] !== 0b001001001001 || INSIDE_BITS[0b1111] !== BEGIN_BITS[0b1111]! << 1 || END_BITS[0b1111] !== BEGIN_BITS[0b1111]! << 2) throw new Error('the labeller is written for four word categories, three lattice bits each');
  return { of: m, characterRows, pairs, triples, scratch, label };

  /**
   * words.latticeOfLabels(wordLabels, n, lattice), over the labeller's own arrays: the
   * dictionary's method reads its arrays' lengths and bases from their objects at every access,
   * where here they are constants of the code. The same three passes: labels, then for every
   * start the child along the next character, then the walks from the starts that have one.
   */
  function latticeOf(length: number): void {
    // (at most the capacity: V8 then knows every index below is within the arrays)
    const n = Math.min(length, capacity);
    const at = wordLabels;
    const out = latticeBuffer;
    const slots = wordSlots;
    out.fill(0, 0, n);
    for (let i = 0; i + 1 < n; i++) {
      const first = at[i]!;
      const node = (first & ROOT_CHILD) !== 0 ? first & NODE_MASK : 0;
      const label = at[i + 1]! & NODE_MASK;
      const to = (slots[2 * node]! & NODE_MASK) + label;
      wordPairs[i] = node !== 0 && label !== 0 && slots[2 * to + 1] === node ? to | (slots[2 * to]! & ~NODE_MASK) : -1;
    }
    for (let i = 0; i + 1 < n; i++) {
      let child = wordPairs[i]!;
      if (child < 0) continue;
      for (let j = i + 1; ; ) {
        const categories = child >>> NODE_BITS;
        if (categories !== 0) {
          // BEGIN_BITS[categories], and the inside and end bits one and two places above it
          // (bit c of the categories to bit 3c), computed: a table's map and length are read
          // and checked at every access
          const begin = (categories & 1) | ((categories & 2) << 2) | ((categories & 4) << 4) | ((categories & 8) << 6);
          out[i]! |= begin;
          out[j]! |= begin << 2;
          const inside = begin << 1;
          for (let k = i + 1; k < j; k++) out[k]! |= inside;
        }
        if (++j >= n || j - i >= longestWord) break;
        const node = child & NODE_MASK;
        const label = at[j]! & NODE_MASK;
        const to = (slots[2 * node]! & NODE_MASK) + label;
        if (label === 0 || slots[2 * to + 1] !== node) break;
        child = to | (slots[2 * to]! & ~NODE_MASK);
      }
    }
  }

  /**
   * Whether the pair (a, b) may be a key of the bigram table (its presence bit, 1 or 0): the
   * first half of bigrams.rowOf. (Every pair of a text is asked here, the pairs at its edges
   * too: where only a few were, V8 compiled the hash for the values they gave, and undid the
   * code at the first larger one.)
   */
  function pairMayBe(a: number, b: number): number {
    const at = keyHash(a, b, 0) >>> pairShift;
    return (pairBits[at >>> 5]! >>> (at & 31)) & 1;
  }

  /** bigrams.rowOf(a, b, 0) + bStart, for a pair whose presence bit is set: the probe of the table. */
  function pairProbe(a: number, b: number): number {
    const hash = keyHash(a, b, 0);
    const ab = a | (b << 16);
    for (let h = hash & pairMask; ; h = (h + 1) & pairMask) {
      const rc = pairSlots[2 * h + 1]!;
      if (rc === -1) return bStart;
      if (pairSlots[2 * h] === ab && (rc & 0xffff) === 0) return (rc >>> 16) * pairWidth + bStart;
    }
  }

  /** Whether the triple (a, b, c) may be a key of the trigram table (as pairMayBe). */
  function tripleMayBe(a: number, b: number, c: number): number {
    const at = keyHash(a, b, c) >>> tripleShift;
    return (tripleBits[at >>> 5]! >>> (at & 31)) & 1;
  }

  /** trigrams.rowOf(a, b, c) + tStart, for a triple whose presence bit is set: the probe of the table. */
  function tripleProbe(a: number, b: number, c: number): number {
    const hash = keyHash(a, b, c);
    const ab = a | (b << 16);
    for (let h = hash & tripleMask; ; h = (h + 1) & tripleMask) {
      const rc = tripleSlots[2 * h + 1]!;
      if (rc === -1) return tStart;
      if (tripleSlots[2 * h] === ab && (rc & 0xffff) === c) return (rc >>> 16) * tripleWidth + tStart;
    }
  }

  function label(text: string): number {
    // per code point (digits as one key, astral characters as one): its UTF-16 offset, class,
    // unigram row and label in the word dictionary, and the rows of the pair and the triple that
    // end at it (its key and the two before, in registers: no array of keys read back)
    let n = 0;
    let k2 = 0x3c; // <
    let k1 = 0x3c;
    keys[0] = keys[1] = 0x3c;
    let pairCount = 0;
    let tripleCount = 0;
    // (and the classes of the two characters before: the edge before the first)
    let p2 = EDGE_CLASS;
    let p1 = EDGE_CLASS;
    const length = text.length;
    for (let u = 0; u < length; u++) {
      const c = text.charCodeAt(u);
      let key = c;
      let cls = 2;
      offsets[n] = u;
      // (a lone surrogate is a BMP code of its own, as codePointAt reads it)
      if ((c & 0xfc00) !== 0xd800 || u + 1 >= length || (text.charCodeAt(u + 1) & 0xfc00) !== 0xdc00) {
        const both = table[c]!;
        unigramRows[n + 2] = (both >>> 15) * unigramWidth + uStart;
        const label = both & 0x7fff;
        wordLabels[n] = label === WIDE_LABEL && words ? words.labelOf(c) : labelOfCompact(label);
        // (Han first: most characters are)
        if (c - 0x4e00 >>> 0 >= 0x5200) {
          if ((c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19)) {
            cls = 0;
            key = 0x30;
          } else if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) cls = 1;
          else if (c === 0x20 || c === 0xa0 || c === 0x3000) cls = 3;
          else cls = 4;
        }
      } else {
        const cp = (c - 0xd800) * 0x400 + (text.charCodeAt(u + 1) - 0xdc00) + 0x10000;
        unigramRows[n + 2] = characterRows[0xffff]! + uStart;
        wordLabels[n] = words ? words.labelOf(cp) : 0;
        cls = 4;
        key = 0xffff;
        u++;
      }
      // the pair and the triple that end here: the rows of keys absent from the tables (their
      // presence bits clear), and the positions of the others listed for a probe after this
      // loop, without a branch on the bits (set for 43% of the pairs, in no pattern a
      // processor predicts)
      keys[n + 2] = key;
      bigramRows[n + 1] = bStart;
      pairsToProbe[pairCount] = n + 1;
      pairCount += pairMayBe(k1, key);
      if (n > 0) {
        trigramRows[n - 1] = tStart;
        triplesToProbe[tripleCount] = n - 1;
        tripleCount += tripleMayBe(k2, k1, key);
        classRows[n - 1] = ((p2 * CLASS_COUNT + p1) * CLASS_COUNT + cls) * 3 + cStart;
      }
      k2 = k1;
      k1 = key;
      p2 = p1;
      p1 = cls;
      n++;
    }
    offsets[n] = length;
    // the pairs and the triple at the edges (the start's keys are <, the end's >), listed as the others
    keys[n + 2] = keys[n + 3] = 0x3e;
    bigramRows[0] = bigramRows[n + 1] = bigramRows[n + 2] = bStart;
    pairsToProbe[pairCount] = 0;
    pairCount += pairMayBe(0x3c, 0x3c);
    pairsToProbe[pairCount] = n + 1;
    pairCount += pairMayBe(keys[n + 1]!, 0x3e);
    pairsToProbe[pairCount] = n + 2;
    pairCount += pairMayBe(0x3e, 0x3e);
    trigramRows[n - 1] = tStart;
    triplesToProbe[tripleCount] = n - 1;
    tripleCount += tripleMayBe(keys[n]!, keys[n + 1]!, keys[n + 2]!);
    // the listed pairs and triples, probed (keys[j]: the key of the character at j - 2)
    for (let k = 0; k < pairCount; k++) {
      const j = pairsToProbe[k]!;
      bigramRows[j] = pairProbe(keys[j]!, keys[j + 1]!);
    }
    for (let k = 0; k < tripleCount; k++) {
      const j = triplesToProbe[k]!;
      trigramRows[j] = tripleProbe(keys[j + 1]!, keys[j + 2]!, keys[j + 3]!);
    }
    classRows[n - 1] = ((p2 * CLASS_COUNT + p1) * CLASS_COUNT + EDGE_CLASS) * 3 + cStart;

    // emission scores: each key looked up once, then each position sums its twelve packed rows
    // (three additions per row for nine labels) and unpacks the sums into nine numbers, in the
    // Viterbi loop (no array of them written and read back).
    unigramRows[0] = unigramRows[1] = characterRows[0x3c]! + uStart;
    unigramRows[n + 2] = unigramRows[n + 3] = characterRows[0x3e]! + uStart;
    // (zeros without a dictionary: the loop reads the buffer either way, with no test of it per character)
    const lattice = latticeBuffer;
    if (words) latticeOf(n);
    else lattice.fill(0, 0, n);
    // Viterbi: the best score of each label (locals, as are the transitions: no reads of them per
    // step) and its best predecessor, the path then read backwards from these pointers. Labels are
    // O, then B- and I- per type: an I- label (even index from 2) follows only its B- or itself;
    // O and B- follow any. Predecessors are tried in label order and a later one wins only when
    // strictly better: the sums are exact integers, so that rule alone decides every tie.
    const trans = m.transitions;
    const t00 = trans[0]!, t10 = trans[9]!, t20 = trans[18]!, t30 = trans[27]!, t40 = trans[36]!, t50 = trans[45]!, t60 = trans[54]!, t70 = trans[63]!, t80 = trans[72]!;
    const t01 = trans[1]!, t11 = trans[10]!, t21 = trans[19]!, t31 = trans[28]!, t41 = trans[37]!, t51 = trans[46]!, t61 = trans[55]!, t71 = trans[64]!, t81 = trans[73]!;
    const t03 = trans[3]!, t13 = trans[12]!, t23 = trans[21]!, t33 = trans[30]!, t43 = trans[39]!, t53 = trans[48]!, t63 = trans[57]!, t73 = trans[66]!, t83 = trans[75]!;
    const t05 = trans[5]!, t15 = trans[14]!, t25 = trans[23]!, t35 = trans[32]!, t45 = trans[41]!, t55 = trans[50]!, t65 = trans[59]!, t75 = trans[68]!, t85 = trans[77]!;
    const t07 = trans[7]!, t17 = trans[16]!, t27 = trans[25]!, t37 = trans[34]!, t47 = trans[43]!, t57 = trans[52]!, t67 = trans[61]!, t77 = trans[70]!, t87 = trans[79]!;
    const t12 = trans[11]!, t22 = trans[20]!, t34 = trans[31]!, t44 = trans[40]!, t56 = trans[51]!, t66 = trans[60]!, t78 = trans[71]!, t88 = trans[80]!;
    const lead1 = leadsOfO[1]!, lead2 = leadsOfO[2]!, lead3 = leadsOfO[3]!, lead4 = leadsOfO[4]!, lead5 = leadsOfO[5]!, lead6 = leadsOfO[6]!, lead7 = leadsOfO[7]!, lead8 = leadsOfO[8]!;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0;
    // (n as it is, at most the capacity: V8 then knows that i + 4 cannot overflow, and, where
    // the capacity is a constant of the code, that every read of the arrays below is within them)
    const count = Math.min(n, capacity);
    // the rows of the characters at i - 2 … i + 1 and the pairs at i - 2 … i, carried from one
    // position to the next: each position reads one of each, not all (and its class row, made
    // by the code-point loop: one read, where three classes carried and combined cost more)
    let r0 = unigramRows[0]! & WM, r1 = unigramRows[1]! & WM, r2 = unigramRows[2]! & WM, r3 = unigramRows[3]! & WM;
    let q0 = bigramRows[0]! & WM, q1 = bigramRows[1]! & WM, q2 = bigramRows[2]! & WM;
    for (let i = 0; i < count; i++) {
      // the Viterbi step into position i first, its emissions after it: the emissions' reads
      // come after the step's branches, in the block that sums them, and V8 adds most of them
      // from memory as it reads them (emissions read before the step were held in registers or
      // spilled through it)
      let v = 0;
      let n0 = 0, n1 = 0, n2 = 0, n3 = 0, n4 = 0, n5 = 0, n6 = 0, n7 = 0, n8 = 0;
      if (i === 0) {
        n0 = st0;
        n1 = st1;
        n2 = st2;
        n3 = st3;
        n4 = st4;
        n5 = st5;
        n6 = st6;
        n7 = st7;
        n8 = st8;
      } else {
        // an I- label: its B- label, or itself when strictly better (first: it is the same on
        // both paths below, and the fast one then writes its pointers alone)
        // (a2 … a8: 1 for itself, 0 for its B- label)
        let a2 = 0, a4 = 0, a6 = 0, a8 = 0;
        if (integral) {
          // without branches (see integralTransitions): which is larger by the sign of the
          // difference truncated to 32 bits, and the larger as half of x + y + |x - y|, exact
          // (integers far below 2^52), and fewer cycles from these scores to the next ones
          // (the step waits on them) than the difference truncated and converted back
          let x = s1 + t12;
          v = s2 + t22;
          a2 = ((x - v) | 0) >>> 31;
          n2 = (x + v + Math.abs(x - v)) * 0.5;
          x = s3 + t34;
          v = s4 + t44;
          a4 = ((x - v) | 0) >>> 31;
          n4 = (x + v + Math.abs(x - v)) * 0.5;
          x = s5 + t56;
          v = s6 + t66;
          a6 = ((x - v) | 0) >>> 31;
          n6 = (x + v + Math.abs(x - v)) * 0.5;
          x = s7 + t78;
          v = s8 + t88;
          a8 = ((x - v) | 0) >>> 31;
          n8 = (x + v + Math.abs(x - v)) * 0.5;
        } else {
          n2 = s1 + t12;
          v = s2 + t22; if (v > n2) { n2 = v; a2 = 1; }
          n4 = s3 + t34;
          v = s4 + t44; if (v > n4) { n4 = v; a4 = 1; }
          n6 = s5 + t56;
          v = s6 + t66; if (v > n6) { n6 = v; a6 = 1; }
          n8 = s7 + t78;
          v = s8 + t88; if (v > n8) { n8 = v; a8 = 1; }
        }
        // O, then each B- label: the best of the nine before it. Where every other label's score
        // is below O's by more than that label's lead (leadsOf: 92% of the positions of the 20k
        // article; the largest lead for all let 80% through), O is the best predecessor of all
        // five, strictly, and their scores are O's plus the transition: the forty comparisons that
        // would find it are skipped. (Exact: every number is an integer.)
        // the pointers of O and the B- labels, four bits each (all O's on the fast path)
        let open = 0;
        if (s1 + lead1 < s0 && s2 + lead2 < s0 && s3 + lead3 < s0 && s4 + lead4 < s0 && s5 + lead5 < s0 && s6 + lead6 < s0 && s7 + lead7 < s0 && s8 + lead8 < s0) {
          n0 = s0 + t00;
          n1 = s0 + t01;
          n3 = s0 + t03;
          n5 = s0 + t05;
          n7 = s0 + t07;
        } else {
          let a0 = 0, a1 = 0, a3 = 0, a5 = 0, a7 = 0;
          n0 = s0 + t00;
          v = s1 + t10; if (v > n0) { n0 = v; a0 = 1; }
          v = s2 + t20; if (v > n0) { n0 = v; a0 = 2; }
          v = s3 + t30; if (v > n0) { n0 = v; a0 = 3; }
          v = s4 + t40; if (v > n0) { n0 = v; a0 = 4; }
          v = s5 + t50; if (v > n0) { n0 = v; a0 = 5; }
          v = s6 + t60; if (v > n0) { n0 = v; a0 = 6; }
          v = s7 + t70; if (v > n0) { n0 = v; a0 = 7; }
          v = s8 + t80; if (v > n0) { n0 = v; a0 = 8; }
          n1 = s0 + t01;
          v = s1 + t11; if (v > n1) { n1 = v; a1 = 1; }
          v = s2 + t21; if (v > n1) { n1 = v; a1 = 2; }
          v = s3 + t31; if (v > n1) { n1 = v; a1 = 3; }
          v = s4 + t41; if (v > n1) { n1 = v; a1 = 4; }
          v = s5 + t51; if (v > n1) { n1 = v; a1 = 5; }
          v = s6 + t61; if (v > n1) { n1 = v; a1 = 6; }
          v = s7 + t71; if (v > n1) { n1 = v; a1 = 7; }
          v = s8 + t81; if (v > n1) { n1 = v; a1 = 8; }
          n3 = s0 + t03;
          v = s1 + t13; if (v > n3) { n3 = v; a3 = 1; }
          v = s2 + t23; if (v > n3) { n3 = v; a3 = 2; }
          v = s3 + t33; if (v > n3) { n3 = v; a3 = 3; }
          v = s4 + t43; if (v > n3) { n3 = v; a3 = 4; }
          v = s5 + t53; if (v > n3) { n3 = v; a3 = 5; }
          v = s6 + t63; if (v > n3) { n3 = v; a3 = 6; }
          v = s7 + t73; if (v > n3) { n3 = v; a3 = 7; }
          v = s8 + t83; if (v > n3) { n3 = v; a3 = 8; }
          n5 = s0 + t05;
          v = s1 + t15; if (v > n5) { n5 = v; a5 = 1; }
          v = s2 + t25; if (v > n5) { n5 = v; a5 = 2; }
          v = s3 + t35; if (v > n5) { n5 = v; a5 = 3; }
          v = s4 + t45; if (v > n5) { n5 = v; a5 = 4; }
          v = s5 + t55; if (v > n5) { n5 = v; a5 = 5; }
          v = s6 + t65; if (v > n5) { n5 = v; a5 = 6; }
          v = s7 + t75; if (v > n5) { n5 = v; a5 = 7; }
          v = s8 + t85; if (v > n5) { n5 = v; a5 = 8; }
          n7 = s0 + t07;
          v = s1 + t17; if (v > n7) { n7 = v; a7 = 1; }
          v = s2 + t27; if (v > n7) { n7 = v; a7 = 2; }
          v = s3 + t37; if (v > n7) { n7 = v; a7 = 3; }
          v = s4 + t47; if (v > n7) { n7 = v; a7 = 4; }
          v = s5 + t57; if (v > n7) { n7 = v; a7 = 5; }
          v = s6 + t67; if (v > n7) { n7 = v; a7 = 6; }
          v = s7 + t77; if (v > n7) { n7 = v; a7 = 7; }
          v = s8 + t87; if (v > n7) { n7 = v; a7 = 8; }
          open = a0 | (a1 << 4) | (a3 << 8) | (a5 << 12) | (a7 << 16);
        }
        back[i] = open | (a2 << 20) | (a4 << 21) | (a6 << 22) | (a8 << 23);
      }
      // the emissions of position i: u-2 … u2, the characters at i - 2 … i + 2, each read as its
      // part of the row; b-2 … b1, the pairs starting at i - 2 … i + 1. (each offset masked with
      // WM, which leaves it as it is (see joinedWeights): V8 then knows that adding a part's
      // offset cannot overflow, and that every read is within the arrays, though it checks each
      // offset all the same: once for the three lanes, see joinedWeights)
      const r4 = unigramRows[i + 4]! & WM;
      const q3 = bigramRows[i + 3]! & WM;
      const u0 = r0;
      const u1 = r1 + 3;
      const u2 = r2 + 6;
      const u3 = r3 + 9;
      const u4 = r4 + 12;
      const b0 = q0;
      const b1 = q1 + 3;
      const b2 = q2 + 6;
      const b3 = q3 + 9;
      const tri = trigramRows[i]! & WM;
      const cls = classRows[i]! & WM;
      const lat = (lattice[i]! * 3 + lStart) & WM;
      // Three sums, one per lane, each unpacked low lane first (as unpackSum reads them): the
      // third lane is what two divisions leave. All the numbers are integers below 2^53: every
      // sum is exact, whatever the order of its terms. Each is added in a row, not as a tree of
      // pairs: V8 then takes each number from memory into the sum (a tree held the twelve numbers
      // of a lane in registers, and spilled them). (each lane is read with its bias,
      // PACKED_BIAS, not taken off: every label of every position has the same, so that every
      // path's score is the same amount above its true one, an integer far below 2^53 (under
      // 2^17 per position). Which path is best, and every tie, is the same as without it)
      const lane0 = w[u0]! + w[u1]! + w[u2]! + w[u3]! + w[u4]! + w[b0]! + w[b1]! + w[b2]! + w[b3]! + w[tri]! + w[cls]! + w[lat]!;
      const lane1 = w1[u0]! + w1[u1]! + w1[u2]! + w1[u3]! + w1[u4]! + w1[b0]! + w1[b1]! + w1[b2]! + w1[b3]! + w1[tri]! + w1[cls]! + w1[lat]!;
      const lane2 = w2[u0]! + w2[u1]! + w2[u2]! + w2[u3]! + w2[u4]! + w2[b0]! + w2[b1]! + w2[b2]! + w2[b3]! + w2[tri]! + w2[cls]! + w2[lat]!;
      r0 = r1;
      r1 = r2;
      r2 = r3;
      r3 = r4;
      q0 = q1;
      q1 = q2;
      q2 = q3;
      let high = Math.floor(lane0 / PACKED_LANE);
      const e0 = lane0 - high * PACKED_LANE;
      const e2 = Math.floor(high / PACKED_LANE);
      const e1 = high - e2 * PACKED_LANE;
      high = Math.floor(lane1 / PACKED_LANE);
      const e3 = lane1 - high * PACKED_LANE;
      const e5 = Math.floor(high / PACKED_LANE);
      const e4 = high - e5 * PACKED_LANE;
      high = Math.floor(lane2 / PACKED_LANE);
      const e6 = lane2 - high * PACKED_LANE;
      const e8 = Math.floor(high / PACKED_LANE);
      const e7 = high - e8 * PACKED_LANE;
      s0 = n0 + e0;
      s1 = n1 + e1;
      s2 = n2 + e2;
      s3 = n3 + e3;
      s4 = n4 + e4;
      s5 = n5 + e5;
      s6 = n6 + e6;
      s7 = n7 + e7;
      s8 = n8 + e8;
    }
    // the best last label (the first of equals), then the pointers back from it
    let y = 0;
    let best = s0;
    if (s1 > best) { best = s1; y = 1; }
    if (s2 > best) { best = s2; y = 2; }
    if (s3 > best) { best = s3; y = 3; }
    if (s4 > best) { best = s4; y = 4; }
    if (s5 > best) { best = s5; y = 5; }
    if (s6 > best) { best = s6; y = 6; }
    if (s7 > best) { best = s7; y = 7; }
    if (s8 > best) y = 8;
    // (count, which is n: its reads within the arrays, as above)
    labels[count - 1] = y;
    // (the B- labels, odd, from the last)
    let open = 0;
    if ((y & 1) !== 0) opens[++open] = count - 1;
    for (let i = count - 1; i > 0; i--) {
      const p = back[i]!;
      // an I- label (even, from 2): its B- label, or itself; O or a B- label: four bits from 4 × ⌈y / 2⌉
      y = (y & 1) === 0 && y !== 0 ? y - 1 + ((p >>> (19 + (y >>> 1))) & 1) : (p >>> (4 * ((y + 1) >>> 1))) & 15;
      labels[i - 1] = y;
      if ((y & 1) !== 0) opens[++open] = i - 1;
    }
    opens[0] = open;
    return n;
  }
}
