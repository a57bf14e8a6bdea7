import * as assert from 'node:assert/strict';
import { firstWords } from '../../src/core/text/firstWords';

describe('firstWords (names in the Outline and breadcrumbs)', () => {
  it('keeps a short paragraph whole', () => {
    assert.equal(firstWords('星河云发布季度财报'), '星河云发布季度财报');
  });

  it('stops at the first clause end past a few characters, with an ellipsis', () => {
    assert.equal(firstWords('2024年11月5日，星河科技集团发布2025财年第二季度财报。'), '2024年11月5日…');
  });

  it('cuts a long clause at the limit', () => {
    assert.equal(firstWords('一二三四五六七八九十一二三四五六七八九十', 10), '一二三四五六七八九十…');
  });

  it('counts code points, so an astral character is never split', () => {
    const s = `${'𠀀'.repeat(12)}`;
    assert.equal(firstWords(s, 10), `${'𠀀'.repeat(10)}…`);
  });

  it('folds runs of whitespace (no-break spaces, line breaks) into one space', () => {
    assert.equal(firstWords('Canalys\u00a0\u00a0统计\n显示'), 'Canalys 统计 显示');
  });
});
