import { splitParagraphs, type Paragraph, type ParagraphKind } from '../text/paragraphs';
import { detectFigures } from '../figures/detect';
import type { Figure } from '../figures/types';

export interface ParagraphFindings {
  paragraph: Paragraph;
  figures: Figure[];
}

export interface Analysis {
  text: string;
  paragraphs: ParagraphFindings[];
  figures: Figure[];
}

/** Paragraph kinds whose content is scraping noise, never findings. */
const NOISE: ReadonlySet<ParagraphKind> = new Set(['credit', 'tagcloud', 'navigation']);

type Relative = { figures: Figure[] };

/**
 * Analyses articles paragraph by paragraph and remembers each paragraph's findings by its
 * text, so that typing in one paragraph re-analyses only that one. The memory is bounded.
 */
export class Analyzer {
  private cache = new Map<string, Relative>();
  /** How many paragraphs were analysed afresh (not served from the cache); for tests and benchmarks. */
  freshParagraphs = 0;

  constructor(private readonly maxEntries = 20_000) {}

  analyze(text: string): Analysis {
    const paragraphs = splitParagraphs(text).map((paragraph) => {
      const rel = this.findingsFor(paragraph);
      const shift = (f: Figure): Figure => ({ ...f, start: f.start + paragraph.start, end: f.end + paragraph.start });
      return { paragraph, figures: rel.figures.map(shift) };
    });
    return { text, paragraphs, figures: paragraphs.flatMap((p) => p.figures) };
  }

  private findingsFor(paragraph: Paragraph): Relative {
    const key = `${paragraph.kind}\u0000${paragraph.text}`;
    const hit = this.cache.get(key);
    if (hit) {
      // refresh its place in the insertion order, for a simple LRU
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit;
    }
    this.freshParagraphs++;
    const rel: Relative = NOISE.has(paragraph.kind) ? { figures: [] } : { figures: detectFigures(paragraph.text) };
    this.cache.set(key, rel);
    if (this.cache.size > this.maxEntries) this.cache.delete(this.cache.keys().next().value!);
    return rel;
  }
}
