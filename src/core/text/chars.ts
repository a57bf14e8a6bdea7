/** Character classes shared by the splitters and detectors. All tests are O(1). */

export function isCjk(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x20000 && code <= 0x3134f)
  );
}

/** Whitespace as scraped articles contain it: ASCII, no-break space, ideographic space, BOM, zero-width. */
export function isSpaceLike(code: number): boolean {
  return (
    code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x0b || code === 0x0c ||
    code === 0xa0 || code === 0x3000 || code === 0xfeff || code === 0x200b || code === 0x2002 || code === 0x2003
  );
}

/** The units isSpaceLike is true of, for tables built without asking it at each of the 65,536 units. */
export const SPACE_LIKE_UNITS: readonly number[] = [0x20, 0x09, 0x0a, 0x0d, 0x0b, 0x0c, 0xa0, 0x3000, 0xfeff, 0x200b, 0x2002, 0x2003];

export function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isSpaceLike(s.charCodeAt(i))) return false;
  return true;
}

/** Sentence-final punctuation, Chinese and Western. */
export const SENTENCE_END = new Set(['。', '！', '？', '!', '?', '；', ';', '…']);

export const OPENERS: Record<string, string> = {
  '“': '”', '「': '」', '『': '』', '《': '》', '（': '）', '(': ')', '【': '】', '‘': '’', '〈': '〉',
};
export const CLOSERS = new Set(Object.values(OPENERS));

/** Share of CJK ideographs among the non-space characters of `s`. */
export function cjkShare(s: string, limit = 20_000): number {
  let cjk = 0;
  let total = 0;
  for (const ch of s.slice(0, limit)) {
    const c = ch.codePointAt(0)!;
    if (isSpaceLike(c)) continue;
    total++;
    if (isCjk(c)) cjk++;
  }
  return total === 0 ? 0 : cjk / total;
}

/** What \s matches in a regular expression (ECMAScript WhiteSpace and LineTerminator), all in the BMP. */
export const REGEX_SPACE = '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';

/** A table by UTF-16 unit of the first units of `strings` (characters at which a rule can fire, or words can start). */
export function triggerTable(strings: Iterable<string>): Uint8Array {
  const t = new Uint8Array(0x10000);
  for (const s of strings) t[s.charCodeAt(0)] = 1;
  return t;
}

/**
 * A table of the UTF-16 codes in `chars`, plus \s where `withSpace`: for trimming a run of them
 * from an end of a string by hand, where an end-anchored regex ([…]+$) would be tried at
 * every start of the string.
 */
export function codeTable(chars: string, withSpace: boolean): Uint8Array {
  return triggerTable(withSpace ? chars + REGEX_SPACE : chars);
}

/** `s` without the run of `table`'s characters at its end (as s.replace(/[…]+$/u, '')). */
export function trimEndOf(s: string, table: Uint8Array): string {
  let end = s.length;
  while (end > 0 && table[s.charCodeAt(end - 1)] === 1) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** `s` without the run of `lead`'s characters at its start and of `trail`'s at its end (as /^[…]+|[…]+$/gu replaced). */
export function trimBothOf(s: string, lead: Uint8Array, trail: Uint8Array): string {
  let start = 0;
  while (start < s.length && lead[s.charCodeAt(start)] === 1) start++;
  let end = s.length;
  while (end > start && trail[s.charCodeAt(end - 1)] === 1) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

/**
 * Whether one of `words` starts at `at` of `s`: `words.some((w) => s.startsWith(w, at))`
 * without the closure. A closure in a loop's body that reads the loop's variables makes V8
 * allocate those variables' scope on every turn of the loop, taken or not (some 80 bytes a
 * character in the entity rules).
 */
export function startsWithAny(s: string, words: readonly string[], at: number): boolean {
  for (let k = 0; k < words.length; k++) if (s.startsWith(words[k]!, at)) return true;
  return false;
}

/** The end `s.endsWith(w, at)` reads: `at` truncated and clamped to the text (NaN: 0). */
export function endOf(s: string, at: number): number {
  return at > 0 ? (at < s.length ? Math.trunc(at) : s.length) : 0;
}

/**
 * s.endsWith(suffix, end) for an integer `end`, read by UTF-16 unit from the last: a call of
 * the built-in costs some 130 instructions, and most suffixes asked are ruled out by their
 * last unit (the entity and figure rules ask lists of words at every name or number they read).
 */
export function endsWithAt(s: string, suffix: string, end: number): boolean {
  const e = end > s.length ? s.length : end < 0 ? 0 : end;
  const n = suffix.length;
  const from = e - n;
  if (from < 0) return false;
  for (let k = n - 1; k >= 0; k--) if (s.charCodeAt(from + k) !== suffix.charCodeAt(k)) return false;
  return true;
}

/** Whether one of `words` ends at `at` of `s` (as startsWithAny, for `s.endsWith(w, at)`). */
export function endsWithAny(s: string, words: readonly string[], at: number): boolean {
  const end = endOf(s, at);
  for (let k = 0; k < words.length; k++) if (endsWithAt(s, words[k]!, end)) return true;
  return false;
}
