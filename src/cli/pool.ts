/**
 * Worker threads for the CLI's corpus commands (`index`, `detect --jobs`): the bundle starts
 * itself as a worker (workerData.glossWorker), each worker keeps one Analyzer, and the parent
 * hands out one task at a time, so a long article never holds up the others' workers.
 */
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { UsageError } from './sidecarCommands';

export interface WorkerSetup {
  /** A workspace lexicon to load (lexiconFor's explicit path), or the folder to look for one from. */
  lexiconFrom: string;
  lexiconPath?: string;
}

export type Handler = (setup: WorkerSetup) => (task: unknown) => unknown;

/** `--jobs N`: a whole number ≥ 1; by default the machine's cores. */
export function parseJobs(raw: string | undefined): number {
  if (raw === undefined) return availableParallelism();
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--jobs needs a whole number of 1 or more, not '${raw}'`);
  return n;
}

/** Runs `tasks` on `jobs` workers (in this thread when jobs is 1); results in the tasks' order. */
export async function runPool(tasks: readonly unknown[], jobs: number, setup: WorkerSetup, handler: Handler, onResult?: (done: number) => void): Promise<unknown[]> {
  const results: unknown[] = new Array(tasks.length);
  if (jobs <= 1 || tasks.length <= 1) {
    const run = handler(setup);
    tasks.forEach((t, k) => {
      results[k] = run(t);
      onResult?.(k + 1);
    });
    return results;
  }
  let next = 0;
  let done = 0;
  const workers = Array.from({ length: Math.min(jobs, tasks.length) }, () => new Worker(__filename, { workerData: { glossWorker: setup } }));
  try {
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            let current = -1;
            const give = () => {
              if (next >= tasks.length) return resolve();
              current = next++;
              w.postMessage({ index: current, task: tasks[current] });
            };
            w.on('message', (m: { index: number; result?: unknown; error?: string }) => {
              if (m.error !== undefined) return reject(new Error(m.error));
              results[m.index] = m.result;
              onResult?.(++done);
              give();
            });
            w.on('error', reject);
            w.on('exit', (code) => (current >= 0 && results[current] === undefined && code !== 0 ? reject(new Error(`a worker stopped (exit ${code})`)) : undefined));
            give();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}

/** In a worker started by runPool: answers tasks until the parent ends it. */
export function serveIfWorker(handler: Handler): boolean {
  if (isMainThread || !workerData?.glossWorker) return false;
  const run = handler(workerData.glossWorker as WorkerSetup);
  parentPort!.on('message', (m: { index: number; task: unknown }) => {
    try {
      parentPort!.postMessage({ index: m.index, result: run(m.task) });
    } catch (e) {
      parentPort!.postMessage({ index: m.index, error: e instanceof Error ? e.message : String(e) });
    }
  });
  return true;
}
