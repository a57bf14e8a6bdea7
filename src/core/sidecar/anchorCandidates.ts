/**
 * Where an annotation's words might be now: every exact occurrence of its quote and the
 * approximate ones near its old place or near surviving pieces of its context, each scored
 * by how much of its prefix and suffix still agree (allowing for edits), how much the quote
 * itself was edited, and how far it is from the old offset. Pure: the re-anchoring decision
 * (anchor.ts) and the "re-attach orphan" quick pick both rank with it.
 */
import { OffsetIndex } from '../text/offsets';
import { approximateOccurrences, contextAgreement, exactAgreement } from './approximate';
import { foldString, foldedText, type FoldedText } from './anchorText';
import type { Anchor } from './model';

export interface AnchorCandidate {
  /** Code points in the text, end exclusive. */
  start: number;
  end: number;
  /** Edits between the quote and the words here (0: the quote as it was, up to script and line endings). */
  quoteEdits: number;
  /** Characters of the stored prefix and suffix that still stand next to these words, allowing for edits. */
  prefixAgreement: number;
  suffixAgreement: number;
  /** Characters of the stored prefix and suffix (folded), the most that can agree. */
  prefixLength: number;
  suffixLength: number;
  /** Characters of the quote (folded). */
  quoteLength: number;
  /** How many places hold the quote exactly (1: it is unique). */
  occurrences: number;
  /**
   * Whether a side of the context that does not agree here stands whole somewhere else: then
   * the words' old neighbourhood survives elsewhere without them, and these are other words.
   */
  contextElsewhere: boolean;
  /**
   * Whether text was written between these words (the quote as it was, found once) and one
   * side of their context: that side stands whole once, on its own side of them, at most
   * INSERTED characters off with no other place of the words between, and the other side
   * stands beside them and nowhere else. (Then that side standing apart is no sign of
   * other words, and the distance from the old offset is the insertion's length.)
   */
  besideInsertion: boolean;
  /** Distance in characters from the old offset. */
  distance: number;
  /** Agreement of quote and context together, 0 to 1; candidates are ranked by it. */
  score: number;
}

export interface CandidateOptions {
  index?: OffsetIndex;
  /** Most candidates returned (all by default). */
  limit?: number;
  /** Also search approximately far from the old place (slower; for a person choosing). */
  wide?: boolean;
  /**
   * Skip approximate matching when the quote stands with all of its context somewhere (no
   * approximate place can score higher): what re-anchoring needs, not a person choosing.
   */
  stopAtComplete?: boolean;
}

/** Most exact occurrences looked at; a quote found more often than this is hopelessly ambiguous. */
const MAX_OCCURRENCES = 50_000;
/** Most occurrences whose context is aligned with edits (the rest are ranked by exact context). */
const MAX_ALIGNED = 256;
/** Quotes shorter than this are matched exactly only. */
export const MIN_FUZZY_QUOTE = 5;
/** Longest quote that approximate matching is tried for. */
const MAX_FUZZY_QUOTE = 256;
/** Length of a piece of context looked up to find where the words went. */
const PROBE = 10;
/** Most places per probe that approximate matching is tried around. */
const MAX_PROBE_HITS = 8;
/** Shortest side of context whose survival elsewhere is telling. */
const MIN_TELLING_CONTEXT = 12;
/** A side of context standing this close to the words is next to them, with an edit in between. */
const NEXT_TO = 8;
/** Most characters written between words and a side of their context for that side to count as theirs (besideInsertion). */
const INSERTED = 400;
/** Extra room around an expected place for edits in between. */
const ROOM = 16;
const WIDE_WINDOW = 4000;

interface Folded {
  text: FoldedText;
  quote: string;
  prefix: string;
  suffix: string;
  hint: number;
}

function prepare(text: string, anchor: Anchor, index: OffsetIndex): Folded {
  const folded = foldedText(text);
  return {
    text: folded,
    quote: foldString(anchor.quote),
    prefix: foldString(anchor.prefix),
    suffix: foldString(anchor.suffix),
    hint: folded.fromRaw(index.toUtf16(anchor.start)),
  };
}

/** Edit budget of a quote: a fifth of it. */
export function editBudget(quoteLength: number): number {
  return quoteLength < MIN_FUZZY_QUOTE || quoteLength > MAX_FUZZY_QUOTE ? 0 : Math.floor(quoteLength / 5);
}

function occurrences(t: string, s: string, max = MAX_OCCURRENCES): number[] {
  const out: number[] = [];
  for (let at = t.indexOf(s); at >= 0 && out.length < max; at = t.indexOf(s, at + 1)) out.push(at);
  return out;
}

/** Characters of a piece of the quote that, found between words and a side of their context, makes that side theirs. */
const PIECE = 5;

/** Whether `between` holds PIECE characters in a row of `quote` (bounded: INSERTED characters, a quote's pieces). */
function holdsPieceOf(between: string, quote: string): boolean {
  for (let k = 0; k + PIECE <= quote.length; k++) if (between.includes(quote.slice(k, k + PIECE))) return true;
  return false;
}

/** Windows where approximate matching is tried: the old place and where context still stands. */
function fuzzyWindows(f: Folded, budget: number, wide: boolean): Array<[number, number]> {
  const t = f.text.text;
  const q = f.quote.length;
  const pad = budget + ROOM;
  const expected: number[] = [f.hint];
  const probes: Array<[string, number]> = [];
  if (f.prefix.length >= PROBE) {
    probes.push([f.prefix.slice(-PROBE), PROBE]);
    if (f.prefix.length >= 2 * PROBE) probes.push([f.prefix.slice(0, PROBE), f.prefix.length]);
  }
  if (f.suffix.length >= PROBE) {
    probes.push([f.suffix.slice(0, PROBE), -q]);
    if (f.suffix.length >= 2 * PROBE) probes.push([f.suffix.slice(-PROBE), PROBE - f.suffix.length - q]);
  }
  for (const [probe, shift] of probes) {
    const hits: number[] = [];
    for (let at = t.indexOf(probe); at >= 0 && hits.length < MAX_OCCURRENCES; at = t.indexOf(probe, at + 1)) hits.push(at + shift);
    hits.sort((a, b) => Math.abs(a - f.hint) - Math.abs(b - f.hint));
    expected.push(...hits.slice(0, MAX_PROBE_HITS));
  }
  const windows = expected.map((e): [number, number] => [Math.max(0, e - pad), Math.min(t.length, e + q + pad)]);
  if (wide) windows.push([Math.max(0, f.hint - WIDE_WINDOW), Math.min(t.length, f.hint + q + WIDE_WINDOW)]);
  windows.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const w of windows) {
    const last = merged[merged.length - 1];
    if (last && w[0] <= last[1]) last[1] = Math.max(last[1], w[1]);
    else if (w[1] > w[0]) merged.push([...w]);
  }
  return merged;
}

/**
 * Every place the anchor's words might be, best first (by score, then nearest the old
 * offset). Offsets are code points of `text`.
 */
export function rankAnchorCandidates(text: string, anchor: Anchor, options: CandidateOptions = {}): AnchorCandidate[] {
  const index = options.index ?? new OffsetIndex(text);
  if (!anchor.quote) return [];
  const f = prepare(text, anchor, index);
  const t = f.text.text;
  const q = f.quote.length;
  const exact = occurrences(t, f.quote);
  const completeAt = (s: number) =>
    exactAgreement(t, s, f.prefix, true) === f.prefix.length && exactAgreement(t, s + q, f.suffix, false) === f.suffix.length;
  // the quote with all of its context wins outright: nothing else needs scoring
  const completes = options.stopAtComplete ? exact.filter(completeAt) : [];
  // exact places: align the context of the most promising ones (by exact context, then distance)
  let aligned = completes.length ? completes : exact;
  if (aligned.length > MAX_ALIGNED) {
    const cheap = new Map(aligned.map((s) => [s, exactAgreement(t, s, f.prefix, true) + exactAgreement(t, s + q, f.suffix, false)]));
    const byContext = [...aligned].sort((a, b) => cheap.get(b)! - cheap.get(a)! || Math.abs(a - f.hint) - Math.abs(b - f.hint));
    const byDistance = [...aligned].sort((a, b) => Math.abs(a - f.hint) - Math.abs(b - f.hint));
    aligned = [...new Set([...byContext.slice(0, MAX_ALIGNED - 64), ...byDistance.slice(0, 64)])];
  }
  const places = aligned.map((s) => ({ s, e: s + q, cost: 0 }));
  const budget = editBudget(q);
  if (budget > 0 && !completes.length) {
    for (const [a, b] of fuzzyWindows(f, budget, options.wide ?? false)) {
      for (const hit of approximateOccurrences(t, a, b, f.quote, budget)) {
        if (hit.cost > 0) places.push({ s: hit.start, e: hit.end, cost: hit.cost });
      }
    }
  }
  // where each side of the context stands whole: not next to a candidate, it may be the
  // words' old neighbourhood, left without them (or a phrase that recurs: then the choice is
  // a guess either way)
  const prefixEnds = f.prefix.length >= MIN_TELLING_CONTEXT ? occurrences(t, f.prefix).map((p) => p + f.prefix.length) : [];
  const suffixStarts = f.suffix.length >= MIN_TELLING_CONTEXT ? occurrences(t, f.suffix) : [];
  const elsewhere = (stands: number[], at: number, before: boolean) =>
    stands.some((p) => (before ? p < at - NEXT_TO || p > at : p > at + NEXT_TO || p < at));
  // (a side standing once, here and nowhere else: long enough to tell, and found only at `at`)
  const onlyAt = (stands: number[], length: number, at: number) => length >= MIN_TELLING_CONTEXT && stands.length === 1 && stands[0] === at;
  // (and no other place of the words between, nor a piece of them: the side would be theirs,
  // edited or not, and these a copy)
  const wordsWithin = (from: number, to: number) => places.some((p) => p.s >= from && p.e <= to) || holdsPieceOf(t.slice(from, to), f.quote);
  const besideInsertion = (s: number, e: number, prefixAgrees: boolean, suffixAgrees: boolean) => {
    if (!prefixAgrees && suffixAgrees && prefixEnds.length === 1 && onlyAt(suffixStarts, f.suffix.length, e)) {
      const p = prefixEnds[0]!;
      return p < s && p >= s - INSERTED && !wordsWithin(p, s);
    }
    if (!suffixAgrees && prefixAgrees && suffixStarts.length === 1 && onlyAt(prefixEnds, f.prefix.length, s)) {
      const p = suffixStarts[0]!;
      return p > e && p <= e + INSERTED && !wordsWithin(e, p);
    }
    return false;
  };
  const candidates = places.map(({ s, e, cost }): AnchorCandidate => {
    const prefixAgreement = contextAgreement(t, s, f.prefix, true);
    const suffixAgreement = contextAgreement(t, e, f.suffix, false);
    const rawStart = f.text.toRaw(s);
    const rawEnd = e > s ? f.text.toRaw(e - 1) + 1 : rawStart;
    const context = f.prefix.length + f.suffix.length;
    // (only for the quote as it was, found once: edited words near a side of old context are weighed as before)
    const inserted = cost === 0 && exact.length === 1 && besideInsertion(s, e, prefixAgreement === f.prefix.length, suffixAgreement === f.suffix.length);
    return {
      start: index.toCodePoint(rawStart),
      end: index.toCodePoint(rawEnd),
      quoteEdits: cost,
      prefixAgreement,
      suffixAgreement,
      prefixLength: f.prefix.length,
      suffixLength: f.suffix.length,
      quoteLength: q,
      occurrences: exact.length,
      contextElsewhere:
        !inserted && ((prefixAgreement < f.prefix.length && elsewhere(prefixEnds, s, true)) || (suffixAgreement < f.suffix.length && elsewhere(suffixStarts, e, false))),
      besideInsertion: inserted,
      distance: Math.abs(s - f.hint),
      score: (prefixAgreement + suffixAgreement + Math.max(0, q - 2 * cost)) / (context + q),
    };
  });
  candidates.sort((a, b) => b.score - a.score || a.distance - b.distance || a.quoteEdits - b.quoteEdits);
  return options.limit !== undefined ? candidates.slice(0, options.limit) : candidates;
}
