/** Which worker thread takes the next article: shared by `gloss detect`/`gloss index` (src/cli/pool.ts) and the workspace index (src/extension/indexWorkers.ts). */

/**
 * Tasks a worker holds at once: the one it analyses, and the next, which it starts as soon as
 * it has answered instead of waiting for the thread that feeds it (busy with the editor, or with
 * writing results) to read the answer and post another. With one at a time, the workers of
 * `gloss detect --input-jsonl` were busy about half the time.
 */
export const TASKS_PER_WORKER = 2;

/**
 * Of `workers`, the one with the fewest tasks in flight that still has room for one more
 * (TASKS_PER_WORKER), the first of equals; undefined when every one is full.
 */
export function leastBusyWithRoom<W>(workers: Iterable<W>, tasksOf: (worker: W) => number): W | undefined {
  let best: W | undefined;
  let fewest = TASKS_PER_WORKER;
  for (const w of workers) {
    const tasks = tasksOf(w);
    if (tasks < fewest) {
      best = w;
      fewest = tasks;
    }
  }
  return best;
}
