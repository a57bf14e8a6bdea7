/**
 * toLowerCase without its cost where it changes nothing: for a string that is not one-byte,
 * V8 lower-cases through ICU and copies the string even when no character has a lower case
 * (Chinese text, nearly all of what the entity stage lowers). A scan over code units that
 * have no lower case of their own (checked exhaustively in the unit tests) finds those.
 */

/**
 * Whether UTF-16 unit `c` is in a range where no character lower-cases to another (astral: plane 2,
 * CJK only): a string of such units is its own lower case, and so is its first unit.
 */
export function caseless(c: number): boolean {
  if (c < 0x80) return c < 0x41 || c > 0x5a;
  // CJK punctuation, kana, bopomofo, enclosed and compatibility forms, CJK ideographs (A and the main block)
  if (c >= 0x3000 && c <= 0x9fff) return true;
  // general punctuation, Latin-1 punctuation, fullwidth forms but Ａ-Ｚ, CJK compatibility forms
  if ((c >= 0x2010 && c <= 0x206f) || (c >= 0xa0 && c <= 0xbf) || (c >= 0xff01 && c <= 0xffef && (c < 0xff21 || c > 0xff3a)) || (c >= 0xfe10 && c <= 0xfe4f)) return true;
  // surrogates of plane 2 (CJK extensions B to F) and any low surrogate (its high one was checked first)
  return (c >= 0xd840 && c <= 0xd87f) || (c >= 0xdc00 && c <= 0xdfff);
}

/** s.toLowerCase(), the same string itself where no unit of it has a lower case. */
export function lowerCase(s: string): string {
  for (let i = 0; i < s.length; i++) if (!caseless(s.charCodeAt(i))) return s.toLowerCase();
  return s;
}
