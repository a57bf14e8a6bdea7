import * as vscode from 'vscode';
import { ARTICLE_LANGUAGE } from './analysisCache';
import type { Reviewer } from './reviewer';
import type { Orphan } from '../core/review/items';
import { OffsetIndex } from '../core/text/offsets';
import { findDateline } from '../core/figures/relativeDates';
import type { Figure } from '../core/figures/types';
import { t, tm } from './l10n';
import { oversizeMessage } from './articleSizeLimit';
import { Lazy } from './lazy';

export const DIAGNOSTIC_SOURCE = 'gloss';
/** Diagnostic codes; code actions read them to offer the matching commands. */
export const CODES = { failedCheck: 'check-fails', unclearCheck: 'check-unclear', unsupportedVerdict: 'verdict-without-evidence', orphan: 'orphan', queued: 'queued', tooLarge: 'too-large', undated: 'article-undated' } as const;

/** Where an orphan was last seen, clamped to the text as it is now (UTF-16). */
export function orphanRange(document: vscode.TextDocument, index: OffsetIndex, orphan: Orphan): vscode.Range {
  const max = index.codePointLength;
  const start = index.toUtf16(Math.min(orphan.annotation.start, max));
  const end = index.toUtf16(Math.min(Math.max(orphan.annotation.end, orphan.annotation.start), max));
  const s = document.positionAt(start);
  const e = document.positionAt(end);
  // the old place may span lines that are gone: mark at most the rest of its first line
  return e.line === s.line ? new vscode.Range(s, e) : new vscode.Range(s, document.lineAt(s.line).range.end);
}

function clip(s: string, n = 30): string {
  const flat = s.replace(/\s+/g, ' ');
  return flat.length > n ? `${flat.slice(0, n)}…` : flat;
}

/** A relative date (去年8月, 5月17日) left without a period, or without a year. */
function isUnresolvedDate(f: Figure | undefined): boolean {
  return f?.relative !== undefined && (f.period === undefined || f.period.startsWith('--'));
}

/** The diagnostics of one article, as `gloss.problems` asks: attention (default), all or none. */
export function articleDiagnostics(reviewer: Reviewer, document: vscode.TextDocument): vscode.Diagnostic[] {
  const mode = reviewer.settings(document).problems;
  if (mode === 'none') return [];
  const over = reviewer.analyses.oversize(document);
  if (over) {
    // on the first line, where it is seen; nothing else is reported, since nothing was analysed
    const d = new vscode.Diagnostic(document.lineAt(0).range, oversizeMessage(over), vscode.DiagnosticSeverity.Warning);
    d.source = DIAGNOSTIC_SOURCE;
    d.code = CODES.tooLarge;
    return [d];
  }
  const range = (s: number, e: number) => new vscode.Range(document.positionAt(s), document.positionAt(e));
  const out: vscode.Diagnostic[] = [];
  const queue = reviewer.shownQueue(document);
  const review = reviewer.shownReview(document);
  const make = (r: vscode.Range, message: string, severity: vscode.DiagnosticSeverity, code: string) => {
    const d = new vscode.Diagnostic(r, message, severity);
    d.source = DIAGNOSTIC_SOURCE;
    d.code = code;
    out.push(d);
    return d;
  };
  for (const e of queue.entries) {
    if (e.kind === 'check' && e.check) {
      const fails = e.check.verdict === 'does not hold';
      const working = tm(e.check.workingMessage);
      const message = fails ? t('Arithmetic does not hold: {0}', working) : t('Arithmetic is unclear: {0}', working);
      const d = make(range(e.start, e.end), e.check.assumptionMessage ? `${message} (${tm(e.check.assumptionMessage)})` : message, fails ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information, fails ? CODES.failedCheck : CODES.unclearCheck);
      d.relatedInformation = e.check.from.map((f) => new vscode.DiagnosticRelatedInformation(new vscode.Location(document.uri, range(f.start, f.end)), t('computed from {0}', f.text)));
    } else if (mode === 'all') {
      make(range(e.start, e.end), t('To review ({0}): {1}', tm(e.whyMessage), clip(e.text)), vscode.DiagnosticSeverity.Information, CODES.queued);
    }
  }
  // a verdict that says the claim is wrong needs something to show for it
  for (const it of review.items) {
    const v = it.annotation?.verdict;
    if (it.kind === 'claim' && (v === 'false' || v === 'disputed') && !it.annotation?.evidence?.length) {
      make(range(it.start, it.end), t('The claim is marked {0} without evidence: add a source', v), vscode.DiagnosticSeverity.Information, CODES.unsupportedVerdict);
    }
  }
  // relative dates that wait for the article's date: one problem for all of them, where the first stands
  const waiting = review.items.filter((i) => i.kind === 'figure' && i.state !== 'rejected' && isUnresolvedDate(i.finding?.figure));
  if (waiting.length && reviewer.sidecars.get(document.uri, document.getText()).sidecar.date === undefined && !findDateline(document.getText())) {
    const first = waiting[0]!;
    const example = clip(first.finding!.figure!.text);
    const message = waiting.length === 1
      ? t("The relative date {0} waits for the article's date, which is not known: set it (Ctrl+.)", example)
      : t("{0} relative dates (such as {1}) wait for the article's date, which is not known: set it (Ctrl+.)", waiting.length, example);
    make(range(first.start, first.end), message, vscode.DiagnosticSeverity.Information, CODES.undated);
  }
  if (review.orphans.length) {
    const index = new OffsetIndex(document.getText());
    for (const o of review.orphans) {
      const d = make(orphanRange(document, index, o), t('Orphaned {0} “{1}”: {2}. Re-attach it (Ctrl+.)', o.annotation.kind, clip(o.annotation.quote), o.reason), vscode.DiagnosticSeverity.Warning, CODES.orphan);
      if (o.annotation.verdict && o.annotation.verdict !== 'unreviewed') d.message += ` · ${t('verdict: {0}', o.annotation.verdict)}`;
    }
  }
  return out;
}

/** The Problems panel for open articles, refreshed with their review. */
export function registerDiagnostics(reviewer: Reviewer): vscode.Disposable[] {
  const collection = new Lazy(() => vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE));
  const refresh = (document: vscode.TextDocument) => {
    if (document.languageId !== ARTICLE_LANGUAGE || document.isClosed) {
      collection.existing?.delete(document.uri);
      return;
    }
    const list = articleDiagnostics(reviewer, document);
    if (list.length || collection.existing) collection.value.set(document.uri, list);
  };
  const refreshAll = () => vscode.workspace.textDocuments.forEach(refresh);
  // after activate() has returned: the diagnostics of open articles need their analysis
  const first = setTimeout(refreshAll, 0);
  return [
    collection,
    { dispose: () => clearTimeout(first) },
    reviewer.onDidChange((uri) => {
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (document) refresh(document);
    }),
    vscode.workspace.onDidOpenTextDocument((d) => setTimeout(() => refresh(d), 0)),
    vscode.workspace.onDidCloseTextDocument((d) => collection.existing?.delete(d.uri)),
  ];
}

