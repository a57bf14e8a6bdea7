import * as vscode from 'vscode';
import { ARTICLE_LANGUAGE } from './analysisCache';
import type { Reviewer } from './reviewer';
import { itemsAt } from '../core/review/items';

/** The walkthrough's id in package.json (`contributes.walkthroughs`). */
export const WALKTHROUGH_ID = 'gloss.start';
/** Context keys that complete the steps no command stands for (`completionEvents: onContext:…`). */
export const ARTICLE_OPEN_CONTEXT = 'gloss.articleOpen';
export const HOVER_SHOWN_CONTEXT = 'gloss.hoverShown';
const OPENED_KEY = 'gloss.walkthroughOpened';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function setContext(key: string, value: boolean): void {
  void vscode.commands.executeCommand('setContext', key, value);
}

/**
 * The "Get started with Gloss" walkthrough: the command that opens it, the context keys that
 * complete its first two steps (an article is open; a Gloss hover was shown), and opening it
 * beside the editor where `gloss.walkthrough.openOnStartup` asks (the demo of `npm start`).
 * The other steps complete on their commands, which VS Code sees run.
 */
export function registerWalkthrough(context: vscode.ExtensionContext, reviewer: Reviewer): vscode.Disposable[] {
  const fullId = `${context.extension.id}#${WALKTHROUGH_ID}`;
  const open = async (toSide: boolean) => {
    // Early in a session (seen under load) VS Code may not know the extension's walkthroughs
    // yet and opens one of its own ("Walkthrough: Setup VS Code Web"), whose tab keeps that
    // name. Gloss's page is named after the extension ("Walkthrough: Gloss"): until it shows,
    // the wrong page this opened is closed and Gloss's asked for again, for at most a minute.
    const deadline = Date.now() + 60_000;
    const pages = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((tab) => tab.input === undefined);
    const ours = () => pages().some((tab) => tab.label.includes(context.extension.packageJSON.displayName as string));
    const before = new Set(pages().map((tab) => tab.label));
    for (;;) {
      await vscode.commands.executeCommand('workbench.action.openWalkthrough', fullId, toSide);
      // the new tab reaches the extension host a moment after the command returns
      const wrong = () => pages().filter((tab) => !before.has(tab.label));
      const settled = Date.now() + 3000;
      while (!ours() && !wrong().length && Date.now() < settled) await pause(200);
      // no new page: VS Code showed the walkthrough in a Welcome page already open (it keeps its name)
      if (ours() || !wrong().length || Date.now() > deadline) return;
      await vscode.window.tabGroups.close(wrong(), true);
      await pause(1000);
    }
  };
  // An article opened before the walkthrough existed (it opens in the article language, and
  // Gloss activates on it) set the key before VS Code listened for it: said again once the
  // page is open, so that "Open an article" is ticked off.
  const announceArticle = async () => {
    if (!vscode.window.visibleTextEditors.some((e) => e.document.languageId === ARTICLE_LANGUAGE)) return;
    await vscode.commands.executeCommand('setContext', ARTICLE_OPEN_CONTEXT, false);
    await vscode.commands.executeCommand('setContext', ARTICLE_OPEN_CONTEXT, true);
  };
  const trackArticle = (editor: vscode.TextEditor | undefined) => {
    if (editor?.document.languageId === ARTICLE_LANGUAGE) setContext(ARTICLE_OPEN_CONTEXT, true);
  };
  trackArticle(vscode.window.activeTextEditor);
  let hoverSeen = false;
  const disposables: vscode.Disposable[] = [
    vscode.commands.registerCommand('gloss.getStarted', () => open(false).then(announceArticle)),
    vscode.window.onDidChangeActiveTextEditor(trackArticle),
    // the article language is given just after the file opened (gloss.articles, "Open as article"):
    // VS Code then reopens the document with it
    vscode.workspace.onDidOpenTextDocument((d) => {
      if (d.languageId === ARTICLE_LANGUAGE) setContext(ARTICLE_OPEN_CONTEXT, true);
    }),
    vscode.languages.registerHoverProvider(
      { language: ARTICLE_LANGUAGE },
      {
        // adds nothing to the hover: it notes that Gloss's own hover (hover.ts) had something to show
        provideHover(document, position) {
          if (!hoverSeen && itemsAt(reviewer.review(document), document.offsetAt(position)).length) {
            hoverSeen = true;
            setContext(HOVER_SHOWN_CONTEXT, true);
          }
          return undefined;
        },
      },
    ),
  ];
  const wanted = vscode.workspace.getConfiguration('gloss').get<boolean>('walkthrough.openOnStartup', false);
  if (wanted && !context.workspaceState.get<boolean>(OPENED_KEY)) {
    void context.workspaceState.update(OPENED_KEY, true);
    void open(true).then(announceArticle);
  }
  return disposables;
}
