import * as assert from 'node:assert/strict';
import { caseProblem, figureCases, figuresOf } from './figureCases';

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

describe('figures: a lone digit after a named version', () => {
  const marked = (text: string) => figuresOf(text).filter((f) => f.salient).map((f) => f.text);
  it('is not marked when it names the next version (before 了 or 在)', () => {
    assert.deepEqual(marked('上一代叫Nova-2，如今已经出到3了，还有4在测试。'), []);
  });
  it('stays marked in a score, or as a level with no named version before it', () => {
    assert.deepEqual(marked('主队以2比1在客场取胜。'), ['2', '1']);
    assert.deepEqual(marked('女排以3:1在决赛中获胜。'), ['3', '1']);
    assert.deepEqual(marked('收益率已经降到2了。'), ['2']);
  });
});
