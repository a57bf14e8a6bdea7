/**
 * A sentence for a person, kept as data: an English template with {0}, {1}… (also the key of
 * its translations in l10n/) and its arguments. The core says what it found in messages and
 * never needs to know the UI language: the CLI prints them in English (`renderMessage`), the
 * extension translates each template (l10n.ts `tm`). An argument is a plain value (a number,
 * a figure as written, a formula), another message, or a list of either (joined with "; ").
 *
 * Templates are written as string literals in the calls of msg and msgAs, so that the l10n completeness test
 * (test/unit/l10n.test.ts) finds every one of them in src/core.
 */
export type MessageArg = string | number | Message | readonly MessageArg[];

export interface Message {
  readonly key: string;
  readonly args: readonly MessageArg[];
  /** Tells two meanings of one English template apart for translators (VS Code's l10n comment). */
  readonly comment?: string;
}

export function msg(key: string, ...args: MessageArg[]): Message {
  return { key, args };
}

/** A message whose English template means something else elsewhere ("entity" as a reason, not a count's noun). */
export function msgAs(comment: string, key: string, ...args: MessageArg[]): Message {
  return { key, args, comment };
}

/** The key of a message's translations in l10n/: the template, then "/comment" where there is one (as VS Code's l10n does). */
export function translationKey(m: Message): string {
  return m.comment ? `${m.key}/${m.comment}` : m.key;
}

export function isMessage(a: unknown): a is Message {
  return typeof a === 'object' && a !== null && !Array.isArray(a) && typeof (a as Message).key === 'string';
}

/**
 * The message as text: each template through `translate` (English when none is given; it looks
 * a message up by `translationKey`), its
 * placeholders filled with the rendered arguments. A list is joined with `separator`.
 */
export function renderMessage(m: Message, translate?: (m: Message) => string, separator = '; '): string {
  const template = translate ? translate(m) : m.key;
  // the template read once into its pieces: every claim's reasons are rendered, the CLI's and the bench's too
  const pieces = templatePieces(template);
  if (pieces.length === 1) return template;
  const arg = (a: MessageArg): string => {
    if (Array.isArray(a)) return (a as readonly MessageArg[]).map(arg).join(separator);
    if (isMessage(a)) return renderMessage(a, translate, separator);
    return String(a);
  };
  let out = '';
  for (const piece of pieces) {
    if (typeof piece === 'string') out += piece;
    else {
      const a = m.args[piece.index];
      out += a === undefined ? piece.whole : arg(a);
    }
  }
  return out;
}

type TemplatePiece = string | { index: number; whole: string };
const PLACEHOLDER = /\{(\d+)\}/g;
/** Templates split at their placeholders (the texts, then the placeholders' numbers), by template. */
const parsedTemplates = new Map<string, TemplatePiece[]>();
const MAX_PARSED_TEMPLATES = 2_000;

function templatePieces(template: string): TemplatePiece[] {
  let pieces = parsedTemplates.get(template);
  if (pieces) return pieces;
  pieces = [];
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    pieces.push(template.slice(last, m.index));
    pieces.push({ index: Number(m[1]), whole: m[0] });
    last = m.index! + m[0].length;
  }
  pieces.push(template.slice(last));
  // templates are a fixed set, and their translations; a bound all the same
  if (parsedTemplates.size >= MAX_PARSED_TEMPLATES) parsedTemplates.clear();
  parsedTemplates.set(template, pieces);
  return pieces;
}
