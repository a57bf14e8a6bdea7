// The speed section's measures of a fresh analysis, shared by `npm run bench` and the extra
// processes it starts for the 20k article: the same text, warm-up and rounds in each process.
//
// Why more than one process: in one process, V8 decides during the 1 MB analyses which
// allocation sites to place straight in the old generation (pretenuring: the 1 MB analysis
// keeps all its findings to the end), and the 20k rounds after them run with those decisions;
// they differ from one process to the next, and so did the 20k best by up to ±20% on the same
// code. The median of several processes' bests is the figure to judge; each is printed.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PerformanceObserver, constants as perfConstants } from 'node:perf_hooks';
import { loadCore, median as middle, shared, work } from './coreBundle.mjs';
import { loadJieba } from './peers.mjs';
import { distinctSeedsText, flat } from './seedsText.mjs';

/** The texts: the seeds repeated to 1 MB with distinct lines, and the first 20k characters of the same. */
export function speedTexts() {
  const seeds = readdirSync(join(shared, 'seeds')).sort().map((f) => readFileSync(join(shared, 'seeds', f), 'utf8'));
  return { seeds, big: flat(distinctSeedsText(seeds, 1_000_000)), article: flat(distinctSeedsText(seeds, 20_000).slice(0, 20_000)) };
}

export const time = (fn) => {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
};

export { middle };

/** The 1 MB text, three rounds each of a fresh Analyzer and of jieba tag(), alternated. */
export function timeBig(core, jieba, big) {
  const glossMs = [];
  const jiebaMs = [];
  for (let r = 0; r < 3; r++) {
    glossMs.push(time(() => new core.Analyzer().analyze(big)));
    jiebaMs.push(time(() => jieba.tag(big)));
  }
  return { glossMs, jiebaMs };
}

/**
 * The 20k article, 30 rounds each of a fresh Analyzer and of jieba tag(), alternated (a round
 * takes a hundredth of a 1 MB one, and ten had left a scavenge or a busy core in each best),
 * with the collector's pauses that fall in Gloss's rounds.
 */
export async function timeArticle(core, jieba, article) {
  const glossMs = [];
  const jiebaMs = [];
  // a scavenge copies what is alive then: one analysis under way, unless something keeps the
  // ones before alive (as the analysis' getters once did)
  const pauses = { minor: [], major: [] };
  const gcSeen = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      // (the start of incremental marking and the weak callbacks come as entries of their own: not collections)
      if (e.detail.kind === perfConstants.NODE_PERFORMANCE_GC_MINOR) pauses.minor.push(e);
      else if (e.detail.kind === perfConstants.NODE_PERFORMANCE_GC_MAJOR) pauses.major.push(e);
    }
  });
  gcSeen.observe({ entryTypes: ['gc'] });
  const spans = [];
  for (let r = 0; r < 30; r++) {
    const start = performance.now();
    glossMs.push(time(() => new core.Analyzer().analyze(article)));
    spans.push([start, performance.now()]);
    jiebaMs.push(time(() => jieba.tag(article)));
  }
  await new Promise((done) => setTimeout(done, 50));
  gcSeen.disconnect();
  const inGloss = (list) => list.filter((e) => spans.some(([a, b]) => e.startTime >= a && e.startTime < b));
  const sum = (list) => list.reduce((t, e) => t + e.duration, 0);
  const scavenges = inGloss(pauses.minor);
  const full = inGloss(pauses.major);
  return { glossMs, jiebaMs, scavenges: scavenges.length, scavengeMs: sum(scavenges), fullCollections: full.length, fullMs: sum(full) };
}

/**
 * One more process doing what the speed section does up to the 20k article (the seeds, the
 * 1 MB rounds, then the 20k rounds): its 20k figures, as JSON on stdout.
 */
export async function articleInThisProcess() {
  const core = await loadCore('core-speed-extra');
  const jieba = loadJieba(work);
  const { seeds, big, article } = speedTexts();
  new core.Analyzer().analyze(seeds.join('\n'));
  timeBig(core, jieba, big);
  const a = await timeArticle(core, jieba, article);
  return { best: Math.min(...a.glossMs), median: middle(a.glossMs), jiebaBest: Math.min(...a.jiebaMs), jiebaMedian: middle(a.jiebaMs) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href && process.argv[2] === '--article') {
  console.log(JSON.stringify(await articleInThisProcess()));
}
