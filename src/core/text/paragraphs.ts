import { isBlank, SENTENCE_END, CLOSERS, OPENERS, isSpaceLike } from './chars';

/** What a paragraph is, so that detectors can skip or down-weight scraping noise. */
export type ParagraphKind = 'body' | 'heading' | 'credit' | 'tagcloud' | 'navigation' | 'duplicate';

export interface Paragraph {
  /** UTF-16 offsets into the article, end exclusive; the range covers every line joined into it. */
  start: number;
  end: number;
  text: string;
  kind: ParagraphKind;
  /** Index of the earlier paragraph this one repeats, for kind 'duplicate'. */
  duplicateOf?: number;
  /** Markup debris inside the paragraph, as UTF-16 ranges into the article. */
  debris: Array<{ start: number; end: number }>;
}

interface Line {
  start: number;
  end: number;
}

function lines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === 0x0a) {
      let end = i;
      if (end > start && text.charCodeAt(end - 1) === 0x0d) end--;
      out.push({ start, end });
      start = i + 1;
    }
  }
  return out;
}

/** Trim space-like characters (including U+00A0 and U+3000) from a range. */
function trimRange(text: string, start: number, end: number): Line {
  while (start < end && isSpaceLike(text.charCodeAt(start))) start++;
  while (end > start && isSpaceLike(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

const CREDIT = /^[#\s]*(?:文|撰文|作者|编辑|編輯|责编|責編|运营|運營|出品|策划|策劃|排版|校对|校對|视觉|視覺|设计|設計|审核|審核|监制|監製|来源|來源|图源|圖源|图片来源|圖片來源|题图|題圖|封面|摄影|攝影)\s*[|｜丨:：]/u;
/** A short line that names who produced the piece: 周天财经 原创出品, XX 獨家出品. */
const PRODUCED_BY = /^[^。！？!?，,；;]{1,24}?(?:原创|原創|独家|獨家|联合|聯合)?\s*出品\s*[#]*$/u;
const SOURCE_LINE = /^(?:文章来源于|文章來源於|本文来源|本文來源|原标题|原標題|转载自|轉載自)/u;
const NAVIGATION = /^#*\s*(?:热门搜索|熱門搜索|相关阅读|相關閱讀|推荐阅读|推薦閱讀|搜索|登录|登錄|首页|首頁|返回顶部|返回頂部)\s*#*$/u;
const SECTION_HEADING = /^(?:#{1,6}\s|\d{1,2}\s*[、.．]|\d{1,2}\s+\S|[一二三四五六七八九十]{1,3}[、.．])/u;
const HAS_CLAUSE_COMMA = /[，,；]/;
const DEBRIS = /<\/?[a-zA-Z][a-zA-Z0-9]{0,10}\s{0,3}\/?>|\?!\?\/?[a-zA-Z]{0,6}>?|&(?:nbsp|amp|lt|gt|quot);|\/p>/g;

function endsSentence(s: string): boolean {
  let i = s.length - 1;
  while (i >= 0 && CLOSERS.has(s[i]!)) i--;
  return i >= 0 && (SENTENCE_END.has(s[i]!) || s[i] === '.' || s[i] === '”');
}

function isTagCloud(s: string): boolean {
  if (s.length < 40) return false;
  let spaces = 0;
  let enders = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x20 || c === 0xa0 || c === 0x3000) spaces++;
    if (SENTENCE_END.has(s[i]!) || c === 0xff0c /* ， */) enders++;
  }
  // many short space-separated tokens and almost no sentence punctuation
  return spaces >= 8 && s.length / (spaces + 1) < 8 && enders <= spaces / 20;
}

function classify(s: string): ParagraphKind {
  if (CREDIT.test(s) || SOURCE_LINE.test(s) || PRODUCED_BY.test(s)) return 'credit';
  if (NAVIGATION.test(s)) return 'navigation';
  if (isTagCloud(s)) return 'tagcloud';
  if (SECTION_HEADING.test(s) && s.length <= 60 && !endsSentence(s)) return 'heading';
  if (s.length <= 40 && !endsSentence(s) && !HAS_CLAUSE_COMMA.test(s)) return 'heading';
  return 'body';
}

/** Whitespace-insensitive key for finding repeated paragraphs. */
function duplicateKey(s: string): string {
  let k = '';
  for (let i = 0; i < s.length; i++) if (!isSpaceLike(s.charCodeAt(i))) k += s[i];
  return k;
}

/** Shortest line that can be a sentence broken by a wrap; shorter lines are headings. */
const WRAP_MIN_LENGTH = 40;

/**
 * Splits an article into paragraphs: one per non-blank line, where a line that stops in
 * the middle of a sentence is joined with the next non-blank line. Nothing is deleted:
 * noise is classified, and the ranges cover the original text.
 */
export function splitParagraphs(text: string): Paragraph[] {
  const ranges: Line[] = [];
  for (const line of lines(text)) {
    const r = trimRange(text, line.start, line.end);
    if (r.end > r.start && !isBlank(text.slice(r.start, r.end))) ranges.push(r);
  }
  const merged: Line[] = [];
  for (const r of ranges) {
    const prev = merged[merged.length - 1];
    if (prev) {
      const prevText = text.slice(prev.start, prev.end);
      const cur = text.slice(r.start, r.end);
      const prevLength = prev.end - prev.start;
      // headings are short and have no commas; a wrapped sentence is long or has one
      const sentenceLike = prevLength >= WRAP_MIN_LENGTH || (prevLength >= 16 && HAS_CLAUSE_COMMA.test(prevText));
      const broken =
        sentenceLike &&
        !endsSentence(prevText) &&
        classify(prevText) === 'body' &&
        !SECTION_HEADING.test(cur) &&
        !CREDIT.test(cur) &&
        !OPENERS[cur[0]!];
      if (broken) {
        prev.end = r.end;
        continue;
      }
    }
    merged.push({ ...r });
  }
  const seen = new Map<string, number>();
  return merged.map((r, index) => {
    const s = text.slice(r.start, r.end);
    let kind = classify(s);
    let duplicateOf: number | undefined;
    if (kind === 'body') {
      const key = duplicateKey(s);
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        kind = 'duplicate';
        duplicateOf = earlier;
      } else seen.set(key, index);
    }
    const debris: Array<{ start: number; end: number }> = [];
    DEBRIS.lastIndex = 0;
    for (let m = DEBRIS.exec(s); m; m = DEBRIS.exec(s)) {
      debris.push({ start: r.start + m.index, end: r.start + m.index + m[0].length });
    }
    const p: Paragraph = { start: r.start, end: r.end, text: s, kind, debris };
    if (duplicateOf !== undefined) p.duplicateOf = duplicateOf;
    return p;
  });
}

export interface Sentence {
  /** UTF-16 offsets relative to the string that was split. */
  start: number;
  end: number;
}

const MAX_NESTING = 16;
const QUOTE_CLOSERS = new Set(['”', '」', '』', '’']);

/**
 * Splits a paragraph into sentences on Chinese and Western punctuation. Quotes and brackets
 * stay whole: a full stop inside “…” ends nothing, but a quote that closes right after a
 * sentence end closes the sentence too. Line breaks inside a paragraph are not boundaries.
 * One pass, bounded nesting, so hostile text stays linear.
 */
export function splitSentences(s: string): Sentence[] {
  const out: Sentence[] = [];
  const stack: string[] = [];
  let start = 0;
  const push = (end: number) => {
    const r = trimRange(s, start, end);
    if (r.end > r.start) out.push(r);
    start = end;
  };
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    const closer = OPENERS[ch];
    if (closer && ch !== '‘') {
      if (stack.length < MAX_NESTING) stack.push(closer);
      continue;
    }
    if (stack.length && ch === stack[stack.length - 1]) {
      stack.pop();
      // “…。” at depth 0: the sentence ends after the closing quote (not after a bracket)
      if (stack.length === 0 && QUOTE_CLOSERS.has(ch) && i > 0 && SENTENCE_END.has(s[i - 1]!)) push(i + 1);
      continue;
    }
    if (stack.length === 0 && (SENTENCE_END.has(ch) || (ch === '.' && isWesternStop(s, i)))) {
      let j = i + 1;
      while (j < s.length && (SENTENCE_END.has(s[j]!) || CLOSERS.has(s[j]!))) j++;
      push(j);
      i = j - 1;
    }
  }
  push(s.length);
  return out;
}

/** A '.' ends a sentence when followed by space or end, and not between digits (5.45). */
function isWesternStop(s: string, i: number): boolean {
  const next = s.charCodeAt(i + 1);
  if (i + 1 >= s.length) return true;
  const prev = s.charCodeAt(i - 1);
  if (prev >= 0x30 && prev <= 0x39 && next >= 0x30 && next <= 0x39) return false;
  return next === 0x20 || next === 0x0a;
}
