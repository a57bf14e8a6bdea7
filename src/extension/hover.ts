import * as vscode from 'vscode';
import type { AnalysisCache } from './analysisCache';
import { ARTICLE_LANGUAGE } from './analysisCache';
import { describeFigure } from '../core/figures/format';
import type { Figure } from '../core/figures/types';
import { t } from './l10n';

/** Markdown-escapes text that comes from files, so it can never become a link or markup. */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>~&:]/g, (c) => `\\${c}`);
}

function figureHover(f: Figure): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.supportHtml = false;
  md.isTrusted = false;
  md.appendMarkdown(`**${t('Figure')}** \`${escapeMarkdown(f.type)}\`  \n`);
  md.appendMarkdown(`${escapeMarkdown(describeFigure(f))}\n\n`);
  md.appendMarkdown(`${t('As written')}: ${escapeMarkdown(f.text)}`);
  return md;
}

export function registerHover(cache: AnalysisCache): vscode.Disposable[] {
  return [
    vscode.languages.registerHoverProvider(
      { language: ARTICLE_LANGUAGE },
      {
        provideHover(document, position, token) {
          if (token.isCancellationRequested) return undefined;
          const offset = document.offsetAt(position);
          const analysis = cache.get(document);
          const f = analysis.figures.find((x) => x.start <= offset && offset < x.end && x.salient);
          if (!f) return undefined;
          return new vscode.Hover(figureHover(f), new vscode.Range(document.positionAt(f.start), document.positionAt(f.end)));
        },
      },
    ),
  ];
}
