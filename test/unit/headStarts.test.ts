import * as assert from 'node:assert/strict';
import {
  COUNTERS, COUNTERS_START, CREDIT, CREDIT_START, HEAD_STARTS, NAVIGATION, NAVIGATION_START, SECTION_HEADING, SECTION_START, SOURCE_LINE, SOURCE_START,
} from '../../src/core/text/paragraphs';
import { SPACE_LIKE_UNITS, isSpaceLike } from '../../src/core/text/chars';

// The split tests a paragraph's head against an anchored pattern only where its first unit is
// one the pattern's matches can begin with (HEAD_STARTS): no head the pattern matches may be
// skipped. Each pattern's words, and heads that match, with every unit before them.
const SPACES = '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
const CASES: Array<[string, RegExp, number, string[]]> = [
  ['CREDIT', CREDIT, CREDIT_START, '文|撰文|作者|编辑|編輯|责编|責編|运营|運營|出品|策划|策劃|排版|校对|校對|视觉|視覺|设计|設計|审核|審核|监制|監製|来源|來源|图源|圖源|图片来源|圖片來源|题图|題圖|封面|摄影|攝影'.split('|').map((w) => `${w}：某某`)],
  ['SOURCE_LINE', SOURCE_LINE, SOURCE_START, '文章来源于|文章來源於|本文来源|本文來源|原标题|原標題|转载自|轉載自'.split('|').map((w) => `${w}某处`)],
  ['NAVIGATION', NAVIGATION, NAVIGATION_START, '热门搜索|熱門搜索|相关阅读|相關閱讀|推荐阅读|推薦閱讀|搜索|登录|登錄|首页|首頁|返回顶部|返回頂部'.split('|')],
  ['COUNTERS', COUNTERS, COUNTERS_START, ['阅读', '閱讀量', '浏览', '瀏覽', '点击', '點擊', '播放', '点赞 12', '點讚', '點贊', '在看 3', '评论', '評論', '转发', '轉發', '分享', '收藏', '喜欢', '喜歡', '0 阅读:35', '5170点击 2025-03-08 09:15', '.5万阅读', ',3 在看']],
  ['SECTION_HEADING', SECTION_HEADING, SECTION_START, ['# 标题', '###### 标题', '1、标题', '12. 标题', '3 标题', '一、标题', '十二．标题', '三、']],
];

describe('the units the anchored paragraph patterns begin with', () => {
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
