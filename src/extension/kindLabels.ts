import type { ClaimType } from '../core/claims/detect';
import type { FigureType } from '../core/figures/types';
import type { CheckKind, CheckVerdict } from '../core/claims/arithmetic';
import type { EntitySource } from '../core/entities/detect';
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

/** An arithmetic check's relation, as the hover names it. */
export function checkKindLabel(kind: CheckKind): string {
  switch (kind) {
    case 'difference':
      return t('difference');
    case 'growth':
      return t('growth');
    case 'points':
      return t('points');
    case 'cagr':
      return t('cagr');
    case 'conversion':
      return t('conversion');
    case 'sum':
      return t('sum');
    case 'share':
      return t('share');
    case 'remainder':
      return t('remainder');
  }
}

export function checkVerdictLabel(verdict: CheckVerdict): string {
  switch (verdict) {
    case 'holds':
      return t('holds');
    case 'does not hold':
      return t('does not hold');
    case 'ambiguous':
      return t('ambiguous');
  }
}

/** An entity's type, as the hover shows it (the sidecar keeps the English name). */
export function entityTypeLabel(type: string): string {
  switch (type) {
    case 'person':
      return t('person');
    case 'org':
      return t('org');
    case 'product':
      return t('product');
    case 'place':
      return t('place');
    case 'work':
      return t('work');
    default:
      return type;
  }
}

/** How an entity was found, as the hover says it. */
export function entitySourceLabel(source: EntitySource): string {
  switch (source) {
    case 'lexicon':
      return t('lexicon');
    case 'workspace':
      return t('workspace lexicon');
    case 'role':
      return t('role or title');
    case 'speech':
      return t('speaker of a quotation');
    case 'suffix':
      return t('organisation suffix');
    case 'latin':
      return t('Latin-script name');
    case 'transliterated':
      return t('transliterated name');
    case 'quoted':
      return t('quoted product name');
    case 'title':
      return t('title 《…》');
    case 'abbreviation':
      return t('abbreviation');
    case 'model':
      return t('statistical model');
    case 'repeated':
      return t('repeated name');
  }
}
