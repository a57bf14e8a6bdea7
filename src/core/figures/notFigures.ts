import { CN_DIGITS } from './numerals';
import notFigures from './data/notFigures.json';

/** Words that start with (or end on) a numeral but are not figures: 一些, 统一, 百度, 从0到1 (data/notFigures.json). */
export const NOT_FIGURES: readonly string[] = [...notFigures.words, ...notFigures.names, ...notFigures.idioms];
/**
 * The words by their first two UTF-16 codes (a number), in list order: 一 starts some sixty of
 * them, and a numeral is read for every number in an article; no one-character string is made.
 */
const NOT_FIGURES_BY_PAIR = new Map<number, string[]>();
for (const w of NOT_FIGURES) {
  if (w.length < 2) throw new Error(`notFigures.ts: ${w} is shorter than the pair it is looked up by`);
  const key = pairAt(w, 0);
  const list = NOT_FIGURES_BY_PAIR.get(key) ?? [];
  list.push(w);
  NOT_FIGURES_BY_PAIR.set(key, list);
}
/**
 * 1 at the hash (pairHash) of each word's first two codes: a pair whose hash is 0 starts no word,
 * and is not looked up (two look-ups of the map for each numeral the scan reads, nearly always
 * in vain). A collision only costs the look-up. 4 KB, not a slot per code: a table read at a few
 * places per paragraph stays in the processor's caches only where it is small.
 */
const MAY_START = new Uint8Array(1 << 12);
for (const w of NOT_FIGURES) MAY_START[pairHash(w, 0)] = 1;

function pairHash(s: string, i: number): number {
  return (s.charCodeAt(i) * 31 + s.charCodeAt(i + 1)) & 0xfff;
}

/**
 * The pair as one 32-bit integer (a small integer to V8: a key above 2^31, as a product made it,
 * is a heap number, boxed and hashed as a double at each look-up). Past either end the missing
 * unit reads as 0, which no word holds; the callers look up only pairs inside the text.
 */
function pairAt(s: string, i: number): number {
  return (s.charCodeAt(i) << 16) | s.charCodeAt(i + 1);
}

const NONE: readonly string[] = [];

export function startsNonFigure(text: string, i: number): number {
  // a word like 统一 ends on a numeral: the preceding character decides
  for (const w of i > 0 && MAY_START[pairHash(text, i - 1)] === 1 ? NOT_FIGURES_BY_PAIR.get(pairAt(text, i - 1)) ?? NONE : NONE) {
    if (text.startsWith(w, i - 1)) return i - 1 + w.length;
  }
  for (const w of i + 1 < text.length && MAY_START[pairHash(text, i)] === 1 ? NOT_FIGURES_BY_PAIR.get(pairAt(text, i)) ?? NONE : NONE) {
    if (!text.startsWith(w, i)) continue;
    // 一点 is "a little", but 一点七五 is 1.75 (两 is never a decimal digit)
    const next = text[i + w.length] ?? '';
    if ((w === '一点' || w === '一點') && CN_DIGITS.has(next) && next !== '两' && next !== '兩') return -1;
    return i + w.length;
  }
  return -1;
}
