import * as vscode from 'vscode';
import { cjkShare } from '../core/text/chars';
import { ARTICLE_LANGUAGE } from './analysisCache';
import { t } from './l10n';

const DONT_ASK_KEY = 'gloss.dontOfferArticle';

export function isArticlePath(document: vscode.TextDocument): boolean {
  const patterns = vscode.workspace.getConfiguration('gloss').get<string[]>('articles') ?? [];
  return patterns.some((pattern) => vscode.languages.match({ pattern }, document) > 0);
}

/**
 * Gives the `article` language to plain-text files that match `gloss.articles`, and offers
 * it, once per file and with "don't ask again", for plain-text files that are mostly CJK.
 */
export function registerArticleDetection(context: vscode.ExtensionContext): vscode.Disposable[] {
  const offered = new Set<string>();
  const consider = async (document: vscode.TextDocument) => {
    if (document.languageId !== 'plaintext' || document.uri.scheme === 'output') return;
    if (document.fileName.endsWith('.annotations.yaml')) return;
    if (isArticlePath(document)) {
      await vscode.languages.setTextDocumentLanguage(document, ARTICLE_LANGUAGE);
      return;
    }
    const key = document.uri.toString();
    if (offered.has(key) || context.globalState.get<boolean>(DONT_ASK_KEY)) return;
    if (cjkShare(document.getText()) < 0.5) return;
    offered.add(key);
    const yes = t('Open as article');
    const never = t("Don't ask again");
    const choice = await vscode.window.showInformationMessage(
      t('This file is mostly Chinese text. Open it as a Gloss article?'),
      yes,
      never,
    );
    if (choice === yes) await vscode.languages.setTextDocumentLanguage(document, ARTICLE_LANGUAGE);
    if (choice === never) await context.globalState.update(DONT_ASK_KEY, true);
  };
  for (const d of vscode.workspace.textDocuments) void consider(d);
  return [vscode.workspace.onDidOpenTextDocument((d) => void consider(d))];
}
