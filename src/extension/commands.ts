import * as vscode from 'vscode';
import { ARTICLE_LANGUAGE, type AnalysisCache } from './analysisCache';
import type { GlossCodeLensProvider } from './codeLens';
import { describeFigure } from '../core/figures/format';
import { toSimplifiedView, traditionalConverter } from '../core/script/normalize';
import { t } from './l10n';

export interface FindingSummary {
  uri: string;
  figures: Array<{ start: number; end: number; text: string; type: string; description: string }>;
}

interface Services {
  cache: AnalysisCache;
  lenses: GlossCodeLensProvider;
}

async function documentFor(arg: unknown): Promise<vscode.TextDocument | undefined> {
  if (arg instanceof vscode.Uri) return vscode.workspace.openTextDocument(arg);
  if (typeof arg === 'string') return vscode.workspace.openTextDocument(vscode.Uri.parse(arg));
  return vscode.window.activeTextEditor?.document;
}

/**
 * Every Gloss command, in one typed map: the id, and a handler that takes arguments so
 * that tests and other extensions can run it without a UI. `package.json` lists the same
 * ids under `contributes.commands`, all in the category "Gloss".
 */
export function commandHandlers(services: Services) {
  return {
    'gloss.toggleLenses': async (): Promise<boolean> => {
      const config = vscode.workspace.getConfiguration('gloss');
      const next = !config.get<boolean>('codeLens.enabled', true);
      await config.update('codeLens.enabled', next, vscode.ConfigurationTarget.Global);
      services.lenses.refresh();
      return next;
    },
    'gloss.showSummary': async (target?: vscode.Uri | string): Promise<FindingSummary | undefined> => {
      const document = await documentFor(target);
      if (!document) return undefined;
      const analysis = services.cache.get(document);
      const summary: FindingSummary = {
        uri: document.uri.toString(),
        figures: analysis.figures
          .filter((f) => f.salient)
          .map((f) => ({ start: f.start, end: f.end, text: f.text, type: f.type, description: describeFigure(f) })),
      };
      if (!target) {
        void vscode.window.showInformationMessage(t('{0} figures in this article.', summary.figures.length));
      }
      return summary;
    },
    'gloss.revealParagraph': async (line: number): Promise<void> => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || typeof line !== 'number') return;
      const pos = new vscode.Position(line, 0);
      editor.selection = new vscode.Selection(pos, pos);
      editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    },
    'gloss.copyAsSimplified': async (target?: vscode.Uri | string): Promise<string | undefined> => {
      const document = await documentFor(target);
      if (!document) return undefined;
      const text = toSimplifiedView(document.getText()).text;
      await vscode.env.clipboard.writeText(text);
      return text;
    },
    'gloss.copyAsTraditional': async (target?: vscode.Uri | string): Promise<string | undefined> => {
      const document = await documentFor(target);
      if (!document) return undefined;
      const text = traditionalConverter()(document.getText());
      await vscode.env.clipboard.writeText(text);
      return text;
    },
    'gloss.openAsArticle': async (target?: vscode.Uri | string): Promise<string | undefined> => {
      const document = await documentFor(target);
      if (!document) return undefined;
      const changed = await vscode.languages.setTextDocumentLanguage(document, ARTICLE_LANGUAGE);
      return changed.languageId;
    },
  } satisfies Record<string, (...args: never[]) => Promise<unknown>>;
}

export type GlossCommandId = keyof ReturnType<typeof commandHandlers>;

export function registerCommands(services: Services): vscode.Disposable[] {
  const handlers = commandHandlers(services) as Record<string, (...args: unknown[]) => Promise<unknown>>;
  return Object.entries(handlers).map(([id, handler]) => vscode.commands.registerCommand(id, handler));
}
