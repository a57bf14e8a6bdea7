import * as vscode from 'vscode';
import { ARTICLE_LANGUAGE, AnalysisCache, type AnalysisCounts } from './analysisCache';
import { editorIdle } from './editorIdle';
import { statSync } from 'node:fs';
import { sha256 } from './indexCache';
import { MIN_CHECK_WORTHINESS_SETTING } from './claimThreshold';
import { AnnotatorService } from './annotator';
import { registerArticleDetection } from './articles';
import { Background, type BackgroundJob } from './background';
import { registerCodeLens } from './codeLens';
import { registerCommands } from './commands';
import { registerDecorations } from './decorations';
import { registerHover } from './hover';
import { registerCorpusCommands, registerCorpusView } from './corpusView';
import { LexiconService } from './lexicon';
import type { IndexStats } from './corpusIndex';
import { Reviewer } from './reviewer';
import { SidecarService } from './sidecars';
import { onDidChangeUiLanguage, registerUiLanguage, t } from './l10n';
import { registerDocumentSymbols } from './documentSymbols';
import { registerWorkspaceSymbols } from './workspaceSymbols';
import { registerWalkthrough } from './walkthrough';
import type { Analysis } from '../core/analysis/analyze';
import { nerModelSource } from '../core/entities/nerModel';
import type { QueueEntry } from '../core/review/queue';
import type { Annotation } from '../core/sidecar/model';
import { registerCodeActions } from './codeActions';
import { registerDiagnostics } from './diagnostics';
import { REVIEW_QUEUE_SETTINGS, reviewSettings } from './reviewSettings';
import { indexThreads } from './indexThreads';
import { queueSettingsKey, settingsInResults } from './indexSettings';
import { registerStatusBar, type StatusBarView } from './statusBar';
import { MAX_ARTICLE_MB_SETTING, registerArticleSizeLimit } from './articleSizeLimit';
import { readBytes } from './workspaceFiles';
import { shownNotices } from './notices';

/** What Gloss offers other extensions and the integration tests. */
export interface GlossApi {
  analyze(uri: vscode.Uri): Promise<Analysis>;
  /** The sidecar's annotations of an article (including edits not yet written). */
  annotations(uri: vscode.Uri): Promise<Annotation[]>;
  /** Background analyses of open articles since activation: started, completed, and cancelled by a newer version. */
  analysisCounts(): AnalysisCounts;
  /** Which version of an open article providers show (its last complete analysis), and which one is being analysed. */
  analysisState(uri: vscode.Uri): { completed?: number; running?: number };
  /** Builds the corpus index again (unchanged articles from its cache, unless `fromScratch`); resolves when it is done or cancelled. */
  rebuildIndex(options?: { fromScratch?: boolean }): Promise<void>;
  /** Cancels the corpus index build under way. */
  cancelIndex(): void;
  /** What the last index build or update analysed and took from the cache. */
  indexStats(): IndexStats;
  /** How often index builds and updates since activation let the editor's thread go on in the middle of an article. */
  indexPausesInArticles(): number;
  /** Why the index's worker threads could not be used, if they could not (it then analyses in the extension host). */
  indexWorkerFailure(): string | undefined;
  /** For tests: background analyses pause while held, so that what the editor does meanwhile can be observed. */
  holdBackgroundAnalysis(held: boolean): void;
  /** Paragraphs analysed afresh since activation; unchanged paragraphs are never re-analysed. */
  freshParagraphs(): number;
  /** The last background jobs (workspace index builds and updates), oldest first. */
  backgroundJobs(): readonly BackgroundJob[];
  /** The last lines Gloss wrote to its "Gloss" output channel. */
  logLines(): readonly string[];
  /** The last information messages Gloss showed that asked nothing of the user (oldest first), and how many it showed in all. */
  notices(): { last: string[]; count: number };
  /** Milliseconds from entering activate() until it returned (the bench reports it from the last test run). */
  activationMs(): number;
  /** The CPU time of the same span: what activation costs, whatever else the machine is doing. */
  activationCpuMs(): number;
  /** Where the tagger's model was read from: its snapshot (dist/ner.bin), its JSON and word files, or not yet. */
  nerModelSource(): 'snapshot' | 'json' | undefined;
  /** The review queue of an article: what still needs a decision, in the order Alt+] walks it. */
  queue(uri: vscode.Uri): Promise<QueueEntry[]>;
  /** What the status bar item shows for the active editor. */
  statusBar(): StatusBarView;
}

export async function activate(context: vscode.ExtensionContext): Promise<GlossApi> {
  const started = performance.now();
  const startedCpu = process.cpuUsage();
  // before anything renders text: a chosen gloss.uiLanguage is loaded first
  const uiLanguage = registerUiLanguage(context);
  context.subscriptions.push(...uiLanguage.disposables);
  // only a chosen language has a bundle to load; awaiting nothing would still hand the thread
  // to other work in the middle of activation (up to 40 ms measured on a busy machine)
  if (uiLanguage.ready) await uiLanguage.ready;
  const lexicon = new LexiconService();
  lexicon.prefetch();
  const sidecars = new SidecarService();
  const cache = new AnalysisCache(() => lexicon.lexicon, undefined, () => lexicon.whenRead(), (uri) => sidecars.dateOf(uri));
  const reviewer = new Reviewer(cache, sidecars);
  const annotators = new AnnotatorService();
  const background = new Background();
  const rebuildIndex = (options: { fromScratch?: boolean } = {}) => background.run(t('rebuilding the workspace index'), [], () => lexicon.corpus.rebuild(options));
  lexicon.corpus.useCache(() => context.storageUri ?? context.globalStorageUri, () => indexFingerprint(context, lexicon));
  lexicon.corpus.editorIdle = () =>
    editorIdle(() => vscode.window.visibleTextEditors.map((e) => e.document).filter((d) => d.languageId === ARTICLE_LANGUAGE), cache);
  lexicon.corpus.articleKey = async (uri) => {
    // the cached progress and verdicts come from the sidecar, and the queue from the article's settings
    let sidecar = '';
    try {
      sidecar = sha256(await readBytes(sidecars.uriFor(uri)));
    } catch {
      // no sidecar yet
    }
    return `${sidecar}|${queueSettingsKey(reviewSettings(uri))}`;
  };
  lexicon.corpus.reviewInputs = async (uri, text) => {
    // the tree counts the queue, as the lenses and the status bar do
    const settings = reviewSettings(uri);
    const state = await sidecars.load(uri, text);
    // a sidecar that could not be read at all fails the indexing job, which logs why
    if (state.failure) throw state.failure;
    return { sidecar: state.sidecar, queue: settings };
  };
  lexicon.corpus.lexiconSource = () => lexicon.workspaceSource;
  lexicon.corpus.workerCount = () => indexThreads();
  lexicon.corpus.log = (line) => background.log(line);
  const { provider: lenses, disposables: lensDisposables } = registerCodeLens(reviewer);
  const statusBar = registerStatusBar(reviewer);
  const walkthrough = registerWalkthrough(context);
  context.subscriptions.push(
    background,
    lexicon,
    cache,
    sidecars,
    reviewer,
    annotators,
    lexicon.onDidChange(() => {
      cache.setLexicon(lexicon.lexicon);
      reviewer.invalidate();
      void rebuildIndex();
    }),
    // a new claim threshold: other claims are marked, queued and counted in the corpus (a new size limit: other articles);
    // new review settings: other items are queued, and the corpus view's "x/y reviewed" counts them
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (![MIN_CHECK_WORTHINESS_SETTING, MAX_ARTICLE_MB_SETTING, ...REVIEW_QUEUE_SETTINGS].some((s) => e.affectsConfiguration(s))) return;
      reviewer.invalidate();
      void rebuildIndex();
    }),
    ...registerArticleDetection(context),
    ...registerArticleSizeLimit(cache.onDidRefuse, (line) => background.log(line)),
    ...registerHover(reviewer, lexicon, walkthrough.hoverShown),
    ...lensDisposables,
    ...registerDecorations(reviewer, context),
    ...registerCommands({ cache, lenses, reviewer, lexicon, annotators }),
    ...registerCorpusCommands(lexicon.corpus),
    ...statusBar.disposables,
    ...registerDiagnostics(reviewer),
    ...registerCodeActions(reviewer),
    // text already on screen is rendered again in the new language
    onDidChangeUiLanguage(() => reviewer.invalidate()),
    ...registerDocumentSymbols(reviewer),
    ...walkthrough.disposables,
    // a decision changes one article's progress and verdicts: re-index that article only
    sidecars.onDidChange((uri) => scheduleUpdate(uri)),
  );
  const pending = new Map<string, vscode.Uri>();
  let updateTimer: NodeJS.Timeout | undefined;
  const scheduleUpdate = (uri: vscode.Uri) => {
    pending.set(uri.toString(), uri);
    clearTimeout(updateTimer);
    updateTimer = setTimeout(() => {
      const uris = [...pending.values()];
      pending.clear();
      void background.run(t('updating the workspace index'), uris.map((u) => u.toString()), () => lexicon.corpus.update(uris));
    }, 500);
  };
  // what an article's first paint does not need is registered a turn after activate() returns
  // (its lenses, hovers, decorations and commands are registered above)
  const afterActivation = setTimeout(() => {
    context.subscriptions.push(
      ...registerCorpusView(lexicon.corpus),
      ...registerWorkspaceSymbols(lexicon),
      // articles added, changed or deleted outside the editor (git checkout) are re-indexed too
      ...articleWatchers((uri) => scheduleUpdate(uri)),
      ...folderDeletions((folder) => lexicon.corpus.articlesUnder(folder).forEach(scheduleUpdate)),
    );
  }, 0);
  context.subscriptions.push({ dispose: () => clearTimeout(afterActivation) });
  // the workspace index is built in the background, after activation has returned
  setTimeout(() => void rebuildIndex(), 500);
  const activationMs = performance.now() - started;
  const cpu = process.cpuUsage(startedCpu);
  const activationCpuMs = (cpu.user + cpu.system) / 1000;
  return {
    activationMs: () => activationMs,
    activationCpuMs: () => activationCpuMs,
    nerModelSource,
    async analyze(uri) {
      const document = await vscode.workspace.openTextDocument(uri);
      // as a background analysis does: not with the built-in lexicon, to be redone when the user's arrives
      await lexicon.whenRead();
      return cache.get(document);
    },
    async annotations(uri) {
      const document = await vscode.workspace.openTextDocument(uri);
      return (await sidecars.load(uri, document.getText())).sidecar.annotations;
    },
    freshParagraphs: () => cache.freshParagraphs,
    analysisCounts: () => cache.counts,
    analysisState: (uri) => cache.state(uri),
    holdBackgroundAnalysis: (held) => cache.holdBackground(held),
    rebuildIndex: (options) => rebuildIndex(options),
    cancelIndex: () => lexicon.corpus.cancelBuild(),
    indexStats: () => lexicon.corpus.lastStats,
    indexPausesInArticles: () => lexicon.corpus.pausesInArticles,
    indexWorkerFailure: () => lexicon.corpus.workerFailure,
    backgroundJobs: () => background.jobs,
    logLines: () => background.lines,
    notices: () => shownNotices(),
    async queue(uri) {
      const document = await vscode.workspace.openTextDocument(uri);
      await sidecars.load(uri, document.getText());
      return reviewer.queue(document).entries;
    },
    statusBar: () => statusBar.view(),
  };
}

/**
 * What every cached index result depends on besides its article and sidecar: this build of
 * Gloss (its version and its bundle, which holds the detectors and the built-in lexicon), the
 * workspace lexicon and the gloss.* settings that shape results (indexSettings.ts). Another value
 * drops the whole cache.
 */
function indexFingerprint(context: vscode.ExtensionContext, lexicon: LexiconService): string {
  let bundle = '';
  try {
    const s = statSync(__filename);
    bundle = `${s.size}:${s.mtimeMs}`;
  } catch {
    // not from a file: the version alone
  }
  const version = (context.extension.packageJSON as { version?: string }).version ?? '';
  return sha256(JSON.stringify([version, bundle, lexicon.fingerprint(), settingsInResults(vscode.workspace.getConfiguration('gloss'))]));
}

function articleWatchers(onChange: (uri: vscode.Uri) => void): vscode.Disposable[] {
  const patterns = vscode.workspace.getConfiguration('gloss').get<string[]>('articles') ?? [];
  return patterns.flatMap((p) => {
    const w = vscode.workspace.createFileSystemWatcher(p);
    return [w, w.onDidCreate(onChange), w.onDidChange(onChange), w.onDidDelete(onChange)];
  });
}

/**
 * Folders deleted (rm -r, git checkout of another branch): VS Code reports the folder and
 * drops the events of the files inside it, so the articles that were there are looked up.
 */
function folderDeletions(onDelete: (folder: vscode.Uri) => void): vscode.Disposable[] {
  const w = vscode.workspace.createFileSystemWatcher('**', true, true, false);
  return [w, w.onDidDelete(onDelete)];
}

export function deactivate(): void {
  // everything is disposed through context.subscriptions
}
