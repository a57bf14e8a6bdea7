import * as assert from 'node:assert/strict';
import { NOT_FIGURES, startsNonFigure } from '../../src/core/figures/notFigures';
import { CN_DIGITS } from '../../src/core/figures/numerals';

/** startsNonFigure as it read the words before they were looked up by their first two units: by first character, in list order. */
function reference(text: string, i: number): number {
  for (const w of NOT_FIGURES) if (i > 0 && w[0] === text[i - 1] && text.startsWith(w, i - 1)) return i - 1 + w.length;
  for (const w of NOT_FIGURES) {
    if (w[0] !== text[i] || !text.startsWith(w, i)) continue;
    const next = text[i + w.length] ?? '';
    if ((w === '一点' || w === '一點') && CN_DIGITS.has(next) && next !== '两' && next !== '兩') return -1;
    return i + w.length;
  }
  return -1;
}

describe('figures: words that are not figures', () => {
  it('finds the same word as a search of every word in list order, at every position of random text made of their characters', () => {
    const chars = [...new Set([...NOT_FIGURES.join(''), ...'七五两，。 '])];
    let s = 11;
    const next = () => (s = (s * 48271) % 2147483647) / 2147483647;
    let found = 0;
    for (let k = 0; k < 400; k++) {
      let text = '';
      while (text.length < 24) text += next() < 0.3 ? NOT_FIGURES[Math.floor(next() * NOT_FIGURES.length)] : chars[Math.floor(next() * chars.length)];
      for (let i = 0; i < text.length; i++) {
        const want = reference(text, i);
        if (want >= 0) found++;
        assert.equal(startsNonFigure(text, i), want, `${text} at ${i}`);
      }
    }
    assert.ok(found > 1000, `${found} words found`);
  });
});
