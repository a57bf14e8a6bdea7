import * as assert from 'node:assert/strict';
import { caseProblem, figureCases } from './figureCases';

describe('figures: durations and counts (compound durations, N大, 前N)', () => {
  const cases = figureCases('duration', 'n-da', 'top-n', 'days');
  it('has cases of every class', () => assert.ok(cases.length >= 5, `${cases.length} cases`));
  for (const c of cases) {
    it(`${c.class}: ${c.text.replace(/\n/g, ' ⏎ ')}`, () => {
      const problem = caseProblem(c);
      assert.equal(problem, undefined, problem);
    });
  }
});
