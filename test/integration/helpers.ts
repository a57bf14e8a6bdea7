/**
 * Helpers for suites that run inside the VS Code extension host. Use them in new tests:
 *
 * - `scaled(ms)`: a time limit scaled by GLOSS_TIMEOUT_SCALE (default 1; .ci/run sets 3).
 *   Write limits as an idle machine needs them; `waitFor` scales its own.
 * - `waitFor(probe, what, ms)`: polls every 200 ms until `probe` gives a truthy value, which
 *   it returns; fails after scaled(ms) with "timed out … waiting for <what>". Never sleep a
 *   fixed time: poll for the condition you need. A probe that throws counts as "not yet".
 * - `timeoutFor(...waits)`: a mocha timeout above the sum of a test's waits (unscaled ms,
 *   as passed to waitFor) plus a margin for the work between them, scaled. Call
 *   `this.timeout(timeoutFor(...))` in tests that wait longer than the default allows
 *   (DEFAULT_TEST_TIMEOUT_MS, enough for four default waits).
 * - `await scratchArticles(...names)`: fresh copies of fixture articles (test/fixtures/corpus) in a
 *   folder of their own under the workspace's `articles/`, with unique file names, once the
 *   file watcher watches that folder (so Gloss indexes them and sees their sidecars), so that
 *   each test has its own sidecars and can run alone (GLOSS_TEST_GREP). Never rely on what an
 *   earlier test left behind, and never write to the shared fixture copies.
 * - `openArticle(uriOrName)`: opens an article and waits until Gloss gave it the article language.
 * - `sidecarAnnotations(path)`: the annotations of a sidecar on disk, parsed (not a regex over the text).
 */
import * as assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import type { GlossApi } from '../../src/extension/extension';

export const EXTENSION_ID = 'gloss-dev.gloss';
export const POLL_MS = 200;

/** GLOSS_TIMEOUT_SCALE (default 1), as the runners read it. */
export function timeoutScale(): number {
  const raw = process.env.GLOSS_TIMEOUT_SCALE;
  if (raw === undefined || raw === '') return 1;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 1) throw new Error(`GLOSS_TIMEOUT_SCALE must be a number ≥ 1, not ${JSON.stringify(raw)}`);
  return n;
}

export function scaled(ms: number): number {
  return Math.round(ms * timeoutScale());
}

export const DEFAULT_WAIT_MS = 10_000;
/** The default limit of one test: the sum of four default waits and a margin (unscaled). */
export const DEFAULT_TEST_TIMEOUT_MS = 4 * DEFAULT_WAIT_MS + 10_000;

/** A mocha timeout above the sum of `waits` (unscaled, as given to waitFor), with a margin. */
export function timeoutFor(...waits: number[]): number {
  return scaled(waits.reduce((a, b) => a + b, 0) + 10_000);
}

/** Waits until `probe` returns a truthy value, polling every 200 ms; fails with `what` after scaled(ms). */
export async function waitFor<T>(probe: () => T | Promise<T>, what: string, ms = DEFAULT_WAIT_MS): Promise<NonNullable<T>> {
  const limit = scaled(ms);
  const end = Date.now() + limit;
  let lastError: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v as NonNullable<T>;
      lastError = undefined;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() >= end) {
      const why = lastError ? ` (last error: ${lastError instanceof Error ? lastError.message : String(lastError)})` : '';
      throw new Error(`timed out after ${limit} ms waiting for ${what}${why}`);
    }
    await new Promise((r) => setTimeout(r, Math.min(POLL_MS, Math.max(1, end - Date.now()))));
  }
}

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

/** test/fixtures/corpus, from the compiled tests (out/test/integration or out/test/packaged). */
const FIXTURE_CORPUS = join(__dirname, '../../../test/fixtures/corpus');
let scratchCount = 0;

export interface ScratchArticles {
  /** The folder, under the workspace's `articles/`. */
  dir: string;
  /** The copy of a fixture article, by the fixture's file name. */
  uri(fixture: string): vscode.Uri;
  /** The sidecar path of that copy (beside it). */
  sidecar(fixture: string): string;
  /** The copy's file name (the fixture's stem with this folder's tag). */
  fileName(fixture: string): string;
}

/**
 * Waits until the workspace's file watcher reports changes in `dir`, a folder just created:
 * files created in a new folder before the watcher has added it are never reported (inotify),
 * so Gloss would not index them. A canary file is written until its event arrives.
 */
async function untilWatched(dir: string): Promise<void> {
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.gloss-canary');
  const canary = join(dir, '.watch.gloss-canary');
  let seen = false;
  const onEvent = (uri: vscode.Uri) => {
    if (uri.fsPath === canary) seen = true;
  };
  try {
    watcher.onDidCreate(onEvent);
    watcher.onDidChange(onEvent);
    await waitFor(() => {
      if (!seen) writeFileSync(canary, `${Date.now()}\n`);
      return seen;
    }, `the file watcher to watch ${dir}`);
  } finally {
    watcher.dispose();
    rmSync(canary, { force: true });
  }
}

/** Fresh copies of fixture articles in a folder of their own, with file names unique to it. */
export async function scratchArticles(...fixtures: string[]): Promise<ScratchArticles> {
  return scratchArticlesFrom(FIXTURE_CORPUS, ...fixtures);
}

/** As scratchArticles, with fixtures from another folder of test/fixtures (an absolute path). */
export async function scratchArticlesFrom(fixtureFolder: string, ...fixtures: string[]): Promise<ScratchArticles> {
  const tag = `t${process.pid.toString(36)}${Date.now().toString(36)}${(++scratchCount).toString(36)}`;
  const dir = join(workspaceFile('articles').fsPath, tag);
  mkdirSync(dir, { recursive: true });
  await untilWatched(dir);
  const fileName = (fixture: string) => fixture.replace(/\.txt$/, `-${tag}.txt`);
  for (const f of fixtures) copyFileSync(join(fixtureFolder, f), join(dir, fileName(f)));
  return {
    dir,
    fileName,
    uri: (fixture) => vscode.Uri.file(join(dir, fileName(fixture))),
    sidecar: (fixture) => join(dir, fileName(fixture).replace(/\.txt$/, '.annotations.yaml')),
  };
}

export async function openArticle(article: vscode.Uri | string): Promise<vscode.TextEditor> {
  const uri = typeof article === 'string' ? workspaceFile('articles', article) : article;
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc);
  await waitFor(() => editor.document.languageId === 'article', `${basename(uri.fsPath)} to become an article`);
  return editor;
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

export interface SidecarEntry {
  id: string;
  kind: string;
  status: string;
  quote: string;
  [field: string]: unknown;
}

/** The annotations of the sidecar at `path`, parsed; [] while the file does not exist. */
export function sidecarAnnotations(path: string): SidecarEntry[] {
  if (!existsSync(path)) return [];
  const doc = parse(readFileSync(path, 'utf8')) as { annotations?: SidecarEntry[] } | null;
  return doc?.annotations ?? [];
}
