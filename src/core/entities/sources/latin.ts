/** Latin names by their shape: OpenAI, MiniMax, DeepSeek, GPT-3.5. */
import { Priority, type CandidateSink, type DetectContext } from '../candidates';
import type { EntityType } from '../lexicon';
import { LATIN_STOP, PRODUCT_CUES_BEFORE } from '../kinds';
import { isLatinLetter, isLatinWordChar } from '../textAt';

export function latinNames({ norm }: DetectContext, sink: CandidateSink): void {
  for (let i = 0; i < norm.length; i++) {
    const c = norm.charCodeAt(i);
    if (!isLatinLetter(c) || isLatinWordChar(norm.charCodeAt(i - 1))) continue;
    let e = i;
    while (e < norm.length && (isLatinWordChar(norm.charCodeAt(e)) || ((norm[e] === '-' || norm[e] === '.') && isLatinWordChar(norm.charCodeAt(e + 1))))) e++;
    const word = norm.slice(i, e);
    // camel-case names (OpenAI, PolarDB, LangChain) and versioned products (GPT-3.5); plain
    // capitalised words and acronyms are too often ordinary English or jargon
    const camel = /^[A-Z][a-z0-9]*[A-Z]/.test(word) && /[a-z]/.test(word);
    const versioned = /^[A-Z][A-Za-z]+-?[0-9]/.test(word) && !/^Q[0-9]/.test(word);
    // four letters at least: QvQ is a face, not a name
    if (((camel && word.length >= 4) || versioned) && !LATIN_STOP.has(word.toLowerCase()) && word.length >= 3) {
      const after = norm.slice(e, e + 3);
      const product = /[0-9]/.test(word) || after.startsWith('模型') || after.startsWith('大模型') || PRODUCT_CUES_BEFORE.some((cue) => norm.endsWith(cue, i));
      const type: EntityType = product ? 'product' : 'org';
      sink.add(i, e, type, 'latin', Priority.LatinShape);
    }
    i = Math.max(i, e - 1);
  }
}
