// The review queue of each seed article: what a checker is asked to decide, against the
// findings it replaces, and whether every sentence stating a checkable figure stays queued.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** A figure a checker can look up: an amount of money, a percentage or a quantity with a unit. */
const CHECKABLE = new Set(['money', 'percent', 'quantity']);

export function reviewQueues(core, seeds) {
  const rows = [];
  for (const f of readdirSync(seeds).sort()) {
    const text = readFileSync(join(seeds, f), 'utf8');
    const analysis = new core.Analyzer().analyze(text);
    const review = core.buildReview(analysis, undefined);
    const queue = core.buildQueue(analysis, review, {});
    const everyEntity = core.buildQueue(analysis, review, { entities: 'all' }).entries.length;
    // what Gloss asked about before the queue: every finding, every sentence a claim
    const all = new core.Analyzer();
    all.minCheckWorthiness = 0;
    const everything = core.buildReview(all.analyze(text), undefined).items.length;
    const kinds = {};
    for (const e of queue.entries) kinds[e.kind] = (kinds[e.kind] ?? 0) + 1;
    const queuedClaims = new Set(queue.entries.filter((e) => e.kind === 'claim').map((e) => e.start));
    const checkedAt = new Set(queue.entries.filter((e) => e.kind === 'check').map((e) => e.claim?.start));
    // sentences stating a checkable figure, whatever their score
    const checkable = all.analyze(text).claims.filter((c) => c.figures.some((x) => CHECKABLE.has(x.type)) || c.checks.length);
    const missed = checkable.filter((c) => !queuedClaims.has(c.start) && !checkedAt.has(c.start));
    const index = new core.OffsetIndex(text);
    rows.push({ file: f, size: queue.entries.length, everyEntity, everything, kinds, failed: queue.failedChecks, checkable: checkable.length, missed: missed.map((c) => `${index.toCodePoint(c.start)}-${index.toCodePoint(c.end)} (score ${c.score})`) });
  }
  return rows;
}

export function printReviewQueues(core, seeds) {
  const rows = reviewQueues(core, seeds);
  console.log(`\nReview queue of each seed (threshold ${core.DEFAULT_MIN_CHECK_WORTHINESS}; no decisions yet)`);
  console.log('  article                      queue  (with known names)  (findings before)  by kind');
  for (const r of rows) {
    console.log(`  ${r.file.padEnd(28)} ${String(r.size).padStart(5)}  (${String(r.everyEntity).padStart(5)})             (${String(r.everything).padStart(5)})            ${JSON.stringify(r.kinds)}${r.failed ? `, ${r.failed} failed check` : ''}`);
  }
  const sum = (k) => rows.reduce((n, r) => n + r[k], 0);
  console.log(`  total                        ${String(sum('size')).padStart(5)}  (${String(sum('everyEntity')).padStart(5)})             (${String(sum('everything')).padStart(5)})            target ≤ 400`);
  const checkable = rows.reduce((n, r) => n + r.checkable, 0);
  const missed = rows.flatMap((r) => r.missed.map((m) => `${r.file.slice(0, 3)}@${m}`));
  console.log(`  sentences stating money, a percentage or a quantity, or with an arithmetic check: ${checkable}, queued ${checkable - missed.length}${missed.length ? `; not queued (code points): ${missed.join(', ')}` : ''}`);
}
