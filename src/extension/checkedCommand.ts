import * as vscode from 'vscode';
import { dirname, isAbsolute, relative } from 'node:path';
import { COMMAND_ARGS, isUriLike, type ArgEnv, type ViewCommandId } from './commandArgs';
import type { GlossCommandId } from './commands';
import { t } from './l10n';

/** What commands may act on: documents open in the editor, or files in the workspace. */
const ARG_ENV: ArgEnv = {
  uriAllowed(uri: unknown): boolean {
    let parsed: vscode.Uri;
    try {
      if (uri instanceof vscode.Uri) parsed = uri;
      else if (typeof uri === 'string' && uri.length <= 4096) parsed = vscode.Uri.parse(uri, true);
      else if (isUriLike(uri)) parsed = vscode.Uri.from(uri as { scheme: string; path: string });
      else return false;
    } catch {
      return false;
    }
    const key = parsed.toString();
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === key)) return true;
    return parsed.scheme === 'file' && vscode.workspace.getWorkspaceFolder(parsed) !== undefined;
  },
  exportPathAllowed(path: string): boolean {
    if (!isAbsolute(path) || path.length > 4096) return false;
    const inside = (folder: string) => {
      const rel = relative(folder, path);
      return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
    };
    const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath);
    const articles = vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'file').map((d) => dirname(d.uri.fsPath));
    return [...folders, ...articles].some(inside) && !/\.(txt|annotations\.yaml)$/.test(path);
  },
};

/**
 * A command through its argument check (commandArgs.ts): invalid arguments give a clear
 * message and the handler never runs, so nothing changes.
 */
export function registerCheckedCommand(id: GlossCommandId | ViewCommandId, handler: (...args: never[]) => unknown): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    const problem = COMMAND_ARGS[id](args, ARG_ENV);
    if (problem) {
      void vscode.window.showErrorMessage(t('Gloss did not run {0}: {1}. Nothing was changed.', id, problem));
      return undefined;
    }
    return (handler as (...args: unknown[]) => unknown)(...args);
  });
}
