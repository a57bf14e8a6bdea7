import * as vscode from 'vscode';

const KEEP = 50;

/*
 * The last messages Gloss showed that needed no answer, oldest first. Notifications cannot
 * be read from an extension host, so the integration tests read them here to tell a command
 * that explained itself from one that did nothing.
 */
const shown: string[] = [];
let count = 0;

/** The last messages shown (a copy), and how many were shown in all since activation. */
export function shownNotices(): { last: string[]; count: number } {
  return { last: [...shown], count };
}

/** Shows an information message that asks nothing of the user, and records it. */
export function notify(message: string): void {
  shown.push(message);
  count++;
  if (shown.length > KEEP) shown.splice(0, shown.length - KEEP);
  void vscode.window.showInformationMessage(message);
}
