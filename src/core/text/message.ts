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
  const arg = (a: MessageArg): string => {
    if (Array.isArray(a)) return (a as readonly MessageArg[]).map(arg).join(separator);
    if (isMessage(a)) return renderMessage(a, translate, separator);
    return String(a);
  };
  const template = translate ? translate(m) : m.key;
  return template.replace(/\{(\d+)\}/g, (whole, n: string) => {
    const a = m.args[Number(n)];
    return a === undefined ? whole : arg(a);
  });
}
