/**
 * Where each rule source may start in a paragraph, found in one pass over it. Each source
 * used to read every UTF-16 unit of the paragraph itself and rule nearly all out by a table:
 * in a loop that also calls out (to propose a candidate), the compiled code reloads the
 * string, the table and their bounds at every unit, some 50 to 80 instructions each time,
 * five times over. One tight pass marks the few units (about one in six of a Chinese
 * paragraph) where any of them may start, and each source then reads only those.
 *
 * The marks only rule positions out: a source still asks its own question at each position
 * it is given, so a source given every position (everyUnit) finds what it finds with the marks.
 */
import type { Lexicon } from './lexicon';

/** lexicon.mayMatchAt(form, i): a lexicon name may start here. */
export const LEXICON_START = 1;
/** A role may start here (the first unit of one). */
export const ROLE_START = 2;
/** A surname may start here (the first unit of one, compound ones too). */
export const SURNAME_START = 4;
/** An organisation's suffix may start here. */
export const SUFFIX_START = 8;
/** A place's one-character abbreviation, or a verb before one. */
export const ABBREVIATION_START = 16;
/** An ASCII letter. */
export const LATIN_START = 32;

/** The marks of one text: positions from..to-1 of `at` (increasing), each with its bits in `kinds`. */
export class UnitStarts {
  constructor(readonly at: Int32Array, readonly kinds: Uint8Array, readonly from: number, readonly to: number) {}
}

/** A table by UTF-16 unit: `bit` at the first unit of each of `strings`. */
export function startTable(bit: number, strings: Iterable<string>): Uint8Array {
  const t = new Uint8Array(0x10000);
  for (const s of strings) if (s.length > 0) t[s.charCodeAt(0)]! |= bit;
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
 * Marks `norm` by `table` (and `form`, its match form, by the lexicon's first units where a
 * lexicon is given) into at[from...] and kinds[from...], which hold max(norm.length,
 * form.length) more entries at least; the end of the marks written.
 */
export function markStarts(norm: string, table: Uint8Array, form: string, lexicon: Lexicon | undefined, at: Int32Array, kinds: Uint8Array, from: number): number {
  const n = norm.length;
  // (a lower-cased view may be longer than its text: İ is two units in lower case)
  const m = lexicon ? form.length : 0;
  const end = n > m ? n : m;
  let k = from;
  for (let i = 0; i < end; i++) {
    let bits = i < n ? table[norm.charCodeAt(i)]! : 0;
    if (i < m && lexicon!.mayMatchAt(form, i)) bits |= LEXICON_START;
    if (bits === 0) continue;
    at[k] = i;
    kinds[k++] = bits;
  }
  return k;
}

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

  /** markStarts(norm, rules, form, lexicon, at, kinds, from), or more marks. */
  mark(norm: string, form: string, lexicon: Lexicon, at: Int32Array, kinds: Uint8Array, from: number): number {
    const n = form.length;
    const units = n === norm.length ? this.tableOf(lexicon) : null;
    if (!units) return markStarts(norm, this.rules, form, lexicon, at, kinds, from);
    let k = from;
    // (no unit read past the end: a read that returns NaN leaves the compiled loop calling out for every unit)
    let c = n > 0 ? form.charCodeAt(0) : 0;
    for (let i = 0; i < n; i++) {
      const d = i + 1 < n ? form.charCodeAt(i + 1) : -1;
      let bits = units[c]!;
      if (bits !== 0) {
        if (bits >= LEXICON_PAIR) bits = d >= 0 && lexicon.startsPair(c, d) ? bits - LEXICON_PAIR + LEXICON_START : bits - LEXICON_PAIR;
        if (bits !== 0) {
          at[k] = i;
          kinds[k++] = bits;
        }
      }
      c = d;
    }
    return k;
  }

  /** The marker's table for `lexicon`, null where the lexicon has no table of first units. */
  private tableOf(lexicon: Lexicon): Uint8Array | null {
    let t = this.byLexicon.get(lexicon);
    if (t === undefined) {
      const first = lexicon.firstUnitTable(LEXICON_START, LEXICON_PAIR);
      if (first) for (let u = 0; u < 0x10000; u++) first[u]! |= this.folded[u]!;
      this.byLexicon.set(lexicon, (t = first ?? null));
    }
    return t;
  }
}

/** The marks of one text, in arrays of its own (a source called outside detectEntitiesBatch). */
export function unitStarts(norm: string, table: Uint8Array, form = norm, lexicon?: Lexicon): UnitStarts {
  const size = lexicon && form.length > norm.length ? form.length : norm.length;
  const at = new Int32Array(size);
  const kinds = new Uint8Array(size);
  return new UnitStarts(at, kinds, 0, markStarts(norm, table, form, lexicon, at, kinds, 0));
}
