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
}

function passOf(TrieClass: new () => Trie, group: DictGroup): Pass {
  const trie = new TrieClass();
  trie.loadDictGroup(group);
  // opencc-js keeps the children of its root in `map`, keyed by code point
  const root = (trie as unknown as { map: Map<number, unknown> }).map;
  const startsBmp = new Uint8Array(0x10000);
  const startsAstral = new Set<number>();
  for (const cp of root.keys()) {
    if (cp > 0xffff) startsAstral.add(cp);
    else startsBmp[cp] = 1;
  }
  return { trie, startsBmp, startsAstral };
}

/**
 * One pass of opencc-js's Trie.convert: longest match from each position, the replacement
 * written and the scan going on after it; elsewhere one code point is kept. Positions where
 * no key starts are skipped without a look-up, and unchanged text is copied in runs.
 */
function convertPass(p: Pass, s: string): string {
  let out = '';
  let copied = 0;
  const n = s.length;
  for (let i = 0; i < n; ) {
    const c = s.charCodeAt(i);
    let width = 1;
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
    const m = p.trie.matchPrefix(s, i);
    if (!m) {
      i += width;
      continue;
    }
    out += s.slice(copied, i) + m.value;
    i = m.end;
    copied = i;
  }
  return copied === 0 ? s : out + s.slice(copied);
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
