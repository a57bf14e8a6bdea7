import * as assert from 'node:assert/strict';
import { Analyzer, type Analysis } from '../../src/core/analysis/analyze';
import { ReviewTracker } from '../../src/core/review/incremental';
import { annotationFor, buildReview, itemsByParagraph, type Review } from '../../src/core/review/items';
import { buildQueue, type QueueOptions } from '../../src/core/review/queue';
import { createAnchor } from '../../src/core/sidecar/anchor';
import type { Annotation, Sidecar } from '../../src/core/sidecar/model';
import { fixtureCorpusArticle } from '../support/fixtureCorpus';

const article = fixtureCorpusArticle();

function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 48271) % 2147483647) / 2147483647;
}

const PIECES = ['星河云', '星河科技集团', '。', '\n', '\n\n', '，', '收入增长18%。', '陈立峰表示', '“', '”', '去年8月'];

function edit(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1));
  const r = next();
  if (r < 0.5) return text.slice(0, at) + PIECES[Math.floor(next() * PIECES.length)] + text.slice(at);
  if (r < 0.6) {
    // a line pasted elsewhere (a repeated paragraph), or a line deleted
    const a = text.lastIndexOf('\n', at - 1) + 1;
    const b = text.indexOf('\n', at);
    const line = text.slice(a, b < 0 ? text.length : b + 1);
    const to = Math.floor(next() * text.length);
    const lineStart = text.lastIndexOf('\n', to - 1) + 1;
    return next() < 0.5 ? text.slice(0, lineStart) + line + text.slice(lineStart) : text.slice(0, a) + text.slice(a + line.length);
  }
  return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 12));
}

const data = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;
const reviewData = (r: Review) => ({ items: data(r.items), orphans: data(r.orphans), longest: r.longest, counts: [...r.entityCounts].sort() });

/**
 * Decisions on the first version: an entity accepted (its other mentions settled), one rejected,
 * a figure rejected, a claim with a verdict, a claim of the user's own across two paragraphs,
 * an entity Gloss did not find, and a quote that is not in the article (an orphan).
 */
function decisions(text: string, analysis: Analysis): Sidecar {
  const review = buildReview(analysis, undefined);
  const taken = new Set<string>();
  const pick = (kind: string, n: number) => review.items.filter((i) => i.kind === kind)[n]!;
  const annotations: Annotation[] = [];
  const add = (a: Annotation) => {
    taken.add(a.id);
    annotations.push(a);
  };
  add(annotationFor(text, pick('entity', 0), 'accepted', taken));
  add(annotationFor(text, pick('entity', 7), 'rejected', taken));
  add(annotationFor(text, pick('figure', 3), 'rejected', taken));
  add({ ...annotationFor(text, pick('claim', 2), 'accepted', taken), verdict: 'supported' });
  const cp = (u: number) => [...text.slice(0, u)].length;
  const across = analysis.paragraphs.find((p, k) => k > 3 && p.paragraph.kind === 'body')!.paragraph;
  const acrossEnd = cp(across.end) + 12;
  add({ id: 'own-claim', kind: 'claim', status: 'manual', verdict: 'unreviewed', ...createAnchor(text, cp(across.end) - 6, acrossEnd) });
  const plain = analysis.paragraphs.find((p, k) => k > 6 && p.paragraph.kind === 'body' && p.entities.every((e) => e.start !== p.paragraph.start))!.paragraph;
  add({ id: 'own-entity', kind: 'entity', status: 'accepted', type: 'org', canonical: '某公司', ...createAnchor(text, cp(plain.start), cp(plain.start) + 2) });
  add({ id: 'gone', kind: 'figure', status: 'accepted', start: 3, end: 6, quote: '不存在的', prefix: '', suffix: '' });
  return { version: 1, article: 'a.txt', sha256: '', annotations };
}

describe('incremental review', () => {
  const compare = (tracker: ReviewTracker, analysis: Analysis, sidecar: Sidecar | undefined, options: QueueOptions, label: string) => {
    const got = tracker.update(analysis, sidecar, options);
    const review = buildReview(analysis, sidecar);
    const queue = buildQueue(analysis, review, options);
    assert.deepEqual(reviewData(got.review), reviewData(review), `review, ${label}`);
    assert.deepEqual(data(got.queue), data(queue), `queue, ${label}`);
    assert.deepEqual(data(got.itemsByParagraph), data(itemsByParagraph(review, analysis.paragraphs.map((p) => p.paragraph))), `by paragraph, ${label}`);
    return got;
  };

  it('equals buildReview and buildQueue after each of many random edits, with and without decisions', function () {
    this.timeout(120_000);
    const analyzer = new Analyzer();
    const first = analyzer.analyze(article, { document: 'a.txt' });
    const sidecar = decisions(article, first);
    const plain = new ReviewTracker();
    const decided = new ReviewTracker();
    const every = new ReviewTracker();
    const next = random(5);
    let text = article;
    let settled = 0;
    let orphans = 0;
    for (let step = 0; step < 120; step++) {
      text = edit(text, next);
      const analysis = analyzer.analyze(text, { document: 'a.txt' });
      compare(plain, analysis, undefined, {}, `step ${step}, no sidecar`);
      const got = compare(decided, analysis, sidecar, {}, `step ${step}, decisions`);
      settled += got.review.items.filter((i) => i.settledBy).length;
      orphans += got.review.orphans.length;
      compare(every, analysis, sidecar, { figures: 'all', entities: 'all', order: 'checkWorthiness', minCheckWorthiness: step % 3 ? 0.3 : 0.6 }, `step ${step}, every stop`);
    }
    assert.ok(settled > 20 && orphans >= 120, `settled ${settled}, orphans ${orphans}`);
  });

  it('equals buildReview and buildQueue when a paragraph is copied, the copy deleted, the article turned to CRLF, or the decisions come and go', () => {
    const analyzer = new Analyzer();
    const first = analyzer.analyze(article, { document: 'a.txt' });
    const sidecar = decisions(article, first);
    const tracker = new ReviewTracker();
    const lines = article.split('\n');
    const line = lines.find((l, k) => k > 10 && l.length > 40 && l.includes('。'))!;
    const at = (t: string, n: number) => t.split('\n').slice(0, n).join('\n').length + 1;
    const pasted = `${article.slice(0, at(article, 3))}${line}\n${article.slice(at(article, 3))}`;
    const typed = pasted.replace(line, `${line.slice(0, 5)}补充一句${line.slice(5)}`);
    const versions = [article, pasted, typed, pasted, article, `${article}\n${line}`, article];
    for (const [k, text] of [...versions, ...versions.map((t) => t.replace(/\n/g, '\r\n'))].entries()) {
      const analysis = analyzer.analyze(text, { document: 'a.txt' });
      compare(tracker, analysis, k % 2 ? sidecar : undefined, {}, `version ${k}`);
    }
    // the decisions come and go on one version (the sidecar was edited or reverted)
    const analysis = analyzer.analyze(article, { document: 'a.txt' });
    for (const [k, s] of [sidecar, undefined, sidecar, undefined].entries()) compare(tracker, analysis, s, { entities: 'all' }, `sidecar ${k}`);
  });

  it('equals buildReview and buildQueue while typing when an entity decision is reversed or its annotation replaced (the settled mentions redone)', () => {
    const analyzer = new Analyzer();
    const first = analyzer.analyze(article, { document: 'a.txt' });
    const sidecar = decisions(article, first);
    const reversed: Sidecar = { ...sidecar, annotations: sidecar.annotations.map((a, k) => (k === 0 ? { ...a, status: 'rejected' } : a)) };
    const renewed: Sidecar = { ...sidecar, annotations: sidecar.annotations.map((a, k) => (k === 0 ? { ...a } : a)) };
    const tracker = new ReviewTracker();
    const at = article.indexOf('。', article.length / 2) + 1;
    let settled = 0;
    for (const [k, s] of [sidecar, sidecar, reversed, reversed, renewed, sidecar].entries()) {
      const text = `${article.slice(0, at)}${'新'.repeat(k)}${article.slice(at)}`;
      const got = compare(tracker, analyzer.analyze(text, { document: 'a.txt' }), s, {}, `version ${k}`);
      settled += got.review.items.filter((i) => i.settledBy === s.annotations[0]).length;
    }
    assert.ok(settled > 6, `mentions settled by the first decision: ${settled}`);
  });

  it('reuses the items of the paragraphs an edit left alone (moved by its length)', () => {
    const analyzer = new Analyzer();
    const tracker = new ReviewTracker();
    const first = tracker.update(analyzer.analyze(article, { document: 'a.txt' }), undefined);
    const lastItem = first.review.items[first.review.items.length - 1]!;
    const at = article.indexOf('。') + 1;
    const second = tracker.update(analyzer.analyze(`${article.slice(0, at)}新的一句话。${article.slice(at)}`, { document: 'a.txt' }), undefined);
    assert.equal(second.review.items[second.review.items.length - 1], lastItem);
    assert.equal(lastItem.start, second.review.items[second.review.items.length - 1]!.start);
  });
});
