import * as assert from 'node:assert/strict';
import { splitParagraphs } from '../../src/core/text/paragraphs';
import { splitSentences } from '../../src/core/text/sentences';
import { MAX_PIECE } from '../../src/core/text/longParagraphs';
import { Analyzer } from '../../src/core/analysis/analyze';

const sentences = (s: string) => splitSentences(s).map((r) => s.slice(r.start, r.end));

describe('paragraphs', () => {
  it('makes one paragraph per non-blank line, skipping lines of NBSP and ideographic spaces', () => {
    const text = '第一段内容很长，这里是完整的一句话，用来测试段落的切分是否正确。\n\u00a0\u00a0\n\u3000\n第二段也是完整的一句话，它同样足够长，不会被当作标题来处理。';
    const ps = splitParagraphs(text);
    assert.equal(ps.length, 2);
    assert.equal(ps[1]!.text.startsWith('第二段'), true);
    assert.equal(text.slice(ps[1]!.start, ps[1]!.end), ps[1]!.text);
  });

  it('keeps CRLF out of the paragraph text but inside the offsets', () => {
    const text = '标题一行\r\n正文是一段完整的句子，包含了足够多的文字，所以它会被当作正文段落处理。\r\n';
    const ps = splitParagraphs(text);
    assert.equal(ps.length, 2);
    assert.equal(ps[1]!.text.endsWith('。'), true);
    assert.equal(text.slice(ps[1]!.start, ps[1]!.end), ps[1]!.text);
  });

  it('joins a sentence broken by a line wrap, even across a blank line', () => {
    // below the headline: an article's first line is its headline, commas or not (see below)
    const text = '市场规模\n研究机构在最新发布的年度报告里预测，这个市场的规模将在2026年\n\n达到一个新的高点，并保持两位数的增长。';
    const ps = splitParagraphs(text);
    assert.equal(ps.length, 2);
    assert.equal(ps[1]!.kind, 'body');
    assert.ok(ps[1]!.text.endsWith('增长。'));
    // a text of one line is a sentence, not a headline, with or without its full stop
    assert.deepEqual(splitParagraphs('研究机构预测，这个市场的规模将在2026年翻一番').map((p) => p.kind), ['body']);
  });

  it('classifies credit lines, navigation, tag clouds, headings and duplicates, deleting nothing', () => {
    const body = '这是一段正文，它讲述了一家公司的季度业绩，并且包含完整的标点符号。';
    const cloud = Array.from({ length: 30 }, (_, i) => `标签${i}`).join(' ');
    const text = [cloud, '# 热门搜索 #', '文|张三', '編輯|李四', '圖源:某网站', '01、第一部分', body, body, '运营|王五'].join('\n');
    const kinds = splitParagraphs(text).map((p) => p.kind);
    assert.deepEqual(kinds, ['tagcloud', 'navigation', 'credit', 'credit', 'credit', 'heading', 'body', 'duplicate', 'credit']);
    const dup = splitParagraphs(text)[7]!;
    assert.equal(dup.duplicateOf, 6);
  });

  it("a line of the page's counters is navigation, whatever its numbers, and its figures are not marked", () => {
    const counters = ['0 阅读:35', '阅读 1.2万', '點讚 12 在看 3', '閱讀量：10萬+', '评论 8 转发 21 收藏', '5170点击\u00a0\u00a0 2025-03-08 09:15', '點擊 2.3萬 2025/3/8'];
    for (const line of counters) assert.deepEqual(splitParagraphs(`${line}\n`).map((p) => p.kind), ['navigation'], line);
    // counting readers inside a sentence is something the article says
    const said = ['该文阅读量超过10万', '阅读:全文见附件', '阅读35分钟', '点击2025-03-08的链接', '视频播放量破亿'];
    for (const line of said) assert.notEqual(splitParagraphs(`${line}\n`)[0]!.kind, 'navigation', line);
    const text = '青禾资本今年募资超过50亿元，创下纪录。\n0 阅读:35\n';
    assert.deepEqual(new Analyzer().analyze(text).figures.filter((f) => f.salient).map((f) => f.text), ['50亿元']);
    // the time a counter line closes on still dates the article
    const posted = new Analyzer().analyze('青禾资本的新故事\n5170点击\u00a0 2025-03-08 09:15\n去年8月，青禾资本募资超过50亿元。\n');
    assert.equal(posted.paragraphs[1]!.paragraph.kind, 'navigation');
    assert.equal(posted.figures.find((f) => f.text === '去年8月')?.period, '2024-08');
  });

  it('the headline (first paragraph, no sentence end) is a heading even with a comma, and no sentence joins it', () => {
    const text = '\ufeff  青禾资本押注机器人，林知远又出手了\n\n青禾资本合伙人林知远表示，公司今年将向三家机器人企业投资12亿元。';
    const ps = splitParagraphs(text);
    assert.deepEqual(ps.map((p) => [p.kind, p.text.slice(0, 4)]), [['heading', '青禾资本'], ['body', '青禾资本']]);
    // further down, the same words are a sentence broken by a wrap
    const later = splitParagraphs(`青禾资本今年很忙。\n${text.trim()}`);
    assert.deepEqual(later.map((p) => p.kind), ['body', 'body']);
  });

  it('a list of titles (a reading list, a source before a title) is a heading, not prose', () => {
    const text = ['相关文章：', '《林知远的第二条曲线》《两笔 8 亿元融资，机器人赛道又热了》', '晨读《青禾资本的十年》', '据《晨光财经》报道，青禾资本今年募资超过50亿元，创下纪录。'].join('\n');
    assert.deepEqual(splitParagraphs(text).map((p) => p.kind), ['heading', 'heading', 'heading', 'body']);
  });

  it('marks markup debris inside a paragraph without removing it', () => {
    const text = '这是一段带有抓取残留的正文，结尾处有一些标记符号需要被识别出来。?!?/p>';
    const [p] = splitParagraphs(text);
    assert.equal(p!.debris.length, 1);
    assert.equal(text.slice(p!.debris[0]!.start, p!.debris[0]!.end), '?!?/p>');
  });

  it('splits a megabyte line with no punctuation in one pass', () => {
    const text = '字'.repeat(1_000_000);
    const ps = splitParagraphs(text);
    // (in pieces of at most MAX_PIECE, cut where the text has no comma: longParagraphs.ts)
    assert.equal(ps.length, Math.ceil(text.length / MAX_PIECE));
    assert.equal(ps.map((p) => p.text).join(''), text);
    assert.equal(splitSentences(text).length, 1);
  });
});

describe('sentences', () => {
  it('splits on Chinese and Western sentence ends', () => {
    assert.deepEqual(sentences('营收增长。利润下降！为什么？Revenue rose. It fell!'), [
      '营收增长。', '利润下降！', '为什么？', 'Revenue rose.', 'It fell!',
    ]);
  });

  it('keeps quoted speech whole, and ends the sentence after a closing quote', () => {
    assert.deepEqual(sentences('他表示：“今年很难。明年会更好。”公司随后回应。'), [
      '他表示：“今年很难。明年会更好。”', '公司随后回应。',
    ]);
  });

  it('keeps titles and brackets whole', () => {
    assert.deepEqual(sentences('《报告。第二版》显示增长（约5%。）。下一句。'), ['《报告。第二版》显示增长（约5%。）。', '下一句。']);
  });

  it('does not split decimals', () => {
    assert.deepEqual(sentences('营收为5.45亿元。'), ['营收为5.45亿元。']);
  });

  it('survives unbalanced and deeply nested brackets', () => {
    const hostile = '“'.repeat(100_000) + '。';
    assert.equal(sentences(hostile).length, 1);
    assert.equal(sentences('（（（没有闭合。另一句。').length, 1);
  });
});
