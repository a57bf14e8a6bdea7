import * as assert from 'node:assert/strict';
import { caseProblem, figureCases } from './figureCases';

describe('figures: percent (qualitative rates)', () => {
  const cases = figureCases('qualitative');
  it('has cases of every class', () => assert.ok(cases.length >= 8, `${cases.length} cases`));
  for (const c of cases) {
    it(`${c.class}: ${c.text.replace(/\n/g, ' ⏎ ')}`, () => {
      const problem = caseProblem(c);
      assert.equal(problem, undefined, problem);
    });
  }
});
