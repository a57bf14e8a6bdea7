import * as vscode from 'vscode';
import { AnalysisCache } from './analysisCache';
import { AnnotatorService } from './annotator';
import { registerArticleDetection } from './articles';
import { Background, type BackgroundJob } from './background';
import { registerCodeLens } from './codeLens';
import { registerCommands } from './commands';
import { registerDecorations } from './decorations';
import { registerHover } from './hover';
import { registerCorpusView } from './corpusView';
import { LexiconService } from './lexicon';
import { Reviewer } from './reviewer';
import { SidecarService } from './sidecars';
import { onDidChangeUiLanguage, registerUiLanguage, t } from './l10n';
import { registerDocumentSymbols } from './documentSymbols';
import { registerWorkspaceSymbols } from './workspaceSymbols';
import { registerWalkthrough } from './walkthrough';
import type { Analysis } from '../core/analysis/analyze';
import { buildReview } from '../core/review/items';
import type { Annotation } from '../core/sidecar/model';
import { MIN_CHECK_WORTHINESS_SETTING } from './claimThreshold';

/** What Gloss offers other extensions and the integration tests. */
export interface GlossApi {
  analyze(uri: vscode.Uri): Promise<Analysis>;
  /** The sidecar's annotations of an article (including edits not yet written). */
  annotations(uri: vscode.Uri): Promise<Annotation[]>;
  /** Paragraphs analysed afresh since activation; unchanged paragraphs are never re-analysed. */
  freshParagraphs(): number;
  /** The last background jobs (workspace index builds and updates), oldest first. */
  backgroundJobs(): readonly BackgroundJob[];
  /** The last lines Gloss wrote to its "Gloss" output channel. */
  logLines(): readonly string[];
}

export async function activate(context: vscode.ExtensionContext): Promise<GlossApi> {
  // before anything renders text: a chosen gloss.uiLanguage is loaded first
  context.subscriptions.push(...(await registerUiLanguage(context)));
  const lexicon = new LexiconService();
  const cache = new AnalysisCache(() => lexicon.lexicon);
  const sidecars = new SidecarService();
  const reviewer = new Reviewer(cache, sidecars);
  const annotators = new AnnotatorService();
  const background = new Background();
  const rebuildIndex = () => background.run(t('rebuilding the workspace index'), [], () => lexicon.corpus.rebuild());
  lexicon.corpus.reviewState = (uri, text, analysis) => {
    const review = buildReview(analysis, sidecars.get(uri, text).sidecar);
    const verdicts = new Map<number, string>();
    for (const i of review.items) if (i.kind === 'claim' && i.annotation?.verdict) verdicts.set(i.start, i.annotation.verdict);
    return { verdicts, findings: review.items.length, reviewed: review.items.filter((i) => i.state !== 'suggested').length };
  };
  const { provider: lenses, disposables: lensDisposables } = registerCodeLens(reviewer);
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
    // a new claim threshold: other claims are marked, queued and counted in the corpus
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(MIN_CHECK_WORTHINESS_SETTING)) return;
      reviewer.invalidate();
      void rebuildIndex();
    }),
    ...registerArticleDetection(context),
    ...registerHover(reviewer, lexicon),
    ...lensDisposables,
    ...registerDecorations(reviewer, context),
    ...registerCommands({ cache, lenses, reviewer, lexicon, annotators }),
    ...registerCorpusView(lexicon.corpus),
    // text already on screen is rendered again in the new language
    onDidChangeUiLanguage(() => reviewer.invalidate()),
    ...registerDocumentSymbols(reviewer),
    ...registerWorkspaceSymbols(lexicon),
    ...registerWalkthrough(context, reviewer),
    // a decision changes one article's progress and verdicts: re-index that article only
    sidecars.onDidChange((uri) => scheduleUpdate(uri)),
    // articles added, changed or deleted outside the editor (git checkout) are re-indexed too
    ...articleWatchers((uri) => scheduleUpdate(uri)),
    ...folderDeletions((folder) => lexicon.corpus.articlesUnder(folder).forEach(scheduleUpdate)),
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
  // the workspace index is built in the background, after activation has returned
  setTimeout(() => void rebuildIndex(), 500);
  return {
    async analyze(uri) {
      return cache.get(await vscode.workspace.openTextDocument(uri));
    },
    async annotations(uri) {
      const document = await vscode.workspace.openTextDocument(uri);
      return sidecars.get(uri, document.getText()).sidecar.annotations;
    },
    freshParagraphs: () => cache.freshParagraphs,
    backgroundJobs: () => background.jobs,
    logLines: () => background.lines,
  };
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
