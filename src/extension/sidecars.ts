import * as vscode from 'vscode';
import { basename } from 'node:path';
import { sidecarPathFor, type Sidecar } from '../core/sidecar/model';
import { settleAnchors } from '../core/sidecar/check';
import { emptySidecar, sha256, type ReadResult } from '../core/sidecar/store';
import { readSidecarVia, saveSidecarVia } from '../core/sidecar/sidecarFiles';
import type { LoadedSidecar, SidecarError } from '../core/sidecar/yamlIO';
import { t } from './l10n';
import { Lazy, soon } from './lazy';
import { readBytes, workspaceFiles } from './workspaceFiles';

export interface SidecarState {
  /** The sidecar's path on its article's file system (fsPath for files on disk). */
  path: string;
  /** The sidecar's URI: the article's scheme and authority, the sidecar's path. */
  uri: vscode.Uri;
  /** Set while the file is being read or written: until it is read, the state shows no decisions. */
  loading?: Promise<void>;
  /** What was last read from disk (the base for merging), if the file exists and is readable. */
  loaded?: LoadedSidecar;
  /** The annotations as Gloss knows them now, including edits not yet written. */
  sidecar: Sidecar;
  /** Why the file on disk cannot be read; while set, Gloss writes nothing to it. */
  error?: SidecarError;
  /** Edits kept in memory because the file could not be written. */
  pending: boolean;
  /** Why the file could not be read at all (not a sidecar problem: a folder in its place, no permission). */
  failure?: Error;
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
  private readonly diagnostics = new Lazy(() => vscode.languages.createDiagnosticCollection('gloss-sidecar'));
  /** A warning in the article itself while its sidecar cannot be read. */
  private readonly articleWarnings = new Lazy(() => vscode.languages.createDiagnosticCollection('gloss-article'));
  private readonly disposables: vscode.Disposable[] = [this.changed, this.diagnostics, this.articleWarnings];
  /**
   * The SHA-256 of what Gloss last wrote to each sidecar path. A watcher event is Gloss's own
   * write exactly when the file still holds those bytes; events are late and coalesce, so
   * "the next event after a write" could be someone else's write, which must be reloaded.
   */
  private readonly ownWrites = new Map<string, string>();

  constructor() {
    const reload = async (uri: vscode.Uri) => {
      const own = this.ownWrites.get(uri.toString());
      if (own !== undefined) {
        let onDisk: string | undefined;
        try {
          onDisk = sha256(new TextDecoder('utf-8', { ignoreBOM: true }).decode(await readBytes(uri)));
        } catch {
          /* deleted or unreadable: not what Gloss wrote */
        }
        if (onDisk === own) return;
        this.ownWrites.delete(uri.toString());
      }
      // collect first: reading again fires listeners, which may read other sidecars
      const stale = [...this.states].filter(([, state]) => state.uri.toString() === uri.toString());
      // what was shown stays shown until the new text is read, then the article is drawn again
      await Promise.all(stale.map(([, state]) => this.read(state)));
      for (const [articleKey, state] of stale) if (this.states.get(articleKey) === state) this.changed.fire(vscode.Uri.parse(articleKey));
    };
    const onEvent = (uri: vscode.Uri) => void reload(uri);
    this.disposables.push(
      soon(() => {
        const watcher = vscode.workspace.createFileSystemWatcher('**/*.annotations.yaml');
        return [watcher, watcher.onDidChange(onEvent), watcher.onDidCreate(onEvent), watcher.onDidDelete(onEvent)];
      }),
    );
  }

  private folderSetting(uri: vscode.Uri): string | undefined {
    const folder = vscode.workspace.getConfiguration('gloss', uri).get<string>('sidecarFolder');
    return folder ? folder : undefined;
  }

  /** The sidecar's URI, on the article's own file system. */
  uriFor(article: vscode.Uri): vscode.Uri {
    return article.with({ path: sidecarPathFor(article.path, this.folderSetting(article)), query: '', fragment: '' });
  }

  pathFor(article: vscode.Uri): string {
    const uri = this.uriFor(article);
    return uri.scheme === 'file' ? uri.fsPath : uri.path;
  }

  /**
   * The sidecar state of an article. The file is read (readBytes: node's fs on the extension
   * host's disk, workspace.fs elsewhere) on first use:
   * until it is, the state shows no decisions and `onDidChange` fires once it is read.
   * Callers that act on the decisions await `load` instead.
   */
  get(article: vscode.Uri, articleText: string): SidecarState {
    const state = this.ensure(article, articleText);
    // what is drawn from it before it is read must be drawn again once it is
    if (state.loading) this.shownEarly.add(state);
    return state;
  }

  /** The sidecar state of an article that was asked for before (undefined otherwise: nothing is read here). */
  peek(article: vscode.Uri): SidecarState | undefined {
    return this.states.get(article.toString());
  }

  /** The `date:` in the header of the article's sidecar, as last read or set (undefined before it is read: nothing is read here). */
  dateOf(article: vscode.Uri): string | undefined {
    return this.states.get(article.toString())?.sidecar.date;
  }

  /** The sidecar state of an article, once its file has been read. */
  async load(article: vscode.Uri, articleText: string): Promise<SidecarState> {
    const state = this.ensure(article, articleText);
    while (state.loading) await state.loading;
    return state;
  }

  /** States handed out (by `get`) while still being read. */
  private readonly shownEarly = new WeakSet<SidecarState>();

  private ensure(article: vscode.Uri, articleText: string): SidecarState {
    const key = article.toString();
    const existing = this.states.get(key);
    if (existing) return existing;
    const uri = this.uriFor(article);
    const state: SidecarState = { path: this.pathFor(article), uri, sidecar: emptySidecar(basename(article.path), articleText), pending: false };
    this.states.set(key, state);
    void this.read(state, articleText, article).then(() => {
      // no sidecar changes nothing of what was shown meanwhile: only a file read (or not) is news
      const news = state.loaded || state.error || state.failure;
      if (news && this.shownEarly.has(state) && this.states.get(key) === state) this.changed.fire(article);
    });
    return state;
  }

  /** Reads the file into `state` (in place, so that holders of the state see it). */
  private read(state: SidecarState, articleText?: string, article?: vscode.Uri): Promise<void> {
    return this.serial(state, async () => {
      let r: ReadResult;
      try {
        r = await readSidecarVia(workspaceFiles(state.uri), state.uri.path);
      } catch (e) {
        state.failure = e as Error;
        void vscode.window.showErrorMessage(t('Gloss cannot read {0}: {1}', basename(state.uri.path), (e as Error).message));
        return;
      }
      delete state.failure;
      const at = article ?? this.articleOf(state);
      if (state.pending && r.state !== 'unreadable') {
        // the file is readable (or gone) again: the decisions kept in memory meanwhile are merged
        // into what it holds now, from the last version read, and written (a read had dropped them)
        const text = articleText ?? vscode.workspace.textDocuments.find((d) => d.uri.toString() === at.toString())?.getText();
        if (text !== undefined) {
          state.error = undefined;
          await this.save(state, at, text, (kept) => kept);
          return;
        }
      }
      const empty = () => emptySidecar(state.sidecar.article, articleText ?? '');
      if (r.state === 'ok') Object.assign(state, { loaded: r.loaded, sidecar: r.loaded.sidecar, error: undefined });
      else if (r.state === 'missing') Object.assign(state, { loaded: undefined, sidecar: state.pending ? state.sidecar : articleText !== undefined ? empty() : withoutDecisions(state.sidecar), error: undefined });
      else Object.assign(state, { loaded: undefined, error: r.error });
      this.showDiagnostics(state, at);
    });
  }

  /**
   * Runs `work` on a state after whatever read or save of it is under way, so that a read
   * never lands between a save's merge and its result (and shows what was there before).
   */
  private serial<T>(state: SidecarState, work: () => Promise<T>): Promise<T> {
    const run = (state.loading ?? Promise.resolve()).then(work);
    const settled: Promise<void> = run.then(
      () => undefined,
      () => undefined,
    ).finally(() => {
      if (state.loading === settled) delete state.loading;
    });
    state.loading = settled;
    return run;
  }

  private articleOf(state: SidecarState): vscode.Uri {
    for (const [key, s] of this.states) if (s === state) return vscode.Uri.parse(key);
    return state.uri;
  }

  /**
   * Applies a change and writes the sidecar. Returns false (and keeps the change in memory)
   * when the file on disk cannot be read.
   */
  update(article: vscode.Uri, articleText: string, change: (s: Sidecar) => Sidecar): Promise<boolean> {
    const state = this.get(article, articleText);
    return this.serial(state, () => this.save(state, article, articleText, change));
  }

  private async save(state: SidecarState, article: vscode.Uri, articleText: string, change: (s: Sidecar) => Sidecar): Promise<boolean> {
    const previous = state.sidecar;
    // offsets, context and hash move together, so that what is written passes `gloss check`
    state.sidecar = settleAnchors(change(state.sidecar), articleText);
    const files = workspaceFiles(state.uri);
    const result = await saveSidecarVia(files, state.uri.path, state.sidecar, state.loaded);
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
          if (choice === keep) void saveSidecarVia(files, state.uri.path, state.sidecar, state.loaded, true);
        });
      this.changed.fire(article);
      return false;
    }
    if (result.state === 'written') {
      this.ownWrites.set(state.uri.toString(), sha256(result.text));
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
    this.states.delete(article.toString());
    this.changed.fire(article);
  }

  private showDiagnostics(state: SidecarState, article: vscode.Uri): void {
    const uri = state.uri;
    if (!state.error) {
      this.diagnostics.existing?.delete(uri);
      this.articleWarnings.existing?.delete(article);
      return;
    }
    const warning = new vscode.Diagnostic(
      new vscode.Range(0, 0, 0, 1000),
      `Gloss: ${t('the sidecar {0} cannot be read (line {1}: {2}); Gloss writes nothing to it and keeps your decisions in memory', basename(state.path), state.error.line ?? 1, state.error.message)}`,
      vscode.DiagnosticSeverity.Warning,
    );
    warning.source = 'gloss';
    this.articleWarnings.value.set(article, [warning]);
    const line = Math.max(0, (state.error.line ?? 1) - 1);
    const list = (state.error.problems.length ? state.error.problems : [{ message: state.error.message, line: state.error.line }]).map((p) => {
      const l = Math.max(0, (p.line ?? line + 1) - 1);
      const d = new vscode.Diagnostic(new vscode.Range(l, 0, l, 1000), `Gloss: ${p.message}`, vscode.DiagnosticSeverity.Error);
      d.source = 'gloss';
      return d;
    });
    this.diagnostics.value.set(uri, list);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** What is left of a sidecar deleted on disk: no decisions, and no date (the article's relative dates go back to its dateline). */
function withoutDecisions(sidecar: Sidecar): Sidecar {
  const { date: _gone, ...rest } = sidecar;
  return { ...rest, annotations: [] };
}
