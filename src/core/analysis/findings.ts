import type { Paragraph } from '../text/paragraphs';
import type { Figure } from '../figures/types';
import type { EntityMention } from '../entities/detect';
import type { Claim } from '../claims/detect';

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

/**
 * The analysis, with the article-wide lists made on first use: a reader that goes by paragraph
 * never pays for them. The lists are own enumerable getters, as an object literal's would be
 * (a spread, JSON and structuredClone copy them), but the object is made by a class whose
 * getters are shared by every analysis: with the literal, each analysis made three closures,
 * and the findings of each analysis outlived the young-generation collections after it,
 * until the next full one (ten analyses of 9k characters, each dropped at once, left about
 * 4 MB in the old generation against 1.3 MB now), so that every scavenge copied the findings
 * of the last several analyses, some 10 ms each on the 20k article.
 */
class LazyAnalysis implements Analysis {
  // (own properties defined in the constructor, from `lists`)
  declare readonly figures: Figure[];
  declare readonly entities: EntityMention[];
  declare readonly claims: Claim[];
  #figures: Figure[] | undefined;
  #entities: EntityMention[] | undefined;
  #claims: Claim[] | undefined;

  constructor(
    readonly text: string,
    readonly paragraphs: ParagraphFindings[],
  ) {
    Object.defineProperties(this, LazyAnalysis.lists);
  }

  /** The getters of the lists, one set for every analysis. */
  static readonly lists: PropertyDescriptorMap = {
    figures: {
      enumerable: true,
      get(this: LazyAnalysis): Figure[] {
        return (this.#figures ??= this.paragraphs.flatMap((p) => p.figures));
      },
    },
    entities: {
      enumerable: true,
      get(this: LazyAnalysis): EntityMention[] {
        return (this.#entities ??= this.paragraphs.flatMap((p) => p.entities));
      },
    },
    claims: {
      enumerable: true,
      get(this: LazyAnalysis): Claim[] {
        return (this.#claims ??= this.paragraphs.flatMap((p) => p.claims));
      },
    },
  };
}

export function analysisOf(text: string, paragraphs: ParagraphFindings[]): Analysis {
  return new LazyAnalysis(text, paragraphs);
}
