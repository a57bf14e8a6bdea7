/** Names the lexicon knows (built in, or taught by the team), and abbreviations of known places. */
import { Priority, type CandidateSink, type DetectContext } from '../candidates';
import { findAbbreviatedPlaces } from '../abbreviations';
import type { EntityType } from '../lexicon';
import type { WordDictionary } from '../wordLattice';

/**
 * Whether a short built-in name at [i, i + length) is part of a longer word (three
 * characters or more) rather than the name: 北大 in 北大西洋, 中国 in 发展中国家, 南中国海.
 * A place only looks left: 中国人民 and 美国人 still mention their country.
 */
function insideLongerWord(words: WordDictionary, text: string, i: number, length: number, type: EntityType): boolean {
  if (type === 'place') return length <= 3 && words.crosses(text, i, 3);
  return length <= 2 && (words.crosses(text, i, 3) || words.crosses(text, i + length, 3));
}

/** The lexicon: the longest alias at each position. */
export function lexiconNames({ norm, form, lexicon, words }: DetectContext, sink: CandidateSink): void {
  for (let i = 0; i < form.length; ) {
    if (!lexicon.mayStartWith(form.charCodeAt(i))) {
      i++;
      continue;
    }
    const hit = lexicon.match(form, i);
    if (!hit || (words && !hit.latin && hit.entry.origin === 'builtin' && insideLongerWord(words, norm, i, hit.length, hit.entry.type))) {
      i++;
      continue;
    }
    const { entry } = hit;
    sink.add(i, i + hit.length, entry.type, entry.origin === 'workspace' ? 'workspace' : 'lexicon', Priority.Known, { canonical: entry.canonical, short: hit.short });
    i += hit.length;
  }
}

/** 中美, 京津冀, 访华: each character a place, linked to the full name's entity. */
export function abbreviatedPlaces({ norm, lexicon, words }: DetectContext, sink: CandidateSink): void {
  if (!words) return;
  for (const { start, full } of findAbbreviatedPlaces(norm, words)) {
    // full names are written in the match form already (Simplified, no Latin): no conversion per mention
    const hit = lexicon.match(full, 0);
    const canonical = hit && hit.length === full.length && hit.entry.type === 'place' ? hit.entry.canonical : full;
    sink.add(start, start + 1, 'place', 'abbreviation', Priority.Abbreviation, { canonical });
  }
}
