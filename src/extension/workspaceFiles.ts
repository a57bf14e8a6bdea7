import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import type { FileAccess } from '../core/io/fileAccess';

let tmpCounter = 0;

function isMissing(e: unknown): boolean {
  return e instanceof vscode.FileSystemError && e.code === 'FileNotFound';
}

/**
 * node's error as workspace.fs reports it on a disk (VS Code's disk provider maps the same
 * codes): callers test for FileNotFound, and node's message (EISDIR: illegal operation on a
 * directory, read) says why in the log.
 */
function asFileSystemError(e: unknown): unknown {
  const error = e as NodeJS.ErrnoException;
  switch (error.code) {
    case 'ENOENT':
      return vscode.FileSystemError.FileNotFound(error.message);
    case 'ENOTDIR':
      return vscode.FileSystemError.FileNotADirectory(error.message);
    case 'EISDIR':
      return vscode.FileSystemError.FileIsADirectory(error.message);
    case 'EACCES':
    case 'EPERM':
      return vscode.FileSystemError.NoPermissions(error.message);
    default:
      return e;
  }
}

/**
 * A file's bytes, as `workspace.fs.readFile` gives them. A file: URI names a file on the
 * extension host's own disk (remote hosts included), and node's fs reads it there: workspace.fs
 * asks the workbench, a round trip that took two seconds on a busy code-server, before the
 * first lens could be shown (the workspace lexicon is read first). Other schemes (virtual
 * file systems) go through workspace.fs.
 */
export async function readBytes(uri: vscode.Uri): Promise<Uint8Array> {
  if (uri.scheme !== 'file') return vscode.workspace.fs.readFile(uri);
  try {
    return await fs.readFile(uri.fsPath);
  } catch (e) {
    throw asFileSystemError(e);
  }
}

/** A file's size in bytes, as `workspace.fs.stat` gives it (read as readBytes reads). */
export async function fileSize(uri: vscode.Uri): Promise<number> {
  if (uri.scheme !== 'file') return (await vscode.workspace.fs.stat(uri)).size;
  try {
    return (await fs.stat(uri.fsPath)).size;
  } catch (e) {
    throw asFileSystemError(e);
  }
}

/**
 * The core's FileAccess over `vscode.workspace.fs`, for the files of one file system (the
 * scheme and authority of `near`, an article's URI): local, remote (SSH, WSL, containers) or
 * virtual alike. Reads of file: URIs take node's fs (readBytes). workspace.fs has no lock: `exclusive` runs at once and the store relies on
 * its compare-and-swap. A write goes to a temporary file beside the target, then is renamed
 * over it, so that a reader never sees half a file.
 */
export function workspaceFiles(near: vscode.Uri): FileAccess & { uri(path: string): vscode.Uri } {
  const uri = (path: string) => near.with({ path, query: '', fragment: '' });
  return {
    uri,
    async size(path) {
      try {
        return await fileSize(uri(path));
      } catch (e) {
        if (isMissing(e)) return undefined;
        throw e;
      }
    },
    async read(path) {
      try {
        return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await readBytes(uri(path)));
      } catch (e) {
        if (isMissing(e)) return undefined;
        throw e;
      }
    },
    async writeAtomic(path, text) {
      const target = uri(path);
      const slash = path.lastIndexOf('/');
      await vscode.workspace.fs.createDirectory(uri(path.slice(0, slash) || '/'));
      const tmp = uri(`${path.slice(0, slash + 1)}.${path.slice(slash + 1)}.${Date.now()}.${tmpCounter++}.tmp`);
      await vscode.workspace.fs.writeFile(tmp, new TextEncoder().encode(text));
      try {
        await vscode.workspace.fs.rename(tmp, target, { overwrite: true });
      } catch (e) {
        await vscode.workspace.fs.delete(tmp).then(undefined, () => undefined);
        throw e;
      }
    },
    exclusive: (_path, fn) => fn(),
  };
}
