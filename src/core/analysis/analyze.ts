/**
 * The Analyzer: an article's paragraphs from the paragraph cache (paragraphCache.ts), placed in
 * article offsets and kept from one version to the next (articleState.ts, placed.ts), and the
 * walk that makes each paragraph's article-level decisions (decisions.ts).
 */
import { ParagraphSplitter } from '../text/paragraphSplitter';
import type { Paragraph } from '../text/paragraphs';
import { findDateline, parseArticleDate, type ArticleDate } from '../figures/relativeDates';
import { builtinLexicon, type Lexicon } from '../entities/lexicon';
import { learnedNamesOf, type LearnedNames } from '../entities/repeats';
import { DEFAULT_MIN_CHECK_WORTHINESS } from '../claims/score';
import { freshArticleState, learnables, place, type ArticleState } from './articleState';
import { datedFor, keptEntities, markedClaims, repeatsFor, type RepeatMemos } from './decisions';
import { analysisOf, type Analysis, type ParagraphFindings } from './findings';
import { movedOnRead } from './movedOnRead';
import { NOISE, ParagraphCache, type Pending } from './paragraphCache';

export type { Analysis, ParagraphFindings } from './findings';

export interface AnalyzeOptions {
  /** The article's date from its sidecar (YYYY-MM-DD). */
  date?: string;
  /**
   * Which article this text is a version of (its URI or path): the article-level work of
   * its last version is reused, so that an edit redoes only what it can change; the analysis
   * returned for that last version is stale from then on (its findings are moved in place).
   * Texts without one are analysed as articles of their own (the paragraph cache still serves them).
   */
  document?: string;
}

/** Articles whose last version is remembered for incremental analysis (open editors, mostly). */
const MAX_DOCUMENTS = 16;

/**
 * About how much text (UTF-16 units) analyzeAhead() analyses per step: a few milliseconds'
 * worth, in one batch (see fill), so that the caller can still yield to its event loop often.
 */
const AHEAD_STEP = 2048;

/**
 * Analyses articles paragraph by paragraph and remembers each paragraph's findings by its
 * text, so that typing in one paragraph re-analyses only that one; the article-level work is
 * incremental too: an edit redoes only the decisions it can change (articleLevel.ts), and
 * nothing walks every finding of the article. The memory is bounded.
 */
export class Analyzer {
  /** At most about this much text (UTF-16 units) per group of analyzeMany(): some tens of news articles, whose batch-wide arrays stay small. */
  static readonly GROUP_CHARS = 128 * 1024;

  private readonly cache: ParagraphCache;
  private repeats: RepeatMemos = new WeakMap();
  private articles = new Map<string, ArticleState>();
  /** A splitter per article for analyzeAhead(), apart from the article's own (whose last split analyze() reads). */
  private ahead = new Map<string, ParagraphSplitter>();
  private lexicon: Lexicon | undefined;

  /**
   * Claims scoring below this are neither marked nor queued (`gloss.claims.minCheckWorthiness`).
   * Changing it needs no re-analysis: every candidate is scored and kept in the paragraph cache.
   */
  minCheckWorthiness = DEFAULT_MIN_CHECK_WORTHINESS;

  /**
   * `options.entities: false` finds no entities (their dictionaries take seconds to load):
   * for callers that need only figures, claims and the claims' arithmetic checks, which do
   * not depend on entities (`gloss check` in a pre-commit hook). Without a lexicon, the
   * built-in one is loaded on the first analysis. `options.repeatsOnly` is for callers that
   * analyse many articles once each (a corpus index): only paragraphs seen before are kept in
   * the paragraph cache (ParagraphCache); not for an editor, whose next version wants them all.
   */
  constructor(lexicon?: Lexicon, maxEntries = 20_000, private readonly options: { entities?: boolean; repeatsOnly?: boolean } = {}) {
    this.lexicon = lexicon;
    this.cache = new ParagraphCache(maxEntries, options.entities !== false, () => this.currentLexicon, options.repeatsOnly === true);
  }

  /** How many paragraphs were analysed afresh (not served from the cache); for tests and benchmarks. */
  get freshParagraphs(): number {
    return this.cache.freshParagraphs;
  }

  /** A new lexicon (the workspace lexicon changed): every paragraph is analysed afresh. */
  setLexicon(lexicon: Lexicon): void {
    this.lexicon = lexicon;
    this.cache.clear();
    this.articles.clear();
  }

  get currentLexicon(): Lexicon {
    this.lexicon ??= builtinLexicon();
    return this.lexicon;
  }

  /**
   * `date` is the article's date from its sidecar (YYYY-MM-DD); without it, the dateline in
   * the article's header dates its relative dates (去年8月), if it has one.
   */
  analyze(text: string, options: AnalyzeOptions = {}): Analysis {
    const article = this.articleState(options.document);
    try {
      return this.walk(text, article, article.splitter.split(text), options.date);
    } finally {
      this.cache.endOfPass();
    }
  }

  /**
   * The analyses of several articles of their own (no document key, no sidecar date), the
   * same as analyze() of each in turn; the paragraphs of a group of them that miss the cache
   * are analysed in one batch (fill), a few hundred paragraphs of the stage-by-stage analysis
   * rather than an article's few. A group is bounded in text (Analyzer.GROUP_CHARS) and in
   * paragraphs (a small share of the cache's bound, so that none is evicted before its article
   * reads it); an article larger than a group's text is analysed alone.
   */
  analyzeMany(texts: readonly string[]): Analysis[] {
    return [...this.analyzeEach(texts)];
  }

  /**
   * analyzeMany() as the texts come: a group's analyses are given as soon as the group is full,
   * so that a caller reading articles one by one holds no more than a group's text. Where
   * reading the next text throws, the texts before it are analysed first (an error of theirs
   * comes first, as it would one by one).
   */
  *analyzeEach(texts: Iterable<string>): Generator<Analysis> {
    const maxParagraphs = Math.max(1, this.cache.maxEntries >> 2);
    const group: string[] = [];
    const articles: ArticleState[] = [];
    const splits: Paragraph[][] = [];
    let chars = 0;
    let paragraphs = 0;
    const flush = (): Analysis[] => {
      if (splits.length > 1) this.prefill(splits);
      let out: Analysis[];
      try {
        out = splits.map((split, i) => this.walk(group[i]!, articles[i]!, split, undefined));
      } finally {
        this.cache.endOfPass();
      }
      group.length = 0;
      articles.length = 0;
      splits.length = 0;
      chars = 0;
      paragraphs = 0;
      return out;
    };
    const source = texts[Symbol.iterator]();
    for (;;) {
      let next: IteratorResult<string>;
      try {
        next = source.next();
      } catch (e) {
        yield* flush();
        throw e;
      }
      if (next.done) break;
      const text = next.value;
      if (chars + text.length > Analyzer.GROUP_CHARS) yield* flush();
      const article = freshArticleState(false);
      const split = article.splitter.split(text);
      if (paragraphs + split.length > maxParagraphs) yield* flush();
      group.push(text);
      articles.push(article);
      splits.push(split);
      chars += text.length;
      paragraphs += split.length;
    }
    yield* flush();
  }

  /**
   * The paragraphs of several splits that miss the cache, analysed in one batch. Where a detector
   * throws, nothing is thrown here: the articles are then analysed one by one, which throws as
   * analyze() of each in turn would (the batch's empty slots have left the cache).
   */
  private prefill(splits: readonly Paragraph[][]): void {
    const batch: Pending[] = [];
    for (const split of splits) for (const p of split) if (!this.cache.has(p)) this.cache.slotFor(p, batch);
    try {
      this.cache.fill(batch);
    } catch {
      // (analyze of the articles in turn meets the error again, in its own article)
    }
  }

  private walk(text: string, article: ArticleState, split: Paragraph[], sidecarDate: string | undefined): Analysis {
    const { placed, namesMayChange } = place(this.cache, article, split);
    const n = split.length;
    // a name found once is found wherever else the article writes it (the names read the paragraphs' own findings alone)
    let names: LearnedNames | undefined;
    if (this.options.entities !== false) {
      if (namesMayChange) article.names = learnedNamesOf(learnables(placed), article.names);
      names = article.names;
    }
    const version = ++article.version;
    const paragraphs: ParagraphFindings[] = new Array(n);
    // (the dateline is looked for only in an article that has a relative date to resolve)
    let date: ArticleDate | undefined;
    let dated = false;
    let year: number | undefined;
    // one walk, each paragraph's decisions in turn: on a keystroke in a megabyte article this walk
    // over ten thousand paragraphs is most of the analysis, and a walk per decision read every
    // paragraph's state from memory once per walk (the keystroke's analysis took 1.06-1.08× as long)
    const min = this.minCheckWorthiness;
    for (let k = 0; k < n; k++) {
      const p = split[k]!;
      const at = placed[k]!;
      // (a paragraph an edit left alone, read from its own state alone: most of the walk on a keystroke)
      const out = at.out;
      if (out !== undefined && out.names === names && out.min === min) {
        year = out.lastYear ?? year;
        paragraphs[k] = at.start === p.start ? { paragraph: p, figures: at.figures, entities: out.entities, claims: out.claims } : movedOnRead(article, version, p, at, at.figures, out.entities, out.claims);
        continue;
      }
      let figures = at.figures;
      let entities = keptEntities(article, at);
      let claims = markedClaims(article, at, min);
      if (names && !NOISE.has(p.kind)) entities = repeatsFor(this.repeats, at, p.text, entities, names, article.incremental);
      if (!at.rel.relative) {
        year = at.rel.lastYear ?? year;
        if (article.incremental) at.out = { names, min, entities, claims, lastYear: at.rel.lastYear };
      } else {
        if (!dated) {
          date = (sidecarDate !== undefined ? parseArticleDate(sidecarDate, 'sidecar') : undefined) ?? findDateline(text);
          dated = true;
        }
        const resolved = datedFor(at, figures, claims, date, year, article.incremental);
        figures = resolved.figures;
        claims = resolved.claims;
        year = resolved.lastYear;
      }
      paragraphs[k] = at.start === p.start ? { paragraph: p, figures, entities, claims } : movedOnRead(article, version, p, at, figures, entities, claims);
    }
    return analysisOf(text, paragraphs);
  }

  /**
   * Analyses the paragraphs of `text` that are not remembered yet into the paragraph cache,
   * a few per step (AHEAD_STEP), so that a caller that must not block (the editor's thread) can spread a
   * long analysis over many turns of its event loop and drop it when a newer version comes.
   * analyze() then finds every paragraph remembered and does only the article-level work.
   * Nothing of the article's last analysis is touched: it stays valid until analyze() runs.
   */
  *analyzeAhead(text: string, options: Pick<AnalyzeOptions, 'document'> = {}): Generator<void, void, undefined> {
    let splitter = options.document === undefined ? undefined : this.ahead.get(options.document);
    if (!splitter) {
      splitter = new ParagraphSplitter();
      if (options.document !== undefined) {
        this.ahead.set(options.document, splitter);
        if (this.ahead.size > MAX_DOCUMENTS) this.ahead.delete(this.ahead.keys().next().value!);
      }
    }
    const split = splitter.split(text);
    const batch: Pending[] = [];
    let size = 0;
    for (const p of split) {
      if (this.cache.has(p)) continue;
      this.cache.slotFor(p, batch, true);
      size += p.text.length;
      if (size < AHEAD_STEP) continue;
      this.cache.fill(batch);
      batch.length = 0;
      size = 0;
      yield;
    }
    if (batch.length === 0) return;
    this.cache.fill(batch);
    yield;
  }

  private articleState(document: string | undefined): ArticleState {
    // without a key every call is an article of its own: findings of the last version are moved
    // in place, so a caller that keeps analyses of several texts (gloss check) must not share one
    if (document === undefined) return freshArticleState(false);
    let state = this.articles.get(document);
    if (state) this.articles.delete(document);
    else state = freshArticleState(true);
    this.articles.set(document, state);
    if (this.articles.size > MAX_DOCUMENTS) this.articles.delete(this.articles.keys().next().value!);
    return state;
  }
}
