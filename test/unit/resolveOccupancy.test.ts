import * as assert from 'node:assert/strict';
import { Priority, type Candidate, type EntitySource } from '../../src/core/entities/candidates';
import type { EntityType } from '../../src/core/entities/lexicon';
import { resolveOverlaps } from '../../src/core/entities/resolve';
import { rng } from '../support/anchorSimulation';

/**
 * The occupancy rule alone, written plainly: of candidates by strength (higher priority, then
 * longer, then earlier; a stable sort), each one that overlaps none taken before is taken, and
 * the taken ones come out by start. A fresh map per call: the reference for the map kept
 * from one call to the next.
 */
function reference(all: readonly Candidate[]): string[] {
  const byStrength = [...all].sort((a, b) => a.start - b.start || b.end - a.end).sort((a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: Candidate[] = [];
  const occupied = new Set<number>();
  for (const c of byStrength) {
    let free = true;
    for (let k = c.start; k < c.end; k++) if (occupied.has(k)) free = false;
    if (!free) continue;
    for (let k = c.start; k < c.end; k++) occupied.add(k);
    taken.push(c);
  }
  return taken.sort((a, b) => a.start - b.start).map(key);
}

function key(m: { start: number; end: number; canonical: string }): string {
  return `${m.start}-${m.end} ${m.canonical}`;
}

const TYPES: EntityType[] = ['person', 'org', 'product', 'work'];
const SOURCES: EntitySource[] = ['lexicon', 'role', 'speech', 'latin', 'quoted'];

/** Candidates that no rule of the resolve stage but occupancy decides between (no places, no titles, no tagger). */
function randomCandidates(next: () => number, length: number, count: number): Candidate[] {
  const out: Candidate[] = [];
  for (let n = 0; n < count; n++) {
    const start = Math.floor(next() * length);
    const end = Math.min(length, start + 1 + Math.floor(next() * 6));
    const type = TYPES[Math.floor(next() * TYPES.length)]!;
    const canonical = `c${n}`;
    out.push({ start, end, text: canonical, type, canonical, entityId: `${type}:${canonical}`, source: SOURCES[Math.floor(next() * SOURCES.length)]!, priority: [Priority.LatinShape, Priority.Pattern, Priority.Known][Math.floor(next() * 3)]! });
  }
  return out;
}

describe('entities: the occupancy map resolving overlaps, kept from one call to the next', () => {
  it('takes what a fresh map takes, call after call, long paragraphs then short ones', () => {
    const next = rng(2026120302);
    let taken = 0;
    for (let t = 0; t < 3000; t++) {
      const length = next() < 0.2 ? 200 + Math.floor(next() * 400) : 1 + Math.floor(next() * 40);
      const count = next() < 0.1 ? 70 + Math.floor(next() * 60) : Math.floor(next() * 20);
      const all = randomCandidates(next, length, count);
      const got = resolveOverlaps(all).map(key);
      assert.deepEqual(got, reference(all), `call ${t}`);
      taken += got.length;
    }
    assert.ok(taken > 10_000, `only ${taken} taken`);
  });

  it('takes what a fresh map takes after a call that threw with units marked', () => {
    const next = rng(5);
    const all = randomCandidates(next, 30, 15);
    const want = reference(all);
    // a strong candidate over the whole text, taken first and marked, and a weaker one inside it
    // whose start cannot be read the last time resolving reads it (asking whether it is free)
    const strong: Candidate = { start: 0, end: 30, text: 'x', type: 'org', canonical: 'x', entityId: 'org:x', source: 'lexicon', priority: Priority.Known };
    const weak = (throwAt: number, reads: { n: number }): Candidate => {
      const c = { end: 5, text: 'y', type: 'org', canonical: 'y', entityId: 'org:y', source: 'role', priority: Priority.Pattern } as Candidate;
      Object.defineProperty(c, 'start', { enumerable: true, get: () => { if (++reads.n === throwAt) throw new Error('unreadable'); return 2; } });
      return c;
    };
    const dry = { n: 0 };
    assert.deepEqual(resolveOverlaps([strong, weak(-1, dry)]).map(key), ['0-30 x']);
    assert.throws(() => resolveOverlaps([strong, weak(dry.n, { n: 0 })]), /unreadable/);
    assert.deepEqual(resolveOverlaps(all).map(key), want);
  });
});
