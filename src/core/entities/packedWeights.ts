/**
 * Label weights of the entity tagger, packed three to a float64 so that adding a feature's
 * nine label weights costs three additions. Each weight (an integer, |w| < OFFSET) is
 * stored as w + OFFSET in a 17-bit lane; a character's emission is the sum of exactly
 * ROWS_PER_CHAR rows (a missing feature adds the packed zero), so a lane stays below
 * 12 × 8192 < 2^17 and the whole number below 2^51, which a double holds exactly.
 */

const LANE = 2 ** 17;
/** One lane's range (for callers that unpack inline, as unpackSum does). */
export const PACKED_LANE = LANE;
const LANES = 3;
const OFFSET = 4096;

/** Rows summed per character: 5 unigrams, 4 bigrams, the trigram, classes and bias, the lattice. */
export const ROWS_PER_CHAR = 12;
/** What each lane of a sum of ROWS_PER_CHAR rows holds on top of its weights. */
const PACKED_BIAS = ROWS_PER_CHAR * OFFSET;

/** Packed numbers per row of `labels` weights. */
export function packedWidth(labels: number): number {
  return Math.ceil(labels / LANES);
}

/** Writes `weights` (one per label) packed into `out` from `at`; larger weights are clamped. */
export function packRow(weights: ArrayLike<number>, out: Float64Array, at: number): void {
  for (let p = 0; p < packedWidth(weights.length); p++) {
    let v = 0;
    for (let lane = LANES - 1; lane >= 0; lane--) {
      const w = Math.max(1 - OFFSET, Math.min(OFFSET - 1, Math.round(weights[p * LANES + lane] ?? 0)));
      v = v * LANE + w + OFFSET;
    }
    out[at + p] = v;
  }
}

/** The packed row of all-zero weights. */
export function packedZero(labels: number): Float64Array {
  const out = new Float64Array(packedWidth(labels));
  packRow(new Array<number>(labels).fill(0), out, 0);
  return out;
}

/** Unpacks the sum of ROWS_PER_CHAR packed rows at `at` into `labels` numbers in `out`. */
export function unpackSum(packed: Float64Array, at: number, labels: number, out: Float64Array): void {
  for (let p = 0, y = 0; y < labels; p++) {
    let v = packed[at + p]!;
    for (let lane = 0; lane < LANES && y < labels; lane++, y++) {
      const high = Math.floor(v / LANE);
      out[y] = v - high * LANE - PACKED_BIAS;
      v = high;
    }
  }
}

/**
 * The keys of an open-addressing table (slots of `width` numbers, one of them -1 where empty) as one
 * bit per hash, eight bits per key or more: a key whose bit is clear is not in the table (no
 * false negatives; about one absent key in nine reads a set bit and probes the table). Small
 * enough to stay in cache where the table does not. Indexed by the hash's high bits, the
 * table by its low ones.
 */
export class KeyPresence {
  // (declared, not defined: a field defined by the class is first undefined, then set, and V8 then
  // treats it as mutable; set once, it is a constant of the object, which the tagger's compiled
  // code reads at compile time)
  declare readonly bits: Int32Array;
  declare readonly shift: number;

  private constructor(bits: Int32Array, shift: number) {
    this.bits = bits;
    this.shift = shift;
  }

  /** `empty`: which number of a slot is -1 where the slot is empty. */
  static of(slots: Int32Array, width: number, hashAt: (at: number) => number, empty = 0): KeyPresence {
    let keys = 0;
    for (let at = 0; at < slots.length; at += width) if (slots[at + empty] !== -1) keys++;
    let log = 10;
    while (1 << log < keys * 8 && log < 30) log++;
    const bits = new Int32Array(1 << (log - 5));
    const shift = 32 - log;
    for (let at = 0; at < slots.length; at += width) {
      if (slots[at + empty] === -1) continue;
      const b = hashAt(at) >>> shift;
      bits[b >>> 5]! |= 1 << (b & 31);
    }
    return new KeyPresence(bits, shift);
  }

  /** Whether a key with this (unsigned 32-bit) hash may be in the table. */
  mayHold(hash: number): boolean {
    const b = hash >>> this.shift;
    return (this.bits[b >>> 5]! & (1 << (b & 31))) !== 0;
  }
}

export interface WeightTableState {
  slots: Int32Array;
  weights: Float64Array;
  rows: number;
}

/**
 * The hash of a key of up to three codes. A function of the module, not a static method: a
 * static method is read from the class binding, which V8 checks on every call (the class may
 * not be initialised yet), in every loop that hashes.
 */
export function keyHash(a: number, b: number, c: number): number {
  return Math.imul(Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b) ^ Math.imul(c, 0xc2b2ae35), 0x27d4eb2d) >>> 0;
}

/** Rows a table can hold: a slot keeps the row's number in 16 bits, and 0xffff marks an empty one. */
const MAX_ROWS = 0xffff;

/**
 * Weights keyed exactly by up to three character codes (BMP codes: astral characters share
 * 0xffff), in an open-addressing hash table over typed arrays: a lookup allocates nothing and
 * hashes integers. A row holds the packed weights of every template that shares the key (a
 * character as u-2 … u2, a pair as b-2 … b1), so each character costs one lookup per key
 * shape, not one per template. A slot is two numbers, a | b << 16 and c | row << 16 (-1:
 * empty): 8 bytes, where the table's probes miss the caches on every text.
 */
export class WeightTable {
  private declare readonly mask: number;
  /** Per slot: the first two key codes, then the third and the row's number above it (-1: empty). */
  private declare readonly slots: Int32Array;
  declare readonly weights: Float64Array;
  /** Packed numbers per row. */
  private declare readonly width: number;
  private rows = 1;
  /** Which keys may be in the table: made on the first rowOf, dropped when a key is added. */
  private presence: KeyPresence | undefined;
  /** The rows of keys (a, 0, 0) by a: made on the first rowsOfCharacters, dropped when a key is added. */
  private characterRows: Int32Array | undefined;

  /**
   * `parts` rows of `labels` weights per key, all starting at the packed zero. Row 0 stays
   * zero: it is what an unknown key reads (see rowOf), so callers need no branch.
   * `restored`: the arrays of a table saved by `state()` (a model snapshot), used as they are.
   */
  constructor(capacity: number, readonly parts: number, readonly labels: number, restored?: WeightTableState) {
    this.width = parts * packedWidth(labels);
    if (restored) {
      this.mask = restored.slots.length / 2 - 1;
      this.slots = restored.slots;
      this.weights = restored.weights;
      this.rows = restored.rows;
      return;
    }
    if (capacity + 1 > MAX_ROWS) throw new Error(`a weight table holds fewer than ${MAX_ROWS} keys (a slot keeps its row in 16 bits): this model has ${capacity} in one table; prune it harder, or widen the slots`);
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size * 2).fill(-1);
    const zero = packedZero(labels);
    this.weights = new Float64Array((capacity + 1) * this.width);
    for (let at = 0; at < this.weights.length; at += zero.length) this.weights.set(zero, at);
  }

  /** What a snapshot keeps of the table; `new WeightTable(0, parts, labels, state)` makes it again. */
  state(): WeightTableState {
    return { slots: this.slots, weights: this.weights, rows: this.rows };
  }

  /** Sets the weights of one part of a key's row, making the row on first use. */
  set(a: number, b: number, c: number, part: number, weights: ArrayLike<number>): void {
    if ((a | b | c) >>> 16 !== 0) throw new Error('weight table keys are BMP codes');
    let row = this.find(a, b, c);
    if (row < 0) {
      if (this.rows >= MAX_ROWS || (this.rows + 1) * this.width > this.weights.length) throw new Error('weight table full');
      let h = keyHash(a, b, c) & this.mask;
      while (this.slots[h * 2 + 1] !== -1) h = (h + 1) & this.mask;
      this.slots[h * 2] = a | (b << 16);
      this.slots[h * 2 + 1] = c | (this.rows << 16);
      row = this.rows++ * this.width;
      this.presence = undefined;
      this.characterRows = undefined;
    }
    packRow(weights, this.weights, row + part * packedWidth(this.labels));
  }

  /** Offset of the key's row in `weights`, or of the zero row (0) for an unknown key. */
  rowOf(a: number, b: number, c: number): number {
    // most pairs and triples of a text are no key: the presence bits (in cache) say so without a probe
    const hash = keyHash(a, b, c);
    if (!(this.presence ?? this.presenceOfKeys()).mayHold(hash)) return 0;
    // (the probe from the hash already made: a second hash of the key costs as much as the bits)
    const slots = this.slots;
    const ab = a | (b << 16);
    for (let h = hash & this.mask; ; h = (h + 1) & this.mask) {
      const rc = slots[2 * h + 1]!;
      if (rc === -1) return 0;
      if (slots[2 * h] === ab && (rc & 0xffff) === c) return (rc >>> 16) * this.width;
    }
  }

  /**
   * rowOf(a, 0, 0) for every a below 2^16, as one array indexed by a: for a table keyed by one
   * character (a BMP code), one read per lookup instead of a hash, the presence bits and a probe.
   */
  rowsOfCharacters(): Int32Array {
    if (this.characterRows) return this.characterRows;
    const rows = new Int32Array(0x10000);
    const slots = this.slots;
    for (let at = 0; at < slots.length; at += 2) {
      const rc = slots[at + 1]!;
      if (rc !== -1 && slots[at]! >>> 16 === 0 && (rc & 0xffff) === 0) rows[slots[at]!] = (rc >>> 16) * this.width;
    }
    return (this.characterRows = rows);
  }

  /**
   * What a lookup reads of the table (rowOf's probe): the slots, the mask of a slot's number
   * and the packed numbers per row, for a caller that probes inline (the tagger's labeller).
   */
  probe(): { slots: Int32Array; mask: number; width: number } {
    return { slots: this.slots, mask: this.mask, width: this.width };
  }

  /** Which keys may be in the table, as rowOf reads them: the same object until a key is added. */
  presenceBits(): KeyPresence {
    return this.presence ?? this.presenceOfKeys();
  }

  /** (apart from rowOf: a closure there would cost every lookup a context object) */
  private presenceOfKeys(): KeyPresence {
    const slots = this.slots;
    return (this.presence = KeyPresence.of(slots, 2, (at) => keyHash(slots[at]! & 0xffff, slots[at]! >>> 16, slots[at + 1]! & 0xffff), 1));
  }

  /** Offset of the key's row in `weights`, or -1. */
  find(a: number, b: number, c: number): number {
    const slots = this.slots;
    const ab = a | (b << 16);
    for (let h = keyHash(a, b, c) & this.mask; ; h = (h + 1) & this.mask) {
      const rc = slots[2 * h + 1]!;
      if (rc === -1) return -1;
      if (slots[2 * h] === ab && (rc & 0xffff) === c) return (rc >>> 16) * this.width;
    }
  }
}
