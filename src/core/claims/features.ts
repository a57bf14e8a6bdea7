/**
 * Checkability features: what in a unit's wording makes it checkable (figures, dates,
 * names, a source, events, forecasts) or not (hedges, views nobody holds, editorial
 * markers, questions, transitions, notes). Each feature is a number in [0, 1]; the score
 * (score.ts) weighs them with calibrated weights. The cue words are data (cues.json).
 */
import type { EntityMention } from '../entities/detect';
import type { Figure } from '../figures/types';
import type { AttributionFinding } from './attribution';
import { KEY, readUnit } from './unitChars';
import { countCues, CUES, findCue, findCueOnce, firstCueAt, hasDateWordsIn, SCAN } from './cues';
import { leadWords, leadWordWithin } from './leadWords';
import { codeTable } from '../text/chars';
import { bracketedRuns, hasLongBracketed } from '../text/bracketed';
import { bareOf, CLOSING_QUOTES, OPENING_QUOTES } from './bareText';

export const FEATURES = [
  'figure',
  'figures',
  'smallNumber',
  'date',
  'entity',
  'entities',
  'sourceNamed',
  'sourceAnonymous',
  'sourceDocument',
  'sourceFromContext',
  'reported',
  'vagueHolder',
  'speechWithoutSource',
  'quote',
  'pureQuoteWithoutSource',
  'event',
  'state',
  'forecast',
  'superlative',
  'hedge',
  'unattributedView',
  'editorial',
  'evaluative',
  'figurative',
  'transition',
  'question',
  'note',
  'firstPerson',
  'normative',
  'conditional',
  'opensWithThis',
  'short',
  'long',
  'trailingEllipsis',
  'unanchoredEvent',
] as const;
export type FeatureName = (typeof FEATURES)[number];
export type Features = Record<FeatureName, number>;

/**
 * The values of `f` in FEATURES order, into `out`: each read by its own name (one shape at each
 * read), where reading them by a name taken from a list went through the engine's generic
 * look-up for every feature of every unit (the score read some 30 that way).
 */
export function featureValues(f: Features, out: Float64Array): void {
  out[0] = f.figure;
  out[1] = f.figures;
  out[2] = f.smallNumber;
  out[3] = f.date;
  out[4] = f.entity;
  out[5] = f.entities;
  out[6] = f.sourceNamed;
  out[7] = f.sourceAnonymous;
  out[8] = f.sourceDocument;
  out[9] = f.sourceFromContext;
  out[10] = f.reported;
  out[11] = f.vagueHolder;
  out[12] = f.speechWithoutSource;
  out[13] = f.quote;
  out[14] = f.pureQuoteWithoutSource;
  out[15] = f.event;
  out[16] = f.state;
  out[17] = f.forecast;
  out[18] = f.superlative;
  out[19] = f.hedge;
  out[20] = f.unattributedView;
  out[21] = f.editorial;
  out[22] = f.evaluative;
  out[23] = f.figurative;
  out[24] = f.transition;
  out[25] = f.question;
  out[26] = f.note;
  out[27] = f.firstPerson;
  out[28] = f.normative;
  out[29] = f.conditional;
  out[30] = f.opensWithThis;
  out[31] = f.short;
  out[32] = f.long;
  out[33] = f.trailingEllipsis;
  out[34] = f.unanchoredEvent;
}

export interface FeatureInput {
  /** The unit's Simplified text. */
  norm: string;
  pureQuote: boolean;
  /** Salient figures and entities inside the unit, with offsets relative to it once `base` is taken off. */
  figures: readonly Figure[];
  entities: readonly EntityMention[];
  /** Where the unit starts in the findings' text (0: their offsets are the unit's). */
  base?: number;
  attribution: AttributionFinding;
  /** readUnit(norm), where the caller has read it already. */
  keys?: number;
  letters?: number;
}

export interface FeatureResult {
  features: Features;
  /** The cue behind each feature that has one, for the reasons shown to the user (undefined where none was found). */
  cues: Partial<Record<FeatureName, string>>;
}

/**
 * Figure types that state an amount a checker can look up (dates and periods are separate):
 * compared, not looked up in a Set (a hash look-up per figure of every unit, some 4× the time).
 */
function isAmountType(t: string): boolean {
  return t === 'money' || t === 'percent' || t === 'count' || t === 'multiple' || t === 'quantity' || t === 'number' || t === 'rank' || t === 'duration';
}
/** Entity types that make a statement about someone in particular (places are everywhere), compared as isAmountType. */
function isNamedType(t: string): boolean {
  return t === 'person' || t === 'org' || t === 'product' || t === 'work';
}

/** 三个特点, 第二, 两小时: a small number in words says little a checker could look up. */
function isSmallNumber(f: Figure, type: Figure['type']): boolean {
  // (`type` is f.type, read by the caller: figures come in many shapes, and each read of one is a generic look-up)
  if (type === 'money' || type === 'percent' || type === 'multiple') return false;
  const value = f.value;
  return typeof value === 'number' && value < 10 && !hasAsciiDigit(f.text);
}

/** /\d/u.test(s), by code (a regex run per figure of every unit). */
export function hasAsciiDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) return true;
  }
  return false;
}
/** Holders nobody could ask: 不少开发者, 部分业内人士, 一些专家 (its first words are cues.ts' SCAN.vagueGroups). */
const VAGUE_GROUP = /(?:不少|很多|许多|部分|有些|一些|多数|大多数|有的)(?:业内)?(?:人士|专家|开发者|投资人|投资者|分析师|用户|网友|人)/u;
/** 这么看来, 由此看来: 'seen this way' draws a conclusion, it does not hedge. */
const CONCLUDING = /(?:这么|这样|如此|由此|照此|这样子)看来/gu;
/**
 * A copular sentence's subject: a bare noun phrase (letters only, no 的) of up to 12
 * letters before 是, with an adverb of the copula (已是, 早已是, 就是, 也是…). 投资款回收计划已是明牌:
 * the event and plan words of such a subject name what the sentence talks about (nouns);
 * what it asserts is the predicate.
 */
const COPULA_SUBJECT = /^(?:(?!的)[\p{Script=Han}A-Za-z0-9]){2,12}?(?:已经|早已|已|就|便|也|都|仍|正|更|却|才)?是(?!否)/u;
/** Characters that make 是 part of a conjunction (但是, 于是, 还是, 要是, 而是…), not a copula. */
const CONJUNCTION_BEFORE_COPULA = new Set([...'但可于要若或还凡总而不只']);
/** Plan words that date the sentence wherever they stand (明年目标是…). */
const TIME_FORECAST = /^(?:明年|未来|下半年|下月|年内|到20)/u;
const TIME_FORECASTS = CUES.forecasts.filter((w) => TIME_FORECAST.test(w));
const TRANSITIONS = leadWords(CUES.transitions);
const CONDITIONALS = leadWords(CUES.conditionals);
if (TRANSITIONS.words !== SCAN.transitions.words || CONDITIONALS.words !== SCAN.conditionals.words) throw new Error('features.ts: a lead list is not the scanned one');

/**
 * Where COPULA_SUBJECT's 是 can stand: after 2 to 12 letters (code points: an astral Han
 * letter is 2 UTF-16 units) and an adverb of up to 2, at UTF-16 index 2 to 26. A sentence with
 * no 是 there is not tried (most have none).
 */
const COPULA_FROM = 2;
const COPULA_TO = 12 * 2 + 2;

/** What a copular sentence asserts (its predicate), or the whole unit when it is not one. */
export function assertedPart(bare: string): string {
  const shi = bare.indexOf('是', COPULA_FROM);
  if (shi < 0 || shi > COPULA_TO) return bare;
  const m = COPULA_SUBJECT.exec(bare);
  if (!m) return bare;
  const copula = m[0].length - 1;
  if (CONJUNCTION_BEFORE_COPULA.has(bare[copula - 1]!)) return bare;
  return bare.slice(copula + 1);
}

/** Digits and the numerals 一…十 (1), and the date units 年月日号 (2). */
const DATE_CODES = new Uint8Array(0x10000);
for (const ch of '0123456789一二三四五六七八九十') DATE_CODES[ch.charCodeAt(0)] = 1;
for (const ch of '年月日号') DATE_CODES[ch.charCodeAt(0)] = 2;
/** What \s matches. */
const SPACE = codeTable('', true);

/**
 * /(?:\d{1,4}|[一二三四五六七八九十]{1,3})\s*(?:年|月|日|号)|20\d\d|19\d\d/u.test(s), in one
 * reading: a run of numerals matches where its last one does, so a numeral followed by spaces
 * and a date unit is a match, as is 20 or 19 and two digits (the regex was tried at every start).
 */
export function hasDateWords(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (DATE_CODES[c] !== 1) continue;
    if ((c === 0x32 || c === 0x31) && i + 3 < s.length && s.charCodeAt(i + 1) === (c === 0x32 ? 0x30 : 0x39) && isDigit(s.charCodeAt(i + 2)) && isDigit(s.charCodeAt(i + 3))) return true;
    let j = i + 1;
    while (j < s.length && SPACE[s.charCodeAt(j)] === 1) j++;
    if (j < s.length && DATE_CODES[s.charCodeAt(j)] === 2) return true;
  }
  return false;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

const NO_TITLES: ReadonlyArray<readonly [number, number]> = [];

/** UTF-16 ranges of the titles 《…》 in a unit, moved by `base` (to the offsets of the unit's findings). */
function titleRanges(s: string, keys: number, base: number): ReadonlyArray<readonly [number, number]> {
  // most sentences have none: no array then
  if ((keys & KEY.title) === 0) return NO_TITLES;
  const out: Array<[number, number]> = [];
  for (const [start, end] of bracketedRuns(s, '《', '》')) out.push([base + start, base + end]);
  return out;
}

const INTRODUCED_QUOTE = /[：:，,]\s*[“「『][^”」』]{4,}/u;
const COLON = /[：:]/u;
/** (exported, with mayOpenWithThis, for the unit test that ties the two) */
export const OPENS_WITH_THIS = /^(?:而|但|不过|其实)?[，,]?(?:这|此|那|这也|这既|这种|这样)/u;
/**
 * Whether a match of OPENS_WITH_THIS can start with the unit c (而但不其，,这此那): a unit that
 * starts with none is not tested (a call of test costs some 300 instructions). Compared, not
 * looked up in a table of every code, which a unit's first code would read out of the caches.
 */
export function mayOpenWithThis(c: number): boolean {
  return c === 0x800c || c === 0x4f46 || c === 0x4e0d || c === 0x5176 || c === 0xff0c || c === 0x2c || c === 0x8fd9 || c === 0x6b64 || c === 0x90a3;
}
/** 第一季度 is a period, not a ranking. */
const QUARTER = /第[一二三四1-4]财?季度?/gu;
const QUESTION_MARKS = '？?';
const QUESTION_CLOSERS = '”」』';

/**
 * Whether `s` ends with one of `marks`, then at most one of `closers`, then whitespace: the
 * test of /[marks][closers]?\s*$/u read from the end (an end-anchored regex is tried at every
 * start), by UTF-16 code (t[i] of a CJK character made a string, and trimEnd a copy).
 * Exported for its unit test.
 */
export function endsWithMark(s: string, marks: string, closers: string): boolean {
  const end = endBeforeSpace(s);
  if (end === 0) return false;
  const last = s.charCodeAt(end - 1);
  if (hasCode(marks, last)) return true;
  return hasCode(closers, last) && end >= 2 && hasCode(marks, s.charCodeAt(end - 2));
}

/** /(?:…|\.\.\.)[”」]?\s*$/u, read from the end: a list that trails off (exported for its unit test). */
export function endsWithEllipsis(s: string): boolean {
  const end = endBeforeSpace(s);
  const last = end > 0 ? s.charCodeAt(end - 1) : -1;
  // (before the closer)
  if ((last === 0x201d /* ” */ || last === 0x300d /* 」 */) && ellipsisEndsAt(s, end - 1)) return true;
  return ellipsisEndsAt(s, end);
}

/** s.endsWith('…', end) || s.endsWith('...', end) for an end inside s, by UTF-16 code: a call of endsWith cost some 150 instructions. */
function ellipsisEndsAt(s: string, end: number): boolean {
  if (end >= 1 && s.charCodeAt(end - 1) === 0x2026 /* … */) return true;
  return end >= 3 && s.charCodeAt(end - 1) === 0x2e && s.charCodeAt(end - 2) === 0x2e && s.charCodeAt(end - 3) === 0x2e;
}

/** The length of `s` without the whitespace at its end (what trimEnd strips: what \s matches). */
function endBeforeSpace(s: string): number {
  let end = s.length;
  while (end > 0 && SPACE[s.charCodeAt(end - 1)] === 1) end--;
  return end;
}

/** Whether `chars` has the UTF-16 code `c` (as chars.includes of that unit). */
function hasCode(chars: string, c: number): boolean {
  for (let k = 0; k < chars.length; k++) if (chars.charCodeAt(k) === c) return true;
  return false;
}

/** The first of `words` (in their order) that occurs anywhere in `s`. */
function firstIncluded(words: readonly string[], s: string): string | undefined {
  for (let k = 0; k < words.length; k++) if (s.includes(words[k]!)) return words[k];
  return undefined;
}

// The asserted part is a part of the bare text, and the plan words of TIME_FORECASTS are
// forecasts: where the bare text (read whole once for all lists) has none, neither has any.

/** The plan word of a unit: the first forecast of its asserted part, else the first time-bound plan anywhere in it. */
export function planWord(bare: string, asserted: string): string | undefined {
  if (findCue(bare, SCAN.forecasts) === undefined) return undefined;
  return findCueOnce(asserted, SCAN.forecasts) ?? firstIncluded(TIME_FORECASTS, bare);
}

/** The first event verb of a unit's asserted part. */
export function eventWord(bare: string, asserted: string): string | undefined {
  return findCue(bare, SCAN.eventVerbs) === undefined ? undefined : findCueOnce(asserted, SCAN.eventVerbs);
}

/** Whether a finding lies inside one of the ranges. */
function inside(x: { start: number; end: number }, ranges: ReadonlyArray<readonly [number, number]>): boolean {
  for (let k = 0; k < ranges.length; k++) if (x.start >= ranges[k]![0] && x.end <= ranges[k]![1]) return true;
  return false;
}

/**
 * 1 where a cue was found, 0 where none was. The caller notes it in the cue's own field (undefined
 * where none was found, as every field was made before): a store by a name the engine knows at
 * each site, where a store by a name passed in was the engine's generic keyed store, at each cue.
 */
function found(word: string | undefined): number {
  return word === undefined ? 0 : 1;
}

/** Cues, every feature that may name one present from the start (undefined). */
function noCues(): Partial<Record<FeatureName, string>> {
  // one shape for every sentence's cues, where cues added one by one made a shape per
  // combination (and describeReasons' reads megamorphic)
  return {
    date: undefined, reported: undefined, vagueHolder: undefined, event: undefined, state: undefined, forecast: undefined,
    superlative: undefined, hedge: undefined, unattributedView: undefined, editorial: undefined, evaluative: undefined,
    figurative: undefined, transition: undefined, note: undefined, firstPerson: undefined, normative: undefined, conditional: undefined,
  };
}

/** A result for extractFeaturesInto to fill again and again: its features all 0, in FEATURES order, and no cues. */
export function featureScratch(): FeatureResult {
  // a literal, its properties in the object itself (34 added one by one would be stored beside it)
  const features: Features = {
    figure: 0, figures: 0, smallNumber: 0, date: 0, entity: 0, entities: 0, sourceNamed: 0, sourceAnonymous: 0, sourceDocument: 0,
    sourceFromContext: 0, reported: 0, vagueHolder: 0, speechWithoutSource: 0, quote: 0, pureQuoteWithoutSource: 0, event: 0, state: 0,
    forecast: 0, superlative: 0, hedge: 0, unattributedView: 0, editorial: 0, evaluative: 0, figurative: 0, transition: 0, question: 0,
    note: 0, firstPerson: 0, normative: 0, conditional: 0, opensWithThis: 0, short: 0, long: 0, trailingEllipsis: 0,
    unanchoredEvent: 0,
  };
  return { features, cues: noCues() };
}

export function extractFeatures(input: FeatureInput): FeatureResult {
  return extractFeaturesInto(input, featureScratch());
}

/**
 * The features and cues of a unit, written over those of `out` (every feature and every cue,
 * so nothing of the unit before is left): the claims stage reads them at once and needs no
 * new objects per unit (a features object of 34 numbers and one of 17 cues per sentence).
 */
export function extractFeaturesInto(input: FeatureInput, out: FeatureResult): FeatureResult {
  const { norm, attribution: a } = input;
  // which of a few characters the unit has, read once (bare is norm with parts taken out: what norm lacks, bare lacks)
  let keys = input.keys;
  let length = input.letters;
  if (keys === undefined || length === undefined) ({ keys, letters: length } = readUnit(norm));
  // the author's own words: what stands outside quotations and titles
  const bare = bareOf(norm, keys);
  const cues = out.cues;
  cues.date = undefined; cues.reported = undefined; cues.vagueHolder = undefined; cues.event = undefined; cues.state = undefined;
  cues.forecast = undefined; cues.superlative = undefined; cues.hedge = undefined; cues.unattributedView = undefined;
  cues.editorial = undefined; cues.evaluative = undefined; cues.figurative = undefined; cues.transition = undefined;
  cues.note = undefined; cues.firstPerson = undefined; cues.normative = undefined; cues.conditional = undefined;
  // figures inside titles (《两笔10亿美元融资》) are the title's, not the sentence's; only counts are
  // needed (amounts, small numbers, dates, distinct names up to two), so no lists are made
  const inTitles = titleRanges(norm, keys, input.base ?? 0);
  let amounts = 0;
  let small = 0;
  let dated = false;
  for (const f of input.figures) {
    if (inTitles.length > 0 && inside(f, inTitles)) continue;
    const type = f.type;
    if (type === 'date') dated = true;
    if (!isAmountType(type)) continue;
    if (isSmallNumber(f, type)) small++;
    else amounts++;
  }
  let firstName: string | undefined;
  let names = 0;
  for (const e of input.entities) {
    if (names === 2 || !isNamedType(e.type) || (inTitles.length > 0 && inside(e, inTitles))) continue;
    if (names === 0) {
      firstName = e.entityId;
      names = 1;
    } else if (e.entityId !== firstName) names = 2;
  }
  const source = a.source;
  const asserted = assertedPart(bare);
  const plan = planWord(bare, asserted);
  const event = eventWord(bare, asserted);
  const f = out.features;
  f.figure = amounts >= 1 ? 1 : 0;
  f.figures = amounts >= 2 ? 1 : 0;
  f.smallNumber = amounts === 0 && small > 0 ? 1 : 0;
  f.date = dated || (keys & KEY.numeral && hasDateWordsIn(bare)) ? 1 : found((cues.date = findCue(bare, SCAN.timeWords)));
  f.entity = names >= 1 ? 1 : 0;
  f.entities = names >= 2 ? 1 : 0;
  f.sourceNamed = source?.kind === 'named' && !a.fromContext ? 1 : 0;
  f.sourceAnonymous = source?.kind === 'anonymous' && !a.fromContext ? 1 : 0;
  f.sourceDocument = source?.kind === 'document' || source?.document ? 1 : 0;
  f.sourceFromContext = a.fromContext ? 1 : 0;
  f.reported = found((cues.reported = a.reported));
  // (VAGUE_GROUP is tried only where one of its first words is written: SCAN.vagueGroups)
  f.vagueHolder = !source ? found((cues.vagueHolder = a.vague ?? (firstCueAt(bare, SCAN.vagueGroups) >= 0 ? VAGUE_GROUP.exec(bare)?.[0] : undefined))) : 0;
  f.speechWithoutSource = a.speech && !source && !a.vague ? 1 : 0;
  // speech, not a scare quote (“第二条曲线”): introduced by a colon or a speech verb, or long
  f.quote = ((keys & KEY.anyQuote) !== 0 && (hasLongBracketed(norm, OPENING_QUOTES, CLOSING_QUOTES, 12) || INTRODUCED_QUOTE.test(norm))) || input.pureQuote ? 1 : 0;
  f.pureQuoteWithoutSource = input.pureQuote && !source ? 1 : 0;
  f.event = found((cues.event = event));
  f.state = found((cues.state = findCue(bare, SCAN.stateMarkers)));
  f.forecast = found((cues.forecast = plan));
  // 第一季度 is a period, not a ranking
  f.superlative = found((cues.superlative = findCueOnce(keys & KEY.di && bare.includes('第') ? bare.replace(QUARTER, '') : bare, SCAN.superlatives)));
  // a named speaker may hedge: the hedge is theirs, the claim that they said it is checkable
  f.hedge = source ? 0 : found((cues.hedge = findCueOnce(keys & KEY.kan && bare.includes('看来') ? bare.replace(CONCLUDING, '') : bare, SCAN.hedges)));
  f.unattributedView = found((cues.unattributedView = findCue(bare, SCAN.unattributedViews)));
  f.editorial = Math.min(1, countCues(bare, SCAN.editorial));
  f.evaluative = Math.min(1, countCues(bare, SCAN.evaluative) / 2);
  f.figurative = found((cues.figurative = findCue(bare, SCAN.metaphors)));
  f.transition = found((cues.transition = leadWordWithin(TRANSITIONS, SCAN.transitions, bare, 8)));
  // a question the source asks in reported speech (他说：…你说它有什么价值？) is theirs
  f.question = endsWithMark(bare, QUESTION_MARKS, QUESTION_CLOSERS) && !(source && a.speech && COLON.test(bare)) ? 1 : 0;
  f.note = found((cues.note = findCue(bare, SCAN.notes)));
  f.firstPerson = a.reported ? 0 : found((cues.firstPerson = findCue(bare, SCAN.firstPerson)));
  f.normative = found((cues.normative = findCue(bare, SCAN.normative)));
  f.conditional = found((cues.conditional = leadWordWithin(CONDITIONALS, SCAN.conditionals, bare, 12)));
  f.opensWithThis = mayOpenWithThis(bare.charCodeAt(0)) && OPENS_WITH_THIS.test(bare) ? 1 : 0;
  f.short = length < 16 ? 1 : 0;
  f.long = length > 60 ? 1 : 0;
  // a list that trails off (张三、李四、王五……) asserts nothing yet
  f.trailingEllipsis = endsWithEllipsis(bare) ? 1 : 0;
  // an event with nothing a checker could look it up by (no date, amount, source, quotation or
  // ranking): as often the author's framing of what happened (这家公司也在通过合作巩固地位) as a fact
  f.unanchoredEvent = f.event && !(f.figure || f.date || f.sourceNamed || f.sourceAnonymous || f.sourceDocument || f.sourceFromContext || f.reported || f.quote || f.superlative) ? 1 : 0;
  if (f.editorial) cues.editorial = findCue(bare, SCAN.editorial);
  if (f.evaluative) cues.evaluative = findCue(bare, SCAN.evaluative);
  return out;
}
