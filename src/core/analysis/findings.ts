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
 * never pays for them. An object of a class, not an object literal with getters: with the
 * literal, the findings of each analysis outlived the young-generation collections after it,
 * until the next full collection (ten analyses of 9k characters, each dropped at once, left
 * 4 MB in the old generation against 1.3 MB now), and every scavenge copied the findings of
 * the last several analyses, some 10 ms each on the 20k article.
 */
class LazyAnalysis implements Analysis {
  private figureList: Figure[] | undefined = undefined;
  private entityList: EntityMention[] | undefined = undefined;
  private claimList: Claim[] | undefined = undefined;

  constructor(
    readonly text: string,
    readonly paragraphs: ParagraphFindings[],
  ) {}

  get figures(): Figure[] {
    return (this.figureList ??= this.paragraphs.flatMap((p) => p.figures));
  }

  get entities(): EntityMention[] {
    return (this.entityList ??= this.paragraphs.flatMap((p) => p.entities));
  }

  get claims(): Claim[] {
    return (this.claimList ??= this.paragraphs.flatMap((p) => p.claims));
  }

  /** What JSON.stringify wrote of the literal: every list, whether read yet or not. */
  toJSON(): Analysis {
    return { text: this.text, paragraphs: this.paragraphs, figures: this.figures, entities: this.entities, claims: this.claims };
  }
}

export function analysisOf(text: string, paragraphs: ParagraphFindings[]): Analysis {
  return new LazyAnalysis(text, paragraphs);
}
