/**
 * Dictionary words around each character, as features for the entity tagger: whether the
 * character begins, continues or ends a known person name, organisation, place or ordinary
 * word. A character model alone cannot see that 浦东新区 or 三星电子 is one word; this is
 * the lattice of the sentence's dictionary words, reduced to a few bits per character.
 */

/** Categories of dictionary words, in bit order. */
export const WORD_CATEGORIES = ['person', 'org', 'place', 'word'] as const;
export type WordCategory = (typeof WORD_CATEGORIES)[number];
/**
 * Each category's bit among the categories of the words ending at a node (bit c: category c),
 * found once: the walks ask them at every call, and indexOf over the list was a builtin call each.
 */
const PERSON_BIT = 1 << WORD_CATEGORIES.indexOf('person');
const PLACE_BIT = 1 << WORD_CATEGORIES.indexOf('place');
const WORD_BIT = 1 << WORD_CATEGORIES.indexOf('word');
/** Bits per category: begins, inside, ends. */
export const LATTICE_BITS = WORD_CATEGORIES.length * 3;

const CATEGORY_CODE: Record<string, number> = { p: 0, o: 1, l: 2, w: 3 };
const CATEGORY_BY_CODE = new Map(Object.entries(CATEGORY_CODE).map(([letter, code]) => [letter.charCodeAt(0), code]));

/**
 * A child read from the trie carries the categories of the words ending at it above its node
 * number: a walk reads them with the edge, not from the child's slot at the next step.
 */
export const NODE_BITS = 24;
export const NODE_MASK = (1 << NODE_BITS) - 1;
/** In a character's label: the root has a child along it (at the node numbered by the label). */
export const ROOT_CHILD = 1 << 30;
/** Free slots tried for a node's base before it goes past the last slot in use (a bound on build time). */
const SEARCH = 16384;

/** By a set of categories (bit c: category c), the lattice bits of its words' first, inner and last characters. */
export const BEGIN_BITS = new Uint16Array(1 << WORD_CATEGORIES.length);
export const INSIDE_BITS = new Uint16Array(1 << WORD_CATEGORIES.length);
export const END_BITS = new Uint16Array(1 << WORD_CATEGORIES.length);
for (let set = 0; set < 1 << WORD_CATEGORIES.length; set++) {
  for (let c = 0; c < WORD_CATEGORIES.length; c++) {
    if ((set & (1 << c)) === 0) continue;
    BEGIN_BITS[set]! |= 1 << (3 * c);
    INSIDE_BITS[set]! |= 1 << (3 * c + 1);
    END_BITS[set]! |= 1 << (3 * c + 2);
  }
}

/** compactLabel's mark of a label that does not fit in its 15 bits. */
export const WIDE_LABEL = 0x3fff;

/**
 * A character's label (WordDictionary.labelOf) in 15 bits, for a table of the caller's that
 * holds more beside it; WIDE_LABEL when it does not fit (then ask labelOf).
 */
export function compactLabel(label: number): number {
  const bare = label & NODE_MASK;
  return bare >= WIDE_LABEL ? WIDE_LABEL : bare | ((label & ROOT_CHILD) !== 0 ? 0x4000 : 0);
}

/** The label again from compactLabel's 15 bits (not WIDE_LABEL). */
export function labelOfCompact(compact: number): number {
  return (compact & 0x3fff) | ((compact & 0x4000) << 16);
}

/**
 * Whether a word may run across the boundary before UTF-16 offset `at` of `text` at all: the
 * boundary is inside the text, and the units on both sides of it are in words of the dictionary
 * (their labels are not 0), as every word across it holds both. Where one is in no word (38% of
 * crosses()' questions in an analysis, most after a punctuation mark), the walks need not run:
 * each start before the boundary walked up to that unit, through a cold node of the trie per step.
 */
function mayCross(labels: Int32Array, pairs: Int32Array, text: string, at: number): boolean {
  // (tested first: a unit past either end is NaN, which a typed array reads out of bounds)
  if (!(at > 0 && at < text.length)) return false;
  const before = labels[text.charCodeAt(at - 1)]! & NODE_MASK;
  const after = labels[text.charCodeAt(at)]! & NODE_MASK;
  if (before === 0 || after === 0) return false;
  // and the two follow each other in a word (its bit in pairs: see pairsInWords)
  const bit = pairBit(before, after);
  return ((pairs[bit >>> 5]! >>> (bit & 31)) & 1) !== 0;
}

/** Bits of WordDictionary.pairs (2^20, 128 KB: a quarter of them set by the shipped dictionary). */
const PAIR_BITS_LOG = 20;

/** The bit of the labels of two units side by side in a word (see pairsInWords). */
function pairBit(first: number, second: number): number {
  return Math.imul(Math.imul(first, 0x9e3779b1) ^ Math.imul(second, 0x85ebca6b), 0x27d4eb2d) >>> (32 - PAIR_BITS_LOG);
}

/**
 * A bit for every two labels that follow each other in a word of the trie `slots` (an edge
 * from a node other than the root: the label into its parent, then the label into it), in
 * 2^PAIR_BITS_LOG bits. A word across a boundary holds the units on both sides of it in a
 * row: where their bit is clear, crosses() needs no walk (of the 766 questions of a 20k
 * analysis that pass the labels, 141 have the two in a row in a word, and 307 a bit
 * set). A bit shared by another pair only lets a walk run.
 */
function pairsInWords(slots: Int32Array): Int32Array {
  const pairs = new Int32Array(1 << (PAIR_BITS_LOG - 5));
  for (let at = 1; 2 * at + 1 < slots.length; at++) {
    const parent = slots[2 * at + 1]!;
    // (-1: a free slot; -2: the root's own; 0: a child of the root, the first unit of its words)
    if (parent <= 0) continue;
    const grandparent = slots[2 * parent + 1]!;
    // the label along which each was reached: its slot less its parent's base (the root's is 0)
    const bit = pairBit(parent - (slots[2 * grandparent]! & NODE_MASK), at - (slots[2 * parent]! & NODE_MASK));
    pairs[bit >>> 5]! |= 1 << (bit & 31);
  }
  return pairs;
}

/** The node of a child read by `child` (-1 stays -1). */
function nodeOf(child: number): number {
  return child < 0 ? -1 : child & NODE_MASK;
}

export interface WordDictionaryState {
  slots: Int32Array;
  labels: Int32Array;
  astral: Int32Array;
  longestFrom: Uint8Array;
  pairs: Int32Array;
  nodes: number;
  longest: number;
  size: number;
}

/**
 * A trie over character codes as a double array: node s's child along a character whose label
 * (a small number per character of the dictionary) is c is node base(s) + c, if that node's
 * parent is s. Per node two numbers side by side: its base (with the categories of the words
 * ending at it above NODE_BITS) and its parent. A step reads the label, then one node, which is
 * also where the next step reads the child's base: about one cache line per character, where a
 * hash table of the whole trie (12 MB) took a probe and a bit filter in front of it. Frequent
 * characters have the smallest labels, so the children of common prefixes sit close together.
 * Lookups allocate nothing.
 */
export class WordDictionary {
  /** Per node: base | categories << NODE_BITS, parent (-1: a free slot). Node 0 is the root. */
  private readonly slots: Int32Array;
  /**
   * The label of each BMP character (0: in no word), with ROOT_CHILD set when a word begins
   * with it: the root's base is 0, so its child along the character is the node of that number,
   * the first step of every walk read here without a read of the trie.
   */
  private readonly labels: Int32Array;
  /** Astral characters of the dictionary and their labels, in pairs, sorted by character. */
  private readonly astral: Int32Array;
  /**
   * Per first UTF-16 unit (a BMP character), the length of the longest word that starts with
   * it: crosses() skips a start from which no word can reach the boundary, instead of walking
   * from every one of the `longest` starts before it.
   */
  private readonly longestFrom: Uint8Array;
  /** The labels that follow each other in a word, as bits (pairsInWords): crosses() asks them first. */
  private readonly pairs: Int32Array;
  /** Nodes of the trie, the root included. */
  private readonly nodes: number;
  readonly longest: number;
  readonly size: number;

  /**
   * `entries`: per word, its start and end in `text` (UTF-16) and its category, three numbers
   * each; or the state of a dictionary saved by `state()` (a model snapshot), used as it is.
   */
  private constructor(text: string, entries: Int32Array, count: number, restored?: WordDictionaryState) {
    if (restored) {
      this.slots = restored.slots;
      this.labels = restored.labels;
      this.astral = restored.astral;
      this.longestFrom = restored.longestFrom;
      this.pairs = restored.pairs;
      this.nodes = restored.nodes;
      this.longest = restored.longest;
      this.size = restored.size;
      return;
    }
    const trie = new TrieBuilder(entries, count);
    this.longestFrom = new Uint8Array(0x10000);
    let longest = 0;
    for (let k = 0; k < count; k++) {
      const end = entries[3 * k + 1]!;
      let node = 0;
      let length = 0;
      // by code point, as for…of reads a string (a lone surrogate is one)
      for (let i = entries[3 * k]!; i < end; ) {
        const c = text.charCodeAt(i);
        const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < end && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
        node = trie.childOrAdd(node, pair ? text.codePointAt(i)! : c);
        i += pair ? 2 : 1;
        length++;
      }
      trie.ends[node]! |= 1 << entries[3 * k + 2]!;
      longest = Math.max(longest, length);
      const first = text.codePointAt(entries[3 * k]!)!;
      if (first < 0x10000 && length > this.longestFrom[first]!) this.longestFrom[first] = Math.min(length, 255);
    }
    ({ slots: this.slots, labels: this.labels, astral: this.astral } = trie.layout());
    this.pairs = pairsInWords(this.slots);
    this.nodes = trie.nodes;
    this.longest = longest;
    this.size = count;
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

  /** The dictionary as a snapshot keeps it: its arrays, used as they are by `restore`. */
  state(): WordDictionaryState {
    return { slots: this.slots, labels: this.labels, astral: this.astral, longestFrom: this.longestFrom, pairs: this.pairs, nodes: this.nodes, longest: this.longest, size: this.size };
  }

  static restore(state: WordDictionaryState): WordDictionary {
    return new WordDictionary('', new Int32Array(0), 0, state);
  }

  /**
   * The child of `node` along `code`, or -1. A child of the root is its node number alone; any
   * other carries the categories of the words ending at it above NODE_BITS (`& NODE_MASK` is
   * the node, `>>> NODE_BITS` the categories).
   */
  child(node: number, code: number): number {
    if (code < 0x10000) {
      const label = this.labels[code]!;
      if (node === 0) return (label & ROOT_CHILD) !== 0 ? label & NODE_MASK : -1;
      return this.step(node, label & NODE_MASK);
    }
    return this.step(node, this.astralLabel(code));
  }

  /** The child of `node` along the character labelled `label` (0: none). */
  private step(node: number, label: number): number {
    // (slots has room for every label past the largest base: no read out of bounds)
    const at = (this.slots[2 * node]! & NODE_MASK) + label;
    if (label === 0 || this.slots[2 * at + 1] !== node) return -1;
    return at | (this.slots[2 * at]! & ~NODE_MASK);
  }

  private astralLabel(code: number): number {
    const astral = this.astral;
    let lo = 0;
    let hi = astral.length / 2;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (astral[2 * mid]! < code) lo = mid + 1;
      else hi = mid;
    }
    return 2 * lo < astral.length && astral[2 * lo] === code ? astral[2 * lo + 1]! : 0;
  }

  /** The categories of the words ending at `node`. */
  private endsAt(node: number): number {
    return this.slots[2 * node]! >>> NODE_BITS;
  }

  /** Whether `word` is in the dictionary with this category (a place: 美国, 硅谷). */
  has(word: string, category: WordCategory): boolean {
    let node = 0;
    for (let j = 0; j < word.length && node >= 0; j++) node = nodeOf(this.child(node, word.charCodeAt(j)));
    return node > 0 && (this.endsAt(node) & (1 << WORD_CATEGORIES.indexOf(category))) !== 0;
  }

  /** Whether `word` is in the dictionary as an ordinary word only (多云, 文章), not as a name. */
  isOrdinaryWord(word: string): boolean {
    let node = 0;
    for (let j = 0; j < word.length && node >= 0; j++) node = nodeOf(this.child(node, word.charCodeAt(j)));
    return node > 0 && this.endsAt(node) === WORD_BIT;
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
    const ordinary = WORD_BIT | (persons ? PERSON_BIT : 0);
    const place = PLACE_BIT;
    // (the arrays in locals and the steps of child() inline: a read of a field's typed array
    // inside the walk checks the field and the array's map again at every step)
    const { longestFrom, labels, slots, longest } = this;
    if (!mayCross(labels, this.pairs, text, at)) return false;
    // from the start nearest the boundary back: most words that run across it are short, and
    // the first one found ends the search (the answer is the same in any order)
    for (let start = at - 1; start >= 0 && start > at - longest; start--) {
      // (a word of 255 characters or more is counted as 255: its starts are never skipped)
      const reach = longestFrom[text.charCodeAt(start)]!;
      if (reach < 255 && start + reach <= at) continue;
      // no walk from here goes further than the longest word from here (a walk that reads a
      // surrogate fails there: it reads as many units as the word's characters)
      const limit = reach < 255 ? reach : longest;
      // child(0, the first unit): a root child is its node number alone
      const first = labels[text.charCodeAt(start)]!;
      if ((first & ROOT_CHILD) === 0) continue;
      let node = first & NODE_MASK;
      for (let j = start + 1; j < text.length && j - start < limit; j++) {
        // child(node, unit) of a node other than the root (charCodeAt reads BMP codes only)
        const label = labels[text.charCodeAt(j)]! & NODE_MASK;
        const to = (slots[2 * node]! & NODE_MASK) + label;
        if (label === 0 || slots[2 * to + 1] !== node) break;
        node = to;
        const categories = slots[2 * to]! >>> NODE_BITS;
        if (j >= at && j - start + 1 >= minLength && ((categories & ordinary) !== 0 || ((categories & place) !== 0 && j - start >= 2))) return true;
      }
    }
    return false;
  }

  /**
   * crosses(text, at) | crosses(text, at, 3) << 1, in one walk: a known name of two characters
   * asks both of one boundary (insideLongerWord), and each walks every start before it. Nearly
   * every answer is no, which both walks find only after the last start; a word of three
   * characters or more across the boundary answers both at once.
   */
  crossesByLength(text: string, at: number): number {
    const ordinary = WORD_BIT;
    const place = PLACE_BIT;
    if (!mayCross(this.labels, this.pairs, text, at)) return 0;
    let found = 0;
    for (let start = at - 1; start >= 0 && start > at - this.longest; start--) {
      const reach = this.longestFrom[text.charCodeAt(start)]!;
      if (reach < 255 && start + reach <= at) continue;
      const limit = reach < 255 ? reach : this.longest;
      let node = 0;
      for (let j = start; j < text.length && j - start < limit; j++) {
        const child = this.child(node, text.charCodeAt(j));
        if (child < 0) break;
        node = child & NODE_MASK;
        const categories = child >>> NODE_BITS;
        // (j >= at > start: every word across the boundary has two characters at least)
        if (j >= at && ((categories & ordinary) !== 0 || ((categories & place) !== 0 && j - start >= 2))) {
          if (j - start >= 2) return 3;
          found = 1;
        }
      }
    }
    return found;
  }

  /**
   * Lattice bits for code points `codes[0..n)`: for category c, bit 3c if a word of that
   * category (two characters or more) begins at the character, 3c+1 if one continues
   * through it, 3c+2 if one ends there. Work is bounded by n times the longest word.
   *
   * In three passes, for the caches: the trie is megabytes, and a walk that reads it one
   * step after the other waits for each miss in turn (its branches hang on them). First each
   * character's label, then for every start the second step (whether the pair begins a word),
   * with no branch on what the trie holds, so that the reads of many starts are in flight at
   * once; only then the walks past two characters (a start in three).
   */
  lattice(codes: ArrayLike<number>, n: number, out = new Uint16Array(n)): Uint16Array {
    if (n > this.scratchLabels.length) this.grow(n);
    const { labels, scratchLabels: at } = this;
    for (let i = 0; i < n; i++) {
      const code = codes[i]!;
      at[i] = code < 0x10000 ? labels[code]! : this.astralRootLabel(code);
    }
    return this.latticeOfLabels(at, n, out);
  }

  /** The label of a character as latticeOfLabels reads it (ROOT_CHILD set when a word begins with it; 0: in no word). */
  labelOf(code: number): number {
    return code < 0x10000 ? this.labels[code]! : this.astralRootLabel(code);
  }

  /**
   * lattice() of the characters whose labels (labelOf) are `at[0..n)`. (The tagger's labeller
   * has this loop of its own, over its own arrays (nerLabeller.ts): the two must agree.)
   */
  latticeOfLabels(at: Int32Array, n: number, out = new Uint16Array(n)): Uint16Array {
    out.fill(0, 0, n);
    if (n > this.scratchPairs.length) this.grow(n);
    const { slots, scratchPairs: pairs } = this;
    // the child of the first character's node along the second, with its categories, or -1
    // (a start that is no root child reads the root's base, then fails: node 0 is no parent here)
    for (let i = 0; i + 1 < n; i++) {
      const first = at[i]!;
      const node = (first & ROOT_CHILD) !== 0 ? first & NODE_MASK : 0;
      const label = at[i + 1]! & NODE_MASK;
      const to = (slots[2 * node]! & NODE_MASK) + label;
      pairs[i] = node !== 0 && label !== 0 && slots[2 * to + 1] === node ? to | (slots[2 * to]! & ~NODE_MASK) : -1;
    }
    const longest = this.longest;
    for (let i = 0; i + 1 < n; i++) {
      let child = pairs[i]!;
      if (child < 0) continue;
      for (let j = i + 1; ; ) {
        const categories = child >>> NODE_BITS;
        if (categories !== 0) {
          out[i]! |= BEGIN_BITS[categories]!;
          out[j]! |= END_BITS[categories]!;
          const inside = INSIDE_BITS[categories]!;
          for (let k = i + 1; k < j; k++) out[k]! |= inside;
        }
        if (++j >= n || j - i >= longest) break;
        const node = child & NODE_MASK;
        const label = at[j]! & NODE_MASK;
        const to = (slots[2 * node]! & NODE_MASK) + label;
        if (label === 0 || slots[2 * to + 1] !== node) break;
        child = to | (slots[2 * to]! & ~NODE_MASK);
      }
    }
    return out;
  }

  /** Per character of the last lattice: its label (ROOT_CHILD set when a word begins with it). */
  private scratchLabels = new Int32Array(0);
  /** Per start of the last lattice: its child along the next character (pairs[i] in lattice). */
  private scratchPairs = new Int32Array(0);

  private grow(n: number): void {
    const size = Math.max(n, 2 * this.scratchPairs.length, 256);
    this.scratchLabels = new Int32Array(size);
    this.scratchPairs = new Int32Array(size);
  }

  /** An astral character's label, as labels[] holds a BMP one's (with ROOT_CHILD when a word begins with it). */
  private astralRootLabel(code: number): number {
    const label = this.astralLabel(code);
    // the root's base is 0: its child along the label is the slot of that number
    return label !== 0 && this.slots[2 * label + 1] === 0 ? label | ROOT_CHILD : label;
  }
}

/**
 * The trie while words are added, in one open-addressing table, (node, code) → child, and the
 * root's children by BMP code; `layout` then writes it as WordDictionary reads it.
 */
class TrieBuilder {
  private mask = 0;
  /** Per slot: node, code, child (node -1: empty). */
  private slots: Int32Array = new Int32Array(0);
  private readonly rootChildren = new Int32Array(0x10000).fill(-1);
  /** Category bits of the words ending at each node (bit c: category c). */
  readonly ends: Uint8Array;
  nodes = 1;
  private used = 0;

  constructor(entries: Int32Array, count: number) {
    let chars = 0;
    for (let k = 0; k < count; k++) chars += entries[3 * k + 1]! - entries[3 * k]!;
    // room for half the characters as edges (prefixes are shared), grown if need be
    let capacity = 1 << 10;
    while (capacity * 2 < chars) capacity *= 2;
    this.resize(capacity);
    this.ends = new Uint8Array(chars + 2);
  }

  private static hash(node: number, code: number): number {
    return (Math.imul(node, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b)) >>> 0;
  }

  /** Rebuilds the table with room for `capacity` edges (a power of two). */
  private resize(capacity: number): void {
    const old = this.slots;
    this.mask = capacity - 1;
    this.slots = new Int32Array(capacity * 3).fill(-1);
    for (let at = 0; at < old.length; at += 3) if (old[at] !== -1) this.place(old[at]!, old[at + 1]!, old[at + 2]!);
  }

  private place(node: number, code: number, child: number): void {
    let h = TrieBuilder.hash(node, code) & this.mask;
    while (this.slots[h * 3] !== -1) h = (h + 1) & this.mask;
    this.slots[h * 3] = node;
    this.slots[h * 3 + 1] = code;
    this.slots[h * 3 + 2] = child;
  }

  childOrAdd(node: number, code: number): number {
    if (node === 0 && code < 0x10000) {
      if (this.rootChildren[code]! < 0) this.rootChildren[code] = this.nodes++;
      return this.rootChildren[code]!;
    }
    const slots = this.slots;
    let h = TrieBuilder.hash(node, code) & this.mask;
    for (;;) {
      const at = h * 3;
      const k = slots[at]!;
      if (k === -1) break;
      if (k === node && slots[at + 1] === code) return slots[at + 2]!;
      h = (h + 1) & this.mask;
    }
    const child = this.nodes++;
    // keep the table at most half full, so probes stay short
    if (++this.used * 2 > this.slots.length / 3) this.resize((this.slots.length / 3) * 2);
    this.place(node, code, child);
    return child;
  }

  /** The double array (see WordDictionary), and the labels of the characters (the root's children among them). */
  layout(): Pick<WordDictionaryState, 'slots' | 'labels' | 'astral'> {
    const { nodes, slots: table, ends } = this;
    // the edges of the table grouped by parent
    const first = new Int32Array(nodes + 1);
    for (let at = 0; at < table.length; at += 3) if (table[at] !== -1) first[table[at]! + 1]!++;
    for (let n = 0; n < nodes; n++) first[n + 1]! += first[n]!;
    const codes = new Int32Array(this.used);
    const children = new Int32Array(this.used);
    const fill = first.slice(0, nodes);
    for (let at = 0; at < table.length; at += 3) {
      if (table[at] === -1) continue;
      const e = fill[table[at]!]!++;
      codes[e] = table[at + 1]!;
      children[e] = table[at + 2]!;
    }
    // labels by frequency as an edge, the most frequent first (ties by code: the same layout every build)
    const frequency = new Int32Array(0x10000);
    const astralFrequency = new Map<number, number>();
    const count = (code: number) => (code < 0x10000 ? frequency[code]!++ : astralFrequency.set(code, (astralFrequency.get(code) ?? 0) + 1));
    for (const code of codes) count(code);
    for (let code = 0; code < 0x10000; code++) if (this.rootChildren[code]! >= 0) count(code);
    const byFrequency: Array<[number, number]> = [...astralFrequency];
    for (let code = 0; code < 0x10000; code++) if (frequency[code]! > 0) byFrequency.push([code, frequency[code]!]);
    byFrequency.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    const labels = new Int32Array(0x10000);
    const astralPairs: Array<[number, number]> = [];
    byFrequency.forEach(([code], k) => {
      if (code < 0x10000) labels[code] = k + 1;
      else astralPairs.push([code, k + 1]);
    });
    astralPairs.sort((x, y) => x[0] - y[0]);
    const astral = Int32Array.from(astralPairs.flat());
    const labelCount = byFrequency.length;
    const astralLabels = new Map(astralPairs);
    const labelOf = (code: number) => (code < 0x10000 ? labels[code]! : astralLabels.get(code)!);
    // the root's children along BMP characters too, as edges like the others
    const rootEdges: number[] = [];
    for (let code = 0; code < 0x10000; code++) if (this.rootChildren[code]! >= 0) rootEdges.push(labels[code]!, this.rootChildren[code]!);
    for (let e = first[0]!; e < first[1]!; e++) rootEdges.push(labelOf(codes[e]!), children[e]!);

    // breadth first: the bases of short prefixes, which most walks read, are found first and
    // sit together
    const countOf = (n: number) => (n === 0 ? rootEdges.length / 2 : first[n + 1]! - first[n]!);
    const order = new Int32Array(nodes);
    let tail = 1;
    let most = 0;
    for (let head = 0; head < tail; head++) {
      const n = order[head]!;
      most = Math.max(most, countOf(n));
      if (n === 0) for (let k = 1; k < rootEdges.length; k += 2) order[tail++] = rootEdges[k]!;
      else for (let e = first[n]!; e < first[n + 1]!; e++) order[tail++] = children[e]!;
    }
    const free = new FreeSlots(2 * nodes + labelCount + 1);
    const baseOf = new Int32Array(nodes);
    const slotOf = new Int32Array(nodes);
    free.take(0, -2);
    const edgeLabels = new Int32Array(most);
    const edgeChildren = new Int32Array(most);
    for (const n of order) {
      const count = countOf(n);
      if (count === 0) continue;
      for (let k = 0; k < count; k++) {
        if (n === 0) {
          edgeLabels[k] = rootEdges[2 * k]!;
          edgeChildren[k] = rootEdges[2 * k + 1]!;
        } else {
          edgeLabels[k] = labelOf(codes[first[n]! + k]!);
          edgeChildren[k] = children[first[n]! + k]!;
        }
      }
      // the root's base is 0 (its child along label c is node c)
      const base = n === 0 ? 0 : free.base(edgeLabels, count, labelCount);
      free.room(base + labelCount + 1);
      baseOf[n] = base;
      // (the parent's trie node for now: its node number is known once every node has one)
      for (let k = 0; k < count; k++) {
        free.take(base + edgeLabels[k]!, n);
        slotOf[edgeChildren[k]!] = base + edgeLabels[k]!;
      }
    }
    // every read of base + label stays within the array; the leaves' base, 0, reads the root's
    // children, whose parent is never a leaf
    let end = free.last + 1;
    for (let n = 0; n < nodes; n++) end = Math.max(end, baseOf[n]! + labelCount + 1);
    const slots = new Int32Array(2 * end).fill(-1);
    for (let n = 0; n < nodes; n++) slots[2 * slotOf[n]!] = baseOf[n]! | (ends[n]! << NODE_BITS);
    const parents = free.parents;
    for (let at = 0; at < end; at++) if (parents[at]! !== -1) slots[2 * at + 1] = parents[at]! < 0 ? parents[at]! : slotOf[parents[at]!]!;
    if (end > NODE_MASK) throw new Error('word dictionary too large');
    for (let code = 0; code < 0x10000; code++) if (this.rootChildren[code]! >= 0) labels[code]! |= ROOT_CHILD;
    return { slots, labels, astral };
  }
}

/** The slots of a double array while it is built: which are taken (by which parent), and the free ones in order. */
class FreeSlots {
  /** Per slot: the parent (-1: free). */
  parents: Int32Array;
  /** The first free slot at or after each slot, as a forest of free runs (path halving). */
  private next: Int32Array;
  last = 0;
  /** Where the search of a base starts, by the number of children (log2). */
  private readonly searchFrom = new Int32Array(32);

  constructor(capacity: number) {
    this.parents = new Int32Array(capacity).fill(-1);
    this.next = new Int32Array(capacity + 1);
    for (let k = 0; k <= capacity; k++) this.next[k] = k;
  }

  room(size: number): void {
    if (size <= this.parents.length) return;
    let capacity = this.parents.length;
    while (capacity < size) capacity *= 2;
    const parents = new Int32Array(capacity).fill(-1);
    parents.set(this.parents);
    const next = new Int32Array(capacity + 1);
    for (let k = this.parents.length; k <= capacity; k++) next[k] = k;
    next.set(this.next.subarray(0, this.parents.length));
    this.parents = parents;
    this.next = next;
  }

  private freeFrom(x: number): number {
    const next = this.next;
    while (next[x] !== x) {
      next[x] = next[next[x]!]!;
      x = next[x]!;
    }
    return x;
  }

  take(at: number, parent: number): void {
    if (at > this.last) this.last = at;
    this.parents[at] = parent;
    this.next[at] = at + 1;
  }

  /**
   * The first base at which every label of `labels[0..count)` finds a free slot (first fit, as
   * darts does). A region where a node of about as many children did not fit is not searched
   * again for one of them, and past the last slot taken every base fits: the search is bounded.
   */
  base(labels: Int32Array, count: number, labelCount: number): number {
    let lowest = labels[0]!;
    for (let k = 1; k < count; k++) lowest = Math.min(lowest, labels[k]!);
    const bucket = 31 - Math.clz32(count);
    let tried = 0;
    for (let at = this.freeFrom(Math.max(lowest + 1, this.searchFrom[bucket]!)); ; at = this.freeFrom(at + 1)) {
      const base = ++tried > SEARCH ? Math.max(at, this.last + 1) - lowest : at - lowest;
      this.room(base + labelCount + 1);
      const parents = this.parents;
      let fits = true;
      for (let k = 0; k < count && fits; k++) fits = parents[base + labels[k]!] === -1;
      if (!fits) continue;
      if (bucket > 0 && tried > SEARCH / 16) this.searchFrom[bucket] = at;
      return base;
    }
  }
}
