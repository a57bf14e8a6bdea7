/**
 * The paragraph cache: each paragraph's findings in its own offsets, by its text and kind, in
 * least-recently-used order, and the batch analysis of the paragraphs that miss it.
 */
import type { Paragraph, ParagraphKind } from '../text/paragraphs';
import { detectFigures } from '../figures/detect';
import type { Figure } from '../figures/types';
import { detectEntitiesBatch, type EntityMention } from '../entities/detect';
import type { Lexicon } from '../entities/lexicon';
import { lowerCase } from '../entities/lowerCase';
import { detectClaims } from '../claims/detect';
import { toSimplifiedView } from '../script/normalize';
import { describeRelative, type Relative } from './articleLevel';
import { placeFindings } from './placed';
import { fnv1a } from '../text/fnv';

/** Paragraph kinds whose content is scraping noise, never findings. */
export const NOISE: ReadonlySet<ParagraphKind> = new Set(['credit', 'tagcloud', 'navigation']);

/**
 * A paragraph's findings in the paragraph cache (at the article offsets where the paragraph
 * was first analysed: placeFindings). A slot is made empty when a paragraph
 * misses the cache and is filled by the batch that made it (fill), before anything reads it.
 */
export interface Slot {
  kind: ParagraphKind;
  rel: Relative | undefined;
}

/**
 * A text's slot, or its slots by kind where it was read as more than one kind (a paragraph and
 * its repeat): nearly every text has one, and a map per text was a tenth of what the Analyzer's
 * own work allocated on a fresh article.
 */
type Entry = Slot | Map<ParagraphKind, Slot>;

function slotOf(entry: Entry | undefined, kind: ParagraphKind): Slot | undefined {
  if (entry === undefined) return undefined;
  if (entry instanceof Map) return entry.get(kind);
  return entry.kind === kind ? entry : undefined;
}

/** A paragraph to analyse in a batch, and the slot its findings go to. */
export interface Pending {
  paragraph: Paragraph;
  slot: Slot;
}

/** Hashes of paragraphs seen once (repeatsOnly) kept at most: past this many, they are forgotten. */
const MAX_SIGHTINGS = 200_000;

export class ParagraphCache {
  /** Paragraph text → (kind →) findings, in least-recently-used order. */
  private cache = new Map<string, Entry>();
  private cached = 0;
  /** How many paragraphs were analysed afresh (not served from the cache); for tests and benchmarks. */
  freshParagraphs = 0;
  /** repeatsOnly: hashes of the paragraphs seen once. */
  private readonly sightings = new Set<number>();
  /** repeatsOnly: the slots of paragraphs seen for the first time, until endOfPass(). */
  private readonly passing = new Map<string, Slot>();

  /**
   * `lexicon` is asked for only when a batch has a paragraph to find entities in.
   * `repeatsOnly` (for callers that analyse many articles once each: a corpus index) keeps a
   * paragraph's findings from its second sighting on: text that never repeats is never held
   * past the analysis that read it, and so never outlives a young-generation collection (an
   * index of 10,000 distinct articles took 9-14% less CPU with 2 jobs), while a source's boilerplate is
   * still analysed about once.
   */
  constructor(readonly maxEntries: number, private readonly withEntities: boolean, private readonly lexicon: () => Lexicon, private readonly repeatsOnly = false) {}

  clear(): void {
    this.cache.clear();
    this.cached = 0;
    this.sightings.clear();
    this.passing.clear();
  }

  /** Whether the paragraph's findings are remembered (without refreshing its place). */
  has(paragraph: Paragraph): boolean {
    return slotOf(this.cache.get(paragraph.text), paragraph.kind) !== undefined || this.passing.get(paragraph.text)?.kind === paragraph.kind;
  }

  /** The analyses that read this pass's first sightings are done: they are let go (repeatsOnly). */
  endOfPass(): void {
    this.passing.clear();
  }

  /** Whether `text` is seen for the first time (repeatsOnly); it is then remembered as seen. */
  private firstSighting(text: string): boolean {
    // in 30 bits (a small integer in the set): a collision only keeps a first sighting
    const h = fnv1a(text) & 0x3fffffff;
    if (this.sightings.has(h)) return false;
    if (this.sightings.size >= MAX_SIGHTINGS) this.sightings.clear();
    this.sightings.add(h);
    return true;
  }

  /**
   * The cache slot of a paragraph's findings, moved to the recent end; where it misses, a new
   * empty slot, remembered at once (as its findings would be: the same evictions) and added to
   * `batch`, whose fill() must follow before anything reads the cache. With repeatsOnly, a
   * paragraph seen for the first time is remembered only until endOfPass() (`keep` overrides:
   * analyzeAhead fills the cache for an analysis to come).
   */
  slotFor(paragraph: Paragraph, batch: Pending[], keep = !this.repeatsOnly): Slot {
    const entry = this.cache.get(paragraph.text);
    const hit = slotOf(entry, paragraph.kind);
    if (entry) {
      // refresh its place in the insertion order, for a simple LRU
      this.cache.delete(paragraph.text);
      this.cache.set(paragraph.text, entry);
    }
    if (hit) return hit;
    if (this.repeatsOnly) {
      const passing = this.passing.get(paragraph.text);
      if (passing?.kind === paragraph.kind) return passing;
      if (!keep && entry === undefined && passing === undefined && this.firstSighting(paragraph.text)) {
        this.freshParagraphs++;
        const slot: Slot = { kind: paragraph.kind, rel: undefined };
        batch.push({ paragraph, slot });
        this.passing.set(paragraph.text, slot);
        return slot;
      }
    }
    this.freshParagraphs++;
    const slot: Slot = { kind: paragraph.kind, rel: undefined };
    batch.push({ paragraph, slot });
    if (entry === undefined) this.cache.set(paragraph.text, slot);
    else if (entry instanceof Map) entry.set(paragraph.kind, slot);
    else this.cache.set(paragraph.text, new Map([[entry.kind, entry], [paragraph.kind, slot]]));
    this.cached++;
    while (this.cached > this.maxEntries) {
      const [oldest, entries] = this.cache.entries().next().value!;
      this.cache.delete(oldest);
      this.cached -= entries instanceof Map ? entries.size : 1;
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
  fill(batch: readonly Pending[]): void {
    const n = batch.length;
    if (n === 0) return;
    try {
      const withEntities = this.withEntities;
      const noise: boolean[] = new Array(n);
      let any = false;
      for (let i = 0; i < n; i++) any = !(noise[i] = NOISE.has(batch[i]!.paragraph.kind)) || any;
      const lexicon = any ? this.lexicon() : undefined;
      const figures: Figure[][] = new Array(n);
      const simplified: string[] = new Array(n);
      const entities: EntityMention[][] = new Array(n);
      for (let i = 0; i < n; i++) if (!noise[i]) figures[i] = detectFigures(batch[i]!.paragraph.text);
      // one Simplified view per paragraph, shared by the entity and claim detectors
      for (let i = 0; i < n; i++) simplified[i] = noise[i] ? batch[i]!.paragraph.text : toSimplifiedView(batch[i]!.paragraph.text).text;
      // the views in lower case, made once: for the entity stage and the repeats of the learned names
      // (Relative.form; without entities nothing reads it, and the views stand in for it)
      const forms: string[] = withEntities ? new Array(n) : simplified;
      if (withEntities) {
        const texts: string[] = [];
        const views: string[] = [];
        const lowered: string[] = [];
        for (let i = 0; i < n; i++) {
          if (noise[i]) continue;
          texts.push(batch[i]!.paragraph.text);
          views.push(simplified[i]!);
          lowered.push((forms[i] = lowerCase(simplified[i]!)));
        }
        const found = detectEntitiesBatch(texts, lexicon!, views, true, lowered);
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
        const rel = describeRelative(figures[i]!, entities[i]!, claims, forms[i]!, withEntities);
        placeFindings(rel, paragraph.start);
        slot.rel = rel;
      }
    } catch (e) {
      for (const { paragraph, slot } of batch) {
        // (a group's prefill swallows the error and its articles are analysed one by one: an empty
        // first-sighting slot left here would be served to them unfilled)
        if (this.passing.get(paragraph.text) === slot) this.passing.delete(paragraph.text);
        const entry = this.cache.get(paragraph.text);
        if (slot.rel !== undefined || slotOf(entry, paragraph.kind) !== slot) continue;
        if (entry instanceof Map) {
          entry.delete(paragraph.kind);
          if (entry.size === 0) this.cache.delete(paragraph.text);
        } else this.cache.delete(paragraph.text);
        this.cached--;
      }
      throw e;
    }
  }
}
