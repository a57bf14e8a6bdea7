import * as vscode from 'vscode';
import { msg, renderMessage, translationKey, type Message } from '../core/text/message';

/**
 * Gloss's own runtime text (hovers, lenses, messages, the tree, the status bar) in the
 * language of `gloss.uiLanguage`. `auto` follows VS Code's display language through
 * `vscode.l10n`; `en`, `zh-cn` and `zh-tw` use the bundles Gloss ships in `l10n/`, so that a
 * Chinese-speaking user reads Gloss in Chinese even where VS Code itself is English (a
 * language pack cannot be installed everywhere). Manifest text (command titles, settings,
 * the walkthrough) is VS Code's to translate and follows its display language.
 */
export const UI_LANGUAGES = ['auto', 'en', 'zh-cn', 'zh-tw'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** undefined: follow VS Code (`vscode.l10n`); otherwise the chosen bundle ({} for English). */
let chosen: Record<string, string> | undefined;
let current: UiLanguage = 'auto';
const changed = new vscode.EventEmitter<UiLanguage>();
/** Fires after `gloss.uiLanguage` changed and its bundle is loaded: views re-render. */
export const onDidChangeUiLanguage = changed.event;

function format(template: string, args: Array<string | number>): string {
  return template.replace(/\{(\d+)\}/g, (whole, n: string) => (Number(n) < args.length ? String(args[Number(n)]) : whole));
}

/** Runtime strings, translated through the bundles in `l10n/`. */
export function t(message: string, ...args: Array<string | number>): string {
  if (!chosen) return vscode.l10n.t(message, ...args);
  return format(chosen[message] ?? message, args);
}

/** A message's template as translated, its placeholders left for `renderMessage` to fill. */
function translateTemplate(m: Message): string {
  if (chosen) return chosen[translationKey(m)] ?? m.key;
  // vscode.l10n.t formats as it translates: the placeholders are given back as arguments
  const count = Math.max(0, ...[...m.key.matchAll(/\{(\d+)\}/g)].map((x) => Number(x[1]) + 1));
  const args = Array.from({ length: count }, (_, i) => `{${i}}`);
  return m.comment ? vscode.l10n.t({ message: m.key, args, comment: [m.comment] }) : vscode.l10n.t(m.key, ...args);
}

/**
 * A message from the core (an arithmetic working, a claim's reasons, a figure's description)
 * in Gloss's UI language: each template, and each message among its arguments, translated.
 */
export function tm(message: Message): string {
  return renderMessage(message, translateTemplate, translateTemplate(msg('; ')));
}

/**
 * A message whose wording depends on a count, in the right number:
 * `tn(n, '{0} article', '{0} articles')`, or with arguments of its own,
 * `tn(articles, '{0} across {1} article', '{0} across {1} articles', mentions, articles)`. Chinese has
 * one form, so both keys translate to the same text there ("{0} 篇文章").
 */
export function tn(n: number, one: string, many: string, ...args: Array<string | number>): string {
  return t(n === 1 ? one : many, ...(args.length ? args : [n]));
}

/** The language Gloss's runtime text is in now. */
export function uiLanguage(): UiLanguage {
  return current;
}

function configured(): UiLanguage {
  const v = vscode.workspace.getConfiguration('gloss').get<string>('uiLanguage', 'auto');
  return (UI_LANGUAGES as readonly string[]).includes(v) ? (v as UiLanguage) : 'auto';
}

async function load(extensionUri: vscode.Uri, language: UiLanguage): Promise<void> {
  let next: Record<string, string> | undefined;
  if (language === 'en') next = {};
  else if (language !== 'auto') {
    // through workspace.fs, so that this works where the extension's files are not on a local disk
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'l10n', `bundle.l10n.${language}.json`));
    next = JSON.parse(new TextDecoder('utf-8').decode(bytes)) as Record<string, string>;
  }
  chosen = next;
  current = language;
}

/**
 * Reads `gloss.uiLanguage` and loads its bundle; awaited during activation only when the
 * setting is not `auto`, so that the first hover is already in the chosen language.
 */
export function registerUiLanguage(context: vscode.ExtensionContext): { disposables: vscode.Disposable[]; ready?: Promise<void> } {
  const apply = async () => {
    const language = configured();
    try {
      await load(context.extensionUri, language);
    } catch (e) {
      chosen = undefined;
      current = 'auto';
      void vscode.window.showWarningMessage(`Gloss: gloss.uiLanguage ${language}: ${e instanceof Error ? e.message : String(e)}`);
    }
    changed.fire(current);
  };
  const disposables = [
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('gloss.uiLanguage')) void apply();
    }),
    { dispose: () => { chosen = undefined; current = 'auto'; } },
  ];
  return configured() === 'auto' ? { disposables } : { disposables, ready: apply() };
}
