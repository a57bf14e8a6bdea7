import * as assert from 'node:assert/strict';
import { createAnchor, resolveAnchor } from '../../src/core/sidecar/anchor';

/** The code-point range of the `nth` (0-based) occurrence of `quote` in `text`. */
function nth(text: string, quote: string, n: number): [number, number] {
  let at = -1;
  for (let k = 0; k <= n; k++) at = text.indexOf(quote, at + 1);
  assert.ok(at >= 0, `${quote} #${n} not in the text`);
  const start = [...text.slice(0, at)].length;
  return [start, start + [...quote].length];
}

/**
 * The four ways re-anchoring put annotations on other words (issue 16), each as it was
 * reported. Each test failed before the candidate scoring of anchorCandidates.ts.
 */
describe('re-anchoring: the four reported causes of annotations on other words', () => {
  it('1. a copy of the quote at the old offset must agree with its context', () => {
    const v1 = '张勇表示，张勇认为';
    const [s, e] = nth(v1, '张勇', 1);
    const anchor = createAnchor(v1, s, e);
    const v2 = '阿里CEO' + v1;
    const r = resolveAnchor(v2, anchor);
    assert.notEqual(r.status, 'orphan');
    if (r.status !== 'orphan') assert.deepEqual([r.start, r.end], nth(v2, '张勇', 1));
  });

  it('2. a short quote does not move on a few characters of context', () => {
    const v1 = '据统计，在中国，阿里云的份额第一。\n在海外，阿里云的份额不高。';
    const [s, e] = nth(v1, '阿里云', 0);
    const anchor = createAnchor(v1, s, e);
    const v2 = '在海外，阿里云的份额不高。';
    const r = resolveAnchor(v2, anchor);
    assert.equal(r.status, 'orphan', `moved to ${JSON.stringify(r)}`);
    if (r.status === 'orphan') assert.ok(r.reason.length > 0);
  });

  it('3. a long quote edited in place is found approximately before an unrelated exact copy', () => {
    const v1 = '阿里云创始人王坚说，云是基础设施。\n记者问阿里云创始人王坚，AI呢？';
    const [s, e] = nth(v1, '阿里云创始人王坚', 1);
    const anchor = createAnchor(v1, s, e);
    const v2 = v1.slice(0, v1.lastIndexOf('创始人')) + '创办人' + v1.slice(v1.lastIndexOf('创始人') + 3);
    const r = resolveAnchor(v2, anchor);
    const [ts, te] = nth(v2, '阿里云创办人王坚', 0);
    assert.ok(r.status === 'orphan' || (r.start < te && ts < r.end), `landed on other words: ${JSON.stringify(r)}`);
    // the edited words are still there with all of their context: they are found
    assert.equal(r.status, 'fuzzy');
  });

  it('4. intact words whose neighbour was edited do not lose to a copy with a longer exact context', () => {
    const v1 = '第一部分：营收增长很快，阿里云的收入达到新高，市场反应积极。\n第二部分：利润增长很快，阿里云的收入达到新高，市场反应积极。';
    const [s, e] = nth(v1, '阿里云的收入', 1);
    const anchor = createAnchor(v1, s, e);
    const at = v1.lastIndexOf('阿里云的收入');
    const v2 = v1.slice(0, at) + '据报道' + v1.slice(at);
    const r = resolveAnchor(v2, anchor);
    assert.notEqual(r.status, 'orphan');
    if (r.status !== 'orphan') assert.deepEqual([r.start, r.end], nth(v2, '阿里云的收入', 1));
  });
});
