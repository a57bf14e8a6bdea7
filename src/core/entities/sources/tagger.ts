/** The learned tagger's names, sentence by sentence, with the evidence a proposal of its own needs. */
import { Priority, type CandidateSink, type DetectContext } from '../candidates';
import { FACILITIES, GENERIC_INSTITUTIONS, LATIN_STOP } from '../kinds';
import { tagEntities } from '../ner';
import { administrativeParts } from '../places';

/** Longest stretch the tagger sees at once; longer text is cut at sentence ends. */
const MAX_TAGGED = 400;

export function taggerNames({ norm, form }: DetectContext, sink: CandidateSink): void {
  let from = 0;
  while (from < norm.length) {
    let to = Math.min(norm.length, from + MAX_TAGGED);
    if (to < norm.length) {
      // cut at a sentence end inside this chunk only: never scan back through the article
      const chunk = norm.slice(from, to);
      const cut = Math.max(chunk.lastIndexOf('。'), chunk.lastIndexOf('\n'));
      if (cut > 0) to = from + cut + 1;
    }
    for (const sp of tagEntities(form.slice(from, to))) {
      const s0 = from + sp.start;
      const e0 = from + sp.end;
      const surface = form.slice(s0, e0);
      // the tagger sometimes takes a Latin acronym (AI, CEO) for a name: those are never its to find
      const acronym = sp.type === 'person' && (/^[a-z0-9]{1,4}$/.test(surface) || LATIN_STOP.has(surface));
      // a Latin word written all in lower case (panda, wallace) is rarely a person or a place;
      // organisations and works often are (games, teams, brands)
      const lowerLatin = (sp.type === 'person' || sp.type === 'place') && /^[a-z][a-z .'-]*$/.test(surface) && norm.slice(s0, e0) === surface;
      if (acronym || lowerLatin || (e0 - s0 < 2 && sp.type !== 'place') || GENERIC_INSTITUTIONS.has(surface) || FACILITIES.includes(surface)) continue;
      // a building or a venue is a place one can be at: 中国美术馆, 首都机场 (but not 博物馆 alone)
      const facility = FACILITIES.some((f) => surface.endsWith(f) && surface.length > f.length);
      if (facility || sp.type === 'place') {
        for (const [a, b] of facility ? [[s0, e0] as [number, number]] : administrativeParts(norm, s0, e0)) sink.add(a, b, 'place', 'model', Priority.Tagger);
      } else sink.add(s0, e0, sp.type, 'model', Priority.Tagger);
    }
    from = to;
  }
}
