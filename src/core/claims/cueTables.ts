/**
 * The cue word lists of claim detection (data: cues.json), typed, in Simplified script, and
 * the tables the scan reads them by (cues.ts): every scanned cue by its first UTF-16 code.
 */
import data from './cues.json';
import { BITS, HIGH, KEY, KEYS, LETTER } from './unitChars';

type CueList = keyof Omit<typeof data, '$comment'>;

export const CUES: Readonly<Record<CueList, readonly string[]>> = data;

/**
 * The lists that findCue, countCues and firstCueAt are asked about (the others are read word by
 * word where they are used): only these are scanned, and all of them in one reading of a text,
 * instead of once per cue (a sentence meets some 400 cues). The transitions and conditionals
 * are read from a unit's start (leadWords.ts' leadWordWithin): where the scan finds none of them
 * early enough, that reading is skipped.
 */
const SCANNED = [
  'ownReporting', 'hedges', 'forecasts', 'timeWords', 'eventVerbs', 'stateMarkers', 'superlatives',
  'unattributedViews', 'editorial', 'evaluative', 'metaphors', 'notes', 'firstPerson', 'normative', 'opinionVerbs', 'speechVerbs',
  'transitions', 'conditionals',
] as const satisfies readonly CueList[];
/**
 * Words scanned in the same reading that gate a search of the claims stage (a regex, an
 * indexOf, a loop over the unit) which can find nothing where none of them occurs: the speech
 * verbs (CUES' own list, above), each verb that shows (报告显示) as a list of its own (where each
 * first stands), and the fixed words of attribute()'s patterns and of the vague groups
 * (features.ts' VAGUE_GROUP): a unit read once instead of once more per search.
 */
const GATES = {
  inTheWordsOf: ['的话'],
  cites: ['援引', '引述'],
  interviewed: ['接受'],
  inTheEyesOf: ['眼中', '看来'],
  learnedFrom: ['获悉', '了解到', '得知'],
  vagueGroups: ['不少', '很多', '许多', '部分', '有些', '一些', '多数', '大多数', '有的'],
} as const;
type GateName = keyof typeof GATES;
export const LISTS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ...SCANNED.map((list) => [list, CUES[list]] as const),
  ...Object.entries(GATES),
  ...CUES.showsVerbs.map((verb, k) => [`shows${k}`, [verb]] as const),
];
if (LISTS.length > 32) throw new Error('cueTables.ts: more scanned lists than bits in a 32-bit mask');
export type ScannedName = (typeof SCANNED)[number] | GateName;

/** A scanned list as findCue and countCues take it: its bit in a scan's results, and its words. */
export interface ScannedList {
  readonly bit: number;
  readonly words: readonly string[];
}

/**
 * The scanned lists by name, taken by the callers as SCAN.hedges: a property read the engine
 * resolves once per call site, where a look-up of the name in a Map ran at every call (a
 * dozen per sentence).
 */
export const SCAN = Object.fromEntries(LISTS.map(([list, words], bit) => [list, { bit, words }])) as Readonly<Record<ScannedName, ScannedList>>;
/** Each verb that shows (CUES.showsVerbs), as a list of its own, in that list's order. */
export const SHOWS_LISTS: readonly ScannedList[] = CUES.showsVerbs.map((_, k) => (SCAN as unknown as Record<string, ScannedList>)[`shows${k}`]!);
/** The bits of SHOWS_LISTS in an answer of cueListsIn (none of them: no verb that shows in the text). */
export const SHOWS_BITS: number = SHOWS_LISTS.reduce((bits, list) => bits | (1 << list.bit), 0);

/**
 * Every scanned cue by its first UTF-16 code, flat: the cues starting with code c are entries
 * FIRST[c] .. FIRST[c + 1] - 1 of WORD (the cue), LIST (its list's bit), INDEX (its place in the
 * list) and ID (one number per cue, to count a cue found twice once). STARTS[c] has the bits of
 * the lists that have a cue starting with c, for a single-list scan.
 */
export const FIRST = new Int32Array(0x10001);
export const STARTS = new Uint32Array(0x10000);
export const entries: Array<{ word: string; bit: number; index: number }> = [];
for (const [bit, [, words]] of LISTS.entries()) words.forEach((word, index) => entries.push({ word, bit, index }));
// by first code, then in list and list order (the order the scan meets them in does not matter: first is the least index)
entries.sort((a, b) => a.word.charCodeAt(0) - b.word.charCodeAt(0) || a.bit - b.bit || a.index - b.index);
export const WORD = entries.map((e) => e.word);
export const LIST = Int32Array.from(entries, (e) => e.bit);
export const INDEX = Int32Array.from(entries, (e) => e.index);
/** Each cue's second UTF-16 code (-1 for a cue of one): most candidates fail on it, before a startsWith. */
export const SECOND = Int32Array.from(entries, (e) => (e.word.length > 1 ? e.word.charCodeAt(1) : -1));
/**
 * Whether a cue is longer than two UTF-16 units: one of one or two that starts at a code of its
 * first and has its second next (SECOND) is there, with no startsWith (most cues have two).
 */
export const LONG = Uint8Array.from(entries, (e) => (e.word.length > 2 ? 1 : 0));
for (const e of entries) STARTS[e.word.charCodeAt(0)]! |= 1 << e.bit;
{
  let k = 0;
  for (let c = 0; c <= 0x10000; c++) {
    FIRST[c] = k;
    while (k < entries.length && entries[k]!.word.charCodeAt(0) === c) k++;
  }
}
/**
 * The first two UTF-16 codes of the cues, hashed (pairHash): a scan tries the cues at a
 * character only where a cue of one character starts there or the character and the next are
 * the start of some cue's pair (about a fifth of the characters of Chinese text start a cue,
 * one in thirty starts a cue's first two). A collision only costs a try. One bit a hash (8 KB,
 * where a byte a hash took 64 KB of the data cache's 32, read at random places).
 */
export const PAIRS = new Int32Array(0x10000 >>> 5);
/** 1 where a cue of one UTF-16 unit starts (拟, 仍, 我…). */
const SINGLE = new Uint8Array(0x10000);
for (const e of entries) {
  if (e.word.length === 1) SINGLE[e.word.charCodeAt(0)] = 1;
  else {
    const h = pairHash(e.word.charCodeAt(0), e.word.charCodeAt(1));
    PAIRS[h >>> 5]! |= 1 << (h & 31);
  }
}

/**
 * unitChars' BITS with two bits of the scan: a cue starts with the code (STARTS[c] !== 0), and a
 * cue of one unit is that code (SINGLE): cuesIn reads one table per character, not three.
 */
export const CUE_START = 0x4000;
export const CUE_SINGLE = 0x8000;
export const CODE = Uint16Array.from(BITS);
if (((LETTER | HIGH | KEYS) & (CUE_START | CUE_SINGLE)) !== 0) throw new Error('cueTables.ts: a bit of the scan is one of unitChars');
for (let c = 0; c < 0x10000; c++) {
  if (STARTS[c] !== 0) CODE[c]! |= CUE_START;
  if (SINGLE[c] === 1) CODE[c]! |= CUE_SINGLE;
}

/** What a scan reads further at a unit: a cue may start there, a date, or an astral letter. */
export const RARE = CUE_START | KEY.numeral | HIGH;
/** What a scan reads further at a unit besides the cues. */
export const RARE_NOT_CUE = KEY.numeral | HIGH;
if (LETTER !== 1 << 12) throw new Error('cueTables.ts: the scan counts letters by bit 12');

export function pairHash(c: number, next: number): number {
  return (c * 31 + next) & 0xffff;
}
