import * as vscode from 'vscode';
import { VERDICTS, type Verdict } from '../core/sidecar/model';
import { t } from './l10n';
import { VERDICT_ICONS, verdictDescription, verdictLabel } from './verdicts';

export interface VerdictItem extends vscode.QuickPickItem {
  verdict: Verdict;
}

/** The picker's choices: each verdict with its icon and what it means; the current one says so. */
export function verdictItems(current: Verdict): VerdictItem[] {
  return VERDICTS.map((verdict) => ({
    verdict,
    label: `$(${VERDICT_ICONS[verdict]}) ${verdictLabel(verdict)}`,
    description: verdict === current ? `${verdictDescription(verdict)} · ${t('current')}` : verdictDescription(verdict),
  }));
}

/**
 * Asks for a claim's verdict. The current verdict is the active choice, so that Enter keeps
 * it and the arrows start from it; undefined when the picker is dismissed.
 */
export function pickVerdict(current: Verdict): Promise<Verdict | undefined> {
  const pick = vscode.window.createQuickPick<VerdictItem>();
  pick.items = verdictItems(current);
  pick.activeItems = pick.items.filter((i) => i.verdict === current);
  pick.placeholder = t('Verdict for this claim (now: {0})', verdictLabel(current));
  pick.matchOnDescription = true;
  return new Promise((resolve) => {
    let chosen: Verdict | undefined;
    pick.onDidAccept(() => {
      chosen = pick.selectedItems[0]?.verdict ?? pick.activeItems[0]?.verdict;
      pick.hide();
    });
    pick.onDidHide(() => {
      pick.dispose();
      resolve(chosen);
    });
    pick.show();
  });
}
