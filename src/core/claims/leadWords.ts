/**
 * Word lists read from the start of a text (a unit's transitions and conditionals, a source's
 * subject): the first word of a list, in its order, within the first n UTF-16 units.
 */
import { firstCueAt, type ScannedList } from './cues';

/** LeadWords' group number that sends the look-up to byFirst (past 254 first characters). */
const MORE_GROUPS = 255;

/**
 * A word list read from the start of a sentence: its words' indices by their first UTF-16 code,
 * in list order. group[c] is the number of the group of words starting with c plus one (0: none),
 * a table's entry where a Map was looked up at each start; past 254 groups, 255 sends the
 * look-up to byFirst.
 */
export interface LeadWords {
  words: readonly string[];
  group: Uint8Array;
  groups: ReadonlyArray<readonly number[]>;
  byFirst: ReadonlyMap<number, readonly number[]>;
}

export function leadWords(words: readonly string[]): LeadWords {
  const byFirst = new Map<number, number[]>();
  words.forEach((w, k) => {
    if (w.length === 0) throw new Error('leadWords.ts: an empty cue word');
    const group = byFirst.get(w.charCodeAt(0)) ?? [];
    group.push(k);
    byFirst.set(w.charCodeAt(0), group);
  });
  const group = new Uint8Array(0x10000);
  const groups: number[][] = [];
  for (const [c, list] of byFirst) {
    if (groups.length < MORE_GROUPS - 1) {
      groups.push(list);
      group[c] = groups.length;
    } else group[c] = MORE_GROUPS;
  }
  return { words, group, groups, byFirst };
}

/**
 * The first of the words (in their order) that occurs in the first `n` UTF-16 units of `s`,
 * as words.find((w) => s.slice(0, n).includes(w)): each start is read once, with only the
 * words that begin there (the first characters 不, 这, 一, 要 open most sentences, and every
 * word was tried at every start).
 */
export function firstWithin(lead: LeadWords, s: string, n: number): string | undefined {
  const { words, group: groupOf, groups, byFirst } = lead;
  const end = Math.min(n, s.length);
  let best = -1;
  for (let i = 0; i < end && best !== 0; i++) {
    const c = s.charCodeAt(i);
    const number = groupOf[c]!;
    if (number === 0) continue;
    const group = number === MORE_GROUPS ? byFirst.get(c)! : groups[number - 1]!;
    for (let g = 0; g < group.length; g++) {
      const k = group[g]!;
      if (best >= 0 && k >= best) break;
      const w = words[k]!;
      if (i + w.length <= end && s.startsWith(w, i)) {
        best = k;
        break;
      }
    }
  }
  return best < 0 ? undefined : words[best];
}

/**
 * firstWithin(lead, s, n) for a list the cue scan reads (`list`, lead's words): where none of
 * its words starts before n in s, none lies within the first n units, and s is not read again
 * (most units have no transition and no conditional anywhere).
 */
export function leadWordWithin(lead: LeadWords, list: ScannedList, s: string, n: number): string | undefined {
  const at = firstCueAt(s, list);
  return at < 0 || at >= n ? undefined : firstWithin(lead, s, n);
}
