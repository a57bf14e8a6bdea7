import { availableParallelism } from 'node:os';
import * as vscode from 'vscode';

export const INDEX_THREADS_SETTING = 'gloss.index.threads';

/** Worker threads a build uses by default: one per core, but not so many that their models crowd memory. */
const MOST_BY_DEFAULT = 4;

/**
 * `gloss.index.threads`: how many worker threads build the workspace index; 0 analyses in the
 * extension host's own thread, a few milliseconds at a time. Unset (`auto`): one per core, at
 * most 4, once a build has analysed for a while in the extension host (a small workspace never
 * pays for starting them: each loads the tagger's model).
 */
export function indexThreads(): { threads: number; auto: boolean } {
  const value = vscode.workspace.getConfiguration('gloss').get<number | null>('index.threads', null);
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return { threads: Math.min(value, 64), auto: false };
  return { threads: Math.min(availableParallelism(), MOST_BY_DEFAULT), auto: true };
}
