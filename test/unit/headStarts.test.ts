import * as assert from 'node:assert/strict';
import {
  COUNTERS, COUNTERS_START, CREDIT, CREDIT_START, HEAD_STARTS, NAVIGATION, NAVIGATION_START, SECTION_HEADING, SECTION_START, SOURCE_LINE, SOURCE_START,
} from '../../src/core/text/paragraphs';
import { SPACE_LIKE_UNITS, isSpaceLike } from '../../src/core/text/chars';

// The split tests a paragraph's head against an anchored pattern only where its first unit is
// one the pattern's matches can begin with (HEAD_STARTS): no head the pattern matches may be
// skipped. Each pattern's words are read from the pattern itself (its first group of
// alternatives with Han in it: a word added to the pattern alone is tried too), and heads that
// match, with every unit before them.
const SPACES = '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
function wordsOf(pattern: RegExp): string[] {
  const group = [...pattern.source.matchAll(/\(\?:([^()]*\|[^()]*)\)/g)].map((m) => m[1]!).find((g) => /\p{Script=Han}/u.test(g));
  assert.ok(group, `${pattern.source} has a group of words`);
  // an optional last character (阅读量?) is left out: the word begins as it does
  return group.split('|').map((w) => w.replace(/.\?$/u, ''));
}
const CASES: Array<[string, RegExp, number, string[]]> = [
  ['CREDIT', CREDIT, CREDIT_START, wordsOf(CREDIT).map((w) => `${w}：某某`)],
  ['SOURCE_LINE', SOURCE_LINE, SOURCE_START, wordsOf(SOURCE_LINE).map((w) => `${w}某处`)],
  ['NAVIGATION', NAVIGATION, NAVIGATION_START, wordsOf(NAVIGATION)],
  ['COUNTERS', COUNTERS, COUNTERS_START, [...wordsOf(COUNTERS), '閱讀量', '点赞 12', '在看 3', '0 阅读:35', '5170点击 2025-03-08 09:15', '.5万阅读', ',3 在看']],
  ['SECTION_HEADING', SECTION_HEADING, SECTION_START, ['# 标题', '###### 标题', '1、标题', '12. 标题', '3 标题', '一、标题', '十二．标题', '三、']],
];

describe('the units the anchored paragraph patterns begin with', () => {
  it('reads the words of each pattern from the pattern', () => {
    assert.ok(wordsOf(CREDIT).includes('文') && wordsOf(CREDIT).includes('攝影'));
    assert.ok(wordsOf(COUNTERS).includes('阅读') && wordsOf(COUNTERS).includes('喜歡'));
    assert.ok(wordsOf(NAVIGATION).includes('返回頂部') && wordsOf(SOURCE_LINE).includes('轉載自'));
  });

  for (const [name, pattern, bit, heads] of CASES) {
    it(`${name}: every head it matches begins with a unit of its own, whatever may come before the words`, () => {
      for (const head of heads) {
        assert.ok(pattern.test(head), `${name} matches ${head}`);
        for (const before of ['', '#', ' ', '##', '\u3000', '\ufeff', '\t']) {
          const text = before + head;
          if (pattern.test(text)) assert.ok((HEAD_STARTS[text.charCodeAt(0)]! & bit) !== 0, `${name}: ${JSON.stringify(text)}`);
        }
      }
      // no unit outside the pattern's list begins a match, before any of its heads
      for (let c = 0; c < 0x10000; c++) {
        if ((HEAD_STARTS[c]! & bit) !== 0) continue;
        const ch = String.fromCharCode(c);
        for (const head of heads) if (pattern.test(ch + head)) assert.fail(`${name}: U+${c.toString(16)} begins a match before ${head}`);
      }
      for (const ch of SPACES) if (pattern.test(`${ch}${heads[0]}`)) assert.ok((HEAD_STARTS[ch.charCodeAt(0)]! & bit) !== 0, `${name}: space U+${ch.charCodeAt(0).toString(16)}`);
    });
  }

  it('SPACE_LIKE_UNITS are the units isSpaceLike is true of (the split builds its tables from them)', () => {
    for (let c = 0; c < 0x10000; c++) assert.equal(SPACE_LIKE_UNITS.includes(c), isSpaceLike(c), `U+${c.toString(16)}`);
  });
});
