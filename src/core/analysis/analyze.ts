import type { Paragraph, ParagraphKind } from '../text/paragraphs';
import { ParagraphSplitter } from '../text/paragraphSplitter';
import { detectFigures } from '../figures/detect';
import type { Figure } from '../figures/types';
import { findDateline, parseArticleDate, type ArticleDate } from '../figures/relativeDates';
import { detectEntitiesBatch, type EntityMention } from '../entities/detect';
import { builtinLexicon, type Lexicon } from '../entities/lexicon';
import { learnedNamesOf, repeatedMentions, type LearnedNames } from '../entities/repeats';
import { detectClaims, type Claim } from '../claims/detect';
import type { ArithmeticCheck } from '../claims/arithmetic';
import { DEFAULT_MIN_CHECK_WORTHINESS } from '../claims/score';
import { toSimplifiedView } from '../script/normalize';
import { dateParagraph, describeRelative, EntityTotals, type DatedParagraph, type Relative } from './articleLevel';

export interface ParagraphFindings {
  paragraph: Paragraph;
  figures: Figure[];
  entities: EntityMention[];
  claims: Claim[];
}

export interface Analysis {
  text: string;
  paragraphs: ParagraphFindings[];
  figures: Figure[];
  entities: EntityMention[];
  claims: Claim[];
}

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

/** Paragraph kinds whose content is scraping noise, never findings. */
const NOISE: ReadonlySet<ParagraphKind> = new Set(['credit', 'tagcloud', 'navigation']);

/** Articles whose last version is remembered for incremental analysis (open editors, mostly). */
const MAX_DOCUMENTS = 16;

/**
 * About how much text (UTF-16 units) analyzeAhead() analyses per step: a few milliseconds'
 * worth, in one batch (see fill), so that the caller can still yield to its event loop often.
 */
const AHEAD_STEP = 2048;

/**
 * A paragraph's findings in the paragraph cache. A slot is made empty when a paragraph
 * misses the cache and is filled by the batch that made it (fill), before anything reads it.
 */
interface Slot {
  rel: Relative | undefined;
}

/** A paragraph to analyse in a batch, and the slot its findings go to. */
interface Pending {
  paragraph: Paragraph;
  slot: Slot;
}

/**
 * One paragraph's findings in article offsets, before the article-level decisions, and those
 * decisions remembered until an edit elsewhere can change them. Owned by one article: it is
 * moved in place when an edit before it changes its offsets.
 */
interface Placed {
  /** Where its findings are (the paragraph's start in the version they were last read in: movedOnRead). */
  start: number;
  /** Its place in the article's paragraph list (set on every analysis). */
  index: number;
  rel: Relative;
  figures: Figure[];
  entities: EntityMention[];
  claims: Claim[];
  /** The copies its claims hold that are in none of the lists above (moved with them). */
  extra: Shiftable[];
  /** Its claims at or above the threshold, a repeated sentence once; stale when a repeat it holds came or went. */
  marked?: { min: number; claims: Claim[]; stale: boolean };
  /** Its entities that the article's totals keep (short forms, weak names); stale when a total they read changed. */
  kept?: { entities: EntityMention[]; stale: boolean };
  /** Its kept entities with the repeats of the learned names (`own`: the repeats, in article offsets, moved with it). */
  repeats?: { names: LearnedNames; kept: EntityMention[]; own: EntityMention[]; entities: EntityMention[] };
  /**
   * What the walk of analyze() gave it last (kept entities with the repeats, marked claims), for a
   * paragraph without relative dates: reused while the names and the threshold stay, dropped when
   * one of its decisions goes stale (kept in an article with a document key only).
   */
  out?: { names: LearnedNames | undefined; min: number; entities: EntityMention[]; claims: Claim[]; lastYear: number | undefined };
  /** Its relative dates resolved, given the year named before it. */
  dated?: { date: ArticleDate | undefined; yearBefore: number | undefined; claims: Claim[]; dated: DatedParagraph };
}

/** What the analysis of one article remembers between its versions. */
interface ArticleState {
  splitter: ParagraphSplitter;
  totals: EntityTotals;
  names: LearnedNames | undefined;
  /** The last version's paragraphs, and their findings in article offsets (owned by this article alone). */
  paragraphs: Paragraph[];
  placed: Placed[];
  /** How often each claim text occurs in the article, and which paragraphs hold it. */
  claimKeys: Tally;
  claimHolders: Holders;
  /** The paragraphs holding a short form or a weak name of each entity. */
  conditionalHolders: Holders;
  /** Counts the analyses: only the findings of the last one are moved when read (movedOnRead). */
  version: number;
  /** Whether a next version will come (a document key): else what only an edit reads is not kept. */
  incremental: boolean;
}

/**
 * Analyses articles paragraph by paragraph and remembers each paragraph's findings by its
 * text, so that typing in one paragraph re-analyses only that one; the article-level work is
 * incremental too: an edit redoes only the decisions it can change (articleLevel.ts), and
 * nothing walks every finding of the article. The memory is bounded.
 */
export class Analyzer {
  /** Paragraph text → kind → findings, in least-recently-used order. */
  private cache = new Map<string, Map<ParagraphKind, Slot>>();
  private cached = 0;
  private repeats = new WeakMap<Relative, { names: LearnedNames; kept: number; repeats: EntityMention[] }>();
  private articles = new Map<string, ArticleState>();
  /** A splitter per article for analyzeAhead(), apart from the article's own (whose last split analyze() reads). */
  private ahead = new Map<string, ParagraphSplitter>();
  /** How many paragraphs were analysed afresh (not served from the cache); for tests and benchmarks. */
  freshParagraphs = 0;

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
   * built-in one is loaded on the first analysis.
   */
  constructor(lexicon?: Lexicon, private readonly maxEntries = 20_000, private readonly options: { entities?: boolean } = {}) {
    this.lexicon = lexicon;
  }

  /** A new lexicon (the workspace lexicon changed): every paragraph is analysed afresh. */
  setLexicon(lexicon: Lexicon): void {
    this.lexicon = lexicon;
    this.cache.clear();
    this.cached = 0;
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
    const split = article.splitter.split(text);
    const { placed, namesMayChange } = this.place(article, split);
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
      let entities = this.keptEntities(article, at);
      let claims = this.markedClaims(article, at);
      if (names && !NOISE.has(p.kind)) entities = this.repeatsFor(at, p.text, entities, names);
      if (!at.rel.relative) {
        year = at.rel.lastYear ?? year;
        if (article.incremental) at.out = { names, min, entities, claims, lastYear: at.rel.lastYear };
      } else {
        if (!dated) {
          date = (options.date !== undefined ? parseArticleDate(options.date, 'sidecar') : undefined) ?? findDateline(text);
          dated = true;
        }
        const resolved = this.datedFor(at, figures, claims, date, year);
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
      if (this.cache.get(p.text)?.has(p.kind)) continue;
      this.slotFor(p, batch);
      size += p.text.length;
      if (size < AHEAD_STEP) continue;
      this.fill(batch);
      batch.length = 0;
      size = 0;
      yield;
    }
    if (batch.length === 0) return;
    this.fill(batch);
    yield;
  }

  /**
   * A paragraph's claims at or above the threshold (or stating arithmetic that fails or is
   * unclear), a sentence the article repeats word for word only where it is first written.
   */
  private markedClaims(article: ArticleState, at: Placed): Claim[] {
    const memo = at.marked;
    if (memo && !memo.stale && memo.min === this.minCheckWorthiness) return memo.claims;
    const keys = at.rel.claimKeys;
    let claims: Claim[];
    // only a sentence written more than once in the article can be a repeat
    if (!keys.some((key) => article.claimKeys.repeated(key))) claims = at.claims.filter((c) => this.isMarked(c));
    else {
      const here = new Set<string>();
      claims = at.claims.filter((c, i) => {
        const key = keys[i]!;
        if (!article.claimKeys.repeated(key)) return this.isMarked(c);
        const repeat = here.has(key) || article.claimHolders.anyBefore(key, at.index);
        here.add(key);
        return !repeat && this.isMarked(c);
      });
    }
    // the same claims keep their array, so that what is memoised on it stays valid
    if (memo && sameItems(memo.claims, claims)) claims = memo.claims;
    at.marked = { min: this.minCheckWorthiness, claims, stale: false };
    return claims;
  }

  /** At or above the threshold, or stating arithmetic that fails or is unclear (the review queue asks about every such check). */
  private isMarked(c: Claim): boolean {
    return c.score >= this.minCheckWorthiness || c.checks.some((k) => k.verdict !== 'holds');
  }

  /** Short forms and weakly found names are decided over the whole article. */
  private keptEntities(article: ArticleState, at: Placed): EntityMention[] {
    if (!at.rel.conditional) return at.entities;
    const memo = at.kept;
    if (memo && !memo.stale) return memo.entities;
    let entities = at.entities.filter((e) => article.totals.keeps(e));
    if (memo && sameItems(memo.entities, entities)) entities = memo.entities;
    at.kept = { entities, stale: false };
    return entities;
  }

  private freshState(incremental: boolean): ArticleState {
    return {
      splitter: new ParagraphSplitter(),
      totals: new EntityTotals(),
      names: undefined,
      paragraphs: [],
      placed: [],
      claimKeys: new Tally(),
      claimHolders: new Holders(),
      conditionalHolders: new Holders(),
      version: 0,
      incremental,
    };
  }

  private articleState(document: string | undefined): ArticleState {
    // without a key every call is an article of its own: findings of the last version are moved
    // in place, so a caller that keeps analyses of several texts (gloss check) must not share one
    if (document === undefined) return this.freshState(false);
    let state = this.articles.get(document);
    if (state) this.articles.delete(document);
    else state = this.freshState(true);
    this.articles.set(document, state);
    if (this.articles.size > MAX_DOCUMENTS) this.articles.delete(this.articles.keys().next().value!);
    return state;
  }

  /**
   * The paragraphs' findings in article offsets. Those of paragraphs the edit left alone are
   * the last version's, moved in place by the edit's length (an earlier version's analysis
   * of the same article is stale from here on). The article's totals are updated by the
   * paragraphs that came and went, and the decisions of other paragraphs that those changes
   * can undo are marked stale: a short form whose full name came or went, a sentence whose
   * repeat came or went.
   */
  private place(article: ArticleState, split: readonly Paragraph[]): { placed: Placed[]; namesMayChange: boolean } {
    const edit = article.splitter.lastEdit;
    const removed: Placed[] = [];
    const added: Placed[] = [];
    let outsideChanged = false;
    if (!edit) {
      article.totals.clear();
      article.claimKeys.clear();
      article.claimHolders.clear();
      article.conditionalHolders.clear();
    } else for (let i = edit.from; i < edit.from + edit.removed; i++) removed.push(article.placed[i]!);
    const placed: Placed[] = new Array(split.length);
    // the paragraphs that missed the cache are analysed together after this walk (fill)
    const batch: Pending[] = [];
    const missed: number[] = [];
    const slots: Slot[] = [];
    for (let k = 0; k < split.length; k++) {
      const p = split[k]!;
      const after = edit !== undefined && k >= edit.from + edit.added;
      const oldK = edit === undefined || (k >= edit.from && !after) ? -1 : after ? k - edit.added + edit.removed : k;
      const oldParagraph = oldK >= 0 ? article.paragraphs[oldK] : undefined;
      // a paragraph the edit left alone keeps its findings without a look-up by its text
      if (oldParagraph !== undefined && oldParagraph.text === p.text && oldParagraph.kind === p.kind) {
        // (its findings stay where they were until they are read: movedOnRead)
        const at = article.placed[oldK]!;
        at.index = k;
        placed[k] = at;
      } else {
        if (oldParagraph) {
          removed.push(article.placed[oldK]!);
          outsideChanged = true;
        }
        missed.push(k);
        slots.push(this.slotFor(p, batch));
      }
    }
    this.fill(batch);
    for (let i = 0; i < missed.length; i++) {
      const k = missed[i]!;
      const at = placedAt(slots[i]!.rel!, split[k]!.start);
      at.index = k;
      placed[k] = at;
      added.push(at);
    }
    const fresh = edit === undefined;
    // what the totals said before, for what the edit touched (a fresh article decides everything anew)
    const claimCounts = fresh ? undefined : new Map<string, number>();
    const entityStates = fresh ? undefined : new Map<string, number>();
    if (!fresh) {
      for (const list of [removed, added]) {
        for (const at of list) {
          for (const key of at.rel.claimKeys) if (!claimCounts!.has(key)) claimCounts!.set(key, article.claimKeys.count(key));
          for (const id of at.rel.tallies.keys()) if (!entityStates!.has(id)) entityStates!.set(id, article.totals.state(id));
        }
      }
    }
    for (const at of removed) {
      article.totals.add(at.rel, -1);
      article.claimKeys.add(at.rel.claimKeys, -1);
      for (const key of at.rel.claimKeys) article.claimHolders.remove(key, at);
      if (at.rel.conditional) for (const m of at.rel.entities) if (m.short || m.weak) article.conditionalHolders.remove(m.entityId, at);
    }
    for (const at of added) {
      article.totals.add(at.rel, 1);
      article.claimKeys.add(at.rel.claimKeys, 1);
      for (const key of at.rel.claimKeys) article.claimHolders.add(key, at);
      // (read only to mark decisions stale after an edit)
      if (at.rel.conditional && article.incremental) for (const m of at.rel.entities) if (m.short || m.weak) article.conditionalHolders.add(m.entityId, at);
    }
    if (!fresh) {
      // a sentence is checked where it is first written: its other copies change when a copy comes
      // or goes, even when as many come as go (a copy written before the first one, while a later
      // one becomes a duplicate paragraph, moves the first one without changing the count)
      for (const [key, before] of claimCounts!) {
        const now = article.claimKeys.count(key);
        if (now > 1 || before > 1) article.claimHolders.forEach(key, (at) => {
            if (at.marked) at.marked.stale = true;
            at.out = undefined;
          });
      }
      for (const [id, before] of entityStates!) {
        if (article.totals.state(id) !== before) article.conditionalHolders.forEach(id, (at) => {
            if (at.kept) at.kept.stale = true;
            at.out = undefined;
          });
      }
    }
    article.paragraphs = split as Paragraph[];
    article.placed = placed;
    // the learned names change only when a name worth repeating came or went
    const namesMayChange = fresh || outsideChanged || !sameLearnables(removed, added);
    return { placed, namesMayChange };
  }

  /** A paragraph's entities with the repeats of the learned names, remembered while the names and its kept entities stay the same. */
  private repeatsFor(at: Placed, text: string, kept: EntityMention[], names: LearnedNames): EntityMention[] {
    const memo = at.repeats;
    if (memo && memo.names === names && memo.kept === kept) return memo.entities;
    const rel = at.rel;
    const known = this.repeats.get(rel);
    // the paragraph's own findings can differ only by what the article level removed
    let repeats: EntityMention[];
    if (known && known.names === names && known.kept === kept.length) repeats = known.repeats;
    else {
      repeats = repeatedMentions(text, rel.simplified, names.lexicon, relativeOf(at, kept));
      this.repeats.set(rel, { names, kept: kept.length, repeats });
    }
    const own = repeats.map((e) => ({ ...e, start: e.start + at.start, end: e.end + at.start }));
    const entities = own.length ? [...kept, ...own].sort((a, b) => a.start - b.start) : kept;
    at.repeats = { names, kept, own, entities };
    return entities;
  }

  private datedFor(at: Placed, figures: Figure[], claims: Claim[], date: ArticleDate | undefined, yearBefore: number | undefined): DatedParagraph {
    const memo = at.dated;
    if (memo && memo.yearBefore === yearBefore && memo.claims === claims && sameDate(memo.date, date)) return memo.dated;
    const dated = dateParagraph(figures, claims, date, yearBefore);
    at.dated = { date, yearBefore, claims, dated };
    return dated;
  }

  /**
   * The cache slot of a paragraph's findings, moved to the recent end; where it misses, a new
   * empty slot, remembered at once (as its findings would be: the same evictions) and added to
   * `batch`, whose fill() must follow before anything reads the cache.
   */
  private slotFor(paragraph: Paragraph, batch: Pending[]): Slot {
    const byKind = this.cache.get(paragraph.text);
    const hit = byKind?.get(paragraph.kind);
    if (byKind) {
      // refresh its place in the insertion order, for a simple LRU
      this.cache.delete(paragraph.text);
      this.cache.set(paragraph.text, byKind);
    }
    if (hit) return hit;
    this.freshParagraphs++;
    const slot: Slot = { rel: undefined };
    batch.push({ paragraph, slot });
    const kinds = byKind ?? new Map<ParagraphKind, Slot>();
    kinds.set(paragraph.kind, slot);
    if (!byKind) this.cache.set(paragraph.text, kinds);
    this.cached++;
    while (this.cached > this.maxEntries) {
      const [oldest, entries] = this.cache.entries().next().value!;
      this.cache.delete(oldest);
      this.cached -= entries.size;
    }
    return slot;
  }

  /**
   * Analyses the paragraphs of a batch stage by stage (every paragraph's figures, then every
   * Simplified view, entities, claims) rather than paragraph by paragraph: each stage's code
   * and tables (the tagger's are megabytes) stay in the processor's caches from one paragraph
   * to the next. On the 20k article the four stages take about 0.7× the time that way.
   * Where a detector throws, the batch's empty slots leave the cache.
   */
  private fill(batch: readonly Pending[]): void {
    const n = batch.length;
    if (n === 0) return;
    try {
      const withEntities = this.options.entities !== false;
      const noise: boolean[] = new Array(n);
      let any = false;
      for (let i = 0; i < n; i++) any = !(noise[i] = NOISE.has(batch[i]!.paragraph.kind)) || any;
      const lexicon = any ? this.currentLexicon : undefined;
      const figures: Figure[][] = new Array(n);
      const simplified: string[] = new Array(n);
      const entities: EntityMention[][] = new Array(n);
      for (let i = 0; i < n; i++) if (!noise[i]) figures[i] = detectFigures(batch[i]!.paragraph.text);
      // one Simplified view per paragraph, shared by the entity and claim detectors
      for (let i = 0; i < n; i++) simplified[i] = noise[i] ? batch[i]!.paragraph.text : toSimplifiedView(batch[i]!.paragraph.text).text;
      if (withEntities) {
        const texts: string[] = [];
        const views: string[] = [];
        for (let i = 0; i < n; i++) if (!noise[i]) { texts.push(batch[i]!.paragraph.text); views.push(simplified[i]!); }
        const found = detectEntitiesBatch(texts, lexicon!, views);
        for (let i = 0, k = 0; i < n; i++) if (!noise[i]) entities[i] = found[k++]!;
      } else for (let i = 0; i < n; i++) if (!noise[i]) entities[i] = [];
      for (let i = 0; i < n; i++) {
        const { paragraph, slot } = batch[i]!;
        if (noise[i]) {
          slot.rel = describeRelative([], [], [], paragraph.text, false);
          continue;
        }
        // headings and repeated paragraphs carry findings but no claims of their own
        const claims = paragraph.kind === 'body' ? detectClaims({ text: paragraph.text, simplified: simplified[i]!, figures: figures[i]!, entities: entities[i]!, lexicon }) : [];
        slot.rel = describeRelative(figures[i]!, entities[i]!, claims, simplified[i]!, withEntities);
      }
    } catch (e) {
      for (const { paragraph, slot } of batch) {
        const byKind = this.cache.get(paragraph.text);
        if (slot.rel !== undefined || byKind?.get(paragraph.kind) !== slot) continue;
        byKind.delete(paragraph.kind);
        if (byKind.size === 0) this.cache.delete(paragraph.text);
        this.cached--;
      }
      throw e;
    }
  }
}

/** Counts of strings, kept up to date by what came and went. */
class Tally {
  private readonly counts = new Map<string, number>();

  add(keys: readonly string[], times: number): void {
    for (const k of keys) {
      const n = (this.counts.get(k) ?? 0) + times;
      if (n === 0) this.counts.delete(k);
      else this.counts.set(k, n);
    }
  }

  count(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  repeated(key: string): boolean {
    return (this.counts.get(key) ?? 0) > 1;
  }

  clear(): void {
    this.counts.clear();
  }
}

/**
 * Which paragraphs hold each key (a claim text, an entity), to redo only their decisions when the
 * key's totals change. Most keys are held by one paragraph: that one is kept as it is, and a set
 * is made only for a key a second paragraph holds (a set per key cost a tenth of the Analyzer's
 * own time on a fresh article).
 */
class Holders {
  private readonly holders = new Map<string, Placed | Set<Placed>>();

  add(key: string, at: Placed): void {
    const held = this.holders.get(key);
    if (held === undefined) this.holders.set(key, at);
    else if (held instanceof Set) held.add(at);
    else if (held !== at) this.holders.set(key, new Set([held, at]));
  }

  remove(key: string, at: Placed): void {
    const held = this.holders.get(key);
    if (held === undefined) return;
    if (!(held instanceof Set)) {
      if (held === at) this.holders.delete(key);
      return;
    }
    held.delete(at);
    if (held.size === 0) this.holders.delete(key);
  }

  forEach(key: string, fn: (at: Placed) => void): void {
    const held = this.holders.get(key);
    if (held === undefined) return;
    if (held instanceof Set) held.forEach((at) => fn(at));
    else fn(held);
  }

  /** Whether a paragraph before the `index`th holds the key. */
  anyBefore(key: string, index: number): boolean {
    const held = this.holders.get(key);
    if (held === undefined) return false;
    if (!(held instanceof Set)) return held.index < index;
    for (const at of held) if (at.index < index) return true;
    return false;
  }

  clear(): void {
    this.holders.clear();
  }
}

type Shiftable = { start: number; end: number; numeralEnd?: number };

/**
 * A paragraph's findings moved to article offsets: copies, each object its own. A claim's
 * figures and entities (and its checks' figures) are the paragraph's own copies where the
 * detectors shared them, so that each object is moved once (moved); `extra` holds the copies
 * that belong to no paragraph list. One copying function per kind of finding, so that each
 * spread site sees few object shapes (one shared site for all kinds went megamorphic and
 * copied at half the speed); a copy keeps its original's key order.
 */
function placedAt(rel: Relative, start: number): Placed {
  const figures = figuresAt(rel.figures, start);
  const entities = entitiesAt(rel.entities, start);
  const extra: Shiftable[] = [];
  const figure = (f: Figure): Figure => {
    const i = rel.figures.indexOf(f);
    if (i >= 0) return figures[i]!;
    const copy = figureAt(f, start);
    extra.push(copy);
    return copy;
  };
  const claims: Claim[] = new Array(rel.claims.length);
  for (let i = 0; i < claims.length; i++) {
    const c = rel.claims[i]!;
    const checks: ArithmeticCheck[] = new Array(c.checks.length);
    for (let j = 0; j < checks.length; j++) {
      const k = c.checks[j]!;
      checks[j] = { ...k, stated: figure(k.stated), from: k.from.map(figure) };
    }
    const claimFigures: Figure[] = new Array(c.figures.length);
    for (let j = 0; j < claimFigures.length; j++) claimFigures[j] = figure(c.figures[j]!);
    const claimEntities: EntityMention[] = new Array(c.entities.length);
    for (let j = 0; j < claimEntities.length; j++) {
      const e = c.entities[j]!;
      const at = rel.entities.indexOf(e);
      if (at >= 0) claimEntities[j] = entities[at]!;
      else {
        const copy = { ...e, start: e.start + start, end: e.end + start };
        extra.push(copy);
        claimEntities[j] = copy;
      }
    }
    claims[i] = { ...c, start: c.start + start, end: c.end + start, figures: claimFigures, entities: claimEntities, checks };
  }
  return { start, index: -1, rel, figures, entities, claims, extra };
}

/**
 * The paragraph's own (relative) mentions of its kept ones, no copies: `kept` is its placed
 * entities or a filter of them, and placedAt made those one to one from the relative ones.
 */
function relativeOf(at: Placed, kept: readonly EntityMention[]): EntityMention[] {
  const own = at.rel.entities;
  if (kept === at.entities) return own;
  const out: EntityMention[] = [];
  for (let j = 0, i = 0; j < at.entities.length && i < kept.length; j++) {
    if (at.entities[j] !== kept[i]) continue;
    out.push(own[j]!);
    i++;
  }
  return out;
}

function figureAt(f: Figure, start: number): Figure {
  const out = { ...f, start: f.start + start, end: f.end + start };
  if (f.numeralEnd !== undefined) out.numeralEnd = f.numeralEnd + start;
  return out;
}

function figuresAt(list: readonly Figure[], start: number): Figure[] {
  const out: Figure[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) out[i] = figureAt(list[i]!, start);
  return out;
}

function entitiesAt(list: readonly EntityMention[], start: number): EntityMention[] {
  const out: EntityMention[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const e = list[i]!;
    out[i] = { ...e, start: e.start + start, end: e.end + start };
  }
  return out;
}

/**
 * A paragraph's findings whose objects are still where an earlier version had them: moved to
 * the paragraph's place when first read, so that an edit costs nothing for the paragraphs after
 * it that nobody reads before the next edit (a keystroke moves half a long article). Read after
 * a newer analysis of the article, they stay where they are (that analysis is stale).
 */
function movedOnRead(article: ArticleState, version: number, paragraph: Paragraph, at: Placed, figures: Figure[], entities: EntityMention[], claims: Claim[]): ParagraphFindings {
  return new MovedOnRead(paragraph, article, version, at, figures, entities, claims);
}

class MovedOnRead implements ParagraphFindings {
  constructor(
    readonly paragraph: Paragraph,
    private readonly article: ArticleState,
    private readonly version: number,
    private readonly at: Placed,
    private readonly figureList: Figure[],
    private readonly entityList: EntityMention[],
    private readonly claimList: Claim[],
  ) {}

  private settle(): void {
    if (this.at.start !== this.paragraph.start && this.article.version === this.version) moved(this.at, this.paragraph.start - this.at.start);
  }

  get figures(): Figure[] {
    this.settle();
    return this.figureList;
  }

  get entities(): EntityMention[] {
    this.settle();
    return this.entityList;
  }

  get claims(): Claim[] {
    this.settle();
    return this.claimList;
  }

  toJSON(): ParagraphFindings {
    return { paragraph: this.paragraph, figures: this.figures, entities: this.entities, claims: this.claims };
  }
}

/**
 * Moves placed findings by `delta`, in place, with the objects its remembered decisions made
 * (the repeats of learned names, the resolved relative dates and the claims that carry them):
 * placedAt and those decisions made every object once (a claim's figures and entities are the
 * paragraph's own, or in `extra`), so each moves once.
 */
function moved(p: Placed, delta: number): Placed {
  if (delta === 0) return p;
  p.start += delta;
  moveFigures(p.figures, delta);
  moveSpans(p.entities, delta);
  // (a claim's figures and entities are the paragraph's, or in `extra`: placedAt)
  moveClaims(p.claims, delta);
  moveAll(p.extra, delta);
  if (p.repeats) moveSpans(p.repeats.own, delta);
  if (p.dated) {
    const { dated, claims } = p.dated;
    // dateParagraph maps figures and claims one to one, new objects only where a date was resolved
    for (let i = 0; i < dated.figures.length; i++) if (dated.figures[i] !== p.figures[i]) move(dated.figures[i]!, delta);
    for (let i = 0; i < dated.claims.length; i++) if (dated.claims[i] !== claims[i]) move(dated.claims[i]!, delta);
  }
  return p;
}

function move(f: Shiftable, delta: number): void {
  f.start += delta;
  f.end += delta;
  if (f.numeralEnd !== undefined) f.numeralEnd += delta;
}

function moveAll(list: readonly Shiftable[], delta: number): void {
  for (let i = 0; i < list.length; i++) move(list[i]!, delta);
}

// One loop per kind of finding, each its own property accesses: one shared loop saw every shape
// of figure, mention and claim, went megamorphic, and moved the findings at 0.6× the speed
// (half a megabyte article's: 1.39 → 0.81 ms apart, .bench/movebench.mjs). Only figures have a numeralEnd.
function moveFigures(list: readonly Figure[], delta: number): void {
  for (let i = 0; i < list.length; i++) {
    const f = list[i]!;
    f.start += delta;
    f.end += delta;
    if (f.numeralEnd !== undefined) f.numeralEnd += delta;
  }
}

function moveSpans(list: readonly EntityMention[], delta: number): void {
  for (let i = 0; i < list.length; i++) {
    const e = list[i]!;
    e.start += delta;
    e.end += delta;
  }
}

function moveClaims(list: readonly Claim[], delta: number): void {
  for (let i = 0; i < list.length; i++) {
    const c = list[i]!;
    c.start += delta;
    c.end += delta;
  }
}

/** The learnable mentions of the article, in order. */
function learnables(placed: readonly Placed[]): EntityMention[] {
  const out: EntityMention[] = [];
  for (const at of placed) for (const m of at.rel.learnable) out.push(m);
  return out;
}

/** Whether the paragraphs that came bring the same learnable mentions, in the same order, as those that went. */
function sameLearnables(removed: readonly Placed[], added: readonly Placed[]): boolean {
  const a = learnables(removed);
  const b = learnables(added);
  return a.length === b.length && a.every((m, i) => m.entityId === b[i]!.entityId && m.text === b[i]!.text && m.canonical === b[i]!.canonical && m.type === b[i]!.type);
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The analysis, with the article-wide lists made on first use: a reader that goes by paragraph never pays for them. */
function analysisOf(text: string, paragraphs: ParagraphFindings[]): Analysis {
  let figures: Figure[] | undefined;
  let entities: EntityMention[] | undefined;
  let claims: Claim[] | undefined;
  return {
    text,
    paragraphs,
    get figures() {
      return (figures ??= paragraphs.flatMap((p) => p.figures));
    },
    get entities() {
      return (entities ??= paragraphs.flatMap((p) => p.entities));
    },
    get claims() {
      return (claims ??= paragraphs.flatMap((p) => p.claims));
    },
  };
}

function sameDate(a: ArticleDate | undefined, b: ArticleDate | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.iso === b.iso && a.source === b.source);
}
