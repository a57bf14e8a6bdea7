/**
 * Text from files (articles, sidecars, the lexicon) made inert for hovers and decorations:
 * it can never become markup, a link, an image, a theme icon or a command. Pure (no vscode),
 * so that it is tested in plain mocha.
 */

/**
 * Backslash-escapes every character that Markdown or VS Code's renderer gives a meaning to,
 * `$` included (theme icons: `$(name)`), and turns every line break (CRLF, LF, a lone CR)
 * into a space: file text never starts a block.
 */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>~&:"'$=^]/g, (c) => `\\${c}`).replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');
}

/** Percent-encodes every character outside RFC 3986's unreserved set (A–Z a–z 0–9 - . _ ~). */
export function encodeUriStrict(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** The Markdown of a command link whose arguments (which may hold file text) cannot end the link early. */
export function commandLinkMarkdown(id: string, args: unknown, title: string): string {
  return `[${escapeMarkdown(title)}](command:${id}?${encodeUriStrict(JSON.stringify([args]))})`;
}

/** The hover of an orphaned annotation's mark: plain words, the quote and reason escaped. */
export function orphanHoverMarkdown(kind: string, quote: string, reason: string): string {
  return `Gloss: orphaned ${escapeMarkdown(kind)} “${escapeMarkdown(quote)}” (${escapeMarkdown(reason)})`;
}
