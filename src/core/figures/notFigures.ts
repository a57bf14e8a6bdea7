import { CN_DIGITS } from './numerals';

/** Words that start with (or end on) a numeral but are not figures: 一些, 统一, 百度, 三星. */
export const NOT_FIGURES = [
  '一些', '一样', '一樣', '一起', '一直', '一定', '一般', '一方面', '一旦', '一度', '一时', '一時', '一切', '一边', '一邊',
  '一向', '一致', '一体', '一體', '一同', '一下', '一番', '一面', '一再', '一道', '一点', '一點', '一味', '一系列', '一举',
  '一舉', '一并', '一併', '一路', '一手', '一线', '一線', '一贯', '一貫', '一口气', '一口氣', '一流', '统一', '唯一',
  '万一', '萬一', '千万', '千萬', '百度', '一号', '三星', '万达', '萬達', '千问', '千問', '百川', '万物', '萬物', '十分',
  '百分百', '九州', '一汽', '四川', '五粮液', '七星', '三峡', '三峽', '千帆', '万维', '萬維', '一心', '一带一路',
  '千亿级', '零一万物', '零一萬物', '36氪', '双11', '雙11', '双十一', '雙十一', '千山万水', '千山萬水', '千行百业',
  '千行百業', '百团大战', '百團大戰', '各有千秋', '千秋', '百宝', '百寶', '百花齐放', '百花齊放', '十八罗汉', '十八羅漢',
  '一众', '一眾', '一轮', '一輪', '一侧', '一側', '一席', '一环', '一環', '一项', '一項', '一面',
];
/**
 * The words by their first two UTF-16 codes (a number), in list order: 一 starts some sixty of
 * them, and a numeral is read for every number in an article; no one-character string is made.
 */
const NOT_FIGURES_BY_PAIR = new Map<number, string[]>();
for (const w of NOT_FIGURES) {
  if (w.length < 2) throw new Error(`notFigures.ts: ${w} is shorter than the pair it is looked up by`);
  const key = pairAt(w, 0);
  const list = NOT_FIGURES_BY_PAIR.get(key) ?? [];
  list.push(w);
  NOT_FIGURES_BY_PAIR.set(key, list);
}

function pairAt(s: string, i: number): number {
  return s.charCodeAt(i) * 0x10000 + s.charCodeAt(i + 1);
}

const NONE: readonly string[] = [];

export function startsNonFigure(text: string, i: number): number {
  // a word like 统一 ends on a numeral: the preceding character decides
  for (const w of i > 0 ? NOT_FIGURES_BY_PAIR.get(pairAt(text, i - 1)) ?? NONE : NONE) {
    if (text.startsWith(w, i - 1)) return i - 1 + w.length;
  }
  for (const w of i + 1 < text.length ? NOT_FIGURES_BY_PAIR.get(pairAt(text, i)) ?? NONE : NONE) {
    if (!text.startsWith(w, i)) continue;
    // 一点 is "a little", but 一点七五 is 1.75 (两 is never a decimal digit)
    const next = text[i + w.length] ?? '';
    if ((w === '一点' || w === '一點') && CN_DIGITS.has(next) && next !== '两' && next !== '兩') return -1;
    return i + w.length;
  }
  return -1;
}
