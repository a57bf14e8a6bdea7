/**
 * A word of the future right before a date that leaves its year or month to the reader
 * (将于7月1日, 将于18日): relativeDates.ts then reads a date later than the article's own in the
 * article's year or month, instead of leaving it open (data/aheadCues.json).
 */
import aheadCues from './data/aheadCues.json';

const CUES: readonly string[] = aheadCues.before;

/** The cue that ends at i, if any (the longest: 即将于 over 将于). */
export function aheadCueBefore(text: string, i: number): string | undefined {
  let found: string | undefined;
  for (const w of CUES) if ((found === undefined || w.length > found.length) && text.endsWith(w, i)) found = w;
  return found;
}
