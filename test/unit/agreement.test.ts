import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cohensKappa } from '../../src/core/review/agreement';
import { cli, commit, gitInit, gloss, scratch, writeSidecar, type Spec } from './reviewHelpers';

const scale = Number(process.env.GLOSS_TIMEOUT_SCALE ?? 1) || 1;

/**
 * The worked example. Ten suggestions in earnings.txt, judged by both annotators:
 *
 *                 B accepted  B rejected
 *   A accepted        4           2        (A accepts 6 of 10)
 *   A rejected        1           3        (B accepts 5 of 10)
 *
 *   pₒ = (4 + 3) / 10 = 0.7;  pₑ = 0.6 × 0.5 + 0.4 × 0.5 = 0.5;  κ = (0.7 − 0.5) / (1 − 0.5) = 0.4
 *
 * Verdicts on five claims (three in earnings.txt, two in policy.txt), made by hand by both:
 *
 *   claim   c1     c2        c3         c4         c5
 *   A       false  false     supported  supported  unverifiable
 *   B       false  disputed  supported  supported  supported
 *
 *   pₒ = 3/5 = 0.6;  A: false 0.4, supported 0.4, unverifiable 0.2;  B: false 0.2, disputed 0.2, supported 0.6
 *   pₑ = 0.4 × 0.2 + 0.4 × 0.6 = 0.32;  κ = (0.6 − 0.32) / (1 − 0.32) = 0.28 / 0.68 = 7/17 ≈ 0.4118
 *   earnings.txt alone: pₒ = 2/3, pₑ = 2/3 × 1/3 + 1/3 × 1/3 = 1/3, κ = 0.5;  policy.txt alone: pₒ = 1/2 = pₑ, κ = 0
 *
 * Spans kept (accepted or by hand): figures A {1,3,4,5}, B {1,3,4,7}: exact F1 = 2·3/(4+4) = 0.75.
 * Entities A {星河科技, 陈立峰 person, 晨光财经}, B {星河科技, 晨光, 陈立峰表示 org}: exact F1 = 2·1/6 = 1/3,
 * overlap 2·2/6 = 2/3 (陈立峰表示 overlaps 陈立峰 but is not of its type).
 */
const ITEMS: Spec[] = [
  { kind: 'figure', quote: '2024年5月8日' },
  { kind: 'entity', quote: '星河科技', type: 'org' },
  { kind: 'figure', quote: '第一季度' },
  { kind: 'figure', quote: '801亿元' },
  { kind: 'figure', quote: '622亿元' },
  { kind: 'entity', quote: '陈立峰', type: 'person' },
  { kind: 'figure', quote: '35%' },
  { kind: 'figure', quote: '三个季度' },
  { kind: 'entity', quote: '杭州', type: 'place' },
  { kind: 'figure', quote: '两座' },
];
const A_ACCEPTS = [1, 2, 3, 4, 5, 6];
const B_ACCEPTS = [1, 2, 3, 4, 7];
const EARNINGS_CLAIMS = ['星河科技今年收入为801亿元，对比上年的622亿元，增速为35%。', '云业务已经连续三个季度盈利。', '公司计划明年在杭州新建两座数据中心。'];
const POLICY_CLAIMS = ['公車票價明年將下調一成。', '去年全市公車載客量為3.2億人次。'];

function annotator(dir: string, accepts: number[], verdicts: string[], extra: Spec[]): void {
  const judged = ITEMS.map((s, i): Spec => ({ ...s, status: accepts.includes(i + 1) ? 'accepted' : 'rejected' }));
  const claims = (quotes: string[], vs: string[]) => quotes.map((quote, i): Spec => ({ kind: 'claim', quote, status: 'manual', verdict: vs[i] as never }));
  writeSidecar(dir, 'earnings.txt', [...judged, ...claims(EARNINGS_CLAIMS, verdicts.slice(0, 3)), ...extra]);
  writeSidecar(dir, 'policy.txt', claims(POLICY_CLAIMS, verdicts.slice(3)));
}

const A_VERDICTS = ['false', 'false', 'supported', 'supported', 'unverifiable'];
const B_VERDICTS = ['false', 'disputed', 'supported', 'supported', 'supported'];

describe("agreement: Cohen's κ and span F1", function () {
  this.timeout(120_000 * scale);

  it('κ of the worked example, from pairs', () => {
    const pairs: Array<[string, string]> = [
      ...Array(4).fill(['accepted', 'accepted']), ...Array(2).fill(['accepted', 'rejected']),
      ['rejected', 'accepted'], ...Array(3).fill(['rejected', 'rejected']),
    ];
    const k = cohensKappa(pairs);
    assert.equal(k.n, 10);
    assert.ok(Math.abs(k.observed! - 0.7) < 1e-12 && Math.abs(k.expected! - 0.5) < 1e-12);
    assert.ok(Math.abs(k.kappa! - 0.4) < 1e-12, String(k.kappa));
    const v = cohensKappa(A_VERDICTS.map((a, i) => [a, B_VERDICTS[i]!]));
    assert.ok(Math.abs(v.kappa! - 7 / 17) < 1e-12, String(v.kappa));
    // perfect agreement on one category only: κ is undefined, not 1 or NaN
    assert.equal(cohensKappa([['accepted', 'accepted'], ['accepted', 'accepted']]).kappa, null);
    assert.equal(cohensKappa([]).kappa, null);
  });

  it('gloss agree A B: per article and pooled, as --json and as a table (child process)', function () {
    if (!existsSync(cli)) this.skip();
    const d = scratch();
    for (const who of ['ana', 'bo']) {
      mkdirSync(join(d, who));
      for (const f of ['earnings.txt', 'policy.txt']) require('node:fs').copyFileSync(join(d, f), join(d, who, f));
    }
    annotator(join(d, 'ana'), A_ACCEPTS, A_VERDICTS, [{ kind: 'entity', quote: '晨光财经', type: 'org', status: 'manual' }]);
    annotator(join(d, 'bo'), B_ACCEPTS, B_VERDICTS, [
      { kind: 'entity', quote: '晨光', type: 'org', status: 'manual' },
      { kind: 'entity', quote: '陈立峰表示', type: 'org', status: 'manual' },
    ]);
    const r = gloss(['agree', 'ana', 'bo', '--json'], d);
    assert.equal(r.status, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    const close = (x: number, y: number) => assert.ok(Math.abs(x - y) < 1e-9, `${x} ≠ ${y}`);
    close(j.total.decisions.kappa, 0.4);
    assert.equal(j.total.decisions.n, 10);
    close(j.total.verdicts.kappa, 7 / 17);
    const earnings = j.articles.find((a: { article: string }) => a.article === 'earnings.annotations.yaml');
    const policy = j.articles.find((a: { article: string }) => a.article === 'policy.annotations.yaml');
    close(earnings.verdicts.kappa, 0.5);
    close(policy.verdicts.kappa, 0);
    assert.equal(policy.decisions.kappa, null);
    close(j.total.spans.figure.exact.f1, 0.75);
    close(j.total.spans.entity.exact.f1, 1 / 3);
    close(j.total.spans.entity.overlap.f1, 2 / 3);
    close(j.total.spans.entity.exact.precision, 1 / 3);
    close(j.total.spans.entity.exact.recall, 1 / 3);
    close(j.total.spans.claim.exact.f1, 1);

    const table = gloss(['agree', 'ana', 'bo'], d).stdout;
    assert.match(table, /^A = ana \(reference\), B = bo$/m);
    assert.match(table, /^earnings\.annotations\.yaml +1\.00 \/ 1\.00 +0\.75 \/ 0\.75 +0\.33 \/ 0\.67 +0\.400 \(10\) +0\.500 \(3\)$/m);
    assert.match(table, /^all .* 0\.400 \(10\) +0\.412 \(5\)$/m);
  });

  it('gloss agree --rev A --rev B: the same between two git revisions (child process)', function () {
    if (!existsSync(cli)) this.skip();
    const d = scratch();
    annotator(d, A_ACCEPTS, A_VERDICTS, []);
    gitInit(d);
    annotator(d, B_ACCEPTS, B_VERDICTS, []);
    commit(d, 'second annotator');
    const r = gloss(['agree', '--rev', 'HEAD~1', '--rev', 'HEAD', '--json'], d);
    assert.equal(r.status, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.ok(Math.abs(j.total.decisions.kappa - 0.4) < 1e-9);
    assert.ok(Math.abs(j.total.verdicts.kappa - 7 / 17) < 1e-9);
    assert.deepEqual(j.articles.map((a: { article: string }) => a.article), ['earnings.annotations.yaml', 'policy.annotations.yaml']);
    assert.equal(gloss(['agree', '--rev', 'HEAD'], d).status, 2);
    assert.equal(gloss(['agree', '--rev', '--upload-pack=x', '--rev', 'HEAD'], d).status, 2);
    assert.ok(readFileSync(join(d, 'earnings.annotations.yaml'), 'utf8').includes('status: rejected'));
  });
});
