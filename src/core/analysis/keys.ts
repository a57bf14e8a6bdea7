import type { Placed } from './placed';

/** Counts of strings, kept up to date by what came and went. */
export class Tally {
  private readonly counts = new Map<string, number>();

  add(keys: readonly string[], times: number): void {
    for (const k of keys) {
      const n = (this.counts.get(k) ?? 0) + times;
      if (n === 0) this.counts.delete(k);
      else this.counts.set(k, n);
    }
  }

  count(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  repeated(key: string): boolean {
    return (this.counts.get(key) ?? 0) > 1;
  }

  clear(): void {
    this.counts.clear();
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
