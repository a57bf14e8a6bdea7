/**
 * The learned names of an article as repeatedMentions matches them: what a Lexicon of their
 * entries would match (the longest name at a position, a Latin name standing alone, a name two
 * entries share the later one's), without a Lexicon's trie of maps and its other indexes, built
 * afresh for every article analysed (a twentieth of what the Analyzer's own work allocated).
 */
import { matchForm, pairHash, type EntityType } from './lexicon';
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
   * Three sets of bits in one array (one check of its shape and bounds in a scan): at FIRST, the
   * names' first UTF-16 units hashed to 4096 bits (most units of a paragraph start no name and
   * are ruled out by one read, where a table of 64 KB, one per article analysed, would cost more
   * than it saves); at ALONE, the first units of names one unit long; at PAIRS, the first two
   * units of the longer names, hashed to 8192 bits. A first unit of a common character starts
   * a learned name at one position in ten where it appears: the pair rules out most of the
   * others without a look-up in byFirst and a comparison with each name.
   */
  private readonly bits = new Int32Array(PAIRS + 256);

  /** `entries` in order: a name of two entries is the later one's (as in a Lexicon). */
  constructor(entries: Iterable<LearnedEntry>) {
    const byAlias = new Map<string, LearnedName>();
    const add = (alias: string, entry: LearnedEntry) => {
      if (alias) byAlias.set(alias, { entry, length: alias.length, alias, latin: startsLatin(alias) });
    };
    for (const entry of entries) {
      const canonical = matchForm(entry.canonical);
      add(canonical, entry);
      // (a name written as its canonical form, as most are in Simplified text, is put in match
      // form once: a conversion to the Simplified view costs some 1,500 instructions a name)
      for (const a of entry.aliases) add(a === entry.canonical ? canonical : matchForm(a), entry);
    }
    const bits = this.bits;
    for (const name of byAlias.values()) {
      const unit = name.alias.charCodeAt(0);
      bits[FIRST + ((unit >>> 5) & 127)]! |= 1 << (unit & 31);
      if (name.alias.length === 1) bits[ALONE + ((unit >>> 5) & 127)]! |= 1 << (unit & 31);
      else {
        const h = pairHash(unit, name.alias.charCodeAt(1)) & 8191;
        bits[PAIRS + (h >>> 5)]! |= 1 << (h & 31);
      }
      const list = this.byFirst.get(unit);
      if (list) list.push(name);
      else this.byFirst.set(unit, [name]);
    }
    for (const list of this.byFirst.values()) if (list.length > 1) list.sort((a, b) => b.length - a.length);
  }

  /** Whether match(form, i) may find a name: false only where it finds none. */
  mayMatchAt(form: string, i: number): boolean {
    const bits = this.bits;
    const unit = form.charCodeAt(i);
    // (past the end: NaN reads as the bits of unit 0, which it shares with every U+x000 unit:
    // true there may follow, and match then finds nothing)
    const w = (unit >>> 5) & 127;
    const b = 1 << (unit & 31);
    if ((bits[FIRST + w]! & b) === 0) return false;
    if ((bits[ALONE + w]! & b) !== 0) return true;
    if (!(i + 1 < form.length)) return false;
    const h = pairHash(unit, form.charCodeAt(i + 1)) & 8191;
    return (bits[PAIRS + (h >>> 5)]! & (1 << (h & 31))) !== 0;
  }

  /**
   * The first position at or after `from` where mayMatchAt holds, or form.length. A loop of
   * its own: repeatedMentions's loop over every unit, which also calls out, reloaded the
   * string, the table and their bounds at each unit (some 80 instructions a unit).
   */
  nextMayMatch(form: string, from: number): number {
    const bits = this.bits;
    const n = form.length;
    for (let i = from < 0 ? 0 : from; i < n; i++) {
      const unit = form.charCodeAt(i);
      const w = (unit >>> 5) & 127;
      const b = 1 << (unit & 31);
      if ((bits[FIRST + w]! & b) === 0) continue;
      if ((bits[ALONE + w]! & b) !== 0) return i;
      if (i + 1 < n) {
        const h = pairHash(unit, form.charCodeAt(i + 1)) & 8191;
        if ((bits[PAIRS + (h >>> 5)]! & (1 << (h & 31))) !== 0) return i;
      }
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

/** /^[a-z0-9]/.test(alias), read as its first unit (no call of a regular expression per name). */
function startsLatin(alias: string): boolean {
  const c = alias.charCodeAt(0);
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
}
/** Where the table's three sets of bits start (LearnedNameTable.bits). */
const FIRST = 0;
const ALONE = 128;
const PAIRS = 256;
