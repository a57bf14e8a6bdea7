/**
 * `gloss.maxArticleMb`: an article above it is not analysed (a pasted dump of tens of MB
 * would hold the extension host), and the user is told once per article, in a message that
 * offers the setting; the Problems panel and the status bar say it for as long as it holds.
 */
import * as vscode from 'vscode';
import { basename } from 'node:path';
import { DEFAULT_MAX_ARTICLE_MB, formatMb } from '../core/text/articleSize';
import { t } from './l10n';

export const MAX_ARTICLE_MB_SETTING = 'gloss.maxArticleMb';

/** An article Gloss refused to analyse: its size in UTF-8 bytes and the limit that applied. */
export interface Oversize {
  uri: vscode.Uri;
  bytes: number;
  maxMb: number;
}

export function maxArticleMb(uri?: vscode.Uri): number {
  const v = vscode.workspace.getConfiguration('gloss', uri).get<number>('maxArticleMb', DEFAULT_MAX_ARTICLE_MB);
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : DEFAULT_MAX_ARTICLE_MB;
}

export function oversizeMessage(o: Oversize): string {
  return t('Gloss does not analyse {0}: it is {1} MB, above the limit of {2} MB (gloss.maxArticleMb).', basename(o.uri.path), formatMb(o.bytes), String(o.maxMb));
}

export function openSizeSetting(): Thenable<unknown> {
  return vscode.commands.executeCommand('workbench.action.openSettings', MAX_ARTICLE_MB_SETTING);
}

/** Tells the user, once per refusal (see AnalysisCache.onDidRefuse), and logs it to the output channel. */
export function registerArticleSizeLimit(onDidRefuse: vscode.Event<Oversize>, log: (line: string) => void): vscode.Disposable[] {
  return [
    onDidRefuse((o) => {
      const message = oversizeMessage(o);
      log(message);
      const raise = t('Change the Limit');
      void vscode.window.showWarningMessage(message, raise).then((choice) => (choice === raise ? openSizeSetting() : undefined));
    }),
  ];
}
