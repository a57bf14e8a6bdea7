/**
 * Dictionary bits per character, the plain way (every substring looked up in a Map), not
 * through WordDictionary's trie: for category c (person, org, place, word) of a word of two
 * characters or more, bit 3c where it begins, 3c+1 inside it, 3c+2 where it ends. The oracle of
 * the tagger's and the word dictionary's tests.
 */
export function referenceLattice(words: Map<string, number>, longest: number, chars: readonly string[]): number[] {
  const bits = chars.map(() => 0);
  for (let i = 0; i < chars.length; i++) {
    for (let j = i + 1; j < chars.length && j - i < longest; j++) {
      const categories = words.get(chars.slice(i, j + 1).join('')) ?? 0;
      for (let c = 0; c < 4; c++) {
        if (!(categories & (1 << c))) continue;
        bits[i]! |= 1 << (3 * c);
        bits[j]! |= 1 << (3 * c + 2);
        for (let k = i + 1; k < j; k++) bits[k]! |= 1 << (3 * c + 1);
      }
    }
  }
  return bits;
}
