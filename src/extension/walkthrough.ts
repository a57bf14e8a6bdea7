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
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', fullId, toSide);
    // early in a session VS Code may not know the extension's walkthroughs yet and shows its
    // own first one; asked again with its page open, it switches to Gloss's once it is known
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', fullId, toSide);
  };
  const trackArticle = (editor: vscode.TextEditor | undefined) => {
    if (editor?.document.languageId === ARTICLE_LANGUAGE) setContext(ARTICLE_OPEN_CONTEXT, true);
  };
  trackArticle(vscode.window.activeTextEditor);
  let hoverSeen = false;
  const disposables: vscode.Disposable[] = [
    vscode.commands.registerCommand('gloss.getStarted', () => open(false)),
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
    void open(true);
  }
  return disposables;
}
