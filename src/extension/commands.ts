import * as vscode from 'vscode';
import { ARTICLE_LANGUAGE, type AnalysisCache } from './analysisCache';
import type { GlossCodeLensProvider } from './codeLens';
import type { Reviewer } from './reviewer';
import type { LexiconService } from './lexicon';
import { describeFigure } from '../core/figures/format';
import { findDateline } from '../core/figures/relativeDates';
import { isDay } from '../core/sidecar/validate';
import { toSimplifiedView, traditionalConverter } from '../core/script/normalize';
import { annotationFor, itemAt, withAnnotation } from '../core/review/items';
import { stepQueue, type QueueEntry } from '../core/review/queue';
import { reviewCommandHandlers } from './reviewCommands';
import { VERDICTS, type Kind, type Verdict } from '../core/sidecar/model';
import { toBrat, toCsv, toJsonl, toW3c } from '../core/sidecar/export';
import { workspaceFiles } from './workspaceFiles';
import { t, tm } from './l10n';
import { notify } from './notices';
import type { AnnotatorService } from './annotator';
import { stampDecision } from '../core/review/decisions';
import { commandLinkMarkdown } from './markdownEscape';
import { COMMAND_ARGS, type ViewCommandId } from './commandArgs';
import { registerCheckedCommand } from './checkedCommand';
import { pickVerdict } from './verdictPicker';

export interface FindingSummary {
  uri: string;
  figures: Array<{ start: number; end: number; text: string; type: string; description: string }>;
  entities: Array<{ start: number; end: number; text: string; type: string; canonical: string }>;
  claims: Array<{ start: number; end: number; type: string; score: number; checks: string[] }>;
}

export interface Services {
  cache: AnalysisCache;
  lenses: GlossCodeLensProvider;
  reviewer: Reviewer;
  lexicon: LexiconService;
  /** Who is recorded as `by:` on decisions. */
  annotators: AnnotatorService;
}

/** A queue entry as commands return it: plain data, UTF-16 offsets. */
export interface QueueStop {
  kind: QueueEntry['kind'];
  start: number;
  end: number;
  text: string;
  why: string;
}

export function queueStop(e: QueueEntry): QueueStop {
  return { kind: e.kind, start: e.start, end: e.end, text: e.text, why: e.why };
}

/** Where a review command acts: a document, a UTF-16 offset in it, and optionally a kind. */
export interface Target {
  uri?: string | vscode.Uri;
  offset?: number;
  kind?: Kind;
}

export async function documentForTarget(arg: unknown): Promise<vscode.TextDocument | undefined> {
  if (arg instanceof vscode.Uri) return vscode.workspace.openTextDocument(arg);
  if (typeof arg === 'string') return vscode.workspace.openTextDocument(vscode.Uri.parse(arg));
  if (arg && typeof arg === 'object' && 'uri' in arg) return documentForTarget((arg as Target).uri);
  // run from the walkthrough or another view, the article beside it is meant
  return vscode.window.activeTextEditor?.document ?? vscode.window.visibleTextEditors.find((e) => e.document.languageId === ARTICLE_LANGUAGE)?.document;
}

function offsetOf(document: vscode.TextDocument, target: Target | undefined): number | undefined {
  if (typeof target?.offset === 'number') return target.offset;
  const editor = [vscode.window.activeTextEditor, ...vscode.window.visibleTextEditors].find((e) => e?.document === document);
  if (editor) return document.offsetAt(editor.selection.active);
  return undefined;
}

/**
 * Every Gloss command in one typed map: the id and a handler that also takes arguments, so
 * that tests and other extensions can run it without a UI. `package.json` lists the same ids
 * under `contributes.commands`, all in the category "Gloss".
 */
export function commandHandlers(s: Services) {
  // a command acts on the decisions in the sidecar: it waits until the file has been read
  const documentFor = async (arg: unknown): Promise<vscode.TextDocument | undefined> => {
    const document = await documentForTarget(arg);
    if (document) await s.reviewer.sidecars.load(document.uri, document.getText());
    return document;
  };
  const reviewTarget = async (target?: Target) => {
    const document = await documentFor(target);
    if (!document || document.languageId !== ARTICLE_LANGUAGE) return undefined;
    const offset = offsetOf(document, target);
    if (offset === undefined) return undefined;
    const item = itemAt(s.reviewer.review(document), offset, target?.kind);
    return item ? { document, item } : { document, item: undefined };
  };

  const decide = async (target: Target | undefined, status: 'accepted' | 'rejected', extra?: (a: ReturnType<typeof annotationFor>) => void) => {
    const found = await reviewTarget(target);
    if (!found?.item) {
      notify(t('No Gloss finding at the cursor.'));
      return undefined;
    }
    const { document, item } = found;
    const state = s.reviewer.sidecars.get(document.uri, document.getText());
    const taken = new Set(state.sidecar.annotations.map((a) => a.id));
    const decided = annotationFor(document.getText(), item, status, taken);
    extra?.(decided);
    const annotation = stampDecision(item.annotation, decided, await s.annotators.annotatorFor(document.uri));
    const ok = await s.reviewer.sidecars.update(document.uri, document.getText(), (sc) => withAnnotation(sc, annotation));
    return ok ? annotation : undefined;
  };

  /** The stop visited last in each article, so that two stops at one offset are both visited. */
  const lastStop = new Map<string, { start: number; end: number; weight: number }>();
  const move = async (target: Target | undefined, direction: 1 | -1): Promise<QueueStop | undefined> => {
    const document = await documentFor(target);
    if (!document) return undefined;
    const editor = await vscode.window.showTextDocument(document);
    const from = offsetOf(document, target) ?? 0;
    const queue = s.reviewer.queue(document);
    const key = document.uri.toString();
    const last = lastStop.get(key);
    const next = stepQueue(queue, s.reviewer.settings(document).order, { offset: from, ...(last && last.start === from ? { last } : {}) }, direction);
    if (!next) {
      notify(t('Everything in this article is reviewed.'));
      return undefined;
    }
    lastStop.set(key, { start: next.start, end: next.end, weight: next.weight });
    const range = new vscode.Range(document.positionAt(next.start), document.positionAt(next.end));
    editor.selection = new vscode.Selection(range.start, range.start);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return queueStop(next);
  };

  return {
    'gloss.accept': (target?: Target) => decide(target, 'accepted'),
    'gloss.reject': (target?: Target) => decide(target, 'rejected'),
    'gloss.acceptParagraph': async (target?: Target): Promise<number> => {
      const document = await documentFor(target);
      if (!document) return 0;
      const offset = offsetOf(document, target) ?? 0;
      const analysis = s.cache.get(document);
      // the last that holds the offset: a credit ends where the body after it on its line starts
      const paragraph = [...analysis.paragraphs].reverse().find((p) => p.paragraph.start <= offset && offset <= p.paragraph.end);
      if (!paragraph) return 0;
      // with every paragraph that begins on its line, as its lens counts them (codeLens.ts): the
      // pieces of a long line are one paragraph to the user
      const line = document.positionAt(paragraph.paragraph.start).line;
      const spans = analysis.paragraphs.map((p) => p.paragraph).filter((p) => document.positionAt(p.start).line === line);
      const review = s.reviewer.review(document);
      const inside = review.items.filter((i) => i.state === 'suggested' && spans.some((p) => i.start >= p.start && i.end <= p.end));
      // a claim whose arithmetic fails is never accepted in bulk: it stays queued for a verdict
      const failing = inside.filter((i) => i.finding?.claim?.checks.some((k) => k.verdict === 'does not hold'));
      const todo = inside.filter((i) => !failing.includes(i));
      if (failing.length) {
        const working = failing.flatMap((i) => i.finding!.claim!.checks.filter((k) => k.verdict === 'does not hold').map((k) => tm(k.workingMessage)));
        void vscode.window.showWarningMessage(
          t('Accepted {0}. Left in the queue, because its arithmetic does not hold: {1}. Give the claim a verdict.', todo.length, working.join('; ')),
        );
      }
      if (!todo.length) return 0;
      const text = document.getText();
      // the review's items move in place when the document is edited and reviewed again: their
      // offsets are taken now, against this text, before anything is awaited
      const taking = todo.map((i) => ({ ...i }));
      const annotator = await s.annotators.annotatorFor(document.uri);
      await s.reviewer.sidecars.update(document.uri, text, (sc) => {
        let next = sc;
        const taken = new Set(sc.annotations.map((a) => a.id));
        for (const item of taking) {
          const a = stampDecision(item.annotation, annotationFor(text, item, 'accepted', taken), annotator);
          taken.add(a.id);
          next = withAnnotation(next, a);
        }
        return next;
      });
      return todo.length;
    },
    'gloss.setVerdict': async (target?: Target & { verdict?: Verdict }) => {
      let verdict = target?.verdict;
      if (!verdict) {
        const claim = (await reviewTarget({ ...target, kind: 'claim' }))?.item;
        verdict = await pickVerdict(claim?.annotation?.verdict ?? 'unreviewed');
        if (!verdict) return undefined;
      }
      if (!VERDICTS.includes(verdict)) throw new Error(`unknown verdict ${verdict}`);
      return decide({ ...target, kind: 'claim' }, 'accepted', (a) => (a.verdict = verdict));
    },
    'gloss.addNote': async (target?: Target & { note?: string }) => {
      const note = target?.note ?? (await vscode.window.showInputBox({ prompt: t('Note for this finding') }));
      if (note === undefined) return undefined;
      const found = await reviewTarget(target);
      const status = found?.item?.annotation?.status === 'rejected' ? 'rejected' : 'accepted';
      return decide(target, status, (a) => (a.note = note));
    },
    'gloss.setArticleDate': async (target?: { uri?: string | vscode.Uri; date?: string }): Promise<string | null | undefined> => {
      const document = await documentFor(target);
      if (!document || document.languageId !== ARTICLE_LANGUAGE) return undefined;
      const text = document.getText();
      const state = s.reviewer.sidecars.get(document.uri, text);
      const date =
        target?.date ??
        (await vscode.window.showInputBox({
          title: t("The article's date"),
          prompt: t('Relative dates (去年8月, 5月17日, 11日) are read against it. Empty removes it from the sidecar.'),
          placeHolder: 'YYYY-MM-DD',
          value: state.sidecar.date ?? findDateline(text)?.iso ?? '',
          validateInput: (v) => (v.trim() === '' || isDay(v.trim()) ? undefined : t('A day written YYYY-MM-DD, such as 2024-06-12')),
        }));
      if (date === undefined) return undefined;
      const value = date.trim() || undefined;
      // (undefined removes date: from the header; the sidecar's writer keeps everything else as it was)
      const ok = await s.reviewer.sidecars.update(document.uri, text, (sc) => {
        const next = { ...sc };
        if (value === undefined) delete next.date;
        else next.date = value;
        return next;
      });
      return ok ? value ?? null : undefined;
    },
    'gloss.addEvidence': async (target?: Target & { evidence?: string }) => {
      const evidence = target?.evidence ?? (await vscode.window.showInputBox({ prompt: t('Evidence: a URL or article#id') }));
      if (!evidence) return undefined;
      return decide(target, 'accepted', (a) => (a.evidence = [...new Set([...(a.evidence ?? []), evidence])]));
    },
    'gloss.annotateSelection': async (target?: { uri?: string | vscode.Uri; start?: number; end?: number; kind?: Kind; type?: string }) => {
      const document = await documentFor(target);
      if (!document) return undefined;
      const editor = vscode.window.activeTextEditor;
      const start = target?.start ?? (editor ? document.offsetAt(editor.selection.start) : 0);
      const end = target?.end ?? (editor ? document.offsetAt(editor.selection.end) : 0);
      if (end <= start) {
        notify(t('Select the text to annotate first.'));
        return undefined;
      }
      const kind = target?.kind ?? ((await vscode.window.showQuickPick(['claim', 'figure', 'entity'], { placeHolder: t('Annotate as') })) as Kind | undefined);
      if (!kind) return undefined;
      let type = target?.type;
      if (kind === 'entity' && !type) type = await vscode.window.showQuickPick(['person', 'org', 'product', 'place', 'work'], { placeHolder: t('Entity type') });
      const text = document.getText();
      const state = s.reviewer.sidecars.get(document.uri, text);
      const a = annotationFor(text, { kind, start, end }, 'manual', new Set(state.sidecar.annotations.map((x) => x.id)));
      if (kind === 'entity') {
        a.type = type ?? 'org';
        a.canonical = toSimplifiedView(a.quote).text;
      }
      if (kind === 'claim') a.verdict = 'unreviewed';
      const made = stampDecision(undefined, a, await s.annotators.annotatorFor(document.uri));
      await s.reviewer.sidecars.update(document.uri, text, (sc) => withAnnotation(sc, made));
      return made;
    },
    'gloss.teachEntity': async (target?: Target & { type?: string; canonical?: string }) => {
      const found = await reviewTarget({ ...target, kind: 'entity' });
      const document = found?.document ?? (await documentFor(target));
      if (!document) return undefined;
      const editor = vscode.window.activeTextEditor;
      const selected = editor && !editor.selection.isEmpty ? document.getText(editor.selection) : undefined;
      const surface = found?.item ? document.getText().slice(found.item.start, found.item.end) : selected;
      if (!surface) {
        // a name Gloss missed is what most needs teaching: its words must be selected
        notify(t('No entity at the cursor: select the name to teach, then run this again.'));
        return undefined;
      }
      const canonical = target?.canonical ?? found?.item?.finding?.entity?.canonical ?? toSimplifiedView(surface).text;
      const type = target?.type ?? found?.item?.finding?.entity?.type ?? (await vscode.window.showQuickPick(['person', 'org', 'product', 'place', 'work'], { placeHolder: t('Entity type') }));
      if (!type) return undefined;
      return s.lexicon.teach(document.uri, { canonical, type: type as never, aliases: surface !== canonical ? [surface] : [] });
    },
    'gloss.nextUnreviewed': (target?: Target) => move(target, 1),
    'gloss.previousUnreviewed': (target?: Target) => move(target, -1),
    'gloss.openSidecar': async (target?: Target): Promise<string | undefined> => {
      const document = await documentFor(target);
      if (!document) return undefined;
      const path = s.reviewer.sidecars.pathFor(document.uri);
      const uri = s.reviewer.sidecars.uriFor(document.uri);
      if ((await workspaceFiles(uri).size(uri.path)) === undefined) {
        notify(t('No decisions yet: the sidecar is written with the first one.'));
        return path;
      }
      // pinned: as a preview it would replace the preview beside (the walkthrough page), not open over it
      await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside, preview: false });
      return path;
    },
    'gloss.showOrphans': async (target?: Target) => {
      const document = await documentFor(target);
      if (!document) return [];
      const orphans = s.reviewer.review(document).orphans;
      if (!target || !('uri' in target)) {
        if (!orphans.length) notify(t('No orphaned annotations in this article.'));
        else {
          const pick = await vscode.window.showQuickPick(
            orphans.map((o) => ({ label: o.annotation.quote, description: `${o.annotation.kind} · ${o.annotation.id}`, detail: o.reason, orphan: o })),
            { placeHolder: t('Orphaned annotations: pick one, then select its new place and run "Gloss: Annotate Selection"') },
          );
          if (pick) await vscode.commands.executeCommand('gloss.openSidecar', { uri: document.uri.toString() });
        }
      }
      return orphans.map((o) => ({ id: o.annotation.id, quote: o.annotation.quote, reason: o.reason }));
    },
    'gloss.export': async (target?: { uri?: string | vscode.Uri; format?: 'jsonl' | 'csv' | 'brat' | 'w3c'; out?: string }) => {
      const document = await documentFor(target);
      if (!document) return undefined;
      const format = target?.format ?? ((await vscode.window.showQuickPick(['jsonl', 'csv', 'brat', 'w3c'], { placeHolder: t('Export format') })) as 'jsonl' | undefined);
      if (!format) return undefined;
      const state = s.reviewer.sidecars.get(document.uri, document.getText());
      const item = { sidecar: state.sidecar, articleText: document.getText() };
      const text = format === 'jsonl' ? toJsonl([item]) : format === 'csv' ? toCsv([item]) : format === 'brat' ? toBrat(state.sidecar) : toW3c([item]);
      const ext = { jsonl: 'jsonl', csv: 'csv', brat: 'ann', w3c: 'w3c.json' }[format];
      const name = `${state.sidecar.article.replace(/\.txt$/, '')}.${ext}`;
      // beside the article, on its own file system; a path given on a local disk is a file there
      const outUri = target?.out ? vscode.Uri.file(target.out) : vscode.Uri.joinPath(document.uri, '..', name);
      const out = target?.out ?? (outUri.scheme === 'file' ? outUri.fsPath : outUri.path);
      await workspaceFiles(outUri).writeAtomic(outUri.path, text);
      if (!target?.out) notify(t('Exported to {0}', out));
      return out;
    },
    'gloss.toggleLenses': async (): Promise<boolean> => {
      const config = vscode.workspace.getConfiguration('gloss');
      const next = !config.get<boolean>('codeLens.enabled', true);
      await config.update('codeLens.enabled', next, vscode.ConfigurationTarget.Global);
      s.lenses.refresh();
      return next;
    },
    'gloss.showSummary': async (target?: vscode.Uri | string): Promise<FindingSummary | undefined> => {
      const document = await documentFor(target);
      if (!document) return undefined;
      const analysis = s.cache.get(document);
      const summary: FindingSummary = {
        uri: document.uri.toString(),
        figures: analysis.figures
          .filter((f) => f.salient)
          .map((f) => ({ start: f.start, end: f.end, text: f.text, type: f.type, description: describeFigure(f) })),
        entities: analysis.entities.map((e) => ({ start: e.start, end: e.end, text: e.text, type: e.type, canonical: e.canonical })),
        claims: analysis.claims.map((c) => ({ start: c.start, end: c.end, type: c.type, score: c.score, checks: c.checks.map((k) => `${k.verdict}: ${k.working}`) })),
      };
      if (!target) {
        void vscode.window.showInformationMessage(
          t('{0} claims, {1} figures, {2} entities in this article.', summary.claims.length, summary.figures.length, summary.entities.length),
        );
      }
      return summary;
    },
    'gloss.revealParagraph': async (line: number): Promise<void> => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || typeof line !== 'number') return;
      const pos = new vscode.Position(line, 0);
      editor.selection = new vscode.Selection(pos, pos);
      editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    },
    'gloss.showMentions': async (entityId?: string): Promise<number> => {
      if (!entityId) return 0;
      const mentions = await s.lexicon.corpus.mentions(entityId);
      const pick = await vscode.window.showQuickPick(
        mentions.map((m) => ({ label: m.text, description: vscode.workspace.asRelativePath(m.uri), detail: m.context, m })),
        { placeHolder: t('Mentions of {0} across the workspace', entityId.split(':')[1] ?? entityId) },
      );
      if (pick) {
        const doc = await vscode.workspace.openTextDocument(pick.m.uri);
        const editor = await vscode.window.showTextDocument(doc);
        const pos = doc.positionAt(pick.m.start);
        editor.selection = new vscode.Selection(pos, pos);
        editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenter);
      }
      return mentions.length;
    },
    'gloss.copyAsSimplified': async (target?: vscode.Uri | string): Promise<string | undefined> => {
      const document = await documentFor(target);
      if (!document) return undefined;
      const text = toSimplifiedView(document.getText()).text;
      await vscode.env.clipboard.writeText(text);
      return text;
    },
    'gloss.copyAsTraditional': async (target?: vscode.Uri | string): Promise<string | undefined> => {
      const document = await documentFor(target);
      if (!document) return undefined;
      const text = traditionalConverter()(document.getText());
      await vscode.env.clipboard.writeText(text);
      return text;
    },
    'gloss.openAsArticle': async (target?: vscode.Uri | string): Promise<string | undefined> => {
      const document = await documentFor(target);
      if (!document) return undefined;
      const changed = await vscode.languages.setTextDocumentLanguage(document, ARTICLE_LANGUAGE);
      return changed.languageId;
    },
    'gloss.annotations': async (target?: vscode.Uri | string) => {
      const document = await documentFor(target);
      if (!document) return [];
      return s.reviewer.sidecars.get(document.uri, document.getText()).sidecar.annotations;
    },
    ...reviewCommandHandlers(s, { documentFor, reviewTarget }),
  } satisfies Record<string, (...args: never[]) => Promise<unknown>>;
}

export type GlossCommandId = keyof ReturnType<typeof commandHandlers>;

// every command has its argument check, and every check its command
const _everyCommandChecked: Record<GlossCommandId | ViewCommandId, unknown> = COMMAND_ARGS;
const _everyCheckACommand: Record<keyof typeof COMMAND_ARGS, unknown> = {} as Record<GlossCommandId | ViewCommandId, unknown>;
void _everyCommandChecked;
void _everyCheckACommand;

/** Commands that hover links may run (`isTrusted.enabledCommands`). */
export const HOVER_COMMANDS: GlossCommandId[] = [
  'gloss.accept', 'gloss.reject', 'gloss.setVerdict', 'gloss.addNote', 'gloss.addEvidence', 'gloss.teachEntity', 'gloss.showMentions', 'gloss.rejectEverywhere',
  'gloss.setArticleDate',
];

export function commandLink(id: GlossCommandId, args: unknown, title: string): string {
  return commandLinkMarkdown(id, args, title);
}

/** Every command of the map, each through its argument check. */
export function registerCommands(services: Services): vscode.Disposable[] {
  const handlers: Record<GlossCommandId, (...args: unknown[]) => Promise<unknown>> = commandHandlers(services) as never;
  return (Object.keys(handlers) as GlossCommandId[]).map((id) => registerCheckedCommand(id, handlers[id]));
}
