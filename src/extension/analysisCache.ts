import * as vscode from 'vscode';
import { Analyzer, type Analysis } from '../core/analysis/analyze';
import type { Lexicon } from '../core/entities/lexicon';
import { setNerModelPath } from '../core/entities/ner';
import { join } from 'node:path';
import { MIN_CHECK_WORTHINESS_SETTING, minCheckWorthiness } from './claimThreshold';
import { bytesAboveLimit } from '../core/text/articleSize';
import { MAX_ARTICLE_MB_SETTING, maxArticleMb, type Oversize } from './articleSizeLimit';

export const ARTICLE_LANGUAGE = 'article';

/** How long a background analysis works before it lets the editor's thread go on (ms). */
const SLICE_MS = 8;

interface Run {
  version: number;
  /** The article's date it reads relative dates against (from the sidecar), if any. */
  date: string | undefined;
  cancelled: boolean;
  /** Settles when the run ends, completed or dropped. */
  done: Promise<void>;
  /** What the analysis threw, if it failed. */
  error?: unknown;
}

export interface AnalysisCounts {
  started: number;
  completed: number;
  cancelled: number;
}

/**
 * Findings per open document, keyed by URI and version. Providers read from here, so a
 * hover or lens request on an unchanged document costs a map lookup. The analyzer below
 * remembers paragraphs by text, so a new version re-analyses only the paragraphs that changed.
 */
export class AnalysisCache implements vscode.Disposable {
  private analyzerInstance: Analyzer | undefined;
  /** The last complete analysis of each document (of its current version, or of an earlier one while a newer one is analysed). */
  private readonly entries = new Map<string, { version: number; date: string | undefined; analysis: Analysis }>();
  /** The background analysis under way for each document. */
  private readonly runs = new Map<string, Run>();
  /** The version (and date) whose background analysis failed, per document: not tried again until the next version or date (or a command asks). */
  private readonly failed = new Map<string, string>();
  private readonly counted: AnalysisCounts = { started: 0, completed: 0, cancelled: 0 };
  private held: { promise: Promise<void>; release: () => void } | undefined;
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

  constructor(
    private readonly lexicon: () => Lexicon,
    private readonly debounceMs = 200,
    /** Resolves once the workspace lexicon has been read: background analyses start after it. */
    private readonly lexiconRead: () => Promise<void> = async () => {},
    /** The article's date in its sidecar's header (YYYY-MM-DD), which dates its relative dates instead of its dateline: a new one is a new analysis. */
    private readonly articleDate: (article: vscode.Uri) => string | undefined = () => undefined,
  ) {
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
        this.cancel(key);
        this.failed.delete(key);
        clearTimeout(this.timers.get(key));
        this.timers.delete(key);
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
        this.markStale();
        if (limit) {
          this.oversized.clear();
          this.told.clear();
        }
        for (const key of open) this.changed.fire(vscode.Uri.parse(key));
      }),
    );
  }

  /** What an analysis of the document now would be of: its version and its date (the key of `failed`). */
  private attempt(document: vscode.TextDocument): string {
    return `${document.version} ${this.articleDate(document.uri) ?? ''}`;
  }

  /** Made on the first analysis, so that activation loads neither the lexicon nor the dictionaries. */
  private get analyzer(): Analyzer {
    this.analyzerInstance ??= new Analyzer(this.lexicon());
    return this.analyzerInstance;
  }

  /**
   * The analysis of the document's current version, computed now if it is not ready (an
   * analysis running in the background for it is dropped). For commands, which act on what
   * the user sees; providers read latest() instead, which never blocks.
   */
  get(document: vscode.TextDocument): Analysis {
    const key = document.uri.toString();
    const date = this.articleDate(document.uri);
    const entry = this.entries.get(key);
    if (entry && entry.version === document.version && entry.date === date) return entry.analysis;
    this.cancel(key);
    const text = document.getText();
    const analysis = this.oversizeAnalysis(document, text) ?? this.analyzeNow(document, text, date);
    this.entries.set(key, { version: document.version, date, analysis });
    return analysis;
  }

  /**
   * The last complete analysis of the document, of its current version or an earlier one,
   * without waiting: hovers and lenses answer from it while a newer version is analysed in
   * the background (started here if nothing is under way), and onDidChange fires when that
   * analysis is done. Undefined only before the document's first analysis is complete.
   */
  latest(document: vscode.TextDocument): Analysis | undefined {
    const key = document.uri.toString();
    const entry = this.entries.get(key);
    if (entry?.version === document.version && entry.date === this.articleDate(document.uri)) return entry.analysis;
    // while the user types, the debounce timer starts the analysis
    if (!this.timers.has(key) && this.failed.get(key) !== this.attempt(document)) this.start(document);
    return entry?.analysis;
  }

  /**
   * The analysis of the document's current version, awaited: done in the background (the
   * editor's thread is never blocked), started at once if typing had only scheduled it.
   */
  async analysed(document: vscode.TextDocument): Promise<Analysis> {
    const key = document.uri.toString();
    for (;;) {
      const entry = this.entries.get(key);
      if (entry?.version === document.version && entry.date === this.articleDate(document.uri)) return entry.analysis;
      if (document.isClosed) return this.get(document);
      clearTimeout(this.timers.get(key));
      this.timers.delete(key);
      if (this.failed.get(key) === this.attempt(document)) return this.get(document);
      this.start(document);
      // a newer version may cancel this run: then its own run is awaited
      await this.runs.get(key)?.done;
    }
  }

  /** Background analyses since activation: started, completed, and cancelled (a newer version came, or the analysis was needed at once). */
  get counts(): Readonly<AnalysisCounts> {
    return { ...this.counted };
  }

  /** For tests: background analyses pause before their next step while held, so that what providers do meanwhile can be observed. */
  holdBackground(held: boolean): void {
    if (held) {
      if (this.held) return;
      let release!: () => void;
      const promise = new Promise<void>((r) => (release = r));
      this.held = { promise, release };
    } else {
      this.held?.release();
      this.held = undefined;
    }
  }

  /** The version of the last complete analysis of the document (-1: stale after a lexicon or settings change), and of the one under way in the background. */
  state(uri: vscode.Uri): { completed?: number; running?: number } {
    const key = uri.toString();
    return { completed: this.entries.get(key)?.version, running: this.runs.get(key)?.version };
  }

  /** Resolves once no open document is being analysed: background work of lower priority (the corpus index) waits for it. */
  async idle(): Promise<void> {
    while (this.runs.size) await Promise.all([...this.runs.values()].map((r) => r.done));
  }

  /** Undefined unless the text is above gloss.maxArticleMb: then an empty analysis (nothing analysed, nor the lexicon loaded), and the user is told once. */
  private oversizeAnalysis(document: vscode.TextDocument, text: string): Analysis | undefined {
    const key = document.uri.toString();
    const maxMb = maxArticleMb(document.uri);
    const bytes = bytesAboveLimit(text, maxMb);
    if (bytes === undefined) {
      this.oversized.delete(key);
      return undefined;
    }
    const over: Oversize = { uri: document.uri, bytes, maxMb };
    this.oversized.set(key, over);
    if (!this.told.has(key)) {
      this.told.add(key);
      this.refused.fire(over);
    }
    return { text, paragraphs: [], figures: [], entities: [], claims: [] };
  }

  private analyzeNow(document: vscode.TextDocument, text: string, date: string | undefined): Analysis {
    this.analyzer.minCheckWorthiness = minCheckWorthiness(document.uri);
    // keyed by URI, so that the next version redoes only what the edit can change (a new date
    // re-reads only the relative dates: the paragraphs come from the cache)
    return this.analyzer.analyze(text, date === undefined ? { document: document.uri.toString() } : { document: document.uri.toString(), date });
  }

  /** Starts analysing the document's current version in the background, dropping an older one under way. */
  private start(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const date = this.articleDate(document.uri);
    const under = this.runs.get(key);
    if (under?.version === document.version && under.date === date) return;
    this.cancel(key);
    let finish!: () => void;
    const run: Run = { version: document.version, date, cancelled: false, done: new Promise<void>((r) => (finish = r)) };
    this.runs.set(key, run);
    this.counted.started++;
    this.execute(document, run)
      .catch((e: unknown) => {
        // providers keep the last complete analysis; a command (get) analyses again and reports the error
        run.error = e;
        if (!run.cancelled) this.failed.set(key, `${run.version} ${run.date ?? ''}`);
        console.error(`Gloss: the analysis of ${key} failed`, e);
      })
      .finally(() => {
        if (this.runs.get(key) === run) this.runs.delete(key);
        finish();
      });
  }

  private cancel(key: string): void {
    const run = this.runs.get(key);
    if (!run) return;
    run.cancelled = true;
    this.runs.delete(key);
    this.counted.cancelled++;
  }

  /**
   * The paragraphs not analysed yet, a few milliseconds' worth per turn of the event loop, so
   * that typing, hovers and lenses go on meanwhile; a newer version stops it between two
   * steps (each a batch of paragraphs, about 2,000 characters: Analyzer.analyzeAhead). The
   * article-level work at the end is incremental and short.
   */
  private async execute(document: vscode.TextDocument, run: Run): Promise<void> {
    const key = document.uri.toString();
    const text = document.getText();
    let analysis = this.oversizeAnalysis(document, text);
    if (!analysis) {
      await this.lexiconRead();
      if (run.cancelled) return;
      // (the sidecar's date if it was read meanwhile; waiting for its read cost the first lens half a
      // second on every open, for the rare article whose sidecar and dateline disagree)
      run.date = this.articleDate(document.uri);
      const steps = this.analyzer.analyzeAhead(text, { document: key });
      let slice = performance.now();
      for (;;) {
        while (this.held && !run.cancelled) await this.held.promise;
        if (run.cancelled) return;
        if (steps.next().done) break;
        if (performance.now() - slice > SLICE_MS) {
          await new Promise((r) => setImmediate(r));
          slice = performance.now();
        }
      }
      if (run.cancelled) return;
      analysis = this.analyzeNow(document, text, run.date);
    }
    this.entries.set(key, { version: run.version, date: run.date, analysis });
    this.failed.delete(key);
    this.counted.completed++;
    this.changed.fire(document.uri);
  }

  /** Whether the document is above gloss.maxArticleMb, and so not analysed. */
  oversize(document: vscode.TextDocument): Oversize | undefined {
    this.latest(document);
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
    this.markStale();
  }

  /** Every document is analysed again; until then, providers answer from the analyses they have. */
  private markStale(): void {
    for (const key of [...this.runs.keys()]) this.cancel(key);
    for (const entry of this.entries.values()) entry.version = -1;
  }

  /** Paragraphs analysed afresh so far (for tests of incremental analysis). */
  get freshParagraphs(): number {
    return this.analyzerInstance?.freshParagraphs ?? 0;
  }

  /** A new version: the analysis of the older one is dropped at once, and the new one starts when typing pauses. */
  private schedule(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    this.cancel(key);
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.start(document);
      }, this.debounceMs),
    );
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const key of [...this.runs.keys()]) this.cancel(key);
    this.holdBackground(false);
    for (const d of this.disposables) d.dispose();
  }
}
