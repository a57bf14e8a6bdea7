/**
 * Reading a text for the claims' cue words, all scanned lists in one pass (cueTables.ts), and
 * the questions the features ask of one text's cues.
 */
import { HIGH, KEY, isAstralLetterAt, readUnit, unitRead, type UnitRead } from './unitChars';
import { codeTable } from '../text/chars';
import { CODE, CUE_SINGLE, CUE_START, FIRST, INDEX, LIST, LISTS, LONG, RARE, RARE_NOT_CUE, PAIRS, SECOND, STARTS, WORD, entries, pairHash, type ScannedList } from './cueTables';

export { CUES, SCAN, SHOWS_BITS, SHOWS_LISTS, type ScannedList, type ScannedName } from './cueTables';

/** Per cue, the scan that last found it (a scan's own number): a cue found again further on counts once. */
const FOUND_IN = new Int32Array(entries.length);
let scans = 0;

/**
 * Every cue the last reading (cuesRead) found, each time it occurs, in the order found (by
 * place): its entry and where it starts. A part of that text made by taking out what runs
 * between marks held (bareText.ts: quotations and titles emptied) holds the cues
 * of the text that nothing taken out touches, and only those: no cue holds a mark, so none
 * runs across one. partCues makes the part's answer from them, where a reading of the part
 * read all its units again (some 90 instructions a unit).
 */
let hitEntry = new Int32Array(256);
let hitAt = new Int32Array(256);
let hitCount = 0;
/** The text the hits are of (undefined: none kept, as for a text with more hits than MAX_HITS). */
let hitsOf: string | undefined;
/** Whether that text has date words (a part has none where the text has none). */
let hitsDated = false;
const MAX_HITS = 1 << 16;
const MARKS = '“”「」『』《》';
for (const w of entries) for (const m of MARKS) if (w.word.includes(m)) throw new Error(`cues.ts: the cue ${w.word} holds a mark (partCues takes none to run across one)`);

function addHit(k: number, i: number): void {
  if (hitCount === hitEntry.length) {
    if (hitCount >= MAX_HITS) {
      hitsOf = undefined;
      return;
    }
    const entry = new Int32Array(2 * hitCount);
    const at = new Int32Array(2 * hitCount);
    entry.set(hitEntry);
    at.set(hitAt);
    hitEntry = entry;
    hitAt = at;
  }
  hitEntry[hitCount] = k;
  hitAt[hitCount] = i;
  hitCount++;
}

/**
 * The cues found in a text, per list: the first in the list's order, and how many; and what
 * readUnit reads of it. Only the lists of `lists` have entries of this text (the others hold
 * an earlier text's: three arrays filled per text cost more than the bit read before each).
 */
interface Found {
  /** The bits of the lists with a cue in the text. */
  lists: number;
  first: Int16Array;
  count: Uint16Array;
  /** Where the first cue of each list starts (-1: none). */
  at: Int32Array;
  /** Its key bits (with the other bits of unitChars' table) and its letters. */
  bits: number;
  letters: number;
  /** Whether it has date words (features.ts' hasDateWords, read in the same reading): 1 yes, 0 no, 2 not read yet (a part's). */
  dates: number;
  /** Made by partCues: bits and letters are not read (readUnitWithCues reads the text). */
  part: boolean;
}

/**
 * The last texts read: the features of one sentence ask about a dozen lists of the same text
 * (the sentence, or its words outside quotations). A ring of slots whose arrays are reused:
 * what cuesIn returns is read at once by its callers, never kept.
 */
const RECENT = 4;
const recent: Array<{ s: string | undefined; found: Found }> = Array.from({ length: RECENT }, () => ({
  s: undefined,
  found: { lists: 0, first: new Int16Array(LISTS.length), count: new Uint16Array(LISTS.length), at: new Int32Array(LISTS.length), bits: 0, letters: 0, dates: 0, part: false },
}));
let oldest = 0;
/** The text cuesIn answered about last, and its slot's answer (a slot written over is written over with its text). */
let lastText: string | undefined;
let lastFound: Found = recent[0]!.found;

/**
 * Every scanned list's cues in `s`, in one reading of it, and what readUnit reads (the claims
 * stage asks both about each unit: one reading instead of two).
 */
function cuesIn(s: string): Found {
  // the text asked about last first: the features ask a dozen times in a row about one text
  // (a test small enough to be inlined into each caller: the call of the whole scan, with its
  // frame, cost more than the test, 9,500 times on the 20k article for 440 texts read)
  return s === lastText ? lastFound : cuesRead(s);
}

/** The oldest slot of the recent texts' answers, given to `s` (its answer to be written). */
function slotFor(s: string): Found {
  const slot = recent[oldest]!;
  oldest = (oldest + 1) % RECENT;
  slot.s = s;
  return slot.found;
}

/**
 * Notes entry k, found at `place` (not yet found in this reading), in `found`, whose lists with
 * a cue so far are `lists`; returns those with it. The first found of a list is found at its
 * first place: places only grow.
 */
function noteCue(found: Found, lists: number, k: number, place: number): number {
  const bit = LIST[k]!;
  const mask = 1 << bit;
  if ((lists & mask) === 0) {
    found.count[bit] = 1;
    found.at[bit] = place;
    found.first[bit] = INDEX[k]!;
    return lists | mask;
  }
  found.count[bit]!++;
  if (INDEX[k]! < found.first[bit]!) found.first[bit] = INDEX[k]!;
  return lists;
}

/** cuesIn(s) of a text other than the last: found among the last texts read, or read now. */
function cuesRead(s: string): Found {
  const found = recentFound(s);
  if (found !== undefined) return found;
  // (the text's codes into a scratch array, for the scan: the claims stage gives each unit's own, see readUnitWithCuesAt)
  if (SCRATCH_CODES.length < s.length) SCRATCH_CODES = new Uint16Array(Math.max(s.length, 2 * SCRATCH_CODES.length));
  const codes = SCRATCH_CODES;
  for (let i = 0; i < s.length; i++) codes[i] = s.charCodeAt(i);
  return scanCodes(s, codes, 0);
}
let SCRATCH_CODES = new Uint16Array(256);

/** The answer kept for `s` among the last texts read (it becomes the last), if any. */
function recentFound(s: string): Found | undefined {
  for (let r = 0; r < RECENT; r++) {
    if (recent[r]!.s === s) {
      lastText = s;
      return (lastFound = recent[r]!.found);
    }
  }
  return undefined;
}

/** What the last runEnd read: the bits of its units (the one it stopped at too) and its letters. */
let runBits = 0;
let runLetters = 0;

/**
 * Where the run of units from `j` ends: the first unit at or after it that may start a cue, a
 * date or an astral letter (end where none does), its bits and letters in runBits and runLetters.
 * A function of its own, with few values live: inside scanCodes the compiled loop kept its
 * counters on the stack, some 45 instructions a unit (callgrind: the scan 1.58M instructions a
 * 20k round, 1.37M this way).
 */
function runEnd(codes: Uint16Array, j: number, end: number): number {
  let bits = 0;
  let letters = 0;
  // (LETTER is bit 12: counted without a branch, as most units are letters)
  for (; j < end; j++) {
    const c = codes[j]!;
    const b = CODE[c]!;
    bits |= b;
    letters += (b >>> 12) & 1;
    if ((b & RARE) === 0) continue;
    // a cue of two or more units starts only where its first two do (a fifth of the units start a cue, one in thirty its pair)
    if ((b & (RARE_NOT_CUE | CUE_SINGLE)) !== 0) break;
    const h = pairHash(c, j + 1 < end ? codes[j + 1]! : -2);
    if (((PAIRS[h >>> 5]! >>> (h & 31)) & 1) !== 0) break;
  }
  runBits = bits;
  runLetters = letters;
  return j;
}

/**
 * Reads `s` (whose UTF-16 codes are codes[base] .. codes[base + s.length - 1]) into the oldest
 * slot. The codes are read from a typed array, not the string: at each charCodeAt of a string
 * the engine tells its kind again (sequential or not, one byte or two), and the scan reads every
 * character of every unit.
 */
function scanCodes(s: string, codes: Uint16Array, base: number): Found {
  const found = slotFor(s);
  const scan = ++scans;
  const end = base + s.length;
  let lists = 0;
  let bits = 0;
  let letters = 0;
  let dates = false;
  // (j: the place in codes; j - base the place in s)
  let j = base;
  hitCount = 0;
  hitsOf = s;
  for (;;) {
    // the run of units up to the next that may start a cue, a date or an astral letter (most units)
    j = runEnd(codes, j, end);
    bits |= runBits;
    letters += runLetters;
    if (j >= end) break;
    const c = codes[j]!;
    const b = CODE[c]!;
    const i = j - base;
    if (b & KEY.numeral && !dates) dates = dateAt(s, i, c);
    // (a low half, skipped with its pair, starts no cue: every cue starts in the BMP)
    if (b & HIGH && isAstralLetterAt(s, i)) letters++;
    if ((b & CUE_START) !== 0) {
      const next = j + 1 < end ? codes[j + 1]! : -2;
      for (let k = FIRST[c]!, last = FIRST[c + 1]!; k < last; k++) {
        if ((SECOND[k] !== -1 && SECOND[k] !== next) || (LONG[k] === 1 && !s.startsWith(WORD[k]!, i))) continue;
        // (every time it occurs: a part of the text may hold only a later one)
        addHit(k, i);
        if (FOUND_IN[k] === scan) continue;
        FOUND_IN[k] = scan;
        lists = noteCue(found, lists, k, i);
      }
    }
    j++;
  }
  found.lists = lists;
  found.bits = bits;
  found.letters = letters;
  found.dates = dates ? 1 : 0;
  found.part = false;
  hitsDated = dates;
  lastText = s;
  return (lastFound = found);
}

/**
 * Notes the cues of `part`, made from `whole` by taking out the units of `cuts` ([from, to)
 * pairs of offsets into whole, sorted, apart), each mark left in place or written over by
 * another mark (bareText.ts): from the hits of whole's reading, where whole was the
 * text read last; otherwise nothing is noted, and part is read when it is asked about.
 */
export function partCues(part: string, whole: string, cuts: Int32Array, cutCount: number): void {
  if (hitsOf !== whole || part === whole) return;
  for (let r = 0; r < RECENT; r++) if (recent[r]!.s === part) return;
  const found = slotFor(part);
  const scan = ++scans;
  let lists = 0;
  let c = 0;
  let removed = 0;
  for (let h = 0; h < hitCount; h++) {
    const k = hitEntry[h]!;
    const i = hitAt[h]!;
    // the cuts wholly before the cue: what they took out comes off its place
    while (c < cutCount && cuts[2 * c + 1]! <= i) {
      removed += cuts[2 * c + 1]! - cuts[2 * c]!;
      c++;
    }
    // (the next cut ends after the cue starts: one that starts before it ends takes part of it out)
    if ((c < cutCount && cuts[2 * c]! < i + WORD[k]!.length) || FOUND_IN[k] === scan) continue;
    FOUND_IN[k] = scan;
    lists = noteCue(found, lists, k, i - removed);
  }
  found.lists = lists;
  found.bits = 0;
  found.letters = 0;
  // (a date of the part is one of the whole: read only where the whole has one, and only when asked)
  found.dates = hitsDated ? 2 : 0;
  found.part = true;
  lastText = part;
  lastFound = found;
}

/** Whether `s` has date words, as cuesRead reads them. */
function datesIn(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((CODE[c]! & KEY.numeral) !== 0 && dateAt(s, i, c)) return true;
  }
  return false;
}

/** The date units 年月日号 (what may follow a numeral and spaces in a date). */
const DATE_UNITS = codeTable('年月日号', false);
/** What \s matches. */
const SPACE = codeTable('', true);

/**
 * At a numeral `c` (KEY.numeral: 0–9, 一…十) at `i`: whether a date starts there, as features.ts'
 * hasDateWords reads one (20 or 19 and two digits, or the numeral, spaces and a date unit).
 */
function dateAt(s: string, i: number, c: number): boolean {
  if ((c === 0x32 || c === 0x31) && i + 3 < s.length && s.charCodeAt(i + 1) === (c === 0x32 ? 0x30 : 0x39) && isDigit(s.charCodeAt(i + 2)) && isDigit(s.charCodeAt(i + 3))) return true;
  let j = i + 1;
  while (j < s.length && SPACE[s.charCodeAt(j)] === 1) j++;
  return j < s.length && DATE_UNITS[s.charCodeAt(j)] === 1;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * features.ts' hasDateWords(s), from the cue scan of `s` (made now, or found among the last texts
 * read): the features ask about cues of the same text, so the date words cost no reading of their own.
 */
export function hasDateWordsIn(s: string): boolean {
  const found = cuesIn(s);
  if (found.dates === 2) found.dates = datesIn(s) ? 1 : 0;
  return found.dates === 1;
}

/** readUnit(s), from the cue scan of `s` (made now, or found among the last texts read). Written over by the next call. */
export function readUnitWithCues(s: string): UnitRead {
  const found = cuesIn(s);
  return found.part ? readUnit(s) : unitRead(found.bits, found.letters);
}

/**
 * readUnitWithCues(s), where codes[base] .. codes[base + s.length - 1] are the UTF-16 codes of
 * `s` (the claims stage has its paragraph's codes: see codes.ts), read from there if `s` is read now.
 */
export function readUnitWithCuesAt(s: string, codes: Uint16Array, base: number): UnitRead {
  const found = s === lastText ? lastFound : (recentFound(s) ?? scanCodes(s, codes, base));
  return found.part ? readUnit(s) : unitRead(found.bits, found.letters);
}

/** The first cue of one list in `s` (its least index), reading only that list's cues. */
function firstOfList(s: string, bit: number): number {
  const mask = 1 << bit;
  let first = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((STARTS[c]! & mask) === 0) continue;
    for (let k = FIRST[c]!, end = FIRST[c + 1]!; k < end; k++) {
      if (LIST[k] !== bit || (first >= 0 && INDEX[k]! >= first) || !s.startsWith(WORD[k]!, i)) continue;
      first = INDEX[k]!;
    }
  }
  return first;
}

/** The first cue of a list (in the list's order) that occurs in `s`, if any. */
export function findCue(s: string, list: ScannedList): string | undefined {
  const found = cuesIn(s);
  return (found.lists & (1 << list.bit)) === 0 ? undefined : list.words[found.first[list.bit]!];
}

/**
 * findCue for a text asked about one or two lists only (a part or a variant of a sentence
 * already read): that list's cues alone are read, unless the text was read whole just before.
 */
export function findCueOnce(s: string, list: ScannedList): string | undefined {
  const bit = list.bit;
  for (let r = 0; r < RECENT; r++) {
    if (recent[r]!.s !== s) continue;
    const found = recent[r]!.found;
    return (found.lists & (1 << bit)) === 0 ? undefined : list.words[found.first[bit]!];
  }
  return cueAt(list, firstOfList(s, bit));
}

function cueAt(list: ScannedList, i: number): string | undefined {
  return i < 0 ? undefined : list.words[i];
}

/** Where the first cue of a list (the first in `s`, whichever it is in the list) starts in `s`, -1 where none occurs. */
export function firstCueAt(s: string, list: ScannedList): number {
  const found = cuesIn(s);
  return (found.lists & (1 << list.bit)) === 0 ? -1 : found.at[list.bit]!;
}

/**
 * The bits (1 << list.bit) of the scanned lists with a cue in `s`, for a caller that asks about
 * many lists of one text (attribute() asks about a dozen): one look-up of the text's scan, where
 * each question looked it up again.
 */
export function cueListsIn(s: string): number {
  return cuesIn(s).lists;
}

/** Whether `lists` (an answer of cueListsIn) has a cue of `list`. */
export function hasCueOf(lists: number, list: ScannedList): boolean {
  return (lists & (1 << list.bit)) !== 0;
}

/** firstCueAt(s, lists[k]) into places[k], for each k: the text's scan looked up once. */
export function firstCuesAt(s: string, lists: readonly ScannedList[], places: Int32Array): void {
  const found = cuesIn(s);
  for (let k = 0; k < lists.length; k++) {
    const bit = lists[k]!.bit;
    places[k] = (found.lists & (1 << bit)) === 0 ? -1 : found.at[bit]!;
  }
}

/** How many cues of a list occur in `s`. */
export function countCues(s: string, list: ScannedList): number {
  const found = cuesIn(s);
  return (found.lists & (1 << list.bit)) === 0 ? 0 : found.count[list.bit]!;
}
