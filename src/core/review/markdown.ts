/**
 * Text from sidecars and articles in Markdown that GitHub renders (a pull-request comment):
 * escaped so that a note can neither format, link, embed an image nor open HTML, and kept
 * on one line so that it cannot break a table.
 */

/** Escapes Markdown and HTML punctuation, and folds line breaks and tabs into spaces. */
export function mdText(s: string): string {
  return s
    .replace(/[\r\n\t\u2028\u2029]+/g, ' ')
    .replace(/[\\`*_{}[\]()<>#+\-.!|~&"']/g, (c) => `\\${c}`)
    .replace(/^\s+|\s+$/g, '');
}

/** At most `max` code points of `s`, with an ellipsis when cut. */
export function clip(s: string, max: number): string {
  const cps = [...s.replace(/\s+/g, ' ').trim()];
  return cps.length <= max ? cps.join('') : `${cps.slice(0, max - 1).join('')}…`;
}

/** A link for a URL that is plainly one (http or https, no spaces or angle brackets); other evidence as text. */
export function mdLink(url: string): string {
  return /^https?:\/\/[^\s<>()[\]`]+$/.test(url) ? `<${url}>` : mdText(url);
}

/** Inline code that cannot be closed by the text inside it. */
export function mdCode(s: string): string {
  const t = s.replace(/[\r\n]+/g, ' ');
  const longest = Math.max(0, ...(t.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  return longest ? `${fence} ${t} ${fence}` : `${fence}${t}${fence}`;
}
