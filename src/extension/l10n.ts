import * as vscode from 'vscode';

/** Runtime strings, translated through the bundles in `l10n/`. */
export function t(message: string, ...args: Array<string | number>): string {
  return vscode.l10n.t(message, ...args);
}
