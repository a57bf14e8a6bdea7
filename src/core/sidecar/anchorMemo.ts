/**
 * Re-anchoring while an article is typed in: resolveAnchor on every version searches the
 * whole text for each annotation's quote (a megabyte article, dozens of annotations, every
 * keystroke). Where an annotation's words stood with all their context at one place only,
 * and an edit elsewhere left that place and its context alone, the next version holds them
 * at the same place moved by the edit's length, and again at that place only unless the
 * edited stretch now holds them too; that stretch is all that is searched. Then the
 * resolution is what resolveAnchor would return (the quote with all its context, found once,
 * wins outright: anchor.ts), taken without the search; otherwise resolveAnchor decides.
 */
import { OffsetIndex } from '../text/offsets';
import { resolveAnchor, standsAtHint, type Resolution } from './anchor';
import { foldString, foldedText, FoldedText } from './anchorText';
import type { Anchor } from './model';

/** A quote found more often than this is left to resolveAnchor (which looks at 50,000 places at most). */
const MAX_QUOTE_OCCURRENCES = 20_000;
/** An edit longer than this is left to resolveAnchor. */
const MAX_EDIT = 10_000;

interface Edit {
  /** UTF-16 offsets: the text before `start` and after `oldEnd` (old) / `newEnd` (new) is the same. */
  start: number;
  oldEnd: number;
  newEnd: number;
}

export class AnchorMemo {
  private text: string | undefined;
  /** Where each anchor's words stood, whole with their context and nowhere else, in the last text (UTF-16 start of the quote). */
  private places = new Map<Anchor, number>();
  /** Resolutions taken without a search (for tests and benchmarks). */
  shortcuts = 0;

  /** A resolver for the anchors of one version of the text: resolveAnchor's results, most without a search. */
  resolver(text: string, index: OffsetIndex): (anchor: Anchor) => Resolution {
    const last = this.text;
    this.text = text;
    const before = this.places;
    this.places = new Map();
    // folding drops the CR of a CRLF: offsets in folded and raw text agree only without one
    const plain = !text.includes('\r\n');
    const edit = last !== undefined && plain && !last.includes('\r\n') ? changedStretch(last, text) : undefined;
    return (anchor) => {
      if (standsAtHint(text, anchor, index)) return resolveAnchor(text, anchor, index);
      const known = before.get(anchor);
      if (known !== undefined && edit) {
        const shifted = this.shifted(text, anchor, index, known, edit);
        if (shifted) return shifted;
      }
      const r = resolveAnchor(text, anchor, index);
      if (plain && r.status !== 'orphan') this.remember(text, anchor, index.toUtf16(r.start));
      return r;
    };
  }

  private shifted(text: string, anchor: Anchor, index: OffsetIndex, at: number, edit: Edit): Resolution | undefined {
    const { quote, prefix, whole } = folded(anchor);
    const spanStart = at - prefix.length;
    const spanEnd = spanStart + whole.length;
    let now: number;
    if (spanEnd <= edit.start) now = at;
    else if (spanStart >= edit.oldEnd) now = at + edit.newEnd - edit.oldEnd;
    else return undefined;
    if (edit.newEnd - edit.start > MAX_EDIT) return undefined;
    // any other place of the words with their context overlaps the edited stretch
    const from = Math.max(0, edit.start - whole.length);
    const to = Math.min(text.length, edit.newEnd + whole.length);
    if (to - from >= whole.length && new FoldedText(text.slice(from, to)).text.includes(whole)) return undefined;
    this.places.set(anchor, now);
    this.shortcuts++;
    const start = index.toCodePoint(now);
    const end = index.toCodePoint(now + quote.length);
    const words = text.slice(index.toUtf16(start), index.toUtf16(end));
    return { status: words !== anchor.quote ? 'fuzzy' : start === anchor.start ? 'exact' : 'moved', start, end };
  }

  /** Notes where the words stand, if they stand there whole with their context and nowhere else. */
  private remember(text: string, anchor: Anchor, at: number): void {
    const { quote, prefix, whole } = folded(anchor);
    const t = foldedText(text).text;
    const first = t.indexOf(whole);
    if (first !== at - prefix.length || t.indexOf(whole, first + 1) >= 0) return;
    let n = 0;
    for (let i = t.indexOf(quote); i >= 0; i = t.indexOf(quote, i + 1)) if (++n > MAX_QUOTE_OCCURRENCES) return;
    this.places.set(anchor, at);
  }
}

const foldedAnchors = new WeakMap<Anchor, { quote: string; prefix: string; whole: string }>();

function folded(anchor: Anchor): { quote: string; prefix: string; whole: string } {
  let f = foldedAnchors.get(anchor);
  if (!f) {
    const quote = foldString(anchor.quote);
    const prefix = foldString(anchor.prefix);
    foldedAnchors.set(anchor, (f = { quote, prefix, whole: prefix + quote + foldString(anchor.suffix) }));
  }
  return f;
}

/** The stretch where two texts differ: the longest common start, then the longest common end after it. */
export function changedStretch(a: string, b: string): Edit {
  const max = Math.min(a.length, b.length);
  const CHUNK = 4096;
  let s = 0;
  while (s + CHUNK <= max && a.slice(s, s + CHUNK) === b.slice(s, s + CHUNK)) s += CHUNK;
  while (s < max && a.charCodeAt(s) === b.charCodeAt(s)) s++;
  let e = 0;
  const room = max - s;
  while (e + CHUNK <= room && a.slice(a.length - e - CHUNK, a.length - e) === b.slice(b.length - e - CHUNK, b.length - e)) e += CHUNK;
  while (e < room && a.charCodeAt(a.length - 1 - e) === b.charCodeAt(b.length - 1 - e)) e++;
  return { start: s, oldEnd: a.length - e, newEnd: b.length - e };
}
