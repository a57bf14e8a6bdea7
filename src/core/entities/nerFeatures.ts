/**
 * Features of the character-level entity tagger, shared by inference (ner.ts) and training
 * (scripts/train-ner.mjs). Characters are read in the Simplified, lower-cased view, so one
 * model serves both scripts.
 */

import { LATTICE_BITS } from './wordLattice';

export const NER_TYPES = ['person', 'org', 'place', 'work'] as const;
export type NerType = (typeof NER_TYPES)[number];
/** O, then B- and I- for each type. */
export const NER_LABELS = ['O', ...NER_TYPES.flatMap((t) => [`B-${t}`, `I-${t}`])];

function charClass(ch: string | undefined): string {
  if (ch === undefined) return '_';
  const c = ch.charCodeAt(0);
  if ((c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19)) return 'D';
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) return 'L';
  if (c >= 0x4e00 && c <= 0x9fff) return 'H';
  if (c === 0x20 || c === 0xa0 || c === 0x3000) return 'S';
  return 'P';
}

/**
 * Feature strings for position i of `chars`: unigrams in a window of ±2, bigrams, the
 * centred trigram, and character classes. Digits share one symbol. With `lattice` (see
 * wordLattice.ts), each dictionary bit set at i, and the whole set of bits, are features too.
 */
export function featuresAt(chars: readonly string[], i: number, lattice?: ArrayLike<number>): string[] {
  const at = (k: number) => {
    const ch = chars[i + k];
    if (ch === undefined) return k < 0 ? '<' : '>';
    return charClass(ch) === 'D' ? '0' : ch;
  };
  const m2 = at(-2);
  const m1 = at(-1);
  const c0 = at(0);
  const p1 = at(1);
  const p2 = at(2);
  const bits = lattice?.[i] ?? 0;
  const dictionary: string[] = [];
  if (lattice) {
    for (let b = 0; b < LATTICE_BITS; b++) if (bits & (1 << b)) dictionary.push(`g${b}`);
    dictionary.push(`G${bits}`);
  }
  return [
    ...dictionary,
    `b`,
    `u-2${m2}`, `u-1${m1}`, `u0${c0}`, `u1${p1}`, `u2${p2}`,
    `b-1${m1}${c0}`, `b0${c0}${p1}`, `b-2${m2}${m1}`, `b1${p1}${p2}`,
    `t${m1}${c0}${p1}`,
    `k${charClass(chars[i - 1])}${charClass(chars[i])}${charClass(chars[i + 1])}`,
  ];
}
