import { toSimplifiedView } from '../script/normalize';
import { builtinLexiconData, builtinLexiconPacked } from './builtinLexiconSource';
import { lexiconFromData } from './lexiconData';
import { entityId, type LexiconEntry } from './lexiconEntry';
import { lowerCase } from './lowerCase';
import { packLexicon, unpackLexicon, type LexiconTrie, type PackedLexicon, type TrieAlias } from './lexiconPack';

export { ENTITY_TYPES, entityId, type EntityType, type LexiconEntry } from './lexiconEntry';

/** The form names are matched in: Simplified, Latin in lower case. */
export function matchForm(s: string): string {
  // (lowerCase: no copy through ICU of a name with no upper case, as a Chinese name has none;
  // the learned names of every article analysed are put in this form)
  return lowerCase(toSimplifiedView(s).text);
}

export interface AliasHit {
  entry: LexiconEntry;
  /** entityId(entry.type, entry.canonical), made once: the entry's own id where it is that. */
  id: string;
  /** A short form that needs the full name elsewhere in the article. */
  short: boolean;
  length: number;
  latin: boolean;
}

/**
 * Entries indexed by the first character of each alias (in match form), longest alias
 * first, so matching at a position is a lookup and a few `startsWith` calls.
 */
type Alias = TrieAlias;

/** firstUnits: an alias of this one unit; an alias of more units starting with it. */
const ALONE = 1;
const STARTS = 2;
const PAIR_BITS = 1 << 19;

/** A pair of UTF-16 units as a bit of firstPairs. */
export function pairHash(a: number, b: number): number {
  return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> 13;
}

/** A slot of the flat trie's edge table for (node, unit). */
function edgeHash(node: number, unit: number): number {
  return (Math.imul(node, 0x9e3779b1) ^ Math.imul(unit, 0x85ebca6b)) >>> 7;
}

const NO_ALIASES: readonly Alias[] = [];

/**
 * Entries indexed by their aliases (in match form) in a trie over UTF-16 units, so that
 * matching at a position is one walk, however many aliases share a first character.
 */
export class Lexicon {
  /**
   * First UTF-16 units of all aliases, so most positions are ruled out by one array read; only
   * for a lexicon of many aliases (64 KB each: the learned names of every article analysed make
   * one), a small one asks its trie's root.
   */
  private readonly firstUnits: Uint8Array | undefined;
  /**
   * With firstUnits, the first two UTF-16 units of the aliases of two units or more, one bit
   * per hash of the pair (64 KB): most positions whose unit starts some alias start none here
   * (中 starts 中国, not 中的), and are ruled out without a walk of the trie (mayMatchAt).
   */
  private readonly firstPairs: Uint8Array | undefined;
  /**
   * The alias trie over UTF-16 units, flat: node 0 is the root; the edge from node n by
   * unit u sits at edgeHash(n, u) or after it (linear probing), edgeParent holding n + 1 (0 where
   * empty). Walking it costs a few typed-array reads per unit where a Map per node cost a call.
   */
  private readonly edgeParent: Int32Array;
  private readonly edgeUnit: Uint16Array;
  private readonly edgeChild: Int32Array;
  private readonly edgeMask: number;
  /** The aliases ending at each node, the one that takes precedence first. */
  private readonly aliasesAt: ReadonlyArray<readonly Alias[]>;
  readonly entries: LexiconEntry[];
  readonly ignore: ReadonlySet<string>;
  /** `ignore` as a list, to compare a few in place. */
  readonly ignoreList: readonly string[];
  /** The first UTF-16 units of `ignore`, hashed to 2048 bits; undefined where an empty string is ignored (mayIgnoreFrom). */
  private readonly ignoreFirsts: Int32Array | undefined;
  readonly suppressed: ReadonlySet<string>;
  private readonly byId: ReadonlyMap<string, LexiconEntry>;

  /**
   * `entries` in order of precedence, lowest first: an entry replaces an earlier one with the
   * same id, and takes the names it shares with earlier ones. `suppress` removes the built-in
   * entries of these canonical names (Simplified).
   */
  constructor(entries: LexiconEntry[], ignore: Iterable<string> = [], suppress: Iterable<string> = [], restored?: LexiconTrie) {
    const suppressed = new Set(suppress);
    const byId = new Map<string, LexiconEntry>();
    for (const e of entries) {
      if (e.origin === 'builtin' && suppressed.has(e.canonical)) continue;
      byId.delete(e.id); // the later entry also comes later in the order of entries
      byId.set(e.id, e);
    }
    this.suppressed = suppressed;
    this.entries = [...byId.values()];
    this.byId = byId;
    // a restored lexicon's ignored strings are stored in match form
    this.ignore = new Set(restored ? ignore : [...ignore].map(matchForm));
    this.ignoreList = [...this.ignore];
    const firsts = new Int32Array(64);
    for (const s of this.ignoreList) if (s.length > 0) firsts[(s.charCodeAt(0) >>> 5) & 63]! |= 1 << (s.charCodeAt(0) & 31);
    this.ignoreFirsts = this.ignoreList.includes('') ? undefined : firsts;
    const trie = restored ?? buildTrie(this.entries, this.ignore);
    this.firstUnits = trie.firstUnits;
    this.firstPairs = trie.firstPairs;
    this.edgeMask = trie.edgeParent.length - 1;
    this.edgeParent = trie.edgeParent;
    this.edgeUnit = trie.edgeUnit;
    this.edgeChild = trie.edgeChild;
    this.aliasesAt = trie.aliasesAt;
  }

  /** This lexicon as stored (lexiconPack.ts): restored by `new Lexicon(...)` with the unpacked trie, it is this one again. */
  pack(): PackedLexicon {
    const { edgeParent, edgeUnit, edgeChild, aliasesAt, firstUnits, firstPairs } = this;
    return packLexicon(this.entries, this.ignoreList, this.suppressed, { edgeParent, edgeUnit, edgeChild, aliasesAt, firstUnits, firstPairs });
  }

  /** The longest alias at position i of a match-form text, if any. */
  match(form: string, i: number): Readonly<AliasHit> | undefined {
    const { edgeParent, edgeUnit, edgeChild, aliasesAt } = this;
    const mask = this.edgeMask;
    let node = 0;
    let best: Alias | undefined;
    for (let j = i; j < form.length; j++) {
      // the child of node by this unit: open addressing over (node, unit), no Map per node
      const unit = form.charCodeAt(j);
      let h = edgeHash(node, unit) & mask;
      let child = -1;
      for (let p = edgeParent[h]!; p !== 0; p = edgeParent[(h = (h + 1) & mask)]!) {
        if (p === node + 1 && edgeUnit[h] === unit) {
          child = edgeChild[h]!;
          break;
        }
      }
      if (child < 0) break;
      node = child;
      const aliases = aliasesAt[node]!;
      for (let k = 0; k < aliases.length; k++) {
        const c = aliases[k]!;
        // Latin names stand alone: OpenAI, not OpenAIs; GPT-4, not GPT-40
        if (c.latin && (isLatinWordChar(form.charCodeAt(i - 1)) || isLatinWordChar(form.charCodeAt(j + 1)))) continue;
        best = c;
        break;
      }
    }
    // the alias itself, read only: a hit at nearly every character of a text must not cost an object
    return best;
  }

  /** Whether an ignored string (in match form) may start with `unit`: false only where none does. */
  mayIgnoreFrom(unit: number): boolean {
    const firsts = this.ignoreFirsts;
    return firsts === undefined || (firsts[(unit >>> 5) & 63]! & (1 << (unit & 31))) !== 0;
  }

  /** The entry of an entity id (`org:阿里云`), if the lexicon has one. */
  entry(id: string): LexiconEntry | undefined {
    return this.byId.get(id);
  }

  /** Whether match(form, i) may find an alias: false only where it finds none. */
  mayMatchAt(form: string, i: number): boolean {
    const firstUnits = this.firstUnits;
    const unit = form.charCodeAt(i);
    if (!firstUnits || !this.firstPairs) return this.hasEdge(0, unit);
    const kinds = firstUnits[unit]!;
    if ((kinds & ALONE) !== 0) return true;
    if ((kinds & STARTS) === 0 || i + 1 >= form.length) return false;
    const h = pairHash(unit, form.charCodeAt(i + 1));
    return (this.firstPairs[h >>> 3]! & (1 << (h & 7))) !== 0;
  }

  /**
   * mayMatchAt as a table by UTF-16 unit, for a scan that reads each unit once: `alone` where
   * the unit is an alias or starts one that mayMatchAt takes at once, `pair` where it starts
   * aliases of two units or more only, and startsPair decides. Undefined for a small lexicon
   * (mayMatchAt asks its trie).
   */
  firstUnitTable(alone: number, pair: number): Uint8Array | undefined {
    const firstUnits = this.firstUnits;
    if (!firstUnits || !this.firstPairs) return undefined;
    const t = new Uint8Array(0x10000);
    for (let u = 0; u < 0x10000; u++) {
      const kinds = firstUnits[u]!;
      t[u] = (kinds & ALONE) !== 0 ? alone : (kinds & STARTS) !== 0 ? pair : 0;
    }
    return t;
  }

  /** Where firstUnitTable is `pair` at unit a of a form, a before b: mayMatchAt. */
  startsPair(a: number, b: number): boolean {
    const h = pairHash(a, b);
    return (this.firstPairs![h >>> 3]! & (1 << (h & 7))) !== 0;
  }

  /** The bits startsPair reads (pairHash(a, b) is the bit), with firstUnitTable. */
  pairBits(): Uint8Array | undefined {
    return this.firstUnits ? this.firstPairs : undefined;
  }

  private hasEdge(node: number, unit: number): boolean {
    const mask = this.edgeMask;
    for (let h = edgeHash(node, unit) & mask; this.edgeParent[h] !== 0; h = (h + 1) & mask) {
      if (this.edgeParent[h] === node + 1 && this.edgeUnit[h] === unit) return true;
    }
    return false;
  }

  /** This lexicon with more entries on top (a workspace's), more strings ignored and built-in entries suppressed. */
  with(extra: LexiconEntry[], ignore: Iterable<string>, suppress: Iterable<string> = []): Lexicon {
    return new Lexicon([...this.entries, ...extra], [...this.ignore, ...ignore], [...this.suppressed, ...suppress]);
  }
}

/** The alias trie of `entries` (deduplicated, in order of precedence), less the names in `ignore`. */
function buildTrie(entries: readonly LexiconEntry[], ignore: ReadonlySet<string>): LexiconTrie {
  const firstUnits = entries.length > 64 ? new Uint8Array(0x10000) : undefined;
  const firstPairs = firstUnits ? new Uint8Array(PAIR_BITS / 8) : undefined;
  // the aliases in match form, in the order they take precedence, before the table is sized to them
  const names: Array<{ alias: string; short: boolean; entry: LexiconEntry; id: string }> = [];
  let units = 0;
  for (const entry of entries) {
    const made = entityId(entry.type, entry.canonical);
    const id = entry.id === made ? entry.id : made;
    const add = (raw: string, short: boolean) => {
      const alias = matchForm(raw);
      if (!alias || ignore.has(alias)) return;
      names.push({ alias, short, entry, id });
      units += alias.length;
    };
    add(entry.canonical, false);
    for (const a of entry.aliases) add(a, false);
    for (const a of entry.shortForms) add(a, !entry.shortFormsStandAlone);
  }
  // edges hashed into a table at most half full (there are at most as many edges as units)
  let size = 16;
  while (size < 2 * units) size *= 2;
  const mask = size - 1;
  const edgeParent = new Int32Array(size);
  const edgeUnit = new Uint16Array(size);
  const edgeChild = new Int32Array(size);
  const aliasesAt: Array<readonly Alias[]> = [NO_ALIASES];
  for (const { alias, short, entry, id } of names) {
    let node = 0;
    for (let k = 0; k < alias.length; k++) {
      const unit = alias.charCodeAt(k);
      let h = edgeHash(node, unit) & mask;
      while (edgeParent[h] !== 0 && !(edgeParent[h] === node + 1 && edgeUnit[h] === unit)) h = (h + 1) & mask;
      if (edgeParent[h] === 0) {
        edgeParent[h] = node + 1;
        edgeUnit[h] = unit;
        edgeChild[h] = aliasesAt.length;
        aliasesAt.push(NO_ALIASES);
      }
      node = edgeChild[h]!;
    }
    // a later entry takes a name it shares with an earlier one (the workspace's over the built-in)
    const kept = aliasesAt[node]!.filter((a) => a.entry.id !== entry.id || a.short !== short);
    kept.unshift({ entry, id, short, latin: /^[a-z0-9]/.test(alias), length: alias.length });
    aliasesAt[node] = kept;
    if (firstUnits && firstPairs) {
      firstUnits[alias.charCodeAt(0)]! |= alias.length === 1 ? ALONE : STARTS;
      if (alias.length > 1) {
        const h = pairHash(alias.charCodeAt(0), alias.charCodeAt(1));
        firstPairs[h >>> 3]! |= 1 << (h & 7);
      }
    }
  }
  return { edgeParent, edgeUnit, edgeChild, aliasesAt, firstUnits, firstPairs };
}

function isLatinWordChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a);
}

let builtin: Lexicon | undefined;

/**
 * The built-in lexicon (data/builtin.lexicon.yaml), restored on first use from its stored form
 * (data/builtin.lexicon.packed.json, made from the YAML by `node scripts/pack-lexicon.mjs`), or
 * built from the YAML where there is none of this version.
 */
export function builtinLexicon(): Lexicon {
  if (builtin) return builtin;
  const packed = builtinLexiconPacked();
  const restored = packed && unpackLexicon(packed);
  if (restored) return (builtin = new Lexicon(restored.entries, restored.ignore, restored.suppress, restored.trie));
  return (builtin = builtinLexiconFromYaml());
}

/** The built-in lexicon as built from its YAML (what its stored form must restore). */
export function builtinLexiconFromYaml(): Lexicon {
  const { entries, ignore, suppress } = lexiconFromData(builtinLexiconData(), 'builtin');
  return new Lexicon(entries, ignore, suppress);
}
