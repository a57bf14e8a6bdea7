/**
 * Worker threads for the CLI's corpus commands (`index`, `detect --jobs`): the bundle starts
 * itself as a worker (workerData.glossWorker), each worker keeps one Analyzer, and the parent
 * hands out tasks as workers free up (with one more queued at a busy worker: TASKS_PER_WORKER),
 * so a long article holds up no other worker, only the one task queued behind it.
 *
 * Tasks are pulled from an iterable only when a worker is free and fewer than `window` tasks
 * are in flight or waiting for their turn to be written: a stream of documents is never held
 * whole (memory is bounded by the window times the largest task), and results still come
 * out in the tasks' order.
 */
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { UsageError } from './usageError';
import { leastBusyWithRoom } from '../core/corpus/leastBusy';

export interface WorkerSetup {
  /** A workspace lexicon to load (lexiconFor's explicit path), or the folder to look for one from. */
  lexiconFrom: string;
  lexiconPath?: string;
}

export type Handler = (setup: WorkerSetup) => (task: unknown) => unknown;

/** What a worker answers: a result, or the error of its task (a UsageError is told apart, to be rebuilt). */
type Reply = { index: number; result: unknown } | { index: number; error: string; usage: boolean; stack?: string };

/** `--jobs N`: a whole number ≥ 1; by default the machine's cores. */
export function parseJobs(raw: string | undefined): number {
  if (raw === undefined) return availableParallelism();
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--jobs needs a whole number of 1 or more, not '${raw}'`);
  return n;
}

/** Tasks in flight or done but not yet emitted, per job: enough to keep every worker busy while one task is slow. */
const WINDOW_PER_JOB = 4;


export interface PoolOptions {
  /** Most tasks pulled from the source and not yet emitted (at least `jobs`). */
  window?: number;
  /** The script a worker runs (it calls serveIfWorker); by default this bundle. */
  script?: string;
  /**
   * What a task's work shares with other tasks (hashes of its paragraphs): a free worker is given,
   * of the next `lookahead` tasks, the one whose keys it was given most often before, so that text
   * repeated across tasks meets the worker whose paragraph cache already has it.
   */
  affinity?: (task: unknown) => readonly number[];
  /** How many tasks a free worker chooses from (with `affinity`; 1 without). */
  lookahead?: number;
}

/** A task pulled from the source, waiting for a worker. */
interface Pending {
  index: number;
  task: unknown;
  keys: readonly number[];
}

/** Keys remembered per pool: past this many, the oldest choices are forgotten. */
const MAX_KEYS = 1_000_000;

/**
 * Which of the pending tasks the `worker`th worker should take: the one with the most keys last
 * given to it, less those last given to another worker (those are better left to it); the
 * earliest on a tie. The chosen task's keys are then this worker's.
 */
export function pickTask(pending: readonly { keys: readonly number[] }[], worker: number, owners: Map<number, number>): number {
  let best = 0;
  let bestScore = -Infinity;
  for (let i = 0; i < pending.length; i++) {
    let score = 0;
    for (const key of pending[i]!.keys) {
      const owner = owners.get(key);
      if (owner === worker) score++;
      else if (owner !== undefined) score--;
    }
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  if (owners.size > MAX_KEYS) owners.clear();
  for (const key of pending[best]?.keys ?? []) owners.set(key, worker);
  return best;
}

/**
 * Runs the tasks on `jobs` workers (in this thread when jobs is 1) and calls `emit` with each
 * result in the tasks' order. A task's error (or the iterable's) ends the run once every
 * earlier result has been emitted, as the single-thread run would; a UsageError stays one.
 */
export async function runPoolStream(tasks: Iterable<unknown>, jobs: number, setup: WorkerSetup, handler: Handler, emit: (result: unknown) => void, options: PoolOptions = {}): Promise<void> {
  const window = Math.max(jobs, options.window ?? jobs * WINDOW_PER_JOB);
  const script = options.script ?? __filename;
  if (jobs <= 1) {
    const run = handler(setup);
    for (const t of tasks) emit(run(t));
    return;
  }
  const source = tasks[Symbol.iterator]();
  const workers: Worker[] = [];
  /** Tasks sent to each worker and not yet answered. */
  const inFlight = new Map<Worker, number>();
  const waiting = new Map<number, unknown>();
  let pulled = 0;
  let emitted = 0;
  let exhausted = false;
  let failure: { index: number; error: unknown } | undefined;
  let settle: { resolve: () => void; reject: (e: unknown) => void };
  /** Whether the run has ended: answers that come in later (tasks queued behind a failure) are dropped. */
  let settled = false;
  const finished = new Promise<void>((resolve, reject) => {
    settle = {
      resolve: () => ((settled = true), resolve()),
      reject: (e) => ((settled = true), reject(e)),
    };
  });

  const failAt = (index: number, error: unknown) => {
    if (!failure || index < failure.index) failure = { index, error };
  };
  const check = () => {
    if (failure && emitted >= failure.index) return settle.reject(failure.error);
    if (exhausted && emitted === pulled) settle.resolve();
  };
  const spawn = (): Worker => {
    const w = new Worker(script, { workerData: { glossWorker: setup } });
    w.on('message', (m: Reply) => {
      inFlight.set(w, inFlight.get(w)! - 1);
      if (settled) return;
      if ('error' in m) {
        const error = m.usage ? new UsageError(m.error) : Object.assign(new Error(m.error), m.stack ? { stack: m.stack } : {});
        failAt(m.index, error);
      } else {
        waiting.set(m.index, m.result);
        // (never past a failure: results after it are not written, whenever they come in)
        while (waiting.has(emitted) && (!failure || emitted < failure.index)) {
          const result = waiting.get(emitted);
          waiting.delete(emitted);
          emitted++;
          try {
            emit(result);
          } catch (e) {
            failAt(emitted - 1, e);
          }
        }
      }
      pump();
      check();
    });
    w.on('error', (e) => settle.reject(e));
    w.on('exit', (code) => {
      if ((inFlight.get(w) ?? 0) > 0) settle.reject(new Error(`a worker stopped (exit ${code})`));
    });
    workers.push(w);
    inFlight.set(w, 0);
    return w;
  };
  /** A worker for the next task: a new one while fewer than `jobs` run, else the least busy with room, else none. */
  const nextWorker = (): Worker | undefined => {
    if (workers.length < jobs) return spawn();
    return leastBusyWithRoom(workers, (w) => inFlight.get(w)!);
  };
  const lookahead = options.affinity ? Math.max(1, options.lookahead ?? 1) : 1;
  const pending: Pending[] = [];
  const owners = new Map<number, number>();
  const pull = () => {
    while (!exhausted && !failure && pending.length < lookahead && pulled - emitted < window) {
      let next: IteratorResult<unknown>;
      try {
        next = source.next();
      } catch (e) {
        failAt(pulled, e);
        exhausted = true;
        break;
      }
      if (next.done) {
        exhausted = true;
        break;
      }
      pending.push({ index: pulled++, task: next.value, keys: options.affinity?.(next.value) ?? [] });
    }
  };
  const pump = () => {
    for (pull(); ; pull()) {
      // after a failure only the tasks before it are still run (their results come out first)
      if (failure) for (let i = pending.length - 1; i >= 0; i--) if (pending[i]!.index >= failure.index) pending.splice(i, 1);
      if (pending.length === 0) break;
      const w = nextWorker();
      if (w === undefined) break;
      const k = options.affinity ? pickTask(pending, workers.indexOf(w), owners) : 0;
      const { index, task } = pending.splice(k, 1)[0]!;
      inFlight.set(w, inFlight.get(w)! + 1);
      w.postMessage({ index, task });
    }
  };
  try {
    pump();
    check();
    await finished;
  } finally {
    // the source's own clean-up (a generator's finally: its open file) runs even on failure
    source.return?.();
    inFlight.clear();
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** Runs `tasks` on `jobs` workers (in this thread when jobs is 1); results in the tasks' order. */
export async function runPool(tasks: readonly unknown[], jobs: number, setup: WorkerSetup, handler: Handler, options: PoolOptions = {}): Promise<unknown[]> {
  const results: unknown[] = [];
  await runPoolStream(tasks, jobs, setup, handler, (r) => results.push(r), options);
  return results;
}

/** In a worker started by runPool: answers tasks until the parent ends it. */
export function serveIfWorker(handler: Handler): boolean {
  if (isMainThread || !workerData?.glossWorker) return false;
  const run = handler(workerData.glossWorker as WorkerSetup);
  parentPort!.on('message', (m: { index: number; task: unknown }) => {
    let reply: Reply;
    try {
      reply = { index: m.index, result: run(m.task) };
    } catch (e) {
      reply = e instanceof Error ? { index: m.index, error: e.message, usage: e instanceof UsageError, stack: e.stack } : { index: m.index, error: String(e), usage: false };
    }
    parentPort!.postMessage(reply);
  });
  return true;
}
