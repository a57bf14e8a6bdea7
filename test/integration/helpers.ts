import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GlossApi } from '../../src/extension/extension';

export const EXTENSION_ID = 'gloss-dev.gloss';

export async function activateGloss(): Promise<GlossApi> {
  const ext = vscode.extensions.getExtension<GlossApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
  return ext.activate();
}

export function workspaceFile(...parts: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need the fixture workspace open');
  return vscode.Uri.joinPath(folder.uri, ...parts);
}

/** Waits until `probe` returns a truthy value, polling; fails with `what` after `ms`. */
export async function waitFor<T>(probe: () => T | Promise<T>, what: string, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function openArticle(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceFile('articles', name));
  const editor = await vscode.window.showTextDocument(doc);
  await waitFor(() => editor.document.languageId === 'article', `${name} to become an article`);
  return editor;
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}
