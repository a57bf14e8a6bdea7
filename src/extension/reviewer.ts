import * as vscode from 'vscode';
import type { AnalysisCache } from './analysisCache';
import type { SidecarService } from './sidecars';
import type { Review, ReviewItem } from '../core/review/items';
import { ReviewTracker } from '../core/review/incremental';
import type { Queue, QueueEntry } from '../core/review/queue';
import type { Analysis, ParagraphFindings } from '../core/analysis/analyze';
import { affectsReview, reviewSettings, type ReviewSettings } from './reviewSettings';

export interface ParagraphReview {
  findings: ParagraphFindings;
  items: ReviewItem[];
  /** What is or was queued in the paragraph (settled entries included). */
  queued: QueueEntry[];
}

interface Entry {
  /** The analysis it reviews: of the document's current version, or the last complete one while a newer one is analysed. */
  analysis: Analysis;
  generation: number;
  review: Review;
  queue: Queue;
  settings: ReviewSettings;
  itemsByParagraph: ReviewItem[][];
  paragraphs?: Map<number, ParagraphReview>;
}

/**
 * The review of each open article (findings paired with sidecar annotations) and its queue,
 * cached by document version, sidecar generation and settings, so that hovers, lenses,
 * decorations, diagnostics and the status bar share them.
 */
export class Reviewer implements vscode.Disposable {
  private readonly cache = new Map<string, Entry>();
  /** Per document: the review and queue kept per edit (a keystroke redoes the edited paragraph's, not the article's). */
  private readonly trackers = new Map<string, ReviewTracker>();
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
      // a reopened document starts again at version 1: its old review must not be served
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.cache.delete(d.uri.toString());
        this.trackers.delete(d.uri.toString());
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (affectsReview(e)) this.invalidate();
      }),
    );
  }

  /**
   * `current`: of the document's current version, analysed now if need be (commands act on
   * what the user sees). Otherwise of the last complete analysis, which never waits (providers:
   * they are asked again when the analysis of the new version is done).
   */
  private entry(document: vscode.TextDocument, current: boolean): Entry {
    const key = document.uri.toString();
    const analysis = (current ? this.analyses.get(document) : this.analyses.latest(document)) ?? pending(document);
    const hit = this.cache.get(key);
    if (hit && hit.analysis === analysis && hit.generation === this.generation) return hit;
    const settings = reviewSettings(document.uri);
    const state = this.sidecars.get(document.uri, document.getText());
    let tracker = this.trackers.get(key);
    if (!tracker) this.trackers.set(key, (tracker = new ReviewTracker()));
    const { review, queue, itemsByParagraph } = tracker.update(analysis, state.sidecar, settings);
    const entry: Entry = { analysis, generation: this.generation, review, queue, settings, itemsByParagraph };
    this.cache.set(key, entry);
    return entry;
  }

  /** The review of the document's current version (for commands: analysed now if need be). */
  review(document: vscode.TextDocument): Review {
    return this.entry(document, true).review;
  }

  queue(document: vscode.TextDocument): Queue {
    return this.entry(document, true).queue;
  }

  /** The review of the last complete analysis, without waiting for one under way (for providers). */
  shownReview(document: vscode.TextDocument): Review {
    return this.entry(document, false).review;
  }

  shownQueue(document: vscode.TextDocument): Queue {
    return this.entry(document, false).queue;
  }

  /** The review of the document's current version, awaited without blocking the editor's thread (hovers: they must name the words under the pointer). */
  async currentReview(document: vscode.TextDocument): Promise<Review> {
    await this.analyses.analysed(document);
    return this.entry(document, true).review;
  }

  /** The analysis providers show: the last complete one (empty, with no paragraphs, before the first is done). */
  shownAnalysis(document: vscode.TextDocument): Analysis {
    return this.entry(document, false).analysis;
  }

  /** Whether the document's first analysis is still under way (providers show nothing yet). */
  pending(document: vscode.TextDocument): boolean {
    return this.analyses.latest(document) === undefined;
  }

  settings(document: vscode.TextDocument): ReviewSettings {
    return reviewSettings(document.uri);
  }

  /** Each paragraph's findings, review items and queue entries of the shown analysis, by the paragraph's start offset (computed once per review). */
  paragraphItems(document: vscode.TextDocument): Map<number, ParagraphReview> {
    const entry = this.entry(document, false);
    if (!entry.paragraphs) {
      const paragraphs = entry.analysis.paragraphs;
      const spans = paragraphs.map((p) => p.paragraph);
      const grouped = entry.itemsByParagraph;
      const queued: QueueEntry[][] = spans.map(() => []);
      let p = 0;
      for (const q of entry.queue.candidates) {
        while (p < spans.length && spans[p]!.end <= q.start) p++;
        if (p === spans.length) break;
        if (q.start >= spans[p]!.start) queued[p]!.push(q);
      }
      entry.paragraphs = new Map(paragraphs.map((findings, k) => [findings.paragraph.start, { findings, items: grouped[k]!, queued: queued[k]! }]));
    }
    return entry.paragraphs;
  }

  /** Call after the lexicon or the settings changed: every article is reviewed afresh. */
  invalidate(): void {
    this.generation++;
    this.cache.clear();
    this.trackers.clear();
    for (const d of vscode.workspace.textDocuments) this.changed.fire(d.uri);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** What providers show before an article's first analysis is done: nothing. */
function pending(document: vscode.TextDocument): Analysis {
  return { text: document.getText(), paragraphs: [], figures: [], entities: [], claims: [] };
}
