/**
 * `gloss review FILE...`: each article's review queue, as the editor's Alt+] walks it, with
 * the decisions already in its sidecar taken into account. `--json` prints one object per
 * article, `{"file","queue":[{"kind","start","end","text","why"}]}`, offsets in code points.
 */
import { existsSync } from 'node:fs';
import { Analyzer } from '../core/analysis/analyze';
import { DEFAULT_MIN_CHECK_WORTHINESS } from '../core/claims/score';
import type { Lexicon } from '../core/entities/lexicon';
import { buildReview } from '../core/review/items';
import { buildQueue, QUEUE_ENTITIES, QUEUE_FIGURES, type QueueEntities, type QueueEntry, type QueueFigures, type QueueOrder } from '../core/review/queue';
import { sidecarPathFor, type Sidecar } from '../core/sidecar/model';
import { readSidecarFile } from '../core/sidecar/store';
import { OffsetIndex } from '../core/text/offsets';
import { UsageError } from './sidecarCommands';

export const REVIEW_USAGE = `  review [--json] [--order document|check-worthiness] [--min-check-worthiness N]
         [--figures withClaim|inQueuedClaims|all] [--entities uncertain|all] [--lexicon PATH] FILE.txt...
                                             what needs a decision in each article, in queue order
                                             (decisions in the article's sidecar are taken into account)
`;

const VALUE_OPTIONS = ['--order', '--min-check-worthiness', '--figures', '--entities', '--lexicon'];

export interface ReviewedArticle {
  file: string;
  queue: Array<{ kind: string; start: number; end: number; text: string; why: string }>;
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  if (v === undefined || v.startsWith('--')) throw new UsageError(`${name} needs a value`);
  return v;
}

function parseOptions(args: string[]) {
  for (const a of args) if (a.startsWith('--') && a !== '--json' && !VALUE_OPTIONS.includes(a)) throw new UsageError(`review: unknown option ${a}`);
  const orderArg = option(args, '--order') ?? 'document';
  if (orderArg !== 'document' && orderArg !== 'check-worthiness') throw new UsageError(`--order: '${orderArg}' is not document or check-worthiness`);
  const order: QueueOrder = orderArg === 'document' ? 'document' : 'checkWorthiness';
  const thresholdArg = option(args, '--min-check-worthiness');
  const threshold = thresholdArg === undefined ? undefined : Number(thresholdArg);
  if (threshold !== undefined && !(thresholdArg!.trim() !== '' && threshold >= 0 && threshold <= 1)) throw new UsageError(`--min-check-worthiness: '${thresholdArg}' is not a number from 0 to 1`);
  const figures = (option(args, '--figures') ?? 'withClaim') as QueueFigures;
  if (!QUEUE_FIGURES.includes(figures)) throw new UsageError(`--figures: '${figures}' is not one of ${QUEUE_FIGURES.join(', ')}`);
  const entities = (option(args, '--entities') ?? 'uncertain') as QueueEntities;
  if (!QUEUE_ENTITIES.includes(entities)) throw new UsageError(`--entities: '${entities}' is not one of ${QUEUE_ENTITIES.join(', ')}`);
  const files = args.filter((a, i) => !a.startsWith('--') && !VALUE_OPTIONS.includes(args[i - 1] ?? ''));
  if (!files.length) throw new UsageError('review needs at least one article');
  return { json: args.includes('--json'), order, minCheckWorthiness: threshold ?? DEFAULT_MIN_CHECK_WORTHINESS, figures, entities, files, lexicon: option(args, '--lexicon') };
}

/** The decisions already made on an article; an unreadable sidecar is reported and left out. */
function decisionsOf(path: string, warn: (s: string) => void): Sidecar | undefined {
  const side = sidecarPathFor(path);
  if (!existsSync(side)) return undefined;
  const r = readSidecarFile(side);
  if (r.state === 'ok') return r.loaded.sidecar;
  if (r.state === 'unreadable') warn(`gloss: ${side}:${r.error.line ?? 1}: ${r.error.message} (the queue below ignores its decisions)\n`);
  return undefined;
}

export function reviewArticle(file: string, text: string, analyzer: Analyzer, options: ReturnType<typeof parseOptions>, warn: (s: string) => void): { article: ReviewedArticle; entries: QueueEntry[]; failed: number } {
  analyzer.minCheckWorthiness = options.minCheckWorthiness;
  const analysis = analyzer.analyze(text);
  const review = buildReview(analysis, decisionsOf(file, warn));
  const queue = buildQueue(analysis, review, options);
  const index = new OffsetIndex(text);
  const article: ReviewedArticle = {
    file,
    queue: queue.entries.map((e) => ({ kind: e.kind, start: index.toCodePoint(e.start), end: index.toCodePoint(e.end), text: e.text, why: e.why })),
  };
  return { article, entries: queue.entries, failed: queue.failedChecks };
}

const clip = (s: string, n: number) => {
  const flat = s.replace(/\s+/g, ' ');
  const cps = [...flat];
  return cps.length > n ? `${cps.slice(0, n).join('')}…` : flat;
};

export function runReview(
  args: string[],
  write: (s: string) => void,
  io: { readText: (path: string) => string; lexiconFor: (from: string, explicit?: string) => Lexicon; warn?: (s: string) => void },
): number {
  const options = parseOptions(args);
  const warn = io.warn ?? ((s: string) => process.stderr.write(s));
  const analyzer = new Analyzer(io.lexiconFor('.', options.lexicon));
  let total = 0;
  for (const file of options.files) {
    const text = io.readText(file);
    const { article, entries, failed } = reviewArticle(file, text, analyzer, options, warn);
    total += entries.length;
    if (options.json) {
      write(`${JSON.stringify(article)}\n`);
      continue;
    }
    write(`${file}: ${entries.length} to review${failed ? `, ${failed} failed check${failed === 1 ? '' : 's'}` : ''}\n`);
    if (entries.length) write(`    #  line:offset kind   why                  text\n`);
    const lineStarts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
    const lineOf = (offset: number) => {
      let lo = 0;
      let hi = lineStarts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (lineStarts[mid]! <= offset) lo = mid;
        else hi = mid - 1;
      }
      return lo + 1;
    };
    entries.forEach((e, k) => {
      const what = e.kind === 'entity' && e.mentions && e.mentions > 1 ? `${clip(e.text, 40)} (${e.mentions} mentions)` : clip(e.text, 40);
      const working = e.check ? `  ${e.check.working}` : '';
      write(`  ${String(k + 1).padStart(3)}  ${String(lineOf(e.start)).padStart(4)}:${String(article.queue[k]!.start).padEnd(6)} ${e.kind.padEnd(6)} ${e.why.padEnd(20)} ${what}${working}\n`);
    });
  }
  if (!options.json && options.files.length > 1) write(`${total} to review in ${options.files.length} articles\n`);
  return 0;
}
