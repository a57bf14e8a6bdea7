import * as assert from 'node:assert/strict';
import { Analyzer } from '../../src/core/analysis/analyze';
import { detectFigures } from '../../src/core/figures/detect';
import { describeFigure } from '../../src/core/figures/format';
import { findDateline, parseArticleDate, resolveRelativeDates } from '../../src/core/figures/relativeDates';
import { buildReview } from '../../src/core/review/items';
import type { Sidecar } from '../../src/core/sidecar/model';

const dated = (text: string) => {
  const f = new Analyzer().analyze(text).figures.find((x) => x.relative);
  assert.ok(f, `a relative date in ${text}`);
  return f;
};

describe('relative dates: the article date', () => {
  it('is found in a header dateline, with or without seconds, and not in the body', () => {
    assert.equal(findDateline('标题\n5127点击    2024-06-12 08:45\n正文')?.iso, '2024-06-12');
    assert.equal(findDateline('标题\n\n周天财经 2024-03-14 19:26:41\n\n正文')?.iso, '2024-03-14');
    assert.equal(findDateline('标题\n2023年4月11日举办的峰会上，公司发布了新的大模型，并宣布了一系列降价措施。'), undefined);
    assert.equal(findDateline('标题\n2024年3月6日 晨光财经\n正文')?.iso, '2024-03-06');
    assert.equal(findDateline(`${'正文一段。\n'.repeat(20)}2024-06-12 08:45`), undefined);
    assert.equal(parseArticleDate('2024-02-30', 'sidecar'), undefined);
  });
  it('is read again for a header whose reading threw, not taken from the header before', () => {
    // (the figure detector made to throw through its module's exports, which findDateline reads at each call)
    const detect = require('../../src/core/figures/detect') as { detectFigures: typeof detectFigures };
    assert.equal(findDateline('标题\n5127点击    2024-06-12 08:45\n正文')?.iso, '2024-06-12');
    const real = detect.detectFigures;
    detect.detectFigures = () => {
      throw new Error('planted');
    };
    try {
      assert.throws(() => findDateline('另一个标题\n没有日期的一行\n正文'), /planted/);
    } finally {
      detect.detectFigures = real;
    }
    assert.equal(findDateline('另一个标题\n没有日期的一行\n正文'), undefined);
  });
  it('resolves 去年8月, 今年一季度, 下半年 and 上个月 against it, saying so', () => {
    const text = '2024-06-12 08:45\n去年8月起，今年一季度，下半年，上个月。';
    const figures = new Analyzer().analyze(text).figures.filter((f) => f.relative);
    assert.deepEqual(figures.map((f) => [f.text, f.period]), [['去年8月', '2023-08'], ['今年一季度', '2024-Q1'], ['下半年', '2024-H2'], ['上个月', '2024-05']]);
    assert.match(figures[0]!.assumption!, /2024-06-12.*dateline/);
    assert.match(describeFigure(figures[0]!), /^2023-08 \(date; 去年8月 read against the article's date 2024-06-12/);
  });
  it('reads 上一季度 and 上个月 against a quarter or month named before them in their paragraph, else against the article', () => {
    const text = '2024-06-12 08:45\n\n2024年第三季度营收增长，较上一季度提升5%。\n\n上一季度，公司扭亏为盈。';
    const [named, article] = new Analyzer().analyze(text).figures.filter((f) => f.relative);
    assert.equal(named?.period, '2024-Q2');
    assert.match(named!.assumption!, /quarter named last before it \(2024-Q3\)/);
    assert.equal(article?.period, '2024-Q1');
    assert.equal(dated('2024年1月销量回升，环比上个月增长5%。').period, '2023-12');
    // a fiscal quarter counts in its fiscal years, and 本季度 is the article's
    assert.equal(dated('2024-06-12 08:45\n\n2024财年第一季度营收增长，较上一季度提升5%。').period, 'FY2023-Q4');
    assert.equal(dated('2024-06-12 08:45\n\n2023年第四季度营收增长，本季度持平。').period, '2024-Q2');
    // only a word of comparison (较, 环比) makes it the named one's, in its sentence, with no other quarter or month between
    assert.equal(dated('2024-06-12 08:45\n\n公司于2023年5月成立，总部位于北京。上个月，公司完成了新一轮融资。').period, '2024-05');
    // (二季度 is a quarter with no year, read in 2024: 上一季度 compares with it, the quarter before the article's)
    const between = new Analyzer().analyze('2024-06-12 08:45\n\n2024年第一季度营收增长，二季度表现更好，较上一季度提升。').figures.filter((f) => f.relative);
    assert.deepEqual(between.map((f) => [f.text, f.period]), [['二季度', '2024-Q2'], ['上一季度', '2024-Q1']]);
    assert.equal(dated('2024-06-12 08:45\n\n2024年3月营收增长，上个月也是如此。').period, '2024-05');
  });
  it('reads 当年 as the year named before it', () => {
    assert.equal(dated('2022年的最后几周，当年11月推出。').period, '2022-11');
  });
  it('leaves them relative, and says so, when the article has no date', () => {
    const f = dated('今年2月，他回国了。');
    assert.equal(f.period, undefined);
    assert.match(f.assumption!, /not known/);
    assert.match(describeFigure(f), /relative/);
  });
  it('takes the date: of the sidecar over the dateline, in the analysis and in the review', () => {
    const text = '2024-06-12 08:45\n去年8月起。';
    assert.equal(new Analyzer().analyze(text, { date: '2020-01-15' }).figures.find((f) => f.relative)?.period, '2019-08');
    const analysis = new Analyzer().analyze(text);
    const sidecar: Sidecar = { version: 1, article: 'a.txt', sha256: 'a'.repeat(64), date: '2020-01-15', annotations: [] };
    const item = buildReview(analysis, sidecar).items.find((i) => i.finding?.figure?.relative);
    assert.equal(item?.finding?.figure?.period, '2019-08');
    assert.match(item!.finding!.figure!.assumption!, /sidecar/);
  });
  it('keeps other figures as they are', () => {
    const figures = detectFigures('2023年营收5亿元');
    assert.deepEqual(resolveRelativeDates(figures, undefined), figures);
  });
});

describe('relative dates: a bare day of the month (11日)', () => {
  const days = (text: string, date?: string) =>
    new Analyzer().analyze(text, date ? { date } : {}).figures.filter((f) => f.relative?.unit === 'day');

  it('is a date, not a number, so its sentence is an event and no amount', () => {
    const analysis = new Analyzer().analyze('11日，该公司宣布裁员。');
    assert.deepEqual(analysis.figures.map((f) => [f.text, f.type]), [['11日', 'date']]);
    assert.equal(analysis.claims[0]?.type, 'event');
  });
  it('takes the month named last before it in its own paragraph', () => {
    const [seventh] = days('2024-06-12 08:45\n\n展会3月5日开幕，7日闭幕。');
    assert.equal(seventh?.period, '2024-03-07');
    assert.match(seventh!.assumption!, /month named last before it \(2024-03\)/);
    const [undated] = days('展会3月5日开幕，7日闭幕。');
    assert.equal(undated?.period, '--03-07');
    assert.match(undated!.assumption!, /month named last before it \(--03\)/);
    assert.equal(days('2024-06-12 08:45\n\n2023年4月10日报名，21日截止。')[0]?.period, '2023-04-21');
  });
  it("takes the article's month, not a month named in another paragraph", () => {
    const [seventh] = days('2024-06-12 08:45\n\n展会3月5日开幕。\n\n7日，主办方发布公告。');
    assert.equal(seventh?.period, '2024-06-07');
    assert.match(seventh!.assumption!, /month of the article's date 2024-06-12 \(from its dateline\)/);
  });
  it("stays unresolved, and says why, after the article's day or without an article date", () => {
    const [later] = days('2024-06-12 08:45\n\n新规18日起生效。');
    assert.equal(later?.period, undefined);
    assert.match(later!.assumption!, /later than the article's date 2024-06-12/);
    assert.match(describeFigure(later!), /^18日 \(relative\) \(date; /);
    const [undated] = days('9日，公司发布公告。');
    assert.equal(undated?.period, undefined);
    assert.match(undated!.assumption!, /article's date is not known/);
  });
  it("reads the sidecar's date in the review as the analysis does, paragraph by paragraph", () => {
    const text = '标题\n\n展会3月5日开幕，7日闭幕。\n\n9日，主办方发布公告。';
    const sidecar: Sidecar = { version: 1, article: 'a.txt', sha256: 'a'.repeat(64), date: '2020-01-15', annotations: [] };
    const reviewed = buildReview(new Analyzer().analyze(text), sidecar).items
      .filter((i) => i.finding?.figure?.relative?.unit === 'day').map((i) => i.finding!.figure!.period);
    assert.deepEqual(reviewed, days(text, '2020-01-15').map((f) => f.period));
    assert.deepEqual(reviewed, ['--03-07', '2020-01-09']);
  });
});

describe('relative dates: a month and day with no year (5月17日)', () => {
  const yearless = (text: string, date?: string) =>
    new Analyzer().analyze(text, date ? { date } : {}).figures.filter((f) => f.relative?.unit === 'yearless');

  it("is read in the article's year when it is not later than the article's date, saying so", () => {
    const [may, june, march] = yearless('2024-06-12 08:45\n\n5月17日，公司发布新品；6月12日开售；3月份销量回升。');
    assert.equal(may?.period, '2024-05-17');
    assert.match(may!.assumption!, /year of the article's date 2024-06-12 \(from its dateline\)/);
    assert.match(describeFigure(may!), /^2024-05-17 \(date; 5月17日 read in the year/);
    assert.equal(june?.period, '2024-06-12');
    assert.equal(march?.period, '2024-03');
  });
  it("stays yearless, and says why, when it is later than the article's date or the article has none", () => {
    const [july] = yearless('2024-06-12 08:45\n\n新规于7月1日起施行。');
    assert.equal(july?.period, '--07-01');
    assert.match(july!.assumption!, /later in the year than the article's date 2024-06-12/);
    assert.match(describeFigure(july!), /^--07-01 \(date; /);
    const [undated] = yearless('5月17日，公司发布新品。');
    assert.equal(undated?.period, '--05-17');
    assert.match(undated!.assumption!, /names no year, and the article's date is not known/);
  });
  it('takes the year of a month named before it in its own paragraph, unless it comes earlier in the year', () => {
    const text = '2024-06-12 08:45\n\n2023年3月28日宣布，4月11日正式发布。\n\n4月11日，新品上市。';
    assert.deepEqual(yearless(text).map((f) => f.period), ['2023-04-11', '2024-04-11']);
    const [march] = yearless('2024-06-12 08:45\n\n2022年12月上线，3月5日更新。');
    assert.equal(march?.period, '--03-05');
    assert.match(march!.assumption!, /comes before the month named last before it \(2022-12\)/);
  });
  it('is read in the article\'s year or month, when later, after a word that says it is still to come (将于)', () => {
    const [july] = yearless('2024-06-12 08:45\n\n新规将于7月1日起施行。');
    assert.equal(july?.period, '2024-07-01');
    assert.equal(july?.relative?.ahead, '将于');
    assert.match(july!.assumption!, /read as still to come \(将于\), in the year of the article's date 2024-06-12/);
    const [march] = yearless('2024-06-12 08:45\n\n發布會定於3月5日舉行。');
    assert.equal(march?.period, '--03-05');
    assert.match(march!.assumption!, /still to come \(定於\) but earlier in the year/);
    const days = (text: string) => new Analyzer().analyze(text).figures.filter((f) => f.relative?.unit === 'day');
    assert.equal(days('2024-06-12 08:45\n\n新规将于18日起施行。')[0]?.period, '2024-06-18');
    const [fifth] = days('2024-06-12 08:45\n\n新规将于5日起施行。');
    assert.equal(fifth?.period, undefined);
    assert.match(fifth!.assumption!, /written as still to come \(将于\) but not in the month/);
    assert.equal(days('2024-06-12 08:45\n\n新规将于31日起施行。')[0]?.period, undefined);
  });
  it('goes on from a year read from a named month, or as still to come, not from one read in the article\'s year', () => {
    assert.deepEqual(yearless('2024-06-12 08:45\n\n2023年3月28日，公司发布新品，4月11日开始销售，5月份销量翻倍。').map((f) => f.period), ['2023-04-11', '2023-05']);
    assert.deepEqual(yearless('2024-06-12 08:45\n\n公司将于12月1日召开大会，并于1月5日发布新品。').map((f) => f.period), ['2024-12-01', '--01-05']);
    assert.deepEqual(yearless('2024-06-12 08:45\n\n5月17日发布新品，3月份销量回升。').map((f) => f.period), ['2024-05-17', '2024-03']);
  });
  it("stays yearless after a year named alone that is not the article's, and after a word of every year", () => {
    const [may] = yearless('2024-06-12 08:45\n\n2023年，公司营收增长20%，其中5月单月营收创新高。');
    assert.equal(may?.period, '--05');
    assert.match(may!.assumption!, /the year named before it \(2023\) may or may not be its own/);
    assert.equal(yearless('2024-06-12 08:45\n\n2024年，公司营收增长，其中5月创新高。')[0]?.period, '2024-05');
    const analysis = new Analyzer().analyze('2024-06-12 08:45\n\n该展会每年5月举办，历年3月份都是销售旺季。');
    assert.deepEqual(analysis.figures.filter((f) => f.type === 'date' && !f.period?.includes('T')).map((f) => [f.text, f.period, f.relative]), [['5月', '--05', undefined], ['3月份', '--03', undefined]]);
  });
  it('is no date of a year without that day (2月29日 in 2023)', () => {
    assert.equal(yearless('2024-03-05 09:30\n\n公司在2月29日宣布降价。')[0]?.period, '2024-02-29');
    const [leap] = yearless('2023-03-05 09:30\n\n公司在2月29日宣布降价。');
    assert.equal(leap?.period, '--02-29');
    assert.match(leap!.assumption!, /2月29日 is no day of 2023/);
  });
  it('reads quarters and ranges of months or days with no year the same way (二季度, 前三季度, 3-5月, 5月17-20日)', () => {
    const read = (text: string) => yearless(text).map((f) => [f.text, f.period]);
    assert.deepEqual(read('2024-06-12 08:45\n\n二季度营收增长，第二季度利润上升，3-5月销量回升，5月17-20日举办展会。'), [
      ['二季度', '2024-Q2'], ['第二季度', '2024-Q2'], ['3-5月', '2024-03/2024-05'], ['5月17-20日', '2024-05-17/2024-05-20'],
    ]);
    // a quarter that starts after the article's date is open, unless written as still to come (then it must not end before it)
    const [third] = yearless('2024-06-12 08:45\n\n三季度营收增长。');
    assert.equal(third?.period, '--Q3');
    assert.match(third!.assumption!, /later in the year than the article's date 2024-06-12/);
    const ahead = (quarter: string) => read(`2024-06-12 08:45\n\n新品将于${quarter}推出。`)[0]?.[1];
    assert.deepEqual(['三季度', '二季度', '一季度'].map(ahead), ['2024-Q3', '2024-Q2', '--Q1']);
    // the year of a quarter or month named before it, when it does not end before that one starts
    assert.deepEqual(read('2023年一季度营收增长，二季度继续增长，前三季度合计盈利，1-2月销量回升。'), [
      ['二季度', '2023-Q2'], ['前三季度', '2023-Q1/2023-Q3'], ['1-2月', '--01/--02'],
    ]);
    assert.match(yearless('2023年一季度营收增长，二季度继续增长。')[0]!.assumption!, /the quarter named last before it \(2023-Q1\)/);
    assert.deepEqual(read('2023年5月销量回升，二季度营收增长。'), [['二季度', '2023-Q2']]);
    // in a paragraph of fiscal years, a quarter takes the fiscal year of a fiscal quarter before it, or stays open
    assert.deepEqual(read('2024-06-12 08:45\n\n2024财年第一季度营收增长，二季度继续增长，前三季度合计盈利。'), [['二季度', 'FY2024-Q2'], ['前三季度', 'FY2024-Q1/FY2024-Q3']]);
    const [fiscal] = yearless('2024-06-12 08:45\n\n该公司财年于3月结束，第二季度营收增长。').filter((f) => f.text === '第二季度');
    assert.equal(fiscal?.period, '--Q2');
    assert.match(fiscal!.assumption!, /counts fiscal years/);
    assert.deepEqual(read('2024-06-12 08:45\n\nFY2023二季度营收增长。'), [['二季度', '--Q2']]);
    // a range from the start of the year sums the named year's months, even after a later one; full-width digits
    assert.deepEqual(read('2023年第四季度营收增长，前三季度合计盈利。'), [['前三季度', '2023-Q1/2023-Q3']]);
    assert.deepEqual(read('2024-06-12 08:45\n\n公司２季度营收增长。'), [['２季度', '2024-Q2']]);
    // a word of every year leaves it yearless; a range is checked at both ends
    const every = new Analyzer().analyze('每年二季度是淡季。').figures;
    assert.deepEqual(every.map((f) => [f.text, f.period, f.relative]), [['二季度', '--Q2', undefined]]);
    assert.deepEqual(read('2023-03-05 09:30\n\n2月28-29日举办展会。'), [['2月28-29日', '--02-28/--02-29']]);
    // a duration stays one, and a word that counts or orders quarters makes 一季度 no first quarter (data/dateCues.json)
    assert.deepEqual(new Analyzer().analyze('连续两个季度亏损。').figures.map((f) => [f.text, f.type]), [['两个季度', 'duration']]);
    assert.deepEqual(new Analyzer().analyze('每一季度都增长，前一季度亏损，同一季度持平。').figures.map((f) => f.type), ['duration', 'duration', 'duration']);
    const counts = new Analyzer().analyze('2024-06-12 08:45\n\n公司已连续三季度盈利，持续三季度增长，过去三季度，未来三季度，另一季度，一季度一次分红。').figures;
    assert.deepEqual(counts.filter((f) => f.text.endsWith('季度')).map((f) => f.type), Array(6).fill('duration'));
  });
  it('gives its year to a bare day after it', () => {
    const analysis = new Analyzer().analyze('2024-06-12 08:45\n\n5月17日发布，23日上线。');
    assert.deepEqual(analysis.figures.map((f) => [f.text, f.period]), [['2024-06-12 08:45', '2024-06-12T08:45'], ['5月17日', '2024-05-17'], ['23日', '2024-05-23']]);
  });
  it("is read with the sidecar's date in the review, as in the analysis", () => {
    const text = '标题\n\n5月17日，公司发布新品。';
    const sidecar: Sidecar = { version: 1, article: 'a.txt', sha256: 'a'.repeat(64), date: '2020-06-01', annotations: [] };
    const item = buildReview(new Analyzer().analyze(text), sidecar).items.find((i) => i.finding?.figure?.relative?.unit === 'yearless');
    assert.equal(item?.finding?.figure?.period, '2020-05-17');
    assert.match(item!.finding!.figure!.assumption!, /sidecar/);
  });
  it('leaves the claims as they were: their figures are read before the year is', () => {
    const text = '2024-06-12 08:45\n\n5月17日，该公司宣布裁员300人。';
    const withDate = new Analyzer().analyze(text).claims[0]!;
    const without = new Analyzer().analyze(text.split('\n\n')[1]!).claims[0]!;
    assert.equal(withDate.type, without.type);
    assert.equal(withDate.score, without.score);
    assert.equal(withDate.figures.find((f) => f.type === 'date')?.period, '2024-05-17');
  });
});
