/** `gloss index FOLDER [--jobs N] [--out FILE]`: the corpus index as JSON, built on worker threads. */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { mergeIndexes, type ArticleIndex } from '../../core/corpus/articleIndex';
import { fnv1a } from '../../core/text/fnv';
import { maxArticleMb } from '../articleInput';
import { Args } from '../args';
import { parseJobs, runPool, type WorkerSetup } from '../pool';
import { UsageError } from '../sidecarCommands';

export type Task = { kind: 'index'; paths: string[]; maxMb: number } | { kind: 'spans'; id: unknown; text: string; kinds: string[]; all: boolean; minCheckWorthiness: number };

/** Articles per task of `gloss index`: at most this many, and at least this many tasks per job (so that the jobs end together). */
const MAX_BATCH = 32;
const BATCHES_PER_JOB = 16;

/** Batches a free worker chooses from, by the paragraphs they share with what it analysed before. */
const LOOKAHEAD = 16;

/**
 * Hashes of an article's longer lines, to send articles that repeat paragraphs (a source's
 * boilerplate, a story's versions) to the worker whose paragraph cache has them. Only a hint:
 * an article that cannot be read, or is above the size limit, has none (its worker reports it).
 */
export function lineKeys(path: string, maxMb: number): number[] {
  let text: string;
  try {
    if (statSync(path).size > maxMb * 1024 * 1024) return [];
    text = readFileSync(path, 'utf8');
  } catch {
    return [];
  }
  const keys: number[] = [];
  let from = 0;
  while (from < text.length) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    if (to - from >= 8) {
      keys.push(fnv1a(text, from, to) >>> 0);
    }
    from = to + 1;
  }
  return keys;
}

/** The articles under a folder: .txt files, not in hidden folders or node_modules. */
export function articlesUnder(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      throw new UsageError(`${dir}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such folder' : (e as Error).message}`);
    }
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && e.name.endsWith('.txt')) out.push(p);
    }
  };
  walk(folder);
  return out.sort();
}

export async function runIndex(argv: readonly string[], write: (s: string) => void, handler: (setup: WorkerSetup) => (task: unknown) => unknown): Promise<number> {
  const args = new Args(argv);
  const jobs = parseJobs(args.option('--jobs'));
  const out = args.option('--out');
  const lexiconPath = args.option('--lexicon');
  const maxMbFlag = args.option('--max-article-mb');
  const folders = args.positional();
  if (folders.length !== 1) throw new UsageError('index needs one folder');
  const folder = resolve(folders[0]!);
  // read here, not in the workers: they get the limit in each task
  const maxMb = maxArticleMb(maxMbFlag, folder);
  const paths = articlesUnder(folder);
  const started = Date.now();
  // articles a batch at a time, neighbours together: a worker is not left waiting for its next
  // article, and the paragraphs that neighbouring articles share (a source's boilerplate, a
  // story's versions) are analysed once, by the worker whose paragraph cache has them
  const size = Math.min(MAX_BATCH, Math.max(1, Math.ceil(paths.length / (jobs * BATCHES_PER_JOB))));
  const batches: Task[] = [];
  for (let k = 0; k < paths.length; k += size) batches.push({ kind: 'index', paths: paths.slice(k, k + size), maxMb });
  const affinity = (task: unknown) => (task as Extract<Task, { kind: 'index' }>).paths.flatMap((p) => lineKeys(p, maxMb));
  // (every result is kept until the end: no window to bound, the free worker may choose freely)
  const poolOptions = { affinity, lookahead: LOOKAHEAD, window: batches.length };
  const results = ((await runPool(batches, jobs, { lexiconFrom: folder, lexiconPath }, handler, poolOptions)) as ArticleIndex[][]).flat();
  const index = mergeIndexes(paths.map((p, k) => [relative(folder, p), results[k]!]));
  const json = JSON.stringify({ folder, jobs, articleCount: paths.length, ms: Date.now() - started, ...index }, null, 2) + '\n';
  if (out) writeFileSync(out, json);
  else write(json);
  return 0;
}
