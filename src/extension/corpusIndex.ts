import * as vscode from 'vscode';
import { BYTES_PER_MB } from '../core/text/articleSize';
import { maxArticleMb } from './articleSizeLimit';
import { minCheckWorthiness } from './claimThreshold';
import { Analyzer } from '../core/analysis/analyze';
import { workspaceEntry, type WorkspaceEntry } from '../core/corpus/workspaceEntry';
import type { Lexicon } from '../core/entities/lexicon';
import type { QueueOptions } from '../core/review/queue';
import type { Sidecar } from '../core/sidecar/model';
import { stripBom } from '../core/text/offsets';
import { t } from './l10n';
import { IndexCache, sha256 } from './indexCache';
import { IndexWorkers, WorkerTrouble } from './indexWorkers';
import { Pacer } from './pacer';
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
  /** How many of the analysed articles were analysed in worker threads. */
  inWorkers: number;
}

/** With gloss.index.threads unset, a build starts worker threads once it has analysed this long in the extension host (ms). */
const AUTO_THREADS_AFTER_MS = 250;
/** Above this many articles a build shows a notification with a Cancel button; below, the status bar's progress. */
const NOTIFY_ABOVE = 200;
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
  /** An article's sidecar and queue settings: its entry counts what its lenses count (without it, nothing is queued). */
  reviewInputs?: (uri: vscode.Uri, text: string) => Promise<{ sidecar: Sidecar | undefined; queue: QueueOptions }>;
  /** The workspace lexicon's text, for worker threads (undefined: the built-in lexicon alone). */
  lexiconSource: () => string | undefined = () => undefined;
  /** How many worker threads a build analyses in (0: in this thread, in steps), and whether only once it has analysed here for AUTO_THREADS_AFTER_MS. */
  workerCount: () => { threads: number; auto: boolean } = () => ({ threads: 0, auto: false });
  readonly workers = new IndexWorkers();
  /** Why worker threads could not be used (the index then analyses in this thread until the next activation). */
  workerFailure: string | undefined;
  /** Where worker trouble is reported (the Gloss output channel). */
  log: (line: string) => void = () => {};
  private building: Promise<void> | undefined;
  /** Set when a build or an update failed: the next call rebuilds everything. */
  private stale = false;
  private analyzer: Analyzer | undefined;
  ready = false;
  /** Articles indexed by the last build or update, for tests of incremental indexing. */
  lastIndexed: string[] = [];
  /** What the last build or update analysed, took from the cache, and whether it was cancelled. */
  lastStats: IndexStats = { analysed: [], cached: [], total: 0, cancelled: false, inWorkers: 0 };
  /** How often builds and updates let the editor's thread go on in the middle of an article (a long one is analysed in steps); for tests. */
  pausesInArticles = 0;
  /** Counts builds: an update begun before a build does not store its results after it. */
  private generation = 0;
  /** The newest update of each article being updated (by URI), numbered from `updates`. */
  private readonly latestUpdate = new Map<string, number>();
  private updates = 0;
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

  /** Reads an article and takes its entry from the cache; the text left to analyse, if any. */
  private async prepare(uri: vscode.Uri, stats: IndexStats): Promise<{ text: string; key: string } | undefined> {
    let text: string;
    let bytes: Uint8Array;
    try {
      // an article above gloss.maxArticleMb is not indexed (nor read), as it is not analysed when open
      if ((await fileSize(uri)) > maxArticleMb(uri) * BYTES_PER_MB) {
        this.perArticle.delete(uri.toString());
        return undefined;
      }
      // (through workspace.fs where the file is not on the extension host's disk: virtual file systems)
      bytes = await readBytes(uri);
      text = stripBom(utf8.decode(bytes));
    } catch {
      this.perArticle.delete(uri.toString());
      this.cache?.delete(uri.toString());
      return undefined;
    }
    const key = this.cache ? `${sha256(bytes)}|${(await this.articleKey?.(uri)) ?? ''}` : '';
    const hit = this.cache?.get(uri.toString(), key);
    if (!hit) return { text, key };
    const article: ArticleSummary = { uri, claims: hit.claims, findings: hit.findings, reviewed: hit.reviewed };
    this.perArticle.set(uri.toString(), { article, mentions: hit.mentions.map(([id, m]): [string, Mention] => [id, { uri, ...m }]) });
    stats.cached.push(uri.toString());
    return undefined;
  }

  private store(uri: vscode.Uri, key: string, entry: WorkspaceEntry, stats: IndexStats): void {
    stats.analysed.push(uri.toString());
    const article: ArticleSummary = { uri, claims: entry.claims, findings: entry.findings, reviewed: entry.reviewed };
    this.perArticle.set(uri.toString(), { article, mentions: entry.mentions.map(([id, m]): [string, Mention] => [id, { uri, ...m }]) });
    this.cache?.set(uri.toString(), { key, ...entry });
  }

  /**
   * Analyses an article in this thread, in steps; false when it was left out: the build was
   * cancelled in the middle of it, or `current` says a newer build or update took over (their
   * results win: this one may hold another lexicon's entities, or an older text).
   */
  private async analyseHere(uri: vscode.Uri, job: { text: string; key: string }, stats: IndexStats, pacer: Pacer, current: () => boolean): Promise<boolean> {
    // (this build's analyzer, even if a newer build replaces this.analyzer during a pause)
    const analyzer = (this.analyzer ??= new Analyzer(this.lexicon()));
    const steps = analyzer.analyzeAhead(job.text);
    while (!steps.next().done) {
      if (!pacer.due) continue;
      await pacer.pause();
      this.pausesInArticles++;
      // a cancelled build leaves this article out, as one it did not reach
      if (pacer.isCancelled || !current()) return false;
    }
    analyzer.minCheckWorthiness = minCheckWorthiness(uri);
    const analysis = analyzer.analyze(job.text);
    const review = await this.reviewInputs?.(uri, job.text);
    // (a newer build, perhaps with another lexicon, may have begun meanwhile: its cache must not get this entry)
    if (pacer.isCancelled || !current()) return false;
    this.store(uri, job.key, workspaceEntry(job.text, analysis, review), stats);
    return true;
  }

  /**
   * Analyses an article in a worker thread; in this thread if no worker can (then no worker is
   * asked again). `current` says whether this build still stands: a newer one's results win.
   * False when the article was left out (cancelled, or a newer build took over).
   */
  private async analyseInWorker(uri: vscode.Uri, job: { text: string; key: string }, stats: IndexStats, pacer: Pacer, setup: { threads: number; lexiconSource: string | undefined }, current: () => boolean): Promise<boolean> {
    const review = await this.reviewInputs?.(uri, job.text);
    // a build a newer one replaced asks the workers nothing: its lexicon may be the old one, and
    // asking with it would stop the newer build's workers (and turn workers off for the session)
    if (!current()) return false;
    let entry: WorkspaceEntry;
    try {
      entry = await this.workers.run({ text: job.text, minCheckWorthiness: minCheckWorthiness(uri), ...(review ? { review } : {}) }, { lexiconSource: setup.lexiconSource }, setup.threads);
    } catch (e) {
      // (what a superseded or cancelled build meets is not this build's failure, nor the workers')
      if (!current() || pacer.isCancelled) return false;
      if (!(e instanceof WorkerTrouble)) throw e;
      if (this.workerFailure === undefined) this.log(t('The workspace index analyses in the extension host: {0}', e.message));
      this.workerFailure = e.message;
      return this.analyseHere(uri, job, stats, pacer, current);
    }
    if (!current()) return false;
    stats.inWorkers++;
    this.store(uri, job.key, entry, stats);
    return true;
  }

  /**
   * Indexes every article (on activation, and when the lexicon changes), in the background:
   * unchanged articles come from the cache; a few milliseconds of work at a time, with
   * progress, cancellable (a new build cancels the one under way). `fromScratch`: no article
   * comes from the cache.
   */
  rebuild(options: { fromScratch?: boolean } = {}): Promise<void> {
    this.generation++;
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
        const stats: IndexStats = { analysed: [], cached: [], total: uris.size, cancelled: false, inWorkers: 0 };
        await this.lexiconRead();
        await this.cache?.load();
        // (for tests that compare two ways of building: nothing cached is read, all is cached anew)
        if (options.fromScratch) this.cache?.retainOnly(new Set());
        this.analyzer = new Analyzer(this.lexicon());
        // the workers' lexicon is the one this build's own analyzer has, whatever is read meanwhile
        const lexiconSource = this.lexiconSource();
        this.perArticle.clear();
        let n = 0;
        const cancelled = () => token.isCancellationRequested || cancel.token.isCancellationRequested;
        // let typing, hovers and lenses go on between articles, and inside long ones
        const pacer = new Pacer(cancelled, () => progress.report({ message: t('{0}/{1} articles', n, uris.size), increment: 0 }));
        const { threads, auto } = this.workerCount();
        let analysedHereMs = 0;
        const inWorkers = new Set<Promise<void>>();
        let failure: { error: unknown } | undefined;
        for (const uri of uris.values()) {
          if (cancelled()) {
            stats.cancelled = true;
            break;
          }
          if (failure) break;
          await this.editorIdle?.();
          const job = await this.prepare(uri, stats);
          if (job && threads > 0 && this.workerFailure === undefined && (!auto || analysedHereMs > AUTO_THREADS_AFTER_MS)) {
            // several articles at a time in the workers; an error ends the build once they are done
            const running = this.analyseInWorker(uri, job, stats, pacer, { threads, lexiconSource }, () => this.buildCancel === cancel)
              .then((done) => {
                if (!done && cancelled()) stats.cancelled = true;
              })
              .catch((e: unknown) => {
                failure ??= { error: e };
              })
              .finally(() => inWorkers.delete(running));
            inWorkers.add(running);
            if (inWorkers.size >= 2 * threads) await Promise.race(inWorkers);
          } else if (job) {
            const started = performance.now();
            const done = await this.analyseHere(uri, job, stats, pacer, () => this.buildCancel === cancel);
            analysedHereMs += performance.now() - started;
            if (!done) {
              stats.cancelled = true;
              break;
            }
          }
          n++;
          if (pacer.due) await pacer.pause();
        }
        await Promise.all(inWorkers);
        if (failure) throw failure.error;
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
    const stats: IndexStats = { analysed: [], cached: [], total: uris.length, cancelled: false, inWorkers: 0 };
    const pacer = new Pacer();
    // an update's entry stands unless a build began since, or a newer update of the same article
    // came (a long text analysed in steps can finish after the short text that replaced it)
    const generation = this.generation;
    try {
      for (const uri of uris) {
        const seq = ++this.updates;
        this.latestUpdate.set(uri.toString(), seq);
        const current = () => this.generation === generation && this.latestUpdate.get(uri.toString()) === seq;
        const job = await this.prepare(uri, stats);
        if (job) await this.analyseHere(uri, job, stats, pacer, current);
        if (this.latestUpdate.get(uri.toString()) === seq) this.latestUpdate.delete(uri.toString());
      }
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
      // (in URI order: worker threads finish articles in any order, and the tree must not move)
      for (const [, { article, mentions }] of [...this.perArticle].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
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
    this.buildCancel?.cancel();
    this.workers.dispose();
    this.perArticle.clear();
    this.changed.dispose();
  }
}
