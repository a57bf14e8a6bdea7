import { basename } from 'node:path';
import * as vscode from 'vscode';
import { ARTICLE_LANGUAGE } from './analysisCache';
import type { Reviewer } from './reviewer';
import { t } from './l10n';
import { MAX_ARTICLE_MB_SETTING, oversizeMessage } from './articleSizeLimit';

export interface StatusBarView {
  text: string;
  tooltip: string;
  visible: boolean;
}

/**
 * What is left in the active article: the queue, the failed checks and the orphans. A click
 * goes to the next item of the queue, like Alt+].
 */
export function registerStatusBar(reviewer: Reviewer): { disposables: vscode.Disposable[]; view: () => StatusBarView } {
  const item = vscode.window.createStatusBarItem('gloss.review', vscode.StatusBarAlignment.Left, 50);
  item.name = t('Gloss review');
  item.command = 'gloss.nextUnreviewed';
  let view: StatusBarView = { text: '', tooltip: '', visible: false };
  const update = () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== ARTICLE_LANGUAGE) {
      item.hide();
      view = { ...view, visible: false };
      return;
    }
    item.backgroundColor = undefined;
    const over = reviewer.analyses.oversize(editor.document);
    if (over) {
      const tooltip = `${oversizeMessage(over)}\n${t('Click to change the limit.')}`;
      item.text = `$(warning) ${t('Gloss: not analysed (too large)')}`;
      item.tooltip = tooltip;
      item.command = { title: t('Change the Limit'), command: 'workbench.action.openSettings', arguments: [MAX_ARTICLE_MB_SETTING] };
      item.show();
      view = { text: item.text, tooltip, visible: true };
      return;
    }
    item.command = 'gloss.nextUnreviewed';
    const queue = reviewer.shownQueue(editor.document);
    const orphans = reviewer.shownReview(editor.document).orphans.length;
    const left = queue.entries.length;
    const parts = [left ? `$(checklist) ${t('Gloss: {0} to review', left)}` : `$(pass-filled) ${t('Gloss: reviewed')}`];
    // a sidecar Gloss cannot read (or write) comes first, on the error colour: decisions made
    // meanwhile live only in memory, and the lenses look as if they were saved (the review
    // above asked for the sidecar: its state is there, and no copy of the text is made for it)
    const sidecar = reviewer.sidecars.peek(editor.document.uri);
    const trouble = !sidecar ? undefined : sidecar.error ? t('line {0}: {1}', sidecar.error.line ?? 1, sidecar.error.message) : sidecar.failure?.message;
    if (sidecar && trouble !== undefined) {
      const text = `$(error) ${sidecar.pending ? t('Gloss: decisions not saved') : t('Gloss: sidecar unreadable')}`;
      const tooltip = [
        t('Gloss cannot read {0} ({1}) and writes nothing to it.', basename(sidecar.uri.path), trouble),
        sidecar.pending ? t('Your decisions since are kept in memory only: fix the file, or use "Save pending changes beside it".') : t('Decisions you make now are kept in memory only.'),
        t('Click to open the sidecar.'),
      ].join('\n');
      item.text = [text, ...parts].join('  ');
      item.tooltip = tooltip;
      item.command = { title: t('Open the Sidecar'), command: 'vscode.open', arguments: [sidecar.uri] };
      item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
      item.show();
      view = { text: item.text, tooltip, visible: true };
      return;
    }
    if (queue.failedChecks) parts.push(`$(warning) ${queue.failedChecks === 1 ? t('1 failed check') : t('{0} failed checks', queue.failedChecks)}`);
    if (orphans) parts.push(`$(debug-disconnect) ${orphans === 1 ? t('1 orphan') : t('{0} orphans', orphans)}`);
    const tooltip = [
      t('{0} items need a decision in this article.', left),
      queue.failedChecks ? t('{0} arithmetic checks do not hold.', queue.failedChecks) : undefined,
      orphans ? t('{0} annotations lost their words (see Problems).', orphans) : undefined,
      left ? t('Click, or press Alt+], for the next item.') : undefined,
    ].filter(Boolean).join('\n');
    item.text = parts.join('  ');
    item.tooltip = tooltip;
    item.show();
    view = { text: item.text, tooltip, visible: true };
  };
  // after activate() has returned: the count needs the active article's analysis
  const first = setTimeout(update, 0);
  return {
    view: () => {
      update();
      return view;
    },
    disposables: [
      item,
      { dispose: () => clearTimeout(first) },
      vscode.window.onDidChangeActiveTextEditor(update),
      reviewer.onDidChange((uri) => {
        if (vscode.window.activeTextEditor?.document.uri.toString() === uri.toString()) update();
      }),
      // a language change (plaintext → article) reopens the document
      vscode.workspace.onDidOpenTextDocument(() => setTimeout(update, 0)),
    ],
  };
}
