// `node bench/abEditor.mjs [REF] [N]`: what the editor does on each keystroke in one paragraph
// of a 1 MB article, the core as of REF (default main) against the working tree, alternated in
// one process, in CPU time of this thread: the analysis of the new version, then its review
// (findings paired with the sidecar) and review queue. A core with a ReviewTracker keeps them
// per document (as the extension's Reviewer does); one without builds them from scratch.
// Printed for no sidecar and for a sidecar of 40 decisions. For the speed work (issue 19).
import { cpuMs, loadCore, loadCoreAt, median, shared } from './coreBundle.mjs';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { distinctSeedsText, flat } from './seedsText.mjs';

const [ref = 'main', count = '20'] = process.argv.slice(2);
const cores = [await loadCoreAt(ref, 'ab-editor-a'), await loadCore('ab-editor-b')];
const cpu = cpuMs;
const seeds = readdirSync(join(shared, 'seeds')).sort().map((f) => readFileSync(join(shared, 'seeds', f), 'utf8'));
const big = flat(distinctSeedsText(seeds, 1_000_000));
const at = big.indexOf('。', big.length / 2);
const n = Number(count);
/** Keystrokes a side types in a row before the other side's turn. */
const BLOCK = 10;
const versions = Array.from({ length: n }, (_, k) => flat(big.slice(0, at) + '，补充' + '一二三四五六七八九十'.repeat(10).slice(0, k + 1) + big.slice(at)));

/** 40 decisions on findings spread over the article: entities, figures and claims accepted or rejected. */
function sidecarOf(core, analysis) {
  const review = core.buildReview(analysis, undefined);
  const taken = new Set();
  const step = Math.floor(review.items.length / 40);
  const annotations = [];
  for (let k = 0; k < 40; k++) {
    const a = core.annotationFor(big, review.items[k * step], k % 3 ? 'accepted' : 'rejected', taken);
    taken.add(a.id);
    annotations.push(a);
  }
  return { version: 1, article: 'big.txt', sha256: '', annotations };
}

for (const withSidecar of [false, true]) {
  const states = cores.map((core) => {
    const analyzer = new core.Analyzer();
    const analysis = analyzer.analyze(big, { document: 'big' });
    const sidecar = withSidecar ? sidecarOf(cores[1], analysis) : undefined;
    const tracker = core.ReviewTracker ? new core.ReviewTracker() : undefined;
    const review = (a) => {
      if (tracker) return tracker.update(a, sidecar, {});
      const r = core.buildReview(a, sidecar);
      return { review: r, queue: core.buildQueue(a, r, {}) };
    };
    review(analysis);
    return { analyzer, review };
  });
  const times = [[], []];
  const queued = [0, 0];
  // blocks of keystrokes, A B B A …: a keystroke pays for the garbage the one before it left, and
  // one by one each side paid for the other's (a side that leaves less garbage was charged more)
  for (let from = 0, block = 0; from < versions.length; from += BLOCK, block++) {
    for (const s of block % 2 ? [1, 0] : [0, 1]) {
      for (const v of versions.slice(from, from + BLOCK)) {
        let out;
        times[s].push(cpu(() => (out = states[s].review(states[s].analyzer.analyze(v, { document: 'big' })))));
        queued[s] = out.queue.entries.length;
      }
    }
  }
  console.log(`typing in one paragraph of a 1 MB article, analysis + review + queue, CPU ms per keystroke (${n}), ${withSidecar ? '40 decisions' : 'no sidecar'}, ${ref} → working tree (queue ${queued[0]} / ${queued[1]}):`);
  console.log(`  best ${Math.min(...times[0]).toFixed(1)} → ${Math.min(...times[1]).toFixed(1)}; median ${median(times[0]).toFixed(1)} → ${median(times[1]).toFixed(1)} (${(median(times[0]) / median(times[1])).toFixed(2)}×)`);
}
