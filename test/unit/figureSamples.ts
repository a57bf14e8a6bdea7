import { Analyzer } from '../../src/core/analysis/analyze';
import { detectFigures } from '../../src/core/figures/detect';
import { parseArticleDate, resolveRelativeDates } from '../../src/core/figures/relativeDates';
import type { Figure } from '../../src/core/figures/types';

// The text below is written to give figures of many kinds of optional field: units and numeral
// ends, approximations, periods, relative dates resolved, left open and not resolvable. Shared
// by figureShape.test.ts and the child process it starts (which loads this file compiled).

const DATELINE = '星河日报 2024-06-12 08:45\n\n';
const BODY = [
  '据星河财经报道，青禾科技去年8月的营收约为5.45亿美元，同比增长18%，较上个月增加了2.3个百分点。',
  '公司2023年第四季度净利润为12亿元，较上一季度增长约15%；当年11月，公司推出六大业务。',
  '5月17日，公司宣布将于7月1日起降价三成，3-5月的销量超过300万台，11日起发货。',
  '今年一季度收入从100亿元增长到120亿元，增长了20%，排名第二。',
  'FY2023的财报显示，二季度收入增长5倍；摄氏20度时，一个人用美元支付了一半。',
  '2020年~2021年间，上半年约有近3000家企业参与。',
].join('\n');

export const FIELDS = ['start', 'end', 'text', 'type', 'value', 'salient', 'unit', 'approx', 'relative', 'period', 'assumption', 'assumptionMessage', 'numeralEnd'];

/** The figures every path makes: detected, resolved, analysed (with and without an article date), moved by an edit before them, and held by claims and checks. */
export function everyFigure(): Figure[] {
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
