/**
 * A lexicon as built, stored and restored: its entries in their final form (Simplified) and its
 * alias trie as arrays. The built-in lexicon is restored from data/builtin.lexicon.packed.json
 * instead of being built from its YAML on the first analysis: building it meant converting every
 * name to Simplified and filling the trie, in code that had not run yet, ~70-100 ms of a fresh
 * process's first analysis (lexicon.ts, builtinLexicon).
 */
import { entityId, type LexiconEntry } from './lexiconEntry';

/** What a restored lexicon needs of its trie (the fields of Lexicon of the same names). */
export interface LexiconTrie {
  edgeParent: Int32Array;
  edgeUnit: Uint16Array;
  edgeChild: Int32Array;
  aliasesAt: ReadonlyArray<readonly TrieAlias[]>;
  firstUnits: Uint8Array | undefined;
  firstPairs: Uint8Array | undefined;
}

/** An alias in the trie (lexicon.ts, Alias). */
export interface TrieAlias {
  entry: LexiconEntry;
  id: string;
  short: boolean;
  latin: boolean;
  length: number;
}

/** Bumped when the layout changes: a pack of another version is not read (the lexicon is built instead). */
const VERSION = 1;

/** The stored form: JSON, numbers in flat arrays. */
export interface PackedLexicon {
  version: number;
  /** The lexicon's entries (after suppression and replacement), as its `entries`, each as a PackedEntry. */
  entries: PackedEntry[];
  /** In match form, as the lexicon's `ignoreList`. */
  ignore: string[];
  suppress: string[];
  /** Size of the edge tables (a power of two). */
  size: number;
  /** Per node after the root (node m at 3(m - 1)): its edge's slot, m - 1 - its parent node, the unit of the edge. */
  nodes: number[];
  /** Per alias, nodes in order and at a node in order of precedence: node, entry index, SHORT | LATIN, length. */
  aliases: number[];
  /** firstUnits and firstPairs: their size and their non-zero bytes as (index, byte) pairs; null where the lexicon has none. */
  firstUnits: PackedBytes | null;
  firstPairs: PackedBytes | null;
}

interface PackedBytes {
  size: number;
  nonZero: number[];
}

/** canonical, type, aliases, shortForms, STAND_ALONE | GROUP_NAMES | WORKSPACE, notBefore, and note and link or null. */
type PackedEntry = [string, LexiconEntry['type'], string[], string[], number, string[], string | null, string | null];
const STAND_ALONE = 1;
const GROUP_NAMES = 2;
const WORKSPACE = 4;

function packEntry(e: LexiconEntry): PackedEntry {
  if (e.id !== entityId(e.type, e.canonical)) throw new Error(`packLexicon: ${e.id} is not the id of its type and canonical name`);
  const flags = (e.shortFormsStandAlone ? STAND_ALONE : 0) | (e.groupNames ? GROUP_NAMES : 0) | (e.origin === 'workspace' ? WORKSPACE : 0);
  return [e.canonical, e.type, e.aliases, e.shortForms, flags, e.notBefore, e.note ?? null, e.link ?? null];
}

/**
 * An entry as lexiconData.ts makes it: the same fields in the same order. (Read by index: array
 * destructuring steps an iterator, which the first run, not yet compiled, pays per field.)
 */
function unpackEntry(p: PackedEntry): LexiconEntry {
  const canonical = p[0];
  const type = p[1];
  const flags = p[4];
  const entry: LexiconEntry = {
    id: entityId(type, canonical),
    canonical,
    type,
    aliases: p[2],
    shortForms: p[3],
    shortFormsStandAlone: (flags & STAND_ALONE) !== 0,
    groupNames: (flags & GROUP_NAMES) !== 0,
    notBefore: p[5],
    origin: flags & WORKSPACE ? 'workspace' : 'builtin',
  };
  if (p[6] !== null) entry.note = p[6];
  if (p[7] !== null) entry.link = p[7];
  return entry;
}

const SHORT = 1;
const LATIN = 2;

const NONE: readonly TrieAlias[] = [];

/** The stored form of a lexicon's entries, ignored strings, suppressed names and trie. */
export function packLexicon(entries: readonly LexiconEntry[], ignore: readonly string[], suppress: Iterable<string>, trie: LexiconTrie): PackedLexicon {
  const index = new Map(entries.map((e, k) => [e, k]));
  const nodes: number[] = [];
  const { edgeParent, edgeUnit, edgeChild, aliasesAt } = trie;
  // nodes are made in order, one per edge: the edge to node m is the one whose child is m
  const slotOf = new Int32Array(aliasesAt.length).fill(-1);
  for (let h = 0; h < edgeParent.length; h++) if (edgeParent[h] !== 0) slotOf[edgeChild[h]!] = h;
  for (let m = 1; m < aliasesAt.length; m++) {
    const h = slotOf[m]!;
    if (h < 0) throw new Error(`packLexicon: node ${m} has no edge`);
    nodes.push(h, m - edgeParent[h]!, edgeUnit[h]!);
  }
  const aliases: number[] = [];
  aliasesAt.forEach((list, node) => {
    for (const a of list) {
      const k = index.get(a.entry);
      if (k === undefined || a.id !== a.entry.id) throw new Error(`packLexicon: alias of ${a.entry.id} is not of an entry by its own id`);
      aliases.push(node, k, (a.short ? SHORT : 0) | (a.latin ? LATIN : 0), a.length);
    }
  });
  const nonZero = (bytes: Uint8Array | undefined) => {
    if (!bytes) return null;
    const nonZero: number[] = [];
    bytes.forEach((b, k) => b !== 0 && nonZero.push(k, b));
    return { size: bytes.length, nonZero };
  };
  return {
    version: VERSION,
    entries: entries.map(packEntry),
    ignore: [...ignore],
    suppress: [...suppress],
    size: edgeParent.length,
    nodes,
    aliases,
    firstUnits: nonZero(trie.firstUnits),
    firstPairs: nonZero(trie.firstPairs),
  };
}

/** The entries and trie of a stored lexicon, or undefined where it is of another version. */
export function unpackLexicon(p: PackedLexicon): { entries: LexiconEntry[]; ignore: string[]; suppress: string[]; trie: LexiconTrie } | undefined {
  if (p.version !== VERSION) return undefined;
  const entries = p.entries.map(unpackEntry);
  const { nodes, aliases } = p;
  const edgeParent = new Int32Array(p.size);
  const edgeUnit = new Uint16Array(p.size);
  const edgeChild = new Int32Array(p.size);
  const count = nodes.length / 3 + 1;
  const aliasesAt: Array<readonly TrieAlias[]> = new Array(count).fill(NONE);
  for (let m = 1, k = 0; m < count; m++, k += 3) {
    const h = nodes[k]!;
    edgeParent[h] = m - nodes[k + 1]!;
    edgeUnit[h] = nodes[k + 2]!;
    edgeChild[h] = m;
  }
  for (let k = 0; k < aliases.length; k += 4) {
    const node = aliases[k]!;
    const entry = entries[aliases[k + 1]!]!;
    const flags = aliases[k + 2]!;
    const list = aliasesAt[node] === NONE ? [] : (aliasesAt[node] as TrieAlias[]);
    list.push({ entry, id: entry.id, short: (flags & SHORT) !== 0, latin: (flags & LATIN) !== 0, length: aliases[k + 3]! });
    aliasesAt[node] = list;
  }
  const bytes = (packed: PackedBytes | null) => {
    if (!packed) return undefined;
    const out = new Uint8Array(packed.size);
    const pairs = packed.nonZero;
    for (let k = 0; k < pairs.length; k += 2) out[pairs[k]!] = pairs[k + 1]!;
    return out;
  };
  return {
    entries,
    ignore: p.ignore,
    suppress: p.suppress,
    trie: { edgeParent, edgeUnit, edgeChild, aliasesAt, firstUnits: bytes(p.firstUnits), firstPairs: bytes(p.firstPairs) },
  };
}
