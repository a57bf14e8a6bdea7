/**
 * What every candidate source shares: the text in its three views, the lexicon and the word
 * dictionary, and a sink that drops what can never be a name (inside a link, ignored by the
 * team) before it reaches the resolve stage.
 */
import { entityId, type EntityType, type Lexicon } from './lexicon';
import { caseless, lowerCase } from './lowerCase';
import type { WordDictionary } from './wordLattice';
import { PUNCTUATION, startTable, type UnitStarts } from './unitStarts';

export type EntitySource = 'lexicon' | 'workspace' | 'role' | 'speech' | 'suffix' | 'latin' | 'transliterated' | 'quoted' | 'title' | 'abbreviation' | 'model' | 'repeated';

export interface EntityMention {
  /** UTF-16 offsets into the analysed text, end exclusive. */
  start: number;
  end: number;
  text: string;
  type: EntityType;
  /** Simplified canonical form, shared by every spelling in either script. */
  canonical: string;
  /** `type:canonical`: the same entity across articles. */
  entityId: string;
  source: EntitySource;
  /** A short form (晚点) that needs the full name elsewhere in the article. */
  short?: boolean;
  /** A name found by a weak rule, kept only where the article names it twice. */
  weak?: boolean;
}

/**
 * How much a candidate is trusted where candidates overlap, lowest first: the higher one
 * wins, then the longer, then the earlier.
 */
export enum Priority {
  /** A Latin word shaped like a name (camel case, a version number): often a product or jargon. */
  LatinShape,
  /** A pattern of the rules: a role before a name, an organisation's suffix, a title. */
  Pattern,
  /** The tagger trained on news. */
  Tagger,
  /** A one-character abbreviation of a place, checked against the word dictionary (中美). */
  Abbreviation,
  /** A name the lexicon knows, built in or taught by the team. */
  Known,
}

export interface Candidate extends EntityMention {
  priority: Priority;
}

export interface DetectContext {
  /** The text as written. */
  text: string;
  /** Its Simplified view, UTF-16 offsets shared with `text`. */
  norm: string;
  /** The Simplified view in lower case: the form lexicon names are matched in. */
  form: string;
  lexicon: Lexicon;
  /** The tagger's word dictionary, where the tagger runs. */
  words: WordDictionary | undefined;
  /**
   * Where the rule sources may start (unitStarts.ts), marked for all of them in one pass (RULE_STARTS, or
   * more marks); each source marks its own where there are none. The candidate sink reads the marks of
   * links (LINK_UNITS) here too.
   */
  starts?: UnitStarts;
}

export interface CandidateOptions {
  canonical?: string;
  short?: boolean;
  weak?: boolean;
}

/** Links: a scheme or www. and the printable ASCII after it. */
const URL_START = /(?:https?:\/\/|www\.)[\x21-\x7e]+/gi;

/** The colons and dots of links, as marks (unitStarts.ts): mayHoldLink reads them. */
export const LINK_UNITS = startTable(PUNCTUATION, [':', '.']);

/**
 * Whether `text` may hold a match of URL_START: each holds :// or www. (ASCII w in either case:
 * without the u flag, no other character folds to an ASCII one). With `starts`, the text's
 * marks by LINK_UNITS or more (a rule source's marks, RULE_STARTS), only the colons and dots
 * marked are read: two scans of the text by indexOf (includes, then each dot) were a tenth of
 * the candidate sink's cost.
 */
export function mayHoldLink(text: string, starts?: UnitStarts): boolean {
  if (starts === undefined) {
    if (text.includes('://')) return true;
    for (let dot = text.indexOf('.', 3); dot >= 0; dot = text.indexOf('.', dot + 1)) if (linkDot(text, dot)) return true;
    return false;
  }
  const at = starts.lists[PUNCTUATION]!;
  for (let k = starts.from(PUNCTUATION), to = starts.to(PUNCTUATION); k < to; k++) {
    const i = at[k]!;
    const unit = text.charCodeAt(i);
    if (unit === 0x3a ? text.startsWith('://', i) : unit === 0x2e && i >= 3 && linkDot(text, i)) return true;
  }
  return false;
}

/** Whether the dot at `dot` (3 or more) follows www in either case. */
function linkDot(text: string, dot: number): boolean {
  return isW(text.charCodeAt(dot - 1)) && isW(text.charCodeAt(dot - 2)) && isW(text.charCodeAt(dot - 3));
}

function isW(c: number): boolean {
  return c === 0x77 || c === 0x57;
}

/** Collects candidates of all sources for one text. */
export class CandidateSink {
  readonly all: Candidate[] = [];
  /** Characters inside links, marked 1; undefined when the text has none. */
  private readonly inUrl: Uint8Array | undefined;

  constructor(private readonly ctx: DetectContext) {
    let mask: Uint8Array | undefined;
    // (a text without :// or www. has no link: no regular expression run over every paragraph)
    if (mayHoldLink(ctx.norm, ctx.starts)) for (const m of ctx.norm.matchAll(URL_START)) {
      mask ??= new Uint8Array(ctx.norm.length);
      mask.fill(1, m.index, m.index + m[0].length);
    }
    this.inUrl = mask;
  }

  add(start: number, end: number, type: EntityType, source: EntitySource, priority: Priority, options?: CandidateOptions): void {
    this.addName(start, end, type, source, priority, options?.canonical, options?.short === true, options?.weak === true);
  }

  /**
   * add() with its options as arguments, for the sources that propose a candidate at nearly
   * every name (no options object per candidate); `id` is the entity id of `type` and
   * `canonical` where the source has it already (a lexicon entry's).
   */
  addName(start: number, end: number, type: EntityType, source: EntitySource, priority: Priority, canonical: string | undefined, short: boolean, weak: boolean, id?: string): void {
    // nothing inside a link is a name: http://t.cn/RvHTNdh
    if (this.inUrl && (this.inUrl[start] === 1 || this.inUrl[end - 1] === 1)) return;
    if (this.ctx.lexicon.ignore.size && this.ignored(start, end)) return;
    this.all.push(new Proposed(this.ctx, start, end, type, source, priority, canonical, id, short, weak));
  }

  /**
   * Whether the team ignores the text at [start, end) (in match form). A few ignored strings
   * (the built-in lexicon has two) are compared in place where the text has no unit with a
   * lower case: no copy and no lower-casing per candidate.
   */
  private ignored(start: number, end: number): boolean {
    const { norm, lexicon } = this.ctx;
    // a name whose first unit has no lower case (CJK: nearly every candidate) is ignored only if
    // an ignored string starts with that unit: most are ruled out by one read
    const first = norm.charCodeAt(start);
    if (start < end && caseless(first) && !lexicon.mayIgnoreFrom(first)) return false;
    // nor is a name whose first unit is an ASCII capital (Latin names: OpenAI) unless one starts
    // with its lower case, which begins the name in lower case (toLowerCase maps A-Z to a-z
    // whatever follows): no copy through ICU per Latin name
    if (start < end && first >= 0x41 && first <= 0x5a && !lexicon.mayIgnoreFrom(first + 0x20)) return false;
    const list = lexicon.ignoreList;
    if (list.length > 8 || !isCaseless(norm, start, end)) return lexicon.ignore.has(lowerCase(norm.slice(start, end)));
    for (let k = 0; k < list.length; k++) if (list[k]!.length === end - start && norm.startsWith(list[k]!, start)) return true;
    return false;
  }
}

/** Whether text[start, end) is its own lower case, unit by unit (lowerCase's caseless). */
function isCaseless(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!caseless(text.charCodeAt(i))) return false;
  return true;
}

/**
 * A candidate as a source proposed it: its strings are cut from the text when first read.
 * Most candidates lose to a longer or stronger one and are never read; slicing and joining
 * their strings up front, into objects that outlive a few collections, was a good part of what
 * the entity stage allocated (resolveOverlaps copies the winners into plain mentions).
 */
class Proposed implements Candidate {
  // (declared, not defined, and each set once in the constructor: a field the class defines is
  // first set to undefined by an initializer called per object, then set again; short and weak
  // are set here too, undefined where not true, so that every candidate keeps one shape)
  private declare readonly ctx: DetectContext;
  declare readonly start: number;
  declare readonly end: number;
  declare readonly type: EntityType;
  declare readonly source: EntitySource;
  declare readonly priority: Priority;
  private declare given: string | undefined;
  private declare readonly id: string | undefined;
  declare short?: boolean;
  declare weak?: boolean;

  constructor(ctx: DetectContext, start: number, end: number, type: EntityType, source: EntitySource, priority: Priority, given: string | undefined, id: string | undefined, short: boolean, weak: boolean) {
    this.ctx = ctx;
    this.start = start;
    this.end = end;
    this.type = type;
    this.source = source;
    this.priority = priority;
    this.given = given;
    this.id = id;
    this.short = short ? true : undefined;
    this.weak = weak ? true : undefined;
  }

  get text(): string {
    return this.ctx.text.slice(this.start, this.end);
  }

  /** As written in the Simplified view, unless the source gave another. */
  get canonical(): string {
    return (this.given ??= this.ctx.norm.slice(this.start, this.end));
  }

  get entityId(): string {
    return this.id ?? entityId(this.type, this.canonical);
  }
}

/** A rule, the lexicon or the tagger: proposes candidates, decides nothing about overlaps. */
export type CandidateSource = (ctx: DetectContext, sink: CandidateSink) => void;
