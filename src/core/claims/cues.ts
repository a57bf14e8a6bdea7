/** The cue word lists of claim detection (data: cues.json), typed, in Simplified script. */
import data from './cues.json';

type CueList = keyof Omit<typeof data, '$comment'>;

export const CUES: Readonly<Record<CueList, readonly string[]>> = data;

/**
 * Each list's cues by their first UTF-16 code, and one bit per list for the codes that start a
 * cue: a text is read once for all lists, instead of once per cue (a sentence meets some 500 cues).
 */
const LIST_NAMES = (Object.keys(CUES) as CueList[]).filter((list) => Array.isArray(CUES[list]));
if (LIST_NAMES.length > 32) throw new Error('cues.json: more lists than bits in a 32-bit mask');
const STARTS = new Uint32Array(0x10000);
const BY_FIRST: Array<Map<number, number[]>> = [];
for (const [bit, list] of LIST_NAMES.entries()) {
  const byFirst = new Map<number, number[]>();
  CUES[list].forEach((w, index) => {
    const code = w.charCodeAt(0);
    STARTS[code]! |= 1 << bit;
    const at = byFirst.get(code);
    if (at) at.push(index);
    else byFirst.set(code, [index]);
  });
  BY_FIRST.push(byFirst);
}
const BIT = new Map(LIST_NAMES.map((list, bit) => [list, bit]));

/** The cues found in a text, per list: the first in the list's order, and how many. */
interface Found {
  first: Int16Array;
  count: Uint16Array;
}

/**
 * The last texts read: the features of one sentence ask about a dozen lists of a few views of
 * it (the sentence, its words outside quotations, its predicate, the same with a phrase cut out).
 */
const RECENT = 4;
const recent: Array<{ s: string; found: Found }> = [];

/** Every list's cues in `s`, in one reading of it. */
function cuesIn(s: string): Found {
  for (const r of recent) if (r.s === s) return r.found;
  const first = new Int16Array(LIST_NAMES.length).fill(-1);
  const count = new Uint16Array(LIST_NAMES.length);
  let seen: Set<number> | undefined;
  for (let i = 0; i < s.length; i++) {
    let bits = STARTS[s.charCodeAt(i)]!;
    while (bits !== 0) {
      const bit = 31 - Math.clz32(bits);
      bits &= ~(1 << bit);
      const list = LIST_NAMES[bit]!;
      const words = CUES[list];
      const indices = BY_FIRST[bit]!.get(s.charCodeAt(i))!;
      for (let j = 0; j < indices.length; j++) {
        const index = indices[j]!;
        if (!s.startsWith(words[index]!, i)) continue;
        // a cue found again further on counts once
        const key = (bit << 16) | index;
        if (seen?.has(key)) continue;
        (seen ??= new Set()).add(key);
        count[bit]!++;
        if (first[bit]! < 0 || index < first[bit]!) first[bit] = index;
      }
    }
  }
  const found = { first, count };
  recent.unshift({ s, found });
  if (recent.length > RECENT) recent.pop();
  return found;
}

/** The first cue of a list (in the list's order) that occurs in `s`, if any. */
export function findCue(s: string, list: CueList): string | undefined {
  const bit = BIT.get(list)!;
  const index = cuesIn(s).first[bit]!;
  return index < 0 ? undefined : CUES[list][index];
}

/** How many cues of a list occur in `s`. */
export function countCues(s: string, list: CueList): number {
  return cuesIn(s).count[BIT.get(list)!]!;
}
