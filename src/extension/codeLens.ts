import * as vscode from 'vscode';
import { ARTICLE_LANGUAGE } from './analysisCache';
import type { Reviewer } from './reviewer';
import { t } from './l10n';

type LensKind = { summary: true } | { summary: false; paragraphStart: number; action: 'review' | 'acceptAll' };

class GlossLens extends vscode.CodeLens {
  constructor(range: vscode.Range, readonly uri: vscode.Uri, readonly what: LensKind) {
    super(range);
  }
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * One lens at the top with the article's summary, and per paragraph with findings a lens
 * with its counts and one to accept all. Ranges come first; titles and commands are filled
 * in `resolveCodeLens` from the cached review.
 */
export class GlossCodeLensProvider implements vscode.CodeLensProvider<GlossLens> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly reviewer: Reviewer) {}

  refresh(): void {
    this.changed.fire();
  }

  provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): GlossLens[] {
    if (!vscode.workspace.getConfiguration('gloss', document.uri).get<boolean>('codeLens.enabled', true)) return [];
    const analysis = this.reviewer.analyses.get(document);
    if (token.isCancellationRequested) return [];
    const byParagraph = this.reviewer.paragraphItems(document);
    const lenses: GlossLens[] = [new GlossLens(new vscode.Range(0, 0, 0, 0), document.uri, { summary: true })];
    for (const p of analysis.paragraphs) {
      if (!byParagraph.get(p.paragraph.start)?.items.length) continue;
      const pos = document.positionAt(p.paragraph.start);
      const range = new vscode.Range(pos, pos);
      lenses.push(new GlossLens(range, document.uri, { summary: false, paragraphStart: p.paragraph.start, action: 'review' }));
      lenses.push(new GlossLens(range, document.uri, { summary: false, paragraphStart: p.paragraph.start, action: 'acceptAll' }));
    }
    return lenses;
  }

  resolveCodeLens(lens: GlossLens, token: vscode.CancellationToken): GlossLens {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === lens.uri.toString());
    if (!document || token.isCancellationRequested) return lens;
    const review = this.reviewer.review(document);
    const analysis = this.reviewer.analyses.get(document);
    const uri = document.uri.toString();
    if (lens.what.summary) {
      const by = (k: string) => review.items.filter((i) => i.kind === k && i.state !== 'rejected').length;
      const done = review.items.filter((i) => i.state !== 'suggested').length;
      const failed = analysis.claims.flatMap((c) => c.checks).filter((k) => k.verdict === 'does not hold').length;
      const parts = [
        `$(book) Gloss: ${count(by('claim'), t('claim'), t('claims'))} · ${count(by('figure'), t('figure'), t('figures'))} · ${count(by('entity'), t('entity'), t('entities'))}`,
        t('{0}/{1} reviewed', done, review.items.length),
      ];
      if (failed) parts.push(`$(warning) ${count(failed, t('failed check'), t('failed checks'))}`);
      if (review.orphans.length) parts.push(`$(debug-disconnect) ${count(review.orphans.length, t('orphan'), t('orphans'))}`);
      lens.command = { title: parts.join(' · '), command: 'gloss.nextUnreviewed', arguments: [{ uri, offset: 0 }] };
      return lens;
    }
    const entry = this.reviewer.paragraphItems(document).get((lens.what as { paragraphStart: number }).paragraphStart);
    if (!entry) return lens;
    const { findings: paragraph, items } = entry;
    const live = (k: string) => items.filter((i) => i.kind === k && i.state !== 'rejected').length;
    const todo = items.filter((i) => i.state === 'suggested').length;
    if (lens.what.action === 'acceptAll') {
      lens.command = todo
        ? { title: `$(check-all) ${t('Accept all')}`, command: 'gloss.acceptParagraph', arguments: [{ uri, offset: paragraph.paragraph.start }] }
        : { title: `$(pass-filled) ${t('reviewed')}`, command: '' };
      return lens;
    }
    const bits: string[] = [];
    if (live('claim')) bits.push(`$(law) ${count(live('claim'), t('claim'), t('claims'))}`);
    if (live('figure')) bits.push(`$(symbol-number) ${count(live('figure'), t('figure'), t('figures'))}`);
    if (live('entity')) bits.push(`$(person) ${count(live('entity'), t('entity'), t('entities'))}`);
    if (todo) bits.push(t('{0} to review', todo));
    if (paragraph.claims.some((c) => c.checks.some((k) => k.verdict === 'does not hold'))) bits.push(`$(warning) ${t('arithmetic')}`);
    lens.command = { title: bits.join(' · ') || t('nothing left'), command: 'gloss.nextUnreviewed', arguments: [{ uri, offset: Math.max(0, paragraph.paragraph.start - 1) }] };
    return lens;
  }
}

export function registerCodeLens(reviewer: Reviewer): { provider: GlossCodeLensProvider; disposables: vscode.Disposable[] } {
  const provider = new GlossCodeLensProvider(reviewer);
  return {
    provider,
    disposables: [
      vscode.languages.registerCodeLensProvider({ language: ARTICLE_LANGUAGE }, provider),
      // the reviewer fires after the debounce (typing) and after decisions: lenses stay still meanwhile
      reviewer.onDidChange(() => provider.refresh()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('gloss.codeLens')) provider.refresh();
      }),
    ],
  };
}
