import * as vscode from 'vscode';
import { ARTICLE_LANGUAGE, type AnalysisCache } from './analysisCache';
import { t } from './l10n';

class ParagraphLens extends vscode.CodeLens {
  constructor(range: vscode.Range, readonly summary: string, readonly isArticleSummary: boolean) {
    super(range);
  }
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * One lens at the top with the article's summary, and one per paragraph with findings.
 * Ranges come first; titles and commands are filled in `resolveCodeLens`.
 */
export class GlossCodeLensProvider implements vscode.CodeLensProvider<ParagraphLens> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly cache: AnalysisCache) {}

  refresh(): void {
    this.changed.fire();
  }

  provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): ParagraphLens[] {
    if (!vscode.workspace.getConfiguration('gloss').get<boolean>('codeLens.enabled', true)) return [];
    const analysis = this.cache.get(document);
    if (token.isCancellationRequested) return [];
    const lenses: ParagraphLens[] = [];
    const salient = analysis.figures.filter((f) => f.salient).length;
    const top = new vscode.Range(0, 0, 0, 0);
    lenses.push(
      new ParagraphLens(
        top,
        `$(book) ${t('Gloss')}: ${plural(salient, t('figure'), t('figures'))} · ${plural(
          analysis.paragraphs.filter((p) => p.paragraph.kind === 'body').length,
          t('paragraph'),
          t('paragraphs'),
        )}`,
        true,
      ),
    );
    for (const p of analysis.paragraphs) {
      const n = p.figures.filter((f) => f.salient).length;
      if (n === 0) continue;
      const pos = document.positionAt(p.paragraph.start);
      lenses.push(new ParagraphLens(new vscode.Range(pos, pos), `$(symbol-number) ${plural(n, t('figure'), t('figures'))}`, false));
    }
    return lenses;
  }

  resolveCodeLens(lens: ParagraphLens): ParagraphLens {
    lens.command = {
      title: lens.summary,
      command: lens.isArticleSummary ? 'gloss.showSummary' : 'gloss.revealParagraph',
      arguments: lens.isArticleSummary ? [] : [lens.range.start.line],
    };
    return lens;
  }
}

export function registerCodeLens(cache: AnalysisCache): { provider: GlossCodeLensProvider; disposables: vscode.Disposable[] } {
  const provider = new GlossCodeLensProvider(cache);
  return {
    provider,
    disposables: [
      vscode.languages.registerCodeLensProvider({ language: ARTICLE_LANGUAGE }, provider),
      cache.onDidChange(() => provider.refresh()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('gloss.codeLens')) provider.refresh();
      }),
    ],
  };
}
