import * as vscode from 'vscode';
import { DEFAULT_MIN_CHECK_WORTHINESS } from '../core/claims/score';

export const MIN_CHECK_WORTHINESS_SETTING = 'gloss.claims.minCheckWorthiness';

/** `gloss.claims.minCheckWorthiness` for a document (or the workspace), within [0, 1]. */
export function minCheckWorthiness(uri?: vscode.Uri): number {
  const value = vscode.workspace.getConfiguration('gloss', uri).get<number>('claims.minCheckWorthiness', DEFAULT_MIN_CHECK_WORTHINESS);
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : DEFAULT_MIN_CHECK_WORTHINESS;
}
