/**
 * What the workspace index and its worker threads say to each other (indexWorkers.ts,
 * indexWorker.ts). Plain data only: it is copied between threads.
 */
import type { WorkspaceEntry } from '../core/corpus/workspaceEntry';
import type { QueueOptions } from '../core/review/queue';
import type { Sidecar } from '../core/sidecar/model';

export interface IndexWorkerSetup {
  /** The workspace lexicon's text, when there is a readable one: the worker builds the lexicon the extension uses. */
  lexiconSource?: string;
}

export interface IndexTask {
  id: number;
  text: string;
  minCheckWorthiness: number;
  /** The sidecar's decisions and the queue's settings; without them, nothing is counted as queued. */
  review?: { sidecar: Sidecar | undefined; queue: QueueOptions };
}

export type IndexReply = { id: number; entry: WorkspaceEntry } | { id: number; error: string; stack?: string };
