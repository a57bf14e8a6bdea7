import * as vscode from 'vscode';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { sidecarPathFor, type Sidecar } from '../core/sidecar/model';
import { settleAnchors } from '../core/sidecar/check';
import { emptySidecar, readSidecarFile, saveSidecar, sha256 } from '../core/sidecar/store';
import type { LoadedSidecar, SidecarError } from '../core/sidecar/yamlIO';
import { t } from './l10n';

export interface SidecarState {
  path: string;
  /** What was last read from disk (the base for merging), if the file exists and is readable. */
  loaded?: LoadedSidecar;
  /** The annotations as Gloss knows them now, including edits not yet written. */
  sidecar: Sidecar;
  /** Why the file on disk cannot be read; while set, Gloss writes nothing to it. */
  error?: SidecarError;
  /** Edits kept in memory because the file could not be written. */
  pending: boolean;
}

/**
 * The sidecars of open articles: read on demand, written atomically after every decision,
 * reloaded when they change on disk (git checkout, another editor), and never written over
 * when unreadable. Problems show as diagnostics on the sidecar.
 */
export class SidecarService implements vscode.Disposable {
  private readonly states = new Map<string, SidecarState>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('gloss-sidecar');
  /** A warning in the article itself while its sidecar cannot be read. */
  private readonly articleWarnings = vscode.languages.createDiagnosticCollection('gloss-article');
  private readonly disposables: vscode.Disposable[] = [this.changed, this.diagnostics, this.articleWarnings];
  /**
   * The SHA-256 of what Gloss last wrote to each sidecar path. A watcher event is Gloss's own
   * write exactly when the file still holds those bytes; events are late and coalesce, so
   * "the next event after a write" could be someone else's write, which must be reloaded.
   */
  private readonly ownWrites = new Map<string, string>();

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.annotations.yaml');
    const reload = async (uri: vscode.Uri) => {
      const own = this.ownWrites.get(uri.fsPath);
      if (own !== undefined) {
        let onDisk: string | undefined;
        try {
          onDisk = sha256(await readFile(uri.fsPath, 'utf8'));
        } catch {
          /* deleted or unreadable: not what Gloss wrote */
        }
        if (onDisk === own) return;
        this.ownWrites.delete(uri.fsPath);
      }
      // collect first: listeners read the sidecar again and re-insert it into the map, and a
      // map iteration visits entries added during it, so deleting while iterating never ends
      const stale = [...this.states].filter(([, state]) => state.path === uri.fsPath).map(([articlePath]) => articlePath);
      for (const articlePath of stale) this.states.delete(articlePath);
      for (const articlePath of stale) this.changed.fire(vscode.Uri.file(articlePath));
    };
    const onEvent = (uri: vscode.Uri) => void reload(uri);
    this.disposables.push(watcher, watcher.onDidChange(onEvent), watcher.onDidCreate(onEvent), watcher.onDidDelete(onEvent));
  }

  private folderSetting(uri: vscode.Uri): string | undefined {
    const folder = vscode.workspace.getConfiguration('gloss', uri).get<string>('sidecarFolder');
    return folder ? folder : undefined;
  }

  pathFor(article: vscode.Uri): string {
    return sidecarPathFor(article.fsPath, this.folderSetting(article));
  }

  /** The sidecar state of an article, reading the file on first use. */
  get(article: vscode.Uri, articleText: string): SidecarState {
    const existing = this.states.get(article.fsPath);
    if (existing) return existing;
    const path = this.pathFor(article);
    const r = readSidecarFile(path);
    let state: SidecarState;
    if (r.state === 'ok') state = { path, loaded: r.loaded, sidecar: r.loaded.sidecar, pending: false };
    else if (r.state === 'missing') state = { path, sidecar: emptySidecar(basename(article.fsPath), articleText), pending: false };
    else state = { path, sidecar: emptySidecar(basename(article.fsPath), articleText), error: r.error, pending: false };
    this.states.set(article.fsPath, state);
    this.showDiagnostics(state, article);
    return state;
  }

  /**
   * Applies a change and writes the sidecar. Returns false (and keeps the change in memory)
   * when the file on disk cannot be read.
   */
  async update(article: vscode.Uri, articleText: string, change: (s: Sidecar) => Sidecar): Promise<boolean> {
    const state = this.get(article, articleText);
    const previous = state.sidecar;
    // offsets, context and hash move together, so that what is written passes `gloss check`
    state.sidecar = settleAnchors(change(state.sidecar), articleText);
    const result = saveSidecar(state.path, state.sidecar, state.loaded);
    if (result.state === 'invalid') {
      // the change itself is wrong: nothing was written, and it is not kept
      state.sidecar = previous;
      void vscode.window.showErrorMessage(t('Gloss did not save this change: {0} (the sidecar was not changed)', result.error.message));
      return false;
    }
    if (result.state === 'refused') {
      state.error = result.error;
      state.pending = true;
      this.showDiagnostics(state, article);
      const keep = t('Save pending changes beside it');
      // not awaited: a notification must never hold up the command that caused it
      void vscode.window
        .showErrorMessage(
          t('Gloss cannot read {0} (line {1}: {2}). It was not changed; your decisions are kept in memory.', basename(state.path), result.error.line ?? 1, result.error.message),
          keep,
        )
        .then((choice) => {
          if (choice === keep) saveSidecar(state.path, state.sidecar, state.loaded, true);
        });
      this.changed.fire(article);
      return false;
    }
    if (result.state === 'written') {
      this.ownWrites.set(state.path, sha256(result.text));
      state.loaded = result.loaded;
      state.sidecar = result.loaded.sidecar;
      if (result.collisions.length) {
        void vscode.window.showWarningMessage(t('The sidecar changed on disk; merged. {0}', result.collisions.map((c) => c.message).join('; ')));
      }
    } else state.loaded = result.loaded;
    state.error = undefined;
    state.pending = false;
    this.showDiagnostics(state, article);
    this.changed.fire(article);
    return true;
  }

  /** Forgets what was read, so that the next access reads the file again. */
  reload(article: vscode.Uri): void {
    this.states.delete(article.fsPath);
    this.changed.fire(article);
  }

  private showDiagnostics(state: SidecarState, article: vscode.Uri): void {
    const uri = vscode.Uri.file(state.path);
    if (!state.error) {
      this.diagnostics.delete(uri);
      this.articleWarnings.delete(article);
      return;
    }
    const warning = new vscode.Diagnostic(
      new vscode.Range(0, 0, 0, 1000),
      `Gloss: ${t('the sidecar {0} cannot be read (line {1}: {2}); Gloss writes nothing to it and keeps your decisions in memory', basename(state.path), state.error.line ?? 1, state.error.message)}`,
      vscode.DiagnosticSeverity.Warning,
    );
    warning.source = 'gloss';
    this.articleWarnings.set(article, [warning]);
    const line = Math.max(0, (state.error.line ?? 1) - 1);
    const list = (state.error.problems.length ? state.error.problems : [{ message: state.error.message, line: state.error.line }]).map((p) => {
      const l = Math.max(0, (p.line ?? line + 1) - 1);
      const d = new vscode.Diagnostic(new vscode.Range(l, 0, l, 1000), `Gloss: ${p.message}`, vscode.DiagnosticSeverity.Error);
      d.source = 'gloss';
      return d;
    });
    this.diagnostics.set(uri, list);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
