import { CN_DIGITS } from './numerals';
import notFigures from './data/notFigures.json';

/** Words that start with (or end on) a numeral but are not figures: 一些, 统一, 百度, 从0到1 (data/notFigures.json). */
export const NOT_FIGURES: readonly string[] = [...notFigures.words, ...notFigures.names, ...notFigures.idioms];
const NOT_FIGURES_BY_CHAR = new Map<string, string[]>();
for (const w of NOT_FIGURES) {
  const list = NOT_FIGURES_BY_CHAR.get(w[0]!) ?? [];
  list.push(w);
  NOT_FIGURES_BY_CHAR.set(w[0]!, list);
}

export function startsNonFigure(text: string, i: number): number {
  // a word like 统一 ends on a numeral: the preceding character decides
  for (const w of NOT_FIGURES_BY_CHAR.get(text[i - 1] ?? '') ?? []) {
    if (text.startsWith(w, i - 1)) return i - 1 + w.length;
  }
  for (const w of NOT_FIGURES_BY_CHAR.get(text[i]!) ?? []) {
    if (!text.startsWith(w, i)) continue;
    // 一点 is "a little", but 一点七五 is 1.75 (两 is never a decimal digit)
    const next = text[i + w.length] ?? '';
    if ((w === '一点' || w === '一點') && CN_DIGITS.has(next) && next !== '两' && next !== '兩') return -1;
    return i + w.length;
  }
  return -1;
}
