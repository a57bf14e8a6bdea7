/** Addresses: where a place the tagger read is one place, and where it is several. */
import placeEdges from './data/placeEdges.json';

export const ADMINISTRATIVE_ENDS = new Set([...'省市县区乡镇']);

/** ADMINISTRATIVE_ENDS by UTF-16 unit (all one unit each). */
const ADMINISTRATIVE_END_UNITS = new Uint8Array(0x10000);
for (const u of ADMINISTRATIVE_ENDS) ADMINISTRATIVE_END_UNITS[u.charCodeAt(0)] = 1;
/** The last units isStreetAddress asks for (路街道巷弄村 and 号). */
const STREET_LAST_UNITS = new Uint8Array(0x10000);
for (const u of '路街道巷弄村') STREET_LAST_UNITS[u.charCodeAt(0)] = 1;
const HAO = 0x53f7; // 号

/**
 * Whether text[start, end) is an address down to a street, a village or a house number: it
 * ends on 路街道巷弄村 or a digit and 号, with an administrative unit before. Such an address is
 * one place, as the reader gives it (北京市东城区王府井大街218号, 郑州市须水镇西岗村): its
 * parts are not places one follows across articles. Read by unit, with no slice: the tagger
 * asks it of every place it reads, and most end on no street's unit.
 */
export function isStreetAddressAt(text: string, start: number, end: number): boolean {
  if (end <= start) return false;
  const last = text.charCodeAt(end - 1);
  if (STREET_LAST_UNITS[last] !== 1) {
    if (last !== HAO || end - start < 2) return false;
    const digit = text.charCodeAt(end - 2);
    if (!((digit >= 0x30 && digit <= 0x39) || (digit >= 0xff10 && digit <= 0xff19))) return false;
  }
  // (a unit of a surrogate pair is none of the units: as the characters of the slice are)
  for (let k = start; k < end - 1; k++) if (ADMINISTRATIVE_END_UNITS[text.charCodeAt(k)] === 1) return true;
  return false;
}

/** isStreetAddressAt of a whole string. */
export function isStreetAddress(place: string): boolean {
  return isStreetAddressAt(place, 0, place.length);
}

/**
 * An address the tagger read as one place is cut after each administrative unit, so that each
 * unit is a place of its own that links across articles: 山东省淄博市张店区 → 山东省, 淄博市,
 * 张店区. Parts are two characters or more (市中区 stays whole); a street address
 * (`street`: isStreetAddressAt) is not cut. This is where the part that starts at `from` ends:
 * the parts run from the place's start, each from the end of the one before, the last to
 * `end` (read one after the other: no array of parts per place).
 */
export function administrativePartEnd(text: string, from: number, end: number, street: boolean): number {
  if (street) return end;
  for (let k = from + 1; k < end - 2; k++) if (ADMINISTRATIVE_END_UNITS[text.charCodeAt(k)] === 1) return k + 1;
  return end;
}

/** Last characters of an address, whose places inside give way to it (北京市朝阳区). */
export const ADDRESS_ENDS = new Set([...'区县镇乡村街路道巷号楼园湾']);

/** Administrative units, which news sets write as the last character of a place's name. */
export const UNITS_AFTER_PLACE: ReadonlySet<string> = new Set([...'省市县区州镇乡旗']);

/** Words a unit's character begins after a place's name, the unit then no part of it (data/placeEdges.json). */
const WORDS_AFTER_UNIT: ReadonlySet<string> = new Set(placeEdges.wordsAfterUnit);

/**
 * Whether the unit's character at `at` of a Simplified text begins a word, and so is no part
 * of the place before it: 上海|市区, 北京|市民, 兴国|县城 (as all four training sets write them).
 */
export function unitBeginsWord(norm: string, at: number): boolean {
  return UNIT_AFTER_PLACE_UNITS.has(norm.charCodeAt(at)) && WORDS_AFTER_UNIT.has(norm.slice(at, at + 2)) && !norm.startsWith(GOVERNMENT, at + 1);
}
/** UNITS_AFTER_PLACE by UTF-16 unit (all one unit each): no string cut per place read. */
const UNIT_AFTER_PLACE_UNITS: ReadonlySet<number> = new Set([...UNITS_AFTER_PLACE].map((u) => u.charCodeAt(0)));

/** Whether the character at k is one of UNITS_AFTER_PLACE (by UTF-16 unit: norm[k] of a CJK character is a new string each time). */
export function unitAfterPlaceAt(norm: string, k: number): boolean {
  return UNIT_AFTER_PLACE_UNITS.has(norm.charCodeAt(k));
}
/**
 * 政府 after a unit: the unit is the place's, not the start of 市政 (municipal works): 北京市|政府,
 * as msra-train and uner-zh-train write 90 of 96 such names (cluener-train labels the whole
 * government an organisation).
 */
const GOVERNMENT = '政府';

/**
 * Whether the place's name that ends at `end` of a Simplified text names a time zone there:
 * 北京时间8点, 美国时间周一. The clock is read, not the place: in the training splits 23 such
 * names are unlabelled and 7 labelled places (cluener-train, msra-train, uner-zh-train).
 */
export function namesTimeZone(norm: string, end: number): boolean {
  return norm.startsWith('时间', end);
}

/** Continents, regions and countries (not ending in 国) that companies and contests divide the world into (data/placeEdges.json). */
const WORLD_REGIONS: ReadonlySet<string> = new Set(placeEdges.regionsBeforeDistrict);

/**
 * Whether a country's or a continent's name (Simplified canonical) before `end` names the
 * region of a company or a contest there, not the place: 某国区总决赛, 某国区首席执行官 (区,
 * not 区域). In the training splits 24 such names are unlabelled and one is a place
 * (cluener-train); the other splits have none. Countries only: a city before 区 may be its
 * district (朝阳区).
 */
export function namesRegionOfOrganisation(norm: string, canonical: string, end: number): boolean {
  // (by UTF-16 unit: norm[end] was a new string per place read)
  return norm.charCodeAt(end) === 0x533a /* 区 */ && norm.charCodeAt(end + 1) !== 0x57df /* 域 */ && (canonical.endsWith('国') || WORLD_REGIONS.has(canonical));
}
