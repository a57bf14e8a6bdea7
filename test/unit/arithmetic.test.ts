import * as assert from 'node:assert/strict';
import { Analyzer } from '../../src/core/analysis/analyze';
import { judge, type ArithmeticCheck, type Candidate, type CheckKind } from '../../src/core/claims/arithmetic';
import { comparable } from '../../src/core/claims/passage';
import { detectFigures } from '../../src/core/figures/detect';
import type { Figure } from '../../src/core/figures/types';

const checks = (text: string): ArithmeticCheck[] => new Analyzer().analyze(text).claims.flatMap((c) => c.checks);
const only = (text: string, kind: CheckKind): ArithmeticCheck => {
  const found = checks(text).filter((c) => c.kind === kind);
  assert.equal(found.length, 1, `${kind} in ${text}: ${JSON.stringify(checks(text).map((c) => `${c.kind}: ${c.working}`))}`);
  return found[0]!;
};
const verdictOf = (text: string, kind: CheckKind) => only(text, kind).verdict;
const ambiguous = (text: string, kind: CheckKind) => {
  const c = only(text, kind);
  assert.equal(c.verdict, 'ambiguous', c.working);
  assert.ok(c.assumption && c.assumption.length > 10, `an assumption is stated: ${c.assumption}`);
  return c;
};

/** Each relation, in our own sentences: one that holds, one that does not, one the passage leaves open. */
const CASES: Array<{ kind: CheckKind; holds: string; fails: string; open: string }> = [
  {
    kind: 'difference',
    holds: '营收为5200亿元，对比上年的4700亿元增长500亿元。',
    fails: '营收为5200亿元，对比上年的4700亿元增长600亿元。',
    open: '两家公司的营收分别是120亿元和90亿元，增加30亿元。',
  },
  {
    kind: 'growth',
    holds: '收入從200億元增長到250億元，增幅為25%。',
    fails: '收入為801億美元，對比上年的622億美元，增速為35%。',
    open: '今年营收为120亿元，另一项为90亿元，增长了33%。',
  },
  {
    kind: 'points',
    holds: '毛利率从10%提升至13%，同比提升3个百分点。',
    fails: '份额从18.5%下降至17.2%，减少了2.3个百分点。',
    open: '两个季度的份额为18.5%和17.2%，减少了1.3个百分点。',
  },
  {
    kind: 'cagr',
    holds: '2022年至2024年，市场规模从2000亿元增长到2880亿元，年复合增长率为20%。',
    fails: '2021年规模约1880亿美元，预计2023年将达3600亿美元，年复合增长率约18%。',
    open: '市场规模从2000亿元增长到2880亿元，年复合增长率为20%。',
  },
  {
    kind: 'conversion',
    holds: '投入了810亿元（约合110亿美元）。',
    fails: '投入了810亿元（约合50亿美元）。',
    open: '投入了5000亿韩元（约合27亿元）。',
  },
  {
    kind: 'sum',
    holds: '合计融资320亿元，其中三家公司分别为150亿元、100亿元和70亿元。',
    fails: '合计融资320亿元，其中三家公司分别为150亿元、100亿元和90亿元。',
    open: '合计融资320亿元，其中两家公司分别为150亿元和100亿元。',
  },
  {
    kind: 'share',
    holds: '全年收入800亿元，其中广告收入240亿元，占总收入的30%。',
    fails: '全年收入800亿元，其中广告收入240亿元，占总收入的40%。',
    open: '公司收入800亿元，广告收入240亿元，占比约为30%。'.replace('占比约为', '占'),
  },
  {
    kind: 'remainder',
    holds: '总额100亿元，其中甲业务60亿元、乙业务25亿元，其余15亿元。',
    fails: '总额100亿元，其中甲业务60亿元、乙业务25亿元，其余25亿元。',
    open: '总额100亿元，甲业务60亿元，乙业务25亿元，其余15亿元。',
  },
];

describe('arithmetic: every relation holds, does not hold, or is ambiguous with its assumption', () => {
  for (const c of CASES) {
    it(c.kind, () => {
      assert.equal(verdictOf(c.holds, c.kind), 'holds', c.holds);
      const bad = only(c.fails, c.kind);
      assert.equal(bad.verdict, 'does not hold', bad.working);
      ambiguous(c.open, c.kind);
    });
  }
  it('shows the working the verdict follows from', () => {
    assert.equal(only('全年收入800亿元，其中广告收入240亿元，占总收入的40%。', 'share').working, '240亿 / 800亿 = 30%, stated 40%; rounding allows ±0.58%');
    assert.equal(only('总额100亿元，其中甲业务60亿元、乙业务25亿元，其余25亿元。', 'remainder').working, '100亿 − 60亿 − 25亿 = 15亿, stated 25亿; rounding allows ±2亿');
    assert.equal(only('广告收入240亿元，占全年收入800亿元的30%。', 'share').verdict, 'holds');
    assert.equal(only('其中60%来自广告，25%来自游戏，其余15%来自其他。', 'remainder').verdict, 'holds');
  });
});

describe('arithmetic: sums of lists (分别为)', () => {
  const sums = (text: string) => checks(text).filter((c) => c.kind === 'sum').map((c) => [c.verdict, c.working]);
  it('checks every list of a paragraph, each against its own total, not only the first', () => {
    assert.deepEqual(sums('合计融资320亿元，其中三家公司分别为150亿元、100亿元和70亿元。去年合计融资200亿元，其中两家公司分别为150亿元和90亿元。'), [
      ['holds', '150亿 + 100亿 + 70亿 = 320亿, stated 320亿'],
      ['does not hold', '150亿 + 90亿 = 240亿, stated 200亿; rounding allows ±1.5亿'],
    ]);
    assert.deepEqual(sums('两项业务分别占60%和40%。另外三项业务分别占50%、30%和30%。').map(([v]) => v), ['holds', 'does not hold']);
  });
  it('gives a total to one list only: a sentence of two lists takes no total after them, nor one before its first for its second', () => {
    assert.deepEqual(sums('营收合计500亿元，A和B分别为300亿元和200亿元，两者的利润分别为30亿元和20亿元。').map(([v]) => v), ['holds']);
    assert.deepEqual(sums('营收合计500亿元，国内和海外分别为300亿元和200亿元，去年同期分别为280亿元和150亿元。').map(([v]) => v), ['holds']);
    assert.deepEqual(sums('A和B的营收分别为300亿元和200亿元，利润分别为30亿元和20亿元，营收合计500亿元。'), []);
    assert.deepEqual(sums('A和B的营收分别为300亿元和200亿元，合计500亿元，利润分别为30亿元和20亿元。'), []);
  });
  it('sums no series of years or periods (2022年和2023年分别为…)', () => {
    assert.deepEqual(sums('全年营收合计500亿元，2022年和2023年分别为400亿元和450亿元。'), []);
  });
  it('takes the total nearest before its list, else the one after it, which is never a part', () => {
    assert.deepEqual(sums('集团总营收1000亿元。云业务合计营收320亿元，其中三家子公司分别为150亿元、100亿元和70亿元。').map(([v]) => v), ['holds']);
    assert.deepEqual(sums('两家公司分别为150亿元和100亿元，合计融资250亿元。'), [['holds', '150亿 + 100亿 = 250亿, stated 250亿']]);
    assert.equal(sums('两家公司分别为150亿元和100亿元，合计融资260亿元。')[0]?.[0], 'does not hold');
  });
});

describe('arithmetic: percentage points against relative rates', () => {
  it('checks 提升3个百分点 next to 10% → 13% as points, never as a relative rate', () => {
    const all = checks('毛利率从10%提升至13%，同比提升3个百分点。');
    assert.deepEqual(all.map((c) => [c.kind, c.verdict]), [['points', 'holds']]);
    assert.equal(verdictOf('毛利率从10%提升至13%，同比提升5个百分点。', 'points'), 'does not hold');
  });
  it('reads a % between two rates as a relative rate, and says so when it can only mean points', () => {
    assert.equal(verdictOf('毛利率从10%提升至13%，同比提升30%。', 'growth'), 'holds');
    const c = ambiguous('毛利率从10%提升至13%，同比提升3%。', 'growth');
    assert.match(c.assumption!, /percentage points/);
    assert.equal(verdictOf('毛利率从10%提升至13%，同比提升50%。', 'growth'), 'does not hold');
  });
});

describe('arithmetic: a verdict never contradicts its working', () => {
  it('the Traditional growth check whose rate was less than half the stated one is no longer "holds"', () => {
    // 1億 rounds to anything from 0.5億 to 1.5億: the rate could be −23% to 150%, so 20% against 50% says nothing
    const c = only('淨利潤為1.2億元，對比上年的1億元，增長了50%。', 'growth');
    assert.notEqual(c.verdict, 'holds', c.working);
    assert.match(c.working, /= 20%, stated 50%; rounding allows ±55\.5%/);
    assert.equal(c.verdict, 'ambiguous');
  });
  it('judge: holds only when the computed value is within a tolerance of at most half the stated value', () => {
    const stated = { start: 0, end: 1, text: 'x', type: 'percent', value: 1, salient: true } as Figure;
    let seed = 7;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    for (let k = 0; k < 2000; k++) {
      const s = (random() - 0.3) * 200;
      const value = s + (random() - 0.5) * 4 * Math.abs(s) * random();
      const tolerance = random() * Math.abs(s) * (random() < 0.5 ? 0.3 : 2);
      const cand: Candidate = { stated, from: [], statedValue: s, unit: '%', readings: [{ value, expression: 'e' }], tolerance };
      const check = judge('growth', cand)!;
      const exact = Math.abs(value - s) <= 1e-9 * Math.max(1, Math.abs(s));
      if (check.verdict === 'holds') {
        assert.ok(Math.abs(value - s) <= tolerance && (exact || tolerance <= Math.abs(s) / 2), `${value} vs ${s} ± ${tolerance}`);
        if (s > 0) assert.ok(value >= s / 2, 'a rate under half the stated one never holds');
      }
      if (check.verdict === 'does not hold') assert.ok(Math.abs(value - s) > tolerance);
    }
  });
  it('two equal amounts are comparable (log10 of 1 is 0, not "not comparable")', () => {
    const [a, b] = detectFigures('月活为12.03亿元，上年为12.03亿') as [Figure, Figure];
    assert.ok(comparable(a, b));
    assert.equal(verdictOf('月活为12.03亿元，对比上年的12.03亿，增长0%。', 'growth'), 'holds');
  });
});
