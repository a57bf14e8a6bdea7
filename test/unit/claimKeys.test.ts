import * as assert from 'node:assert/strict';
import { ClaimKeys } from '../../src/core/analysis/keys';
import type { Placed } from '../../src/core/analysis/placed';

/** A small deterministic generator, so that a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 48271) % 2147483647) / 2147483647;
}

/** The plain bookkeeping ClaimKeys stands for: every paragraph's keys, counted and searched afresh. */
class Reference {
  readonly held = new Map<Placed, readonly string[]>();

  count(key: string): number {
    let n = 0;
    for (const keys of this.held.values()) for (const k of keys) if (k === key) n++;
    return n;
  }

  holders(key: string): Placed[] {
    return [...this.held].filter(([, keys]) => keys.includes(key)).map(([at]) => at);
  }
}

const paragraph = (index: number): Placed => ({ index, shares: false }) as unknown as Placed;

describe('claim keys (ClaimKeys: a count and the holders in one map)', () => {
  it('counts each key and finds its holders as the plain bookkeeping does, as paragraphs come, go, change and repeat', () => {
    const next = random(11);
    // few keys, so that paragraphs share them, and a key twice in one paragraph
    const KEYS = ['甲', '乙', '丙', '丁', '戊', '己'];
    for (let run = 0; run < 60; run++) {
      const keys = new ClaimKeys();
      const ref = new Reference();
      let order: Placed[] = [];
      for (let step = 0; step < 80; step++) {
        const r = next();
        if (r < 0.45 || order.length === 0) {
          // a paragraph added (sometimes a copy of another's keys: a duplicated paragraph's sentences)
          const copy = order.length > 0 && next() < 0.25 ? ref.held.get(order[Math.floor(next() * order.length)]!)! : undefined;
          const list = copy ? [...copy] : Array.from({ length: Math.floor(next() * 4) }, () => KEYS[Math.floor(next() * KEYS.length)]!);
          const at = paragraph(-1);
          order.splice(Math.floor(next() * (order.length + 1)), 0, at);
          keys.add(list, at);
          ref.held.set(at, list);
        } else {
          // a paragraph removed, or changed (removed, and another in its place)
          const k = Math.floor(next() * order.length);
          const gone = order[k]!;
          keys.remove(ref.held.get(gone)!, gone);
          ref.held.delete(gone);
          order = order.filter((x) => x !== gone);
          if (r > 0.8) {
            const at = paragraph(-1);
            const list = Array.from({ length: 1 + Math.floor(next() * 3) }, () => KEYS[Math.floor(next() * KEYS.length)]!);
            order.splice(k, 0, at);
            keys.add(list, at);
            ref.held.set(at, list);
          }
        }
        order.forEach((at, i) => (at.index = i));
        for (const key of KEYS) {
          const count = ref.count(key);
          const holders = ref.holders(key);
          assert.equal(keys.count(key), count, `run ${run} step ${step} count of ${key}`);
          assert.equal(keys.repeated(key), count > 1, `run ${run} step ${step} repeated ${key}`);
          const seen: Placed[] = [];
          keys.forEach(key, (at) => seen.push(at));
          assert.deepEqual(new Set(seen), new Set(holders), `run ${run} step ${step} holders of ${key}`);
          assert.equal(seen.length, holders.length, `run ${run} step ${step} each holder once`);
          for (let index = 0; index <= order.length; index++) {
            assert.equal(keys.anyBefore(key, index), holders.some((at) => at.index < index), `run ${run} step ${step} ${key} before ${index}`);
          }
          // a paragraph holding a key written more than once is marked as sharing (markedClaims reads no key of any other)
          if (count > 1) for (const at of holders) assert.ok(at.shares, `run ${run} step ${step} ${key} shared by ${at.index}`);
        }
      }
    }
  });
});
