/**
 * opencc-js's Traditional → Simplified conversion (its "t2s" configuration), run faster with
 * the same result: the same tries, built by opencc-js from the same dictionaries and matched
 * by its own matchPrefix, but only where a dictionary key can start. opencc-js looks every
 * code point up in a Map and rebuilds the string from pieces; on running text most code
 * points start no key (and in Simplified text nearly none does), so they are copied in runs.
 * The first pass (compatibility ideographs, U+F900…) is skipped for text without them.
 */
import type { ConverterFunction, DictGroup, Trie } from 'opencc-js';

interface Pass {
  trie: Trie;
  /** 1 for the BMP code units that start a key of the trie. */
  startsBmp: Uint8Array;
  /** Astral code points that start a key. */
  startsAstral: ReadonlySet<number>;
  /**
   * For a BMP code unit that is a whole key and starts no longer one, its replacement
   * (matchPrefix could only return that); undefined where a longer key starts or none does.
   */
  leafBmp: Array<string | undefined>;
}

function passOf(TrieClass: new () => Trie, group: DictGroup): Pass {
  const trie = new TrieClass();
  trie.loadDictGroup(group);
  // opencc-js keeps the children of its root in `map`, keyed by code point
  // and a node's replacement in its property trie_val
  const root = (trie as unknown as { map: Map<number, Map<number, unknown> & { trie_val?: string }> }).map;
  const startsBmp = new Uint8Array(0x10000);
  const startsAstral = new Set<number>();
  const leafBmp = new Array<string | undefined>(0x10000).fill(undefined);
  for (const [cp, node] of root) {
    if (cp > 0xffff) startsAstral.add(cp);
    else {
      startsBmp[cp] = 1;
      // (a lone surrogate is matched by matchPrefix as its own code point too, but is left to it)
      if (node.size === 0 && typeof node.trie_val === 'string' && !(cp >= 0xd800 && cp <= 0xdfff)) leafBmp[cp] = node.trie_val;
    }
  }
  return { trie, startsBmp, startsAstral, leafBmp };
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
  for (let i = 0; i < length; ) {
    const c = s.charCodeAt(i);
    let width = 1;
    let value: string;
    let end: number;
    if (c >= 0xd800 && c <= 0xdbff) {
      const cp = s.codePointAt(i)!;
      width = cp > 0xffff ? 2 : 1;
      if (width === 1 ? p.startsBmp[c] === 0 : !p.startsAstral.has(cp)) {
        i += width;
        continue;
      }
    } else if (p.startsBmp[c] === 0) {
      i++;
      continue;
    }
    // most keys met in running text are one character that starts no phrase: no walk of the
    // trie's maps and no match object for them (one that maps to itself changes nothing)
    const leaf = width === 1 ? p.leafBmp[c] : undefined;
    if (leaf !== undefined) {
      if (leaf.length === 1 && leaf.charCodeAt(0) === c) {
        i++;
        continue;
      }
      value = leaf;
      end = i + 1;
    } else {
      const m = p.trie.matchPrefix(s, i);
      if (!m) {
        i += width;
        continue;
      }
      value = m.value;
      end = m.end;
    }
    n = put(s, copied, i, value, n < 0 ? 0 : n, length);
    i = end;
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

/** Writes s[from, to) and then `value` at `at` of the buffer, grown to hold them; returns the end. */
function put(s: string, from: number, to: number, value: string, at: number, hint: number): number {
  const need = at + (to - from) + value.length;
  if (need > units.length) {
    const grown = new Uint16Array(Math.max(need, hint + 64, 2 * units.length));
    grown.set(units.subarray(0, at));
    units = grown;
  }
  const u = units;
  for (let k = from; k < to; k++) u[at++] = s.charCodeAt(k);
  for (let k = 0; k < value.length; k++) u[at++] = value.charCodeAt(k);
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

/** The t2s converter of opencc-js (normalisation, then phrases and characters), from its own tries and dictionaries. */
export function fastSimplifiedConverter(opencc: typeof import('opencc-js')): ConverterFunction {
  const config = (opencc.Locale.configs as unknown as Record<string, { normalizationChain?: DictGroup[]; conversionChain: DictGroup[]; segmentation?: unknown }>).t2s;
  // the shape this mirrors (opencc-js 1.4): no segmentation, one normalisation group, one conversion group
  if (!config || config.segmentation || config.normalizationChain?.length !== 1 || config.conversionChain.length !== 1) {
    return opencc.Converter({ from: 't', to: 'cn' });
  }
  const TrieClass = opencc.Trie as unknown as new () => Trie;
  const normalize = passOf(TrieClass, config.normalizationChain[0]!);
  const convert = passOf(TrieClass, config.conversionChain[0]!);
  return (text: string) => convertPass(convert, convertPass(normalize, text));
}
