import * as assert from 'node:assert/strict';
import { caseProblem, figureCases } from './figureCases';

describe('figures: numerals (Chinese decimals, shared magnitudes, ranges, 两个亿, approximation words)', () => {
  const cases = figureCases('decimal', 'range-shared', 'range-dash', 'ge-yi', 'approx', 'labels');
  it('has cases of every class', () => assert.ok(cases.length >= 5, `${cases.length} cases`));
  for (const c of cases) {
    it(`${c.class}: ${c.text.replace(/\n/g, ' ⏎ ')}`, () => {
      const problem = caseProblem(c);
      assert.equal(problem, undefined, problem);
    });
  }
});
