import * as vscode from 'vscode';
import { QUEUE_ENTITIES, QUEUE_FIGURES, type QueueEntities, type QueueFigures, type QueueOrder } from '../core/review/queue';
import { minCheckWorthiness } from './claimThreshold';

/** The settings that decide which items an article's queue holds, besides the claim threshold (gloss.review.order only orders them). */
export const REVIEW_QUEUE_SETTINGS: readonly string[] = ['gloss.review.figures', 'gloss.review.entities'];

export type ProblemsMode = 'attention' | 'all' | 'none';

export interface ReviewSettings {
  minCheckWorthiness: number;
  order: QueueOrder;
  figures: QueueFigures;
  entities: QueueEntities;
  problems: ProblemsMode;
  /** Paragraph lenses on every paragraph with findings, not only where something is queued. */
  allParagraphLenses: boolean;
}

/** The settings that shape the review queue and what shows it, for one article. */
export function reviewSettings(uri?: vscode.Uri): ReviewSettings {
  const c = vscode.workspace.getConfiguration('gloss', uri);
  const figures = c.get<string>('review.figures', 'withClaim') as QueueFigures;
  const problems = c.get<string>('problems', 'attention');
  const entities = c.get<string>('review.entities', 'uncertain') as QueueEntities;
  return {
    minCheckWorthiness: minCheckWorthiness(uri),
    order: c.get<string>('review.order', 'document') === 'checkWorthiness' ? 'checkWorthiness' : 'document',
    figures: QUEUE_FIGURES.includes(figures) ? figures : 'withClaim',
    entities: QUEUE_ENTITIES.includes(entities) ? entities : 'uncertain',
    problems: problems === 'all' || problems === 'none' ? problems : 'attention',
    allParagraphLenses: c.get<boolean>('codeLens.allParagraphs', false),
  };
}

/** Whether a configuration change affects the queue or how it is shown. */
export function affectsReview(e: vscode.ConfigurationChangeEvent): boolean {
  return ['gloss.claims', 'gloss.review', 'gloss.problems', 'gloss.codeLens'].some((s) => e.affectsConfiguration(s));
}
