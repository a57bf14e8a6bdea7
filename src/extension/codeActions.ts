import * as vscode from 'vscode';
import { ARTICLE_LANGUAGE } from './analysisCache';
import type { Reviewer } from './reviewer';
import { CODES, DIAGNOSTIC_SOURCE, orphanRange } from './diagnostics';
import { itemsAt } from '../core/review/items';
import { OffsetIndex } from '../core/text/offsets';
import { t } from './l10n';

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? ''));

/**
 * Ctrl+. on a Gloss problem or finding: the Gloss commands that settle it (set a verdict,
 * accept, reject, add evidence, re-attach an orphan), each with its target filled in.
 */
export class GlossCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly reviewer: Reviewer) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext, token: vscode.CancellationToken): vscode.CodeAction[] {
    if (token.isCancellationRequested) return [];
    const uri = document.uri.toString();
    const out: vscode.CodeAction[] = [];
    const action = (title: string, command: string, args: unknown, diagnostic?: vscode.Diagnostic, preferred = false) => {
      const a = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      a.command = { title, command, arguments: [args] };
      if (diagnostic) a.diagnostics = [diagnostic];
      if (preferred) a.isPreferred = true;
      out.push(a);
    };
    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    for (const d of ours) {
      const code = codeOf(d);
      const offset = document.offsetAt(d.range.start);
      if (code === CODES.failedCheck || code === CODES.unclearCheck) {
        const claim = { uri, offset, kind: 'claim' };
        action(t('Gloss: mark the claim false'), 'gloss.setVerdict', { ...claim, verdict: 'false' }, d, code === CODES.failedCheck);
        action(t('Gloss: mark the claim disputed'), 'gloss.setVerdict', { ...claim, verdict: 'disputed' }, d);
        action(t('Gloss: set a verdict…'), 'gloss.setVerdict', claim, d);
        action(t('Gloss: add evidence…'), 'gloss.addEvidence', claim, d);
        action(t('Gloss: the figure was misread, reject it'), 'gloss.reject', { uri, offset, kind: 'figure' }, d);
      } else if (code === CODES.unsupportedVerdict) {
        action(t('Gloss: add evidence…'), 'gloss.addEvidence', { uri, offset, kind: 'claim' }, d, true);
      } else if (code === CODES.undated) {
        action(t("Gloss: set the article's date…"), 'gloss.setArticleDate', { uri }, d, true);
      } else if (code === CODES.orphan) {
        const index = new OffsetIndex(document.getText());
        const orphan = this.reviewer.shownReview(document).orphans.find((o) => orphanRange(document, index, o).isEqual(d.range));
        action(t('Gloss: re-attach the orphaned annotation…'), 'gloss.reattachOrphan', { uri, ...(orphan ? { id: orphan.annotation.id } : {}) }, d, true);
      }
    }
    // the finding under the cursor, with or without a problem
    const offset = document.offsetAt(range.start);
    const here = itemsAt(this.reviewer.shownReview(document), offset).sort((a, b) => a.end - a.start - (b.end - b.start));
    for (const item of here) {
      const target = { uri, offset, kind: item.kind };
      const what = t(item.kind === 'claim' ? 'claim' : item.kind === 'figure' ? 'figure' : 'entity');
      if (item.state !== 'accepted' && item.state !== 'manual') action(t('Gloss: accept this {0}', what), 'gloss.accept', target);
      if (item.state !== 'rejected') action(t('Gloss: reject this {0}', what), 'gloss.reject', target);
      if (item.kind === 'entity') action(t('Gloss: reject everywhere (every article, both scripts)'), 'gloss.rejectEverywhere', target);
      if (item.kind === 'claim' && !ours.length) {
        action(t('Gloss: set a verdict…'), 'gloss.setVerdict', target);
        action(t('Gloss: add evidence…'), 'gloss.addEvidence', target);
      }
    }
    return out;
  }
}

export function registerCodeActions(reviewer: Reviewer): vscode.Disposable[] {
  return [vscode.languages.registerCodeActionsProvider({ language: ARTICLE_LANGUAGE }, new GlossCodeActions(reviewer), { providedCodeActionKinds: GlossCodeActions.kinds })];
}
