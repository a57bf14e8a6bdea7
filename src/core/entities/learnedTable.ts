/**
 * The learned names of an article as repeatedMentions matches them: what a Lexicon of their
 * entries would match (the longest name at a position, a Latin name standing alone, a name two
 * entries share the later one's), without a Lexicon's trie of maps and its other indexes, built
 * afresh for every article analysed (a twentieth of what the Analyzer's own work allocated).
 */
import { matchForm, type EntityType } from './lexicon';
import { isLatinWordChar } from './textAt';

/** What the repeats of a learned name read of its entity. */
export interface LearnedEntry {
  id: string;
  canonical: string;
  type: EntityType;
  /** The spellings it was found under, in order. */
  aliases: string[];
}

/** One name (in match form) of a learned entity. */
export interface LearnedName {
  entry: LearnedEntry;
  length: number;
  alias: string;
  latin: boolean;
}

export class LearnedNameTable {
  /** The names by their first UTF-16 unit, longest first. */
  private readonly byFirst = new Map<number, LearnedName[]>();
  /**
   * The names' first UTF-16 units, hashed to 4096 bits: most units of a paragraph start no
   * name and are ruled out by one read of 512 bytes instead of a look-up in byFirst (a table
   * of 64 KB, one per article analysed, would cost more than it saves).
   */
  private readonly firstBits = new Int32Array(128);

  /** `entries` in order: a name of two entries is the later one's (as in a Lexicon). */
  constructor(entries: Iterable<LearnedEntry>) {
    const byAlias = new Map<string, LearnedName>();
    const add = (raw: string, entry: LearnedEntry) => {
      const alias = matchForm(raw);
      if (alias) byAlias.set(alias, { entry, length: alias.length, alias, latin: LATIN_START.test(alias) });
    };
    for (const entry of entries) {
      add(entry.canonical, entry);
      for (const a of entry.aliases) add(a, entry);
    }
    for (const name of byAlias.values()) {
      const unit = name.alias.charCodeAt(0);
      this.firstBits[(unit >>> 5) & 127]! |= 1 << (unit & 31);
      const list = this.byFirst.get(unit);
      if (list) list.push(name);
      else this.byFirst.set(unit, [name]);
    }
    for (const list of this.byFirst.values()) if (list.length > 1) list.sort((a, b) => b.length - a.length);
  }

  /** Whether match(form, i) may find a name: false only where it finds none. */
  mayMatchAt(form: string, i: number): boolean {
    const unit = form.charCodeAt(i);
    // (past the end: NaN reads as unit 0, which byFirst rules out)
    if ((this.firstBits[(unit >>> 5) & 127]! & (1 << (unit & 31))) === 0) return false;
    return this.byFirst.has(unit);
  }

  /**
   * The first position at or after `from` where mayMatchAt holds, or form.length. A loop of its
   * own: repeatedMentions's loop over every unit, which also calls out, reloaded the string,
   * the table and their bounds at each unit (some 80 instructions a unit).
   */
  nextMayMatch(form: string, from: number): number {
    const bits = this.firstBits;
    const n = form.length;
    for (let i = from < 0 ? 0 : from; i < n; i++) {
      const unit = form.charCodeAt(i);
      if ((bits[(unit >>> 5) & 127]! & (1 << (unit & 31))) !== 0 && this.byFirst.has(unit)) return i;
    }
    return n;
  }

  /** The longest name at position i of a match-form text, if any. */
  match(form: string, i: number): LearnedName | undefined {
    const list = this.byFirst.get(form.charCodeAt(i));
    if (list === undefined) return undefined;
    for (let k = 0; k < list.length; k++) {
      const name = list[k]!;
      if (!form.startsWith(name.alias, i)) continue;
      // Latin names stand alone: OpenAI, not OpenAIs
      if (name.latin && (isLatinWordChar(form.charCodeAt(i - 1)) || isLatinWordChar(form.charCodeAt(i + name.length)))) continue;
      return name;
    }
    return undefined;
  }
}

const LATIN_START = /^[a-z0-9]/;
