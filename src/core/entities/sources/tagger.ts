/**
 * The learned tagger's names, sentence by sentence, and the evidence a proposal of its own
 * needs before it is shown: kinds are not names, a name stops before a verb, a two-character
 * person needs a surname, the dictionary or a second mention, Latin words are never places.
 */
import { Priority, type CandidateSink, type DetectContext } from '../candidates';
import { FACILITIES, GENERIC_INSTITUTIONS, TEAM_CUES_BEFORE, LATIN_STOP, PRODUCT_CUES_AFTER, PRODUCT_CUES_BEFORE, isKindOfOrganisation, isOutletName, isOutletTitle, isSideInMatch } from '../kinds';
import { LEFT_STOP, MIDDLE_DOTS, NOT_IN_NAME, REPORTING, ROLES, isWeekday, surnameAt } from '../names';
import { cjkLengthBefore } from '../textAt';
import { spanType, tagSpansInto, type NerSpan } from '../ner';
import { UNITS_AFTER_PLACE, administrativeParts, namesTimeZone, unitBeginsWord } from '../places';
import { organisationEnd, unitStart } from './orgBounds';
import { inRegionName } from '../abbreviations';
import type { WordDictionary } from '../wordLattice';
import nameEdges from '../data/nameEdges.json';
import genericPlaces from '../data/genericPlaces.json';
import { codeTable } from '../../text/chars';

/** Whether `s[start, end)` holds one of `words` (as s.slice(start, end).includes of one of them, without the slice). */
export function includesAnyIn(s: string, start: number, end: number, words: readonly string[]): boolean {
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    for (let at = start; at + w.length <= end; at++) if (s.startsWith(w, at)) return true;
  }
  return false;
}

/** Whether one of `words` ends at `at` of `s` (as words.some((w) => s.endsWith(w, at)), without a closure per call). */
export function endsWithAny(s: string, words: readonly string[], at: number): boolean {
  for (let k = 0; k < words.length; k++) if (s.endsWith(words[k]!, at)) return true;
  return false;
}

/** Whether one of `words` starts at `at` of `s`. */
export function startsWithAny(s: string, words: readonly string[], at: number): boolean {
  for (let k = 0; k < words.length; k++) if (s.startsWith(words[k]!, at)) return true;
  return false;
}

/** Whether every code point of `s[start, end)` is in `set` (as [...s.slice(start, end)].every((c) => set.has(c))). */
export function allIn(s: string, start: number, end: number, set: ReadonlySet<string>): boolean {
  for (let i = start; i < end; ) {
    const cp = s.codePointAt(i)!;
    const width = cp > 0xffff && i + 1 < end ? 2 : 1;
    if (!set.has(width === 2 ? s.slice(i, i + 2) : s[i]!)) return false;
    i += width;
  }
  return true;
}

/**
 * A list of words with their first and last UTF-16 units in two filters of 2048 bits: the
 * questions of startsWithAny, endsWithAny and includesAnyIn, where most positions are ruled out
 * by one read (a name is asked them a few times each, with lists of up to forty words).
 */
export class WordList {
  private readonly first = new Int32Array(64);
  private readonly last = new Int32Array(64);
  /** An empty word starts and ends everywhere. */
  private readonly empty: boolean;

  constructor(readonly words: readonly string[]) {
    for (const w of words) {
      if (w.length === 0) continue;
      WordList.set(this.first, w.charCodeAt(0));
      WordList.set(this.last, w.charCodeAt(w.length - 1));
    }
    this.empty = words.some((w) => w.length === 0);
  }

  private static set(bits: Int32Array, unit: number): void {
    bits[(unit >>> 5) & 63]! |= 1 << (unit & 31);
  }

  /** (NaN, past either end, reads as unit 0: the words are compared then, as without the filter) */
  private static has(bits: Int32Array, unit: number): boolean {
    return (bits[(unit >>> 5) & 63]! & (1 << (unit & 31))) !== 0;
  }

  /** startsWithAny(s, words, at). */
  startsAt(s: string, at: number): boolean {
    if (!this.empty && !WordList.has(this.first, s.charCodeAt(at < 0 ? 0 : at))) return false;
    return startsWithAny(s, this.words, at);
  }

  /** endsWithAny(s, words, at). */
  endsAt(s: string, at: number): boolean {
    // (endsWith reads its end clamped to the string)
    const end = at > s.length ? s.length : at;
    if (!this.empty && !WordList.has(this.last, s.charCodeAt(end - 1))) return false;
    return endsWithAny(s, this.words, at);
  }

  /** includesAnyIn(s, start, end, words). */
  includedIn(s: string, start: number, end: number): boolean {
    if (this.empty || start < 0) return includesAnyIn(s, start, end, this.words);
    for (let at = start; at < end; at++) {
      if (!WordList.has(this.first, s.charCodeAt(at))) continue;
      const words = this.words;
      for (let k = 0; k < words.length; k++) if (at + words[k]!.length <= end && s.startsWith(words[k]!, at)) return true;
    }
    return false;
  }
}

/** The spans of the chunk being read (tagSpansInto), kept from one chunk to the next. */
const tagged = { spans: new Int32Array(96) };

/** Longest stretch the tagger sees at once; longer text is cut at sentence ends. */
const MAX_TAGGED = 400;

export function taggerNames(ctx: DetectContext, sink: CandidateSink): void {
  const { norm, form } = ctx;
  let from = 0;
  while (from < norm.length) {
    let to = Math.min(norm.length, from + MAX_TAGGED);
    if (to < norm.length) {
      // cut at a sentence end inside this chunk only: never scan back through the article
      const chunk = norm.slice(from, to);
      const cut = Math.max(chunk.lastIndexOf('。'), chunk.lastIndexOf('\n'));
      if (cut > 0) to = from + cut + 1;
    }
    const count = tagSpansInto(form.slice(from, to), tagged);
    // (propose tags nothing: the spans stay as written while it reads them)
    for (let k = 0; k < count; k++) propose(ctx, sink, from + tagged.spans[3 * k]!, from + tagged.spans[3 * k + 1]!, spanType(tagged.spans[3 * k + 2]!));
    from = to;
  }
}

/** What \s matches, and the middle dots, by UTF-16 unit: the edges of every span are read without a string per character. */
const SPACE = codeTable('', true);

/** What scanMarks read of the span it was last given. */
const scanned = {
  /** Title marks: 《 one each (1 << 0 per 《, up to TITLE_AROUND's 2 bits), 》 (1 << 2 per 》); TITLE_AROUND: one of each, 0: none. */
  titleMarks: 0,
  /** Whether it holds a quotation mark or a bracket other than a title's: “”「」『』【】 or ". */
  quoted: false,
  /** Its opening parentheses, ( and （, and its closing ones, ) and ）, counted by UTF-16 unit. */
  opened: 0,
  closed: 0,
  /** Where its first parenthesis is, of either kind, from the span's start; -1 if none (as s.search(/[()（）]/) of the span). */
  firstParenthesis: -1,
};
/** scanned.titleMarks of one 《 and one 》 (more of either, saturated, reads as another number). */
const TITLE_AROUND = 0b0101;

/**
 * The marks of `s[start, end)` into `scanned`: what propose asks of every span (title marks,
 * other quotation marks, parentheses) in one pass over its units, without the span as a string.
 */
function scanMarks(s: string, start: number, end: number): void {
  let title = 0;
  let quoted = false;
  let opened = 0;
  let closed = 0;
  let first = -1;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    // (none of the marks is below ", and Han characters are none of them: most units are ruled out by two tests)
    if (c < 0x22 || (c >= 0x3400 && c < 0xff08)) continue;
    if (c === 0x300a) title = (title & 0b11) === 0b11 ? title : title + 0b0001;
    else if (c === 0x300b) title = (title & 0b1100) === 0b1100 ? title : title + 0b0100;
    else if (c === 0x22 || c === 0x201c || c === 0x201d || (c >= 0x300c && c <= 0x3011)) quoted = true;
    else if (c === 0x28 || c === 0xff08) {
      opened++;
      if (first < 0) first = i - start;
    } else if (c === 0x29 || c === 0xff09) {
      closed++;
      if (first < 0) first = i - start;
    }
  }
  scanned.titleMarks = title;
  scanned.quoted = quoted;
  scanned.opened = opened;
  scanned.closed = closed;
  scanned.firstParenthesis = first;
}

/** What scanMarks reads of `s[start, end)`, as a new object (for the unit tests). */
export function marksOf(s: string, start: number, end: number): typeof scanned {
  scanMarks(s, start, end);
  return { ...scanned };
}

/** Whether `s` is one to four letters a-z and digits 0-9 (as /^[a-z0-9]{1,4}$/.test(s)). */
export function isShortLatin(s: string): boolean {
  if (s.length < 1 || s.length > 4) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isLowerLatin(c) && !(c >= 0x30 && c <= 0x39)) return false;
  }
  return true;
}

/** LATIN_STOP.has(s), for `s` not empty. */
function isLatinStop(s: string): boolean {
  return unitIs(s.charCodeAt(0), LATIN_STOP_FIRST) && LATIN_STOP.has(s);
}

function isLowerLatin(c: number): boolean {
  return c >= 0x61 && c <= 0x7a;
}

/** Whether `s` holds a letter a-z (as /[a-z]/.test(s)). */
function lowerLatinIn(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isLowerLatin(s.charCodeAt(i))) return true;
  return false;
}

/** Whether a letter a-z comes right before one A-Z in `s[start, end)` (as /[a-z][A-Z]/ tests the slice). */
function camelCaseIn(s: string, start: number, end: number): boolean {
  for (let i = start; i + 1 < end; i++) {
    const c = s.charCodeAt(i + 1);
    if (c >= 0x41 && c <= 0x5a && isLowerLatin(s.charCodeAt(i))) return true;
  }
  return false;
}

/** What a day of the week starts with (周, 星期, 礼拜): no other name is tested by isWeekday. */
const WEEKDAY_STARTS = codeTable('周星礼', false);

/** The patterns of propose and its helpers, made once (a literal in a function is a new RegExp on every call). */
const LATIN_ACRONYM = /^[a-z]{2,6}$/;
const FOUR_HAN = /^\p{Script=Han}{4}$/u;
const ALL_HAN = /^\p{Script=Han}+$/u;
const LOWER_LATIN_WORDS = /^[a-z][a-z .'-]*$/;
const LATIN_PRODUCT = /^[a-z][a-z0-9.+-]*$/;
const ADDRESS_PARTS = /[0-9国省州市县区镇乡村街]/;
const LATIN_OR_DOT = /[a-zA-Z·•]/;

/** Gatherings named after a place or a brand: 云栖大会, 维也纳会议. */
const EVENTS = ['大会', '峰会', '论坛', '博览会', '年会', '会议', '开发者大会'];
const EVENT_WORDS = new WordList(EVENTS);
/** The cue lists that propose asks at every name of a type, filtered (WordList). */
const TEAM_CUES = new WordList(TEAM_CUES_BEFORE);
const ROLE_WORDS = new WordList(ROLES);
const PRODUCT_BEFORE = new WordList(PRODUCT_CUES_BEFORE);
const PRODUCT_AFTER = new WordList(PRODUCT_CUES_AFTER);

/** Words of direction, extent and kind of place that the tagger reads as places: 东西 (things), 各地, 县城 (data/genericPlaces.json). */
const NOT_PLACES: ReadonlySet<string> = new Set(genericPlaces.places);

/** Characters that end no person's name: adverbs, prepositions, verbs of speech and authorship (data/nameEdges.json). */
const NEVER_LAST: ReadonlySet<string> = new Set(nameEdges.neverLast);
/** Verbs and prepositions written right before names that begin none (data/nameEdges.json). */
const NEVER_FIRST: ReadonlySet<string> = new Set(nameEdges.neverFirst);
/** Doubled adverbs (徐徐, 缓缓), never in a name (data/nameEdges.json). */
const DOUBLED = new WordList(nameEdges.doubledAdverbs);
/** What the adverb 曾 comes before (曾向, 曾任, 曾经): 曾 ends names too (唐师曾), so it counts only before these. */
const AFTER_ONCE = new Set([...'经向任担参多于获被在']);
/** What cannot end a four-character name after a one-character surname: function words, 来 and 去 of purpose. */
const GLUED_FOURTH = new Set([...NOT_IN_NAME, ...'来去']);

function gluedAfterName(norm: string, k: number): boolean {
  return unitIn(norm, k, NEVER_LAST_UNIT) || (norm.charCodeAt(k) === ONCE && unitIn(norm, k + 1, AFTER_ONCE_UNIT));
}
const ONCE = '曾'.charCodeAt(0);

/** Numerals: a "person" counted (大模型五小龙, 亚洲四小龙) is a nickname of a group. */
const NUMERAL_UNITS = codeTable('一二三四五六七八九十两几', false);

const FACILITY_NAMES: ReadonlySet<string> = new Set(FACILITIES);
/** FACILITIES by their last UTF-16 unit, in their order: a span's last unit rules most of them out at once. */
const FACILITIES_BY_LAST = new Map<number, string[]>();
for (const f of FACILITIES) {
  const last = f.charCodeAt(f.length - 1);
  FACILITIES_BY_LAST.set(last, [...(FACILITIES_BY_LAST.get(last) ?? []), f]);
}

/** The first of FACILITIES that `surface` ends in and is longer than (中国美术馆: 美术馆). */
function facilityEnding(surface: string): string | undefined {
  const last = surface.charCodeAt(surface.length - 1);
  if (!unitIs(last, FACILITY_LAST)) return undefined;
  const candidates = FACILITIES_BY_LAST.get(last);
  if (candidates) for (const f of candidates) if (surface.endsWith(f) && surface.length > f.length) return f;
  return undefined;
}

function propose(ctx: DetectContext, sink: CandidateSink, start: number, end: number, type: NerSpan['type']): void {
  const { norm, form, words } = ctx;
  // spaces are no part of a name: 记者 李华 (the tagger sometimes reads the space before it)
  while (start < end && SPACE[norm.charCodeAt(start)] === 1) start++;
  while (end > start && SPACE[norm.charCodeAt(end - 1)] === 1) end--;
  // nor is a middle dot at either edge: it joins the parts of a transliterated name (米拉·)
  while (end > start && MIDDLE_DOTS[norm.charCodeAt(end - 1)] === 1) end--;
  while (start < end && MIDDLE_DOTS[norm.charCodeAt(start)] === 1) start++;
  if (start === end) return;
  // the span's title marks, other quotation marks and brackets, and parentheses, in one pass.
  // Title marks only around a whole title (《黑光》, as CLUENER writes works) or not at all:
  // 《朱啸虎 and C故事》 are broken titles
  scanMarks(form, start, end);
  const marks = scanned.titleMarks === 0 ? 'none' : scanned.titleMarks === TITLE_AROUND && form.charCodeAt(start) === 0x300a && form.charCodeAt(end - 1) === 0x300b ? 'around' : 'broken';
  if (marks === 'broken' || scanned.quoted || (marks === 'around' && type !== 'work')) return;
  // an outlet's name in title marks is the outlet: 《科创板日报》
  if (marks === 'around' && isOutletTitle(norm, start + 1, end - 1)) return sink.add(start + 1, end - 1, 'org', 'model', Priority.Tagger);
  // a work written with its title marks (as CLUENER writes them) is the title inside them
  if (marks === 'around') return sink.add(start, end, 'work', 'model', Priority.Tagger, { canonical: norm.slice(start + 1, end - 1) });
  let surface = form.slice(start, end);
  // a parenthesis opened and not closed (or the reverse) is a cut, not a name: AMF(AI
  if (scanned.opened !== scanned.closed) {
    if (type !== 'person' && type !== 'place') return;
  }
  // a name ends before a parenthesis: 王一鸣(Tom Wang)
  const paren = type === 'person' || type === 'place' ? scanned.firstParenthesis : -1;
  if (paren >= 0) {
    if (type === 'work' || paren < 2) return;
    end = start + paren;
    surface = form.slice(start, end);
  }
  if (unitIs(surface.charCodeAt(surface.length - 1), INSTITUTION_LAST) && (GENERIC_INSTITUTIONS.has(surface) || FACILITY_NAMES.has(surface))) return;
  // an acronym followed by what it stands for is a term being defined: GMV(Gross Merchandise Volume)
  if ((norm.charCodeAt(end) === 0x28 || norm.charCodeAt(end) === 0xff08) && LATIN_ACRONYM.test(surface)) return;
  // a foreign name a side plays against is a team, an organisation: 输给埃因霍温 (in the
  // training sets, 93% of the names after these words are organisations)
  if (type === 'person' && surnameAt(norm, start) === 0 && TEAM_CUES.endsAt(norm, start)) type = 'org';
  if (type === 'person') {
    // the tagger sometimes takes a Latin acronym (AI, CEO) for a name: those are never its to find
    if (isShortLatin(surface) || isLatinStop(surface)) return;
    // nor is a camel-case word a person's name (ChatJD; a norm that lower-cases to itself has no capital)
    if (form !== norm && camelCaseIn(norm, start, end)) return;
    const cutStart = start;
    const cutEnd = end;
    // a name stops before an adverb or a preposition the tagger glued to it: 王超曾向 → 王超
    while (end - start > 2 && gluedAfterName(norm, end - 1)) end--;
    // nor does it begin with a verb or a preposition the tagger glued before it: 问拉埃 → 拉埃
    if (end - start > 2 && unitIn(norm, start, NEVER_FIRST_UNIT)) start++;
    // after a one-character surname a Chinese name has at most two more: a fourth character
    // that cannot be in a name is the next word's (许主洪来领导 → 许主洪)
    if (end - start === 4 && surnameAt(norm, start) === 1 && FOUR_HAN.test(norm.slice(start, end)) && unitIn(norm, end - 1, GLUED_FOURTH_UNIT)) end--;
    // a transliterated name does not end in an adverb of time glued to it: 克林顿刚上任 → 克林顿
    if (end - start > 3 && surnameAt(norm, start) === 0 && unitIn(norm, end - 2, TRANSLITERATION_UNIT) && unitIn(norm, end - 1, ADVERB_AFTER_UNIT)) end--;
    if (start !== cutStart || end !== cutEnd) surface = form.slice(start, end);
    if (NUMERAL_UNITS[norm.charCodeAt(start - 1)] === 1 || NUMERAL_UNITS[norm.charCodeAt(start)] === 1) return;
    if (isSaying(norm, start, end, words)) return;
    // nor is a doubled adverb in a name: 徐徐张口 (slowly opening) is no one
    if (DOUBLED.includedIn(norm, start, end)) return;
    // a day of the week is a date, whatever its first character: 周三 (Wednesday), not a 周
    if (WEEKDAY_STARTS[surface.charCodeAt(0)] === 1 && isWeekday(surface)) return;
  }
  // a Latin word written all in lower case (panda, wallace) is rarely a person or a place;
  // organisations and works often are (games, teams, brands)
  if ((type === 'person' || type === 'place') && isLowerLatin(surface.charCodeAt(0)) && LOWER_LATIN_WORDS.test(surface) && surface.length === end - start && norm.startsWith(surface, start)) return;
  if (type === 'org') {
    // a unit cut off from the body it belongs to, a name run into the next word
    start = unitStart(norm, start, end, words);
    end = organisationEnd(norm, start, end);
    surface = form.slice(start, end);
  }
  if (end - start < 2 && type !== 'place') return;
  if (type === 'org' && (isLatinStop(surface) || isKindOfOrganisation(norm.slice(start, end), (w) => isKnownPlace(ctx, w)))) return;
  // a building or a venue is a place one can be at: 中国美术馆, 首都机场 (but not 博物馆 alone)
  const facility = facilityEnding(surface);
  if (facility) {
    // a preposition or a verb glued before it is no part of its name: 向|纪念馆, 在|某某博物馆
    let from = start;
    while (from < end && LEFT_STOP.has(norm[from]!)) from++;
    if (end - from <= facility.length) return;
    return sink.add(from, end, 'place', 'model', Priority.Tagger);
  }
  if (type === 'place') {
    // Latin names the tagger calls places are products and terms (PolarDB, Gross Merchandise Volume)
    if (lowerLatinIn(surface) || (unitIs(surface.charCodeAt(surface.length - 1), NOT_PLACE_LAST) && NOT_PLACES.has(surface)) || namesTimeZone(norm, end)) return;
    // a place's name as a side in a match names the side: 某城vs某港, 某国客场
    if (isSideInMatch(norm, start, end)) return sink.add(start, end, 'org', 'model', Priority.Tagger);
    // a transliterated name right after a person's role is the person: 党主席|阿某某亚
    if (ROLE_WORDS.endsAt(norm, start) && allIn(surface, 0, surface.length, TRANSLITERATION)) return sink.add(start, end, 'person', 'model', Priority.Tagger);
    // 欧 and 美 in 欧美 (the West) are one region, not two places
    if (end - start === 1 && inRegionName(norm, start)) return;
    // a name before an event that is no place anyone knows names the event: 云栖|大会 (not 维也纳|会议)
    if (EVENT_WORDS.startsAt(norm, end) && words?.has(norm.slice(start, end), 'place') !== true && !isKnownPlace(ctx, surface)) return;
    end = withUnitAfter(norm, start, end);
    const weak = !placeEvidence(norm, start, end, words);
    for (const [a, b] of administrativeParts(norm, start, end)) {
      sink.addName(a, b, 'place', 'model', Priority.Tagger, undefined, false, weak);
      // a known place first and another place after it: the second is a place of its own where
      // the known one wins (安徽|巢湖: the tagger read one place)
      const rest = placeAfterKnownPlace(ctx, a, b);
      if (rest > a) sink.addName(rest, b, 'place', 'model', Priority.Tagger, undefined, false, weak);
    }
    return;
  }
  // a newspaper the tagger calls a work is an outlet: 北京商报
  if (type === 'work' && isOutletName(norm.slice(start, end))) return sink.add(start, end, 'org', 'model', Priority.Tagger);
  // a Latin name after the kind of product it is: 数据库PolarDB, 大模型Kimi
  if ((type === 'work' || type === 'org') && isLowerLatin(surface.charCodeAt(0)) && LATIN_PRODUCT.test(surface)) {
    if (PRODUCT_BEFORE.endsAt(norm, start)) return sink.add(start, end, 'product', 'model', Priority.Tagger);
    if (PRODUCT_AFTER.startsAt(norm, end)) {
      // a Latin word with Chinese glued on both sides is one word of a longer mixed name
      // (通用Latin实例 is the product): its Latin part alone is no name
      if (cjkLengthBefore(norm, start) && !LEFT_STOP.has(norm[start - 1]!)) return;
      return sink.add(start, end, 'product', 'model', Priority.Tagger);
    }
  }
  const country = type === 'person' ? placeBeforeForeignName(norm, start, end, words) : 0;
  if (country) {
    // a player's country before the name, as sports results write them (智利某某斯): two names
    sink.add(start, country, 'place', 'model', Priority.Tagger);
    sink.add(country, end, 'person', 'model', Priority.Tagger);
    return;
  }
  const second = type === 'person' ? secondNameAt(norm, start, end, words) : 0;
  if (second) {
    // two names side by side (记者甲乙丙丁): each one a person
    sink.add(start, second, type, 'model', Priority.Tagger);
    sink.add(second, end, type, 'model', Priority.Tagger);
    return;
  }
  sink.addName(start, end, type, 'model', Priority.Tagger, undefined, false, type === 'person' && !personEvidence(norm, start, end, words));
}

/**
 * Where a second Chinese name begins in a "person" of four or five characters the tagger read
 * as one (王甲李乙, 张甲乙李丙): a one-character surname at the start and another two or three
 * characters on, both names of two or three characters; 0 if there is none. Names of foreign
 * people spelled in transliteration characters are one name (莫亚桑切斯).
 */
function secondNameAt(norm: string, start: number, end: number, words: WordDictionary | undefined): number {
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

/** Adverbs written right after a name, which a transliterated name never ends in. */
const ADVERB_AFTER_NAME = new Set([...'刚连才']);

/**
 * Whether a "person" the tagger proposed is a saying: four characters the dictionary knows as
 * a whole, shaped as two names side by side (a one-character surname, then another two on:
 * 张冠李戴, 张三李四). Two names would not be in the dictionary as one, and one name after a
 * one-character surname has at most three characters.
 */
function isSaying(norm: string, start: number, end: number, words: WordDictionary | undefined): boolean {
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
function placeBeforeForeignName(norm: string, start: number, end: number, words: WordDictionary | undefined): number {
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
function withUnitAfter(norm: string, start: number, end: number): number {
  if (end - start >= 3 && unitBeginsWord(norm, end - 1)) return end - 1;
  if (end >= norm.length || !UNITS_AFTER_PLACE.has(norm[end]!) || UNITS_AFTER_PLACE.has(norm[end - 1]!)) return end;
  if (!ALL_HAN.test(norm.slice(start, end))) return end;
  return unitBeginsWord(norm, end) ? end : end + 1;
}

/** Surnames that are more often a preposition or a conjunction before a noun: 于云计算. */
const FUNCTION_SURNAMES = new Set([...'于和向时以全万成应']);

/** Last characters of places: administrative units, streets, features of the land and water. */
const PLACE_ENDS = new Set([...'省市县区州镇乡村屯旗盟路街道巷山峰岭河江湖海洋湾岛港峡谷川原洲坡口关门城宫寺庙园站桥洞泉池塘林号场库堂台厦楼府苑侧']);
const PLACE_END_WORD_LIST = new WordList(['中心', '湿地', '景区', '酒店', '小区']);

/**
 * Whether a place the tagger proposed looks like one on its own: three characters or fewer,
 * a place's last character, or a place in the dictionary. Otherwise (千山万水行远路, a line
 * of a poem) it is weak: shown only where the article names it twice.
 */
function placeEvidence(norm: string, start: number, end: number, words: WordDictionary | undefined): boolean {
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
function placeAfterKnownPlace(ctx: DetectContext, start: number, end: number): number {
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

/** Characters that spell foreign names in Chinese, and seldom begin or end a Chinese word (data/nameEdges.json). */
const TRANSLITERATION: ReadonlySet<string> = new Set(nameEdges.transliteration);

/** What follows a person's name and nothing else's: a verb of speech, a form of address, an office. */
const PERSON_CUES_AFTER = [
  ...REPORTING, '先生', '女士', '同志', '博士', '教授', '总统', '总理', '主席', '首相', '国王', '女王', '大使', '议员', '部长', '外长', '书记',
  '委员', '院士', '老师', '师傅', '教练', '队长', '本人', '夫妇', '一家',
];
const PERSON_CUES = new WordList(PERSON_CUES_AFTER);

/**
 * Per UTF-16 unit, bits of the sets of characters that propose asks about (NEVER_LAST_UNIT …)
 * and of the last or first units of the words of the sets of words it asks about
 * (INSTITUTION_LAST …): a character is looked up with one read, not a string of it made and
 * hashed for a Set, and most spans are ruled out of a set of words by one read too (a word not
 * empty is in the set only if its last unit is the last unit of one of them). Made from the sets
 * themselves, after them; only their entries of one unit are characters (a string of one unit
 * equals no longer one).
 */
const UNIT_FLAGS = new Uint16Array(0x10000);
const NEVER_LAST_UNIT = 1 << 0;
const NEVER_FIRST_UNIT = 1 << 1;
const AFTER_ONCE_UNIT = 1 << 2;
const GLUED_FOURTH_UNIT = 1 << 3;
const TRANSLITERATION_UNIT = 1 << 4;
const ADVERB_AFTER_UNIT = 1 << 5;
const FUNCTION_SURNAME_UNIT = 1 << 6;
const PLACE_END_UNIT = 1 << 7;
const INSTITUTION_LAST = 1 << 8;
const LATIN_STOP_FIRST = 1 << 9;
const NOT_PLACE_LAST = 1 << 10;
const FACILITY_LAST = 1 << 11;
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
function unitIs(unit: number, flag: number): boolean {
  return (UNIT_FLAGS[unit]! & flag) !== 0;
}

/** Whether the character at `k` of `s` is one of the set of `flag` (as set.has(s[k]); false outside the string). */
function unitIn(s: string, k: number, flag: number): boolean {
  return (UNIT_FLAGS[s.charCodeAt(k)]! & flag) !== 0;
}
