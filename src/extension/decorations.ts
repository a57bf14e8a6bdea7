import * as vscode from 'vscode';
import { ARTICLE_LANGUAGE } from './analysisCache';
import type { Reviewer } from './reviewer';
import type { Kind } from '../core/sidecar/model';
import { OffsetIndex } from '../core/text/offsets';
import { orphanRange } from './diagnostics';
import { Lazy } from './lazy';

const KINDS: Kind[] = ['claim', 'figure', 'entity'];
const VERDICT_ICONS = ['supported', 'disputed', 'false', 'unverifiable'] as const;

/** The decoration types, made when the first article is painted. */
function decorationTypes(context: vscode.ExtensionContext) {
  // theme colours are exposed to the editor's CSS as --vscode-<id with dots as dashes>
  const make = (kind: Kind, style: 'dotted' | 'solid') =>
    vscode.window.createTextEditorDecorationType({
      textDecoration: `underline ${style} var(--vscode-gloss-${kind}Underline) 1.5px`,
    });
  const suggested = new Map(KINDS.map((k) => [k, make(k, 'dotted')]));
  const decided = new Map(KINDS.map((k) => [k, make(k, 'solid')]));
  const gutter = new Map(
    VERDICT_ICONS.map((v) => [
      v,
      vscode.window.createTextEditorDecorationType({
        gutterIconPath: vscode.Uri.joinPath(context.extensionUri, 'media', `verdict-${v}.svg`),
        gutterIconSize: '80%',
        overviewRulerColor: v === 'false' || v === 'disputed' ? new vscode.ThemeColor('gloss.disputedRuler') : undefined,
        overviewRulerLane: vscode.OverviewRulerLane.Right,
      }),
    ]),
  );
  const queuedClaim = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('gloss.queuedClaimBackground'),
    overviewRulerColor: new vscode.ThemeColor('gloss.claimUnderline'),
    overviewRulerLane: vscode.OverviewRulerLane.Center,
  });
  // orphans have no words any more: mark their last known place in the overview ruler
  const orphan = vscode.window.createTextEditorDecorationType({
    overviewRulerColor: new vscode.ThemeColor('gloss.orphanRuler'),
    overviewRulerLane: vscode.OverviewRulerLane.Left,
    isWholeLine: true,
  });
  const all = [...suggested.values(), ...decided.values(), ...gutter.values(), queuedClaim, orphan];
  return { suggested, decided, gutter, queuedClaim, orphan, dispose: () => all.forEach((d) => d.dispose()) };
}

/**
 * Suggestions get a dotted underline in their kind's colour, decisions a solid one;
 * rejected findings are not decorated. Claims still in the review queue get a faint tint
 * and a mark in the overview ruler, so that a paragraph's lens ("1 claim") points at one
 * sentence a reader can see; a tint changes no layout, so deciding moves no text. Claims
 * with a verdict show an icon in the gutter. Colours are themable (`contributes.colors`).
 */
export function registerDecorations(reviewer: Reviewer, context: vscode.ExtensionContext): vscode.Disposable[] {
  const types = new Lazy(() => decorationTypes(context));

  const paint = (editor: vscode.TextEditor) => {
    if (editor.document.languageId !== ARTICLE_LANGUAGE || types.disposed) return;
    const { suggested, decided, gutter, queuedClaim, orphan } = types.value;
    const review = reviewer.shownReview(editor.document);
    const range = (s: number, e: number) => new vscode.Range(editor.document.positionAt(s), editor.document.positionAt(e));
    for (const k of KINDS) {
      // claims are long: they get the gutter and no underline unless decided
      editor.setDecorations(suggested.get(k)!, k === 'claim' ? [] : review.items.filter((i) => i.kind === k && i.state === 'suggested').map((i) => range(i.start, i.end)));
      editor.setDecorations(decided.get(k)!, review.items.filter((i) => i.kind === k && (i.state === 'accepted' || i.state === 'manual')).map((i) => range(i.start, i.end)));
    }
    editor.setDecorations(queuedClaim, reviewer.shownQueue(editor.document).entries.filter((e) => e.kind === 'claim').map((e) => range(e.start, e.end)));
    // code points → UTF-16 needs an index of the whole text: only when there are orphans to place;
    // their hover comes from the hover provider (hover.ts), where it is served and can be tested
    const index = review.orphans.length ? new OffsetIndex(editor.document.getText()) : undefined;
    editor.setDecorations(
      orphan,
      review.orphans.map((o) => {
        const at = orphanRange(editor.document, index!, o).start;
        return new vscode.Range(at, at);
      }),
    );
    for (const v of VERDICT_ICONS) {
      const lines = review.items.filter((i) => i.kind === 'claim' && i.annotation?.verdict === v).map((i) => range(i.start, i.start));
      editor.setDecorations(gutter.get(v)!, lines);
    }
  };
  const paintAll = () => vscode.window.visibleTextEditors.forEach(paint);
  // after activate() has returned: painting analyses the open articles (and loads the dictionaries)
  const first = setTimeout(paintAll, 0);
  return [
    types,
    { dispose: () => clearTimeout(first) },
    vscode.window.onDidChangeVisibleTextEditors(paintAll),
    // a language change (plaintext → article) reopens the document after it became visible
    vscode.workspace.onDidOpenTextDocument(() => setTimeout(paintAll, 0)),
    reviewer.onDidChange(paintAll),
  ];
}
