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

/** The analysis, with the article-wide lists made on first use: a reader that goes by paragraph never pays for them. */
export function analysisOf(text: string, paragraphs: ParagraphFindings[]): Analysis {
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
