import * as vscode from 'vscode';
import { ARTICLE_LANGUAGE } from './analysisCache';

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

export interface Walkthrough {
  disposables: vscode.Disposable[];
  /** Gloss's hover showed something (hover.ts): ticks off "Read a hover". */
  hoverShown(): void;
}

/**
 * The "Get started with Gloss" walkthrough: the command that opens it, the context keys that
 * complete its first two steps (an article is open; a Gloss hover was shown), and opening it
 * beside the editor where `gloss.walkthrough.openOnStartup` asks (the demo of `npm start`).
 * The other steps complete on their commands, which VS Code sees run.
 */
export function registerWalkthrough(context: vscode.ExtensionContext): Walkthrough {
  const fullId = `${context.extension.id}#${WALKTHROUGH_ID}`;
  const ours = (tab: vscode.Tab) => tab.label.includes(context.extension.packageJSON.displayName as string);
  let articleSeen = false;
  let hoverSeen = false;
  const ourTab = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((tab) => tab.input === undefined && ours(tab));
  const open = async (toSide: boolean) => {
    // Early in a session (seen under load) VS Code may not know the extension's walkthroughs
    // yet and opens one of its own ("Walkthrough: Setup VS Code Web"), whose tab keeps that
    // name. Gloss's page is named after the extension ("Walkthrough: Gloss"): until it shows,
    // the wrong page this opened is closed and Gloss's asked for again, for at most a minute.
    const deadline = Date.now() + 60_000;
    const pages = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((tab) => tab.input === undefined);
    const before = new Set(pages().map((tab) => tab.label));
    for (;;) {
      await vscode.commands.executeCommand('workbench.action.openWalkthrough', fullId, toSide);
      // the new tab reaches the extension host a moment after the command returns
      const wrong = () => pages().filter((tab) => !before.has(tab.label) && !ours(tab));
      const settled = Date.now() + 3000;
      while (!ourTab() && !wrong().length && Date.now() < settled) await pause(200);
      // no new page: VS Code showed the walkthrough in a Welcome page already open (it keeps its name)
      if (ourTab() || !wrong().length || Date.now() > deadline) break;
      await vscode.window.tabGroups.close(wrong(), true);
      await pause(1000);
    }
    // VS Code opens the page as a preview: the next preview editor in its group (the sidecar,
    // a file from the Explorer) would replace it, and the walkthrough would be gone mid-way.
    const tab = ourTab();
    if (tab?.isPreview && tab.isActive && tab.group.isActive) await vscode.commands.executeCommand('workbench.action.keepEditor');
    // VS Code knows the walkthrough now that its page shows: a step completed while it did not
    // may have been recorded as seen but not ticked off (seen once in a clean-clone CI run)
    if (tab && articleSeen) complete(ARTICLE_OPEN_CONTEXT, 'open');
    if (tab && hoverSeen) complete(HOVER_SHOWN_CONTEXT, 'hover');
  };
  /**
   * Ticks off step `step` of the walkthrough whose completion event is the context key `key`.
   * The key alone is not enough: VS Code registers the walkthrough a while after startup, and
   * a key already true then counts as "seen this session" without ticking the step off, and
   * is never looked at again (its progressByEvent ignores an event it has seen). An article
   * opened at startup (the demo, opened in the article language at once) sets the key before
   * that. So the step is also marked complete by its id, which VS Code records even before the
   * walkthrough is registered (the command throws then, after saving the progress).
   */
  const complete = (key: string, step: string) => {
    setContext(key, true);
    vscode.commands.executeCommand('welcome.markStepComplete', `${fullId}#${step}`).then(undefined, () => undefined);
  };
  const trackArticle = (document: vscode.TextDocument | undefined) => {
    if (articleSeen || document?.languageId !== ARTICLE_LANGUAGE) return;
    articleSeen = true;
    complete(ARTICLE_OPEN_CONTEXT, 'open');
  };
  trackArticle(vscode.window.activeTextEditor?.document);
  const disposables: vscode.Disposable[] = [
    vscode.commands.registerCommand('gloss.getStarted', () => open(false)),
    vscode.window.onDidChangeActiveTextEditor((editor) => trackArticle(editor?.document)),
    // the article language can be given just after the file opened ("Open as article"):
    // VS Code then reopens the document with it
    vscode.workspace.onDidOpenTextDocument(trackArticle),
  ];
  const wanted = vscode.workspace.getConfiguration('gloss').get<boolean>('walkthrough.openOnStartup', false);
  if (wanted && !context.workspaceState.get<boolean>(OPENED_KEY)) {
    void context.workspaceState.update(OPENED_KEY, true);
    void open(true);
  }
  const hoverShown = () => {
    if (hoverSeen) return;
    hoverSeen = true;
    complete(HOVER_SHOWN_CONTEXT, 'hover');
  };
  return { disposables, hoverShown };
}
