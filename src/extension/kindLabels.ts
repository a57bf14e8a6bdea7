import type { ClaimType } from '../core/claims/detect';
import type { FigureType } from '../core/figures/types';
import { t } from './l10n';

/**
 * How a figure's and a claim's type read in Gloss's own text (the hover's titles), in the
 * language of gloss.uiLanguage. Written out one by one so that the l10n completeness test
 * sees every string.
 */
export function figureTypeLabel(type: FigureType): string {
  switch (type) {
    case 'money':
      return t('money');
    case 'percent':
      return t('percentage');
    case 'count':
      return t('count');
    case 'multiple':
      return t('multiple');
    case 'date':
      return t('date');
    case 'duration':
      return t('duration');
    case 'rank':
      return t('rank');
    case 'quantity':
      return t('quantity');
    case 'number':
      return t('number');
  }
}

export function claimTypeLabel(type: ClaimType): string {
  switch (type) {
    case 'statistic':
      return t('statistic');
    case 'event':
      return t('event');
    case 'quote':
      return t('quote');
    case 'forecast':
      return t('forecast');
    case 'opinion':
      return t('opinion');
  }
}
