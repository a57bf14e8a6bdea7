/**
 * FNV-1a over the UTF-16 units of text[from, to), as a 32-bit integer (signed): callers keep the
 * bits they need. Shared by the paragraph cache's sightings, the long paragraphs' landmarks and
 * the corpus index's line keys.
 */
export function fnv1a(text: string, from = 0, to = text.length): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}
