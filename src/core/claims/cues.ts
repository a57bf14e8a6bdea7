/** The cue word lists of claim detection (data: cues.json), typed, in Simplified script. */
import data from './cues.json';

type CueList = keyof Omit<typeof data, '$comment'>;

export const CUES: Readonly<Record<CueList, readonly string[]>> = data;

/** The first cue of a list that occurs in `s`, if any. */
export function findCue(s: string, list: CueList): string | undefined {
  return CUES[list].find((w) => s.includes(w));
}

/** How many cues of a list occur in `s`. */
export function countCues(s: string, list: CueList): number {
  let n = 0;
  for (const w of CUES[list]) if (s.includes(w)) n++;
  return n;
}
