import * as assert from 'node:assert/strict';
import { caseProblem, figureCases } from './figureCases';

describe('figures: dates and periods (年末, 月份, relative dates)', () => {
  const cases = figureCases('date-words', 'relative-date', 'day-of-month', 'yearless');
  it('has cases of every class', () => assert.ok(cases.length >= 5, `${cases.length} cases`));
  for (const c of cases) {
    it(`${c.class}: ${c.text.replace(/\n/g, ' ⏎ ')}`, () => {
      const problem = caseProblem(c);
      assert.equal(problem, undefined, problem);
    });
  }
});
