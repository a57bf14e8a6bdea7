import * as assert from 'node:assert/strict';
import { detectFigures } from '../../src/core/figures/detect';
import { evaluateNumeral, type NumeralToken } from '../../src/core/figures/numerals';
import type { Figure } from '../../src/core/figures/types';
import { childTimeout, runInChild } from './helpers';

/** detectFigures over each of `inputs` (JS expressions) in a child process with a time limit: [input length, figures]. */
function figuresInChild(inputs: string[], ms: number): Array<{ length: number; figures: Array<{ start: number; end: number; text: string }> }> {
  const out = runInChild(`
    const { detectFigures } = load('core/figures/detect');
    const report = [${inputs.join(', ')}].map((text) => ({ length: text.length, figures: detectFigures(text).map((f) => ({ start: f.start, end: f.end, text: f.text })) }));
    process.stdout.write(JSON.stringify(report));`, ms);
  const report = JSON.parse(out) as ReturnType<typeof figuresInChild>;
  assert.equal(report.length, inputs.length, 'every input was run');
  return report;
}

function one(text: string, expected: Partial<Figure>): void {
  const found = detectFigures(text).filter((f) => f.salient);
  const match = found.find((f) => f.text === expected.text);
  assert.ok(match, `expected ${expected.text} in ${JSON.stringify(found.map((f) => f.text))}`);
  for (const [k, v] of Object.entries(expected)) assert.deepEqual((match as unknown as Record<string, unknown>)[k], v, `${expected.text}.${k}`);
}

const texts = (s: string) => detectFigures(s).filter((f) => f.salient).map((f) => f.text);

describe('figures: money', () => {
  it('resolves 億/亿 and currencies into base units', () => {
    one('公司营收为2477.56億元，', { text: '2477.56億元', type: 'money', value: 247_756_000_000, unit: 'CNY' });
    one('融资5.45亿美元。', { text: '5.45亿美元', value: 545_000_000, unit: 'USD' });
    one('约合110 亿美元', { text: '110 亿美元', value: 11_000_000_000, unit: 'USD', approx: 'about' });
    one('收入427.16億元人民幣', { text: '427.16億元人民幣', unit: 'CNY', value: 42_716_000_000 });
    one('估值超25億美元', { text: '25億美元', approx: 'over' });
    one('花了三千块', { text: '三千块', value: 3000, unit: 'CNY' });
  });
  it('reads full-width digits and thousands separators', () => {
    one('１２３億元', { text: '１２３億元', value: 12_300_000_000 });
    one('共1,234,567元', { text: '1,234,567元', value: 1_234_567 });
  });
});

describe('figures: percentages and proportions', () => {
  it('takes %, ％, pct, 个百分点 and 成', () => {
    one('同比增长18%', { text: '18%', type: 'percent', value: 18, unit: '%' });
    one('下降1％', { text: '1％', value: 1 });
    one('提升1% pct', { text: '1%', value: 1 });
    one('下降1.3个百分点', { text: '1.3个百分点', value: 1.3, unit: 'pp' });
    one('yoy+24%', { text: '24%', value: 24 });
    one('占兩成', { text: '兩成', value: 20, unit: '%' });
    one('百分之十八', { text: '百分之十八', value: 18, unit: '%' });
  });
  it('reads ranges', () => {
    one('有8-9成的企业', { text: '8-9成', value: { min: 80, max: 90 }, unit: '%' });
    one('增长10%-20%', { text: '10%-20%', value: { min: 10, max: 20 }, unit: '%' });
  });
  it('marks approximate amounts', () => {
    one('近50%的用户', { text: '50%', approx: 'under' });
    one('约140亿美元', { text: '140亿美元', approx: 'about' });
    one('逾百家企业', { text: '百家', approx: 'over', value: 100 });
    one('3600億美元左右', { text: '3600億美元', approx: 'about' });
    one('50%以上', { text: '50%', approx: 'over' });
  });
});

describe('figures: Chinese numerals', () => {
  it('evaluates the common shapes', () => {
    one('二十家', { text: '二十家', value: 20 });
    one('三十多年', { text: '三十多年', value: 30, type: 'duration', approx: 'over' });
    one('十多款产品', { text: '十多款', value: 10, type: 'count', approx: 'over' });
    one('兩百人', { text: '兩百人', value: 200 });
    one('一億用户', { text: '一億用户', value: 100_000_000 });
    one('壹佰元', { text: '壹佰元', value: 100, unit: 'CNY' });
    one('一百万零四', { text: '一百万零四', value: 1_000_004 });
    one('四万亿', { text: '四万亿', value: 4e12 });
    one('5億1萬4千6百', { text: '5億1萬4千6百', value: 500_014_600 });
    one('四百五', { text: '四百五', value: 450 });
    one('二十五分之一', { text: '二十五分之一', value: 0.04 });
    one('10萬億參數', { text: '10萬億參數', type: 'quantity', value: 1e13, unit: 'parameters' });
  });
  it('rejects sequences that are not numbers', () => {
    const t = (s: string) => evaluateNumeral([...s].map((c): NumeralToken => ({ digit: Number(c) })));
    assert.ok(Number.isNaN(t('12')));
  });
  it('does not take numerals inside words', () => {
    assert.deepEqual(texts('我们一定要统一认识，一方面'), []);
    assert.deepEqual(texts('參與其中'), []);
  });
});

describe('figures: dates and periods', () => {
  it('gives ISO-like periods', () => {
    one('2023年4月11日举办', { text: '2023年4月11日', type: 'date', period: '2023-04-11', value: null });
    one('2022年Q4', { text: '2022年Q4', period: '2022-Q4' });
    one('2023財年第三季度', { text: '2023財年第三季度', period: 'FY2023-Q3' });
    one('2022年Q2-Q4', { text: '2022年Q2-Q4', period: '2022-Q2/2022-Q4' });
    one('2020年~2021年', { text: '2020年~2021年', period: '2020/2021' });
    one('2024年上半年', { text: '2024年上半年', period: '2024-H1' });
    one('5月23日', { text: '5月23日', period: '--05-23' });
  });
});

describe('figures: others', () => {
  it('finds multiples, ranks and durations', () => {
    one('增长三倍', { text: '三倍', type: 'multiple', value: 3, unit: '×' });
    one('排名17', { text: '17', type: 'rank', value: 17 });
    one('连续第五個季度', { text: '第五個季度', type: 'rank', value: 5 });
    one('未来5年', { text: '5年', type: 'duration', value: 5, unit: 'year' });
  });
});

describe('figures: numbers that belong to names', () => {
  it('skips model names and section numbers', () => {
    assert.deepEqual(texts('GPT-4 和 Qwen1.5-110B 以及 QwQ-32B、A100'), []);
    assert.deepEqual(texts('01、寻找第二家供应商'), ['第二家']);
    assert.deepEqual(texts('GPT4发布'), []);
  });

  it('skips the version that follows a name: a Latin name and a space, or a quoted name', () => {
    assert.deepEqual(texts('微软的Office 365 的订阅'), []);
    assert.deepEqual(texts('新款iPhone\u00a015上市'), []);
    assert.deepEqual(texts('青禾发布“天工”3.5，邀请用户内测'), []);
    assert.deepEqual(texts('推出《星河》2'), []);
    // a unit, a scale or a period makes it a figure again
    assert.deepEqual(texts('“天工”3.5亿元的订单'), ['3.5亿元']);
    assert.deepEqual(texts('GDP 5.2%'), ['5.2%']);
    assert.deepEqual(texts('Q4 2023年营收'), ['2023年']);
  });
});

describe('figures: idioms with numerals', () => {
  it('reads 从0到1 and 第二曲线 as words, and the same numerals elsewhere as figures', () => {
    assert.deepEqual(texts('负责从0到1的王工，從零到一'), []);
    assert.deepEqual(texts('寻找第二增长引擎，也就是第二條曲線'), []);
    assert.deepEqual(texts('回到第一性原理'), []);
    assert.deepEqual(texts('他是第二个到场的，从0.5%到1%'), ['第二个', '0.5%到1%']);
  });
});

describe('figures: hostile input stays linear (child processes with a time limit)', () => {
  // each takes well under a second on an idle machine; a quadratic step would take minutes
  it('handles a megabyte with no punctuation', function () {
    this.timeout(childTimeout(20_000));
    const [r] = figuresInChild([`'字'.repeat(1_000_000)`], 20_000);
    assert.equal(r!.figures.length, 0);
  });
  it('handles 1×100k without hanging or taking it as a figure', function () {
    this.timeout(childTimeout(20_000));
    const [r] = figuresInChild([`'1'.repeat(100_000)`], 20_000);
    assert.ok(r!.figures.every((f) => f.end - f.start <= 20), JSON.stringify(r!.figures.slice(0, 3)));
  });
  it('handles long runs of Chinese numerals and separators', function () {
    this.timeout(childTimeout(30_000));
    const inputs = [`'一'.repeat(100_000)`, `'1,'.repeat(50_000)`, `'1.'.repeat(50_000)`, `'1-'.repeat(50_000)`, `'2023年'.repeat(20_000)`];
    for (const r of figuresInChild(inputs, 30_000)) {
      for (const f of r.figures) assert.ok(f.start >= 0 && f.end > f.start && f.end <= r.length, JSON.stringify(f));
    }
  });
  it('reports UTF-16 offsets that slice back to the text, with astral characters and CRLF', () => {
    const text = '😀𠀀\r\n营收5.45亿美元\r\n';
    for (const f of detectFigures(text)) assert.equal(text.slice(f.start, f.end), f.text);
  });
});

describe('figures: discounts, signs, fractions and symbols', () => {
  it('reads 折 discounts and 成半', () => {
    one('打75折', { text: '75折', type: 'percent', value: 75 });
    one('打2折', { text: '2折', value: 20 });
    one('三八折', { text: '三八折', value: 38 });
    one('打对折', { text: '对折', value: 50 });
    one('三成半', { text: '三成半', value: 35 });
  });
  it('keeps a minus sign but not a hyphen', () => {
    one('下降负3.9%', { text: '负3.9%', value: -3.9 });
    one('为-22.2%', { text: '-22.2%', value: -22.2 });
    one('2021-2023年的数据', { text: '2021-2023年', type: 'date' });
  });
  it('reads fractions', () => {
    one('只有1/2的人', { text: '1/2', value: 0.5 });
    one('三又二分之一', { text: '三又二分之一', value: 3.5 });
    one('五分之壹', { text: '五分之壹', value: 0.2 });
    one('2023/4/5', { text: '2023/4/5', type: 'date', period: '2023-04-05' });
  });
  it('reads currency symbols and spaced numerals', () => {
    one('售价$20', { text: '$20', type: 'money', unit: 'USD', value: 20 });
    one('一百 五 十 二', { text: '一百 五 十 二', value: 152 });
    one('7万 5千 4百', { text: '7万 5千 4百', value: 75_400 });
    one('一百五十    个百分点', { text: '一百五十    个百分点', unit: 'pp', value: 150 });
  });
  it('takes formal numerals only inside numerals', () => {
    assert.deepEqual(texts('陆地上收拾行李后入伍'), []);
    one('壹佰伍拾', { text: '壹佰伍拾', value: 150 });
  });
});

describe('figures: traps from scraped news', () => {
  it('reads timestamps as dates and skips clock times', () => {
    one('发布于 2025-01-15 09:42 阅读', { text: '2025-01-15 09:42', type: 'date', period: '2025-01-15T09:42' });
    assert.deepEqual(texts('18:05:33'), []);
  });
  it('does not take names and idioms as figures', () => {
    assert.deepEqual(texts('零一万物与36氪，双11，千行百业，各有千秋'), []);
  });
  it('does not take idioms or names with numerals as figures, by the rule (a numeral needs a unit), not by a list', () => {
    // none of these is in the list of non-figures: a number word with no unit or measure after it is no figure
    for (const text of ['三心二意', '一石二鸟', '五湖四海', '七上八下', '千方百计', '万无一失', '九牛一毛', '接二连三', '一干二净',
      '独一无二', '千军万马', '万众一心', '一模一样', '七匹狼', '九阳股份', '万科集团', '三星堆', '五菱汽车', '一加手机']) {
      assert.deepEqual(texts(`他说${text}。`), [], text);
    }
  });
  it('does not take idioms whose numerals pair up (乱七八糟, 十之八九, 三五成群, 一五一十) as figures', () => {
    for (const text of ['乱七八糟', '十之八九', '三五成群', '一五一十', '七七八八', '三三两两', '三五成堆']) {
      assert.deepEqual(texts(`他说${text}。`), [], text);
    }
  });
  it('keeps pairs that count something, and rates read through a following word', () => {
    assert.deepEqual(texts('来了七八个人'), ['七八个']);
    assert.deepEqual(texts('六七成的用户'), ['六七成']);
    assert.deepEqual(texts('其中三成为女性'), ['三成']);
    assert.deepEqual(texts('七成员工支持'), ['七成']);
    assert.deepEqual(texts('一千零五十'), ['一千零五十']);
  });
  it('skips the listed words in either script, and keeps the figures next to them', () => {
    for (const text of ['一系列', '一口气', '百花齐放', '十八罗汉', '百团大战', '千山万水', '雙十一', '一带一路', '零一萬物', '千行百業']) {
      assert.deepEqual(texts(text), [], text);
    }
    assert.deepEqual(texts('双11当天卖出3000件'), ['3000件']);
    assert.deepEqual(texts('零一万物融资10亿元'), ['10亿元']);
    assert.deepEqual(texts('一口气买了三台'), ['三台']);
  });
  it('reads a year that names an edition', () => {
    one('《2022中国互联网报告》', { text: '2022', type: 'date', period: '2022' });
  });
});

describe('figures: halves, scientific notation, leading decimals and bare currencies', () => {
  it('reads 一吨半, 两年半 and 半百', () => {
    one('运了一吨半', { text: '一吨半', value: 1.5 });
    one('用了两年半', { text: '两年半', type: 'duration', value: 2.5 });
    one('年过半百', { text: '半百', value: 50 });
  });
  it('reads scientific notation and leading decimals', () => {
    one('约2e5次', { text: '2e5次', type: 'count', value: 200_000 });
    one('为12.32e+14', { text: '12.32e+14', value: 1.232e15 });
    one('概率为.5', { text: '.5', value: 0.5 });
  });
  it('never reads 两 as a decimal digit', () => {
    assert.deepEqual(texts('一点两小时'), ['两小时']);
  });
  it('notes a currency named on its own, without marking it in the editor', () => {
    const [f] = detectFigures('以美元计');
    assert.equal(f!.type, 'money');
    assert.equal(f!.unit, 'USD');
    assert.equal(f!.value, null);
    assert.equal(f!.salient, false);
    assert.deepEqual(texts('以人民币结算'), []);
  });
});
