/**
 * The size limit of one article, shared by the CLI (`--max-article-mb`, `maxArticleMb` in
 * `.gloss/config.yaml`) and the editor (`gloss.maxArticleMb`): sizes are UTF-8 bytes, as on disk.
 */
export const DEFAULT_MAX_ARTICLE_MB = 16;
export const BYTES_PER_MB = 1024 * 1024;

/** The UTF-8 length of a string (a lone surrogate counts 3 bytes, as its replacement character). */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** The text's size in bytes when it is above `maxMb`, else undefined (short texts are not counted). */
export function bytesAboveLimit(text: string, maxMb: number): number | undefined {
  const limit = maxMb * BYTES_PER_MB;
  // a UTF-16 unit is at most 3 bytes of UTF-8
  if (text.length * 3 <= limit) return undefined;
  const bytes = utf8Length(text);
  return bytes > limit ? bytes : undefined;
}

/** A size for people: three significant digits (0.00195, 3.21, 45.2). */
export function formatMb(bytes: number): string {
  return String(Number((bytes / BYTES_PER_MB).toPrecision(3)));
}
