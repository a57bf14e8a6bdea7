/**
 * What the claims stage reads of a unit's characters in one pass: which of a few key
 * characters it has (the patterns of attribute(), the quotation marks, titles and numerals the
 * features ask about), and how many letters. Each of those was a reading of the unit of its own
 * (a regex, an includes, a loop); a pattern whose character is absent is neither searched for
 * nor tried.
 */

/** The key characters, by bit. */
export const KEY = {
  ju: 1, de: 2, yin: 4, cong: 8, jie: 16, yan: 32, kan: 64,
  /** “ and 「 (attribute's quotation after a comma or colon). */
  quote: 128,
  /** Any opening quotation mark: /[“「『]/. */
  anyQuote: 256,
  title: 512,
  di: 1024,
  /** The numerals that start hasDateWords' matches: 0–9 and 一…十. */
  numeral: 2048,
} as const;
export const KEYS = 0xfff;
/** Not keys: a letter as features count them (BMP ones), and the first half of a surrogate pair. */
export const LETTER = 0x1000;
export const HIGH = 0x2000;

/** The bits of each UTF-16 code (read by cues.ts too, whose scan of a unit reads it at the same time). */
export const BITS = new Uint16Array(0x10000);
for (const [ch, bit] of [
  ['据', KEY.ju], ['的', KEY.de], ['引', KEY.yin], ['从', KEY.cong], ['接', KEY.jie], ['眼', KEY.yan], ['看', KEY.kan], ['“', KEY.quote], ['「', KEY.quote],
  ['“', KEY.anyQuote], ['「', KEY.anyQuote], ['『', KEY.anyQuote], ['《', KEY.title], ['第', KEY.di],
] as const) BITS[ch.charCodeAt(0)]! |= bit;
for (const ch of '0123456789一二三四五六七八九十') BITS[ch.charCodeAt(0)]! |= KEY.numeral;
for (let c = 0; c < 0x10000; c++) {
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) BITS[c]! |= LETTER;
  if (c >= 0xd800 && c <= 0xdbff) BITS[c]! |= HIGH;
}

/** The KEY bits of the characters in `s`. */
export function keyCharsIn(s: string): number {
  let keys = 0;
  for (let i = 0; i < s.length; i++) keys |= BITS[s.charCodeAt(i)]!;
  return keys & KEYS;
}

/** What readUnit read last (read at once by its caller, never kept). */
export interface UnitRead {
  keys: number;
  /** Letters: CJK ideographs (the astral ones of planes 2 and 3 too), Latin letters and digits, by code point. */
  letters: number;
}

const READ: UnitRead = { keys: 0, letters: 0 };

/** keyCharsIn(s), and its letters counted in the same reading. The answer is written over by the next call. */
export function readUnit(s: string): UnitRead {
  let keys = 0;
  let letters = 0;
  for (let i = 0; i < s.length; i++) {
    const b = BITS[s.charCodeAt(i)]!;
    keys |= b;
    if (b & LETTER) letters++;
    else if (b & HIGH && isAstralLetterAt(s, i)) {
      letters++;
      i++;
    }
  }
  return unitRead(keys, letters);
}

/** The answer of a reading, its non-key bits taken off. */
export function unitRead(keys: number, letters: number): UnitRead {
  READ.keys = keys & KEYS;
  READ.letters = letters;
  return READ;
}

/** At a high surrogate `i`: whether a pair starts there that is a letter of planes 2 and 3 (its low half then is no letter on its own). */
export function isAstralLetterAt(s: string, i: number): boolean {
  if (i + 1 >= s.length) return false;
  const low = s.charCodeAt(i + 1);
  if (low < 0xdc00 || low > 0xdfff) return false;
  const c = (s.charCodeAt(i) - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  return c >= 0x20000 && c <= 0x3134f;
}
