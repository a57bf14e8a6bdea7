import * as vscode from 'vscode';
import { BYTES_PER_MB } from '../core/text/articleSize';
import { maxArticleMb } from './articleSizeLimit';
import { minCheckWorthiness } from './claimThreshold';
import { Analyzer, type Analysis } from '../core/analysis/analyze';
import { builtinLexicon, type EntityType, type Lexicon } from '../core/entities/lexicon';
import { LEXICON_PATH, LexiconError, addToWorkspaceLexicon, parseWorkspaceLexicon, setIgnoredInWorkspaceLexicon, type WorkspaceLexicon } from '../core/entities/workspaceLexicon';
import { stripBom } from '../core/text/offsets';
import { t } from './l10n';
import { workspaceFiles } from './workspaceFiles';

const utf8 = new TextDecoder();

export interface ArticleSummary {
  uri: vscode.Uri;
  /** Marked claims with their verdicts, and orphaned ones (their words are gone, their verdict stays). */
  claims: Array<{ start: number; text: string; verdict: string; orphan?: boolean }>;
  findings: number;
  reviewed: number;
}

export interface Mention {
  uri: vscode.Uri;
  start: number;
  end: number;
  text: string;
  context: string;
}

/**
 * Mentions of every entity across the workspace's articles, built in the background after
 * activation (with a progress indicator in the status bar), and kept fresh for open
 * documents. It never blocks activation or a hover: until it is ready, counts say so.
 */
export class CorpusIndex implements vscode.Disposable {
  /** What each article contributes, by URI: rebuilt per article when it or its sidecar changes. */
  private readonly perArticle = new Map<string, { article: ArticleSummary; mentions: Array<[string, Mention]> }>();
  private derived: { entities: Map<string, Mention[]>; articles: ArticleSummary[] } | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when a build or an update finishes. */
  readonly onDidChange = this.changed.event;
  /** Reads an article's review state (claims' verdicts, progress) from its sidecar, given its analysis. */
  reviewState?: (uri: vscode.Uri, text: string, analysis: Analysis) => Promise<{ claims: ArticleSummary['claims']; findings: number; reviewed: number }>;
  private building: Promise<void> | undefined;
  /** Set when a build or an update failed: the next call rebuilds everything. */
  private stale = false;
  private analyzer: Analyzer | undefined;
  ready = false;
  /** Articles indexed by the last build or update, for tests of incremental indexing. */
  lastIndexed: string[] = [];

  constructor(private readonly lexicon: () => Lexicon) {}

  private async indexOne(uri: vscode.Uri): Promise<void> {
    let text: string;
    try {
      // an article above gloss.maxArticleMb is not indexed (nor read), as it is not analysed when open
      if ((await vscode.workspace.fs.stat(uri)).size > maxArticleMb(uri) * BYTES_PER_MB) {
        this.perArticle.delete(uri.toString());
        return;
      }
      // through workspace.fs, so that the index works on remote and virtual file systems too
      text = stripBom(utf8.decode(await vscode.workspace.fs.readFile(uri)));
    } catch {
      this.perArticle.delete(uri.toString());
      return;
    }
    this.analyzer ??= new Analyzer(this.lexicon());
    this.analyzer.minCheckWorthiness = minCheckWorthiness(uri);
    const analysis = this.analyzer.analyze(text);
    const state = await this.reviewState?.(uri, text, analysis);
    const article: ArticleSummary = {
      uri,
      claims: state?.claims ?? analysis.claims.map((c) => ({ start: c.start, text: c.text, verdict: 'unreviewed' })),
      findings: state?.findings ?? 0,
      reviewed: state?.reviewed ?? 0,
    };
    const mentions = analysis.entities.map((e): [string, Mention] => [
      e.entityId,
      { uri, start: e.start, end: e.end, text: e.text, context: text.slice(Math.max(0, e.start - 12), e.end + 12).replace(/\s+/g, ' ') },
    ]);
    this.perArticle.set(uri.toString(), { article, mentions });
  }

  /** Indexes every article afresh (on activation, and when the lexicon changes), in the background. */
  rebuild(): Promise<void> {
    this.ready = false;
    this.stale = false;
    const building: Promise<void> = Promise.resolve(
      vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: t('Gloss: indexing articles') }, async () => {
        const patterns = vscode.workspace.getConfiguration('gloss').get<string[]>('articles') ?? [];
        const uris = new Map<string, vscode.Uri>();
        for (const p of patterns) for (const u of await vscode.workspace.findFiles(p, '**/node_modules/**', 5000)) uris.set(u.toString(), u);
        this.analyzer = new Analyzer(this.lexicon());
        this.perArticle.clear();
        let n = 0;
        for (const uri of uris.values()) {
          await this.indexOne(uri);
          // yield to the extension host between articles
          if (++n % 20 === 0) await new Promise((r) => setTimeout(r, 0));
        }
        this.lastIndexed = [...uris.keys()];
        this.derived = undefined;
        this.ready = true;
        this.changed.fire();
      }),
    ).catch((e: unknown) => {
      // a failed build is not kept: the next call builds again instead of failing forever
      if (this.building === building) this.building = undefined;
      this.stale = true;
      throw e;
    });
    this.building = building;
    return building;
  }

  /** Re-indexes only these articles (a decision, a file changed on disk); deleted ones leave the index. */
  async update(uris: vscode.Uri[]): Promise<void> {
    // after a failure the index is incomplete: build it all again rather than patch it
    if (this.stale) return this.rebuild();
    await this.building;
    try {
      for (const uri of uris) await this.indexOne(uri);
    } catch (e) {
      this.stale = true;
      throw e;
    }
    this.lastIndexed = uris.map((u) => u.toString());
    this.derived = undefined;
    this.changed.fire();
  }

  /** The indexed articles inside `folder`: a folder deleted at once is reported alone, without the files in it. */
  articlesUnder(folder: vscode.Uri): vscode.Uri[] {
    const prefix = folder.toString().replace(/\/?$/, '/');
    return [...this.perArticle.values()].map(({ article }) => article.uri).filter((u) => u.toString().startsWith(prefix));
  }

  /** Every entity with its mentions, and every article's summary. */
  snapshot(): { entities: Map<string, Mention[]>; articles: ArticleSummary[] } {
    if (!this.derived) {
      const entities = new Map<string, Mention[]>();
      const articles: ArticleSummary[] = [];
      for (const { article, mentions } of this.perArticle.values()) {
        articles.push(article);
        for (const [id, m] of mentions) {
          const list = entities.get(id);
          if (list) list.push(m);
          else entities.set(id, [m]);
        }
      }
      articles.sort((a, b) => a.uri.fsPath.localeCompare(b.uri.fsPath));
      this.derived = { entities, articles };
    }
    return this.derived;
  }

  async mentions(entityId: string): Promise<Mention[]> {
    await (this.stale || !this.building ? this.rebuild() : this.building);
    return this.snapshot().entities.get(entityId) ?? [];
  }

  /** Mentions and articles, or undefined while the index is being built. */
  counts(entityId: string): { mentions: number; articles: number } | undefined {
    if (!this.ready) return undefined;
    const list = this.snapshot().entities.get(entityId) ?? [];
    return { mentions: list.length, articles: new Set(list.map((m) => m.uri.toString())).size };
  }

  dispose(): void {
    this.perArticle.clear();
    this.changed.dispose();
  }
}

/**
 * The workspace lexicon: read from `.gloss/lexicon.yaml` of the first workspace folder,
 * watched for changes (git checkout, another editor), and written when the user teaches an
 * entity. A file that cannot be read is never written over.
 */
export class LexiconService implements vscode.Disposable {
  private workspace: WorkspaceLexicon | undefined;
  private error: LexiconError | undefined;
  /** Built on first use, not at activation: converting every alias loads the script dictionaries. */
  private current: Lexicon | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  readonly corpus: CorpusIndex;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('gloss-lexicon');

  constructor() {
    this.corpus = new CorpusIndex(() => this.lexicon);
    this.disposables.push(this.corpus, this.diagnostics);
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${LEXICON_PATH}`);
    const reload = () => void this.load();
    this.disposables.push(watcher, watcher.onDidChange(reload), watcher.onDidCreate(reload), watcher.onDidDelete(reload));
  }

  /**
   * The lexicon in use. The workspace lexicon is read (through workspace.fs) on first use:
   * until it is, the built-in one serves, and `onDidChange` fires once the user's entities are in.
   */
  get lexicon(): Lexicon {
    if (!this.current) {
      this.current = builtinLexicon();
      void this.load(false).then((found) => {
        if (found) this.changed.fire();
      });
    }
    return this.current!;
  }

  private uri(): vscode.Uri | undefined {
    const folder = vscode.workspace.workspaceFolders?.[0];
    return folder ? vscode.Uri.joinPath(folder.uri, LEXICON_PATH) : undefined;
  }

  /** Reads the workspace lexicon again; true when there is one (readable or not). */
  async load(notify = true): Promise<boolean> {
    const uri = this.uri();
    let source: string | undefined;
    if (uri) {
      try {
        source = await workspaceFiles(uri).read(uri.path);
      } catch {
        source = undefined;
      }
    }
    this.workspace = undefined;
    this.error = undefined;
    this.current = builtinLexicon();
    if (uri && source !== undefined) {
      try {
        this.workspace = parseWorkspaceLexicon(source);
        this.current = builtinLexicon().with(this.workspace.entries, this.workspace.ignore, this.workspace.suppress);
        this.diagnostics.delete(uri);
      } catch (e) {
        if (!(e instanceof LexiconError)) throw e;
        this.error = e;
        const line = Math.max(0, (e.line ?? 1) - 1);
        this.diagnostics.set(uri, [new vscode.Diagnostic(new vscode.Range(line, 0, line, 1000), `Gloss: ${e.message}`)]);
      }
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
