/**
 * The seeds repeated to `target` UTF-16 units, each copy's lines made distinct (a counter
 * before the line's last character, so that sentence ends, headings and credit lines stay
 * what they were): no paragraph cache serves a copy, as none would in a real long article.
 */
export function distinctSeedsText(seeds, target) {
  let text = '';
  for (let copy = 0; text.length < target; copy++) {
    text += seeds.join('\n').split('\n').map((l) => (l.trim() ? `${l.slice(0, -1)}(${copy})${l.slice(-1)}` : l)).join('\n') + '\n';
  }
  return text;
}
