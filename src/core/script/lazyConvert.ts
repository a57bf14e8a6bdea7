/**
 * opencc-js's Simplified → Traditional (Taiwan) conversion, `Converter({ from: 'cn', to: 'tw' })`,
 * with the same result, but with its dictionaries loaded per first character, when a text
 * first holds that character. opencc-js builds a trie of every phrase at once (48,000 of them,
 * hundreds of milliseconds, over a second on a busy machine): the first hover on an entity,
 * which shows the name's Traditional form, waited for all of it to convert one name.
 * Like fastConvert's passes, it steps over an ideographic description sequence (⿰氵马) one code
 * point at a time, where opencc-js skips it whole: callers go through traditionalConverter
 * (normalize.ts), which converts the text around such sequences only.
 */
import type { ConverterFunction, Trie } from 'opencc-js';

/** One dictionary ("key value|key value|…") and where its entries start, by the key's first code point. */
export interface IndexedDictionary {
  text: string;
  startsOf: Map<number, number[]>;
}

/** One pass over a dictionary's text: a Map entry per first code point, no string per entry. */
export function indexDictionary(text: string): IndexedDictionary {
  const startsOf = new Map<number, number[]>();
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('|', start);
    if (end < 0) end = text.length;
    if (end > start) {
      const first = text.codePointAt(start)!;
      const starts = startsOf.get(first);
      if (starts) starts.push(start);
      else startsOf.set(first, [start]);
    }
    start = end + 1;
  }
  return { text, startsOf };
}

/**
 * One group of dictionaries as one opencc-js trie, filled a first character at a time. Entries
 * with different first characters fill disjoint subtrees, so the order in which characters
 * come does not matter; within one character, the dictionaries are loaded as loadDictGroup
 * loads them (the group reversed: the first dictionary has the last word), and each
 * dictionary's entries in its own order, as loadDict reads them.
 */
export class LazyGroup {
  /** First code points whose entries are in the trie. */
  private readonly loaded = new Set<number>();
  /** The group's dictionaries, indexed on first use. */
  private indexed: IndexedDictionary[] | undefined;

  constructor(
    /** The trie, holding the entries of the first code points loaded so far. */
    readonly trie: Trie,
    private readonly texts: readonly string[],
    /** Indexes a dictionary once for all the groups that read it (the phrases segment and convert). */
    private readonly indexOf: (text: string) => IndexedDictionary,
  ) {}

  /** The first code points of all the group's keys. */
  firstCodePoints(): Set<number> {
    this.indexed ??= this.texts.map(this.indexOf);
    const firsts = new Set<number>();
    for (const { startsOf } of this.indexed) for (const first of startsOf.keys()) firsts.add(first);
    return firsts;
  }

  /** Puts the entries whose key starts with `first` in the trie, once. */
  load(first: number): void {
    if (this.loaded.has(first)) return;
    this.loaded.add(first);
    this.indexed ??= this.texts.map(this.indexOf);
    for (let d = this.indexed.length - 1; d >= 0; d--) {
      const { text, startsOf } = this.indexed[d]!;
      for (const start of startsOf.get(first) ?? []) {
        let end = text.indexOf('|', start);
        if (end < 0) end = text.length;
        // as loadDict splits an entry: the key, then the first replacement after it
        const space = text.indexOf(' ', start);
        if (space < 0 || space > end) throw new TypeError(`Invalid dictionary entry: ${text.slice(start, end)}`);
        const next = text.indexOf(' ', space + 1);
        this.trie.addWord(text.slice(start, space), text.slice(space + 1, next >= 0 && next < end ? next : end));
      }
    }
  }

  /** Trie.matchPrefix, with the entries of the character at `at` loaded first. */
  private match(text: string, at: number): { end: number; value: string } | null {
    const first = text.codePointAt(at)!;
    if (!this.loaded.has(first)) this.load(first);
    return this.trie.matchPrefix(text, at);
  }

  /**
   * The text cut as opencc-js's Trie cuts it: the longest key at each position, the scan going
   * on after it, and each run between keys as one piece; a key's piece is `keyPiece` of it.
   */
  private pieces(text: string, keyPiece: (key: { end: number; value: string }, at: number) => string): string[] {
    const out: string[] = [];
    let run = -1;
    for (let i = 0; i < text.length; ) {
      const m = this.match(text, i);
      if (m) {
        if (run >= 0) out.push(text.slice(run, i));
        run = -1;
        out.push(keyPiece(m, i));
        i = m.end;
      } else {
        if (run < 0) run = i;
        i += text.codePointAt(i)! > 0xffff ? 2 : 1;
      }
    }
    if (run >= 0) out.push(text.slice(run));
    return out;
  }

  /** Trie.convert: each key replaced, the text between kept. */
  convert(text: string): string {
    return this.pieces(text, (key) => key.value).join('');
  }

  /** Trie.segment: each key a segment, and each run between keys one segment. */
  segment(text: string): string[] {
    return this.pieces(text, (key, at) => text.slice(at, key.end));
  }
}

/** A preset of opencc-js (Locale.configs): dictionaries as "key value|…" strings. */
interface Preset {
  normalizationChain?: unknown;
  segmentation?: unknown;
  conversionChain?: unknown;
}

const isGroup = (g: unknown): g is string[] => Array.isArray(g) && g.every((d) => typeof d === 'string');
const isChain = (c: unknown): c is string[][] => Array.isArray(c) && c.every(isGroup);

/**
 * Converter({ from: 'cn', to: 'tw' }) of opencc-js, loaded lazily (see above). opencc-js runs
 * it from its preset s2tw: the normalisation groups over the text, then the text cut into
 * segments (its phrases, and the runs between them), then each conversion group over each
 * segment. Falls back to opencc-js's own converter when the preset is not in the shape this
 * mirrors (opencc-js 1.4).
 */
export function lazyTraditionalConverter(opencc: typeof import('opencc-js')): ConverterFunction {
  const preset = (opencc.Locale.configs as unknown as Record<string, Preset> | undefined)?.s2tw;
  const segmentation = typeof preset?.segmentation === 'string' ? [preset.segmentation] : preset?.segmentation;
  if (!preset || !isChain(preset.conversionChain) || (preset.normalizationChain !== undefined && !isChain(preset.normalizationChain)) || (segmentation !== undefined && !isGroup(segmentation))) {
    return opencc.Converter({ from: 'cn', to: 'tw' });
  }
  const TrieClass = opencc.Trie as unknown as new () => Trie;
  const indexes = new Map<string, IndexedDictionary>();
  const indexOf = (text: string) => {
    let index = indexes.get(text);
    if (!index) indexes.set(text, (index = indexDictionary(text)));
    return index;
  };
  const group = (dictionaries: string[]) => new LazyGroup(new TrieClass(), dictionaries, indexOf);
  const normalize = ((preset.normalizationChain as string[][] | undefined) ?? []).map(group);
  const segmenter = segmentation ? group(segmentation) : undefined;
  const chain = preset.conversionChain.map(group);
  return (text: string) => {
    const normalized = normalize.reduce((t, pass) => pass.convert(t), text);
    const segments = segmenter ? segmenter.segment(normalized) : [normalized];
    return chain.reduce((parts, pass) => parts.map((part) => pass.convert(part)), segments).join('');
  };
}
