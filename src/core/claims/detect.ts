/**
 * Claims: the checkable statements of a paragraph. Each candidate unit (select.ts) gets
 * its source (attribution.ts), its checkability features (features.ts), a calibrated
 * check-worthiness score (score.ts), a type, its figures and entities, and the arithmetic
 * checks of its figures. Every candidate is scored; callers keep those at or above the
 * threshold (`isCheckWorthy`).
 */
import type { EntityMention } from '../entities/detect';
import type { Lexicon } from '../entities/lexicon';
import type { Figure } from '../figures/types';
import { isArabicDigit } from '../figures/numerals';
import { toSimplifiedView } from '../script/normalize';
import { checkArithmetic, mayStateAny, type ArithmeticCheck } from './arithmetic';
import { attributeInto, clearFinding, noFinding, type Attribution, type AttributionContext, type AttributionFinding } from './attribution';
import { KEY } from './unitChars';
import { findCue, readUnitWithCuesAt, SCAN } from './cues';
import { readParagraph, releaseParagraph, unitCopy } from './codes';
import { extractFeaturesInto, featureScratch, type FeatureInput, type Features } from './features';
import { Contributions, scoreInto } from './score';
import { JOINED_SPEAKER, readClaimUnits } from './select';
import { type Message } from '../text/message';
import { replaceBracketed } from '../text/bracketed';
import { collectReasons, foundMessages, foundTexts } from './reasons';
import { Within } from './within';

export type { Attribution, SourceKind } from './attribution';

export const CLAIM_TYPES = ['statistic', 'event', 'quote', 'forecast', 'opinion'] as const;
export type ClaimType = (typeof CLAIM_TYPES)[number];

export interface Claim {
  /** UTF-16 offsets into the analysed text, end exclusive. */
  start: number;
  end: number;
  text: string;
  type: ClaimType;
  source?: Attribution;
  figures: Figure[];
  entities: EntityMention[];
  /** 0 to 1: the calibrated chance that a checker would call this a claim worth checking. */
  score: number;
  /** What raised or lowered the score most, in English words, and as messages. */
  reasons: string[];
  reasonMessages: Message[];
  checks: ArithmeticCheck[];
}

export interface ClaimInput {
  /** The paragraph's text. */
  text: string;
  /** The Simplified view of `text` (same offsets), if the caller has it already. */
  simplified?: string;
  /** Its figures and entities, with offsets into `text`. */
  figures: Figure[];
  entities: EntityMention[];
  /** The lexicon the entities were linked with, to link a source the entity pass left unmarked. */
  lexicon?: Lexicon;
}

/** A scored candidate with the features behind its score (for calibration and the bench). */
export interface ScoredUnit {
  claim: Claim;
  features: Features;
}

const SPEECH_BEFORE_QUOTE = /([：:]|表示|称|说|指出|强调|坦言|直言|解释|透露|承认)\s*[“「『]/u;
const FORECAST_WORDS = /预计|预测|将达|将超|有望|计划|目标/u;
const MIN_LETTERS = 5;

/** The claims of one body paragraph, every candidate scored. */
export function detectClaims(p: ClaimInput): Claim[] {
  claimCount = 0;
  candidates(p, keepClaim);
  // (copied into a list of their number, which the analysis keeps: one grown by push has room
  // for 17, and a paragraph has two or three claims)
  const out = new Array<Claim>(claimCount);
  for (let k = 0; k < claimCount; k++) {
    out[k] = CLAIMS[k]!;
    CLAIMS[k] = undefined;
  }
  return out;
}

/** The claims of the paragraph being read (detectClaims never runs inside itself): the first `claimCount`, then emptied. */
const CLAIMS: Array<Claim | undefined> = [];
let claimCount = 0;

function keepClaim(claim: Claim): void {
  CLAIMS[claimCount++] = claim;
}

/**
 * Every candidate unit of one body paragraph with its features. Credit lines, tag clouds,
 * navigation and headings never reach here (the analyser leaves noise out).
 */
export function detectClaimCandidates(p: ClaimInput): ScoredUnit[] {
  const out: ScoredUnit[] = [];
  // (the features are the stage's own, written over for the next unit: a copy of each is kept)
  candidates(p, (claim, features) => out.push({ claim, features: { ...features } }));
  return out;
}

const isSalient = (f: Figure): boolean => f.salient === true;

/** Salient figures of `list` within [from, end) (the passage of a unit and the one before it). */
function salientWithin(list: readonly Figure[], from: number, end: number): Figure[] {
  const out: Figure[] = [];
  for (const f of list) if (f.start >= from && f.end <= end && f.salient) out.push(f);
  return out;
}

/** Checks that state a figure at or after `start`. */
function statedFrom(checks: ArithmeticCheck[], start: number): ArithmeticCheck[] {
  const out: ArithmeticCheck[] = [];
  for (const c of checks) if (c.stated.start >= start) out.push(c);
  return out;
}

/**
 * 三种, 两件事, 两款产品, 接近两人的知情人士: one, two or three of something, in words. They
 * name and enumerate rather than state an amount, so they make no statistic. People counted
 * before what befell them stay one (两人死亡, 三名员工被裁): a casualty count is a figure to check.
 */
function isSmallCountInWords(f: Figure, type: Figure['type'], norm: string): boolean {
  // (with or without an approximation read before it: 接近两人 is "close to the two", and nearly two of anything is no amount)
  // (`type` is f.type, read by the caller; each field read once)
  if (type !== 'count') return false;
  const value = f.value;
  if (typeof value !== 'number' || value > 3) return false;
  const text = f.text;
  for (let k = 0; k < text.length; k++) if (isArabicDigit(text.charCodeAt(k))) return false;
  return !PERSON_CLASSIFIERS.has(text[text.length - 1]!) || norm[f.end] === '的';
}

const PERSON_CLASSIFIERS = new Set(['人', '名', '位']);

/**
 * What the stage writes each unit's features, cues and contributions into, read before the next
 * unit (none of them is part of a claim; detectClaimCandidates copies the features it keeps).
 */
const SCRATCH = featureScratch();
const CONTRIBUTIONS = new Contributions();
/** Each unit's attribution finding, written over by the next unit's (the claims keep only its source). */
const FINDING = noFinding();
/**
 * The inputs of attribute() and extractFeaturesInto, written over for each unit (neither keeps
 * its input): two objects of some ten fields per sentence otherwise.
 */
const ATTRIBUTION_INPUT: AttributionContext = { norm: '', text: '', entities: [], base: 0, previous: undefined, lexicon: undefined, pureQuote: false, keys: 0 };
const FEATURE_INPUT: FeatureInput = { norm: '', pureQuote: false, figures: [], entities: [], base: 0, attribution: {}, keys: 0, letters: 0 };

/**
 * Every scored candidate, given to `take` in order (no list of candidate objects where only
 * claims are wanted). The features given are written over by the next candidate.
 */
function candidates(p: ClaimInput, take: (claim: Claim, features: Features) => void): void {
  try {
    candidatesOf(p, take);
  } finally {
    // the shared inputs must not keep the last sentence's article, entities or lexicon alive
    // (written field by field, with shared empty lists: two literals and four objects per paragraph otherwise)
    const a = ATTRIBUTION_INPUT;
    a.norm = '';
    a.text = '';
    a.entities = NO_ENTITIES;
    a.previous = undefined;
    a.lexicon = undefined;
    const f = FEATURE_INPUT;
    f.norm = '';
    f.figures = NO_FIGURES;
    f.entities = NO_ENTITIES;
    f.attribution = NO_FINDING;
    // (nor the last finding its source, a slice of the article)
    clearFinding(FINDING);
    FIGURES_IN.clear();
    ENTITIES_IN.clear();
    releaseParagraph();
  }
}

/** What the shared inputs hold between paragraphs (read by nobody; never written). */
const NO_ENTITIES: readonly EntityMention[] = [];
const NO_FIGURES: readonly Figure[] = [];
const NO_FINDING: AttributionFinding = {};

function candidatesOf(p: ClaimInput, take: (claim: Claim, features: Features) => void): void {
  const norm = p.simplified ?? toSimplifiedView(p.text).text;
  let previousSource: Attribution | undefined;
  // (where the unit before starts, -1 before the first: a relation may reach back to its figures)
  let previousStart = -1;
  const figuresIn = FIGURES_IN;
  const entitiesIn = ENTITIES_IN;
  figuresIn.reset(p.figures, isSalient);
  entitiesIn.reset(p.entities);
  // (each unit's Simplified text a string of its own, not a view into the paragraph: the stage
  // reads its characters a dozen times over, through the cue scan, the attribution and the features;
  // and the paragraph's codes, which the cue scan reads: see codes.ts)
  const codes = readParagraph(norm);
  const same = norm === p.text;
  // (the units as offsets and flags, read in order: no object per unit)
  const units = readClaimUnits(norm, codes);
  for (let k = 0; k < units.count; k++) {
    const start = units.starts[k]!;
    const end = units.ends[k]!;
    const pureQuote = units.pureQuote[k] === 1;
    const sNorm = unitCopy(start, end);
    const sentence = same ? sNorm : p.text.slice(start, end);
    // fragments, and reading lists made of titles only (《…》《…》)
    if (!hasEnoughLetters(sentence)) {
      previousStart = start;
      continue;
    }
    const figures = figuresIn.take(start, end);
    const entities = entitiesIn.take(start, end);
    // the unit's findings in paragraph offsets, the unit's start taken off where they are compared (no copies)
    // (which of a few characters the unit has: read once for the attribution, the features and the type)
    // (with the cues of all scanned lists, which the attribution and the features ask about next)
    const { keys, letters } = readUnitWithCuesAt(sNorm, codes, start);
    const actx = ATTRIBUTION_INPUT;
    actx.norm = sNorm;
    actx.text = sentence;
    actx.entities = entities;
    actx.base = start;
    actx.previous = previousSource;
    actx.lexicon = p.lexicon;
    actx.pureQuote = pureQuote;
    actx.keys = keys;
    const attribution = attributeInto(actx, FINDING);
    const source = attribution.source;
    const fin = FEATURE_INPUT;
    fin.norm = sNorm;
    fin.pureQuote = pureQuote;
    fin.figures = figures;
    fin.entities = entities;
    fin.base = start;
    fin.attribution = attribution;
    fin.keys = keys;
    fin.letters = letters;
    const { features, cues } = extractFeaturesInto(fin, SCRATCH);
    // a question asks, it does not assert (a question in someone's reported speech is theirs, and stays)
    if (features.question) {
      previousStart = start;
      continue;
    }

    // keywords are Simplified: check against the Simplified view (same offsets)
    // (every relation needs two salient figures, and these are the salient ones)
    let checks = figures.length >= 2 ? checkArithmetic({ text: norm, figures }) : [];
    // (counted, not listed: only how many amounts there are and whether one is a percentage matter)
    let amounts = 0;
    let percent = false;
    for (const f of figures) {
      // (a figure's type read once: figures come in many shapes, and each read of one is a generic look-up)
      const t = f.type;
      if (t === 'date' || t === 'rank' || t === 'duration' || isSmallCountInWords(f, t, norm)) continue;
      amounts++;
      if (t === 'percent') percent = true;
    }
    // (only the checks that state a figure of this unit are kept: where no relation can state one, the two units are not read again)
    if (checks.length === 0 && previousStart >= 0 && percent && mayStateAny(norm, figures)) {
      // the relation may reach back to the figures of the sentence before
      checks = statedFrom(checkArithmetic({ text: norm, figures: salientWithin(p.figures, previousStart, end) }, start), start);
    }

    const modelScore = scoreInto(features, CONTRIBUTIONS);
    // a failed check is the most worth-checking thing an article can hold
    let fails = false;
    for (const c of checks) if (c.verdict === 'does not hold') fails = true;
    const score = fails ? Math.max(modelScore, 0.95) : modelScore;
    collectReasons(CONTRIBUTIONS, cues, figures, entities, source, fails);
    const reasonMessages = foundMessages();
    const reasons = foundTexts();

    const quoted = source !== undefined && (((keys & KEY.anyQuote) !== 0 && SPEECH_BEFORE_QUOTE.test(sNorm)) || pureQuote || units.joined[k] === JOINED_SPEAKER);
    const opinion = (source !== undefined && findCue(sNorm, SCAN.hedges) !== undefined) || findCue(sNorm, SCAN.opinionVerbs) !== undefined;
    let type: ClaimType;
    if (quoted) type = 'quote';
    else if (opinion && amounts === 0) type = 'opinion';
    else if (features.forecast && !features.figure) type = 'forecast';
    else if (features.forecast && FORECAST_WORDS.test(sNorm)) type = 'forecast';
    else if (amounts > 0) type = 'statistic';
    else if (opinion || features.hedge) type = 'opinion';
    else type = 'event';

    // one literal per shape, its keys in the same order: a property added to a literal's object
    // goes to a store of its own, allocated besides
    const claim: Claim = source
      ? { start, end, text: sentence, type, figures, entities, score, reasons, reasonMessages, checks, source }
      : { start, end, text: sentence, type, figures, entities, score, reasons, reasonMessages, checks };
    take(claim, features);
    if (source?.kind === 'named' || source?.kind === 'anonymous') previousSource = source;
    previousStart = start;
  }
}

/** The stage's readers of a paragraph's figures and entities (candidatesOf is never called inside itself). */
const FIGURES_IN = new Within<Figure>();
const ENTITIES_IN = new Within<EntityMention>();

/**
 * hasLetters(s without its titles, MIN_LETTERS), the titles taken out only where one opens
 * before the MIN_LETTERS-th letter: what a title takes out starts at its 《, so letters before
 * the first 《 stay (most units: read up to their fifth letter, with no search of the whole unit).
 */
function hasEnoughLetters(s: string): boolean {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x300a /* 《 */) return hasLetters(replaceBracketed(s, '《', '》', ''), MIN_LETTERS);
    if (((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) && ++n >= MIN_LETTERS) return true;
  }
  return false;
}

/** Whether `s` has at least `min` letters (CJK or Latin): read up to the `min`th, not the whole sentence. */
function hasLetters(s: string, min: number): boolean {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) && ++n >= min) return true;
  }
  return n >= min;
}
