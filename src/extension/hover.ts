import * as vscode from 'vscode';
import { ARTICLE_LANGUAGE } from './analysisCache';
import type { Reviewer } from './reviewer';
import type { LexiconService } from './lexicon';
import { commandLink, HOVER_COMMANDS } from './commands';
import { describeFigureMessage } from '../core/figures/format';
import { traditionalConverter } from '../core/script/normalize';
import { itemsAt, type ReviewItem } from '../core/review/items';
import type { Claim } from '../core/claims/detect';
import { t, tm, tn } from './l10n';
import { checkKindLabel, checkVerdictLabel, claimTypeLabel, entitySourceLabel, entityTypeLabel, figureTypeLabel } from './kindLabels';
import { verdictLabel } from './verdicts';

import { escapeMarkdown, orphanHoverMarkdown } from './markdownEscape';
import type { Orphan, Review } from '../core/review/items';
import { OffsetIndex } from '../core/text/offsets';
import { orphanRange } from './diagnostics';

export { escapeMarkdown };

const STATE_TEXT = { suggested: 'suggestion', accepted: 'accepted', rejected: 'rejected', manual: 'added by you' } as const;

function actions(uri: string, item: ReviewItem): string {
  const target = { uri, offset: item.start, kind: item.kind };
  const links = [
    commandLink('gloss.accept', target, t('Accept')),
    commandLink('gloss.reject', target, t('Reject')),
    commandLink('gloss.addNote', target, t('Note')),
  ];
  if (item.kind === 'claim') links.push(commandLink('gloss.setVerdict', target, t('Verdict')), commandLink('gloss.addEvidence', target, t('Evidence')));
  if (item.kind === 'entity') links.push(commandLink('gloss.teachEntity', target, t('Teach to lexicon')), commandLink('gloss.rejectEverywhere', target, t('Reject everywhere')));
  // a relative date is read against the article's date: set it here rather than in the YAML by hand
  if (item.finding?.figure?.relative) links.push(commandLink('gloss.setArticleDate', { uri }, t("Article's date")));
  return links.join(' · ');
}

function decision(md: vscode.MarkdownString, item: ReviewItem): void {
  const a = item.annotation;
  md.appendMarkdown(`${t('Status')}: ${escapeMarkdown(t(STATE_TEXT[item.state]))}`);
  if (a?.verdict) md.appendMarkdown(` · ${t('Verdict')}: **${escapeMarkdown(verdictLabel(a.verdict))}**`);
  md.appendMarkdown('  \n');
  if (a?.note) md.appendMarkdown(`${t('Note')}: ${escapeMarkdown(a.note)}  \n`);
  for (const e of a?.evidence ?? []) md.appendMarkdown(`${t('Evidence')}: ${escapeMarkdown(e)}  \n`);
}

function checksOf(claim: Claim | undefined, figureStart?: number): string[] {
  if (!claim) return [];
  return claim.checks
    .filter((k) => figureStart === undefined || k.stated.start === figureStart || k.from.some((f) => f.start === figureStart))
    .map((k) => {
      const icon = k.verdict === 'does not hold' ? '$(warning)' : k.verdict === 'holds' ? '$(pass)' : '$(question)';
      const assumption = k.assumptionMessage ? ` (${escapeMarkdown(tm(k.assumptionMessage))})` : '';
      return `${icon} ${escapeMarkdown(`${checkKindLabel(k.kind)}: ${tm(k.workingMessage)} — ${checkVerdictLabel(k.verdict)}`)}${assumption}`;
    });
}

/** The orphans of a review by the line of their last known place, computed once per review (an index of the whole text). */
const orphanLines = new WeakMap<Review, Map<number, Orphan[]>>();

function orphansOnLine(document: vscode.TextDocument, review: Review, line: number): Orphan[] {
  if (!review.orphans.length) return [];
  let byLine = orphanLines.get(review);
  if (!byLine) {
    byLine = new Map();
    const index = new OffsetIndex(document.getText());
    for (const o of review.orphans) {
      const at = orphanRange(document, index, o).start.line;
      byLine.set(at, [...(byLine.get(at) ?? []), o]);
    }
    orphanLines.set(review, byLine);
  }
  return byLine.get(line) ?? [];
}

/**
 * The hover of the orphans marked on a line: in a MarkdownString of its own, untrusted, with
 * no icons and no HTML, since its words come from the sidecar and nothing else in it acts.
 */
function orphansHover(orphans: Orphan[]): vscode.MarkdownString {
  const md = new vscode.MarkdownString(orphans.map((o) => orphanHoverMarkdown(o.annotation.kind, o.annotation.quote, o.reason)).join('  \n'), false);
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}

/**
 * Gloss's hover on articles. `onShown` is told each time it has something to show (the
 * walkthrough's "Read a hover" step): told here, where the hover is made, it sees the review the
 * hover shows, not an earlier one (a second provider that read the last complete analysis found
 * nothing under a pointer that rested there before the first analysis was done, and the step
 * was never ticked off).
 */
export function registerHover(reviewer: Reviewer, lexicon: LexiconService, onShown: () => void = () => undefined): vscode.Disposable[] {
  return [
    vscode.languages.registerHoverProvider(
      { language: ARTICLE_LANGUAGE },
      {
        async provideHover(document, position, token) {
          // a hover names the words under the pointer: it waits (in the background, never blocking
          // typing) for the analysis of the version on screen, where lenses make do with the last one
          const review = await reviewer.currentReview(document);
          if (token.isCancellationRequested) return undefined;
          const offset = document.offsetAt(position);
          const around = itemsAt(review, offset);
          const here = around.filter((i) => i.state !== 'rejected');
          const orphans = orphansOnLine(document, review, position.line);
          if (!here.length && !orphans.length) return undefined;
          const uri = document.uri.toString();
          const md = new vscode.MarkdownString(undefined, true);
          md.supportHtml = false;
          md.isTrusted = { enabledCommands: HOVER_COMMANDS };
          const claimItem = around.find((i) => i.kind === 'claim');
          // narrowest first: a figure or entity, then the claim around it; each section starts
          // with its own actions, so that a long hover never scrolls them out of sight
          here.sort((a, b) => a.end - a.start - (b.end - b.start));
          let range: vscode.Range | undefined;
          for (const item of here) {
            if (token.isCancellationRequested) return undefined;
            if (md.value) md.appendMarkdown('\n\n---\n\n');
            range ??= new vscode.Range(document.positionAt(item.start), document.positionAt(item.end));
            const f = item.finding;
            if (item.kind === 'figure') {
              md.appendMarkdown(`**${t('Figure')}**${f?.figure ? ` · ${escapeMarkdown(figureTypeLabel(f.figure.type))}` : ''}  \n`);
              md.appendMarkdown(`${actions(uri, item)}  \n`);
              if (f?.figure) md.appendMarkdown(`${escapeMarkdown(tm(describeFigureMessage(f.figure)))}  \n`);
              md.appendMarkdown(`${t('As written')}: ${escapeMarkdown(document.getText().slice(item.start, item.end))}  \n`);
              for (const c of checksOf(claimItem?.finding?.claim, item.start)) md.appendMarkdown(`${c}  \n`);
            } else if (item.kind === 'entity') {
              const e = f?.entity;
              const canonical = e?.canonical ?? item.annotation?.canonical ?? document.getText().slice(item.start, item.end);
              const traditional = traditionalConverter()(canonical);
              const entry = e ? lexicon.lexicon.entry(e.entityId) : undefined;
              md.appendMarkdown(`**${escapeMarkdown(canonical)}**${traditional !== canonical ? ` / ${escapeMarkdown(traditional)}` : ''} \`${escapeMarkdown(entityTypeLabel(e?.type ?? item.annotation?.type ?? t('entity')))}\`  \n`);
              md.appendMarkdown(`${actions(uri, item)}  \n`);
              if (entry?.aliases.length) md.appendMarkdown(`${t('Aliases')}: ${entry.aliases.map(escapeMarkdown).join(', ')}  \n`);
              if (entry?.note) md.appendMarkdown(`${escapeMarkdown(entry.note)}  \n`);
              if (e) {
                const here2 = review.entityCounts.get(e.entityId) ?? 0;
                const across = lexicon.corpus.counts(e.entityId);
                const corpus = across
                  ? tn(across.articles, '{0} across {1} article', '{0} across {1} articles', across.mentions, across.articles)
                  : t('workspace index is being built');
                md.appendMarkdown(`${t('{0} in this article', here2)} · ${escapeMarkdown(corpus)} · ${commandLink('gloss.showMentions', e.entityId, t('Show mentions'))}  \n`);
                md.appendMarkdown(`${t('Found by')}: ${escapeMarkdown(entitySourceLabel(e.source))}  \n`);
              }
            } else {
              const c = f?.claim;
              md.appendMarkdown(`**${t('Claim')}**${c ? ` · ${escapeMarkdown(claimTypeLabel(c.type))}` : ''}`);
              if (c) md.appendMarkdown(` · ${t('check-worthiness')} ${c.score.toFixed(2)}`);
              md.appendMarkdown('  \n');
              md.appendMarkdown(`${actions(uri, item)}  \n`);
              if (c?.source) {
                // a document is a kind of source, not a party; an unnamed source says so
                const who = c.source.kind === 'document' ? t('a document ({0})', c.source.document ?? c.source.text) : c.source.canonical ?? c.source.text;
                const unnamed = c.source.kind === 'anonymous' ? ` (${t('unnamed')})` : '';
                md.appendMarkdown(`${t('Source')}: ${escapeMarkdown(who)}${unnamed}  \n`);
              }
              if (c?.reasonMessages.length) md.appendMarkdown(`${t('Why')}: ${escapeMarkdown(c.reasonMessages.map(tm).join(t('; ')))}  \n`);
              for (const k of checksOf(c)) md.appendMarkdown(`${k}  \n`);
            }
            decision(md, item);
          }
          onShown();
          if (!orphans.length) return new vscode.Hover(md, range);
          return new vscode.Hover(md.value ? [md, orphansHover(orphans)] : [orphansHover(orphans)], range ?? document.lineAt(position.line).range);
        },
      },
    ),
  ];
}
