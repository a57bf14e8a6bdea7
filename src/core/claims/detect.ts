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
import { checkArithmetic, type ArithmeticCheck } from './arithmetic';
import { attribute, type Attribution, type AttributionContext, type AttributionFinding } from './attribution';
import { KEY } from './unitChars';
import { findCue, readUnitWithCues, SCAN } from './cues';
import { extractFeaturesInto, FEATURES, featureScratch, type FeatureInput, type FeatureName, type Features } from './features';
import { Contributions, type Contribution } from './score';
import { scoreInto } from './score';
import { claimUnits } from './select';
import { msg, renderMessage, type Message } from '../text/message';
import { replaceBracketed } from '../text/bracketed';

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
  const out: Claim[] = [];
  candidates(p, (claim) => out.push(claim));
  return out;
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
function isSmallCountInWords(f: Figure, norm: string): boolean {
  // (with or without an approximation read before it: 接近两人 is "close to the two", and nearly two of anything is no amount)
  if (f.type !== 'count' || typeof f.value !== 'number' || f.value > 3) return false;
  for (let k = 0; k < f.text.length; k++) if (isArabicDigit(f.text.charCodeAt(k))) return false;
  return !PERSON_CLASSIFIERS.has(f.text[f.text.length - 1]!) || norm[f.end] === '的';
}

const PERSON_CLASSIFIERS = new Set(['人', '名', '位']);

/**
 * What the stage writes each unit's features, cues and contributions into, read before the next
 * unit (none of them is part of a claim; detectClaimCandidates copies the features it keeps).
 */
const SCRATCH = featureScratch();
const CONTRIBUTIONS = new Contributions();
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
    FIGURES_IN.clear();
    ENTITIES_IN.clear();
  }
}

/** What the shared inputs hold between paragraphs (read by nobody; never written). */
const NO_ENTITIES: readonly EntityMention[] = [];
const NO_FIGURES: readonly Figure[] = [];
const NO_FINDING: AttributionFinding = {};

function candidatesOf(p: ClaimInput, take: (claim: Claim, features: Features) => void): void {
  const norm = p.simplified ?? toSimplifiedView(p.text).text;
  let previousSource: Attribution | undefined;
  let previousUnit: { start: number; end: number } | undefined;
  const figuresIn = FIGURES_IN;
  const entitiesIn = ENTITIES_IN;
  figuresIn.reset(p.figures, isSalient);
  entitiesIn.reset(p.entities);
  for (const u of claimUnits(norm)) {
    const sentence = p.text.slice(u.start, u.end);
    const sNorm = norm.slice(u.start, u.end);
    // fragments, and reading lists made of titles only (《…》《…》)
    if (!hasEnoughLetters(sentence)) {
      previousUnit = u;
      continue;
    }
    const figures = figuresIn.take(u.start, u.end);
    const entities = entitiesIn.take(u.start, u.end);
    // the unit's findings in paragraph offsets, the unit's start taken off where they are compared (no copies)
    // (which of a few characters the unit has: read once for the attribution, the features and the type)
    // (with the cues of all scanned lists, which the attribution and the features ask about next)
    const { keys, letters } = readUnitWithCues(sNorm);
    const actx = ATTRIBUTION_INPUT;
    actx.norm = sNorm;
    actx.text = sentence;
    actx.entities = entities;
    actx.base = u.start;
    actx.previous = previousSource;
    actx.lexicon = p.lexicon;
    actx.pureQuote = u.pureQuote;
    actx.keys = keys;
    const attribution = attribute(actx);
    const source = attribution.source;
    const fin = FEATURE_INPUT;
    fin.norm = sNorm;
    fin.pureQuote = u.pureQuote;
    fin.figures = figures;
    fin.entities = entities;
    fin.base = u.start;
    fin.attribution = attribution;
    fin.keys = keys;
    fin.letters = letters;
    const { features, cues } = extractFeaturesInto(fin, SCRATCH);
    // a question asks, it does not assert (a question in someone's reported speech is theirs, and stays)
    if (features.question) {
      previousUnit = u;
      continue;
    }

    // keywords are Simplified: check against the Simplified view (same offsets)
    // (every relation needs two salient figures, and these are the salient ones)
    let checks = figures.length >= 2 ? checkArithmetic({ text: norm, figures }) : [];
    // (counted, not listed: only how many amounts there are and whether one is a percentage matter)
    let amounts = 0;
    let percent = false;
    for (const f of figures) {
      if (f.type === 'date' || f.type === 'rank' || f.type === 'duration' || isSmallCountInWords(f, norm)) continue;
      amounts++;
      if (f.type === 'percent') percent = true;
    }
    if (checks.length === 0 && previousUnit && percent) {
      // the relation may reach back to the figures of the sentence before
      checks = statedFrom(checkArithmetic({ text: norm, figures: salientWithin(p.figures, previousUnit.start, u.end) }), u.start);
    }

    const modelScore = scoreInto(features, CONTRIBUTIONS);
    // a failed check is the most worth-checking thing an article can hold
    let fails = false;
    for (const c of checks) if (c.verdict === 'does not hold') fails = true;
    const score = fails ? Math.max(modelScore, 0.95) : modelScore;
    collectReasons(CONTRIBUTIONS, cues, figures, entities, source, fails);
    const reasonMessages = foundMessages();
    const reasons = foundTexts();

    const quoted = source !== undefined && (((keys & KEY.anyQuote) !== 0 && SPEECH_BEFORE_QUOTE.test(sNorm)) || u.pureQuote || u.joined === 'speaker');
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
      ? { start: u.start, end: u.end, text: sentence, type, figures, entities, score, reasons, reasonMessages, checks, source }
      : { start: u.start, end: u.end, text: sentence, type, figures, entities, score, reasons, reasonMessages, checks };
    take(claim, features);
    if (source?.kind === 'named' || source?.kind === 'anonymous') previousSource = source;
    previousUnit = u;
  }
}

/**
 * The findings inside each unit, units taken in order: a paragraph's findings come sorted by
 * start, so each unit reads only its own stretch of them instead of all (a long paragraph's
 * units times its findings). Unsorted lists are read whole, as before. Each finding's start,
 * end and `keep` are read once per paragraph (findings of many shapes: each read of one is a
 * look-up the engine cannot specialise), into arrays the stage keeps from one paragraph to
 * the next (typed arrays made per paragraph cost more than the reads they saved).
 */
class Within<T extends { start: number; end: number }> {
  private list: readonly T[] = NOTHING;
  private keep: ((x: T) => boolean) | undefined;
  private from = 0;
  private sorted = true;
  private starts = new Float64Array(64);
  private ends = new Float64Array(64);
  /** 1 where `keep` holds (or there is none). */
  private kept = new Uint8Array(64);

  /** Reads a paragraph's list (taken from its start on). */
  reset(list: readonly T[], keep?: (x: T) => boolean): void {
    const n = list.length;
    if (n > this.starts.length) {
      const size = Math.max(n, this.starts.length * 2);
      this.starts = new Float64Array(size);
      this.ends = new Float64Array(size);
      this.kept = new Uint8Array(size);
    }
    const { starts, ends, kept } = this;
    let sorted = true;
    for (let i = 0; i < n; i++) {
      const x = list[i]!;
      starts[i] = x.start;
      ends[i] = x.end;
      kept[i] = !keep || keep(x) ? 1 : 0;
      // (as list[i - 1].start <= list[i].start, which a start that is no number fails)
      if (i > 0 && !(starts[i - 1]! <= starts[i]!)) sorted = false;
    }
    this.list = list;
    this.keep = keep;
    this.from = 0;
    this.sorted = sorted;
  }

  /** Lets go of the paragraph's list. */
  clear(): void {
    this.list = NOTHING;
    this.keep = undefined;
  }

  /** Those with start ≥ `start` and end ≤ `end` (and `keep`), in list order; `start` never goes down between calls. */
  take(start: number, end: number): T[] {
    const list = this.list;
    const keep = this.keep;
    if (!this.sorted) return list.filter((x) => x.start >= start && x.end <= end && (!keep || keep(x)));
    const { starts, ends, kept } = this;
    const length = list.length;
    while (this.from < length && starts[this.from]! < start) this.from++;
    // counted, then copied into a list of their number: a claim keeps it, and a list grown by
    // push has room for 17
    let n = 0;
    let to = this.from;
    for (; to < length && starts[to]! <= end; to++) if (ends[to]! <= end && kept[to] === 1) n++;
    const out = new Array<T>(n);
    for (let i = this.from, k = 0; k < n; i++) if (ends[i]! <= end && kept[i] === 1) out[k++] = list[i]!;
    return out;
  }
}

/** What a reader holds between paragraphs (never written). */
const NOTHING: readonly never[] = [];

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

/** The reason a feature gives, by its cue (exported for the unit test of the shared reasons). */
export const SAY: Partial<Record<FeatureName, (cue: string) => Message>> = {
  date: () => msg('gives a date'),
  entity: () => msg('names an entity'),
  event: (c) => msg('an event ({0})', c),
  unanchoredEvent: () => msg('an event with no date, amount or source to trace it by'),
  forecast: (c) => msg('a forecast or plan ({0})', c),
  state: (c) => msg('a state of affairs ({0})', c),
  smallNumber: () => msg('a small number in words'),
  superlative: (c) => msg('a comparison ({0})', c),
  reported: (c) => msg('reported ({0})', c),
  quote: () => msg('a quotation'),
  vagueHolder: (c) => msg('a vague source ({0})', c),
  speechWithoutSource: () => msg('said by nobody named'),
  pureQuoteWithoutSource: () => msg('a quotation nobody is named as saying'),
  hedge: (c) => msg('hedged ({0})', c),
  unattributedView: (c) => msg('a view nobody is named as holding ({0})', c),
  editorial: (c) => msg('editorial ({0})', c),
  evaluative: (c) => msg('evaluative wording ({0})', c),
  figurative: (c) => msg('figurative ({0})', c),
  transition: (c) => msg('a transition ({0})', c),
  question: () => msg('a question'),
  note: (c) => msg("an editor's note ({0})", c),
  firstPerson: (c) => msg("the author's own view ({0})", c),
  normative: (c) => msg('says what should be ({0})', c),
  conditional: (c) => msg('hypothetical ({0})', c),
  opensWithThis: () => msg('comments on the sentence before'),
  short: () => msg('short'),
  trailingEllipsis: () => msg('trails off (……)'),
  long: () => msg('long'),
};

/**
 * The first three distinct canonical names of the entities, in order, joined by ', ' (as a list
 * of them joined): one name, the most common, is the entity's own string, and no list is made
 * (exported for its unit test).
 */
export function firstNames(entities: readonly EntityMention[]): string {
  let a: string | undefined;
  let b: string | undefined;
  for (const e of entities) {
    const name = e.canonical;
    if (a === undefined) a = name;
    else if (name === a) continue;
    else if (b === undefined) b = name;
    else if (name !== b) return `${a}, ${b}, ${name}`;
  }
  return a === undefined ? '' : b === undefined ? a : `${a}, ${b}`;
}

/** A reason as a message and as English text. */
interface Reason {
  message: Message;
  text: string;
}

/** A reason said plainly and after a "but", each made when first asked for. */
type Pair = [Reason | undefined, Reason | undefined];

/**
 * One template of reasons: how a reason is made from its argument, and those made so far by
 * argument; for the names, by the names themselves (byNames: first, second, third).
 */
interface Template {
  make: (arg: string | number) => Message;
  byArg: Map<string | number, Pair>;
  byNames: Map<string | undefined, Map<string | undefined, Map<string | undefined, Pair>>>;
}

/**
 * Reasons made once and shared: a reason is one of a few dozen templates with a cue word, a
 * count, a few names or a source as its argument, so most sentences repeat reasons said
 * before. Each (template, argument) is made and rendered once, with its "but" form, instead of
 * two messages and a string per reason per candidate sentence. Messages are read-only.
 * Bounded: names and sources vary from article to article. Each template holds its own
 * reasons (one look-up per reason, not a look-up of the template's table first).
 */
class Reasons {
  private readonly templates: Template[] = [];
  private size = 0;
  private static readonly MAX = 20_000;

  template(make: (arg: string | number) => Message): Template {
    const t: Template = { make, byArg: new Map(), byNames: new Map() };
    this.templates.push(t);
    return t;
  }

  /** The reason of template `t` for `arg`, said plainly (`positive`) or after a "but". */
  get(t: Template, arg: string | number, positive: boolean): Reason {
    let pair = t.byArg.get(arg);
    if (!pair) {
      if (this.size >= Reasons.MAX) this.clear();
      t.byArg.set(arg, (pair = [undefined, undefined]));
      this.size++;
    }
    return pair[positive ? 0 : 1] ?? this.make(pair, t, arg, positive);
  }

  /**
   * The reason of template `t` for firstNames(entities), looked up by the names it joins: their
   * join was a new string per unit, hashed whole for the look-up (the entities' own names are
   * hashed once).
   */
  names(t: Template, entities: readonly EntityMention[], positive: boolean): Reason {
    let a: string | undefined;
    let b: string | undefined;
    let c: string | undefined;
    for (const e of entities) {
      const name = e.canonical;
      if (a === undefined) a = name;
      else if (name === a) continue;
      else if (b === undefined) b = name;
      else if (name !== b) {
        c = name;
        break;
      }
    }
    let pair = t.byNames.get(a)?.get(b)?.get(c);
    if (!pair) {
      if (this.size >= Reasons.MAX) this.clear();
      let second = t.byNames.get(a);
      if (!second) t.byNames.set(a, (second = new Map()));
      let third = second.get(b);
      if (!third) second.set(b, (third = new Map()));
      third.set(c, (pair = [undefined, undefined]));
      this.size++;
    }
    return pair[positive ? 0 : 1] ?? this.make(pair, t, firstNames(entities), positive);
  }

  /** The reason of `t` for `arg` on one side of `pair`, made and kept there. */
  private make(pair: Pair, t: Template, arg: string | number, positive: boolean): Reason {
    const plain = t.make(arg);
    // what speaks for checking is said plainly, what speaks against it after a "but"
    const message = positive ? plain : msg('but {0}', plain);
    return (pair[positive ? 0 : 1] = { message, text: renderMessage(message) });
  }

  clear(): void {
    for (const t of this.templates) {
      t.byArg.clear();
      t.byNames.clear();
    }
    this.size = 0;
  }
}

const REASONS = new Reasons();
const ARITHMETIC_FAILS: Reason = { message: msg('its arithmetic does not hold'), text: 'its arithmetic does not hold' };
const STATES_FIGURES = REASONS.template((count) => (Number(count) > 1 ? msg('states {0} figures', count) : msg('states a figure')));
const NAMES_THEM = REASONS.template((names) => msg('names {0}', names));
const FROM_DOCUMENT = REASONS.template((document) => msg('from a document ({0})', document));
const UNNAMED_SOURCE = REASONS.template((who) => msg('attributed to {0} (unnamed)', who));
const NAMED_SOURCE = REASONS.template((who) => msg('attributed to {0}', who));
/** The template of each feature said by its cue, by the feature's place in FEATURES (undefined for those said otherwise or not at all). */
const SAY_AT: ReadonlyArray<Template | undefined> = FEATURES.map((feature) => {
  const say = SAY[feature];
  return say && REASONS.template((cue) => say(String(cue)));
});
/** How a feature is said, by its place in FEATURES: by its cue (0), with the figures (1), the names (2) or the source (3). */
const SAID_WITH = Uint8Array.from(FEATURES, (feature) =>
  feature === 'figure' || feature === 'figures' ? 1 : feature === 'entity' || feature === 'entities' ? 2 : feature.startsWith('source') ? 3 : 0);
const PLACE = new Map<string, number>(FEATURES.map((feature, k) => [feature, k]));

/** Empties the shared reasons (for a test of their bound). */
export function clearReasons(): void {
  REASONS.clear();
}

/** Reasons, strongest first: figures, names and sources in full, other features by their cue; as messages and as English text. */
export function describeReasons(contributions: Contribution[], cues: Partial<Record<FeatureName, string>>, figures: readonly Figure[], entities: readonly EntityMention[], source: Attribution | undefined, arithmeticFails = false): { messages: Message[]; texts: string[] } {
  const list = new Contributions();
  for (const { feature, effect } of contributions) {
    // (a name that is no feature gives no reason, as a look-up by name gave none)
    const place = PLACE.get(feature);
    if (place === undefined) continue;
    list.feature[list.length] = feature;
    list.place[list.length] = place;
    list.effect[list.length++] = effect;
  }
  collectReasons(list, cues, figures, entities, source, arithmeticFails);
  return { messages: foundMessages(), texts: foundTexts() };
}

/**
 * The reasons of the last unit collectReasons read, copied next into two lists of their own
 * size: lists grown by push had room for 17 each, and a wrapper object held the two.
 */
const FOUND: Reason[] = [];
/**
 * How many of FOUND are the last unit's: the list is written over, never emptied (setting its
 * length to 0 let go of its store, and the next unit's first push made a new one of 17).
 */
let found = 0;

function foundMessages(): Message[] {
  const messages = new Array<Message>(found);
  for (let k = 0; k < found; k++) messages[k] = FOUND[k]!.message;
  return messages;
}

function foundTexts(): string[] {
  const texts = new Array<string>(found);
  for (let k = 0; k < found; k++) texts[k] = FOUND[k]!.text;
  return texts;
}

function addFound(reason: Reason): void {
  if (found < FOUND.length) FOUND[found] = reason;
  else FOUND.push(reason);
  found++;
}

/** describeReasons on contributions strongest first, into FOUND. */
function collectReasons(contributions: Contributions, cues: Partial<Record<FeatureName, string>>, figures: readonly Figure[], entities: readonly EntityMention[], source: Attribution | undefined, arithmeticFails: boolean): void {
  found = 0;
  if (arithmeticFails) addFound(ARITHMETIC_FAILS);
  // each of these is said once, however many of its features contributed
  let figuresSaid = false;
  let namesSaid = false;
  let sourceSaid = false;
  for (let k = 0; k < contributions.length; k++) {
    const effect = contributions.effect[k]!;
    if (Math.abs(effect) < 0.25) continue;
    const place = contributions.place[k]!;
    const said = SAID_WITH[place];
    const positive = effect > 0;
    let reason: Reason | undefined;
    if (said === 1) {
      if (figuresSaid) continue;
      figuresSaid = true;
      // a reason reads as what the sentence does, not as a bare count ("+ 2 figures" said too little)
      let amounts = 0;
      for (const f of figures) if (f.type !== 'date') amounts++;
      reason = REASONS.get(STATES_FIGURES, amounts > 1 ? amounts : 1, positive);
    } else if (said === 2) {
      if (namesSaid) continue;
      namesSaid = true;
      reason = REASONS.names(NAMES_THEM, entities, positive);
    } else if (said === 3 && source) {
      if (sourceSaid) continue;
      sourceSaid = true;
      const who = source.canonical ?? source.text;
      reason = source.kind === 'document'
        ? REASONS.get(FROM_DOCUMENT, source.document ?? '', positive)
        : source.kind === 'anonymous' ? REASONS.get(UNNAMED_SOURCE, who, positive) : REASONS.get(NAMED_SOURCE, who, positive);
    } else {
      const template = SAY_AT[place];
      if (template) reason = REASONS.get(template, cues[contributions.feature[k]!] ?? '', positive);
    }
    if (reason) addFound(reason);
  }
}
