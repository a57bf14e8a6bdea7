/**
 * Who made a decision (`by:` in the sidecar). Stamped only when the decision itself changes
 * (a new annotation, another status, another verdict), so that re-saving, or adding a note
 * or evidence to someone else's decision, leaves the line as it was.
 */
import type { Annotation } from '../sidecar/model';

/** One line, not blank, at most 200 characters: what the sidecar format accepts for `by`. */
export function cleanAnnotator(name: string | undefined): string | undefined {
  const s = name?.replace(/[\r\n]+/g, ' ').trim();
  return s ? [...s].slice(0, 200).join('').trim() : undefined;
}

export function stampDecision(before: Annotation | undefined, after: Annotation, annotator: string | undefined): Annotation {
  const { by: _previous, ...rest } = after;
  if (before && before.status === after.status && before.verdict === after.verdict) {
    // the same decision: whoever made it stays
    return before.by !== undefined ? { ...rest, by: before.by } : rest;
  }
  // a new decision: its maker, or nobody rather than the maker of the old one
  const who = cleanAnnotator(annotator);
  return who ? { ...rest, by: who } : rest;
}
