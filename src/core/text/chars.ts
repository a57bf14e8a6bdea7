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
