import * as assert from 'node:assert/strict';
import { checkArithmetic, MAX_PASSAGE_FIGURES } from '../../src/core/claims/arithmetic';
import { firstAtLeast, lastCommaBefore, listIndexOf, listsNear, sentenceAround } from '../../src/core/claims/listIndex';
import { viewOf } from '../../src/core/claims/passage';
import { listWordsIn, sumsAt } from '../../src/core/claims/relations';
import { detectFigures } from '../../src/core/figures/detect';
import type { Figure } from '../../src/core/figures/types';

/** A deterministic generator, so that a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PIECES = [
  '分别为', '分别占', '合计', '总计', '共计', '其中', '包括', '营收', '利润', 'A公司', 'B公司', '和', '、', '，', ',', '。', '；', '\n',
  '2022年', '2023年', '150亿元', '100亿元', '70亿元', '320亿元', '40%', '35%', '25%', '12', '3亿', '8.5万', '约', '近', '𠀀', '\u00a0',
];

function passageText(rand: () => number, length: number): string {
  let text = '';
  while (text.length < length) text += PIECES[Math.floor(rand() * PIECES.length)]!;
  return text;
}

const salient = (text: string): Figure[] => detectFigures(text).filter((f) => f.salient === true);

describe('listIndex: what the sum relation reads around each list, found once per passage', () => {
  it('finds the same sentence and clause as a walk from the offset, at every offset', () => {
    const rand = random(7);
    for (let n = 0; n < 200; n++) {
      const text = passageText(rand, 1 + Math.floor(rand() * 80));
      const index = listIndexOf(text, []);
      for (let at = 0; at <= text.length; at++) {
        assert.deepEqual(sentenceAround(text, at, index), sentenceAround(text, at), `${JSON.stringify(text)} at ${at}`);
        // (lastIndexOf from −1 still reads offset 0: a list word never stands on a comma, so only offsets after 0 count)
        if (at > 0) assert.equal(lastCommaBefore(text, at, index), lastCommaBefore(text, at), `${JSON.stringify(text)} at ${at}`);
      }
    }
  });

  it('finds the same sums by binary search as by walking every figure, for a paragraph and for each stretch of it', () => {
    const rand = random(11);
    let sums = 0;
    for (let n = 0; n < 1500; n++) {
      const text = passageText(rand, 10 + Math.floor(rand() * 160));
      const lists = listWordsIn(text);
      if (lists.length === 0) continue;
      const all = salient(text);
      // a unit of the paragraph asks about the paragraph's lists with its own figures only
      const from = Math.floor(rand() * text.length);
      const to = from + Math.floor(rand() * (text.length - from + 1));
      for (const figures of [all, all.filter((f) => f.start >= from && f.end <= to)]) {
        const v = viewOf({ text, figures });
        const walked = sumsAt(v, lists, false);
        assert.deepEqual(sumsAt(v, lists, true), walked, JSON.stringify(text));
        sums += walked.length;
      }
    }
    assert.ok(sums > 50, `the generated passages state sums (${sums})`);
  });

  it('walks figures that are out of order rather than search them', () => {
    const text = '合计320亿元，其中A公司和B公司分别为150亿元、100亿元和70亿元。';
    const figures = salient(text);
    const v = viewOf({ text, figures: [...figures].reverse() });
    assert.equal(listIndexOf(text, v.figures).sorted, false);
    assert.deepEqual(sumsAt(v, listWordsIn(text), true), sumsAt(v, listWordsIn(text), false));
    assert.equal(sumsAt(viewOf({ text, figures }), listWordsIn(text), true).length, 1);
  });

  it('keeps only the lists that a figure may follow within 60', () => {
    const lists = [0, 100, 200, 300];
    const at = (start: number) => ({ start, end: start + 2 }) as Figure;
    assert.deepEqual(listsNear(lists, []), [0, 0]);
    assert.deepEqual(listsNear(lists, [at(150)]), [1, 2]);
    assert.deepEqual(listsNear(lists, [at(159), at(260)]), [1, 3]);
    assert.deepEqual(listsNear(lists, [at(160), at(201)]), [2, 3]);
    assert.deepEqual(listsNear(lists, [at(0)]), [0, 0]);
    assert.equal(firstAtLeast([1, 3, 3, 5], 3), 1);
    assert.equal(firstAtLeast([1, 3, 3, 5], 6), 4);
  });

  it('reads no arithmetic in a passage of more figures than a sentence states', () => {
    const sentence = '去年营收100亿元，今年营收120亿元，增长20%。';
    assert.equal(checkArithmetic({ text: sentence, figures: salient(sentence) }).length, 1);
    const table = sentence + '，1%'.repeat(MAX_PASSAGE_FIGURES);
    assert.ok(salient(table).length > MAX_PASSAGE_FIGURES);
    assert.deepEqual(checkArithmetic({ text: table, figures: salient(table) }), []);
  });
});
