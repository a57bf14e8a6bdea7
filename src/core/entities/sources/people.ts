/** Rules for people nobody taught: a role before a name, a name before a verb of speech, a transliterated name. */
import { Priority, type CandidateSink, type DetectContext } from '../candidates';
import { COMPOUND_SURNAMES, ROLES, SURNAMES, isLeftStopAt, isNotInNameAt, readName, reportingAt } from '../names';
import { cjkLengthAt, cjkLengthBefore, isLatinWordChar, triggerTable, unitOr } from '../textAt';
import { PUNCTUATION, ROLE, SURNAME, startTable, unitStarts } from '../unitStarts';

/** Roles by their first UTF-16 unit (longest first): no string per character read. */
const ROLES_BY_FIRST = new Map<number, string[]>();
for (const r of ROLES) ROLES_BY_FIRST.set(r.charCodeAt(0), [...(ROLES_BY_FIRST.get(r.charCodeAt(0)) ?? []), r]);
const ROLE_STARTS = triggerTable(ROLES);
/** Where a role may start, as marks (unitStarts.ts). */
export const ROLE_UNITS = startTable(ROLE, ROLES);
/** The second units of the roles (each has two or more): 总, 主 and 部 start many words that are no role. */
const ROLE_SECONDS = triggerTable(ROLES.map((r) => r[1]!));

/** Spaces that may stand between a role and a name, by UTF-16 unit. */
const ROLE_NAME_SPACES = triggerTable([' ', '\u00a0', '\u3000']);

/** A role followed by a name: 创始人王小川, CEO张勇, 记者 李华. */
export function roleNames({ norm, starts = unitStarts(norm, ROLE_UNITS) }: DetectContext, sink: CandidateSink): void {
  const at = starts.lists[ROLE]!;
  for (let k = starts.from(ROLE), to = starts.to(ROLE); k < to; k++) {
    const i = at[k]!;
    // CEO inside a Latin word (XCEO) is no role
    if (ROLE_STARTS[norm.charCodeAt(i)] === 0 || ROLE_SECONDS[unitOr(norm, i + 1)] !== 1 || isLatinWordChar(unitOr(norm, i - 1))) continue;
    const roles = ROLES_BY_FIRST.get(norm.charCodeAt(i))!;
    for (let k = 0; k < roles.length; k++) {
      const role = roles[k]!;
      if (!norm.startsWith(role, i)) continue;
      // one space may stand between a role and a name in a byline: 记者 李华
      const at = i + role.length + (ROLE_NAME_SPACES[unitOr(norm, i + role.length)] === 1 ? 1 : 0);
      const n = isNotInNameAt(norm, at) ? 0 : readName(norm, at);
      if (n) sink.add(at, at + n, 'person', 'role', Priority.Pattern);
      break;
    }
  }
}

const SURNAME_STARTS = triggerTable([...SURNAMES, ...COMPOUND_SURNAMES.map((c) => c[0]!)]);
/** Where a name before a verb of speech may start, as marks (unitStarts.ts). */
export const SURNAME_UNITS = startTable(SURNAME, [...SURNAMES, ...COMPOUND_SURNAMES]);

/** A name before a verb of speech, at the start of a clause: 王小川表示. */
export function speechNames({ norm, words, starts = unitStarts(norm, SURNAME_UNITS) }: DetectContext, sink: CandidateSink): void {
  const at = starts.lists[SURNAME]!;
  for (let k = starts.from(SURNAME), to = starts.to(SURNAME); k < to; k++) {
    const i = at[k]!;
    if (SURNAME_STARTS[norm.charCodeAt(i)] === 0 || (i > 0 && !isLeftStopAt(norm, i - 1))) continue;
    const n = readName(norm, i);
    if (!n || !reportingAt(norm, i + n)) continue;
    // 文章表示, 高兴地说: a word or an adverb before the verb, not a name
    const word = norm.slice(i, i + n);
    if (word.endsWith('地') || (n === 2 && words?.isOrdinaryWord(word) === true)) continue;
    sink.add(i, i + n, 'person', 'speech', Priority.Pattern);
  }
}

const LONGEST_GIVEN = 6;
const LONGEST_FAMILY = 8;

/** The middle dots of transliterated names, as marks (unitStarts.ts). */
export const MIDDLE_DOT_UNITS = startTable(PUNCTUATION, ['·', '•']);
const MIDDLE_DOT = 0xb7; // ·
const BULLET = 0x2022; // •

/** A transliterated name around a middle dot: 萨姆·奥尔特曼. */
export function transliteratedNames({ norm, starts = unitStarts(norm, MIDDLE_DOT_UNITS) }: DetectContext, sink: CandidateSink): void {
  // the dots in order, from the marks (most paragraphs hold none)
  const at = starts.lists[PUNCTUATION]!;
  for (let k = starts.from(PUNCTUATION), to = starts.to(PUNCTUATION); k < to; k++) {
    const i = at[k]!;
    const unit = norm.charCodeAt(i);
    if (unit === MIDDLE_DOT || unit === BULLET) readTransliterated(norm, i, sink);
  }
}

function readTransliterated(norm: string, i: number, sink: CandidateSink): void {
  if (!cjkLengthBefore(norm, i) || !cjkLengthAt(norm, i + 1)) return;
  let s = i;
  for (let n = cjkLengthBefore(norm, s); n > 0 && i - s < LONGEST_GIVEN && !isLeftStopAt(norm, s - 1); n = cjkLengthBefore(norm, s)) s -= n;
  // a role before the name is not part of it: 创始人史蒂芬·徐
  const window = norm.slice(s, i);
  for (const role of ROLES) {
    const r = window.lastIndexOf(role);
    if (r >= 0) s = Math.max(s, s + r + role.length);
  }
  let e = i + 1;
  while (e < norm.length && e - i < LONGEST_FAMILY && !isNotInNameAt(norm, e)) {
    const n = norm[e] === '·' ? 1 : cjkLengthAt(norm, e);
    if (!n) break;
    e += n;
  }
  if (i - s >= 1 && e - i >= 2) sink.add(s, e, 'person', 'transliterated', Priority.Pattern);
}
