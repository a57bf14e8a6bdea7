/**
 * Inference for the character-level entity tagger trained by scripts/train-ner.mjs: a
 * structured averaged perceptron with BIO labels, decoded by Viterbi. The model is read on
 * first use, never at activation (nerModel.ts).
 */
import { NER_LABELS, type NerType } from './nerFeatures';
import { labellerFor } from './nerLabeller';

export { nerAvailable, nerWordDictionary, setNerModelPath } from './nerModel';

/** The type of each B- label (by index), the rest undefined. */
const SPAN_TYPES: Array<NerType | undefined> = NER_LABELS.map((l) => (l.startsWith('B-') ? (l.slice(2) as NerType) : undefined));

export interface NerSpan {
  /** UTF-16 offsets into the tagged string. */
  start: number;
  end: number;
  type: NerType;
}

/** tagEntities' own buffer for tagSpansInto, kept between calls. */
const own = { spans: new Int32Array(96) };

/**
 * Tags a string given in its Simplified, lower-cased view. Work is linear: three integer
 * hash lookups, a walk in the word dictionary bounded by its longest word, twelve packed
 * rows and a 9-label Viterbi step per character, with no allocation per character.
 */
export function tagEntities(text: string): NerSpan[] {
  const out = own;
  const count = tagSpansInto(text, out);
  const spans: NerSpan[] = [];
  for (let k = 0; k < count; k++) spans.push({ start: out.spans[3 * k]!, end: out.spans[3 * k + 1]!, type: spanType(out.spans[3 * k + 2]!) });
  return spans;
}

/**
 * The spans of tagEntities as numbers, three per span (start, end, and the label that
 * spanType reads), written into `out.spans` (grown when too small); their number. The entity
 * stage reads each span once: no object per span, no array per call (about 50 KB per 20k
 * characters).
 */
export function tagSpansInto(text: string, out: { spans: Int32Array }): number {
  const l = text.length === 0 ? undefined : labellerFor(text);
  if (!l) return 0;
  const n = l.label(text);
  const { labels, offsets, opens } = l.scratch;
  let count = 0;
  // the spans' B- labels, in the text's order (the labeller lists them): not a read of every label
  for (let k = opens[0]!; k > 0; k--) {
    const i = opens[k]!;
    const b = labels[i]!;
    // its I- label comes right after it
    let e = i + 1;
    while (e < n && labels[e] === b + 1) e++;
    if (3 * count + 3 > out.spans.length) {
      const grown = new Int32Array(Math.max(96, 2 * out.spans.length));
      grown.set(out.spans);
      out.spans = grown;
    }
    out.spans[3 * count] = offsets[i]!;
    out.spans[3 * count + 1] = offsets[e]!;
    out.spans[3 * count + 2] = b;
    count++;
  }
  return count;
}

/** The type of a span's label from tagSpansInto. */
export function spanType(label: number): NerType {
  return SPAN_TYPES[label]!;
}
