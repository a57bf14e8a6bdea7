import type { Verdict } from '../core/sidecar/model';
import { t } from './l10n';

/**
 * How each verdict reads in Gloss's own text (the picker, the outline, the tree, hovers):
 * a label, a line saying what it means, and an icon. Written out one by one so that the
 * l10n completeness test sees every string.
 */
export function verdictLabel(v: Verdict): string {
  switch (v) {
    case 'unreviewed':
      return t('unreviewed');
    case 'supported':
      return t('supported');
    case 'disputed':
      return t('disputed');
    case 'false':
      return t('false');
    case 'unverifiable':
      return t('unverifiable');
  }
}

export function verdictDescription(v: Verdict): string {
  switch (v) {
    case 'unreviewed':
      return t('Not judged yet');
    case 'supported':
      return t('The evidence confirms it');
    case 'disputed':
      return t('Sources disagree, or it misleads as stated');
    case 'false':
      return t('The evidence contradicts it');
    case 'unverifiable':
      return t('It cannot be checked with what is available');
  }
}

export const VERDICT_ICONS: Record<Verdict, string> = {
  unreviewed: 'circle-outline',
  supported: 'pass',
  disputed: 'warning',
  false: 'error',
  unverifiable: 'question',
};
