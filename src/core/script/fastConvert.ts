/**
 * opencc-js's Traditional → Simplified conversion (its "t2s" configuration), run faster with
 * the same result: the same tries, built by opencc-js from the same dictionaries and matched
 * by its own matchPrefix, but only where a dictionary key can start. opencc-js looks every
 * code point up in a Map and rebuilds the string from pieces; on running text most code
 * points start no key (and in Simplified text nearly none does), so they are copied in runs.
 * The first pass (compatibility ideographs, U+F900…) is skipped for text without them.
 * Each trie is filled per first character, when a text first holds it (see Pass).
 */
import type { ConverterFunction, DictGroup, Trie } from 'opencc-js';
import { LazyGroup, indexDictionary, type IndexedDictionary } from './lazyConvert';
import { unitClass } from '../text/unitClass';

/** What a BMP code unit is to a pass (Pass.kind). */
const NONE = 0; // starts no key
const UNLOADED = 1; // starts a key whose first character's entries are not in the trie yet
const WALK = 2; // starts a longer key (or is a surrogate): matchPrefix decides
const SAME = 3; // a whole key that starts no longer one and maps to itself
const LEAF = 4; // a whole key that starts no longer one, replaced by one unit (Pass.leafUnit)
const PAIRS = 5; // no key itself, it starts longer keys: walked only where Pass.pairs may hold it and the next code point

/**
 * One group of dictionaries, its trie filled a first character at a time (lazyConvert.ts) when
 * a text first holds that character: building the whole trie cost tens of milliseconds before
 * the first analysis. What each character is to the pass is known from the dictionaries' index
 * (no trie needed), and settled from the trie when the character's entries are loaded.
 */
interface Pass {
  group: LazyGroup;
  /** NONE … LEAF, by BMP code unit. */
  kind: Uint8Array;
  /**
   * For a LEAF, its replacement (matchPrefix could only return that); a key that is a whole
   * phrase replaced by more than one unit is walked (WALK).
   */
  leafUnit: Uint16Array;
  /** Astral code points that start a key. */
  startsAstral: ReadonlySet<number>;
  /**
   * For a pass whose keys start with few units (the normalisation's compatibility ideographs):
   * a pattern of every unit a key may start at (those of kind other than NONE, and the high
   * surrogates of startsAstral). The pass begins where it first matches, and a text it never
   * matches is the pass's answer as it is: one search in native code, not a reading by
   * charCodeAt. Undefined where the units are many (the conversion's).
   */
  firstStart: RegExp | undefined;
  /** The inside of firstStart's class ('' where no unit starts a key), undefined where firstStart is. */
  firstUnits: string | undefined;
  /**
   * The pairs of a PAIRS unit and a code point that follows it in one of its keys, as bits at
   * a hash of the pair (pairBit): a bit that is clear says that no key starts with the pair, so
   * that matchPrefix would find nothing (a set bit may be another pair's: the trie decides).
   * Most units that start phrases stand before another character in running text (一, 不, 中:
   * 1,534 of the 20k article's 1,623 walks found nothing), and each walk looked the unit and the
   * next up in the trie's maps.
   */
  pairs: Uint32Array;
}

/** log2 of the bits of Pass.pairs: the conversion's phrases begin with some ten thousand pairs. */
const PAIR_BITS = 18;

/** The bit of Pass.pairs of the unit c and the code point after it (hasPair answers past the text's end). */
function pairBit(c: number, next: number): number {
  return Math.imul(Math.imul(c, 0x01000193) ^ next, 0x9e3779b1) >>> (32 - PAIR_BITS);
}

function hasPair(pairs: Uint32Array, c: number, next: number | undefined): boolean {
  if (next === undefined) return false;
  const bit = pairBit(c, next);
  return (pairs[bit >>> 5]! & (1 << (bit & 31))) !== 0;
}

function passOf(TrieClass: new () => Trie, texts: readonly string[], indexOf: (text: string) => IndexedDictionary): Pass {
  const group = new LazyGroup(new TrieClass(), texts, indexOf);
  const kind = new Uint8Array(0x10000);
  const startsAstral = new Set<number>();
  for (const cp of group.firstCodePoints()) {
    if (cp > 0xffff) startsAstral.add(cp);
    else kind[cp] = UNLOADED;
  }
  const firstUnits = startUnits(kind, startsAstral);
  // (no unit at all: a pattern that never matches)
  const firstStart = firstUnits === undefined ? undefined : new RegExp(firstUnits ? `[${firstUnits}]` : '[^\\s\\S]');
  return { group, kind, leafUnit: new Uint16Array(0x10000), startsAstral, firstStart, firstUnits, pairs: new Uint32Array(1 << (PAIR_BITS - 5)) };
}

/** Most ranges of units a pass's firstStart is made of; more, and the pass reads every unit itself. */
const MAX_START_RANGES = 16;

/**
 * Pass.firstUnits from the units that start keys (kind is NONE for the others, and a unit
 * only ever goes from UNLOADED to another kind than NONE). A pass steps over a surrogate pair
 * whole: a match at a low surrogate could be the second half of a pair the pass never stops
 * at, so a pass where a low surrogate starts a key has no pattern.
 */
function startUnits(kind: Uint8Array, startsAstral: ReadonlySet<number>): string | undefined {
  const units = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) if (kind[c] !== NONE) units[c] = 1;
  for (const cp of startsAstral) units[0xd800 + ((cp - 0x10000) >> 10)] = 1;
  for (let c = 0xdc00; c <= 0xdfff; c++) if (units[c] === 1) return undefined;
  return unitClass((c) => units[c] === 1, MAX_START_RANGES);
}

/** Loads the entries of BMP unit c and settles its kind. */
function load(p: Pass, c: number): number {
  p.group.load(c);
  // opencc-js keeps the children of its root in `map`, keyed by code point
  // and a node's replacement in its property trie_val
  const node = (p.group.trie as unknown as { map: Map<number, Map<number, unknown> & { trie_val?: string }> }).map.get(c);
  let k = WALK;
  // (a lone surrogate is matched by matchPrefix as its own code point too, but is left to it)
  if (node && node.size === 0 && typeof node.trie_val === 'string' && node.trie_val.length === 1 && !(c >= 0xd800 && c <= 0xdfff)) {
    const unit = node.trie_val.charCodeAt(0);
    k = unit === c ? SAME : LEAF;
    p.leafUnit[c] = unit;
  } else if (node && node.trie_val === undefined && !(c >= 0xd800 && c <= 0xdfff)) {
    // (the node's children are every code point that follows c in a key: its entries are all loaded)
    for (const next of node.keys()) {
      const bit = pairBit(c, next);
      p.pairs[bit >>> 5]! |= 1 << (bit & 31);
    }
    k = PAIRS;
  }
  p.kind[c] = k;
  return k;
}

/**
 * One pass of opencc-js's Trie.convert: longest match from each position, the replacement
 * written and the scan going on after it; elsewhere one code point is kept. Positions where
 * no key starts are skipped without a look-up, and unchanged text is copied in runs.
 */
function convertPass(p: Pass, s: string): string {
  // the output, from the first replacement on, as UTF-16 units in one buffer for every call (a
  // pass never re-enters): joining a slice and a replacement per key met was two rope nodes
  // and a slice each, most of what converting a Traditional paragraph allocated
  let n = -1;
  let copied = 0;
  const length = s.length;
  const kind = p.kind;
  // (every unit before the first that may start a key is stepped over as the loop would: see startPattern)
  const from = p.firstStart === undefined ? 0 : s.search(p.firstStart);
  if (from < 0) return s;
  for (let i = from; i < length; ) {
    let c = s.charCodeAt(i);
    // the run of units that start no key (most of running text), in a loop of its own with an
    // index of its own: the loop below, with its calls and its index set from a match, kept its
    // index tagged and in memory
    if ((c < 0xd800 || c > 0xdbff) && kind[c] === NONE) {
      let j = i + 1;
      while (j < length && ((c = s.charCodeAt(j)) < 0xd800 || c > 0xdbff) && kind[c] === NONE) j++;
      if (j >= length) break;
      i = j;
    }
    let k: number;
    if (c >= 0xd800 && c <= 0xdbff) {
      const cp = s.codePointAt(i)!;
      const width = cp > 0xffff ? 2 : 1;
      if (width === 1 ? kind[c] === NONE : !p.startsAstral.has(cp)) {
        i += width;
        continue;
      }
      if (width === 1) {
        if (kind[c] === UNLOADED) load(p, c);
      } else p.group.load(cp);
      k = WALK;
    } else {
      k = kind[c]!;
      if (k === NONE) {
        i++;
        continue;
      }
      if (k === UNLOADED) k = load(p, c);
    }
    // most keys met in running text are one character that starts no phrase: no walk of the
    // trie's maps and no match object for them (one that maps to itself changes nothing)
    if (k === SAME) {
      i++;
      continue;
    }
    if (k === LEAF) {
      n = putUnit(s, copied, i, p.leafUnit[c]!, n < 0 ? 0 : n, length);
      copied = ++i;
      continue;
    }
    // (c is no key and no surrogate: with no key of c and the next code point, matchPrefix finds nothing)
    if (k === PAIRS && !hasPair(p.pairs, c, s.codePointAt(i + 1))) {
      i++;
      continue;
    }
    const m = p.group.trie.matchPrefix(s, i);
    if (!m) {
      i += c >= 0xd800 && c <= 0xdbff && s.codePointAt(i)! > 0xffff ? 2 : 1;
      continue;
    }
    n = put(s, copied, i, m.value, n < 0 ? 0 : n, length);
    // (an index, as an integer: see the run above)
    i = m.end | 0;
    copied = i;
  }
  if (n < 0) return s;
  n = put(s, copied, length, '', n, length);
  const out = decode(n);
  // a whole long article (the Script view converts it at once) must not keep its size in memory
  if (units.length > KEPT_UNITS) units = new Uint16Array(1024);
  return out;
}

let units = new Uint16Array(1024);
/** Above this many units (far above a paragraph's), the buffer is let go after the call. */
const KEPT_UNITS = 1 << 16;

/** The buffer, grown to hold `need` units, keeping its first `at` (`hint`: the text's length, a likely final size). */
function room(need: number, at: number, hint: number): Uint16Array {
  if (need > units.length) {
    const grown = new Uint16Array(Math.max(need, hint + 64, 2 * units.length));
    grown.set(units.subarray(0, at));
    units = grown;
  }
  return units;
}

/** Writes s[from, to) and then `value` at `at` of the buffer, grown to hold them; returns the end. */
function put(s: string, from: number, to: number, value: string, at: number, hint: number): number {
  const u = room(at + (to - from) + value.length, at, hint);
  for (let k = from; k < to; k++) u[at++] = s.charCodeAt(k);
  for (let k = 0; k < value.length; k++) u[at++] = value.charCodeAt(k);
  return at;
}

/** Writes s[from, to) and then one unit at `at` of the buffer, grown to hold them; returns the end. */
function putUnit(s: string, from: number, to: number, unit: number, at: number, hint: number): number {
  const u = room(at + (to - from) + 1, at, hint);
  for (let k = from; k < to; k++) u[at++] = s.charCodeAt(k);
  u[at++] = unit;
  return at;
}

/** The buffer's first n units as a string, in chunks that stay far below the limit on a call's arguments. */
function decode(n: number): string {
  const CHUNK = 8192;
  if (n <= CHUNK) return String.fromCharCode.apply(null, units.subarray(0, n) as unknown as number[]);
  let out = '';
  for (let a = 0; a < n; a += CHUNK) out += String.fromCharCode.apply(null, units.subarray(a, Math.min(n, a + CHUNK)) as unknown as number[]);
  return out;
}

/**
 * A t2s converter, with what lets a caller that searches the text anyway step over the
 * normalisation: a text holding no unit of normalizationUnits (the inside of a class, by
 * UTF-16 unit) is converted as conversionOnly converts it. Both are absent where the
 * normalisation's units are too many for a class (the converter is then opencc-js's own).
 */
export type FastConverter = ConverterFunction & {
  readonly conversionOnly?: ConverterFunction;
  readonly normalizationUnits?: string;
};

/** The t2s converter of opencc-js (normalisation, then phrases and characters), from its own tries and dictionaries. */
export function fastSimplifiedConverter(opencc: typeof import('opencc-js')): FastConverter {
  const config = (opencc.Locale.configs as unknown as Record<string, { normalizationChain?: DictGroup[]; conversionChain: DictGroup[]; segmentation?: unknown }>).t2s;
  // the shape this mirrors (opencc-js 1.4): no segmentation, one normalisation group, one conversion group
  if (!config || config.segmentation || config.normalizationChain?.length !== 1 || config.conversionChain.length !== 1) {
    return opencc.Converter({ from: 't', to: 'cn' });
  }
  const normalization = config.normalizationChain[0]!;
  const conversion = config.conversionChain[0]!;
  const isText = (d: unknown): d is string => typeof d === 'string';
  if (!normalization.every(isText) || !conversion.every(isText)) return opencc.Converter({ from: 't', to: 'cn' });
  const TrieClass = opencc.Trie as unknown as new () => Trie;
  const normalize = passOf(TrieClass, normalization, indexDictionary);
  const convert = passOf(TrieClass, conversion, indexDictionary);
  const converter = (text: string) => convertPass(convert, convertPass(normalize, text));
  // (where firstStart finds no unit, the normalisation returns the text as it is: see convertPass)
  if (normalize.firstUnits === undefined) return converter;
  return Object.assign(converter, { conversionOnly: (text: string) => convertPass(convert, text), normalizationUnits: normalize.firstUnits });
}
