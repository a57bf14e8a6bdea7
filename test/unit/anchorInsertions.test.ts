import * as assert from 'node:assert/strict';
import { createAnchor, resolveAnchor } from '../../src/core/sidecar/anchor';

/** The code-point range of `quote` in `text` (its first occurrence). */
function rangeOf(text: string, quote: string): [number, number] {
  const at = text.indexOf(quote);
  assert.ok(at >= 0, `${quote} not in the text`);
  const start = [...text.slice(0, at)].length;
  return [start, start + [...quote].length];
}

// Text written for these tests: a heading, an annotated sentence, the sentences around it.
const HEADING = '星河科技年度大会在杭州举行\n';
const BEFORE = '星河科技的年度大会今天开幕，数千名开发者到场。\n';
const CLAIM = '2023年4月11日举办的发布会上，公司宣布营收增长了18%，超过市场预期。';
const AFTER = '\n会后，多家机构上调了对公司的评级，股价随之上涨。\n';
const TEXT = HEADING + BEFORE + CLAIM + AFTER;

/**
 * A user's words, unchanged and found once, with one side of their context standing beside
 * them and the other standing whole in front of text the user wrote in between: the same words,
 * moved by the insertion. They were orphaned when the insertion was longer than a few characters
 * ("its old neighbourhood is still in the text, without the quote").
 */
describe('re-anchoring: text inserted right beside annotated words', () => {
  const anchor = (quote: string) => {
    const [s, e] = rangeOf(TEXT, quote);
    return createAnchor(TEXT, s, e);
  };
  const followed = (edited: string, quote: string) => {
    const r = resolveAnchor(edited, anchor(quote));
    assert.ok(r.status === 'moved' || r.status === 'exact', JSON.stringify(r));
    assert.deepEqual([r.start, r.end], rangeOf(edited, quote));
  };

  it('follows a sentence when a line is inserted just before it', () => {
    followed(HEADING + BEFORE + '插入一句新的话。\n' + CLAIM + AFTER, CLAIM);
  });

  it('follows a sentence when a whole paragraph is inserted just before it', () => {
    followed(HEADING + BEFORE + '这是编辑新加的一段说明，交代了发布会的背景，以及此前两年里公司在云计算和大模型上的投入，'.repeat(2) + '\n' + CLAIM + AFTER, CLAIM);
  });

  it('follows a sentence when a line is inserted just after it', () => {
    followed(HEADING + BEFORE + CLAIM + '\n插入一句新的话。' + AFTER, CLAIM);
  });

  it('follows a date at the start of a sentence when a line is inserted before the sentence', () => {
    followed(HEADING + BEFORE + '插入一句新的话。\n' + CLAIM + AFTER, '2023年4月11日');
  });

  it('still orphans rewritten words whose copy, with the context after it, follows soon after', () => {
    // the annotated sentence was rewritten; a copy of it and of what followed it stands a little
    // further on, the old context before it in front of both: not the words annotated
    const edited = HEADING + BEFORE + '发布会改期，具体安排另行通知。' + AFTER + '附：' + CLAIM + AFTER;
    assert.equal(resolveAnchor(edited, anchor(CLAIM)).status, 'orphan');
  });

  it('still orphans words cut beyond recognition, with a copy of them before them', () => {
    // a copy of the sentence stands where it stood, its old context before it; the sentence
    // itself, cut by more than a fifth, follows, with the old context after it: what stands
    // between the copy and that context is the words annotated, not text written in between
    const cut = CLAIM.slice(0, 8) + CLAIM.slice(20);
    const edited = HEADING + BEFORE + CLAIM + '——' + cut + AFTER;
    assert.equal(resolveAnchor(edited, anchor(CLAIM)).status, 'orphan');
  });
});
