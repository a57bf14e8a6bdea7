import * as vscode from 'vscode';
import { AnalysisCache } from './analysisCache';
import { registerArticleDetection } from './articles';
import { registerCodeLens } from './codeLens';
import { registerCommands } from './commands';
import { registerHover } from './hover';
import type { Analysis } from '../core/analysis/analyze';

/** What Gloss offers other extensions and the integration tests. */
export interface GlossApi {
  analyze(uri: vscode.Uri): Promise<Analysis>;
  /** Paragraphs analysed afresh since activation; unchanged paragraphs are never re-analysed. */
  freshParagraphs(): number;
}

export function activate(context: vscode.ExtensionContext): GlossApi {
  const cache = new AnalysisCache();
  const { provider: lenses, disposables: lensDisposables } = registerCodeLens(cache);
  context.subscriptions.push(
    cache,
    ...registerArticleDetection(context),
    ...registerHover(cache),
    ...lensDisposables,
    ...registerCommands({ cache, lenses }),
  );
  return {
    async analyze(uri) {
      return cache.get(await vscode.workspace.openTextDocument(uri));
    },
    freshParagraphs: () => cache.freshParagraphs,
  };
}

export function deactivate(): void {
  // everything is disposed through context.subscriptions
}
