import * as assert from 'node:assert/strict';
import { Priority, type Candidate, type EntityMention } from '../../src/core/entities/candidates';
import { resolveOverlaps } from '../../src/core/entities/resolve';

function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 48271) % 2147483647) / 2147483647;
}

/** The plain reference for candidates no rule makes give way: strongest first in the order proposed, each where nothing stronger is. */
function reference(all: readonly Candidate[]): string[] {
  const byStrength = [...all].sort((a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: Candidate[] = [];
  for (const c of byStrength) if (!taken.some((t) => t.start < c.end && c.start < t.end)) taken.push(c);
  return taken.sort((a, b) => a.start - b.start).map(show);
}

const show = (m: EntityMention) => `${m.start}-${m.end} ${m.type} ${m.canonical} ${m.source}`;

describe('resolving overlaps from the candidates in start order', () => {
  it('keeps what the order proposed keeps, ties of strength (one span, one priority) included, call after call', () => {
    const next = random(5);
    const priorities = [Priority.Pattern, Priority.Tagger, Priority.Known];
    let ties = 0;
    for (let round = 0; round < 300; round++) {
      const all: Candidate[] = [];
      const n = 1 + Math.floor(next() * (round % 3 === 0 ? 90 : 20));
      for (let k = 0; k < n; k++) {
        const start = Math.floor(next() * 40);
        const end = start + 1 + Math.floor(next() * 4);
        const type = next() < 0.5 ? 'person' : 'product';
        const source = type === 'person' ? 'lexicon' : 'quoted';
        const canonical = `名${k}`;
        all.push({ start, end, text: canonical, type, canonical, entityId: `${type}:${canonical}`, source, priority: priorities[Math.floor(next() * 3)]! });
        // the same span and priority again, proposed later
        if (next() < 0.3) {
          all.push({ ...all[all.length - 1]!, canonical: `${canonical}乙`, entityId: `${type}:${canonical}乙` });
          ties++;
        }
      }
      const before = all.map(show);
      assert.deepEqual(resolveOverlaps(all).map(show), reference(all), `round ${round}`);
      assert.deepEqual(all.map(show), before, 'the candidates are left in the order proposed');
    }
    assert.ok(ties > 500);
  });

  it('forgets what gave way in one call before the next (a place inside an organisation)', () => {
    const org: Candidate = { start: 0, end: 6, text: '北京某某大学', type: 'org', canonical: '北京某某大学', entityId: 'org:北京某某大学', source: 'suffix', priority: Priority.Pattern };
    const place: Candidate = { start: 0, end: 2, text: '北京', type: 'place', canonical: '北京', entityId: 'place:北京', source: 'lexicon', priority: Priority.Known };
    assert.deepEqual(resolveOverlaps([org, place]).map(show), ['0-6 org 北京某某大学 suffix']);
    assert.deepEqual(resolveOverlaps([place]).map(show), ['0-2 place 北京 lexicon']);
  });
});
