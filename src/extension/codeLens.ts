import * as vscode from 'vscode';
import { ARTICLE_LANGUAGE } from './analysisCache';
import type { Reviewer } from './reviewer';
import { t } from './l10n';
import { affectsReview } from './reviewSettings';

/** A paragraph lens stands for the paragraphs that begin on its line (the pieces of a long one: see longParagraphs.ts). */
type LensKind = { summary: true } | { summary: false; paragraphStarts: number[]; action: 'review' | 'acceptAll' };

class GlossLens extends vscode.CodeLens {
  constructor(range: vscode.Range, readonly uri: vscode.Uri, readonly what: LensKind) {
    super(range);
  }
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * One lens at the top with the article's queue, on a line of its own, and a lens per
 * paragraph where something is or was queued (a setting shows every paragraph with findings):
 * what is left there, and Accept all. A paragraph keeps its lens once everything in it is
 * decided ("reviewed"), so that deciding never moves the text. The lenses on screen come with
 * their titles; the others are filled in `resolveCodeLens` from the cached review, when
 * scrolled to.
 */
export class GlossCodeLensProvider implements vscode.CodeLensProvider<GlossLens> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly reviewer: Reviewer) {}

  refresh(): void {
    this.changed.fire();
  }

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<GlossLens[]> {
    if (!vscode.workspace.getConfiguration('gloss', document.uri).get<boolean>('codeLens.enabled', true)) return [];
    // lenses come from the last complete analysis; before the first one there is nothing to show: it is awaited (in the background)
    if (this.reviewer.pending(document)) await this.reviewer.analyses.analysed(document);
    if (token.isCancellationRequested) return [];
    const analysis = this.reviewer.shownAnalysis(document);
    const byParagraph = this.reviewer.paragraphItems(document);
    const all = this.reviewer.settings(document).allParagraphLenses;
    const lenses: GlossLens[] = [new GlossLens(new vscode.Range(0, 0, 0, 0), document.uri, { summary: true })];
    // one row of lenses per line: the pieces of a long line, or a credit and the body after it
    // on its line, would each have stacked their own counts and Accept all side by side
    const rows = new Map<number, { at: vscode.Position; starts: number[]; suggested: boolean }>();
    for (const p of analysis.paragraphs) {
      const entry = byParagraph.get(p.paragraph.start);
      if (!entry || !(entry.queued.length || (all && entry.items.length))) continue;
      const pos = document.positionAt(p.paragraph.start);
      // the file lens keeps the first line to itself
      if (pos.line === 0) continue;
      let row = rows.get(pos.line);
      if (!row) rows.set(pos.line, (row = { at: pos, starts: [], suggested: false }));
      row.starts.push(p.paragraph.start);
      row.suggested ||= entry.items.some((i) => i.state === 'suggested');
    }
    for (const { at, starts, suggested } of rows.values()) {
      const range = new vscode.Range(at, at);
      lenses.push(new GlossLens(range, document.uri, { summary: false, paragraphStarts: starts, action: 'review' }));
      if (suggested) lenses.push(new GlossLens(range, document.uri, { summary: false, paragraphStarts: starts, action: 'acceptAll' }));
    }
    // left to resolveCodeLens, the first lenses of an article showed a debounced round trip
    // later (about a second on a busy machine); titles cost little, but a long article has
    // thousands of lenses, so only those on screen or near it are filled here
    const near = nearScreen(document);
    for (const lens of lenses) if (lens.what.summary || near(lens.range.start.line)) this.fill(lens, document);
    return lenses;
  }

  resolveCodeLens(lens: GlossLens, token: vscode.CancellationToken): GlossLens {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === lens.uri.toString());
    if (!document || token.isCancellationRequested) return lens;
    return this.fill(lens, document);
  }

  /** Sets the lens's title and command from the cached review. */
  private fill(lens: GlossLens, document: vscode.TextDocument): GlossLens {
    const queue = this.reviewer.shownQueue(document);
    const review = this.reviewer.shownReview(document);
    const uri = document.uri.toString();
    if (lens.what.summary) {
      const by = (k: string) => queue.entries.filter((e) => e.kind === k).length;
      const parts = [queue.entries.length ? `$(book) ${t('Gloss: {0} to review', queue.entries.length)}` : `$(pass-filled) ${t('Gloss: reviewed')}`];
      const kinds = [
        by('claim') ? count(by('claim'), t('claim'), t('claims')) : '',
        by('entity') ? count(by('entity'), t('entity'), t('entities')) : '',
        by('figure') ? count(by('figure'), t('figure'), t('figures')) : '',
      ].filter(Boolean);
      if (kinds.length) parts.push(kinds.join(', '));
      if (queue.failedChecks) parts.push(`$(warning) ${count(queue.failedChecks, t('failed check'), t('failed checks'))}`);
      if (review.orphans.length) parts.push(`$(debug-disconnect) ${count(review.orphans.length, t('orphan'), t('orphans'))}`);
      lens.command = { title: parts.join(' · '), command: 'gloss.showQueue', arguments: [] };
      return lens;
    }
    const byParagraph = this.reviewer.paragraphItems(document);
    const entries = lens.what.paragraphStarts.flatMap((start) => byParagraph.get(start) ?? []);
    if (!entries.length) return lens;
    const paragraph = entries[0]!.findings;
    const items = entries.flatMap((e) => e.items);
    const queued = entries.flatMap((e) => e.queued);
    const open = queued.filter((q) => !q.settled);
    const suggested = items.filter((i) => i.state === 'suggested');
    const failing = suggested.filter((i) => i.finding?.claim?.checks.some((k) => k.verdict === 'does not hold'));
    if (lens.what.action === 'acceptAll') {
      const target = { uri, offset: paragraph.paragraph.start };
      lens.command = failing.length
        ? { title: `$(check-all) ${t('Accept all but the failed check')}`, command: 'gloss.acceptParagraph', arguments: [target] }
        : { title: `$(check-all) ${t('Accept all')}`, command: 'gloss.acceptParagraph', arguments: [target] };
      return lens;
    }
    const left = (k: string) => open.filter((q) => q.kind === k).length;
    const bits: string[] = [];
    if (left('check')) bits.push(`$(warning) ${count(left('check'), t('check to decide'), t('checks to decide'))}`);
    if (left('claim')) bits.push(`$(law) ${count(left('claim'), t('claim'), t('claims'))}`);
    if (left('entity')) bits.push(`$(person) ${count(left('entity'), t('entity'), t('entities'))}`);
    if (left('figure')) bits.push(`$(symbol-number) ${count(left('figure'), t('figure'), t('figures'))}`);
    if (open.length) bits.push(t('{0} to review', open.length));
    const title = bits.join(' · ') || (queued.length ? `$(pass-filled) ${t('reviewed')}` : t('nothing queued'));
    lens.command = { title, command: 'gloss.nextUnreviewed', arguments: [{ uri, offset: Math.max(0, paragraph.paragraph.start - 1) }] };
    return lens;
  }
}

/** Lines this many above or below the visible ranges count as near the screen. */
const NEAR_LINES = 100;

/** Whether a line is on screen, or near it, in an editor showing the document (the first lines when none shows it yet). */
function nearScreen(document: vscode.TextDocument): (line: number) => boolean {
  const ranges = vscode.window.visibleTextEditors.filter((e) => e.document === document).flatMap((e) => e.visibleRanges);
  if (!ranges.length) return (line) => line < NEAR_LINES;
  return (line) => ranges.some((r) => line >= r.start.line - NEAR_LINES && line <= r.end.line + NEAR_LINES);
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
        if (e.affectsConfiguration('gloss.codeLens') || affectsReview(e)) provider.refresh();
      }),
    ],
  };
}
