/**
 * The sets of characters and words that the tagger's proposals and their evidence ask about,
 * and UNIT_FLAGS: per UTF-16 unit, which of them it belongs to (data in data/nameEdges.json
 * and data/genericPlaces.json).
 */
import { FACILITIES, GENERIC_INSTITUTIONS, LATIN_STOP } from '../kinds';
import { NOT_IN_NAME } from '../names';
import nameEdges from '../data/nameEdges.json';
import genericPlaces from '../data/genericPlaces.json';
import { unitOr } from '../textAt';

/** The patterns of the proposals and their evidence, made once (a literal in a function is a new RegExp on every call). */
export const FOUR_HAN = /^\p{Script=Han}{4}$/u;
export const ALL_HAN = /^\p{Script=Han}+$/u;

/** Words of direction, extent and kind of place that the tagger reads as places: 东西 (things), 各地, 县城 (data/genericPlaces.json). */
export const NOT_PLACES: ReadonlySet<string> = new Set(genericPlaces.places);

/** Characters that end no person's name: adverbs, prepositions, verbs of speech and authorship (data/nameEdges.json). */
export const NEVER_LAST: ReadonlySet<string> = new Set(nameEdges.neverLast);
/** Verbs and prepositions written right before names that begin none (data/nameEdges.json). */
export const NEVER_FIRST: ReadonlySet<string> = new Set(nameEdges.neverFirst);
/** What the adverb 曾 comes before (曾向, 曾任, 曾经): 曾 ends names too (唐师曾), so it counts only before these. */
export const AFTER_ONCE = new Set([...'经向任担参多于获被在']);
/** What cannot end a four-character name after a one-character surname: function words, 来 and 去 of purpose. */
export const GLUED_FOURTH = new Set([...NOT_IN_NAME, ...'来去']);

export const FACILITY_NAMES: ReadonlySet<string> = new Set(FACILITIES);

/** Adverbs written right after a name, which a transliterated name never ends in. */
export const ADVERB_AFTER_NAME = new Set([...'刚连才']);

/** Surnames that are more often a preposition or a conjunction before a noun: 于云计算. */
export const FUNCTION_SURNAMES = new Set([...'于和向时以全万成应']);

/** Last characters of places: administrative units, streets, features of the land and water. */
export const PLACE_ENDS = new Set([...'省市县区州镇乡村屯旗盟路街道巷山峰岭河江湖海洋湾岛港峡谷川原洲坡口关门城宫寺庙园站桥洞泉池塘林号场库堂台厦楼府苑侧']);

/** Characters that spell foreign names in Chinese, and seldom begin or end a Chinese word (data/nameEdges.json). */
export const TRANSLITERATION: ReadonlySet<string> = new Set(nameEdges.transliteration);

/**
 * Per UTF-16 unit, bits of the sets of characters that propose asks about (NEVER_LAST_UNIT …)
 * and of the last or first units of the words of the sets of words it asks about
 * (INSTITUTION_LAST …): a character is looked up with one read, not a string of it made and
 * hashed for a Set, and most spans are ruled out of a set of words by one read too (a word not
 * empty is in the set only if its last unit is the last unit of one of them). Made from the sets
 * themselves, after them; only their entries of one unit are characters (a string of one unit
 * equals no longer one).
 */
export const UNIT_FLAGS = new Uint16Array(0x10000);
export const NEVER_LAST_UNIT = 1 << 0;
export const NEVER_FIRST_UNIT = 1 << 1;
export const AFTER_ONCE_UNIT = 1 << 2;
export const GLUED_FOURTH_UNIT = 1 << 3;
export const TRANSLITERATION_UNIT = 1 << 4;
export const ADVERB_AFTER_UNIT = 1 << 5;
export const FUNCTION_SURNAME_UNIT = 1 << 6;
export const PLACE_END_UNIT = 1 << 7;
export const INSTITUTION_LAST = 1 << 8;
export const LATIN_STOP_FIRST = 1 << 9;
export const NOT_PLACE_LAST = 1 << 10;
export const FACILITY_LAST = 1 << 11;
for (const [set, flag] of [
  [NEVER_LAST, NEVER_LAST_UNIT], [NEVER_FIRST, NEVER_FIRST_UNIT], [AFTER_ONCE, AFTER_ONCE_UNIT], [GLUED_FOURTH, GLUED_FOURTH_UNIT],
  [TRANSLITERATION, TRANSLITERATION_UNIT], [ADVERB_AFTER_NAME, ADVERB_AFTER_UNIT], [FUNCTION_SURNAMES, FUNCTION_SURNAME_UNIT], [PLACE_ENDS, PLACE_END_UNIT],
] as const) {
  for (const ch of set) if (ch.length === 1) UNIT_FLAGS[ch.charCodeAt(0)]! |= flag;
}
for (const [words, flag, last] of [
  [GENERIC_INSTITUTIONS, INSTITUTION_LAST, true], [FACILITY_NAMES, INSTITUTION_LAST, true], [FACILITY_NAMES, FACILITY_LAST, true],
  [LATIN_STOP, LATIN_STOP_FIRST, false], [NOT_PLACES, NOT_PLACE_LAST, true],
] as const) {
  for (const w of words) if (w.length > 0) UNIT_FLAGS[w.charCodeAt(last ? w.length - 1 : 0)]! |= flag;
}

/** Whether UTF-16 unit `unit` has `flag` in UNIT_FLAGS (NaN, a unit past either end of a string, has none). */
export function unitIs(unit: number, flag: number): boolean {
  return (UNIT_FLAGS[unit]! & flag) !== 0;
}

/** Whether the character at `k` (an integer) of `s` is one of the set of `flag` (as set.has(s[k]); false outside the string). */
export function unitIn(s: string, k: number, flag: number): boolean {
  // (read within the string: see unitOr)
  return (UNIT_FLAGS[unitOr(s, k)]! & flag) !== 0;
}
