import * as vscode from 'vscode';
import { FirstRead } from './firstRead';
import { builtinLexicon, type EntityType, type Lexicon } from '../core/entities/lexicon';
import { LEXICON_PATH, LexiconError, addToWorkspaceLexicon, parseWorkspaceLexicon, setIgnoredInWorkspaceLexicon, type WorkspaceLexicon } from '../core/entities/workspaceLexicon';
import { t } from './l10n';
import { Lazy, soon } from './lazy';
import { sha256 } from './indexCache';
import { workspaceFiles } from './workspaceFiles';
import { CorpusIndex } from './corpusIndex';


/** How long a read of the workspace lexicon begun at activation serves its first use (ms). */
const PREFETCH_FRESH_MS = 10_000;

/**
 * The workspace lexicon: read from `.gloss/lexicon.yaml` of the first workspace folder,
 * watched for changes (git checkout, another editor), and written when the user teaches an
 * entity. A file that cannot be read is never written over.
 */
export class LexiconService implements vscode.Disposable {
  private workspace: WorkspaceLexicon | undefined;
  /** The content hash of the workspace lexicon last read ('' when there is none); undefined before the first read. */
  private sourceHash: string | undefined;
  private error: LexiconError | undefined;
  /** Built on first use, not at activation: converting every alias loads the script dictionaries. */
  private current: Lexicon | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  readonly corpus: CorpusIndex;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private readonly diagnostics = new Lazy(() => vscode.languages.createDiagnosticCollection('gloss-lexicon'));
  private readonly firstRead = new FirstRead(
    () => this.load(false),
    () => this.changed.fire(),
    (e) => console.error('Gloss: the workspace lexicon could not be read', e),
  );

  constructor() {
    this.corpus = new CorpusIndex(() => this.lexicon, () => this.whenRead());
    this.disposables.push(this.corpus, this.diagnostics);
    const reload = () => {
      // a read begun before this change may hold the old text
      this.prefetched = undefined;
      void this.load();
    };
    this.disposables.push(
      soon(() => {
        const watcher = vscode.workspace.createFileSystemWatcher(`**/${LEXICON_PATH}`);
        return [watcher, watcher.onDidChange(reload), watcher.onDidCreate(reload), watcher.onDidDelete(reload)];
      }),
    );
  }

  /**
   * The lexicon in use. The workspace lexicon is read (readBytes: node's fs on the extension
   * host's disk, workspace.fs elsewhere) on first use:
   * until it is, the built-in one serves, and `onDidChange` fires once the user's entities are
   * in, if the built-in one was handed out meanwhile (what was found with it is out of date).
   */
  get lexicon(): Lexicon {
    this.firstRead.served();
    this.current ??= builtinLexicon();
    return this.current;
  }

  /** The workspace lexicon's text, when it was read and is valid: worker threads build the same lexicon from it. */
  get workspaceSource(): string | undefined {
    return this.workspace?.source;
  }

  /**
   * Resolves once the workspace lexicon has been read for the first time (readable or not).
   * Background analyses wait for it, so that an article is not analysed twice on opening,
   * first with the built-in lexicon and again when the user's entities arrive.
   */
  whenRead(): Promise<void> {
    return this.firstRead.whenRead();
  }

  /**
   * The workspace lexicon's content hash ('' without one): cached index results are valid only
   * for it. Until the lexicon has been read, a value that matches no cache, so that nothing
   * cached under another lexicon is taken for valid.
   */
  fingerprint(): string {
    return this.sourceHash ?? `unread ${process.pid} ${performance.now()}`;
  }

  private uri(): vscode.Uri | undefined {
    const folder = vscode.workspace.workspaceFolders?.[0];
    return folder ? vscode.Uri.joinPath(folder.uri, LEXICON_PATH) : undefined;
  }

  /** The workspace lexicon's text being read ahead of its first use (see prefetch), and when the read began. */
  private prefetched: Promise<string | undefined> | undefined;
  private prefetchedAt = 0;

  /**
   * Starts reading the workspace lexicon's file, and nothing more (no parsing, no building):
   * called at activation, so that the first article's analysis does not wait for a round
   * trip to the file system (seconds on a busy remote).
   */
  prefetch(): void {
    if (this.prefetched) return;
    this.prefetched = this.readSource();
    this.prefetchedAt = performance.now();
  }

  private async readSource(): Promise<string | undefined> {
    const uri = this.uri();
    if (!uri) return undefined;
    try {
      return await workspaceFiles(uri).read(uri.path);
    } catch {
      return undefined;
    }
  }

  /** Reads the workspace lexicon again; true when there is one (readable or not). */
  async load(notify = true): Promise<boolean> {
    const uri = this.uri();
    // (a read begun long ago may miss a change that no watcher reported: it is read again)
    const fresh = this.prefetched && performance.now() - this.prefetchedAt < PREFETCH_FRESH_MS ? this.prefetched : undefined;
    const reading = fresh ?? this.readSource();
    this.prefetched = undefined;
    // built while the file is read: the first analysis waits for both
    const builtin = builtinLexicon();
    const source = await reading;
    this.workspace = undefined;
    this.error = undefined;
    this.current = builtin;
    this.sourceHash = source === undefined ? '' : sha256(source);
    if (uri && source !== undefined) {
      try {
        this.workspace = parseWorkspaceLexicon(source);
        this.current = builtin.with(this.workspace.entries, this.workspace.ignore, this.workspace.suppress);
        this.diagnostics.existing?.delete(uri);
      } catch (e) {
        if (!(e instanceof LexiconError)) throw e;
        this.error = e;
        const line = Math.max(0, (e.line ?? 1) - 1);
        this.diagnostics.value.set(uri, [new vscode.Diagnostic(new vscode.Range(line, 0, line, 1000), `Gloss: ${e.message}`)]);
      }
    } else if (uri) {
      // a file that is gone has no problems left (an unreadable one deleted kept its entry)
      this.diagnostics.existing?.delete(uri);
    }
    if (notify) this.changed.fire();
    return source !== undefined;
  }

  /** Adds an entity to the workspace lexicon; returns the lexicon's path, or undefined if refused. */
  async teach(from: vscode.Uri, entity: { canonical: string; type: EntityType; aliases: string[] }): Promise<string | undefined> {
    return this.edit(from, (current) => addToWorkspaceLexicon(current, entity));
  }

  /** Adds names to the ignore list (or takes them off it): gone from every article, in both scripts. */
  async ignore(from: vscode.Uri, names: string[], ignored: boolean): Promise<string | undefined> {
    return this.edit(from, (current) => setIgnoredInWorkspaceLexicon(current, names, ignored));
  }

  private async edit(from: vscode.Uri, change: (current: WorkspaceLexicon | undefined) => string): Promise<string | undefined> {
    const uri = this.uri() ?? vscode.Uri.joinPath(from, '..', LEXICON_PATH);
    await this.load(false);
    if (this.error) {
      void vscode.window.showErrorMessage(t('Gloss cannot read {0} (line {1}: {2}); it was not changed.', LEXICON_PATH, this.error.line ?? 1, this.error.message));
      return undefined;
    }
    await workspaceFiles(uri).writeAtomic(uri.path, change(this.workspace));
    await this.load();
    return uri.scheme === 'file' ? uri.fsPath : uri.path;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
