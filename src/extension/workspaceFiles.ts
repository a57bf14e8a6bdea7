import * as vscode from 'vscode';
import type { FileAccess } from '../core/io/fileAccess';

let tmpCounter = 0;

function isMissing(e: unknown): boolean {
  return e instanceof vscode.FileSystemError && e.code === 'FileNotFound';
}

/**
 * The core's FileAccess over `vscode.workspace.fs`, for the files of one file system (the
 * scheme and authority of `near`, an article's URI): local, remote (SSH, WSL, containers) or
 * virtual alike. workspace.fs has no lock: `exclusive` runs at once and the store relies on
 * its compare-and-swap. A write goes to a temporary file beside the target, then is renamed
 * over it, so that a reader never sees half a file.
 */
export function workspaceFiles(near: vscode.Uri): FileAccess & { uri(path: string): vscode.Uri } {
  const uri = (path: string) => near.with({ path, query: '', fragment: '' });
  return {
    uri,
    async size(path) {
      try {
        return (await vscode.workspace.fs.stat(uri(path))).size;
      } catch (e) {
        if (isMissing(e)) return undefined;
        throw e;
      }
    },
    async read(path) {
      try {
        return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await vscode.workspace.fs.readFile(uri(path)));
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
