import * as vscode from 'vscode';

const KEEP = 50;

/**
 * The last messages Gloss showed that needed no answer, oldest first. Notifications cannot
 * be read from an extension host, so the integration tests read them here to tell a command
 * that explained itself from one that did nothing.
 */
export const shownNotices: string[] = [];

/** Shows an information message that asks nothing of the user, and records it. */
export function notify(message: string): void {
  shownNotices.push(message);
  if (shownNotices.length > KEEP) shownNotices.splice(0, shownNotices.length - KEEP);
  void vscode.window.showInformationMessage(message);
}
