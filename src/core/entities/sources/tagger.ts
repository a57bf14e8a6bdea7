/**
 * The learned tagger's names, sentence by sentence, and the evidence a proposal of its own
 * needs before it is shown: kinds are not names, a name stops before a verb, a two-character
 * person needs a surname, the dictionary or a second mention, Latin words are never places.
 * What they ask of the text around a name is in taggerEvidence.ts, the sets of characters and
 * words they ask about in taggerSets.ts.
 */
import { Priority, type CandidateSink, type DetectContext } from '../candidates';
import { FACILITIES, GENERIC_INSTITUTIONS, TEAM_CUES_BEFORE, LATIN_STOP, PRODUCT_CUES_AFTER, PRODUCT_CUES_BEFORE, isKindOfOrganisation, isOutletName, isOutletTitle, isSideInMatch } from '../kinds';
import { LEFT_STOP, MIDDLE_DOTS, ROLES, isWeekday, surnameAt } from '../names';
import { cjkLengthBefore, unitOr } from '../textAt';
import { spanType, tagSpansInto, type NerSpan } from '../ner';
import { administrativePartEnd, isStreetAddressAt, namesTimeZone } from '../places';
import { organisationEnd, unitStart } from './orgBounds';
import { inRegionName } from '../abbreviations';
import nameEdges from '../data/nameEdges.json';
import { codeTable } from '../../text/chars';
import { WordList, allIn } from './wordLists';
import { FACILITY_LAST, FACILITY_NAMES, FOUR_HAN, GLUED_FOURTH_UNIT, INSTITUTION_LAST, LATIN_STOP_FIRST, NEVER_FIRST_UNIT, NOT_PLACES, NOT_PLACE_LAST, TRANSLITERATION, TRANSLITERATION_UNIT, ADVERB_AFTER_UNIT, NEVER_LAST_UNIT, AFTER_ONCE_UNIT, unitIn, unitIs } from './taggerSets';
import { isKnownPlace, isSaying, personEvidence, placeAfterKnownPlace, placeBeforeForeignName, placeEvidence, secondNameAt, withUnitAfter } from './taggerEvidence';

// (where the other sources and the tests read them)
export { isKnownPlace, personEvidence } from './taggerEvidence';

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

/** The patterns of propose, made once (a literal in a function is a new RegExp on every call). */
const LATIN_ACRONYM = /^[a-z]{2,6}$/;
const LOWER_LATIN_WORDS = /^[a-z][a-z .'-]*$/;
const LATIN_PRODUCT = /^[a-z][a-z0-9.+-]*$/;

/** Gatherings named after a place or a brand: 云栖大会, 维也纳会议. */
const EVENTS = ['大会', '峰会', '论坛', '博览会', '年会', '会议', '开发者大会'];
const EVENT_WORDS = new WordList(EVENTS);
/** The cue lists that propose asks at every name of a type, filtered (WordList). */
const TEAM_CUES = new WordList(TEAM_CUES_BEFORE);
const ROLE_WORDS = new WordList(ROLES);
const PRODUCT_BEFORE = new WordList(PRODUCT_CUES_BEFORE);
const PRODUCT_AFTER = new WordList(PRODUCT_CUES_AFTER);

/** Doubled adverbs (徐徐, 缓缓), never in a name (data/nameEdges.json). */
const DOUBLED = new WordList(nameEdges.doubledAdverbs);

function gluedAfterName(norm: string, k: number): boolean {
  return unitIn(norm, k, NEVER_LAST_UNIT) || (norm.charCodeAt(k) === ONCE && unitIn(norm, k + 1, AFTER_ONCE_UNIT));
}
const ONCE = '曾'.charCodeAt(0);

/** Numerals: a "person" counted (大模型五小龙, 亚洲四小龙) is a nickname of a group. */
const NUMERAL_UNITS = codeTable('一二三四五六七八九十两几', false);

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
  if ((unitOr(norm, end) === 0x28 || unitOr(norm, end) === 0xff08) && LATIN_ACRONYM.test(surface)) return;
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
    if (NUMERAL_UNITS[unitOr(norm, start - 1)] === 1 || NUMERAL_UNITS[unitOr(norm, start)] === 1) return;
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
    // an address is cut into its administrative parts, a street address not (places.ts)
    const street = isStreetAddressAt(norm, start, end);
    let a = start;
    do {
      const b = administrativePartEnd(norm, a, end, street);
      sink.addName(a, b, 'place', 'model', Priority.Tagger, undefined, false, weak);
      // a known place first and another place after it: the second is a place of its own where
      // the known one wins (安徽|巢湖: the tagger read one place)
      const rest = placeAfterKnownPlace(ctx, a, b);
      if (rest > a) sink.addName(rest, b, 'place', 'model', Priority.Tagger, undefined, false, weak);
      a = b;
    } while (a < end);
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
