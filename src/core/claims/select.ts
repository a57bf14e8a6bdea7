/**
 * Sentence selection: the units of a paragraph that may be claims. A unit is a sentence,
 * or two sentences a checker reads as one: a quotation and the tag that names its speaker
 * (“……。”张三直言。), or a statement and the note that names its source
 * (……。这是某报从知情人士处获悉的消息。).
 */
import { readSentences } from '../text/sentences';
import { OPENERS, codeTable, triggerTable } from '../text/chars';
import { CUES } from './cues';

export interface ClaimUnit {
  /** UTF-16 offsets into the paragraph, end exclusive. */
  start: number;
  end: number;
  /** The unit is one quotation and nothing else: its speaker is named elsewhere, if at all. */
  pureQuote: boolean;
  /** Why a second sentence was joined to the first. */
  joined?: 'speaker' | 'source';
}

/** The marks a quotation opens with (“, 「, 『), by code, each with its closing mark's code. */
const QUOTE_CLOSING = new Map<number, number>(['“', '「', '『'].map((open) => [open.charCodeAt(0), OPENERS[open]!.charCodeAt(0)]));
/** Stops and spaces at a sentence's end (/[。！？!?；;…\s]+$/u, trimmed by hand). */
const TRAILING_STOPS = codeTable('。！？!?；;…', true);
/** A tag that only names a speaker: ≤ 50 characters ending in a speech verb (张勇直言。). */
const MAX_TAG = 50;
/** The subject before a speech verb in a sentence that opens with its speaker. */
const MAX_SPEAKER_CLAUSE = 40;
const SOURCE_NOTE_OPENERS = ['这', '此', '以上', '上述'];
const SOURCE_NOTE = new RegExp(`^(?:${SOURCE_NOTE_OPENERS.join('|')})(?:是|为|系|则是)?[^，。,]{0,30}?(?:获悉|报道|透露|披露|援引|引述)(?:的)?(?:消息|内容|说法)?[。！]?$`, 'u');
/** The first units of SOURCE_NOTE_OPENERS (这, 此, 以, 上): made from the list the pattern is made from. */
const SOURCE_NOTE_FIRST = new Set(SOURCE_NOTE_OPENERS.map((w) => w.charCodeAt(0)));

/**
 * Whether SOURCE_NOTE can match the sentence of `s` that starts at `at`: it opens with the first
 * unit of one of its openers. Most sentences do not, and are neither sliced nor tried (a call of
 * test costs some 270 instructions). Exported for its unit test.
 */
export function mayOpenSourceNote(s: string, at = 0): boolean {
  return SOURCE_NOTE_FIRST.has(s.charCodeAt(at));
}

/** SOURCE_NOTE, for the unit test of mayOpenSourceNote. */
export const SOURCE_NOTE_PATTERN: RegExp = SOURCE_NOTE;

/** Whether a sentence is a quotation and nothing else, its closing mark at the end. */
export function isPureQuote(s: string): boolean {
  return isPureQuoteIn(s, 0, s.length);
}

/**
 * isPureQuote(text.slice(start, end)), read in `text`: a paragraph's sentences are read where
 * they stand, and only those that join another are sliced (most open with no quotation mark).
 */
function isPureQuoteIn(text: string, start: number, end: number): boolean {
  // (compared before the look-up: most sentences open with none of “, 「 and 『)
  const openCode = start < end ? text.charCodeAt(start) : -1;
  if (openCode !== 0x201c && openCode !== 0x300c && openCode !== 0x300e) return false;
  const closeCode = QUOTE_CLOSING.get(openCode)!;
  // (the sentence without its trailing stops and spaces: the opening mark is none of them, and stays)
  const last = trimmedEnd(text, start, end);
  let depth = 0;
  for (let i = start; i < last; i++) {
    const c = text.charCodeAt(i);
    if (c === openCode) depth++;
    else if (c === closeCode && --depth === 0) return i === last - 1;
  }
  return false;
}

/** Where text[start, end) ends without its trailing stops and spaces (as trimEndOf with TRAILING_STOPS). */
function trimmedEnd(text: string, start: number, end: number): number {
  while (end > start && TRAILING_STOPS[text.charCodeAt(end - 1)] === 1) end--;
  return end;
}

/**
 * The speech verbs by their first UTF-16 unit, each group in the list's order: at a character
 * only the verbs that start with it are tried (one or two, not all 34). SPEECH_GROUP[c] is the
 * group's number plus one (0: no verb starts with c), and each verb's second unit (-1 for a verb
 * of one) is read before a startsWith: a table's entry where a Map was looked up at each start.
 */
const SPEECH_GROUP = new Uint8Array(0x10000);
const SPEECH_GROUPS: string[][] = [];
const SPEECH_SECONDS: number[][] = [];
for (const v of CUES.speechVerbs) {
  const c = v.charCodeAt(0);
  if (SPEECH_GROUP[c] === 0) {
    SPEECH_GROUPS.push([]);
    SPEECH_SECONDS.push([]);
    if (SPEECH_GROUPS.length > 255) throw new Error('select.ts: more first characters of speech verbs than a byte holds');
    SPEECH_GROUP[c] = SPEECH_GROUPS.length;
  }
  SPEECH_GROUPS[SPEECH_GROUP[c]! - 1]!.push(v);
  SPEECH_SECONDS[SPEECH_GROUP[c]! - 1]!.push(v.length > 1 ? v.charCodeAt(1) : -1);
}

/** Where a speech verb occurs as one (说 not in 来说 or 说明; 称 not in 称为), if anywhere. */
export function speechVerbAt(s: string, from = 0, to = s.length): { at: number; verb: string } | undefined {
  for (let i = from; i < to; i++) {
    const g = SPEECH_GROUP[s.charCodeAt(i)]!;
    if (g === 0) continue;
    const group = SPEECH_GROUPS[g - 1]!;
    const seconds = SPEECH_SECONDS[g - 1]!;
    // (a verb may run past `to`: only its start is bounded)
    const next = i + 1 < s.length ? s.charCodeAt(i + 1) : -1;
    for (let k = 0; k < group.length; k++) {
      const second = seconds[k]!;
      if (second !== -1 && second !== next) continue;
      const v = group[k]!;
      if (!s.startsWith(v, i)) continue;
      if (!isSpeechUse(s, i, v)) continue;
      return { at: i, verb: v };
    }
  }
  return undefined;
}

const AFTER_SPEECH = new Set(['，', ',', '：', ':', '“', '「', '『', '。', '"', ' ', '道']);
const NOT_BEFORE_SHORT: Record<string, string> = { 说: '来据可话就小听再或虽别难传解游劝', 称: '号堪名简俗自声爱统昵并对宣人', 认为: '被', 提到: '文', 预计: '被', 介绍: '被' };
const NOT_AFTER_SHORT: Record<string, string> = { 说: '明法服辞书唱', 称: '为作号赞霸职' };

/** 未披露, 没有表示, 不认为: a verb under negation says nothing (/(?:未|没|没有|不|尚未|并未|无)$/u before it, read by isNegatedAt). */

/** Whether the verb `v` at `i` is used as a speech verb (exported for the unit test of speechVerbAt). */
export function isSpeechUse(s: string, i: number, v: string): boolean {
  // read by code: s[i - 1], s[i + v.length] and the slice before made three strings per verb tried
  const before = i >= 1 ? s.charCodeAt(i - 1) : -1;
  if (isNegatedAt(s, i, before)) return false;
  const afterAt = i + v.length;
  const after = afterAt < s.length ? s.charCodeAt(afterAt) : -1;
  if (before >= 0 && hasCode(NOT_BEFORE_SHORT[v], before)) return false;
  if (after >= 0 && hasCode(NOT_AFTER_SHORT[v], after)) return false;
  // single-character verbs stand before what is said, or end the sentence
  if (v.length === 1) return after < 0 || AFTER_SPEECH_CODES[after] === 1;
  return true;
}

const AFTER_SPEECH_CODES = triggerTable(AFTER_SPEECH);
const NEGATION_LAST = triggerTable(['未', '没', '不', '无']);

/**
 * NEGATION.test(s.slice(Math.max(0, i - 2), i)): each of its words ends in 未, 没, 不 or 无,
 * but 没有, which needs both units before `i`.
 */
function isNegatedAt(s: string, i: number, before: number): boolean {
  if (before < 0) return false;
  if (NEGATION_LAST[before] === 1) return true;
  return before === 0x6709 /* 有 */ && i >= 2 && s.charCodeAt(i - 2) === 0x6ca1 /* 没 */;
}

/** Whether `chars` (if any) has the UTF-16 code `c` (as chars.includes of that character). */
function hasCode(chars: string | undefined, c: number): boolean {
  if (chars === undefined) return false;
  for (let k = 0; k < chars.length; k++) if (chars.charCodeAt(k) === c) return true;
  return false;
}

/** A sentence text[start, end) that only names who said the one before it: 张勇直言。, 中央财经大学的陈端向本报表示。 */
function isSpeakerTagIn(text: string, start: number, end: number): boolean {
  const last = trimmedEnd(text, start, end);
  if (last === start || last - start > MAX_TAG) return false;
  // (the tag alone, sliced: whether a verb is used as one reads the character after it, and after the tag's last there is none)
  const t = text.slice(start, last);
  const found = speechVerbAt(t, Math.max(0, t.length - 4));
  return found !== undefined && found.at + found.verb.length >= t.length - 1;
}

const SPEAKER_CLAUSE = /^[^，,：:“「。]*/u;
/** A sentence that opens with its speaker: 周靖人解释，“……” or 一位资深员工称，“……”. */
function opensWithSpeaker(s: string): boolean {
  const clause = SPEAKER_CLAUSE.exec(s)![0];
  if (clause.length > MAX_SPEAKER_CLAUSE) return false;
  return speechVerbAt(clause) !== undefined;
}

/**
 * The candidate units of one paragraph, on its Simplified view (same offsets as the text).
 * Linear: each sentence is looked at once, with bounded look-ahead.
 */
export function claimUnits(simplified: string): ClaimUnit[] {
  const { count, starts, ends, pureQuote, joined } = readClaimUnits(simplified);
  const out = new Array<ClaimUnit>(count);
  for (let k = 0; k < count; k++) {
    out[k] = joined[k] === NOT_JOINED
      ? { start: starts[k]!, end: ends[k]!, pureQuote: pureQuote[k] === 1 }
      : { start: starts[k]!, end: ends[k]!, pureQuote: false, joined: joined[k] === JOINED_SPEAKER ? 'speaker' : 'source' };
  }
  return out;
}

/** Why a unit's second sentence was joined to its first, in ClaimUnits.joined: not at all, a speaker's tag, a source note. */
export const NOT_JOINED = 0;
export const JOINED_SPEAKER = 1;
export const JOINED_SOURCE = 2;

/** The units of the paragraph readClaimUnits read last: the first `count` entries of each array (as ClaimUnit's fields). */
export interface ClaimUnits {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  /** 1 where the unit is one quotation and nothing else. */
  pureQuote: Uint8Array;
  /** NOT_JOINED, JOINED_SPEAKER or JOINED_SOURCE. */
  joined: Uint8Array;
}

/** What readClaimUnits answers, written over by each call (its arrays grown as a paragraph needs). */
const UNITS: ClaimUnits = { count: 0, starts: new Int32Array(64), ends: new Int32Array(64), pureQuote: new Uint8Array(64), joined: new Uint8Array(64) };

/**
 * claimUnits, as offsets and flags written over by the next call, for the claims stage, which
 * reads each unit once, in order: no list and no object per unit (readClaimUnits never runs
 * inside itself, nor inside the stage's reading of its units). `codes`: the UTF-16 codes of
 * `simplified`, where the caller has them (readSentences).
 */
export function readClaimUnits(simplified: string, codes?: Uint16Array): ClaimUnits {
  // (the sentences' offsets, read at once: no list and no object per sentence)
  const { count, starts, ends } = readSentences(simplified, codes);
  if (UNITS.starts.length < count) {
    const size = Math.max(count, 2 * UNITS.starts.length);
    UNITS.starts = new Int32Array(size);
    UNITS.ends = new Int32Array(size);
    UNITS.pureQuote = new Uint8Array(size);
    UNITS.joined = new Uint8Array(size);
  }
  let n = 0;
  for (let k = 0; k < count; k++) {
    const start = starts[k]!;
    const pure = isPureQuoteIn(simplified, start, ends[k]!);
    const joined = k + 1 < count ? joinedTo(simplified, starts[k + 1]!, ends[k + 1]!, pure) : NOT_JOINED;
    // (a joined unit ends where its second sentence does, and is no pure quotation)
    if (joined !== NOT_JOINED) k++;
    UNITS.starts[n] = start;
    UNITS.ends[n] = ends[k]!;
    UNITS.pureQuote[n] = pure && joined === NOT_JOINED ? 1 : 0;
    UNITS.joined[n] = joined;
    n++;
  }
  UNITS.count = n;
  return UNITS;
}

/**
 * Why the sentence simplified[start, end) is joined to the one before it (`pure`: that one is a
 * quotation and nothing else), if it is. Its text is sliced only where a test of its first
 * character or its length leaves a join possible: most sentences are longer than a tag, and
 * open with neither a quotation's speaker nor a source note's opener.
 */
function joinedTo(simplified: string, start: number, end: number, pure: boolean): number {
  if (isSpeakerTagIn(simplified, start, end) || (pure && opensWithSpeaker(simplified.slice(start, end)))) return JOINED_SPEAKER;
  if (mayOpenSourceNote(simplified, start) && SOURCE_NOTE.test(simplified.slice(start, end))) return JOINED_SOURCE;
  return NOT_JOINED;
}

/** Whitespace-free form of a claim's text, to find sentences an article repeats. */
function repeatKey(s: string): string {
  return s.replace(/[\s\u00a0\u3000]+/gu, '');
}

/**
 * Drops claims whose text repeats an earlier claim of the same article word for word
 * (scraped duplicates): a checker checks a sentence once.
 */
export function withoutRepeats<T extends { text: string }>(claims: readonly T[]): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const c of claims) {
    const key = repeatKey(c.text);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c);
  }
  return out;
}
