/**
 * Linking a name, as written anywhere (a claim's source, a hover, a search), to the entity
 * detection links it to: either script, wrong conversions (阿裏), short forms that stand
 * alone, and group names (阿里集团). For the claims detector and other hosts.
 */
import { matchForm, type Lexicon, type LexiconEntry } from './lexicon';
import { groupSuffixAt } from './sources/known';

export interface LinkedName {
  entry: LexiconEntry;
  /** A short form that counts only where the article also names the entity in full (晚点). */
  short: boolean;
}

/** The lexicon entity that `name` is, as a whole; undefined when it is none or only part of one. */
export function linkName(name: string, lexicon: Lexicon): LinkedName | undefined {
  const form = matchForm(name.trim());
  if (!form) return undefined;
  const hit = lexicon.match(form, 0);
  if (!hit) return undefined;
  const group = hit.entry.type === 'org' && hit.entry.groupNames && !hit.short ? groupSuffixAt(form, hit.length) : undefined;
  if (hit.length + (group?.length ?? 0) !== form.length) return undefined;
  return { entry: hit.entry, short: hit.short };
}
