/**
 * Attribution: who asserts a claim. A source is a named party (a person, company, outlet
 * or institution, linked to its entity through the same lexicon as every other mention),
 * a specifically identified but unnamed one (一位资深员工, 知情人士), or a kind of document
 * (财报显示). A vague phrase (业内有专家, 有人) is no source, and neither is a truncated one.
 */
import type { EntityMention } from '../entities/detect';
import { matchForm, type Lexicon } from '../entities/lexicon';
import { cueListsIn, CUES, findCue, firstCueAt, firstCuesAt, hasCueOf, SCAN, SHOWS_BITS, SHOWS_LISTS } from './cues';
import { speechVerbAt } from './select';
import { codeTable, endsWithAny, triggerTable, trimBothOf } from '../text/chars';
import { isLowSurrogateAfterHigh } from '../text/offsets';
import { KEY, keyCharsIn } from './unitChars';
import { firstWithin, leadWords } from './leadWords';

export type SourceKind = 'named' | 'anonymous' | 'document';

export interface Attribution {
  /** As written. */
  text: string;
  kind: SourceKind;
  /** The entity it names, where it names one. */
  canonical?: string;
  entityId?: string;
  /** The kind of document the claim comes from, where one is named (财报, 公告). */
  document?: string;
}

export interface AttributionFinding {
  source?: Attribution;
  /** A vague holder (业内人士, 分析师) is named as holding the view: no source, but worth knowing. */
  vague?: string;
  /** The outlet's own reporting (据悉, 据了解, 有消息称). */
  reported?: string;
  /** The source comes from the sentence before (a quotation, 二是…, 在他看来). */
  fromContext?: boolean;
  /** A speech verb was found, whoever the speaker. */
  speech?: boolean;
}

export interface AttributionContext {
  /** The unit's Simplified text and its original text (same offsets). */
  norm: string;
  text: string;
  /** The unit's entities, with offsets relative to the unit once `base` is taken off (the paragraph's own, not copies). */
  entities: readonly EntityMention[];
  /** Where the unit starts in the entities' text (0: their offsets are the unit's). */
  base?: number;
  /** The named source of an earlier unit of the paragraph, for 他, quotations and 二是. */
  previous?: Attribution;
  lexicon?: Lexicon;
  pureQuote: boolean;
  /** keyCharsIn(norm), where the caller has read it already. */
  keys?: number;
}

const SPEAKER_TYPES = new Set(['person', 'org', 'work', 'product']);
/** Trimmed off a subject: /^[\s，,、：:“”「」。；;（）()—]+|[\s，,、：:“”「」；;（）()—]+$/gu, read from both ends by hand. */
const TRIM_LEAD = codeTable('，,、：:“”「」。；;（）()—', true);
const TRIM_TRAIL = codeTable('，,、：:“”「」；;（）()—', true);
const PRONOUN = /^(?:而|但|并|也|则)?(?:他|她|其|对方)(?:们)?/u;
/** Where a clause ends (/[，,。；;：:”」！？!?]/u), by UTF-16 unit: read at every character back to a verb's subject. */
const CLAUSE_BREAK = codeTable('，,。；;：:”」！？!?', false);
const MAX_SUBJECT = 40;
const NEGATION_LAST = triggerTable(['未', '没', '不', '无']);
/**
 * What leads into a subject, /^[\s，,]*(?:但是|但|而且|…|曾)?/u read by hand (leadInLength): the
 * regex always matched, and made a match array for every subject read.
 */
const LEAD_IN_SPACE = codeTable('，,', true);
const LEAD_IN_WORDS = ['但是', '但', '而且', '而', '不过', '并且', '同时', '此外', '另外', '对此', '随后', '其后', '曾有', '曾经', '曾'];
/** 向北京商报记者表示, 接受36氪采访时说: who listens or asks is not who speaks. */
const LISTENER = /(?:向|对|跟|在接受|接受)[^，,]*?(?:记者|媒体|本报|采访|访谈|专访)/u;
/** An anonymous source is told by its head (人士, 员工) and a word that singles one out (一位, 知情, 接近). */
const ANONYMOUS_HEAD = /(?:人士|员工|高管|投资人|负责人|销售|工程师|客户|官员|律师|开发者)/u;

// (a regex literal is a new object each time it is evaluated: these are made once)
const ACCORDING_TO = /(?<![数证占依])据([^，。,；;：:]{0,20}?)(?:的)?(?:最新)?(报道|统计|披露|消息|数据|显示|透露|称|介绍|调查|了解|悉|公告|报告|援引)/u;
const IN_THE_WORDS_OF = /用([^，。,；;]{1,16}?)的话(?:来)?说/u;
const CITES = /([^，。,；;]{1,20}?)(?:援引|引述)([^，。,；;]{1,24}?)(?:的话|的观点|消息|调查|报道|数据|称|发现|表示|的说法)/u;
const READ_FROM = /^(?:而|但|不过)?[，,]?从([^，。,；;]{1,16}?)(?:来看|看来|中看|可以看出)/u;
const LEARNED_FROM = /(?:这|此)(?:是|为|系)?([^，。,；;]{1,20}?)从([^，。,；;]{1,20}?)处?(?:获悉|了解到|得知)/u;
/** The most code points of INTERVIEWED's subject, and between its 接受 and the word that ends it. */
const INTERVIEW_SUBJECT_LETTERS = 24;
const INTERVIEW_GAP_LETTERS = 16;
const INTERVIEW_WORDS = ['采访', '访谈', '专访'];
// (made from the numbers and words that interviewIn's bounds are read from: the two cannot part)
const INTERVIEWED = new RegExp(`([^，。,；;]{1,${INTERVIEW_SUBJECT_LETTERS}}?)(?:在)?接受[^，。]{1,${INTERVIEW_GAP_LETTERS}}?(?:${INTERVIEW_WORDS.join('|')})`, 'u');
/** INTERVIEWED, searched from a place (lastIndex): see interviewIn. */
const INTERVIEWED_FROM = new RegExp(INTERVIEWED.source, 'gu');
/**
 * How far before its 接受 a match of INTERVIEWED starts at most: its subject's code points (two
 * units each at most) and 在.
 */
const MAX_BEFORE_INTERVIEW = INTERVIEW_SUBJECT_LETTERS * 2 + 1;
/** How far after its 接受 the word that ends a match starts at most: 接受, then the gap's code points. */
const MAX_TO_INTERVIEW_WORD = 2 + INTERVIEW_GAP_LETTERS * 2;

/**
 * INTERVIEWED.exec(norm), where `first` is where 接受 first stands in norm. A match's 接受 has a
 * letter before it that ends no clause, and one of INTERVIEW_WORDS after it, within
 * MAX_TO_INTERVIEW_WORD units and no ， or 。 between; the match starts at most
 * MAX_BEFORE_INTERVIEW units before it. Where no 接受 is such (mayInterviewAt) there is no match,
 * and none starts before the first that is, minus MAX_BEFORE_INTERVIEW, where the search starts.
 * From the start, the lazy group was tried at every place, up to 24 letters each: most units
 * with 接受 have no such 接受, and a unit of 200 letters cost some 75,000 instructions. A start
 * inside a surrogate pair is moved to the pair's first half, as the search from the start,
 * which steps by code points, tries no place inside a pair. Exported for its unit test.
 */
export function interviewIn(norm: string, first: number): RegExpExecArray | null {
  let at = first;
  while (at >= 0 && !mayInterviewAt(norm, at)) at = norm.indexOf('接受', at + 1);
  if (at < 0) return null;
  let from = Math.max(0, at - MAX_BEFORE_INTERVIEW);
  if (isLowSurrogateAfterHigh(norm, from)) from--;
  INTERVIEWED_FROM.lastIndex = from;
  return INTERVIEWED_FROM.exec(norm);
}

/** Ends a clause before 接受 ([，。,；;]: what the subject holds none of; 在 is none of them). */
const SUBJECT_STOP = codeTable('，。,；;', false);

/**
 * Whether a match of INTERVIEWED can have the 接受 at `at`: a unit before it that ends no clause
 * (the subject's last letter, or 在 after it), and one of INTERVIEW_WORDS within reach after it
 * with a unit at least and no ， or 。 between. The first of each word after `at` is the one to
 * read: a later one has the same ， or 。 before it, or is farther.
 */
function mayInterviewAt(norm: string, at: number): boolean {
  if (at === 0 || SUBJECT_STOP[norm.charCodeAt(at - 1)] === 1) return false;
  for (let k = 0; k < INTERVIEW_WORDS.length; k++) {
    const word = norm.indexOf(INTERVIEW_WORDS[k]!, at + 3);
    if (word < 0 || word > at + MAX_TO_INTERVIEW_WORD) continue;
    let i = at + 2;
    while (i < word && norm.charCodeAt(i) !== 0xff0c /* ， */ && norm.charCodeAt(i) !== 0x3002 /* 。 */) i++;
    if (i === word) return true;
  }
  return false;
}

/** The plain search interviewIn stands for (for its unit test). */
export function interviewInPlain(norm: string): RegExpExecArray | null {
  return INTERVIEWED.exec(norm);
}


const IN_THE_EYES_OF = /在([^，。,；;]{1,20}?)(?:眼中|看来)/u;
const QUOTE_AFTER_CLAUSE = /[，,：:]\s*[“「]/u;
const NEXT_POINT = /^(?:二是|三是|四是|其二|其三|第二|第三)/u;
const NAME_LETTERS = /^[\p{Script=Han}A-Za-z0-9·.\s]+$/u;
const NOT_IN_A_NAME = /[的了着过是在]/u;

/**
 * Added to a finding by Object.assign: in Node 20 an object literal with a spread and then
 * another spread or a property ({ ...found, ...s, speech: true }) takes a slow path in the
 * runtime, some 1–3 µs each (a micro-benchmark: 15–30× Object.assign).
 */
const SPEECH = { speech: true } as const;

export { KEY, keyCharsIn } from './unitChars';

/** Who asserts the unit, and what else the wording says about its source. */
export function attribute(ctx: AttributionContext): AttributionFinding {
  return attributeInto(ctx, noFinding());
}

/**
 * A finding with every field present and none found, in one order: one shape for every unit's
 * finding, where fields added as found (and by Object.assign) made a shape per combination, and
 * the features' reads of a finding megamorphic.
 */
export function noFinding(): AttributionFinding {
  return { source: undefined, vague: undefined, reported: undefined, fromContext: undefined, speech: undefined };
}

/** `found` as noFinding makes it: every field there, none found (and nothing of the last unit's kept alive). */
export function clearFinding(found: AttributionFinding): void {
  found.source = undefined;
  found.vague = undefined;
  found.reported = undefined;
  found.fromContext = undefined;
  found.speech = undefined;
}

/**
 * attribute(ctx), written over `found` (a finding of noFinding's, every field written): the
 * claims stage reads each unit's finding before the next, and keeps only its source, so one
 * object serves every unit (an object per unit otherwise).
 */
export function attributeInto(ctx: AttributionContext, found: AttributionFinding): AttributionFinding {
  const { norm } = ctx;
  clearFinding(found);
  const keys = ctx.keys ?? keyCharsIn(norm);
  // (the lists of the unit's scan with a cue: the gates below read them, not the scan each)
  const lists = cueListsIn(norm);
  const reported = findCue(norm, SCAN.ownReporting);
  if (reported) found.reported = reported;

  // 据36氪报道, 据远望咨询统计, 根据Canalys最新数据 (据悉 and 据了解 name nobody)
  // each pattern is tried only where its fixed words occur: the lazy ones cost a scan per start otherwise
  const ju = keys & KEY.ju ? ACCORDING_TO.exec(norm) : null;
  if (ju && ju[1]) {
    const from = ju.index + ju[0].indexOf(ju[1]);
    const s = subject(ctx, from, from + ju[1].length, ju[2], true);
    if (s) return Object.assign(found, s);
  } else if (ju && ju[2] === '公告') {
    found.source = { text: '公告', kind: 'document', document: '公告' };
    return found;
  }

  // 用莊明浩的話來說: the speaker sits between 用 and 的话
  // (the words each pattern needs, read in the scan of the unit that findCue read above)
  const words = hasCueOf(lists, SCAN.inTheWordsOf) ? IN_THE_WORDS_OF.exec(norm) : null;
  if (words) {
    const from = words.index + 1;
    const s = subject(ctx, from, from + words[1]!.length, undefined, true);
    if (s) return Object.assign(found, s, SPEECH);
  }

  // X援引/引述Y: Y asserts it where Y is named, else the outlet that cites it
  const cite = hasCueOf(lists, SCAN.cites) ? CITES.exec(norm) : null;
  if (cite) {
    const yFrom = cite.index + cite[0].indexOf(cite[2]!, cite[1]!.length);
    const cited = subject(ctx, yFrom, yFrom + cite[2]!.length, undefined, true);
    if (cited?.source) return Object.assign(found, cited, SPEECH);
    const outlet = subject(ctx, cite.index, cite.index + cite[1]!.length);
    if (outlet?.source) return Object.assign(found, outlet, SPEECH);
  }

  // 从财报来看: a document read by the author
  const reading = keys & KEY.cong ? READ_FROM.exec(norm) : null;
  if (reading) {
    const from = reading.index + reading[0].indexOf(reading[1]!);
    const s = subject(ctx, from, from + reading[1]!.length, '显示');
    if (s?.source) return Object.assign(found, s);
  }

  // 这是《科创板日报》从知情人士处获悉的消息: the outlet that learned it, or the source it names
  const learned = keys & KEY.cong && hasCueOf(lists, SCAN.learnedFrom) ? LEARNED_FROM.exec(norm) : null;
  if (learned) {
    const yFrom = learned.index + learned[0].indexOf(learned[2]!, learned[0].indexOf(learned[1]!) + learned[1]!.length);
    const told = subject(ctx, yFrom, yFrom + learned[2]!.length, undefined, false);
    if (told?.source?.kind === 'named') return Object.assign(found, told);
    const xFrom = learned.index + learned[0].indexOf(learned[1]!);
    const outlet = subject(ctx, xFrom, xFrom + learned[1]!.length, undefined, true);
    if (outlet?.source) return Object.assign(found, outlet);
  }

  // X接受…采访: the speaker comes before 接受
  const interview = hasCueOf(lists, SCAN.interviewed) ? interviewIn(norm, firstCueAt(norm, SCAN.interviewed)) : null;
  if (interview) {
    const s = subject(ctx, interview.index, interview.index + interview[1]!.length);
    if (s?.source) return Object.assign(found, s, SPEECH);
  }

  // 在X看来
  const view = hasCueOf(lists, SCAN.inTheEyesOf) ? IN_THE_EYES_OF.exec(norm) : null;
  if (view) {
    const from = view.index + 1;
    const s = subject(ctx, from, from + view[1]!.length, undefined, true);
    if (s?.source) return Object.assign(found, s, SPEECH);
    if (s?.vague) found.vague = s.vague;
  }

  // X表示 / X称 / …报告显示: the subject of the first speech verb with one
  // (where each verb that shows stands is read once per unit, not once per verb tried: see firstShowsFrom)
  // (where each verb first stands, from the scan: a verb the unit lacks is never searched for, and
  // no speech verb is looked for before the first place one is written)
  // (most units have no verb that shows: then none stands anywhere)
  if ((lists & SHOWS_BITS) === 0) SHOWS_AT.fill(-1);
  else firstCuesAt(norm, SHOWS_LISTS, SHOWS_AT);
  const speechFrom = hasCueOf(lists, SCAN.speechVerbs) ? firstCueAt(norm, SCAN.speechVerbs) : -1;
  for (let from = 0, guard = 0; from < norm.length && guard < 8; guard++) {
    const v = speechFrom < 0 ? undefined : speechVerbAt(norm, Math.max(from, speechFrom));
    const shows = firstShowsFrom(norm, from);
    const showsAt = shows < 0 ? -1 : SHOWS_AT[shows]!;
    // 未显示, 没披露 (/(?:未|没|不|无)$/u before it)
    if (shows >= 0 && showsAt >= 1 && NEGATION_LAST[norm.charCodeAt(showsAt - 1)] === 1) {
      from = showsAt + SHOWS[shows]!.length;
      continue;
    }
    let at: number;
    let verb: string;
    if (v && (shows < 0 || v.at <= showsAt)) {
      at = v.at;
      verb = v.verb;
    } else if (shows >= 0) {
      at = showsAt;
      verb = SHOWS[shows]!;
    } else break;
    found.speech = true;
    const clauseStart = lastBreakBefore(norm, at);
    if (at - clauseStart <= MAX_SUBJECT) {
      const s = subject(ctx, clauseStart, at, verb);
      if (s?.source) return Object.assign(found, s);
      if (s?.vague && !found.vague) found.vague = s.vague;
    }
    from = at + verb.length;
  }

  // 王超改了主意，“……”: a named speaker, then the quotation
  const quoteAt = keys & KEY.quote ? norm.search(QUOTE_AFTER_CLAUSE) : -1;
  if (quoteAt > 0) {
    const clauseStart = lastBreakBefore(norm, quoteAt);
    const named = firstPersonIn(ctx, clauseStart, quoteAt);
    if (named) {
      found.source = fromEntity(named);
      found.speech = true;
      return found;
    }
  }

  // a quotation, or 二是…, whose speaker the paragraph named just before
  if (ctx.previous && (ctx.pureQuote || NEXT_POINT.test(norm))) {
    found.source = ctx.previous;
    found.fromContext = true;
    return found;
  }
  return found;
}

const SHOWS = CUES.showsVerbs;
const CHENG = SHOWS.indexOf('称');
const UNREAD = -2;
/**
 * Where each verb of SHOWS stands at or after the `from` it was last read from (-1: nowhere),
 * UNREAD before the first reading of a unit. `from` only grows within a unit, so a place at or
 * after the new `from` is still the first from there, and so is -1: only a verb found before
 * it is searched for again (the loop of attribute() read every verb again for each speech verb tried).
 */
const SHOWS_AT = new Int32Array(SHOWS.length);

/** firstShows on the places of SHOWS_AT: the index in SHOWS of the first verb, its place in SHOWS_AT (-1 where none). */
function firstShowsFrom(norm: string, from: number): number {
  let best = -1;
  for (let k = 0; k < SHOWS.length; k++) {
    let at = SHOWS_AT[k]!;
    if (at === UNREAD || (at >= 0 && at < from)) at = SHOWS_AT[k] = norm.indexOf(SHOWS[k]!, from);
    // 称 is a speech verb already; here it counts only after a document (报告称)
    if (at < 0 || (k === CHENG && !afterDocument(norm, at))) continue;
    if (best < 0 || at < SHOWS_AT[best]!) best = k;
  }
  return best;
}

function afterDocument(norm: string, at: number): boolean {
  return endsWithAny(norm, CUES.documentKinds, at);
}

/** The first of the verbs that show (报告显示), from `from` (exported for its unit test). */
export function firstShows(norm: string, from: number): { at: number; verb: string } | undefined {
  SHOWS_AT.fill(UNREAD);
  const k = firstShowsFrom(norm, from);
  return k < 0 ? undefined : { at: SHOWS_AT[k]!, verb: SHOWS[k]! };
}

/** The answers of one unit's firstShowsFrom for a growing `from`, in one list (for the unit test of its places). */
export function firstShowsGrowing(norm: string, froms: readonly number[]): Array<{ at: number; verb: string } | undefined> {
  SHOWS_AT.fill(UNREAD);
  return froms.map((from) => {
    const k = firstShowsFrom(norm, from);
    return k < 0 ? undefined : { at: SHOWS_AT[k]!, verb: SHOWS[k]! };
  });
}

function lastBreakBefore(norm: string, at: number): number {
  let depth = 0;
  // by code (norm[i] would make a string per character read)
  for (let i = at - 1; i >= 0; i--) {
    const c = norm.charCodeAt(i);
    if (c === 0x300b /* 》 */) depth++;
    else if (c === 0x300a /* 《 */) depth--;
    else if (depth <= 0 && CLAUSE_BREAK[c] === 1) return i + 1;
  }
  return 0;
}

/** The first person of the unit's entities within [from, to) of the unit (as a filter of the speakers there and a find, with no list made). */
function firstPersonIn(ctx: AttributionContext, from: number, to: number): EntityMention | undefined {
  const base = ctx.base ?? 0;
  for (const e of ctx.entities) if (e.start - base >= from && e.end - base <= to && e.type === 'person') return e;
  return undefined;
}

/**
 * Whether a mention's text is a kind of document in match form (财报 tagged as a name),
 * remembered by text: a subject's names are the same few throughout an article, and the match
 * form is a conversion of the text each time. Bounded: texts vary from article to article.
 */
export function namesDocument(text: string): boolean {
  let known = DOCUMENT_NAMES.get(text);
  if (known === undefined) {
    if (DOCUMENT_NAMES.size >= MAX_DOCUMENT_NAMES) DOCUMENT_NAMES.clear();
    known = CUES.documentKinds.includes(matchForm(text));
    DOCUMENT_NAMES.set(text, known);
  }
  return known;
}
const DOCUMENT_NAMES = new Map<string, boolean>();
const MAX_DOCUMENT_NAMES = 10_000;

function fromEntity(e: EntityMention): Attribution {
  return { text: e.text, kind: 'named', canonical: e.canonical, entityId: e.entityId };
}

/** Names the subject `norm[from, to)` of a speech verb: a named party, an anonymous one, a document, or a vague holder. */
function subject(ctx: AttributionContext, from: number, to: number, verb?: string, nameSlot = false): Pick<AttributionFinding, 'source' | 'vague' | 'fromContext'> | undefined {
  // (the subject's words sliced again only where the listener or the lead-in moved an end)
  let words = ctx.norm.slice(from, to);
  const listener = LISTENER.exec(words);
  if (listener && listener.index > 0) {
    to = from + listener.index;
    words = ctx.norm.slice(from, to);
  }
  // 但是该员工, 曾有一位…: the words that lead into the subject are not part of it
  const lead = leadInLength(words);
  if (lead > 0 && lead < to - from) {
    from += lead;
    words = ctx.norm.slice(from, to);
  }
  const raw = trimBothOf(ctx.text.slice(from, to), TRIM_LEAD, TRIM_TRAIL);
  const form = trimBothOf(words, TRIM_LEAD, TRIM_TRAIL);
  if (!form) return undefined;
  const document = firstWithin(DOCUMENT_KINDS, form, form.length);
  // the speakers named in the subject (财报 tagged as a name is still a document): the last of
  // them, of persons and of organisations, read as they come (no list of them made)
  let lastNamed: EntityMention | undefined;
  let person: EntityMention | undefined;
  let org: EntityMention | undefined;
  const base = ctx.base ?? 0;
  for (const e of ctx.entities) {
    if (!(e.start - base >= from && e.end - base <= to && SPEAKER_TYPES.has(e.type) && !namesDocument(e.text))) continue;
    lastNamed = e;
    if (e.type === 'person') person = e;
    else if (e.type === 'org') org = e;
  }
  const anonymousHead = ANONYMOUS_HEAD.exec(form);
  // 一位接近马云的知情人士: the names modify the source, who stays unnamed
  if (anonymousHead && firstWithin(ANONYMOUS_SOURCES, form, form.length) !== undefined && !form.startsWith('有') && (!lastNamed || lastNamed.end - (ctx.base ?? 0) - from <= anonymousHead.index)) {
    return { source: { text: raw, kind: 'anonymous' } };
  }
  // the speaker nearest the verb: a person, then an organisation (阿里云智能CTO周靖人; IDC发布的《…》)
  const entity = person ?? org ?? lastNamed;
  if (entity) {
    const source = fromEntity(entity);
    if (document && !person) source.document = document;
    return { source };
  }
  if (PRONOUN.test(form) && form.length <= 12) {
    // 他 names the person the unit named before it, else the speaker of the sentence before
    const earlier = ctx.entities.filter((e) => e.end - (ctx.base ?? 0) <= from && e.type === 'person').pop();
    if (earlier) return { source: fromEntity(earlier) };
    if (ctx.previous) return { source: ctx.previous, fromContext: true };
  }
  const vague = firstWithin(VAGUE_HOLDERS, form, form.length);
  if (vague) return { vague };
  const linked = linkByLexicon(ctx.lexicon, form);
  if (linked) {
    const source: Attribution = { text: raw, kind: 'named', canonical: linked.canonical, entityId: linked.entityId };
    if (document) source.document = document;
    return { source };
  }
  if (document && (verb === undefined || CUES.showsVerbs.includes(verb) || verb === '称')) return { source: { text: raw, kind: 'document', document } };
  // a name nobody taught us, where the wording leaves room for a name only (用X的话来说, 据X报道)
  if (nameSlot && looksLikeName(form)) return { source: { text: raw, kind: 'named' } };
  return undefined;
}

/** The length of what leads into a subject at the start of `words` (LEAD_IN_WORDS after spaces and commas; 0 where nothing does). */
export function leadInLength(words: string): number {
  let i = 0;
  while (i < words.length && LEAD_IN_SPACE[words.charCodeAt(i)] === 1) i++;
  for (let k = 0; k < LEAD_IN_WORDS.length; k++) {
    if (words.startsWith(LEAD_IN_WORDS[k]!, i)) return i + LEAD_IN_WORDS[k]!.length;
  }
  return i;
}

/**
 * The lists a subject is searched for words of, as firstWithin reads them: the first of a list
 * (in its order) that the subject includes, in one reading of the subject (29 document kinds and
 * 21 vague holders were each an includes of it).
 */
const DOCUMENT_KINDS = leadWords(CUES.documentKinds);
const ANONYMOUS_SOURCES = leadWords(CUES.anonymousSources);
const VAGUE_HOLDERS = leadWords(CUES.vagueHolders);

const NOT_A_NAME_START = new Set([...'这那其此该各每他她它我你对就也都还而但并则从在于据向被把将与和及或因为如若当所有没不很更最再又已曾正可能会要']);

/** A short run of letters that could be a name: no function word at its start, no punctuation. */
function looksLikeName(form: string): boolean {
  const chars = [...form];
  if (chars.length < 2 || chars.length > 12 || NOT_A_NAME_START.has(chars[0]!)) return false;
  return NAME_LETTERS.test(form) && !NOT_IN_A_NAME.test(form);
}

/**
 * The lexicon entry a subject names, through the same alias matching as entity detection
 * (so 阿裏 and 阿里 reach 阿里巴巴 where the entity pass left the short form unmarked).
 */
function linkByLexicon(lexicon: Lexicon | undefined, form: string): { canonical: string; entityId: string } | undefined {
  if (!lexicon) return undefined;
  const m = matchForm(form);
  let best: { canonical: string; entityId: string; length: number } | undefined;
  for (let i = 0; i < m.length; i++) {
    if (!lexicon.mayMatchAt(m, i)) continue;
    const hit = lexicon.match(m, i);
    if (hit && SPEAKER_TYPES.has(hit.entry.type) && (!best || hit.length > best.length)) {
      best = { canonical: hit.entry.canonical, entityId: hit.entry.id, length: hit.length };
    }
  }
  return best && { canonical: best.canonical, entityId: best.entityId };
}
