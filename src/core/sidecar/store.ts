/**
 * Sidecar files on disk: read, and write atomically (a temporary file in the same folder,
 * then a rename, keeping the file's mode). A file that cannot be read is never written over;
 * the pending changes can be kept beside it as `*.annotations.yaml.pending`.
 */
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { mergeSidecars, type Collision } from './merge';
import { SIDECAR_VERSION, type Sidecar } from './model';
import { formatSidecar, parseSidecar, SidecarError, updateSidecarText, type LoadedSidecar } from './yamlIO';

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function emptySidecar(articleName: string, articleText: string): Sidecar {
  return { version: SIDECAR_VERSION, article: articleName, sha256: sha256(articleText), annotations: [] };
}

export function writeAtomic(path: string, text: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
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

export function readSidecarFile(path: string): ReadResult {
  if (!existsSync(path)) return { state: 'missing' };
  const source = readFileSync(path, 'utf8');
  try {
    return { state: 'ok', loaded: parseSidecar(source) };
  } catch (e) {
    if (e instanceof SidecarError) return { state: 'unreadable', error: e };
    throw e;
  }
}

export type SaveResult =
  | { state: 'written'; text: string; collisions: Collision[]; loaded: LoadedSidecar }
  | { state: 'unchanged'; loaded: LoadedSidecar }
  | { state: 'refused'; error: SidecarError; pendingPath?: string };

/**
 * Saves `next`, given what was read before (`base`, undefined for a new file). When the
 * file changed on disk in between, the changes are merged by id and collisions reported.
 * When the file on disk cannot be read, nothing is written over it; with `keepPending` the
 * changes go to `<path>.pending` instead.
 */
export function saveSidecar(path: string, next: Sidecar, base: LoadedSidecar | undefined, keepPending = false): SaveResult {
  const now = readSidecarFile(path);
  if (now.state === 'unreadable') {
    let pendingPath: string | undefined;
    if (keepPending) {
      pendingPath = `${path}.pending`;
      writeAtomic(pendingPath, formatSidecar(next));
    }
    return { state: 'refused', error: now.error, ...(pendingPath ? { pendingPath } : {}) };
  }
  let target = next;
  let collisions: Collision[] = [];
  let over: LoadedSidecar | undefined = now.state === 'ok' ? now.loaded : undefined;
  if (now.state === 'ok' && base && now.loaded.source !== base.source) {
    const merge = mergeSidecars(base.sidecar, next, now.loaded.sidecar);
    target = merge.merged;
    collisions = merge.collisions;
  } else if (now.state === 'ok' && !base) {
    const merge = mergeSidecars(emptyLike(next), next, now.loaded.sidecar);
    target = merge.merged;
    collisions = merge.collisions;
  }
  const text = over ? updateSidecarText(over, target) : formatSidecar(target);
  if (over && text === over.source) return { state: 'unchanged', loaded: over };
  writeAtomic(path, text);
  over = parseSidecar(text);
  return { state: 'written', text, collisions, loaded: over };
}

function emptyLike(s: Sidecar): Sidecar {
  return { ...s, annotations: [] };
}
