/**
 * Where each rule source may start in a paragraph, found in one pass over it. Each source
 * used to read every UTF-16 unit of the paragraph itself and rule nearly all out by a table:
 * in a loop that also calls out (to propose a candidate), the compiled code reloads the
 * string, the table and their bounds at every unit, some 50 to 135 instructions each time,
 * six times over. One tight pass over the match form marks the few units where each source
 * may start (a list per source), and each source then reads only its own.
 *
 * The marks only rule positions out: a source still asks its own question at each position
 * it is given, so a source given every position (EVERY_UNIT) finds what it finds with the marks.
 */
import { pairHash, type Lexicon } from './lexicon';

/** The sources that read marks, by index (their bit in a table is 1 << index). LEXICON: lexicon.mayMatchAt(form, i) holds. */
export const LEXICON = 0;
/** A role may start here (the first unit of one). */
export const ROLE = 1;
/** A surname may start here (the first unit of one, compound ones too). */
export const SURNAME = 2;
/** An organisation's suffix may start here. */
export const SUFFIX = 3;
/** A place's one-character abbreviation, or a verb before one. */
export const ABBREVIATION = 4;
/** An ASCII letter. */
export const LATIN = 5;
/**
 * A punctuation mark a rule reads from: 《 (titles), “ and 「 (quoted names), · and • (transliterated
 * names). Each of those rules searched the text for its marks with indexOf, a scan of the whole
 * paragraph per mark (seven per paragraph), where this pass reads each unit anyway; each reads
 * the list for its own.
 */
export const PUNCTUATION = 6;
const SOURCES = 7;

/** The bit of LEXICON in a table. */
export const LEXICON_START = 1 << LEXICON;

/**
 * The marks of one text: for each source, its positions at lists[source][from(source) ...
 * to(source) - 1], increasing. A list per source, not one list of every mark with its bits:
 * each source reading every mark to find its own cost some 38 instructions a mark, six times over.
 * The bounds of every text of a batch sit in one array of the batch's (MarkLists), at `at`:
 * two arrays of bounds per text were some 40 KB of the 2.2 MB a 20k analysis allocates.
 */
export class UnitStarts {
  constructor(readonly lists: readonly Int32Array[], private readonly bounds: Int32Array, private readonly at: number) {}

  /** Where the marks of `source` begin in lists[source]. */
  from(source: number): number {
    return this.bounds[this.at + source]!;
  }

  /** Where the marks of `source` end in lists[source] (exclusive). */
  to(source: number): number {
    return this.bounds[this.at + SOURCES + source]!;
  }
}

/** Texts whose bounds a new MarkLists has room for. */
const BOUNDS_ROOM = 256;

/**
 * The lists marks are written into, one per source, grown as texts are marked: the marks of
 * every text of a batch, each text's UnitStarts reading them through `lists` (a list grown is
 * replaced there, its marks copied), and where each text's marks begin and end in `bounds`.
 */
export class MarkLists {
  readonly lists: Int32Array[];
  /** Where the next mark of each source goes. */
  readonly ends = new Int32Array(SOURCES);
  /** For each text marked since the last reset, the ends before and after its marks (2 * SOURCES numbers). */
  private bounds: Int32Array;
  /** Where the next text's bounds go in `bounds`. */
  private boundsEnd = 0;

  /** With room for `size` marks of each source and the bounds of `texts` texts (either grows as needed). */
  constructor(size = 1024, texts = BOUNDS_ROOM) {
    this.lists = Array.from({ length: SOURCES }, () => new Int32Array(size));
    this.bounds = new Int32Array(texts * 2 * SOURCES);
  }

  /** Writes from the start again, with lists of `kept` entries at most. */
  reset(kept: number): void {
    this.ends.fill(0);
    this.boundsEnd = 0;
    for (let source = 0; source < SOURCES; source++) if (this.lists[source]!.length > kept) this.lists[source] = new Int32Array(1024);
    if (this.bounds.length > kept) this.bounds = new Int32Array(BOUNDS_ROOM * 2 * SOURCES);
  }

  /** Room for `units` more marks of each source. */
  reserve(units: number): void {
    for (let source = 0; source < SOURCES; source++) {
      const list = this.lists[source]!;
      const end = this.ends[source]!;
      if (end + units <= list.length) continue;
      const grown = new Int32Array(Math.max(end + units, 2 * list.length));
      grown.set(list.subarray(0, end));
      this.lists[source] = grown;
    }
  }

  /** Marks position i for the sources of `bits` (with room reserved). */
  put(bits: number, i: number): void {
    for (let source = 0; source < SOURCES; source++) if ((bits & (1 << source)) !== 0) this.lists[source]![this.ends[source]!++] = i;
  }

  /** Begins the marks of a text: where its bounds are, for marked() once its marks are written. */
  open(): number {
    if (this.boundsEnd + 2 * SOURCES > this.bounds.length) {
      // (the texts marked before keep the array they read, their bounds in it already)
      const grown = new Int32Array(Math.max(2 * this.bounds.length, BOUNDS_ROOM * 2 * SOURCES));
      grown.set(this.bounds);
      this.bounds = grown;
    }
    const at = this.boundsEnd;
    this.boundsEnd += 2 * SOURCES;
    this.copyEnds(at);
    return at;
  }

  /** The marks of the text opened at `at`, all of them written. */
  marked(at: number): UnitStarts {
    this.copyEnds(at + SOURCES);
    return new UnitStarts(this.lists, this.bounds, at);
  }

  /** The ends now into bounds[at ...] (by a loop: set() was a call into a builtin, twice per text). */
  private copyEnds(at: number): void {
    const { bounds, ends } = this;
    for (let source = 0; source < SOURCES; source++) bounds[at + source] = ends[source]!;
  }
}

/** A table by UTF-16 unit: the bit of `source` at the first unit of each of `strings`. */
export function startTable(source: number, strings: Iterable<string>): Uint8Array {
  const t = new Uint8Array(0x10000);
  for (const s of strings) if (s.length > 0) t[s.charCodeAt(0)]! |= 1 << source;
  return t;
}

/** The union of tables made by startTable. */
export function unionOf(...tables: readonly Uint8Array[]): Uint8Array {
  const t = new Uint8Array(0x10000);
  for (const u of tables) for (let c = 0; c < 0x10000; c++) t[c]! |= u[c]!;
  return t;
}

/** Every bit at every unit: each source visits every position (the sources' own scans, for the tests). */
export const EVERY_UNIT = new Uint8Array(0x10000).fill(0xff);

/**
 * Marks `norm` by `table` (and `form`, its match form, by the lexicon's mayMatchAt where a
 * lexicon is given) after the marks in `into`; the marks of the text.
 */
export function markStarts(norm: string, table: Uint8Array, form: string, lexicon: Lexicon | undefined, into: MarkLists): UnitStarts {
  const n = norm.length;
  // (a lower-cased view may be longer than its text: İ is two units in lower case)
  const m = lexicon ? form.length : 0;
  const end = n > m ? n : m;
  into.reserve(end);
  const at = into.open();
  for (let i = 0; i < end; i++) {
    let bits = i < n ? table[norm.charCodeAt(i)]! : 0;
    if (i < m && lexicon!.mayMatchAt(form, i)) bits |= LEXICON_START;
    if (bits !== 0) into.put(bits, i);
  }
  return into.marked(at);
}

/** Where a marker's table holds the lexicon's pair bits (after one byte per UTF-16 unit). */
const PAIRS = 0x10000;

/** In a marker's table, where a lexicon's alias of two units or more may start: the lexicon's startsPair decides. */
const LEXICON_PAIR = 128;

/**
 * Marks texts by a table of the rules and a lexicon's first units, reading each unit of the
 * match form once: markStarts's marks, or more. A text and its match form of the same length
 * have their units at the same offsets (lower-casing never shortens a character, so a form of
 * the same length lengthened none), and a unit of the form is the text's or its lower case:
 * the rules' table is read by the form's unit with each rule's unit marked in lower case too.
 */
export class StartMarker {
  /** The rules' table with the lower case of each unit marked as the unit. */
  private readonly folded: Uint8Array;
  /** folded with each lexicon's first units, made once per lexicon. */
  private readonly byLexicon = new WeakMap<Lexicon, Uint8Array | null>();

  constructor(private readonly rules: Uint8Array) {
    const folded = rules.slice();
    for (let u = 0; u < 0x10000; u++) {
      if (rules[u] === 0) continue;
      const lower = String.fromCharCode(u).toLowerCase();
      if (lower.length === 1) folded[lower.charCodeAt(0)]! |= rules[u]!;
    }
    this.folded = folded;
  }

  /** markStarts(norm, rules, form, lexicon, into), or more marks. */
  mark(norm: string, form: string, lexicon: Lexicon, into: MarkLists): UnitStarts {
    const table = form.length === norm.length ? this.tableOf(lexicon) : null;
    if (!table) return markStarts(norm, this.rules, form, lexicon, into);
    into.reserve(form.length);
    const at = into.open();
    markUnits(form, table, into.lists, into.ends);
    return into.marked(at);
  }

  /**
   * The marker's table for `lexicon`, null where the lexicon has no table of first units: the
   * bits of each unit, then (at PAIRS) the lexicon's pair bits, one array for both (a second
   * array was a second check of its shape and bounds at a third of the units).
   */
  private tableOf(lexicon: Lexicon): Uint8Array | null {
    let t = this.byLexicon.get(lexicon);
    if (t === undefined) {
      const first = lexicon.firstUnitTable(LEXICON_START, LEXICON_PAIR);
      const pairs = lexicon.pairBits();
      t = null;
      if (first && pairs) {
        t = new Uint8Array(PAIRS + pairs.length);
        for (let u = 0; u < 0x10000; u++) t[u] = first[u]! | this.folded[u]!;
        t.set(pairs, PAIRS);
      }
      this.byLexicon.set(lexicon, t);
    }
    return t;
  }
}

/**
 * StartMarker's pass over a form, in a function of its own whose loop keeps little more than
 * the form and the table in registers. With the six lists and their ends in locals of the
 * loop as well, the compiled loop spilled and reloaded them at every unit (some 87
 * instructions a unit, most units marking nothing); a mark now reads its list and its end
 * from the arrays, and marked units are a quarter of the units.
 */
function markUnits(form: string, table: Uint8Array, lists: Int32Array[], ends: Int32Array): void {
  const n = form.length;
  // (no unit read past the end: a read that returns NaN leaves the compiled loop calling out for every unit)
  let c = n > 0 ? form.charCodeAt(0) : 0;
  for (let i = 0; i < n; i++) {
    const u = c;
    c = i + 1 < n ? form.charCodeAt(i + 1) : -1;
    let bits = table[u]!;
    if (bits === 0) continue;
    if (bits >= LEXICON_PAIR) {
      // the lexicon's startsPair(u, c), on its bits in the table
      bits &= LEXICON_PAIR - 1;
      if (c >= 0) {
        const h = pairHash(u, c);
        if ((table[PAIRS + (h >>> 3)]! & (1 << (h & 7))) !== 0) bits |= LEXICON_START;
      }
      if (bits === 0) continue;
    }
    if ((bits & LEXICON_START) !== 0) lists[LEXICON]![ends[LEXICON]!++] = i;
    if ((bits & (1 << ROLE)) !== 0) lists[ROLE]![ends[ROLE]!++] = i;
    if ((bits & (1 << SURNAME)) !== 0) lists[SURNAME]![ends[SURNAME]!++] = i;
    if ((bits & (1 << SUFFIX)) !== 0) lists[SUFFIX]![ends[SUFFIX]!++] = i;
    if ((bits & (1 << ABBREVIATION)) !== 0) lists[ABBREVIATION]![ends[ABBREVIATION]!++] = i;
    if ((bits & (1 << LATIN)) !== 0) lists[LATIN]![ends[LATIN]!++] = i;
    if ((bits & (1 << PUNCTUATION)) !== 0) lists[PUNCTUATION]![ends[PUNCTUATION]!++] = i;
  }
}

/** The marks of one text, in lists of its own (a source called outside detectEntitiesBatch). */
export function unitStarts(norm: string, table: Uint8Array, form = norm, lexicon?: Lexicon): UnitStarts {
  return markStarts(norm, table, form, lexicon, new MarkLists(16, 1));
}
