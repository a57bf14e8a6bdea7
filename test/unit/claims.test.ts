import * as assert from 'node:assert/strict';
import { Analyzer } from '../../src/core/analysis/analyze';
import type { ArithmeticCheck } from '../../src/core/claims/arithmetic';

const analyze = (text: string) => new Analyzer().analyze(text);
const checks = (text: string): ArithmeticCheck[] => analyze(text).claims.flatMap((c) => c.checks);
const only = (text: string, kind: string) => {
  const found = checks(text).filter((c) => c.kind === kind);
  assert.equal(found.length, 1, `${kind} in ${text}: ${JSON.stringify(checks(text).map((c) => c.working))}`);
  return found[0]!;
};

describe('claims', () => {
  it('finds one claim per checkable sentence, with its type', () => {
    const a = analyze('星河科技营收为1532亿元，同比增长6%。董事长陈立峰表示：“云计算是增长引擎。”分析师预计明年营收将超过1800亿元。我认为这个判断或许过于乐观。星河科技去年宣布成立实验室。');
    assert.deepEqual(a.claims.map((c) => c.type), ['statistic', 'quote', 'forecast', 'opinion', 'event']);
  });
  it('never makes claims from credit lines, navigation, tag clouds, headings or questions', () => {
    const cloud = Array.from({ length: 30 }, (_, i) => `标签${i}`).join(' ');
    const a = analyze(['文|林晓雨', '编辑|周明', '# 热门搜索 #', cloud, '01、新的增长曲线', '为什么大公司都在押注大模型？'].join('\n'));
    assert.equal(a.claims.length, 0);
  });
  it('attributes claims: 据…报道, …表示, …统计的…报告显示, 接受…采访, 财报显示', () => {
    const src = (t: string) => analyze(t).claims[0]?.source;
    assert.equal(src('据晨光财经报道，星河云的海外收入约合12亿美元。')?.text, '晨光财经');
    assert.equal(src('。智远科技创始人李慕白表示，公司将在明年上市。')?.canonical, '李慕白');
    assert.equal(src('远望咨询统计的数据报告显示，前五家公司占据近六成份额。')?.canonical, '远望咨询');
    assert.equal(src('李慕白接受本报采访时称，公司估值已超过30亿美元。')?.canonical, '李慕白');
    assert.equal(src('财报显示，星河科技营收为1532亿元。')?.text, '财报');
  });
  it('links a Traditional source to its Simplified entity', () => {
    assert.equal(analyze('據遠望咨詢統計，前五家公司占據近六成份額。').claims[0]?.source?.canonical, '远望咨询');
  });
  it('scores check-worthiness with reasons', () => {
    const [stat] = analyze('据晨光财经报道，2024年星河科技营收为1532亿元，同比增长6%。').claims;
    const [opinion] = analyze('我觉得这家公司或许还有机会。').claims;
    assert.ok(stat!.score > 0.7 && opinion!.score < 0.3, `${stat!.score} ${opinion!.score}`);
    assert.ok(stat!.reasons.some((r) => r.includes('attributed to')));
  });
});

describe('arithmetic checks', () => {
  it('difference: holds, does not hold', () => {
    assert.equal(only('营收为5200亿元，对比上年的4700亿元增长500亿元。', 'difference').verdict, 'holds');
    const bad = only('营收为5200亿元，对比上年的4700亿元增长600亿元。', 'difference');
    assert.equal(bad.verdict, 'does not hold');
    assert.match(bad.working, /5200亿 − 4700亿 = 500亿, stated 600亿/);
  });
  it('difference: no check where the two amounts are not compared', () => {
    assert.equal(checks('营收为5200亿元。其中云业务收入为700亿元，增长了80亿元。').filter((c) => c.kind === 'difference').length, 0);
  });
  it('growth in percent: holds within rounding, does not hold, and Traditional text', () => {
    assert.equal(only('收入从200亿元增长到250亿元，增幅为25%。', 'growth').verdict, 'holds');
    assert.equal(only('收入为801亿美元，对比上年的622亿美元，增速为29%。', 'growth').verdict, 'holds');
    assert.equal(only('收入為801億美元，對比上年的622億美元，增速為35%。', 'growth').verdict, 'does not hold');
  });
  it('growth: a decline is checked with its sign', () => {
    assert.equal(only('利润从120亿元降至90亿元，下降了25%。', 'growth').verdict, 'holds');
  });
  it('percentage points: holds, does not hold', () => {
    assert.equal(only('份额从18.5%下降至17.2%，减少了1.3个百分点。', 'points').verdict, 'holds');
    assert.equal(only('份额从18.5%下降至17.2%，减少了2.3个百分点。', 'points').verdict, 'does not hold');
  });
  it('compound annual growth: holds, does not hold (with the working), ambiguous without a period', () => {
    assert.equal(only('2022年至2024年，市场规模从2000亿元增长到2880亿元，年复合增长率为20%。', 'cagr').verdict, 'holds');
    const wrong = only('2021年规模约1880亿美元，预计2023年将达3600亿美元，年复合增长率约18%。', 'cagr');
    assert.equal(wrong.verdict, 'does not hold');
    assert.equal(wrong.working, '(3600亿/1880亿)^(1/2) − 1 = 38.38% per year, stated 18% per year; rounding allows ±0.5%');
    const unclear = only('市场规模从2000亿元增长到2880亿元，年复合增长率为20%。', 'cagr');
    assert.equal(unclear.verdict, 'ambiguous');
    assert.ok(unclear.assumption);
  });
  it('currency conversion: plausible, implausible', () => {
    assert.equal(only('投入了810亿元（约合110亿美元）。', 'conversion').verdict, 'holds');
    assert.equal(only('投入了810亿元（约合50亿美元）。', 'conversion').verdict, 'does not hold');
  });
  it('parts adding up to a whole: holds, does not hold', () => {
    assert.equal(only('合计融资320亿元，其中三家公司分别为150亿元、100亿元和70亿元。', 'sum').verdict, 'holds');
    assert.equal(only('合计融资320亿元，其中三家公司分别为150亿元、100亿元和90亿元。', 'sum').verdict, 'does not hold');
  });
  it('ambiguous: each relation says so, with its assumption, where the text leaves the reading open', () => {
    const amb = (text: string, kind: string) => {
      const c = only(text, kind);
      assert.equal(c.verdict, 'ambiguous', c.working);
      assert.ok(c.assumption, 'an assumption is stated');
    };
    amb('两家公司的营收分别是120亿元和90亿元，相差30亿元。'.replace('相差', '增加'), 'difference');
    amb('今年营收为120亿元，另一项为90亿元，增长了33%。', 'growth');
    amb('两个季度的份额为18.5%和17.2%，减少了1.3个百分点。', 'points');
    amb('投入了5000亿韩元（约合27亿元人民币）。'.replace('人民币', ''), 'conversion');
    amb('合计融资320亿元，其中两家公司分别为150亿元和100亿元。', 'sum');
  });

  it('a failed check raises the claim’s score', () => {
    const [bad] = analyze('2021年规模约1880亿美元，预计2023年将达3600亿美元，年复合增长率约18%。').claims;
    assert.ok(bad!.reasons.includes('its arithmetic does not hold'));
  });
});
