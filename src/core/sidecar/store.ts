/**
 * Sidecar files on disk: read, and write atomically (a temporary file in the same folder,
 * then a rename, keeping the file's mode). Every write happens under the file's lock
 * (lock.ts), re-reads the file inside it and merges by id, and checks once more just before
 * the rename that nothing (a text editor, which takes no lock) changed the file meanwhile:
 * no save is lost. A file that cannot be read is never written over; the pending changes
 * can be kept beside it as `*.annotations.yaml.pending`. Nothing invalid is ever written.
 */
import { createHash } from 'node:crypto';
import { chmodSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { withFileLock } from './lock';
import { mergeSidecars, type Collision } from './merge';
import { SIDECAR_VERSION, type Sidecar } from './model';
import { formatSidecar, MAX_SIDECAR_BYTES, parseSidecar, SidecarError, tooLarge, updateSidecarText, type LoadedSidecar } from './yamlIO';

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function emptySidecar(articleName: string, articleText: string): Sidecar {
  return { version: SIDECAR_VERSION, article: articleName, sha256: sha256(articleText), annotations: [] };
}

let tmpCounter = 0;

export function writeAtomic(path: string, text: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.${tmpCounter++}.tmp`);
  let mode: number | undefined;
  try {
    mode = statSync(path).mode & 0o7777;
  } catch {
    /* a new file */
  }
  try {
    writeFileSync(tmp, text, { encoding: 'utf8', flag: 'wx', ...(mode !== undefined ? { mode } : {}) });
    if (mode !== undefined) chmodSync(tmp, mode);
    renameSync(tmp, path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* nothing to clean */
    }
    throw e;
  }
}

export type ReadResult =
  | { state: 'missing' }
  | { state: 'ok'; loaded: LoadedSidecar }
  | { state: 'unreadable'; error: SidecarError };

/** The file's text, or undefined when it does not exist; too large a file is refused before it is read. */
function readSource(path: string): string | undefined {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  if (size > MAX_SIDECAR_BYTES) throw tooLarge(size);
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** Reads and parses a sidecar; `known` is reused when the file still holds its text. */
export function readSidecarFile(path: string, known?: LoadedSidecar): ReadResult {
  try {
    const source = readSource(path);
    if (source === undefined) return { state: 'missing' };
    return { state: 'ok', loaded: known && known.source === source ? known : parseSidecar(source) };
  } catch (e) {
    if (e instanceof SidecarError) return { state: 'unreadable', error: e };
    throw e;
  }
}

/** Whether the file still holds what was read (`undefined`: it did not exist). */
function unchangedOnDisk(path: string, source: string | undefined): boolean {
  try {
    return readSource(path) === source;
  } catch {
    return false;
  }
}

/** How often a write is recomputed when the file keeps changing under it (by writers that take no lock). */
export const MAX_ATTEMPTS = 20;

export type RewriteResult =
  | { state: 'written'; text: string; loaded: LoadedSidecar }
  | { state: 'unchanged'; loaded?: LoadedSidecar }
  | { state: 'refused'; error: SidecarError }
  | { state: 'invalid'; error: SidecarError };

/**
 * Rewrites a sidecar safely: under its lock, `compute` gets what is on disk now and returns
 * the new text (undefined: leave the file as it is). The text is parsed and validated before
 * it is written; the file is compared with what `compute` saw just before the rename, and
 * `compute` runs again if it changed. An unreadable file is never written over.
 */
export function rewriteSidecarFile(path: string, compute: (now: ReadResult) => string | undefined, known?: LoadedSidecar): RewriteResult {
  return withFileLock(path, () => {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const now = readSidecarFile(path, known);
      const step = rewriteStep(now, compute);
      if (step.state !== 'write') return step;
      if (!unchangedOnDisk(path, step.before)) continue;
      writeAtomic(path, step.text);
      return { state: 'written', text: step.text, loaded: step.loaded };
    }
    return kept(path);
  });
}

/** One attempt of a rewrite, given what is on disk now: a result, or the text to write if the file still holds `before`. */
export function rewriteStep(
  now: ReadResult,
  compute: (now: ReadResult) => string | undefined,
): RewriteResult | { state: 'write'; text: string; loaded: LoadedSidecar; before: string | undefined } {
  if (now.state === 'unreadable') return { state: 'refused', error: now.error };
  const before = now.state === 'ok' ? now.loaded : undefined;
  const text = compute(now);
  if (text === undefined || text === before?.source) return { state: 'unchanged', ...(before ? { loaded: before } : {}) };
  try {
    return { state: 'write', text, loaded: parseSidecar(text), before: before?.source };
  } catch (e) {
    if (e instanceof SidecarError) return { state: 'invalid', error: e };
    throw e;
  }
}

/** What a rewrite gives up with when the file changed under every attempt. */
export function kept(path: string): RewriteResult {
  return { state: 'refused', error: new SidecarError('busy', `${basename(path)} kept changing while Gloss tried to save it; nothing was written`) };
}

export type SaveResult =
  | { state: 'written'; text: string; collisions: Collision[]; loaded: LoadedSidecar }
  | { state: 'unchanged'; loaded: LoadedSidecar }
  | { state: 'refused'; error: SidecarError; pendingPath?: string }
  /** The change itself is invalid (it would make the file unreadable): nothing was written. */
  | { state: 'invalid'; error: SidecarError };

/**
 * Saves `next`, given what was read before (`base`, undefined for a new file). Whatever is
 * on disk at the moment of writing is merged by id with the changes from `base` to `next`,
 * and collisions reported. When the file on disk cannot be read, nothing is written over
 * it; with `keepPending` the changes go to `<path>.pending` instead.
 */
export function saveSidecar(path: string, next: Sidecar, base: LoadedSidecar | undefined, keepPending = false): SaveResult {
  const merging = saveMerge(next, base);
  const result = rewriteSidecarFile(path, merging.compute, base);
  return saveResult(result, next, merging.collisions(), () => {
    if (!keepPending) return undefined;
    writeAtomic(`${path}.pending`, formatSidecar(next));
    return `${path}.pending`;
  });
}

/**
 * What a save writes, given what is on disk now: `next` merged by id with the changes made
 * on disk since `base` was read (the collisions of the last computation are kept).
 */
export function saveMerge(next: Sidecar, base: LoadedSidecar | undefined): { compute: (now: ReadResult) => string; collisions: () => Collision[] } {
  let collisions: Collision[] = [];
  const compute = (now: ReadResult): string => {
    collisions = [];
    if (now.state !== 'ok') return formatSidecar(next);
    let target = next;
    if (!base || now.loaded.source !== base.source) {
      const merge = mergeSidecars(base?.sidecar ?? { ...next, annotations: [] }, next, now.loaded.sidecar);
      target = merge.merged;
      collisions = merge.collisions;
    }
    return updateSidecarText(now.loaded, target);
  };
  return { compute, collisions: () => collisions };
}

/** A rewrite's result as a save's; `keepPending` writes the changes beside a refused file and says where. */
export function saveResult(result: RewriteResult, next: Sidecar, collisions: Collision[], keepPending: () => string | undefined): SaveResult {
  switch (result.state) {
    case 'written':
      return { ...result, collisions };
    case 'unchanged':
      return { state: 'unchanged', loaded: result.loaded ?? parseSidecar(formatSidecar(next)) };
    case 'invalid':
      return result;
    case 'refused': {
      const pendingPath = keepPending();
      return { state: 'refused', error: result.error, ...(pendingPath ? { pendingPath } : {}) };
    }
  }
}
