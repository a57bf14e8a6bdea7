/**
 * Where an organisation the tagger read begins and ends, when its edges fall in the wrong
 * place: a unit of a larger body cut off from it (…融|合发展中心, …收购|工会…评审委员会),
 * and a name run one character into the next word (某某证券|研报).
 */
import { GENERIC_INSTITUTIONS, ORG_NAME_ENDS } from '../kinds';
import { isLeftStopAt } from '../names';
import { cjkLengthBefore, endsWithAt, triggerTable } from '../textAt';
import type { WordDictionary } from '../wordLattice';

/** Last words of a unit inside a larger body: 研究中心, 标准评审委员会, 重点实验室. */
export const UNIT_ENDS = ['中心', '委员会', '研究院', '研究所', '实验室', '分会', '办公室'];

/** The last units of UNIT_ENDS: most organisations the tagger reads end in none, and are ruled out by one read. */
const UNIT_LAST_UNITS = triggerTable(UNIT_ENDS.map((u) => u[u.length - 1]!));

/**
 * Whether norm.slice(start, end) ends in a unit's last word and holds more than it (as
 * UNIT_ENDS.some over the slice, without the slice and a closure per organisation read).
 */
export function endsInUnit(norm: string, start: number, end: number): boolean {
  if (start < 0 || end > norm.length || start > end) {
    const name = norm.slice(start, end);
    return UNIT_ENDS.some((u) => name.endsWith(u) && name.length > u.length);
  }
  if (UNIT_LAST_UNITS[norm.charCodeAt(end - 1)] !== 1) return false;
  for (let k = 0; k < UNIT_ENDS.length; k++) if (end - start > UNIT_ENDS[k]!.length && endsWithAt(norm, UNIT_ENDS[k]!, end)) return true;
  return false;
}

/** Kinds of institution, which a unit's name begins with only after the body's own name. */
const GENERIC_STARTS = [...GENERIC_INSTITUTIONS];

/** Most characters a unit's name reaches back for the body it belongs to (某某大学绿色能源融). */
const LONGEST_BEFORE_UNIT = 14;
/** Most characters of a body's own name with no organisation's name end in it (东联收购). */
const LONGEST_BODY = 4;

/** Last words of a body's name, which a unit's name follows: 大学|绿色能源…中心. */
const BODY_ENDS = ORG_NAME_ENDS.filter((e) => e.length >= 2);

/**
 * The start of an organisation ending in a unit (中心, 委员会) whose reading was cut: it
 * begins inside a dictionary word (融|合发展中心) or with a kind of institution that a name
 * of its own comes before (…收购|工会…委员会). It is mended back to a clause's edge
 * (punctuation or a function word) that is near (东联收购), or that lies past the name of the
 * body the unit belongs to (某某大学…融合发展中心, one name, as news sets write it).
 * Otherwise the tagger's reading stands: a verb or a role may come between (副主席兼任|民族事务委员会).
 */
export function unitStart(norm: string, start: number, end: number, words: WordDictionary | undefined): number {
  if (!endsInUnit(norm, start, end)) return start;
  const name = norm.slice(start, end);
  // a field joined by 与 after the body's name: the unit is named from the body's clause edge
  const fields = fieldsStart(norm, start);
  if (fields < start) return bodyStart(norm, fields) ?? fields;
  if (!cjkLengthBefore(norm, start) || isLeftStopAt(norm, start - 1)) return start;
  const cut = words?.crosses(norm, start) === true || GENERIC_STARTS.some((g) => name.startsWith(g) && name.length > g.length + 2);
  if (!cut) return start;
  let body = false;
  for (let s = start; start - s <= LONGEST_BEFORE_UNIT; ) {
    const n = cjkLengthBefore(norm, s);
    if (!n || isLeftStopAt(norm, s - 1)) return start - s <= LONGEST_BODY || body ? s : start;
    if (!body) for (let k = 0; k < BODY_ENDS.length && !body; k++) body = endsWithAt(norm, BODY_ENDS[k]!, s);
    s -= n;
  }
  return start;
}

/** Last words of a body's name: 大学, 学院, 研究院. */
const FIELD_BODY_ENDS = ['大学', '学院', '研究院', '科学院', '集团', '公司'];
/** Most characters of the first field before 与 (数字经济). */
const LONGEST_FIELD = 6;

/**
 * Where a unit's name starts when its field joins two with 与 or 和 right after the name of
 * the body it belongs to: 某某学院|数字经济与金融创新研究中心. `s` is where the name read
 * without the joined field starts; it is returned unchanged unless a body's name ends right
 * before the first field.
 */
export function fieldsStart(norm: string, s: number): number {
  const join = norm[s - 1];
  if (join !== '与' && join !== '和') return s;
  for (let k = s - 1, n = 0; n < LONGEST_FIELD; n++) {
    const len = cjkLengthBefore(norm, k);
    if (!len || isLeftStopAt(norm, k - len)) return s;
    k -= len;
    if (n >= 1) for (let j = 0; j < FIELD_BODY_ENDS.length; j++) if (endsWithAt(norm, FIELD_BODY_ENDS[j]!, k)) return k;
  }
  return s;
}

/** The clause edge before a body's name that ends at `end` (某某大学|…), if one is near. */
function bodyStart(norm: string, end: number): number | undefined {
  for (let s = end; end - s <= LONGEST_BEFORE_UNIT; ) {
    const n = cjkLengthBefore(norm, s);
    if (!n || isLeftStopAt(norm, s - 1)) return s < end ? s : undefined;
    s -= n;
  }
  return undefined;
}

/** Names' last words after which one more character is a word of its own: 证券|研报, 银行|称. */
const WHOLE_NAME_ENDS = ORG_NAME_ENDS.filter((e) => e.length >= 2 && e !== '基金' && e !== '中心');

/** One character that ends a name after a name's last word: a unit or a branch (银行行, 大学堂, 证券部). */
export const UNIT_CHARACTERS = new Set([...'会队门部处局所院系室组团社站厅委办行司署校馆台店厂园村堂府网报刊']);
/** UNIT_CHARACTERS by UTF-16 unit: the last character of every organisation the tagger read, cut as a string, was a new string each. */
const UNIT_CHARACTER_UNITS = triggerTable(UNIT_CHARACTERS);

/** The end of an organisation the tagger ran one character past its name's last word: 东吴证券研 → 东吴证券. */
export function organisationEnd(norm: string, start: number, end: number): number {
  if (end - start < 4) return end;
  if (UNIT_CHARACTER_UNITS[norm.charCodeAt(end - 1)] === 1 || !cjkLengthBefore(norm, end)) return end;
  if (start < 0) {
    const body = norm.slice(start, end - 1);
    return WHOLE_NAME_ENDS.some((e) => body.endsWith(e) && body.length > e.length) ? end - 1 : end;
  }
  // (norm.slice(start, end - 1) and its endsWith, read in place: a string and a closure per organisation the tagger read)
  for (let k = 0; k < WHOLE_NAME_ENDS.length; k++) {
    const e = WHOLE_NAME_ENDS[k]!;
    if (end - 1 - start > e.length && endsWithAt(norm, e, end - 1)) return end - 1;
  }
  return end;
}
