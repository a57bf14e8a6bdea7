import * as vscode from 'vscode';
import { ARTICLE_LANGUAGE } from './analysisCache';
import type { Reviewer } from './reviewer';
import { firstWords } from '../core/text/firstWords';
import type { ParagraphKind } from '../core/text/paragraphs';
import { tn } from './l10n';
import { verdictLabel } from './verdicts';

/** Scraping noise has no place in the outline (it stays in the text, and in the Problems panel). */
const NOISE: ReadonlySet<ParagraphKind> = new Set(['credit', 'tagcloud', 'navigation']);

function range(document: vscode.TextDocument, start: number, end: number): vscode.Range {
  return new vscode.Range(document.positionAt(start), document.positionAt(end));
}

/**
 * The Outline and breadcrumbs of an article: its paragraphs, named by their first words,
 * with the claims in them as children, each showing its verdict. Headings are namespaces,
 * so that the breadcrumb reads "heading › paragraph › claim" wherever the cursor is.
 */
export class ArticleSymbols implements vscode.DocumentSymbolProvider {
  constructor(private readonly reviewer: Reviewer) {}

  async provideDocumentSymbols(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.DocumentSymbol[]> {
    // the last complete analysis; before the first one, it is awaited (in the background) rather than an empty outline shown
    if (this.reviewer.pending(document)) await this.reviewer.analyses.analysed(document);
    if (token.isCancellationRequested) return [];
    const analysis = this.reviewer.shownAnalysis(document);
    const byParagraph = this.reviewer.paragraphItems(document);
    const out: vscode.DocumentSymbol[] = [];
    for (const { paragraph } of analysis.paragraphs) {
      if (NOISE.has(paragraph.kind)) continue;
      const claims = (byParagraph.get(paragraph.start)?.items ?? []).filter((i) => i.kind === 'claim' && i.state !== 'rejected');
      const whole = range(document, paragraph.start, paragraph.end);
      const name = firstWords(paragraph.text);
      const symbol = new vscode.DocumentSymbol(
        name,
        claims.length ? tn(claims.length, '{0} claim', '{0} claims') : '',
        paragraph.kind === 'heading' ? vscode.SymbolKind.Namespace : vscode.SymbolKind.String,
        whole,
        range(document, paragraph.start, Math.min(paragraph.end, paragraph.start + name.replace(/…$/, '').length)),
      );
      for (const c of claims) {
        const text = document.getText().slice(c.start, c.end);
        const claimRange = range(document, c.start, c.end);
        symbol.children.push(new vscode.DocumentSymbol(firstWords(text), verdictLabel(c.annotation?.verdict ?? 'unreviewed'), vscode.SymbolKind.Event, claimRange, claimRange));
      }
      out.push(symbol);
    }
    return out;
  }
}

/**
 * Registers the provider. A verdict changes the sidecar, not the document, and VS Code asks
 * for symbols again only when a document or the set of providers changes: registering the
 * provider afresh after a decision brings the Outline and breadcrumbs up to date.
 */
export function registerDocumentSymbols(reviewer: Reviewer): vscode.Disposable[] {
  const provider = new ArticleSymbols(reviewer);
  const register = () => vscode.languages.registerDocumentSymbolProvider({ language: ARTICLE_LANGUAGE }, provider, { label: 'Gloss' });
  let registration = register();
  let timer: NodeJS.Timeout | undefined;
  return [
    reviewer.sidecars.onDidChange(() => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        registration.dispose();
        registration = register();
      }, 300);
    }),
    { dispose: () => { clearTimeout(timer); registration.dispose(); } },
  ];
}
