import * as vscode from 'vscode';
import type { AnalysisCache } from './analysisCache';
import type { SidecarService } from './sidecars';
import { buildReview, itemsByParagraph, type Review, type ReviewItem } from '../core/review/items';
import type { ParagraphFindings } from '../core/analysis/analyze';

export interface ParagraphReview {
  findings: ParagraphFindings;
  items: ReviewItem[];
}

/**
 * The review of each open article (findings paired with sidecar annotations), cached by
 * document version and sidecar generation, so that hovers, lenses and decorations share it.
 */
export class Reviewer implements vscode.Disposable {
  private readonly cache = new Map<string, { version: number; generation: number; review: Review; paragraphs?: Map<number, ParagraphReview> }>();
  private generation = 0;
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(readonly analyses: AnalysisCache, readonly sidecars: SidecarService) {
    this.disposables.push(
      sidecars.onDidChange((uri) => {
        this.generation++;
        this.changed.fire(uri);
      }),
      analyses.onDidChange((uri) => this.changed.fire(uri)),
    );
  }

  review(document: vscode.TextDocument): Review {
    const key = document.uri.toString();
    const hit = this.cache.get(key);
    if (hit && hit.version === document.version && hit.generation === this.generation) return hit.review;
    const analysis = this.analyses.get(document);
    const state = this.sidecars.get(document.uri, document.getText());
    const review = buildReview(analysis, state.sidecar);
    this.cache.set(key, { version: document.version, generation: this.generation, review });
    return review;
  }

  /** Each paragraph's findings and review items, by the paragraph's start offset (computed once per review). */
  paragraphItems(document: vscode.TextDocument): Map<number, ParagraphReview> {
    this.review(document);
    const entry = this.cache.get(document.uri.toString())!;
    if (!entry.paragraphs) {
      const paragraphs = this.analyses.get(document).paragraphs;
      const grouped = itemsByParagraph(entry.review, paragraphs.map((p) => p.paragraph));
      entry.paragraphs = new Map(paragraphs.map((findings, k) => [findings.paragraph.start, { findings, items: grouped[k]! }]));
    }
    return entry.paragraphs;
  }

  /** Call after the lexicon changed: every article is reviewed afresh. */
  invalidate(): void {
    this.generation++;
    this.cache.clear();
    for (const d of vscode.workspace.textDocuments) this.changed.fire(d.uri);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
