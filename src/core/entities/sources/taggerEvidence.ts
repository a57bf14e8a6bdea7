/**
 * What the tagger's proposals ask of the text around a name before it is shown: whether a
 * person or a place looks like one on its own, two names read as one, a place and a foreign
 * name read as one, an administrative unit taken in or left out.
 */
import type { DetectContext } from '../candidates';
import { REPORTING, surnameAt } from '../names';
import { unitAfterPlaceAt, unitBeginsWord } from '../places';
import type { WordDictionary } from '../wordLattice';
import { allIn, WordList } from './wordLists';
import { ALL_HAN, FOUR_HAN, FUNCTION_SURNAMES, FUNCTION_SURNAME_UNIT, GLUED_FOURTH, PLACE_END_UNIT, TRANSLITERATION, TRANSLITERATION_UNIT, unitIn } from './taggerSets';

const ADDRESS_PARTS = /[0-9国省州市县区镇乡村街]/;
const LATIN_OR_DOT = /[a-zA-Z·•]/;

/**
 * Where a second Chinese name begins in a "person" of four or five characters the tagger read
 * as one (王甲李乙, 张甲乙李丙): a one-character surname at the start and another two or three
 * characters on, both names of two or three characters; 0 if there is none. Names of foreign
 * people spelled in transliteration characters are one name (莫亚桑切斯).
 */
export function secondNameAt(norm: string, start: number, end: number, words: WordDictionary | undefined): number {
  const n = end - start;
  if (n !== 4 && n !== 5) return 0;
  const name = norm.slice(start, end);
  if (!ALL_HAN.test(name) || surnameAt(norm, start) !== 1 || FUNCTION_SURNAMES.has(name[0]!)) return 0;
  if ([...name].filter((c) => TRANSLITERATION.has(c)).length >= 3) return 0;
  // a whole the dictionary knows is one word or one name (张冠李戴); a place is no name (智利)
  if (words && (['word', 'place', 'org', 'person'] as const).some((c) => words.has(name, c))) return 0;
  const place = (w: string) => words !== undefined && (words.has(w, 'place') || words.has(w, 'org'));
  for (const k of n === 4 ? AFTER_TWO : AFTER_THREE_OR_TWO) {
    if (surnameAt(norm, start + k) !== 1 || FUNCTION_SURNAMES.has(name[k]!) || GLUED_FOURTH.has(name[n - 1]!)) continue;
    if (place(name.slice(0, k)) || place(name.slice(k))) return 0;
    return start + k;
  }
  return 0;
}

const AFTER_TWO = [2];
const AFTER_THREE_OR_TWO = [3, 2];

/**
 * Whether a "person" the tagger proposed is a saying: four characters the dictionary knows as
 * a whole, shaped as two names side by side (a one-character surname, then another two on:
 * 张冠李戴, 张三李四). Two names would not be in the dictionary as one, and one name after a
 * one-character surname has at most three characters.
 */
export function isSaying(norm: string, start: number, end: number, words: WordDictionary | undefined): boolean {
  // (the name sliced only when it has four units: most have not)
  if (end - start !== 4 || words === undefined) return false;
  const name = norm.slice(start, end);
  if (!FOUR_HAN.test(name)) return false;
  if (surnameAt(norm, start) !== 1 || surnameAt(norm, start + 2) !== 1) return false;
  if ([...name].filter((c) => TRANSLITERATION.has(c)).length >= 3) return false;
  return (['word', 'person'] as const).some((c) => words.has(name, c));
}

/**
 * Where a transliterated name begins after a place the dictionary knows that the tagger read
 * into it (智利|萨拉斯, 墨西哥|埃尔南德斯); 0 if it does not. The rest must spell a foreign name
 * on its own: at least two characters, all of them transliteration characters; and the place
 * must not be spelled in them alone, or it could be the name's beginning (罗马里奥 is one name).
 */
export function placeBeforeForeignName(norm: string, start: number, end: number, words: WordDictionary | undefined): number {
  // (the rest and the place read in norm, sliced only when the rest spells a foreign name)
  if (!words || end - start < 4 || !ALL_HAN.test(norm.slice(start, end))) return 0;
  for (const k of AFTER_THREE_OR_TWO) {
    if (end - start - k < 2 || !allIn(norm, start + k, end, TRANSLITERATION)) continue;
    if (allIn(norm, start, start + k, TRANSLITERATION)) continue;
    const place = norm.slice(start, start + k);
    if (words.has(place, 'place') && !words.has(norm.slice(start, end), 'person')) return start + k;
  }
  return 0;
}

/**
 * The end of a place the tagger read, its administrative unit taken in or left out as news
 * sets write it: 房山|区 → 房山区 (in all four training sets, the unit after a labelled place
 * is outside it under 10% of the time, and then it begins a word), 上海市|区 → 上海 (市区).
 * A place that ends in a unit takes no second one (北京市|区).
 */
export function withUnitAfter(norm: string, start: number, end: number): number {
  if (end - start >= 3 && unitBeginsWord(norm, end - 1)) return end - 1;
  if (end >= norm.length || !unitAfterPlaceAt(norm, end) || unitAfterPlaceAt(norm, end - 1)) return end;
  if (!ALL_HAN.test(norm.slice(start, end))) return end;
  return unitBeginsWord(norm, end) ? end : end + 1;
}

const PLACE_END_WORD_LIST = new WordList(['中心', '湿地', '景区', '酒店', '小区']);

/**
 * Whether a place the tagger proposed looks like one on its own: three characters or fewer,
 * a place's last character, or a place in the dictionary. Otherwise (千山万水行远路, a line
 * of a poem) it is weak: shown only where the article names it twice.
 */
export function placeEvidence(norm: string, start: number, end: number, words: WordDictionary | undefined): boolean {
  const name = norm.slice(start, end);
  if (end - start <= 3 || words?.has(name, 'place') === true) return true;
  const ending = unitIn(norm, end - 1, PLACE_END_UNIT) || PLACE_END_WORD_LIST.endsAt(name, name.length);
  // a long one is an address: a unit or a number on the way (not 千山万水行远路, a line of verse)
  return ending && (end - start < LONG_PLACE || ADDRESS_PARTS.test(name.slice(0, -1)));
}
const LONG_PLACE = 7;

/**
 * Where a second place begins in a place the tagger read that begins with a place the lexicon
 * knows (安徽 + 巢湖), or `start` if it does not: the rest is two characters or more and a
 * place the dictionary or the lexicon knows.
 */
export function placeAfterKnownPlace(ctx: DetectContext, start: number, end: number): number {
  const hit = ctx.lexicon.match(ctx.form, start);
  if (!hit || hit.entry.type !== 'place' || hit.length > end - start - 2) return start;
  const rest = ctx.norm.slice(start + hit.length, end);
  return ctx.words?.has(rest, 'place') === true || isKnownPlace(ctx, rest) ? start + hit.length : start;
}

/** Whether the lexicon knows `word` (Simplified) as a place: 美国, 硅谷. */
export function isKnownPlace({ lexicon }: DetectContext, word: string): boolean {
  const hit = lexicon.match(word, 0);
  return hit !== undefined && hit.length === word.length && hit.entry.type === 'place';
}

/**
 * Whether a person the tagger proposed looks like one on its own: three characters or more,
 * a surname first, a name the dictionary knows, or a transliterated or Latin name. Without
 * it the name is weak: shown only where the article names it twice (逢华 in a saying is not).
 */
export function personEvidence(norm: string, start: number, end: number, words: WordDictionary | undefined): boolean {
  const name = norm.slice(start, end);
  if (end - start > 2 || LATIN_OR_DOT.test(name)) return true;
  // a word runs on from the name's last character (于云 in 于云计算), or into its first (王师 in
  // 帝王师; the dictionary lists 帝王 among persons' names, and a name does not run into a name)
  if (words?.crosses(norm, end, 3) || words?.crosses(norm, start, 2, true)) return false;
  if (surnameAt(norm, start) > 0 && !unitIn(norm, start, FUNCTION_SURNAME_UNIT)) return true;
  if (PERSON_CUES.startsAt(norm, end)) return true;
  // both characters are ones that spell foreign names (贝利, 哈利, 普京)
  // (name[1] is none of them where the name has one unit)
  if (end - start === 2 && unitIn(norm, start, TRANSLITERATION_UNIT) && unitIn(norm, start + 1, TRANSLITERATION_UNIT)) return true;
  return words?.has(name, 'person') === true;
}

/** What follows a person's name and nothing else's: a verb of speech, a form of address, an office. */
const PERSON_CUES_AFTER = [
  ...REPORTING, '先生', '女士', '同志', '博士', '教授', '总统', '总理', '主席', '首相', '国王', '女王', '大使', '议员', '部长', '外长', '书记',
  '委员', '院士', '老师', '师傅', '教练', '队长', '本人', '夫妇', '一家',
];
const PERSON_CUES = new WordList(PERSON_CUES_AFTER);
