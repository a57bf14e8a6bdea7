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

/**
 * The same text as one flat string. A text built by concatenation is a rope in V8, flattened
 * (copied whole) the first time it is read; the editor hands over a flat string (getText joins
 * its lines), so edited texts are flattened before they are timed.
 */
export function flat(s) {
  return JSON.parse(JSON.stringify(s));
}
