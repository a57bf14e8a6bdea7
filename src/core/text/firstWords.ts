/** Clause and sentence ends after which a short name may stop. */
const STOPS = new Set(['。', '！', '？', '；', '，', '：', '!', '?', ';', ',', ':', '、']);

/**
 * The first words of a paragraph or claim, as a name for the outline and breadcrumbs: up to
 * `max` code points, stopping at a clause end when there is one past the first few
 * characters, with an ellipsis when something was left out. Whitespace runs become one space.
 */
export function firstWords(text: string, max = 18): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  if (chars.length <= max) return chars.join('');
  let cut = max;
  for (let i = 6; i < max; i++) {
    if (STOPS.has(chars[i]!)) {
      cut = i;
      break;
    }
  }
  return `${chars.slice(0, cut).join('')}…`;
}
