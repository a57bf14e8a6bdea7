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
  let articleSeen = false;
  let hoverSeen = false;
  /**
   * Waits until VS Code knows the walkthrough (at most a minute). VS Code registers extensions'
   * walkthroughs a while after startup; one asked for before then is not found, and VS Code
   * opens one of its own ("Walkthrough: Setup VS Code Web") and keeps it. The extension host
   * cannot tell the pages apart (to it, each tab is "Welcome"), so Gloss asks only once VS Code
   * knows Gloss's. The test: marking the "open" step incomplete throws while VS Code does not
   * know it (it forgets the step's progress, then looks the step up); the step is marked
   * complete again at once. So this is asked only where an article is open (the step is done).
   */
  const walkthroughKnown = async () => {
    if (!articleSeen) return;
    const step = `${fullId}#open`;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const known = await vscode.commands.executeCommand('welcome.markStepIncomplete', step).then(() => true, () => false);
      await vscode.commands.executeCommand('welcome.markStepComplete', step).then(undefined, () => undefined);
      if (known) return;
      await pause(500);
    }
  };
  const open = async (toSide: boolean) => {
    await walkthroughKnown();
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', fullId, toSide);
    // VS Code opens the page as a preview: the next preview editor in its group (a file from
    // the Explorer) would replace it, and the walkthrough would be gone mid-way
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    if (tab && tab.input === undefined && tab.isPreview) await vscode.commands.executeCommand('workbench.action.keepEditor');
    // a step completed while VS Code did not know the walkthrough may have been recorded as
    // seen but not ticked off (seen once in a clean-clone CI run)
    if (articleSeen) complete(ARTICLE_OPEN_CONTEXT, 'open');
    if (hoverSeen) complete(HOVER_SHOWN_CONTEXT, 'hover');
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
