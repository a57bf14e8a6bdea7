/**
 * Scratch fixtures and polling for the "finding your way" suites (uiLanguage, walkthrough,
 * symbols, rough edges): each test copies its own articles from test/fixtures/ux into a
 * folder of its own under the workspace's `articles/`, once the file watcher watches it.
 */
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { workspaceFile } from './helpers';

export function scaled(ms: number): number {
  const n = Number(process.env.GLOSS_TIMEOUT_SCALE || 1);
  return Math.round(ms * (Number.isFinite(n) && n >= 1 ? n : 1));
}

/** Polls every 200 ms until `probe` gives a truthy value; fails after scaled(ms). */
export async function poll<T>(probe: () => T | PromiseLike<T>, what: string, ms = 10_000): Promise<NonNullable<T>> {
  const end = Date.now() + scaled(ms);
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v as NonNullable<T>;
      last = undefined;
    } catch (e) {
      last = e;
    }
    if (Date.now() >= end) throw new Error(`timed out after ${scaled(ms)} ms waiting for ${what}${last ? ` (last error: ${last instanceof Error ? last.message : String(last)})` : ''}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const UX_FIXTURES = join(__dirname, '../../../test/fixtures/ux');
let count = 0;

export interface Scratch {
  dir: string;
  uri(fixture: string): vscode.Uri;
  dispose(): void;
}

/** Fresh copies of test/fixtures/ux articles in a folder of their own, with unique names. */
export async function uxArticles(...fixtures: string[]): Promise<Scratch> {
  const tag = `ux${process.pid.toString(36)}${Date.now().toString(36)}${(++count).toString(36)}`;
  const dir = join(workspaceFile('articles').fsPath, tag);
  mkdirSync(dir, { recursive: true });
  // files created in a folder the watcher has not added yet are never reported: wait for it
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.gloss-canary');
  const canary = join(dir, '.watch.gloss-canary');
  let seen = false;
  watcher.onDidCreate((u) => (seen ||= u.fsPath === canary));
  watcher.onDidChange((u) => (seen ||= u.fsPath === canary));
  try {
    await poll(() => {
      if (!seen) writeFileSync(canary, `${Date.now()}\n`);
      return seen;
    }, `the file watcher to watch ${dir}`);
  } finally {
    watcher.dispose();
    rmSync(canary, { force: true });
  }
  const name = (f: string) => f.replace(/\.txt$/, `-${tag}.txt`);
  for (const f of fixtures) copyFileSync(join(UX_FIXTURES, f), join(dir, name(f)));
  return { dir, uri: (f) => vscode.Uri.file(join(dir, name(f))), dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Opens an article and waits until Gloss gave it the article language. */
export async function openUx(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  await poll(() => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.languageId === 'article', `${uri.path} to become an article`);
  return vscode.window.activeTextEditor ?? editor;
}
