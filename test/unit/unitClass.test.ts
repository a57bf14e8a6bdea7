import * as assert from 'node:assert/strict';
import { unitClass } from '../../src/core/text/unitClass';

describe('text: a set of UTF-16 units as a regular expression class', () => {
  it('matches exactly the units of the set, lone surrogates and the ends of the range included', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    for (let trial = 0; trial < 20; trial++) {
      const set = new Uint8Array(0x10000);
      for (const c of [0, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xffff]) if (random() < 0.5) set[c] = 1;
      // runs of several lengths, and single units
      for (let k = 0; k < 40; k++) {
        const from = Math.floor(random() * 0x10000);
        const length = random() < 0.5 ? 1 : Math.floor(random() * 300);
        set.fill(1, from, Math.min(0x10000, from + length));
      }
      const pattern = new RegExp(`^[${unitClass((c) => set[c] === 1)}]$`);
      for (let c = 0; c < 0x10000; c++) assert.equal(pattern.test(String.fromCharCode(c)), set[c] === 1, `unit ${c.toString(16)}, trial ${trial}`);
    }
  });

  it('is empty for no unit, and undefined past the ranges asked for', () => {
    assert.equal(unitClass(() => false), '');
    assert.equal(unitClass((c) => c === 0x41 || c === 0x43, 2), '\\u0041\\u0043');
    assert.equal(unitClass((c) => c === 0x41 || c === 0x43 || c === 0x45, 2), undefined);
    assert.equal(unitClass((c) => c >= 0x41 && c <= 0x5a, 1), '\\u0041-\\u005a');
  });
});
