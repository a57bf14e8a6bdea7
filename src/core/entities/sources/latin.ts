/** Latin names by their shape: OpenAI, MiniMax, DeepSeek, GPT-3.5. */
import { Priority, type CandidateSink, type DetectContext } from '../candidates';
import type { EntityType, Lexicon } from '../lexicon';
import { LATIN_STOP, PRODUCT_CUES_BEFORE } from '../kinds';
import { isLatinLetter, isLatinWordChar, unitOr } from '../textAt';
import { WordList } from './wordLists';
import { LATIN, startTable } from '../unitStarts';

/** The kinds of product a Latin name is written after, filtered by their last units (most acronyms follow none). */
const PRODUCT_BEFORE = new WordList(PRODUCT_CUES_BEFORE);

/** A company named by its web address: a name before .ai, .io or .com (Character.ai). */
const DOMAIN_NAME = /^[A-Z][A-Za-z0-9-]+\.(?:ai|io|com)$/;
/** A short model code, letters then digits (R1, V3): a name only before 模型 or 大模型. */
const MODEL_CODE = /^[A-Za-z]{1,2}[0-9]{1,3}$/;
/** A name and its version, written together: qwen2.5, Llama3. */
const VERSIONED = /^([A-Za-z]{3,})-?([0-9]+(?:\.[0-9]+)?[a-z]?)$/;

/** The lexicon's product whose Latin name is `name` (any case), written as the lexicon writes it. */
function knownLatinProduct(lexicon: Lexicon, name: string): string | undefined {
  const form = name.toLowerCase();
  const hit = lexicon.match(form, 0);
  if (!hit || hit.length !== form.length || hit.entry.type !== 'product' || hit.short) return undefined;
  return [hit.entry.canonical, ...hit.entry.aliases].find((a) => a.toLowerCase() === form);
}

/** Where a Latin word may start, as marks (unitStarts.ts). */
export const LATIN_UNITS = startTable(LATIN, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz');

/** An ASCII letter (isLatinLetter), searched for natively where there are no marks: most of a Chinese paragraph is none. */
const LATIN_LETTER = /[A-Za-z]/g;

/** The first ASCII letter at or after `from`, or -1 (no regular expression is left mid-search: lastIndex is set at each call). */
function nextLatinLetter(norm: string, from: number): number {
  LATIN_LETTER.lastIndex = from;
  return LATIN_LETTER.test(norm) ? LATIN_LETTER.lastIndex - 1 : -1;
}

export function latinNames({ norm, lexicon, starts }: DetectContext, sink: CandidateSink): void {
  // (each letter where a word starts, and the scan goes on after the word: without marks, one search per word)
  if (!starts) {
    for (let i = nextLatinLetter(norm, 0); i >= 0; i = nextLatinLetter(norm, i)) i = latinNameAt(norm, lexicon, i, sink);
    return;
  }
  const at = starts.lists[LATIN]!;
  for (let k = starts.from(LATIN), to = starts.to(LATIN), next = 0; k < to; k++) {
    const i = at[k]!;
    if (i >= next && isLatinLetter(norm.charCodeAt(i))) next = latinNameAt(norm, lexicon, i, sink);
  }
}

/** The name of the Latin word at i (an ASCII letter), if it is one; where the scan goes on. */
function latinNameAt(norm: string, lexicon: Lexicon, i: number, sink: CandidateSink): number {
  if (isLatinWordChar(unitOr(norm, i - 1))) return i + 1;
  let e = i;
  // what the word holds besides letters, read as it is scanned: each test below that needs a
  // digit, a dot or a dash is asked only of a word that has one
  let digit = false;
  let other = false;
  for (;;) {
    const c = unitOr(norm, e);
    if (isLatinLetter(c)) e++;
    else if (c >= 0x30 && c <= 0x39) {
      digit = true;
      e++;
    } else if ((c === 0x2d || c === 0x2e) && isLatinWordChar(unitOr(norm, e + 1))) {
      other = true;
      e++;
    } else break;
  }
  const word = norm.slice(i, e);
  // camel-case names (OpenAI, PolarDB, LangChain) and versioned products (GPT-3.5); plain
  // capitalised words and acronyms are too often ordinary English or jargon
  // four letters at least: QvQ is a face, not a name (a shaped name is three units or more)
  if ((isCamelCase(word) && word.length >= 4) || isVersionedName(word)) {
    if (isStop(word)) return Math.max(i, e - 1) + 1;
    const after = norm.slice(e, e + 3);
    // (no closures in this loop: see startsWithAny)
    const product = digit || after.startsWith('模型') || after.startsWith('大模型') || PRODUCT_BEFORE.endsAt(norm, i);
    const type: EntityType = product ? 'product' : 'org';
    sink.add(i, e, type, 'latin', Priority.LatinShape);
  } else if (mayNameOther(norm, i, word, digit, other) && !isStop(word)) {
    otherLatinName(norm, lexicon, i, e, word, digit, other, sink);
  }
  return Math.max(i, e - 1) + 1;
}

/** Whether the word is a stop word (any case): a new lower-cased string, hashed, per word asked. */
function isStop(word: string): boolean {
  return LATIN_STOP.has(word.toLowerCase());
}

/**
 * Whether otherLatinName may propose the word: only a word with a digit, a dot or a dash, or a
 * capital after a kind of product. Most words of a Chinese paragraph (CEO, AI) are none, and
 * are not asked whether they are stop words.
 */
function mayNameOther(norm: string, i: number, word: string, digit: boolean, other: boolean): boolean {
  return digit || other || (word.length >= 2 && isUpper(word.charCodeAt(0)) && PRODUCT_BEFORE.endsAt(norm, i));
}

/**
 * /^[A-Z][a-z0-9]*[A-Z]/.test(word) && /[a-z]/.test(word) by unit (a word of letters, digits,
 * dots and dashes): most words of a Chinese paragraph are acronyms or ordinary words, and the
 * two expressions (with the two below) were most of what a word cost.
 */
export function isCamelCase(word: string): boolean {
  if (!isUpper(word.charCodeAt(0))) return false;
  let k = 1;
  while (k < word.length && (isLower(word.charCodeAt(k)) || isDigit(word.charCodeAt(k)))) k++;
  if (!isUpper(word.charCodeAt(k))) return false;
  for (let j = 1; j < word.length; j++) if (isLower(word.charCodeAt(j))) return true;
  return false;
}

/**
 * /^[A-Z][A-Za-z]+-?[0-9]/.test(word) && !/^Q[0-9]/.test(word) by unit: the letters after the
 * first run as far as they go (a shorter run is followed by a letter, neither a dash nor a digit).
 */
export function isVersionedName(word: string): boolean {
  const first = word.charCodeAt(0);
  if (!isUpper(first)) return false;
  let k = 1;
  while (k < word.length && isLatinLetter(word.charCodeAt(k))) k++;
  if (k < 2) return false;
  if (word.charCodeAt(k) === 0x2d) k++;
  return isDigit(word.charCodeAt(k)) && !(first === 0x51 && isDigit(word.charCodeAt(1)));
}

function isUpper(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}

function isLower(c: number): boolean {
  return c >= 0x61 && c <= 0x7a;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * Latin names that their shape alone does not show: a plain word or an acronym after the
 * kind of product it is (产品Glow, 机器学习PAI), a company's web address (Superfocus.ai), a
 * model's code before 模型 (R1模型), a known product with its version (qwen2.5). `digit`: the
 * word holds a digit; `other`: a dot or a dash (what each expression needs to match).
 */
function otherLatinName(norm: string, lexicon: Lexicon, i: number, e: number, word: string, digit: boolean, other: boolean, sink: CandidateSink): void {
  if (other && DOMAIN_NAME.test(word)) return sink.add(i, e, 'org', 'latin', Priority.LatinShape);
  if (digit && MODEL_CODE.test(word) && !/^Q[0-9]/i.test(word)) {
    if (norm.startsWith('模型', e) || norm.startsWith('大模型', e)) sink.add(i, e, 'product', 'latin', Priority.LatinShape);
    return;
  }
  const version = digit ? VERSIONED.exec(word) : null;
  const family = version ? knownLatinProduct(lexicon, version[1]!) : undefined;
  if (family) return sink.add(i, e, 'product', 'latin', Priority.LatinShape, { canonical: `${family}${word.slice(version![1]!.length)}` });
  // glued to what it is: 产品Glow; not a word of a longer mixed name (通用Universal实例).
  // (/^[A-Z][A-Za-z]+$|^[A-Z]{2,5}$/ of two units or more: a capital, then letters alone)
  if (!digit && !other && word.length >= 2 && isUpper(word.charCodeAt(0)) && PRODUCT_BEFORE.endsAt(norm, i)) {
    sink.add(i, e, 'product', 'latin', Priority.LatinShape);
  }
}
