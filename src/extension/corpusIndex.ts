import * as vscode from 'vscode';
import { BYTES_PER_MB } from '../core/text/articleSize';
import { maxArticleMb } from './articleSizeLimit';
import { minCheckWorthiness } from './claimThreshold';
import { Analyzer, type Analysis } from '../core/analysis/analyze';
import type { Lexicon } from '../core/entities/lexicon';
import { stripBom } from '../core/text/offsets';
import { t } from './l10n';
import { IndexCache, sha256 } from './indexCache';
import { fileSize, readBytes } from './workspaceFiles';

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

/** What the last build or update of the corpus index did, for tests and the log. */
export interface IndexStats {
  /** Articles analysed afresh, and served from the cache by content hash (URIs). */
  analysed: string[];
  cached: string[];
  /** Articles found for the build (an update: those it was given). */
  total: number;
  cancelled: boolean;
}

/** Above this many articles a build shows a notification with a Cancel button; below, the status bar's progress. */
const NOTIFY_ABOVE = 200;
/** How long a build works before it lets the editor's thread go on (ms). */
const SLICE_MS = 10;

/**
 * Lets the editor's thread go on once a build has worked SLICE_MS, between articles and between
 * the steps of a long one: a long article analysed at once held hovers and lenses for as long as
 * its analysis (about a second per megabyte).
 */
class Pacer {
  private since = performance.now();

  constructor(
    private readonly cancelled: () => boolean = () => false,
    private readonly onPause: () => void = () => {},
  ) {}

  /** Whether a pause is due; the caller awaits pause() then. */
  get due(): boolean {
    return performance.now() - this.since > SLICE_MS;
  }

  async pause(): Promise<void> {
    this.onPause();
    await new Promise((r) => setImmediate(r));
    this.since = performance.now();
  }

  get isCancelled(): boolean {
    return this.cancelled();
  }
}

/**
 * Mentions of every entity across the workspace's articles, built in the background after
 * activation (with progress, and cancellable), and kept fresh for open documents. Each
 * article's results are cached by content hash in the extension's storage (IndexCache), so a
 * reopened workspace analyses only what changed. It never blocks activation or a hover: until
 * it is ready, counts say so.
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
  /** What the last build or update analysed, took from the cache, and whether it was cancelled. */
  lastStats: IndexStats = { analysed: [], cached: [], total: 0, cancelled: false };
  /** How often builds and updates let the editor's thread go on in the middle of an article (a long one is analysed in steps); for tests. */
  pausesInArticles = 0;
  /** What an article's cached results depend on besides its text (its sidecar, its settings). */
  articleKey?: (uri: vscode.Uri) => Promise<string>;
  private cache: IndexCache | undefined;
  /** Resolves when the open documents' analyses are done: what the user looks at comes first. */
  editorIdle?: () => Promise<void>;
  private buildCancel: vscode.CancellationTokenSource | undefined;

  constructor(
    private readonly lexicon: () => Lexicon,
    /** Resolves once the workspace lexicon has been read: a build waits for it rather than index with the built-in one. */
    private readonly lexiconRead: () => Promise<void> = async () => {},
  ) {}

  /** Keeps per-article results in `folder` (the extension's storage), valid while `fingerprint` stays the same. */
  useCache(folder: () => vscode.Uri | undefined, fingerprint: () => string): void {
    this.cache = new IndexCache(folder, fingerprint);
  }

  /** Stops the build under way (it keeps what it indexed so far). */
  cancelBuild(): void {
    this.buildCancel?.cancel();
  }

  /** Indexes one article; false when the build was cancelled in the middle of it (it is left out). */
  private async indexOne(uri: vscode.Uri, stats: IndexStats, pacer: Pacer): Promise<boolean> {
    let text: string;
    let bytes: Uint8Array;
    try {
      // an article above gloss.maxArticleMb is not indexed (nor read), as it is not analysed when open
      if ((await fileSize(uri)) > maxArticleMb(uri) * BYTES_PER_MB) {
        this.perArticle.delete(uri.toString());
        return true;
      }
      // (through workspace.fs where the file is not on the extension host's disk: virtual file systems)
      bytes = await readBytes(uri);
      text = stripBom(utf8.decode(bytes));
    } catch {
      this.perArticle.delete(uri.toString());
      this.cache?.delete(uri.toString());
      return true;
    }
    const key = this.cache ? `${sha256(bytes)}|${(await this.articleKey?.(uri)) ?? ''}` : '';
    const hit = this.cache?.get(uri.toString(), key);
    if (hit) {
      const article: ArticleSummary = { uri, claims: hit.claims, findings: hit.findings, reviewed: hit.reviewed };
      this.perArticle.set(uri.toString(), { article, mentions: hit.mentions.map(([id, m]): [string, Mention] => [id, { uri, ...m }]) });
      stats.cached.push(uri.toString());
      return true;
    }
    // (this build's analyzer, even if a newer build replaces this.analyzer during a pause)
    const analyzer = (this.analyzer ??= new Analyzer(this.lexicon()));
    const steps = analyzer.analyzeAhead(text);
    while (!steps.next().done) {
      if (!pacer.due) continue;
      await pacer.pause();
      this.pausesInArticles++;
      // a cancelled build leaves this article out, as one it did not reach
      if (pacer.isCancelled) return false;
    }
    stats.analysed.push(uri.toString());
    analyzer.minCheckWorthiness = minCheckWorthiness(uri);
    const analysis = analyzer.analyze(text);
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
    this.cache?.set(uri.toString(), {
      key,
      claims: article.claims,
      findings: article.findings,
      reviewed: article.reviewed,
      mentions: mentions.map(([id, { uri: _, ...m }]) => [id, m]),
    });
    return true;
  }

  /**
   * Indexes every article (on activation, and when the lexicon changes), in the background:
   * unchanged articles come from the cache; a few milliseconds of work at a time, with
   * progress, cancellable (a new build cancels the one under way).
   */
  rebuild(): Promise<void> {
    this.ready = false;
    this.stale = false;
    this.buildCancel?.cancel();
    const cancel = new vscode.CancellationTokenSource();
    this.buildCancel = cancel;
    // read only after the build's first await, when it is assigned
    let building!: Promise<void>;
    building = (async () => {
      const patterns = vscode.workspace.getConfiguration('gloss').get<string[]>('articles') ?? [];
      const uris = new Map<string, vscode.Uri>();
      for (const p of patterns) for (const u of await vscode.workspace.findFiles(p, '**/node_modules/**', 5000)) uris.set(u.toString(), u);
      const location = uris.size > NOTIFY_ABOVE ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window;
      await vscode.window.withProgress({ location, title: t('Gloss: indexing articles'), cancellable: true }, async (progress, token) => {
        const stats: IndexStats = { analysed: [], cached: [], total: uris.size, cancelled: false };
        await this.lexiconRead();
        await this.cache?.load();
        this.analyzer = new Analyzer(this.lexicon());
        this.perArticle.clear();
        let n = 0;
        const cancelled = () => token.isCancellationRequested || cancel.token.isCancellationRequested;
        // let typing, hovers and lenses go on between articles, and inside long ones
        const pacer = new Pacer(cancelled, () => progress.report({ message: t('{0}/{1} articles', n, uris.size), increment: 0 }));
        for (const uri of uris.values()) {
          if (cancelled()) {
            stats.cancelled = true;
            break;
          }
          await this.editorIdle?.();
          if (!(await this.indexOne(uri, stats, pacer))) {
            stats.cancelled = true;
            break;
          }
          n++;
          if (pacer.due) await pacer.pause();
        }
        // a build that a newer one cancelled leaves the index to it (and is awaited below)
        if (this.buildCancel !== cancel) return;
        if (!stats.cancelled) this.cache?.retainOnly(new Set(uris.keys()));
        // the cache is only a faster start: failing to write it is not the build's failure
        if (this.cache && stats.analysed.length) await this.cache.save().catch(() => undefined);
        this.lastStats = stats;
        this.lastIndexed = [...stats.analysed, ...stats.cached];
        this.derived = undefined;
        this.ready = true;
        this.changed.fire();
      });
      // a caller of a cancelled build waits for the newest build, as update() does: otherwise it
      // would go on with an index that is not built yet
      await this.newestBuild(building);
    })().catch((e: unknown) => {
      // a failed build is not kept: the next call builds again instead of failing forever
      if (this.building === building) this.building = undefined;
      this.stale = true;
      throw e;
    });
    this.building = building;
    return building;
  }

  /** Waits for the build under way and any that supersede it, until the newest one is done (`own`: the caller's build, not waited for). */
  private async newestBuild(own?: Promise<void>): Promise<void> {
    let waited = own;
    while (this.building && this.building !== waited) {
      waited = this.building;
      await waited;
    }
  }

  /** Re-indexes only these articles (a decision, a file changed on disk); deleted ones leave the index. */
  async update(uris: vscode.Uri[]): Promise<void> {
    // after a failure the index is incomplete: build it all again rather than patch it
    if (this.stale) return this.rebuild();
    // a build that a newer one cancelled hands over to it: wait for the one that finishes
    await this.newestBuild();
    const stats: IndexStats = { analysed: [], cached: [], total: uris.length, cancelled: false };
    const pacer = new Pacer();
    try {
      for (const uri of uris) await this.indexOne(uri, stats, pacer);
    } catch (e) {
      this.stale = true;
      throw e;
    }
    if (this.cache && stats.analysed.length) await this.cache.save().catch(() => undefined);
    this.lastStats = stats;
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
