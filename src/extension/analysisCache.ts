import * as vscode from 'vscode';
import { Analyzer, type Analysis } from '../core/analysis/analyze';
import type { Lexicon } from '../core/entities/lexicon';
import { setNerModelPath } from '../core/entities/ner';
import { join } from 'node:path';
import { MIN_CHECK_WORTHINESS_SETTING, minCheckWorthiness } from './claimThreshold';
import { bytesAboveLimit } from '../core/text/articleSize';
import { MAX_ARTICLE_MB_SETTING, maxArticleMb, type Oversize } from './articleSizeLimit';

export const ARTICLE_LANGUAGE = 'article';

/**
 * Findings per open document, keyed by URI and version. Providers read from here, so a
 * hover or lens request on an unchanged document costs a map lookup. The analyzer below
 * remembers paragraphs by text, so a new version re-analyses only the paragraphs that changed.
 */
export class AnalysisCache implements vscode.Disposable {
  private analyzerInstance: Analyzer | undefined;
  private readonly entries = new Map<string, { version: number; analysis: Analysis }>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Fires about 200 ms after the last edit to an article, and when it is first analysed. */
  readonly onDidChange = this.changed.event;
  /** Open articles above gloss.maxArticleMb (not analysed), and those the user was told about. */
  private readonly oversized = new Map<string, Oversize>();
  private readonly told = new Set<string>();
  private readonly refused = new vscode.EventEmitter<Oversize>();
  /** Fires once when an article is found above gloss.maxArticleMb (again after it is closed or the limit changes). */
  readonly onDidRefuse = this.refused.event;

  constructor(private readonly lexicon: () => Lexicon, private readonly debounceMs = 200) {
    // the tagger's model ships beside the bundle (dist/ner.json) and is read on first use
    setNerModelPath(join(__dirname, 'ner.json'));
    this.disposables.push(
      this.changed,
      this.refused,
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.languageId === ARTICLE_LANGUAGE && e.contentChanges.length) this.schedule(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        const key = d.uri.toString();
        this.entries.delete(key);
        this.oversized.delete(key);
        this.told.delete(key);
      }),
      // a new claim threshold needs no re-analysis (every candidate is scored), only new results;
      // a new size limit may let an article in, or keep one out (and say so again)
      vscode.workspace.onDidChangeConfiguration((e) => {
        const limit = e.affectsConfiguration(MAX_ARTICLE_MB_SETTING);
        if (!limit && !e.affectsConfiguration(MIN_CHECK_WORTHINESS_SETTING)) return;
        const open = [...this.entries.keys()];
        this.entries.clear();
        if (limit) {
          this.oversized.clear();
          this.told.clear();
        }
        for (const key of open) this.changed.fire(vscode.Uri.parse(key));
      }),
    );
  }

  /** Made on the first analysis, so that activation loads neither the lexicon nor the dictionaries. */
  private get analyzer(): Analyzer {
    this.analyzerInstance ??= new Analyzer(this.lexicon());
    return this.analyzerInstance;
  }

  get(document: vscode.TextDocument): Analysis {
    const key = document.uri.toString();
    const entry = this.entries.get(key);
    if (entry && entry.version === document.version) return entry.analysis;
    const text = document.getText();
    const maxMb = maxArticleMb(document.uri);
    const bytes = bytesAboveLimit(text, maxMb);
    if (bytes !== undefined) {
      // nothing is analysed (nor the lexicon loaded): the article shows as it is, and says why
      const over: Oversize = { uri: document.uri, bytes, maxMb };
      this.oversized.set(key, over);
      const analysis: Analysis = { text, paragraphs: [], figures: [], entities: [], claims: [] };
      this.entries.set(key, { version: document.version, analysis });
      if (!this.told.has(key)) {
        this.told.add(key);
        this.refused.fire(over);
      }
      return analysis;
    }
    this.oversized.delete(key);
    this.analyzer.minCheckWorthiness = minCheckWorthiness(document.uri);
    // keyed by URI, so that the next version redoes only what the edit can change
    const analysis = this.analyzer.analyze(text, { document: key });
    this.entries.set(key, { version: document.version, analysis });
    return analysis;
  }

  /** Whether the document is above gloss.maxArticleMb, and so not analysed. */
  oversize(document: vscode.TextDocument): Oversize | undefined {
    this.get(document);
    return this.oversized.get(document.uri.toString());
  }

  /** Findings of a text that is not open in an editor (the corpus index), sharing the paragraph cache. */
  analyze(text: string, document?: string): Analysis {
    this.analyzer.minCheckWorthiness = minCheckWorthiness();
    return this.analyzer.analyze(text, document === undefined ? {} : { document });
  }

  /** A new workspace lexicon: everything is analysed again. */
  setLexicon(lexicon: Lexicon): void {
    this.analyzerInstance?.setLexicon(lexicon);
    this.entries.clear();
  }

  /** Paragraphs analysed afresh so far (for tests of incremental analysis). */
  get freshParagraphs(): number {
    return this.analyzerInstance?.freshParagraphs ?? 0;
  }

  private schedule(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.get(document);
        this.changed.fire(document.uri);
      }, this.debounceMs),
    );
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}
