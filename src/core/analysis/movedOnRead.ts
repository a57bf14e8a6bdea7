import type { Paragraph } from '../text/paragraphs';
import type { Figure } from '../figures/types';
import type { EntityMention } from '../entities/detect';
import type { Claim } from '../claims/detect';
import type { ParagraphFindings } from './findings';
import { moved, type Placed } from './placed';

/** What a MovedOnRead reads of its article: which analysis of it is the last one. */
interface Versioned {
  readonly version: number;
}

/**
 * A paragraph's findings whose objects are still where an earlier version had them: moved to
 * the paragraph's place when first read, so that an edit costs nothing for the paragraphs after
 * it that nobody reads before the next edit (a keystroke moves half a long article). Read after
 * a newer analysis of the article, they stay where they are (that analysis is stale).
 */
export function movedOnRead(article: Versioned, version: number, paragraph: Paragraph, at: Placed, figures: Figure[], entities: EntityMention[], claims: Claim[]): ParagraphFindings {
  return new MovedOnRead(paragraph, article, version, at, figures, entities, claims);
}

class MovedOnRead implements ParagraphFindings {
  constructor(
    readonly paragraph: Paragraph,
    private readonly article: Versioned,
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
