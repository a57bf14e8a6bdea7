/** Names the lexicon knows (built in, or taught by the team), and abbreviations of known places. */
import { Priority, type CandidateSink, type DetectContext } from '../candidates';
import { findAbbreviatedPlaces } from '../abbreviations';
import type { EntityType, Lexicon } from '../lexicon';
import { OUTLET_CUES_AFTER, isSideInMatch } from '../kinds';
import type { WordDictionary } from '../wordLattice';
import { startsWithAny, triggerTable } from '../../text/chars';
import placeEdges from '../data/placeEdges.json';
import { namesRegionOfOrganisation, namesTimeZone, unitBeginsWord } from '../places';
import { LEXICON, unitStarts } from '../unitStarts';

/** No unit marked by a table: the lexicon marks its own. */
const NO_UNITS = new Uint8Array(0x10000);

/**
 * Whether a built-in name at [i, i + length) is part of longer words rather than the name:
 * a short one inside a word of three characters or more (北大 in 北大西洋, 中国 in
 * 发展中国家, 南中国海), a longer one across words at both edges. A place looks left, and a
 * two-character one at both edges (当地|球队, 目前|海底): 中国人民 and 美国人 still mention
 * their country.
 */
function insideLongerWord(words: WordDictionary, text: string, i: number, length: number, type: EntityType): boolean {
  if (type === 'place') {
    if (length !== 2) return length <= 3 && words.crosses(text, i, 3);
    // (both lengths at i in one walk: crosses(text, i, 3), or crosses(text, i) and the end's)
    const across = words.crossesByLength(text, i);
    return across === 3 || (across === 1 && words.crosses(text, i + length));
  }
  if (length <= 2) return words.crosses(text, i, 3) || words.crosses(text, i + length, 3);
  // a longer name with words running across both its edges is a piece of other words:
  // 商务部 in 电子商务部分 (the e-commerce part)
  return words.crosses(text, i) && words.crosses(text, i + length);
}

/** A region named by two directions (东北, 西南): before 部 or 侧 a direction, not the region (data/placeEdges.json). */
const DIRECTION_REGION = /^[东西南北]{2}$/;
const PARTS_AFTER_DIRECTION: ReadonlySet<string> = new Set(placeEdges.partsAfterDirection);

/** What follows an organisation's name to name its group or its company (longest first). */
export const GROUP_SUFFIXES = ['股份有限公司', '有限公司', '控股集团', '集团公司', '集团', '控股', '公司'];

/** The first units of GROUP_SUFFIXES (by UTF-16 unit). */
const GROUP_FIRST_UNITS = triggerTable(GROUP_SUFFIXES);

/** The group suffix at i of a match-form text, if one is there. */
export function groupSuffixAt(form: string, i: number): string | undefined {
  // most organisations are followed by no suffix: one read of the table rules out seven calls of
  // startsWith (read within the text: a read past its end had the compiled code read the table
  // through the generic keyed load)
  // (the unit startsWith reads first: an offset before the start, or NaN, reads at 0)
  const at = i > 0 ? i : 0;
  if (!(at < form.length && GROUP_FIRST_UNITS[form.charCodeAt(at)] === 1)) return undefined;
  // (a loop, no closure per known organisation)
  for (let k = 0; k < GROUP_SUFFIXES.length; k++) if (form.startsWith(GROUP_SUFFIXES[k]!, i)) return GROUP_SUFFIXES[k];
  return undefined;
}

/** A name beside a middle dot is part of a transliterated name: 阿里 in 阿里·哈恩 (by UTF-16 unit). */
const MIDDLE_DOTS = triggerTable(['·', '•']);

/**
 * Whether a middle dot is at either edge of [start, end), read within the text: a read past
 * either end (NaN) had the compiled code read the table through the generic keyed load at
 * every hit.
 */
function besideMiddleDot(norm: string, start: number, end: number): boolean {
  return (start > 0 && MIDDLE_DOTS[norm.charCodeAt(start - 1)] === 1) || (end < norm.length && MIDDLE_DOTS[norm.charCodeAt(end)] === 1);
}

/** The lexicon: the longest alias at each position. */
export function lexiconNames({ norm, form, lexicon, words, starts = unitStarts(norm, NO_UNITS, form, lexicon) }: DetectContext, sink: CandidateSink): void {
  // where the last known place ended: a place right after it is the next part of an address
  let placeEnd = -1;
  const at = starts.lists[LEXICON]!;
  for (let k = starts.from(LEXICON), to = starts.to(LEXICON), next = 0; k < to; k++) {
    const i = at[k]!;
    if (i < next) continue;
    next = i + 1;
    // (no mayMatchAt here: the marks are where it holds, or every position for the tests, and
    // match finds nothing where it does not hold)
    const hit = lexicon.match(form, i);
    const builtinWord = hit !== undefined && !hit.latin && hit.entry.origin === 'builtin';
    if (!hit || (builtinWord && besideMiddleDot(norm, i, i + hit.length)) ||
      (words && builtinWord && !(hit.entry.type === 'place' && placeEnd === i) && insideLongerWord(words, norm, i, hit.length, hit.entry.type))) {
      continue;
    }
    const { entry } = hit;
    // the name begins a phrase the lexicon knows: 中国移动互联网 (China's mobile internet)
    // (no closures in this loop: see startsWithAny); a region named by directions before 部
    // or 侧 is a direction: 美国东北部
    if (startsWithAny(form, entry.notBefore, i + hit.length) ||
      (entry.type === 'place' && DIRECTION_REGION.test(entry.canonical) && PARTS_AFTER_DIRECTION.has(form[i + hit.length] ?? ''))) {
      continue;
    }
    // the group of a known organisation is the organisation: 阿里集团, 阿里巴巴集團, 百度公司
    const group = entry.type === 'org' && entry.groupNames && !hit.short ? groupSuffixAt(form, i + hit.length) : undefined;
    let end = i + hit.length + (group?.length ?? 0);
    // a unit that begins a word is no part of the place: 上海|市区, 兴国|县城
    if (entry.type === 'place' && hit.length >= 3 && unitBeginsWord(norm, end - 1)) end--;
    // a short form before what an outlet does is the outlet, full name or not: 晚点引述
    // a short form before a title is the outlet or the app it appears on: 某某《标题》;
    // one in a list beside another known name of its kind is that kind's name: 甲网和乙
    const short = hit.short && !(entry.type === 'org' && startsWithAny(form, OUTLET_CUES_AFTER, end)) &&
      !((entry.type === 'org' || entry.type === 'product') && form.charCodeAt(end) === 0x300a) && !coordinatedWithKnown(lexicon, form, i, end, entry.type) &&
      !afterItsOwner(form, i, end, entry.canonical);
    // a time zone's name is no mention of the place: 北京时间;
    // nor is a country's name before 区, the region of a company or a contest: 某国区总决赛
    if (entry.type === 'place' && (namesTimeZone(norm, end) || namesRegionOfOrganisation(norm, entry.canonical, end))) {
      next = end;
      continue;
    }
    // a place's name as a side in a match names the side, an organisation of its own: 战胜某城。
    if (entry.type === 'place' && !short && isSideInMatch(norm, i, end)) {
      sink.addName(i, end, 'org', entry.origin === 'workspace' ? 'workspace' : 'lexicon', Priority.Known, norm.slice(i, end), false, false);
      next = end;
      continue;
    }
    // (the entry's id, made once: not a new string per mention, its hash already known to every map it meets)
    sink.addName(i, end, entry.type, entry.origin === 'workspace' ? 'workspace' : 'lexicon', Priority.Known, entry.canonical, short, false, hit.id);
    if (entry.type === 'place' && !short) placeEnd = end;
    next = end;
  }
}

/**
 * Whether a short form at [i, end) follows the rest of its full name and 的: 腾讯的元宝 is
 * 腾讯元宝 said in two words, the full name in the article. The rest is two characters or
 * more (a one-character rest is too often an ordinary word's).
 */
function afterItsOwner(form: string, i: number, end: number, canonical: string): boolean {
  const rest = canonical.length - (end - i);
  if (rest < 2 || !canonical.endsWith(form.slice(i, end))) return false;
  return form.endsWith('的', i) && form.endsWith(canonical.slice(0, rest), i - 1);
}

/** Words that join names of one list: 甲和乙, 甲、乙. */
const COORDINATORS = ['和', '与', '及', '、', '以及'];
/** Longest name looked for on the other side of a coordinator. */
const LONGEST_SIBLING = 8;

/**
 * Whether the name at [i, end) is joined by a coordinator to a name of the same type that
 * the lexicon knows in full (not itself a short form): 某某网和乙 (a short form in a list of
 * platforms is a platform's name). Bounded by the longest sibling.
 */
function coordinatedWithKnown(lexicon: Lexicon, form: string, i: number, end: number, type: EntityType): boolean {
  const full = (at: number, length?: number) => {
    const hit = lexicon.match(form, at);
    return hit !== undefined && !hit.short && hit.entry.type === type && (length === undefined || hit.length === length);
  };
  for (const c of COORDINATORS) {
    if (form.startsWith(c, end) && full(end + c.length)) return true;
    if (form.endsWith(c, i)) {
      const at = i - c.length;
      for (let k = 2; k <= LONGEST_SIBLING && k <= at; k++) if (full(at - k, k)) return true;
    }
  }
  return false;
}

/** 中美, 京津冀, 访华: each character a place, linked to the full name's entity; 京九铁路, one place. */
export function abbreviatedPlaces({ norm, lexicon, words, starts }: DetectContext, sink: CandidateSink): void {
  if (!words) return;
  for (const { start, full, length = 1 } of findAbbreviatedPlaces(norm, words, starts)) {
    // full names are written in the match form already (Simplified, no Latin): no conversion per mention
    const hit = lexicon.match(full, 0);
    const canonical = hit && hit.length === full.length && hit.entry.type === 'place' ? hit.entry.canonical : full;
    sink.add(start, start + length, 'place', 'abbreviation', Priority.Abbreviation, { canonical });
  }
}
