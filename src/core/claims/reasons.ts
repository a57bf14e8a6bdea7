/**
 * A claim's reasons: what raised or lowered its score most, said in words (messages, and
 * English text). Made once per template and argument and shared between units.
 */
import type { EntityMention } from '../entities/detect';
import type { Figure } from '../figures/types';
import type { Attribution } from './attribution';
import { FEATURES, type FeatureName } from './features';
import { Contributions, type Contribution } from './score';
import { msg, renderMessage, type Message } from '../text/message';

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

export function foundMessages(): Message[] {
  const messages = new Array<Message>(found);
  for (let k = 0; k < found; k++) messages[k] = FOUND[k]!.message;
  return messages;
}

export function foundTexts(): string[] {
  const texts = new Array<string>(found);
  for (let k = 0; k < found; k++) texts[k] = FOUND[k]!.text;
  return texts;
}

function addFound(reason: Reason): void {
  if (found < FOUND.length) FOUND[found] = reason;
  else FOUND.push(reason);
  found++;
}

/** describeReasons on contributions strongest first, into FOUND (read next by foundMessages and foundTexts). */
export function collectReasons(contributions: Contributions, cues: Partial<Record<FeatureName, string>>, figures: readonly Figure[], entities: readonly EntityMention[], source: Attribution | undefined, arithmeticFails: boolean): void {
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
      if (template) reason = REASONS.get(template, cueAt(cues, place) ?? '', positive);
    }
    if (reason) addFound(reason);
  }
}

/**
 * cues[FEATURES[place]], each feature's cue read by its own name: the stage's cues have one
 * shape, and a read by a name passed in was the engine's generic keyed look-up (some 160
 * instructions a reason). (Exported for the tests, which hold it to cues[FEATURES[place]] at
 * every place.)
 */
export function cueAt(cues: Partial<Record<FeatureName, string>>, place: number): string | undefined {
  switch (place) {
    case 0: return cues.figure;
    case 1: return cues.figures;
    case 2: return cues.smallNumber;
    case 3: return cues.date;
    case 4: return cues.entity;
    case 5: return cues.entities;
    case 6: return cues.sourceNamed;
    case 7: return cues.sourceAnonymous;
    case 8: return cues.sourceDocument;
    case 9: return cues.sourceFromContext;
    case 10: return cues.reported;
    case 11: return cues.vagueHolder;
    case 12: return cues.speechWithoutSource;
    case 13: return cues.quote;
    case 14: return cues.pureQuoteWithoutSource;
    case 15: return cues.event;
    case 16: return cues.state;
    case 17: return cues.forecast;
    case 18: return cues.superlative;
    case 19: return cues.hedge;
    case 20: return cues.unattributedView;
    case 21: return cues.editorial;
    case 22: return cues.evaluative;
    case 23: return cues.figurative;
    case 24: return cues.transition;
    case 25: return cues.question;
    case 26: return cues.note;
    case 27: return cues.firstPerson;
    case 28: return cues.normative;
    case 29: return cues.conditional;
    case 30: return cues.opensWithThis;
    case 31: return cues.short;
    case 32: return cues.long;
    case 33: return cues.trailingEllipsis;
    case 34: return cues.unanchoredEvent;
    default: return cues[FEATURES[place]!];
  }
}
if (FEATURES.length !== 35 || FEATURES[3] !== 'date' || FEATURES[19] !== 'hedge' || FEATURES[34] !== 'unanchoredEvent') {
  throw new Error('reasons.ts: cueAt reads the cues at their features\' places in FEATURES (a feature was added or moved)');
}
