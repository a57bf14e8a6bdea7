import type { Paragraph, ParagraphKind } from '../text/paragraphs';
import { ParagraphSplitter } from '../text/paragraphSplitter';
import { detectFigures } from '../figures/detect';
import type { Figure } from '../figures/types';
import { findDateline, parseArticleDate, type ArticleDate } from '../figures/relativeDates';
import { detectEntities, type EntityMention } from '../entities/detect';
import { builtinLexicon, type Lexicon } from '../entities/lexicon';
import { learnedNamesOf, repeatedMentions, type LearnedNames } from '../entities/repeats';
import { detectClaims, type Claim } from '../claims/detect';
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

/** One paragraph's findings in article offsets, before the article-level decisions. */
interface Placed {
  start: number;
  figures: Figure[];
  entities: EntityMention[];
  claims: Claim[];
}

/** What the analysis of one article remembers between its versions. */
interface ArticleState {
  splitter: ParagraphSplitter;
  totals: EntityTotals;
  names: LearnedNames | undefined;
  /** The last version's paragraphs' findings, and those findings in article offsets (owned by this article alone). */
  paragraphs: Paragraph[];
  relatives: Relative[];
  placed: Placed[];
  /** How often each claim text occurs in the article. */
  claimKeys: Tally;
}

/**
 * Analyses articles paragraph by paragraph and remembers each paragraph's findings by its
 * text, so that typing in one paragraph re-analyses only that one; the article-level work is
 * incremental too (articleLevel.ts). The memory is bounded.
 */
export class Analyzer {
  /** Paragraph text → kind → findings, in least-recently-used order. */
  private cache = new Map<string, Map<ParagraphKind, Relative>>();
  private cached = 0;
  private repeats = new WeakMap<Relative, { names: LearnedNames; kept: number; repeats: EntityMention[] }>();
  private withRepeats = new WeakMap<Relative, { start: number; names: LearnedNames; kept: EntityMention[]; entities: EntityMention[] }>();
  private dated = new WeakMap<Relative, { start: number; date: ArticleDate | undefined; yearBefore: number | undefined; claims: Claim[]; dated: DatedParagraph }>();
  private marked = new WeakMap<Placed, { min: number; claims: Claim[] }>();
  private kept = new WeakMap<Relative, { claims?: Claim[]; entities?: EntityMention[] }>();
  private articles = new Map<string, ArticleState>();
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
    const { relatives, placed } = this.place(article, split);
    const seenClaims = new Set<string>();
    const paragraphs: ParagraphFindings[] = split.map((paragraph, k) => {
      const rel = relatives[k]!;
      const at = placed[k]!;
      // a sentence the article repeats word for word is checked once; below the threshold, not at
      // all, unless its arithmetic fails or is unclear: every such check is queued for a decision
      // (only a sentence written more than once in the article can be a repeat)
      const claims = !rel.claimKeys.some((key) => article.claimKeys.repeated(key))
        ? this.aboveThreshold(at)
        : this.stable(rel, 'claims', at.claims.filter((c, i) => {
            const key = rel.claimKeys[i]!;
            if (!article.claimKeys.repeated(key)) return this.isMarked(c);
            const repeat = seenClaims.has(key);
            seenClaims.add(key);
            return !repeat && this.isMarked(c);
          }));
      // short forms and weakly found names are decided over the whole article
      const entities = rel.conditional ? this.stable(rel, 'entities', at.entities.filter((e) => article.totals.keeps(e))) : at.entities;
      return { paragraph, figures: at.figures, entities, claims };
    });
    // and a name found once is found wherever else the article writes it
    if (this.options.entities !== false) {
      article.names = learnedNamesOf(learnables(relatives), article.names);
      const names = article.names;
      if (names) for (const [k, p] of paragraphs.entries()) if (!NOISE.has(p.paragraph.kind)) p.entities = this.repeatsFor(relatives[k]!, p, names);
    }
    const date = (options.date !== undefined ? parseArticleDate(options.date, 'sidecar') : undefined) ?? findDateline(text);
    if (relatives.some((r) => r.relative)) {
      let year: number | undefined;
      for (const [k, p] of paragraphs.entries()) {
        const rel = relatives[k]!;
        if (!rel.relative) {
          year = rel.lastYear ?? year;
          continue;
        }
        const dated = this.datedFor(rel, p, date, year);
        p.figures = dated.figures;
        p.claims = dated.claims;
        year = dated.lastYear;
      }
    }
    return {
      text,
      paragraphs,
      figures: paragraphs.flatMap((p) => p.figures),
      entities: paragraphs.flatMap((p) => p.entities),
      claims: paragraphs.flatMap((p) => p.claims),
    };
  }

  /** A paragraph's claims at or above the threshold, remembered while both stay the same. */
  private aboveThreshold(at: Placed): Claim[] {
    const memo = this.marked.get(at);
    if (memo?.min === this.minCheckWorthiness) return memo.claims;
    const claims = at.claims.filter((c) => this.isMarked(c));
    this.marked.set(at, { min: this.minCheckWorthiness, claims });
    return claims;
  }

  /** At or above the threshold, or stating arithmetic that fails or is unclear (the review queue asks about every such check). */
  private isMarked(c: Claim): boolean {
    return c.score >= this.minCheckWorthiness || c.checks.some((k) => k.verdict !== 'holds');
  }

  /** The array of the last analysis if it holds the same items: what is memoised on it stays valid. */
  private stable<T>(rel: Relative, what: 'claims' | 'entities', items: T[]): T[] {
    const memo = this.kept.get(rel) ?? {};
    const last = memo[what] as T[] | undefined;
    if (last && last.length === items.length && last.every((x, i) => x === items[i])) return last;
    memo[what] = items as never;
    this.kept.set(rel, memo);
    return items;
  }

  private freshState(): ArticleState {
    return { splitter: new ParagraphSplitter(), totals: new EntityTotals(), names: undefined, paragraphs: [], relatives: [], placed: [], claimKeys: new Tally() };
  }

  private articleState(document: string | undefined): ArticleState {
    // without a key every call is an article of its own: findings of the last version are moved
    // in place, so a caller that keeps analyses of several texts (gloss check) must not share one
    if (document === undefined) return this.freshState();
    let state = this.articles.get(document);
    if (state) this.articles.delete(document);
    else state = this.freshState();
    this.articles.set(document, state);
    if (this.articles.size > MAX_DOCUMENTS) this.articles.delete(this.articles.keys().next().value!);
    return state;
  }

  /**
   * The paragraphs' findings in article offsets. Those of paragraphs the edit left alone are
   * the last version's, moved in place by the edit's length (an earlier version's analysis
   * of the same article is stale from here on); the article's entity totals are updated by
   * the paragraphs that came and went.
   */
  private place(article: ArticleState, split: readonly Paragraph[]): { relatives: Relative[]; placed: Placed[] } {
    const edit = article.splitter.lastEdit;
    const removed: Relative[] = [];
    const added: Relative[] = [];
    if (!edit) {
      article.totals.clear();
      article.claimKeys.clear();
    } else for (let i = edit.from; i < edit.from + edit.removed; i++) removed.push(article.relatives[i]!);
    const relatives: Relative[] = new Array(split.length);
    const placed = split.map((p, k) => {
      const after = edit !== undefined && k >= edit.from + edit.added;
      const oldK = edit === undefined || (k >= edit.from && !after) ? -1 : after ? k - edit.added + edit.removed : k;
      const oldParagraph = oldK >= 0 ? article.paragraphs[oldK] : undefined;
      // a paragraph the edit left alone keeps its findings without a look-up by its text
      const same = oldParagraph !== undefined && oldParagraph.text === p.text && oldParagraph.kind === p.kind;
      const rel = same ? article.relatives[oldK]! : this.findingsFor(p);
      relatives[k] = rel;
      if (same) return after ? moved(article.placed[oldK]!, edit!.delta) : article.placed[oldK]!;
      if (oldParagraph) removed.push(article.relatives[oldK]!);
      added.push(rel);
      return placedAt(rel, p.start);
    });
    article.totals.apply(removed, added);
    for (const r of removed) article.claimKeys.add(r.claimKeys, -1);
    for (const r of added) article.claimKeys.add(r.claimKeys, 1);
    article.paragraphs = split as Paragraph[];
    article.relatives = relatives;
    article.placed = placed;
    return { relatives, placed };
  }

  /** A paragraph's entities with the repeats of the learned names, remembered while the names and the paragraph's place stay the same. */
  private repeatsFor(rel: Relative, findings: ParagraphFindings, names: LearnedNames): EntityMention[] {
    const at = findings.paragraph.start;
    const memo = this.withRepeats.get(rel);
    if (memo && memo.start === at && memo.names === names && memo.kept === findings.entities) return memo.entities;
    const known = this.repeats.get(rel);
    // the paragraph's own findings can differ only by what the article level removed
    const kept = findings.entities.length;
    let repeats: EntityMention[];
    if (known && known.names === names && known.kept === kept) repeats = known.repeats;
    else {
      const relative = findings.entities.map((e) => ({ ...e, start: e.start - at, end: e.end - at }));
      repeats = repeatedMentions(findings.paragraph.text, rel.simplified, names.lexicon, relative);
      this.repeats.set(rel, { names, kept, repeats });
    }
    const entities = repeats.length ? [...findings.entities, ...repeats.map((e) => ({ ...e, start: e.start + at, end: e.end + at }))].sort((a, b) => a.start - b.start) : findings.entities;
    this.withRepeats.set(rel, { start: at, names, kept: findings.entities, entities });
    return entities;
  }

  private datedFor(rel: Relative, findings: ParagraphFindings, date: ArticleDate | undefined, yearBefore: number | undefined): DatedParagraph {
    const at = findings.paragraph.start;
    const memo = this.dated.get(rel);
    if (memo && memo.start === at && memo.yearBefore === yearBefore && memo.claims === findings.claims && sameDate(memo.date, date)) return memo.dated;
    const dated = dateParagraph(findings.figures, findings.claims, date, yearBefore);
    this.dated.set(rel, { start: at, date, yearBefore, claims: findings.claims, dated });
    return dated;
  }

  private findingsFor(paragraph: Paragraph): Relative {
    const byKind = this.cache.get(paragraph.text);
    const hit = byKind?.get(paragraph.kind);
    if (byKind) {
      // refresh its place in the insertion order, for a simple LRU
      this.cache.delete(paragraph.text);
      this.cache.set(paragraph.text, byKind);
    }
    if (hit) return hit;
    this.freshParagraphs++;
    let rel: Relative;
    if (NOISE.has(paragraph.kind)) rel = describeRelative([], [], [], paragraph.text, false);
    else {
      const lexicon = this.currentLexicon;
      const figures = detectFigures(paragraph.text);
      // one Simplified view per paragraph, shared by the entity and claim detectors
      const simplified = toSimplifiedView(paragraph.text).text;
      const entities = this.options.entities === false ? [] : detectEntities(paragraph.text, lexicon, { simplified });
      // headings and repeated paragraphs carry findings but no claims of their own
      const claims = paragraph.kind === 'body' ? detectClaims({ text: paragraph.text, simplified, figures, entities, lexicon }) : [];
      rel = describeRelative(figures, entities, claims, simplified, this.options.entities !== false);
    }
    const kinds = byKind ?? new Map<ParagraphKind, Relative>();
    kinds.set(paragraph.kind, rel);
    if (!byKind) this.cache.set(paragraph.text, kinds);
    this.cached++;
    while (this.cached > this.maxEntries) {
      const [oldest, entries] = this.cache.entries().next().value!;
      this.cache.delete(oldest);
      this.cached -= entries.size;
    }
    return rel;
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

  repeated(key: string): boolean {
    return (this.counts.get(key) ?? 0) > 1;
  }

  clear(): void {
    this.counts.clear();
  }
}

type Shiftable = { start: number; end: number; numeralEnd?: number };

/** A paragraph's findings moved to article offsets: copies, each object its own. */
function placedAt(rel: Relative, start: number): Placed {
  const shift = <T extends Shiftable>(f: T): T => {
    const out = { ...f, start: f.start + start, end: f.end + start };
    if (f.numeralEnd !== undefined) out.numeralEnd = f.numeralEnd + start;
    return out;
  };
  const claims = rel.claims.map((c) => ({
    ...shift(c),
    figures: c.figures.map(shift),
    entities: c.entities.map(shift),
    checks: c.checks.map((k) => ({ ...k, stated: shift(k.stated), from: k.from.map(shift) })),
  }));
  return { start, figures: rel.figures.map(shift), entities: rel.entities.map(shift), claims };
}

/** Moves placed findings by `delta`, in place (placedAt made every object once, so each moves once). */
function moved(p: Placed, delta: number): Placed {
  if (delta === 0) return p;
  const move = (f: Shiftable) => {
    f.start += delta;
    f.end += delta;
    if (f.numeralEnd !== undefined) f.numeralEnd += delta;
  };
  p.start += delta;
  p.figures.forEach(move);
  p.entities.forEach(move);
  for (const c of p.claims) {
    move(c);
    c.figures.forEach(move);
    c.entities.forEach(move);
    for (const k of c.checks) {
      move(k.stated);
      k.from.forEach(move);
    }
  }
  return p;
}

function learnables(relatives: readonly Relative[]): EntityMention[] {
  const out: EntityMention[] = [];
  for (const r of relatives) for (const m of r.learnable) out.push(m);
  return out;
}

function sameDate(a: ArticleDate | undefined, b: ArticleDate | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.iso === b.iso && a.source === b.source);
}
