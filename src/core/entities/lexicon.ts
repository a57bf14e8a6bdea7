import { toSimplifiedView } from '../script/normalize';
import { BUILTIN_LEXICON } from './builtinLexicon';

export const ENTITY_TYPES = ['person', 'org', 'product', 'place', 'work'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export interface LexiconEntry {
  /** `type:canonical`, the same in every article and script. */
  id: string;
  canonical: string;
  type: EntityType;
  aliases: string[];
  /** Short forms that count only where the article also names the entity in full. */
  shortAliases: string[];
  note?: string;
  link?: string;
  origin: 'builtin' | 'workspace';
}

export function entityId(type: string, canonical: string): string {
  return `${type}:${canonical}`;
}

/** The form names are matched in: Simplified, Latin in lower case. */
export function matchForm(s: string): string {
  return toSimplifiedView(s).text.toLowerCase();
}

export interface AliasHit {
  entry: LexiconEntry;
  short: boolean;
  length: number;
  latin: boolean;
}

/**
 * Entries indexed by the first character of each alias (in match form), longest alias
 * first, so matching at a position is a lookup and a few `startsWith` calls.
 */
interface Alias {
  entry: LexiconEntry;
  short: boolean;
  latin: boolean;
  length: number;
}

/** A node of the alias trie over UTF-16 units: the aliases ending here, longest-first walk. */
interface AliasNode {
  next: Map<number, AliasNode>;
  aliases: Alias[];
}

/**
 * Entries indexed by their aliases (in match form) in a trie over UTF-16 units, so that
 * matching at a position is one walk, however many aliases share a first character.
 */
export class Lexicon {
  private readonly root: AliasNode = { next: new Map(), aliases: [] };
  /** First UTF-16 units of all aliases, so most positions are ruled out by one array read. */
  private readonly firstUnits = new Uint8Array(0x10000);
  readonly entries: LexiconEntry[];
  readonly ignore: ReadonlySet<string>;
  private readonly byId: ReadonlyMap<string, LexiconEntry>;

  constructor(entries: LexiconEntry[], ignore: Iterable<string> = []) {
    // workspace entries come last and win over built-in ones with the same id
    const byId = new Map<string, LexiconEntry>();
    for (const e of entries) byId.set(e.id, e);
    this.entries = [...byId.values()];
    this.byId = byId;
    this.ignore = new Set([...ignore].map(matchForm));
    for (const entry of this.entries) {
      const add = (raw: string, short: boolean) => {
        const alias = matchForm(raw);
        if (!alias || this.ignore.has(alias)) return;
        let node = this.root;
        for (let k = 0; k < alias.length; k++) {
          const unit = alias.charCodeAt(k);
          let child = node.next.get(unit);
          if (!child) node.next.set(unit, (child = { next: new Map(), aliases: [] }));
          node = child;
        }
        node.aliases.push({ entry, short, latin: /^[a-z0-9]/.test(alias), length: alias.length });
        this.firstUnits[alias.charCodeAt(0)] = 1;
      };
      add(entry.canonical, false);
      for (const a of entry.aliases) add(a, false);
      for (const a of entry.shortAliases) add(a, true);
    }
  }

  /** The longest alias at position i of a match-form text, if any. */
  match(form: string, i: number): AliasHit | undefined {
    let node: AliasNode | undefined = this.root;
    let best: Alias | undefined;
    for (let j = i; j < form.length; j++) {
      node = node.next.get(form.charCodeAt(j));
      if (!node) break;
      for (const c of node.aliases) {
        // Latin names stand alone: OpenAI, not OpenAIs; GPT-4, not GPT-40
        if (c.latin && (isLatinWordChar(form.charCodeAt(i - 1)) || isLatinWordChar(form.charCodeAt(j + 1)))) continue;
        best = c;
        break;
      }
    }
    return best && { entry: best.entry, short: best.short, length: best.length, latin: best.latin };
  }

  /** The entry of an entity id (`org:阿里云`), if the lexicon has one. */
  entry(id: string): LexiconEntry | undefined {
    return this.byId.get(id);
  }

  /** Whether an alias may start with this UTF-16 unit. */
  mayStartWith(unit: number): boolean {
    return this.firstUnits[unit] === 1;
  }

  with(extra: LexiconEntry[], ignore: Iterable<string>): Lexicon {
    return new Lexicon([...this.entries, ...extra], [...this.ignore, ...ignore]);
  }
}

function isLatinWordChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a);
}

let builtin: Lexicon | undefined;

/** The built-in lexicon, parsed on first use. */
export function builtinLexicon(): Lexicon {
  if (builtin) return builtin;
  const entries: LexiconEntry[] = [];
  for (const line of BUILTIN_LEXICON.split('\n')) {
    if (!line.trim()) continue;
    const [canonical, type, aliases = '', note = ''] = line.split('|');
    const all = aliases.split(',').map((a) => a.trim()).filter(Boolean);
    const entry: LexiconEntry = {
      id: entityId(type!, canonical!),
      canonical: canonical!,
      type: type as EntityType,
      aliases: all.filter((a) => !a.endsWith('*')),
      shortAliases: all.filter((a) => a.endsWith('*')).map((a) => a.slice(0, -1)),
      origin: 'builtin',
    };
    if (note) entry.note = note;
    entries.push(entry);
  }
  builtin = new Lexicon(entries);
  return builtin;
}
