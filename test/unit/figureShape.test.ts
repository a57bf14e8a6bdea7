import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { everyFigure, FIELDS } from './figureSamples';
import { childTimeout, runInChild } from './helpers';

// Every figure has every field, in one order, absent ones undefined (build.ts): one hidden class,
// so that the claims stage's many reads of figure fields stay monomorphic. Figures whose fields
// were added as found came in some ten shapes, and each read went through V8's megamorphic load.
// The figures of every path: figureSamples.ts.

describe('figures: one shape', () => {
  it('every figure has every field, in one order, whatever it found', () => {
    const figures = everyFigure();
    // (the text is varied enough to mean something: many sets of fields with values)
    const kinds = new Set(figures.map((f) => FIELDS.filter((k) => (f as unknown as Record<string, unknown>)[k] !== undefined).join()));
    assert.ok(kinds.size >= 7, `figures of ${kinds.size} kinds of fields: ${[...kinds].join(' | ')}`);
    assert.ok(figures.some((f) => f.relative && f.period && f.assumption) && figures.some((f) => f.numeralEnd !== undefined && f.approx));
    for (const f of figures) assert.deepEqual(Object.keys(f), FIELDS, f.text);
  });

  it('every figure has one V8 map, copies too (asked of V8 in a child with --allow-natives-syntax)', function () {
    // (a spread copy has every key in order and still another map: only V8 can tell)
    this.timeout(childTimeout(60_000));
    const out = runInChild(`
      const { everyFigure: every } = require(${JSON.stringify(join(__dirname, 'figureSamples'))});
      // (once before: a field's first values of a new kind, a fraction after integers, move its
      // map to a more general one, and figures made before that keep the old map until next used)
      every();
      const figures = every();
      const other = figures.filter((f) => !%HaveSameMap(f, figures[0]) || !%HasFastProperties(f));
      process.stdout.write(JSON.stringify({ n: figures.length, other: other.map((f) => f.text) }));`, 60_000, ['--allow-natives-syntax']);
    const { n, other } = JSON.parse(out) as { n: number; other: string[] };
    assert.ok(n > 100, `${n} figures`);
    assert.deepEqual(other, [], 'figures with a map of their own');
  });
});
