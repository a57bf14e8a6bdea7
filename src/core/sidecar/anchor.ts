/**
 * Anchoring annotations to text, and finding them again after the text changed. The quote
 * is the truth and the offsets a hint: every place the words might be is scored
 * (anchorCandidates.ts) by its context, the quote's own edits and the distance from the old
 * place, and the best is taken only when the evidence is enough. Otherwise the annotation is
 * an orphan with the reason, never moved onto other words. All work is bounded.
 */
import { OffsetIndex } from '../text/offsets';
import { exactAgreement } from './approximate';
import { rankAnchorCandidates, type AnchorCandidate } from './anchorCandidates';
import type { Anchor } from './model';

export { rankAnchorCandidates, type AnchorCandidate, type CandidateOptions } from './anchorCandidates';

export const CONTEXT_LENGTH = 32;

/** Builds an anchor for the code-point range [start, end) of `text`. */
export function createAnchor(text: string, start: number, end: number, index = new OffsetIndex(text)): Anchor {
  const s = index.toUtf16(start);
  const e = index.toUtf16(end);
  const cps = (from: number, to: number) => text.slice(from, to);
  const prefixStart = index.toUtf16(Math.max(0, start - CONTEXT_LENGTH));
  const suffixEnd = index.toUtf16(Math.min(index.codePointLength, end + CONTEXT_LENGTH));
  return { quote: cps(s, e), prefix: cps(prefixStart, s), suffix: cps(e, suffixEnd), start, end };
}

export type Resolution =
  | { status: 'exact' | 'moved' | 'fuzzy'; start: number; end: number }
  | { status: 'orphan'; reason: string };

/**
 * How much of the stored context may disagree (edit-weighted, as a share of it) for the
 * words to be taken: much near the old place, where the words most likely are; almost none
 * further away, where repetitive text holds near-copies of any passage. Chosen with
 * per-character identity tracking (test/support/anchorSimulation.ts) as the most lenient
 * values that place nothing on other words, on seeds held out from the choice too.
 */
const NEAR = 32;
const DISAGREEMENT_NEAR = 0.35;
const DISAGREEMENT_FAR = 0.03;
/** Far away, a quote found once, long enough not to recur by chance, with both sides mostly standing. */
const DISAGREEMENT_FAR_UNIQUE = 0.1;
const SIDE_AGREEMENT_FAR_UNIQUE = 0.75;
const UNIQUE_QUOTE = 8;
/** Least share of each side of the context that must agree. */
const SIDE_AGREEMENT = 0.5;
/** Quotes this short are names and numbers that repeat: they need nearly all of their context. */
const SHORT_QUOTE = 4;
const DISAGREEMENT_SHORT = 0.1;
/** A competitor this close in score makes the choice a guess. */
const MARGIN = 0.15;

/**
 * The quote itself, found once, near its old place or with text written between it and one
 * side of its context (besideInsertion), with the other side standing (the paragraph after it
 * was deleted, a heading before it rewritten, a line inserted before it): its words, whatever
 * happened on the other side.
 */
const ONE_SIDE = 0.75;
function oneSideStands(c: AnchorCandidate): boolean {
  const share = (agree: number, length: number) => (length ? agree / length : 0);
  return (
    c.quoteEdits === 0 &&
    c.occurrences === 1 &&
    c.quoteLength >= UNIQUE_QUOTE &&
    (c.distance <= NEAR || c.besideInsertion) &&
    !c.contextElsewhere &&
    Math.max(share(c.prefixAgreement, c.prefixLength), share(c.suffixAgreement, c.suffixLength)) >= ONE_SIDE
  );
}

const complete = (c: AnchorCandidate) => c.quoteEdits === 0 && c.prefixAgreement === c.prefixLength && c.suffixAgreement === c.suffixLength;

/** Why the best candidate is not enough evidence, or undefined when it is. */
export function insufficientEvidence(best: AnchorCandidate, competitor: AnchorCandidate | undefined): string | undefined {
  if (complete(best)) return undefined;
  if (oneSideStands(best)) return undefined;
  if (best.contextElsewhere) return 'its old neighbourhood is still in the text, without the quote: the words were edited';
  const context = best.prefixLength + best.suffixLength;
  const agreement = best.prefixAgreement + best.suffixAgreement;
  if (context === 0) return best.quoteEdits === 0 && best.occurrences === 1 ? undefined : 'no context to tell the places apart';
  const disagreement = (context - agreement + 2 * best.quoteEdits) / context;
  const sideShare = Math.min(best.prefixLength ? best.prefixAgreement / best.prefixLength : 1, best.suffixLength ? best.suffixAgreement / best.suffixLength : 1);
  const farUnique = best.occurrences <= 1 && best.quoteLength >= UNIQUE_QUOTE && sideShare >= SIDE_AGREEMENT_FAR_UNIQUE;
  let allowed = best.distance <= NEAR ? DISAGREEMENT_NEAR : farUnique ? DISAGREEMENT_FAR_UNIQUE : DISAGREEMENT_FAR;
  if (best.quoteLength <= SHORT_QUOTE) allowed = Math.min(allowed, DISAGREEMENT_SHORT);
  const sides = sideShare >= SIDE_AGREEMENT;
  if (disagreement > allowed || !sides) {
    const what = best.quoteEdits ? `words like the quote (${best.quoteEdits} edit${best.quoteEdits > 1 ? 's' : ''})` : 'the quote';
    return `${what} found only with ${agreement} of ${context} characters of its context`;
  }
  if (competitor && best.score - competitor.score < MARGIN) {
    return `${best.occurrences > 1 ? `the quote is found ${best.occurrences} times` : 'two places fit'} and its context does not tell them apart`;
  }
  return undefined;
}

/** Whether the quote stands at its old offset with all of its context (then it is there: 'exact'). */
export function standsAtHint(text: string, anchor: Anchor, index: OffsetIndex): boolean {
  const quote = anchor.quote;
  const hint = index.toUtf16(anchor.start);
  return (
    quote.length > 0 &&
    index.toCodePoint(hint) === anchor.start &&
    text.startsWith(quote, hint) &&
    exactAgreement(text, hint, anchor.prefix, true) === anchor.prefix.length &&
    exactAgreement(text, hint + quote.length, anchor.suffix, false) === anchor.suffix.length
  );
}

/**
 * Where the anchor lies in `text` now, in code points. `index` may be passed when resolving
 * many anchors against one text.
 */
export function resolveAnchor(text: string, anchor: Anchor, index = new OffsetIndex(text)): Resolution {
  const quote = anchor.quote;
  if (!quote) return { status: 'orphan', reason: 'empty quote' };
  // unchanged words in an unchanged neighbourhood: nothing to weigh
  if (standsAtHint(text, anchor, index)) return { status: 'exact', start: anchor.start, end: anchor.start + [...quote].length };
  const candidates = rankAnchorCandidates(text, anchor, { index, stopAtComplete: true });
  const best = candidates[0];
  if (!best) return { status: 'orphan', reason: 'quote not found, even approximately' };
  const competitor = candidates.find((c) => c.end <= best.start || c.start >= best.end);
  const why = insufficientEvidence(best, competitor);
  if (why) return { status: 'orphan', reason: why };
  const words = text.slice(index.toUtf16(best.start), index.toUtf16(best.end));
  const status = words !== quote ? 'fuzzy' : best.start === anchor.start ? 'exact' : 'moved';
  return { status, start: best.start, end: best.end };
}
