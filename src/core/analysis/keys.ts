import type { Placed } from './placed';

/**
 * The article's claim keys (whitespace-free claim texts): how often each occurs, and which
 * paragraphs hold it. One map for both, holding the paragraph itself for a key written once
 * (nearly all of them): a count and a holder in two maps were four look-ups per key where a
 * fresh article now makes two (the second map missed the caches on a megabyte article).
 */
export class ClaimKeys {
  private readonly keys = new Map<string, Placed | Shared>();

  /** A paragraph's keys came (`at` holds them, a key as often as it is listed). */
  add(keys: readonly string[], at: Placed): void {
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const held = this.keys.get(key);
      if (held === undefined) this.keys.set(key, at);
      else if (held instanceof Shared) {
        held.count++;
        held.hold(at);
        at.shares = true;
      } else {
        this.keys.set(key, new Shared(held, at));
        held.shares = true;
        at.shares = true;
      }
    }
  }

  /** A paragraph's keys went (all of them: `at` holds none of them after). */
  remove(keys: readonly string[], at: Placed): void {
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const held = this.keys.get(key);
      if (held === undefined) continue;
      if (!(held instanceof Shared)) {
        if (held === at) this.keys.delete(key);
        continue;
      }
      held.count--;
      held.release(at);
      if (held.count === 0) this.keys.delete(key);
      else if (held.count === 1 && held.held !== undefined && !(held.held instanceof Set)) this.keys.set(key, held.held);
    }
  }

  count(key: string): number {
    const held = this.keys.get(key);
    return held === undefined ? 0 : held instanceof Shared ? held.count : 1;
  }

  repeated(key: string): boolean {
    const held = this.keys.get(key);
    return held instanceof Shared && held.count > 1;
  }

  forEach(key: string, fn: (at: Placed) => void): void {
    const held = this.keys.get(key);
    if (held === undefined) return;
    if (!(held instanceof Shared)) fn(held);
    else if (held.held instanceof Set) held.held.forEach((at) => fn(at));
    else if (held.held !== undefined) fn(held.held);
  }

  /** Whether a paragraph before the `index`th holds the key. */
  anyBefore(key: string, index: number): boolean {
    const held = this.keys.get(key);
    if (held === undefined) return false;
    if (!(held instanceof Shared)) return held.index < index;
    if (held.held === undefined) return false;
    if (!(held.held instanceof Set)) return held.held.index < index;
    for (const at of held.held) if (at.index < index) return true;
    return false;
  }

  clear(): void {
    this.keys.clear();
  }
}

/**
 * A key written more than once: its count, and its holders (a set only where two paragraphs
 * hold it; none for a moment while a paragraph that held it twice goes).
 */
class Shared {
  count = 2;
  held: Placed | Set<Placed> | undefined;

  constructor(first: Placed, second: Placed) {
    this.held = first === second ? first : new Set([first, second]);
  }

  hold(at: Placed): void {
    const held = this.held;
    if (held === undefined) this.held = at;
    else if (held instanceof Set) held.add(at);
    else if (held !== at) this.held = new Set([held, at]);
  }

  release(at: Placed): void {
    const held = this.held;
    if (held === at) this.held = undefined;
    else if (held instanceof Set) {
      held.delete(at);
      if (held.size === 1) this.held = held.values().next().value!;
    }
  }
}

/**
 * Which paragraphs hold each key (a claim text, an entity), to redo only their decisions when the
 * key's totals change. Most keys are held by one paragraph: that one is kept as it is, and a set
 * is made only for a key a second paragraph holds (a set per key cost a tenth of the Analyzer's
 * own time on a fresh article).
 */
export class Holders {
  private readonly holders = new Map<string, Placed | Set<Placed>>();

  add(key: string, at: Placed): void {
    const held = this.holders.get(key);
    if (held === undefined) this.holders.set(key, at);
    else if (held instanceof Set) held.add(at);
    else if (held !== at) this.holders.set(key, new Set([held, at]));
  }

  remove(key: string, at: Placed): void {
    const held = this.holders.get(key);
    if (held === undefined) return;
    if (!(held instanceof Set)) {
      if (held === at) this.holders.delete(key);
      return;
    }
    held.delete(at);
    if (held.size === 0) this.holders.delete(key);
  }

  forEach(key: string, fn: (at: Placed) => void): void {
    const held = this.holders.get(key);
    if (held === undefined) return;
    if (held instanceof Set) held.forEach((at) => fn(at));
    else fn(held);
  }

  /** Whether a paragraph before the `index`th holds the key. */
  anyBefore(key: string, index: number): boolean {
    const held = this.holders.get(key);
    if (held === undefined) return false;
    if (!(held instanceof Set)) return held.index < index;
    for (const at of held) if (at.index < index) return true;
    return false;
  }

  clear(): void {
    this.holders.clear();
  }
}
