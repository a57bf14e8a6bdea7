import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { leastBusyWithRoom } from '../core/corpus/leastBusy';
import type { WorkspaceEntry } from '../core/corpus/workspaceEntry';
import type { IndexReply, IndexTask, IndexWorkerSetup } from './indexWorkerProtocol';

/** Idle workers are stopped after this long (ms): each holds the tagger's model, the dictionaries and a paragraph cache. */
const IDLE_MS = 30_000;

/**
 * A worker thread could not run a task (it could not start, it stopped, or the task could not
 * be copied to it): the task is analysed in the extension host instead. An error of the
 * analysis itself is an ordinary Error, as it would be in the extension host.
 */
export class WorkerTrouble extends Error {}

interface Pending {
  task: IndexTask;
  resolve: (entry: WorkspaceEntry) => void;
  reject: (e: unknown) => void;
}

interface Slot {
  worker: Worker;
  /** The tasks posted to the worker and not answered yet, in the order it answers them. */
  inFlight: Pending[];
}

/**
 * The workspace index's worker threads (dist/indexWorker.js): up to `size` of them, each
 * analysing one article at a time with the next one queued, started on demand with the
 * lexicon in use and stopped when the lexicon changes or after IDLE_MS without work.
 */
export class IndexWorkers {
  private slots: Slot[] = [];
  private readonly waiting: Pending[] = [];
  private setup: IndexWorkerSetup | undefined;
  private size = 1;
  private lastId = 0;
  private idle: ReturnType<typeof setTimeout> | undefined;
  /** Workers started since activation; for tests. */
  started = 0;
  private disposed = false;

  constructor(private readonly script = join(__dirname, 'indexWorker.js')) {}

  /** The index entry of `task`'s article, from one of `size` workers started with `setup`. */
  run(task: Omit<IndexTask, 'id'>, setup: IndexWorkerSetup, size: number): Promise<WorkspaceEntry> {
    if (this.disposed) return Promise.reject(new WorkerTrouble('the index workers were disposed'));
    if (this.setup && this.setup.lexiconSource !== setup.lexiconSource) this.stopAll(new WorkerTrouble('the workspace lexicon changed'));
    this.setup = setup;
    this.size = Math.max(1, size);
    if (this.idle) clearTimeout(this.idle);
    this.idle = undefined;
    return new Promise((resolve, reject) => {
      this.waiting.push({ task: { ...task, id: ++this.lastId }, resolve, reject });
      this.pump();
    });
  }

  /** An idle worker, else a new one (up to `size`), else the least busy one with room for a task. */
  private slotForNext(): Slot | undefined {
    const idle = this.slots.find((s) => s.inFlight.length === 0);
    if (idle) return idle;
    if (this.slots.length < this.size) return this.spawn();
    return leastBusyWithRoom(this.slots, (s) => s.inFlight.length);
  }

  private pump(): void {
    while (this.waiting.length) {
      let slot: Slot | undefined;
      try {
        slot = this.slotForNext();
      } catch (e) {
        // (a worker that cannot even be created, say its script's path: the task goes to the extension host)
        this.waiting.shift()!.reject(new WorkerTrouble(`an index worker could not start: ${e instanceof Error ? e.message : String(e)}`));
        continue;
      }
      if (!slot) return;
      const pending = this.waiting.shift()!;
      try {
        slot.worker.postMessage(pending.task);
        slot.inFlight.push(pending);
      } catch (e) {
        // (a sidecar field that cannot be copied between threads, say)
        pending.reject(new WorkerTrouble(e instanceof Error ? e.message : String(e)));
      }
    }
    if (!this.slots.some((s) => s.inFlight.length) && !this.idle) {
      this.idle = setTimeout(() => this.stopAll(), IDLE_MS);
      this.idle.unref?.();
    }
  }

  private spawn(): Slot {
    const worker = new Worker(this.script, { workerData: this.setup });
    // an idle worker never keeps the extension host from exiting
    worker.unref();
    this.started++;
    const slot: Slot = { worker, inFlight: [] };
    const drop = (error: WorkerTrouble) => {
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots.splice(i, 1);
      for (const pending of slot.inFlight.splice(0)) pending.reject(error);
      this.pump();
    };
    worker.on('message', (reply: IndexReply) => {
      const at = slot.inFlight.findIndex((p) => p.task.id === reply.id);
      const pending = at < 0 ? undefined : slot.inFlight.splice(at, 1)[0];
      if (pending) {
        if ('error' in reply) pending.reject(Object.assign(new Error(reply.error), reply.stack ? { stack: reply.stack } : {}));
        else pending.resolve(reply.entry);
      }
      this.pump();
    });
    worker.on('error', (e) => drop(new WorkerTrouble(`an index worker failed: ${e instanceof Error ? e.message : String(e)}`)));
    worker.on('exit', (code) => drop(new WorkerTrouble(`an index worker stopped (exit ${code})`)));
    this.slots.push(slot);
    return slot;
  }

  /** Stops every worker; their tasks (and those waiting) fail with `reason`. */
  private stopAll(reason = new WorkerTrouble('the index workers were stopped')): void {
    if (this.idle) clearTimeout(this.idle);
    this.idle = undefined;
    const slots = this.slots;
    this.slots = [];
    for (const s of slots) {
      for (const pending of s.inFlight.splice(0)) pending.reject(reason);
      void s.worker.terminate();
    }
    for (const p of this.waiting.splice(0)) p.reject(reason);
  }

  /** Workers running now; for tests. */
  get running(): number {
    return this.slots.length;
  }

  dispose(): void {
    this.disposed = true;
    this.stopAll();
  }
}
