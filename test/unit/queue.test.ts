import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Analyzer } from '../../src/core/analysis/analyze';
import { annotationFor, buildReview, itemAt, itemsByParagraph, type Review } from '../../src/core/review/items';
import { buildQueue, claimWeight, stepQueue, type QueueOptions } from '../../src/core/review/queue';
import type { Annotation, Sidecar } from '../../src/core/sidecar/model';
import { emptySidecar } from '../../src/core/sidecar/store';

const SAMPLE = readFileSync(join(__dirname, '../../../test/fixtures/review/queue-sample.txt'), 'utf8');
const at = (needle: string, delta = 0) => {
  const i = SAMPLE.indexOf(needle);
  assert.ok(i >= 0, needle);
  return i + delta;
};

function setup(annotate: (review: Review, sidecar: Sidecar) => void = () => {}, options: QueueOptions = {}) {
  const analyzer = new Analyzer();
  analyzer.minCheckWorthiness = 0;
  // a threshold just above the opinion's score, so that recalibrating the score breaks nothing here
  const opinion = analyzer.analyze(SAMPLE).claims.find((c) => c.text.startsWith('我觉得'))!;
  const minCheckWorthiness = options.minCheckWorthiness ?? opinion.score + 0.01;
  analyzer.minCheckWorthiness = minCheckWorthiness;
  const analysis = analyzer.analyze(SAMPLE);
  const sidecar = emptySidecar('a.txt', SAMPLE);
  annotate(buildReview(analysis, sidecar), sidecar);
  const review = buildReview(analysis, sidecar);
  return { analysis, review, queue: buildQueue(analysis, review, { ...options, minCheckWorthiness }) };
}

function decide(review: Review, sidecar: Sidecar, offset: number, kind: 'claim' | 'entity' | 'figure', status: 'accepted' | 'rejected', extra: Partial<Annotation> = {}) {
  const item = itemAt(review, offset, kind);
  assert.ok(item, `no ${kind} at ${offset}`);
  sidecar.annotations.push({ ...annotationFor(SAMPLE, item, status, new Set(sidecar.annotations.map((a) => a.id))), ...extra });
}

describe('the review queue', () => {
  it('groups the findings of a body that follows a credit on its line under the body (ends are exclusive)', () => {
    const text = '文|记者 张三。星河科技的收入增长了20%，达到120亿元。\n';
    const analysis = new Analyzer().analyze(text);
    const spans = analysis.paragraphs.map((p) => p.paragraph);
    assert.deepEqual(spans.map((p) => p.kind), ['credit', 'body']);
    assert.equal(spans[0]!.end, spans[1]!.start, 'the credit ends where the body starts');
    const review = buildReview(analysis, undefined);
    const grouped = itemsByParagraph(review, spans);
    assert.deepEqual(grouped[0], []);
    assert.deepEqual(grouped[1]!.length, review.items.length, JSON.stringify(review.items.map((i) => [i.kind, i.start])));
    assert.ok(review.items.some((i) => i.start === spans[1]!.start), 'something starts where the body starts');
  });

  it('holds the failing check, the check-worthy claims and each entity once, never credit lines, headings or opinions', () => {
    const { queue, review } = setup();
    const kinds = queue.entries.map((e) => `${e.kind}:${SAMPLE.slice(e.start, e.end).slice(0, 6)}`);
    assert.ok(kinds.includes('check:10%'), kinds.join(' '));
    assert.equal(queue.failedChecks, 1);
    assert.equal(queue.entries.filter((e) => e.entityId === 'org:星河科技').length, 1, 'one stop per entity');
    assert.equal(queue.entries.filter((e) => e.entityId === 'person:陈立峰').length, 1);
    const star = queue.entries.find((e) => e.entityId === 'org:星河科技')!;
    assert.equal(star.start, at('2021年星河科技', 5), 'the first mention in body text, not the heading');
    assert.equal(star.mentions, 4);
    for (const e of queue.entries) assert.ok(e.start >= at('据晨光'), `a stop before the body: ${e.kind} ${e.text}`);
    assert.ok(!queue.entries.some((e) => e.text.startsWith('我觉得')), 'an opinion below the threshold is not queued');
    assert.ok(!review.items.some((i) => i.kind === 'claim' && i.start === at('我觉得')), 'nor marked');
    assert.deepEqual(queue.entries.filter((e) => e.kind === 'figure'), [], 'figures are decided with their claim');
    const check = queue.entries.find((e) => e.kind === 'check')!;
    assert.equal(check.why, 'check does not hold');
    const claimStop = queue.entries.find((e) => e.kind === 'claim')!;
    assert.equal(claimStop.why, `${claimStop.claim!.type} claim ${claimStop.claim!.score.toFixed(2)}`);
  });

  it('never stops on the headline or on a list of titles, commas or not', () => {
    const text = ['青禾资本押注机器人，林知远又出手了', '', '青禾资本合伙人林知远表示，公司今年将向三家机器人企业投资12亿元。', '', '相关文章：', '', '《林知远的第二条曲线》《两笔 8 亿元融资，机器人赛道又热了》', '', '晨读《青禾资本的十年》'].join('\n');
    const analysis = new Analyzer().analyze(text);
    const queue = buildQueue(analysis, buildReview(analysis, undefined), {});
    const body = text.indexOf('青禾资本合伙人');
    const bodyEnd = text.indexOf('相关文章');
    const outside = queue.entries.filter((e) => e.start < body || e.start >= bodyEnd).map((e) => `${e.kind} ${e.text}`);
    assert.deepEqual(outside, []);
    // the body's claim and names are still asked about
    assert.deepEqual(queue.entries.map((e) => e.kind).sort(), ['claim', 'entity', 'entity']);
  });

  it('orders by check-worthiness on request: failing arithmetic first, entities last', () => {
    const { queue } = setup(undefined, { order: 'checkWorthiness' });
    assert.equal(queue.entries[0]!.kind, 'check');
    const weights = queue.entries.map((e) => e.weight);
    assert.deepEqual(weights, [...weights].sort((a, b) => b - a));
    assert.equal(queue.entries[queue.entries.length - 1]!.kind, 'entity');
  });

  it('ranks claims by kind before score when ordered by check-worthiness: statistics, quotes, events, forecasts, opinions', () => {
    const kinds = ['statistic', 'quote', 'event', 'forecast', 'opinion'] as const;
    for (let k = 1; k < kinds.length; k++) {
      // the weakest of a kind above the strongest of the next
      assert.ok(claimWeight({ type: kinds[k - 1]!, score: 0 }) > claimWeight({ type: kinds[k]!, score: 1 }), `${kinds[k - 1]} over ${kinds[k]}`);
    }
    assert.ok(claimWeight({ type: 'event', score: 0.9 }) > claimWeight({ type: 'event', score: 0.6 }));
    // below your own open claims (1.5), above entities and lone figures
    assert.ok(claimWeight({ type: 'statistic', score: 1 }) < 1.5 && claimWeight({ type: 'opinion', score: 0 }) > 0.001);
    const analyzer = new Analyzer();
    analyzer.minCheckWorthiness = 0.3;
    const text = '星河科技昨天宣布与云帆集团合并。\n\n这家店有3个员工。\n';
    const analysis = analyzer.analyze(text);
    assert.deepEqual(analysis.claims.map((c) => c.type), ['event', 'statistic'], 'the fixture: an event, then a statistic');
    assert.ok(analysis.claims[0]!.score > analysis.claims[1]!.score, 'the fixture: the event scores higher');
    const ranked = buildQueue(analysis, buildReview(analysis, emptySidecar('a.txt', text)), { order: 'checkWorthiness', minCheckWorthiness: 0.3 });
    assert.deepEqual(ranked.entries.filter((e) => e.kind === 'claim').map((e) => e.claim?.type), ['statistic', 'event']);
  });

  it('steps forwards and backwards from the cursor or the last stop, wrapping around', () => {
    const { queue } = setup();
    const first = stepQueue(queue, 'document', { offset: 0 }, 1)!;
    assert.equal(first, queue.entries[0]);
    const second = stepQueue(queue, 'document', { offset: first.start, last: first }, 1)!;
    assert.equal(second, queue.entries[1], 'two stops at one offset are both visited');
    assert.equal(stepQueue(queue, 'document', { offset: second.start, last: second }, -1), first);
    assert.equal(stepQueue(queue, 'document', { offset: SAMPLE.length }, 1), first, 'wraps');
    const ranked = setup(undefined, { order: 'checkWorthiness' }).queue;
    const top = stepQueue(ranked, 'checkWorthiness', { offset: 0 }, 1)!;
    assert.equal(top.kind, 'check');
    assert.equal(stepQueue(ranked, 'checkWorthiness', { offset: top.start, last: top }, 1), ranked.entries[1]);
  });

  it('settles every mention of an entity with one decision, accepted or rejected', () => {
    const accepted = setup((review, sidecar) => decide(review, sidecar, at('董事长陈立峰', 3), 'entity', 'accepted'));
    const mentions = accepted.review.items.filter((i) => i.finding?.entity?.entityId === 'person:陈立峰');
    assert.equal(mentions.length, 2);
    assert.ok(mentions.every((m) => m.state === 'accepted'), mentions.map((m) => m.state).join());
    assert.ok(!accepted.queue.entries.some((e) => e.entityId === 'person:陈立峰'));
    assert.ok(accepted.queue.candidates.some((e) => e.entityId === 'person:陈立峰' && e.settled));
    const rejected = setup((review, sidecar) => decide(review, sidecar, at('还透露', -3), 'entity', 'rejected'));
    assert.ok(rejected.review.items.filter((i) => i.finding?.entity?.entityId === 'person:陈立峰').every((m) => m.state === 'rejected'));
    assert.ok(!rejected.queue.entries.some((e) => e.entityId === 'person:陈立峰'));
  });

  it('keeps a failing check queued until its claim gets a verdict; accepting the claim is not enough', () => {
    const claimAt = at('据晨光');
    const accepted = setup((review, sidecar) => decide(review, sidecar, claimAt, 'claim', 'accepted'));
    assert.ok(accepted.queue.entries.some((e) => e.kind === 'check'));
    assert.ok(!accepted.queue.entries.some((e) => e.kind === 'claim' && e.start === claimAt));
    const judged = setup((review, sidecar) => decide(review, sidecar, claimAt, 'claim', 'accepted', { verdict: 'false' }));
    assert.ok(!judged.queue.entries.some((e) => e.kind === 'check'));
    assert.equal(judged.queue.failedChecks, 0);
    const misread = setup((review, sidecar) => decide(review, sidecar, at('10%', 1), 'figure', 'rejected'));
    assert.ok(!misread.queue.entries.some((e) => e.kind === 'check'), 'rejecting the stated figure settles its check');
  });

  it("queues the user's own claims until they have a verdict", () => {
    const manual = (verdict: Annotation['verdict']) =>
      setup((_, sidecar) => {
        const a = annotationFor(SAMPLE, { kind: 'claim', start: at('这件事'), end: at('这件事', 3) }, 'manual', new Set());
        sidecar.annotations.push({ ...a, verdict });
      });
    const open = manual('unreviewed').queue.entries.find((e) => e.why === 'your annotation');
    assert.ok(open, 'an open annotation is queued');
    assert.equal(open.start, at('这件事'));
    assert.equal(manual('supported').queue.entries.find((e) => e.why === 'your annotation'), undefined);
  });

  it('asks about names the lexicons know only on request', () => {
    const text = '据晨光财经报道，百度去年的营收为1200亿元，同比增长8%。百度创始人李彦宏表示，公司将加大投入。\n';
    const analysis = new Analyzer().analyze(text);
    const review = buildReview(analysis, undefined);
    const known = analysis.entities.find((e) => e.canonical === '百度');
    assert.equal(known?.source, 'lexicon');
    const ids = (entities?: 'all' | 'uncertain') => buildQueue(analysis, review, { minCheckWorthiness: 0, ...(entities ? { entities } : {}) }).entries.filter((e) => e.kind === 'entity').map((e) => e.entityId);
    assert.ok(!ids().includes(known.entityId), 'not by default');
    assert.ok(ids('all').includes(known.entityId));
    const unsure = analysis.entities.filter((e) => e.source !== 'lexicon' && e.source !== 'workspace').map((e) => e.entityId);
    for (const id of unsure) assert.ok(ids().includes(id), `${id} is still queued`);
  });

  it('queues figures inside queued claims, or all, only on request', () => {
    const inside = setup(undefined, { figures: 'inQueuedClaims' }).queue.entries.filter((e) => e.kind === 'figure');
    assert.ok(inside.some((e) => e.text === '120亿元'), inside.map((e) => e.text).join());
    assert.ok(!inside.some((e) => e.text === '10%'), 'the stated figure of a queued check is not a second stop');
    assert.ok(inside.every((e) => /^figure in claim/.test(e.why)));
  });
});
