/**
 * Dictionary words around each character, as features for the entity tagger: whether the
 * character begins, continues or ends a known person name, organisation, place or ordinary
 * word. A character model alone cannot see that 浦东新区 or 三星电子 is one word; this is
 * the lattice of the sentence's dictionary words, reduced to a few bits per character.
 */

import { KeyPresence } from './packedWeights';

/** Categories of dictionary words, in bit order. */
export const WORD_CATEGORIES = ['person', 'org', 'place', 'word'] as const;
export type WordCategory = (typeof WORD_CATEGORIES)[number];
/** Bits per category: begins, inside, ends. */
export const LATTICE_BITS = WORD_CATEGORIES.length * 3;

const CATEGORY_CODE: Record<string, number> = { p: 0, o: 1, l: 2, w: 3 };
const CATEGORY_BY_CODE = new Map(Object.entries(CATEGORY_CODE).map(([letter, code]) => [letter.charCodeAt(0), code]));

/**
 * A child read from the table carries the categories of the words ending at it above its node
 * number (packEnds): a walk reads them with the edge, not from `ends` at a node far away.
 */
const NODE_BITS = 24;
const NODE_MASK = (1 << NODE_BITS) - 1;

/** The node of a child read by `child` (-1 stays -1). */
function nodeOf(child: number): number {
  return child < 0 ? -1 : child & NODE_MASK;
}

export interface WordDictionaryState {
  slots: Int32Array;
  rootChildren: Int32Array;
  ends: Uint8Array;
  longestFrom: Uint8Array;
  nodes: number;
  used: number;
  longest: number;
  size: number;
}

/**
 * A trie over character codes in one open-addressing table: (node, code) → child. Lookups
 * hash two integers and allocate nothing.
 */
export class WordDictionary {
  private mask = 0;
  /** Per slot: node, code, child (node -1: empty); one slot is one cache line's read. */
  private slots: Int32Array = new Int32Array(0);
  /** Children of the root by character code (BMP), the first step of every walk. */
  private readonly rootChildren: Int32Array;
  /** Category bits of the words ending at each node (bit c: category c). */
  private readonly ends: Uint8Array;
  private nodes = 1;
  private used = 0;
  /** Which (node, code) edges may exist: made on the first lookup, dropped when an edge is added. */
  private presence: KeyPresence | undefined;
  /**
   * Per first UTF-16 unit (a BMP character), the length of the longest word that starts with
   * it: crosses() skips a start from which no word can reach the boundary, instead of walking
   * from every one of the `longest` starts before it.
   */
  private readonly longestFrom: Uint8Array;
  readonly longest: number;
  readonly size: number;

  /**
   * `entries`: per word, its start and end in `text` (UTF-16) and its category, three numbers
   * each; or the state of a dictionary saved by `state()` (a model snapshot), used as it is.
   */
  private constructor(text: string, entries: Int32Array, count: number, restored?: WordDictionaryState) {
    if (restored) {
      this.mask = restored.slots.length / 3 - 1;
      this.slots = restored.slots;
      this.rootChildren = restored.rootChildren;
      this.ends = restored.ends;
      this.longestFrom = restored.longestFrom;
      this.nodes = restored.nodes;
      this.used = restored.used;
      this.longest = restored.longest;
      this.size = restored.size;
      return;
    }
    this.rootChildren = new Int32Array(0x10000).fill(-1);
    this.longestFrom = new Uint8Array(0x10000);
    let chars = 0;
    for (let k = 0; k < count; k++) chars += entries[3 * k + 1]! - entries[3 * k]!;
    // room for every character as an edge, half full at most: no rehashing while building
    let capacity = 1 << 10;
    while (capacity < chars * 2) capacity *= 2;
    this.resize(capacity);
    const ends = new Uint8Array(chars + 2);
    let longest = 0;
    for (let k = 0; k < count; k++) {
      const end = entries[3 * k + 1]!;
      let node = 0;
      let length = 0;
      // by code point, as for…of reads a string (a lone surrogate is one)
      for (let i = entries[3 * k]!; i < end; ) {
        const c = text.charCodeAt(i);
        const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < end && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
        node = this.childOrAdd(node, pair ? text.codePointAt(i)! : c);
        i += pair ? 2 : 1;
        length++;
      }
      ends[node]! |= 1 << entries[3 * k + 2]!;
      longest = Math.max(longest, length);
      const first = text.codePointAt(entries[3 * k]!)!;
      if (first < 0x10000 && length > this.longestFrom[first]!) this.longestFrom[first] = Math.min(length, 255);
    }
    this.ends = ends.slice(0, this.nodes);
    // shared prefixes leave far fewer edges than characters: the smallest table at most half
    // full holds them in half the memory (12 MB instead of 25 for the shipped dictionary)
    let fitting = this.capacity;
    while (fitting > 1024 && this.used * 2 <= fitting / 2) fitting /= 2;
    if (fitting < this.capacity) this.resize(fitting);
    this.longest = longest;
    this.size = count;
    if (this.nodes > NODE_MASK) throw new Error('word dictionary too large');
  }

  /**
   * Reads `word<TAB>category` lines; category is p (person), o (org), l (place) or w (word).
   * Read in place, without a string per line or per word: the dictionary has 336k lines and
   * is read on the first analysis, before the first lens.
   */
  static parse(text: string): WordDictionary {
    let entries = new Int32Array(3 * 1024);
    let count = 0;
    for (let start = 0; start < text.length; ) {
      let lineEnd = text.indexOf('\n', start);
      if (lineEnd < 0) lineEnd = text.length;
      const tab = text.indexOf('\t', start);
      if (tab > start && tab < lineEnd) {
        // the category alone on the rest of the line, spaces (and a CR) around it allowed
        const category = tab + 2 === lineEnd ? CATEGORY_BY_CODE.get(text.charCodeAt(tab + 1)) : CATEGORY_CODE[text.slice(tab + 1, lineEnd).trim()];
        if (category !== undefined) {
          if (3 * count + 3 > entries.length) {
            const grown = new Int32Array(entries.length * 2);
            grown.set(entries);
            entries = grown;
          }
          entries[3 * count] = start;
          entries[3 * count + 1] = tab;
          entries[3 * count + 2] = category;
          count++;
        }
      }
      start = lineEnd + 1;
    }
    return new WordDictionary(text, entries, count);
  }

  /** The dictionary as a snapshot keeps it: its tables, used as they are by `restore`. */
  state(): WordDictionaryState {
    return { slots: this.slots, rootChildren: this.rootChildren, ends: this.ends, longestFrom: this.longestFrom, nodes: this.nodes, used: this.used, longest: this.longest, size: this.size };
  }

  static restore(state: WordDictionaryState): WordDictionary {
    return new WordDictionary('', new Int32Array(0), 0, state);
  }

  private static hash(node: number, code: number): number {
    return (Math.imul(node, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b)) >>> 0;
  }

  private get capacity(): number {
    return this.slots.length / 3;
  }

  /** Rebuilds the table with room for `capacity` edges (a power of two). */
  private resize(capacity: number): void {
    const old = this.slots;
    this.mask = capacity - 1;
    this.slots = new Int32Array(capacity * 3).fill(-1);
    for (let at = 0; at < old.length; at += 3) if (old[at] !== -1) this.place(old[at]!, old[at + 1]!, old[at + 2]!);
  }

  private place(node: number, code: number, child: number): void {
    let h = WordDictionary.hash(node, code) & this.mask;
    while (this.slots[h * 3] !== -1) h = (h + 1) & this.mask;
    this.slots[h * 3] = node;
    this.slots[h * 3 + 1] = code;
    this.slots[h * 3 + 2] = child;
    this.presence = undefined;
  }

  private childOrAdd(node: number, code: number): number {
    const found = this.probe(node, code);
    if (found >= 0) return found;
    const child = this.nodes++;
    if (node === 0 && code < 0x10000) {
      this.rootChildren[code] = child;
      return child;
    }
    // keep the table at most half full, so probes stay short
    if (++this.used * 2 > this.capacity) this.resize(this.capacity * 2);
    this.place(node, code, child);
    return child;
  }

  /**
   * The child of `node` along `code`, or -1. A child of the root is its node number alone; any
   * other carries the categories of the words ending at it above NODE_BITS (`& NODE_MASK` is
   * the node, `>>> NODE_BITS` the categories).
   */
  child(node: number, code: number): number {
    if (node === 0 && code < 0x10000) return this.rootChildren[code]!;
    // most walks end on an edge that is not there: the presence bits (in cache) say so without
    // a read of the table (12 MB, a miss to memory per probe)
    return (this.presence ?? this.presenceOfEdges()).mayHold(WordDictionary.hash(node, code)) ? this.probe(node, code) : -1;
  }

  /** (apart from child: a closure there would cost every lookup a context object) */
  private presenceOfEdges(): KeyPresence {
    const slots = this.slots;
    this.packEnds();
    return (this.presence = KeyPresence.of(slots, 3, (at) => WordDictionary.hash(slots[at]!, slots[at + 1]!)));
  }

  /**
   * Writes each child's categories into its edge, in place, before the first lookup (after the
   * table is built: building probes it unpacked). Idempotent: a restored snapshot of a table
   * already packed is packed again to the same values.
   */
  private packEnds(): void {
    const slots = this.slots;
    const ends = this.ends;
    for (let at = 0; at < slots.length; at += 3) {
      if (slots[at] === -1) continue;
      const child = slots[at + 2]! & NODE_MASK;
      slots[at + 2] = child | (ends[child]! << NODE_BITS);
    }
  }

  /** The child of `node` along `code`, or -1, from the table alone. */
  private probe(node: number, code: number): number {
    if (node === 0 && code < 0x10000) return this.rootChildren[code]!;
    const slots = this.slots;
    let h = WordDictionary.hash(node, code) & this.mask;
    for (;;) {
      const at = h * 3;
      const k = slots[at]!;
      if (k === -1) return -1;
      if (k === node && slots[at + 1] === code) return slots[at + 2]!;
      h = (h + 1) & this.mask;
    }
  }

  /** Whether `word` is in the dictionary with this category (a place: 美国, 硅谷). */
  has(word: string, category: WordCategory): boolean {
    let node = 0;
    for (let j = 0; j < word.length && node >= 0; j++) node = nodeOf(this.child(node, word.charCodeAt(j)));
    return node > 0 && (this.ends[node]! & (1 << WORD_CATEGORIES.indexOf(category))) !== 0;
  }

  /** Whether `word` is in the dictionary as an ordinary word only (多云, 文章), not as a name. */
  isOrdinaryWord(word: string): boolean {
    let node = 0;
    for (let j = 0; j < word.length && node >= 0; j++) node = nodeOf(this.child(node, word.charCodeAt(j)));
    return node > 0 && this.ends[node] === 1 << WORD_CATEGORIES.indexOf('word');
  }

  /**
   * Whether a word of at least `minLength` characters runs across the boundary before
   * UTF-16 offset `at` of `text` (starts before, ends after): an ordinary word, or a place
   * name of three characters or more. Other names in the dictionary are too often fragments
   * or phrases (中关 of 中关村, the "organisation" 中美关系). With `persons`, a word the
   * dictionary lists as a person's name counts too (帝王, listed as one, runs into 帝王师).
   * Bounded by the longest word squared.
   */
  crosses(text: string, at: number, minLength = 2, persons = false): boolean {
    const ordinary = (1 << WORD_CATEGORIES.indexOf('word')) | (persons ? 1 << WORD_CATEGORIES.indexOf('person') : 0);
    const place = 1 << WORD_CATEGORIES.indexOf('place');
    // from the start nearest the boundary back: most words that run across it are short, and
    // the first one found ends the search (the answer is the same in any order)
    for (let start = at - 1; start >= 0 && start > at - this.longest; start--) {
      // (a word of 255 characters or more is counted as 255: its starts are never skipped)
      const reach = this.longestFrom[text.charCodeAt(start)]!;
      if (reach < 255 && start + reach <= at) continue;
      // no walk from here goes further than the longest word from here (a walk that reads a
      // surrogate fails there: it reads as many units as the word's characters)
      const limit = reach < 255 ? reach : this.longest;
      let node = 0;
      for (let j = start; j < text.length && j - start < limit; j++) {
        const child = this.child(node, text.charCodeAt(j));
        if (child < 0) break;
        node = child & NODE_MASK;
        // (a child of the root carries no categories; its word ends before `at` anyway)
        const categories = child >>> NODE_BITS;
        if (j >= at && j - start + 1 >= minLength && ((categories & ordinary) !== 0 || ((categories & place) !== 0 && j - start >= 2))) return true;
      }
    }
    return false;
  }

  /**
   * Lattice bits for code points `codes[0..n)`: for category c, bit 3c if a word of that
   * category (two characters or more) begins at the character, 3c+1 if one continues
   * through it, 3c+2 if one ends there. Work is bounded by n times the longest word.
   */
  lattice(codes: ArrayLike<number>, n: number, out = new Uint16Array(n)): Uint16Array {
    out.fill(0, 0, n);
    for (let i = 0; i < n; i++) {
      // (the first step from the root: one-character words are no features, their categories not read)
      let node = nodeOf(this.child(0, codes[i]!));
      for (let j = i + 1; node >= 0 && j < n && j - i < this.longest; j++) {
        const child = this.child(node, codes[j]!);
        if (child < 0) break;
        node = child & NODE_MASK;
        const categories = child >>> NODE_BITS;
        if (categories === 0) continue;
        for (let c = 0; c < WORD_CATEGORIES.length; c++) {
          if ((categories & (1 << c)) === 0) continue;
          out[i]! |= 1 << (3 * c);
          out[j]! |= 1 << (3 * c + 2);
          for (let k = i + 1; k < j; k++) out[k]! |= 1 << (3 * c + 1);
        }
      }
    }
    return out;
  }
}
