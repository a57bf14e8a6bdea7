/**
 * A name that the tagger or a rule found once is the same name wherever else the article
 * writes it, even where its context there is too thin for either (林晓雨表示 … 林晓雨在成都).
 * Without this, the same name is underlined in one paragraph and not in the next.
 */
import type { EntityMention, EntitySource } from './detect';
import type { EntityType } from './lexicon';
import { LearnedNameTable, type LearnedEntry } from './learnedTable';
import { nerWordDictionary } from './ner';

/** Sources whose names are worth repeating: lexicon names are found everywhere already. */
const LEARNED: ReadonlySet<EntitySource> = new Set(['role', 'speech', 'suffix', 'latin', 'transliterated', 'quoted', 'title', 'model']);

export interface LearnedNames {
  /** The names and their spellings, as one string: equal signatures, equal names. */
  readonly signature: string;
  readonly lexicon: NameMatcher;
}

/** What repeatedMentions asks of the names it looks for (the learned names' table, LearnedNameTable). */
export interface NameMatcher {
  mayMatchAt(form: string, i: number): boolean;
  /** The first position at or after `from` where mayMatchAt holds, or form.length. */
  nextMayMatch(form: string, from: number): number;
  match(form: string, i: number): { entry: { id: string; canonical: string; type: EntityType }; length: number } | undefined;
}

/** Whether a mention's name is worth repeating elsewhere in its article. */
export function isLearnable(m: EntityMention, words = nerWordDictionary()): boolean {
  if (!LEARNED.has(m.source) || m.weak || m.short || m.canonical.length < 2) return false;
  // a mistake repeated is a mistake everywhere: neither an ordinary word nor a two-character
  // person the tagger alone proposed (多云 in a weather report) is spread
  return !(words?.isOrdinaryWord(m.canonical) || (m.source === 'model' && m.type === 'person' && m.canonical.length < 3));
}

/** The learned names of an article, as a lexicon to match its other paragraphs against. */
export function learnedNames(mentions: readonly EntityMention[], previous?: LearnedNames): LearnedNames | undefined {
  const words = nerWordDictionary();
  return learnedNamesOf(mentions.filter((m) => isLearnable(m, words)), previous);
}

/** The same, from the article's learnable mentions (isLearnable) in order, when the caller has sorted them out already. */
export function learnedNamesOf(learnable: Iterable<EntityMention>, previous?: LearnedNames): LearnedNames | undefined {
  const entries = new Map<string, LearnedEntry>();
  for (const m of learnable) {
    const entry = entries.get(m.entityId);
    if (entry) {
      if (!entry.aliases.includes(m.text)) entry.aliases.push(m.text);
      continue;
    }
    entries.set(m.entityId, { id: m.entityId, canonical: m.canonical, type: m.type, aliases: [m.text] });
  }
  if (!entries.size) return undefined;
  const list = [...entries.values()];
  // typing rarely changes the names: the previous table (and what was matched with it) still holds
  const signature = previous ? signatureOf(list) : undefined;
  if (previous !== undefined && previous.signature === signature) return previous;
  return new Learned(list, signature);
}

/**
 * The entries in their order: a spelling two entries share is the later one's (LearnedNameTable),
 * so names first written in another order are other names (星河云 the title's or the person's).
 */
function signatureOf(entries: readonly LearnedEntry[]): string {
  return entries.map((e) => `${e.id}\u0001${e.aliases.join('\u0001')}`).join('\u0000');
}

/** The learned names; their signature is made when first compared (an article without a document never compares it). */
class Learned implements LearnedNames {
  readonly lexicon: LearnedNameTable;

  constructor(private readonly entries: readonly LearnedEntry[], private made: string | undefined) {
    this.lexicon = new LearnedNameTable(entries);
  }

  get signature(): string {
    return (this.made ??= signatureOf(this.entries));
  }
}

/**
 * What is taken in a paragraph, one map for every call (a call never re-enters): a typed array
 * per paragraph, and a view of it per hit, were an ArrayBuffer each, past 64 bytes outside the heap.
 */
let takenMap = new Uint8Array(1024);

function cleared(length: number): Uint8Array {
  if (takenMap.length < length) takenMap = new Uint8Array(Math.max(length, 2 * takenMap.length));
  takenMap.fill(0, 0, length);
  return takenMap;
}

function isFree(taken: Uint8Array, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (taken[k] === 1) return false;
  return true;
}

/**
 * Other mentions of the learned names in one paragraph (`text`, and `form`: its Simplified view
 * in lower case, lowerCase(simplified)), where nothing was found yet. Offsets are the
 * paragraph's; those of `found` are `offset` more.
 */
export function repeatedMentions(text: string, form: string, names: NameMatcher, found: readonly EntityMention[], offset = 0): EntityMention[] {
  // (the map is longer than the paragraph: what is read or written stops at its length, as a map of its own did)
  const length = text.length + 1;
  const taken = cleared(length);
  for (const m of found) {
    const from = m.start - offset;
    const to = Math.min(m.end - offset, length);
    // (a loop over a name's few units, where a call of fill per mention cost more than the writes;
    // fill itself where it would count a negative start from the end)
    if (from >= 0) for (let k = from; k < to; k++) taken[k] = 1;
    else taken.fill(1, from, to);
  }
  const out: EntityMention[] = [];
  for (let i = names.nextMayMatch(form, 0); i < form.length; i = names.nextMayMatch(form, i)) {
    const hit = names.match(form, i);
    const free = hit !== undefined && isFree(taken, i, Math.min(i + hit.length, length));
    if (hit && free) {
      const { entry } = hit;
      out.push({ start: i, end: i + hit.length, text: text.slice(i, i + hit.length), type: entry.type, canonical: entry.canonical, entityId: entry.id, source: 'repeated' });
      i += hit.length;
    } else i++;
  }
  return out;
}
