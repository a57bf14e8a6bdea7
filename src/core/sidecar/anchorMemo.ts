/**
 * Re-anchoring while an article is typed in: resolveAnchor on every version searches the
 * whole text for each annotation's quote (a megabyte article, dozens of annotations, every
 * keystroke). Where an annotation's words stood whole with all their context, the places
 * an edit left alone hold them in the next version too, moved by the edit's length, and any
 * other place overlaps the edited stretch: that stretch is all that is searched. Where the
 * words stand whole, resolveAnchor takes the one nearest the old offset outright (anchor.ts,
 * anchorCandidates.ts: they all score alike), so that is taken without the search; where
 * they no longer do, resolveAnchor decides.
 */
import { OffsetIndex } from '../text/offsets';
import { resolveAnchor, standsAtHint, type Resolution } from './anchor';
import { foldString, foldedText, FoldedText } from './anchorText';
import type { Anchor } from './model';

/** A quote found more often than this is left to resolveAnchor (which looks at 50,000 places at most). */
const MAX_QUOTE_OCCURRENCES = 20_000;
/** Words standing whole at more places than this are left to resolveAnchor (which weighs 256 at most). */
const MAX_PLACES = 64;
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
  /**
   * Where each anchor's words stand whole with their context in the last text (UTF-16 starts
   * of the quote, ascending), and at most how often the quote stands there.
   */
  private places = new Map<Anchor, { at: number[]; quotes: number }>();
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

  private shifted(text: string, anchor: Anchor, index: OffsetIndex, known: { at: number[]; quotes: number }, edit: Edit): Resolution | undefined {
    if (edit.newEnd - edit.start > MAX_EDIT) return undefined;
    const { quote, prefix, whole } = folded(anchor);
    const delta = edit.newEnd - edit.oldEnd;
    const places = new Set<number>();
    // the places the edit left alone, moved
    for (const at of known.at) {
      const spanStart = at - prefix.length;
      if (spanStart + whole.length <= edit.start) places.add(at);
      else if (spanStart >= edit.oldEnd) places.add(at + delta);
    }
    // and any other place overlaps the edited stretch
    const from = Math.max(0, edit.start - whole.length);
    const to = Math.min(text.length, edit.newEnd + whole.length);
    if (to - from >= whole.length) {
      const t = new FoldedText(text.slice(from, to)).text;
      for (let i = t.indexOf(whole); i >= 0; i = t.indexOf(whole, i + 1)) places.add(from + i + prefix.length);
    }
    const quotes = known.quotes + (to - from);
    if (!places.size || places.size > MAX_PLACES || quotes > MAX_QUOTE_OCCURRENCES) return undefined;
    const at = [...places].sort((a, b) => a - b);
    this.places.set(anchor, { at, quotes });
    this.shortcuts++;
    // every place scores alike: the nearest to the old offset wins (the first of two as near)
    const hint = index.toUtf16(anchor.start);
    let best = at[0]!;
    for (const p of at) if (Math.abs(p - hint) < Math.abs(best - hint)) best = p;
    const start = index.toCodePoint(best);
    const end = index.toCodePoint(best + quote.length);
    const words = text.slice(index.toUtf16(start), index.toUtf16(end));
    return { status: words !== anchor.quote ? 'fuzzy' : start === anchor.start ? 'exact' : 'moved', start, end };
  }

  /** Notes the places where the words stand whole with their context, if they were placed on one of them. */
  private remember(text: string, anchor: Anchor, placed: number): void {
    const { quote, prefix, whole } = folded(anchor);
    const t = foldedText(text).text;
    const at: number[] = [];
    for (let i = t.indexOf(whole); i >= 0; i = t.indexOf(whole, i + 1)) if (at.push(i + prefix.length) > MAX_PLACES) return;
    if (!at.includes(placed)) return;
    let quotes = 0;
    for (let i = t.indexOf(quote); i >= 0; i = t.indexOf(quote, i + 1)) if (++quotes > MAX_QUOTE_OCCURRENCES) return;
    this.places.set(anchor, { at, quotes });
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
