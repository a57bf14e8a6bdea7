/**
 * Reading articles for the CLI: UTF-8 (with or without a BOM) or UTF-16 with a BOM; a file
 * that is neither is named for what it is. Files above the size limit are refused before
 * they are read.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_PATH, ConfigError, parseGlossConfig } from '../core/config/glossConfig';
import { stripBom } from '../core/text/offsets';
import { DEFAULT_MAX_ARTICLE_MB } from '../core/text/articleSize';
import { UsageError } from './usageError';

// the largest article read, unless --max-article-mb or maxArticleMb in .gloss/config.yaml says otherwise
export { DEFAULT_MAX_ARTICLE_MB };
const MB = 1024 * 1024;

export function tooLargeMessage(what: string, bytes: number, maxMb: number): string {
  return `${what} is ${(bytes / MB).toFixed(1)} MB, above the ${maxMb} MB limit for one article (raise it with --max-article-mb, or maxArticleMb in .gloss/config.yaml)`;
}

/** Whether bytes read as UTF-16 (either order) give mostly text: CJK, punctuation, ASCII. */
function looksLikeUtf16(head: Buffer): boolean {
  const even = head.subarray(0, head.length - (head.length % 2));
  if (even.length < 4) return false;
  for (const swap of [false, true]) {
    const units = swap ? Buffer.from(even).swap16() : even;
    let textual = 0;
    for (let i = 0; i < units.length; i += 2) {
      const c = units.readUInt16LE(i);
      if ((c >= 0x20 && c < 0x7f) || c === 0x0a || c === 0x0d || (c >= 0x3000 && c <= 0x9fff) || (c >= 0xff00 && c <= 0xffef)) textual++;
    }
    if (textual >= 0.8 * (units.length / 2)) return true;
  }
  return false;
}

/** Decodes an article's bytes, or throws a UsageError naming the encoding problem. */
export function decodeArticle(path: string, buf: Buffer): string {
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) {
    const le = buf[0] === 0xff;
    if (buf.length % 2) throw new UsageError(`${path}: UTF-16 with an odd number of bytes (truncated?)`);
    const body = buf.subarray(2);
    const swapped = le ? body : Buffer.from(body).swap16();
    return new TextDecoder('utf-16le', { fatal: false }).decode(swapped);
  }
  const head = buf.subarray(0, 8000);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(buf);
  const invalid = text.includes('\uFFFD') && !buf.includes(Buffer.from('\uFFFD'));
  if (head.includes(0) || invalid) {
    if (looksLikeUtf16(head)) throw new UsageError(`${path}: looks like UTF-16 without a byte-order mark; save it as UTF-8 (or UTF-16 with a BOM)`);
    if (head.includes(0)) throw new UsageError(`${path}: binary file (contains NUL bytes), not an article`);
    throw new UsageError(`${path}: not valid UTF-8 (nor UTF-16 with a BOM)`);
  }
  return stripBom(text);
}

/** An article's text (BOM stripped: offsets count from after it, as the editor does). */
export function readArticleText(path: string, maxMb = DEFAULT_MAX_ARTICLE_MB): string {
  let buf: Buffer;
  try {
    const size = statSync(path).size;
    if (size > maxMb * MB) throw new UsageError(tooLargeMessage(path, size, maxMb));
    buf = readFileSync(path);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (e as Error).message}`);
  }
  return decodeArticle(path, buf);
}

/** A config file is small: one larger than this is not read. */
const MAX_CONFIG_BYTES = 1 * MB;

/**
 * The article size limit: `--max-article-mb` when given, else `maxArticleMb` from the nearest
 * `.gloss/config.yaml` above `from`, else the default.
 */
export function maxArticleMb(flag: string | undefined, from = '.'): number {
  if (flag !== undefined) {
    const mb = Number(flag);
    if (!flag.trim() || !(mb > 0) || !Number.isFinite(mb)) throw new UsageError('--max-article-mb needs a positive number of megabytes');
    return mb;
  }
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const path = join(dir, CONFIG_PATH);
    if (existsSync(path)) {
      if (statSync(path).size > MAX_CONFIG_BYTES) throw new UsageError(`${path}: larger than ${MAX_CONFIG_BYTES / MB} MB, not a config`);
      try {
        return parseGlossConfig(readFileSync(path, 'utf8')).maxArticleMb ?? DEFAULT_MAX_ARTICLE_MB;
      } catch (e) {
        if (e instanceof ConfigError) throw new UsageError(`${path}:${e.line ?? 1}: ${e.message}`);
        throw e;
      }
    }
    if (dirname(dir) === dir) return DEFAULT_MAX_ARTICLE_MB;
  }
}
