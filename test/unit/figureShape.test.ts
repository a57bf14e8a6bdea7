import * as assert from 'node:assert/strict';
import { Analyzer } from '../../src/core/analysis/analyze';
import { detectFigures } from '../../src/core/figures/detect';
import { parseArticleDate, resolveRelativeDates } from '../../src/core/figures/relativeDates';
import type { Figure } from '../../src/core/figures/types';
import { childTimeout, runInChild } from './helpers';

// Every figure has every field, in one order, absent ones undefined (build.ts): one hidden class,
// so that the claims stage's many reads of figure fields stay monomorphic. Figures whose fields
// were added as found came in some ten shapes, and each read went through V8's megamorphic load.
// The text below is written to give figures of many kinds of optional field: units and numeral
// ends, approximations, periods, relative dates resolved, left open and not resolvable.

const DATELINE = '星河日报 2024-06-12 08:45\n\n';
const BODY = [
  '据星河财经报道，青禾科技去年8月的营收约为5.45亿美元，同比增长18%，较上个月增加了2.3个百分点。',
  '公司2023年第四季度净利润为12亿元，较上一季度增长约15%；当年11月，公司推出六大业务。',
  '5月17日，公司宣布将于7月1日起降价三成，3-5月的销量超过300万台，11日起发货。',
  '今年一季度收入从100亿元增长到120亿元，增长了20%，排名第二。',
  'FY2023的财报显示，二季度收入增长5倍；摄氏20度时，一个人用美元支付了一半。',
  '2020年~2021年间，上半年约有近3000家企业参与。',
].join('\n');

const FIELDS = ['start', 'end', 'text', 'type', 'value', 'salient', 'unit', 'approx', 'relative', 'period', 'assumption', 'assumptionMessage', 'numeralEnd'];

/** The figures every path makes: detected, resolved, analysed (with and without an article date), moved by an edit before them, and held by claims and checks. */
function everyFigure(): Figure[] {
  const out: Figure[] = [];
  const analysis = (a: ReturnType<Analyzer['analyze']>) => {
    out.push(...a.figures);
    for (const p of a.paragraphs) out.push(...p.figures);
    for (const c of a.claims) {
      out.push(...c.figures);
      for (const k of c.checks) out.push(k.stated, ...k.from);
    }
  };
  out.push(...detectFigures(DATELINE + BODY));
  out.push(...resolveRelativeDates(detectFigures(BODY), parseArticleDate('2024-06-12', 'sidecar')));
  analysis(new Analyzer().analyze(DATELINE + BODY));
  analysis(new Analyzer().analyze(BODY));
  analysis(new Analyzer().analyze(BODY, { date: '2024-03-01' }));
  const moving = new Analyzer();
  moving.analyze(DATELINE + BODY, { document: 'a' });
  analysis(moving.analyze('补充一段。\n' + DATELINE + BODY, { document: 'a' }));
  return out;
}

describe('figures: one shape', () => {
  it('every figure has every field, in one order, whatever it found', () => {
    const figures = everyFigure();
    // (the text is varied enough to mean something: many sets of fields with values)
    const kinds = new Set(figures.map((f) => FIELDS.filter((k) => (f as unknown as Record<string, unknown>)[k] !== undefined).join()));
    assert.ok(kinds.size >= 7, `figures of ${kinds.size} kinds of fields: ${[...kinds].join(' | ')}`);
    assert.ok(figures.some((f) => f.relative && f.period && f.assumption) && figures.some((f) => f.numeralEnd !== undefined && f.approx));
    for (const f of figures) assert.deepEqual(Object.keys(f), FIELDS, f.text);
  });

  it('every figure has one V8 map, copies too (asked of V8 in a child with --allow-natives-syntax)', function () {
    // (a spread copy has every key in order and still another map: only V8 can tell)
    this.timeout(childTimeout(60_000));
    const out = runInChild(`
      const { Analyzer } = load('core/analysis/analyze');
      const { detectFigures } = load('core/figures/detect');
      const { parseArticleDate, resolveRelativeDates } = load('core/figures/relativeDates');
      const [dateline, body] = ${JSON.stringify([DATELINE, BODY])};
      const every = () => {
        const out = [];
        const analysis = (a) => {
          out.push(...a.figures);
          for (const p of a.paragraphs) out.push(...p.figures);
          for (const c of a.claims) { out.push(...c.figures); for (const k of c.checks) out.push(k.stated, ...k.from); }
        };
        out.push(...detectFigures(dateline + body));
        out.push(...resolveRelativeDates(detectFigures(body), parseArticleDate('2024-06-12', 'sidecar')));
        analysis(new Analyzer().analyze(dateline + body));
        analysis(new Analyzer().analyze(body));
        analysis(new Analyzer().analyze(body, { date: '2024-03-01' }));
        const moving = new Analyzer();
        moving.analyze(dateline + body, { document: 'a' });
        analysis(moving.analyze('补充一段。\\n' + dateline + body, { document: 'a' }));
        return out;
      };
      // (once before: a field's first values of a new kind, a fraction after integers, move its
      // map to a more general one, and figures made before that keep the old map until next used)
      every();
      const figures = every();
      const other = figures.filter((f) => !%HaveSameMap(f, figures[0]) || !%HasFastProperties(f));
      process.stdout.write(JSON.stringify({ n: figures.length, other: other.map((f) => f.text) }));`, 60_000, ['--allow-natives-syntax']);
    const { n, other } = JSON.parse(out) as { n: number; other: string[] };
    assert.ok(n > 100, `${n} figures`);
    assert.deepEqual(other, [], 'figures with a map of their own');
  });
});
