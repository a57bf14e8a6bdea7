import * as assert from 'node:assert/strict';
import { Analyzer } from '../../src/core/analysis/analyze';

// paragraphs of news text written for these tests: claims, figures, names, relative dates
const BODY = [
  '据公司公告，今年第三季度该公司营收达到120亿元，同比增长了百分之十五，超过了市场此前的普遍预期。',
  '另据行业报告显示，去年全国新能源汽车销量为950万辆，比前年增长了百分之三十七左右。',
  '星河科技集团董事长陈立峰表示，公司将继续投入大模型研发，预计明年研发费用将超过30亿元。',
  '遠望諮詢統計，2023年中國雲計算市場規模為6165億元，同比增長35.5%，其中公有雲佔比超過六成。',
  '晨光财经报道称，该行业前五家企业的市场份额分别为25%、20%、15%、10%和5%，合计为80%。',
  '𠮷野家在华门店数量达到1200家，较上年增加𠀋150家，增幅约为14%。😀',
  '受访专家认为，上个月的出口数据好于预期，但下半年仍面临较大的不确定性。',
];
const DATELINE = '2024-06-12 08:45 来源：晨光财经';

/** Articles that exercise what analyzeMany must keep as analyze() does. */
function articles(): string[] {
  const join = (lines: string[], eol = '\n') => lines.join(eol);
  return [
    join([DATELINE, BODY[0]!, BODY[1]!, BODY[6]!]),
    // CRLF line ends, and a BOM (the CLI strips it; the Analyzer may still be given one)
    join(['\uFEFF' + BODY[2]!, BODY[3]!, '', BODY[4]!], '\r\n'),
    // empty and blank articles
    '',
    '\n\n  \n',
    // astral characters, and a lone surrogate on each side
    join([BODY[5]!, '\uD800' + BODY[0]!.slice(0, 20) + '\uDC00', BODY[1]!]),
    // paragraphs repeated from the articles above, and within the article (a duplicate)
    join([BODY[1]!, BODY[0]!, BODY[1]!, BODY[2]!]),
    join([BODY[6]!]),
    join([DATELINE, BODY[6]!, BODY[3]!, BODY[6]!], '\r\n'),
    join(['第一篇', BODY[4]!, '记者 张三 摄', BODY[5]!]),
  ];
}

/** Everything an analysis says, as text (the same output, object for object). */
const dump = (a: unknown) => JSON.stringify(a);

function oneByOne(texts: readonly string[], maxEntries?: number): { out: string[]; fresh: number } {
  const analyzer = new Analyzer(undefined, maxEntries);
  const out = texts.map((t) => dump(analyzer.analyze(t)));
  return { out, fresh: analyzer.freshParagraphs };
}

describe('Analyzer.analyzeMany: the analyses of analyze() one by one, paragraphs filled in one batch', () => {
  it('gives the same analyses as analyze() of each article in turn (CRLF, BOM, astral and lone surrogates, repeats, empty articles)', () => {
    const texts = articles();
    const expected = oneByOne(texts);
    const analyzer = new Analyzer();
    const many = analyzer.analyzeMany(texts);
    assert.equal(many.length, texts.length);
    many.forEach((a, k) => {
      assert.equal(a.text, texts[k], `article ${k} is its own`);
      assert.equal(dump(a), expected.out[k], `article ${k}`);
    });
    assert.equal(analyzer.freshParagraphs, expected.fresh, 'each paragraph analysed once, as one by one');
    // and again, every paragraph now from the cache
    const again = analyzer.analyzeMany(texts);
    again.forEach((a, k) => assert.equal(dump(a), expected.out[k], `article ${k}, from the cache`));
    assert.equal(analyzer.freshParagraphs, expected.fresh);
  });

  it('gives the same analyses when groups are split by the cache bound, and with articles larger than a group', () => {
    const texts = articles();
    // a cache of 8 slots: a group holds at most 2 paragraphs, so most articles are analysed alone
    const small = oneByOne(texts, 8);
    const analyzer = new Analyzer(undefined, 8);
    analyzer.analyzeMany(texts).forEach((a, k) => assert.equal(dump(a), small.out[k], `article ${k}, small cache`));
    assert.equal(analyzer.freshParagraphs, small.fresh);
    // an article above a group's text (Analyzer.GROUP_CHARS) between two small ones
    const long = Array.from({ length: 3000 }, (_, i) => `${BODY[i % BODY.length]!}（${i}）`).join('\n');
    assert.ok(long.length > Analyzer.GROUP_CHARS);
    const mixed = [texts[0]!, long, texts[5]!, texts[0]!];
    const expected = oneByOne(mixed);
    const many = new Analyzer();
    many.analyzeMany(mixed).forEach((a, k) => assert.equal(dump(a), expected.out[k], `article ${k} of the mixed ones`));
    assert.equal(many.freshParagraphs, expected.fresh);
  });

  it('gives nothing for no articles, and serves a later analyze() from what it filled', () => {
    const analyzer = new Analyzer();
    assert.deepEqual(analyzer.analyzeMany([]), []);
    const texts = articles();
    analyzer.analyzeMany(texts);
    const fresh = analyzer.freshParagraphs;
    const expected = oneByOne(texts);
    texts.forEach((t, k) => assert.equal(dump(analyzer.analyze(t)), expected.out[k], `article ${k}`));
    assert.equal(analyzer.freshParagraphs, fresh, 'nothing analysed afresh');
  });
});

describe('Analyzer with repeatsOnly (a corpus index): only paragraphs seen before are kept', () => {
  const repeatsOnly = (maxEntries?: number) => new Analyzer(undefined, maxEntries, { repeatsOnly: true });

  it('gives the same analyses as an analyzer that keeps everything, one by one and in groups', () => {
    const texts = articles();
    const expected = oneByOne(texts);
    const one = repeatsOnly();
    texts.forEach((t, k) => assert.equal(dump(one.analyze(t)), expected.out[k], `article ${k}, one by one`));
    repeatsOnly().analyzeMany(texts).forEach((a, k) => assert.equal(dump(a), expected.out[k], `article ${k}, in a group`));
    const small = oneByOne(texts, 8);
    repeatsOnly(8).analyzeMany(texts).forEach((a, k) => assert.equal(dump(a), small.out[k], `article ${k}, small cache`));
    // and once more, now that the repeated paragraphs are kept
    one.analyzeMany([...texts, ...texts]).forEach((a, k) => assert.equal(dump(a), expected.out[k % texts.length], `article ${k}, again`));
  });

  it('analyses a paragraph seen once again when it comes back, and keeps it from then on', () => {
    const article = [BODY[0]!, BODY[1]!, BODY[2]!].join('\n');
    const keepsAll = new Analyzer();
    const fresh = (a: Analyzer) => [1, 2, 3].map(() => (a.analyze(article), a.freshParagraphs));
    assert.deepEqual(fresh(keepsAll), [3, 3, 3]);
    assert.deepEqual(fresh(repeatsOnly()), [3, 6, 6]);
    // in one group the first sighting serves the article's repeats; the next group meets it again
    const grouped = repeatsOnly();
    grouped.analyzeMany([article, article, article]);
    assert.equal(grouped.freshParagraphs, 3);
    grouped.analyzeMany([article]);
    assert.equal(grouped.freshParagraphs, 6);
    grouped.analyzeMany([article]);
    assert.equal(grouped.freshParagraphs, 6);
  });

  it('serves a first sighting only to a paragraph of the same kind (a line read as a heading, then as body)', () => {
    // a short line on its own is a heading; the same line again, in a longer paragraph's place, may be body
    const line = '据海关总署统计，上个月出口增长了百分之五';
    const texts = [`${line}\n${line}`, `${line}\n${BODY[0]!}\n${line}`, `${BODY[1]!}\n${line}`];
    const expected = oneByOne(texts);
    const one = repeatsOnly();
    texts.forEach((t, k) => assert.equal(dump(one.analyze(t)), expected.out[k], `article ${k}, one by one`));
    repeatsOnly().analyzeMany(texts).forEach((a, k) => assert.equal(dump(a), expected.out[k], `article ${k}, in a group`));
  });

  it('keeps what analyzeAhead fills, for the analysis to come', () => {
    const article = [BODY[3]!, BODY[4]!].join('\n');
    const analyzer = repeatsOnly();
    for (const _ of analyzer.analyzeAhead(article));
    assert.equal(analyzer.freshParagraphs, 2);
    analyzer.analyze(article);
    analyzer.analyze(article);
    assert.equal(analyzer.freshParagraphs, 2, 'kept in the cache, not only for the analysis after it');
  });
});
