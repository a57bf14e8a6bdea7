import * as vscode from 'vscode';
import { toSimplifiedView } from '../core/script/normalize';
import { entityKeyOf, type ReviewItem } from '../core/review/items';
import { reattachCandidates } from '../core/review/reattach';
import { createAnchor } from '../core/sidecar/anchor';
import { OffsetIndex } from '../core/text/offsets';
import type { Annotation } from '../core/sidecar/model';
import type { QueueStop, Services, Target } from './commands';
import { t, tm } from './l10n';
import { notify } from './notices';

interface Helpers {
  documentFor(arg: unknown): Promise<vscode.TextDocument | undefined>;
  reviewTarget(target?: Target): Promise<{ document: vscode.TextDocument; item: ReviewItem | undefined } | undefined>;
}

/** A short label for a queue entry in a quick pick. */
function clip(s: string, n = 60): string {
  const flat = s.replace(/\s+/g, ' ');
  return flat.length > n ? `${flat.slice(0, n)}…` : flat;
}

const QUEUE_ICONS: Record<QueueStop['kind'], string> = { check: '$(warning)', claim: '$(law)', entity: '$(person)', figure: '$(symbol-number)' };

/**
 * Commands of the review queue: show it, reject an entity in every article (with undo), and
 * re-attach an orphaned annotation. Part of the one typed command map (see commands.ts).
 */
export function reviewCommandHandlers(s: Services, h: Helpers) {
  const reattach = async (document: vscode.TextDocument, orphan: Annotation, start: number, end: number) => {
    const text = document.getText();
    const index = new OffsetIndex(text);
    const anchor = createAnchor(text, index.toCodePoint(start), index.toCodePoint(end), index);
    const moved: Annotation = { ...orphan, ...anchor };
    const ok = await s.reviewer.sidecars.update(document.uri, text, (sc) => ({ ...sc, annotations: sc.annotations.map((a) => (a.id === orphan.id ? moved : a)) }));
    return ok ? moved : undefined;
  };

  return {
    /** The queue of an article: a quick pick that jumps to the chosen entry, or the list itself when called with a URI. */
    'gloss.showQueue': async (target?: Target): Promise<QueueStop[]> => {
      const document = await h.documentFor(target);
      if (!document) return [];
      const entries = s.reviewer.queue(document).entries;
      const stops = entries.map((e) => ({ kind: e.kind, start: e.start, end: e.end, text: e.text, why: e.why }));
      if (target?.uri) return stops;
      const pick = await vscode.window.showQuickPick(
        entries.map((e) => ({
          label: `${QUEUE_ICONS[e.kind]} ${clip(e.text)}`,
          description: e.mentions && e.mentions > 1 ? `${tm(e.whyMessage)} · ${t('{0} mentions', e.mentions)}` : tm(e.whyMessage),
          detail: e.check ? tm(e.check.workingMessage) : undefined,
          e,
        })),
        { placeHolder: t('{0} to review in this article', entries.length), matchOnDescription: true },
      );
      if (pick) {
        const editor = await vscode.window.showTextDocument(document);
        const range = new vscode.Range(document.positionAt(pick.e.start), document.positionAt(pick.e.end));
        editor.selection = new vscode.Selection(range.start, range.start);
        editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      }
      return stops;
    },

    /** Puts an entity's names on the workspace lexicon's ignore list: gone from every article, in both scripts. */
    'gloss.rejectEverywhere': async (target?: Target): Promise<string[] | undefined> => {
      const found = await h.reviewTarget({ ...target, kind: 'entity' });
      if (!found?.item) {
        notify(t('No Gloss finding at the cursor.'));
        return undefined;
      }
      const { document, item } = found;
      const key = entityKeyOf(item);
      const text = document.getText();
      const names = new Set<string>();
      const canonical = item.finding?.entity?.canonical ?? item.annotation?.canonical;
      if (canonical) names.add(canonical);
      // every spelling the article uses, in the form names are matched in
      for (const other of s.reviewer.review(document).items) {
        if (other.kind === 'entity' && entityKeyOf(other) === key) names.add(toSimplifiedView(text.slice(other.start, other.end)).text);
      }
      const list = [...names];
      const path = await s.lexicon.ignore(document.uri, list, true);
      if (!path) return undefined;
      const undo = t('Undo');
      void vscode.window.showInformationMessage(t('{0} is now ignored in every article ({1}).', list.join(' / '), vscode.workspace.asRelativePath(path)), undo).then((choice) => {
        if (choice === undo) void vscode.commands.executeCommand('gloss.undoRejectEverywhere', { uri: document.uri.toString(), names: list });
      });
      return list;
    },

    'gloss.undoRejectEverywhere': async (target?: { uri?: string | vscode.Uri; names?: string[] }): Promise<string[] | undefined> => {
      const document = await h.documentFor(target);
      if (!document || !target?.names?.length) return undefined;
      const path = await s.lexicon.ignore(document.uri, target.names, false);
      return path ? target.names : undefined;
    },

    /**
     * Re-attaches an orphaned annotation: to the given UTF-16 range, or to a place the user
     * picks among the best candidates (ranked as re-anchoring ranks them) or the selection.
     */
    'gloss.reattachOrphan': async (target?: { uri?: string | vscode.Uri; id?: string; start?: number; end?: number }): Promise<Annotation | undefined> => {
      const document = await h.documentFor(target);
      if (!document) return undefined;
      const orphans = s.reviewer.review(document).orphans;
      let orphan = orphans.find((o) => o.annotation.id === target?.id)?.annotation;
      if (!orphan && !target?.id) {
        const pick = await vscode.window.showQuickPick(
          orphans.map((o) => ({ label: clip(o.annotation.quote), description: `${o.annotation.kind} · ${o.annotation.id}`, detail: o.reason, o })),
          { placeHolder: t('Which orphaned annotation?') },
        );
        orphan = pick?.o.annotation;
      }
      if (!orphan) {
        if (!orphans.length) notify(t('No orphaned annotations in this article.'));
        return undefined;
      }
      if (typeof target?.start === 'number' && typeof target.end === 'number' && target.end > target.start) return reattach(document, orphan, target.start, target.end);
      const text = document.getText();
      const index = new OffsetIndex(text);
      const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
      type Pick = vscode.QuickPickItem & { start: number; end: number };
      const picks: Pick[] = reattachCandidates(text, orphan, 5, index).map((c) => {
        const start = index.toUtf16(c.start);
        const line = document.positionAt(start).line + 1;
        return {
          label: clip(c.text),
          description: t('line {0}', line),
          detail: c.edits ? t('{0} characters differ from the quote; context agrees on {1} characters', c.edits, c.context) : t('the quote as it was; context agrees on {0} characters', c.context),
          start,
          end: index.toUtf16(c.end),
        };
      });
      if (editor && !editor.selection.isEmpty) {
        const sel = { start: document.offsetAt(editor.selection.start), end: document.offsetAt(editor.selection.end) };
        picks.unshift({ label: `$(selection) ${clip(document.getText(editor.selection))}`, description: t('the current selection'), ...sel });
      }
      if (!picks.length) {
        notify(t('No place like “{0}” in the article: select where it belongs, then run this again.', clip(orphan.quote, 30)));
        return undefined;
      }
      const choice = await vscode.window.showQuickPick(picks, { placeHolder: t('Re-attach “{0}” to…', clip(orphan.quote, 30)) });
      return choice ? reattach(document, orphan, choice.start, choice.end) : undefined;
    },
  } satisfies Record<string, (...args: never[]) => Promise<unknown>>;
}
