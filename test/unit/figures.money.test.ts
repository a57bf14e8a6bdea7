import * as assert from 'node:assert/strict';
import { caseProblem, figureCases } from './figureCases';

describe('figures: money (financial numerals, 元/圆 with 角 and 分, currencies before the number, more currencies)', () => {
  const cases = figureCases('formal', 'yuan-tails', 'currency-before', 'currency-new');
  it('has cases of every class', () => assert.ok(cases.length >= 5, `${cases.length} cases`));
  for (const c of cases) {
    it(`${c.class}: ${c.text.replace(/\n/g, ' ⏎ ')}`, () => {
      const problem = caseProblem(c);
      assert.equal(problem, undefined, problem);
    });
  }
});
