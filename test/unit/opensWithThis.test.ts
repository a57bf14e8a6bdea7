import * as assert from 'node:assert/strict';
import { OPENS_WITH_THIS, mayOpenWithThis } from '../../src/core/claims/features';

/**
 * mayOpenWithThis is a hand-written filter in front of OPENS_WITH_THIS: the units a match can
 * start with. Read from the pattern's own words, so that a word added to the pattern (该) or
 * dropped from the filter (那) fails here rather than silently losing the feature.
 */
describe('claims: the filter in front of OPENS_WITH_THIS', () => {
  const shape = /^\^\(\?:([^()]*)\)\?\[([^\]]*)\]\?\(\?:([^()]*)\)$/u;
  const parts = shape.exec(OPENS_WITH_THIS.source);

  it('reads the pattern as (lead words)?[marks]?(this-words)', () => {
    assert.ok(parts, `OPENS_WITH_THIS changed its shape (${OPENS_WITH_THIS.source}): update mayOpenWithThis and this test`);
  });

  it('lets through exactly the first units of the strings the pattern matches', () => {
    const [, leads, marks, these] = parts!;
    const openings = ['', ...leads!.split('|')];
    const between = ['', ...marks!];
    const matches: string[] = [];
    for (const a of openings) for (const p of between) for (const b of these!.split('|')) matches.push(a + p + b);
    for (const m of matches) assert.ok(OPENS_WITH_THIS.test(m), m);
    const firsts = new Set(matches.map((m) => m.charCodeAt(0)));
    for (let c = 0; c < 0x10000; c++) assert.equal(mayOpenWithThis(c), firsts.has(c), `U+${c.toString(16)} ${String.fromCharCode(c)}`);
  });
});
