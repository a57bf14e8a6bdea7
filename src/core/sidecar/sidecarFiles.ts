/**
 * The sidecar store over any file system (FileAccess): what the extension uses, through
 * `vscode.workspace.fs`. The same guarantees as the synchronous store (store.ts) that the CLI
 * uses: a save re-reads the file and merges by id with what it finds; just before writing it
 * checks the file still holds what it read (compare-and-swap on the content's hash), and
 * computes again if not; the write is atomic; a file that cannot be read is never written over.
 * Where the file system has a lock (node's fs) the whole rewrite runs under it; where it has
 * none (workspace.fs) writers in this process take turns per file, and against other
 * processes the check before the write and a second one after it (the save is merged again
 * when another writer's text replaced it) are what keep a save from being lost. workspace.fs
 * offers no atomic compare-and-swap, so a write by another process landing after both checks
 * can still replace this one: a window of one read.
 */
import type { FileAccess } from '../io/fileAccess';
import type { Sidecar } from './model';
import { kept, MAX_ATTEMPTS, saveMerge, saveResult, sha256, rewriteStep, type ReadResult, type RewriteResult, type SaveResult } from './store';
import { formatSidecar, MAX_SIDECAR_BYTES, parseSidecar, SidecarError, tooLarge, type LoadedSidecar } from './yamlIO';

/** The file's text, or undefined when it does not exist; too large a file is refused before it is read. */
async function readSource(files: FileAccess, path: string): Promise<string | undefined> {
  const size = await files.size(path);
  if (size === undefined) return undefined;
  if (size > MAX_SIDECAR_BYTES) throw tooLarge(size);
  return files.read(path);
}

/** Reads and parses a sidecar; `known` is reused when the file still holds its text. */
export async function readSidecarVia(files: FileAccess, path: string, known?: LoadedSidecar): Promise<ReadResult> {
  try {
    const source = await readSource(files, path);
    if (source === undefined) return { state: 'missing' };
    return { state: 'ok', loaded: known && known.source === source ? known : parseSidecar(source) };
  } catch (e) {
    if (e instanceof SidecarError) return { state: 'unreadable', error: e };
    throw e;
  }
}

/** The hash of what is in the file now (undefined: it does not exist; null: it cannot be read). */
async function hashOnDisk(files: FileAccess, path: string): Promise<string | undefined | null> {
  try {
    const source = await readSource(files, path);
    return source === undefined ? undefined : sha256(source);
  } catch {
    return null;
  }
}

/** Writers of this process, per file: one rewrite at a time, so that they never race each other. */
const turns = new Map<string, Promise<unknown>>();

function inTurn<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const previous = turns.get(key) ?? Promise.resolve();
  const run = previous.then(fn, fn);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  turns.set(key, settled);
  void settled.then(() => {
    if (turns.get(key) === settled) turns.delete(key);
  });
  return run;
}

/**
 * Rewrites a sidecar safely: `compute` gets what is on disk now and returns the new text
 * (undefined: leave the file as it is). The text is parsed before it is written; the file's
 * hash is compared with what `compute` saw just before the write, and `compute` runs again if
 * it changed. An unreadable file is never written over.
 */
export function rewriteSidecarVia(files: FileAccess, path: string, compute: (now: ReadResult) => string | undefined, known?: LoadedSidecar): Promise<RewriteResult> {
  return inTurn(path, () =>
    files.exclusive(path, async () => {
      let wrote = false;
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const now = await readSidecarVia(files, path, known);
        const step = rewriteStep(now, compute);
        // after a write, "nothing to change" means what is on disk holds this save (merged into another writer's)
        if (wrote && step.state === 'unchanged' && now.state === 'ok') return { state: 'written', text: now.loaded.source, loaded: now.loaded } as const;
        if (step.state !== 'write') return step;
        const expected = step.before === undefined ? undefined : sha256(step.before);
        if ((await hashOnDisk(files, path)) !== expected) continue;
        await files.writeAtomic(path, step.text);
        // without a lock, another writer may have written between the check and the write: read
        // again, and if the file no longer holds this save, merge it into what is there
        if ((await hashOnDisk(files, path)) === sha256(step.text)) return { state: 'written', text: step.text, loaded: step.loaded } as const;
        wrote = true;
      }
      return kept(path);
    }),
  );
}

/** Saves `next`, given what was read before (`base`), as saveSidecar does (store.ts). */
export async function saveSidecarVia(files: FileAccess, path: string, next: Sidecar, base: LoadedSidecar | undefined, keepPending = false): Promise<SaveResult> {
  const merging = saveMerge(next, base);
  const result = await rewriteSidecarVia(files, path, merging.compute, base);
  let pendingPath: string | undefined;
  if (result.state === 'refused' && keepPending) {
    pendingPath = `${path}.pending`;
    await files.writeAtomic(pendingPath, formatSidecar(next));
  }
  return saveResult(result, next, merging.collisions(), () => pendingPath);
}
