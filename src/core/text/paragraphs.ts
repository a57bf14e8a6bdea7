import { SENTENCE_END, CLOSERS, OPENERS, REGEX_SPACE, SPACE_LIKE_UNITS, isSpaceLike } from './chars';
import { TextCopies, copyOf } from './copies';
import { splitSentences } from './sentences';
import { MAX_PIECE, piecesOf } from './longParagraphs';

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

export interface Line {
  start: number;
  end: number;
}

/** Trim space-like characters (including U+00A0 and U+3000) from a range. */
function trimRange(text: string, start: number, end: number): Line {
  while (start < end && isSpaceLike(text.charCodeAt(start))) start++;
  while (end > start && isSpaceLike(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

export const CREDIT = /^[#\s]*(?:文|撰文|作者|编辑|編輯|责编|責編|运营|運營|出品|策划|策劃|排版|校对|校對|视觉|視覺|设计|設計|审核|審核|监制|監製|来源|來源|图源|圖源|图片来源|圖片來源|题图|題圖|封面|摄影|攝影)\s*[|｜丨:：]/u;
/** A short line that names who produced the piece: 周天财经 原创出品, XX 獨家出品. */
const PRODUCED_BY = /^[^。！？!?，,；;]{1,24}?(?:原创|原創|独家|獨家|联合|聯合)?\s*出品\s*[#]*$/u;
export const SOURCE_LINE = /^(?:文章来源于|文章來源於|本文来源|本文來源|原标题|原標題|转载自|轉載自)/u;
export const NAVIGATION = /^#*\s*(?:热门搜索|熱門搜索|相关阅读|相關閱讀|推荐阅读|推薦閱讀|搜索|登录|登錄|首页|首頁|返回顶部|返回頂部)\s*#*$/u;
/**
 * A line of the page's counters (0 阅读:35, 点赞 12 在看 3, 5170点击 2025-03-08 09:15): what
 * readers did with the page, not what the article says; the time it was posted may close it
 * (the dateline is read from the raw header, whatever its line's kind). Anchored at both
 * ends, on a short paragraph only (HEAD_CHARS).
 */
export const COUNTERS = /^(?:[\d.,]+[万萬wWkK]?\+?\s*)?(?:(?:阅读量?|閱讀量?|浏览量?|瀏覽量?|点击量?|點擊量?|播放量?|点赞|點讚|點贊|在看|评论|評論|转发|轉發|分享|收藏|喜欢|喜歡)\s*[:：]?\s*(?:[\d.,]+[万萬wWkK]?\+?)?\s*)+(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*)?$/u;
export const SECTION_HEADING = /^(?:#{1,6}\s|\d{1,2}\s*[、.．]|\d{1,2}\s+\S|[一二三四五六七八九十]{1,3}[、.．])/u;
const HAS_CLAUSE_COMMA = /[，,；]/;
const DEBRIS = /<\/?[a-zA-Z][a-zA-Z0-9]{0,10}\s{0,3}\/?>|\?!\?\/?[a-zA-Z]{0,6}>?|&(?:nbsp|amp|lt|gt|quot);|\/p>/g;
/** The longest of the anchored patterns' reach: they never need to see more of a paragraph. */
const HEAD_CHARS = 64;

/**
 * The units a match of each anchored pattern can begin with, a bit per pattern, and the openers
 * of startsBlock: a head that begins with none of a pattern's units is not tested against it. A
 * regex test costs ~50 ns, and a fresh split tested each paragraph's head six to eight times,
 * nearly always in vain. Each list follows its pattern's first element (\s is REGEX_SPACE).
 */
export const CREDIT_START = 1;
export const SOURCE_START = 2;
export const NAVIGATION_START = 4;
export const COUNTERS_START = 8;
export const SECTION_START = 16;
const OPENER_START = 32;
export const HEAD_STARTS = (() => {
  const t = new Uint8Array(0x10000);
  const mark = (units: string, bit: number) => {
    for (let k = 0; k < units.length; k++) t[units.charCodeAt(k)]! |= bit;
  };
  // [#\s]*, then the words
  mark(`#${REGEX_SPACE}文撰作编編责責运運出策排校视視设設审審监監来來图圖题題封摄攝`, CREDIT_START);
  mark('文本原转轉', SOURCE_START);
  // #*\s*, then the words
  mark(`#${REGEX_SPACE}热熱相推搜登首返`, NAVIGATION_START);
  // an optional count ([\d.,]+), then at least one of the words
  mark('0123456789.,阅閱浏瀏点點播在评評转轉分收喜', COUNTERS_START);
  // #{1,6}, \d{1,2}, or the Chinese digits
  mark('#0123456789一二三四五六七八九十', SECTION_START);
  mark(Object.keys(OPENERS).join(''), OPENER_START);
  return t;
})();

/** HEAD_STARTS of the unit at `start` (none for an empty range, which no pattern matches). */
function headStarts(text: string, start: number, end: number): number {
  return start < end ? HEAD_STARTS[text.charCodeAt(start)]! : 0;
}

/** SENTENCE_END and CLOSERS as UTF-16 codes (all are in the BMP): no string per character. */
const SENTENCE_END_CODES = new Set([...SENTENCE_END].map((c) => c.charCodeAt(0)));
const CLOSER_CODES = new Set([...CLOSERS].map((c) => c.charCodeAt(0)));

/** Whether text[start, end) ends a sentence, looking back over closing brackets and quotes. */
function endsSentenceAt(text: string, start: number, end: number): boolean {
  let i = end - 1;
  while (i >= start && CLOSER_CODES.has(text.charCodeAt(i))) i--;
  if (i < start) return false;
  const c = text.charCodeAt(i);
  return SENTENCE_END_CODES.has(c) || c === 0x2e /* . */ || c === 0x201d /* ” */;
}

/** Spaces and sentence punctuation of a range: what tells a tag cloud from prose. Counts add up over joined lines. */
export interface Tally {
  spaces: number;
  enders: number;
}

/**
 * What tally counts, by UTF-16 unit: 1 a space, 2 a sentence end or a comma (，). A table read
 * instead of a Set asked at every character of the article, twice (the lines, then the paragraphs).
 */
const SPACE = 1;
const ENDER = 2;
/** A unit a match of DEBRIS begins with (< ? & /): a range without one holds no debris. */
const DEBRIS_START = 4;
/** A unit duplicateKey drops (isSpaceLike) that tally does not count as a space: a range with neither is its own key. */
const OTHER_SPACE = 8;
const TALLIED = (() => {
  const t = new Uint8Array(0x10000);
  for (const c of [0x20, 0xa0, 0x3000]) t[c] = SPACE;
  for (const c of SENTENCE_END_CODES) t[c] = ENDER;
  t[0xff0c] = ENDER;
  for (const c of [0x3c, 0x3f, 0x26, 0x2f]) t[c]! |= DEBRIS_START;
  for (const c of SPACE_LIKE_UNITS) if (!(t[c]! & SPACE)) t[c]! |= OTHER_SPACE;
  return t;
})();

export function tally(text: string, start: number, end: number, into: Tally = { spaces: 0, enders: 0 }): Tally {
  tallyInto(text, start, end, into);
  return into;
}

/** A range's tally, and whether it holds a unit that begins debris (paragraphRanges hands it on to describeRange). */
export interface RangeTally extends Tally {
  debris: boolean;
  /** Whether it may hold a unit that duplicateKey drops (false: none, and the paragraph's text is its key). */
  spaced: boolean;
  /** A piece of a long paragraph (longParagraphs.ts) is of the kind of the whole paragraph, not of its own first words. */
  kind?: ParagraphKind;
  /** A piece's: where its whole paragraph starts. */
  group?: number;
  /** How far isTitleList has read the range (a range that grows is read on from there). */
  titles?: TitleScan;
}

/** Counts into `into`; returns the TALLIED bits of the units met (DEBRIS_START, SPACE, OTHER_SPACE …). */
function tallyInto(text: string, start: number, end: number, into: Tally): number {
  let met = 0;
  for (let i = start; i < end; i++) {
    const k = TALLIED[text.charCodeAt(i)]!;
    if (k === 0) continue;
    if (k & SPACE) into.spaces++;
    else if (k & ENDER) into.enders++;
    met |= k;
  }
  return met;
}

/**
 * tallyInto reading the text's UTF-16 units from an array of them (TextCopies.units): a scan of
 * the whole article, where charCodeAt costs some 37 instructions a unit and an array read a few.
 */
function tallyUnitsInto(units: Uint16Array, start: number, end: number, into: Tally): number {
  let met = 0;
  for (let i = start; i < end; i++) {
    const k = TALLIED[units[i]!]!;
    if (k === 0) continue;
    if (k & SPACE) into.spaces++;
    else if (k & ENDER) into.enders++;
    met |= k;
  }
  return met;
}

function rangeTally(text: string, start: number, end: number, units?: Uint16Array): RangeTally {
  const t: RangeTally = { spaces: 0, enders: 0, debris: false, spaced: true };
  const met = units ? tallyUnitsInto(units, start, end, t) : tallyInto(text, start, end, t);
  t.debris = (met & DEBRIS_START) !== 0;
  t.spaced = (met & (SPACE | OTHER_SPACE)) !== 0;
  return t;
}

function isTagCloud(length: number, t: Tally): boolean {
  if (length < 40) return false;
  // many short space-separated tokens and almost no sentence punctuation
  return t.spaces >= 8 && length / (t.spaces + 1) < 8 && t.enders <= t.spaces / 20;
}

/** Letters a list of titles may carry besides its titles: a label such as 小宇宙 or 延伸阅读：. */
const TITLE_LIST_LABEL_MAX = 6;
const TITLE_OPEN = 0x300a; // 《
const TITLE_CLOSE = 0x300b; // 》
/** Spaces and list separators between titles: 、，,；;|/ */
const TITLE_SEPARATORS = new Set([0x3001, 0xff0c, 0x2c, 0xff1b, 0x3b, 0x7c, 0x2f]);

/** How far isTitleList has read a range, and what it found: a range that grows (a line joined to it) is read on from there. */
interface TitleScan {
  at: number;
  titles: number;
  depth: number;
  label: number;
  /** It is no list of titles, however it goes on. */
  no: boolean;
}

function titleScanFrom(start: number): TitleScan {
  return { at: start, titles: 0, depth: 0, label: 0, no: false };
}

/**
 * Whether text[start, end) is a list of titles (《…》《…》, a reading list under 相关文章 or a
 * source's name before one): headlines of other pieces, which assert nothing. One pass; with
 * `scan`, on from where an earlier call on a shorter range of the same start stopped (lines
 * joined one by one into a paragraph opened by an unclosed 《 were each read from its start:
 * quadratic). What ends a list is in the text before it, so reading on is as reading anew.
 */
function isTitleList(text: string, start: number, end: number, scan: TitleScan = titleScanFrom(start)): boolean {
  if (end < scan.at) return isTitleList(text, start, end);
  let { titles, depth, label } = scan;
  for (let i = Math.max(start, scan.at); i < end && !scan.no; i++) {
    const c = text.charCodeAt(i);
    if (c === TITLE_OPEN) {
      if (depth === 0) titles++;
      depth++;
    } else if (c === TITLE_CLOSE) {
      if (depth === 0) scan.no = true;
      depth--;
    } else if (depth === 0 && !isSpaceLike(c) && !TITLE_SEPARATORS.has(c) && ++label > TITLE_LIST_LABEL_MAX) scan.no = true;
  }
  if (!scan.no) Object.assign(scan, { at: Math.max(end, scan.at), titles, depth, label });
  return !scan.no && titles > 0 && depth === 0;
}

/**
 * Whether text[start, end) opens an article that goes on: only whitespace before it, and
 * more text after it (a text of one line is a sentence, not a headline). Steps over the
 * whitespace around it only.
 */
function opensArticle(text: string, start: number, end: number): boolean {
  for (let i = start - 1; i >= 0; i--) if (!isSpaceLike(text.charCodeAt(i))) return false;
  for (let i = end; i < text.length; i++) if (!isSpaceLike(text.charCodeAt(i))) return true;
  return false;
}

/** The kind of text[start, end), given its tally; anchored patterns read its head only, so this is O(1) besides the tally. */
function classifyRange(text: string, start: number, end: number, t: Tally & { titles?: TitleScan }): ParagraphKind {
  const length = end - start;
  const whole = length <= HEAD_CHARS;
  const head = text.slice(start, Math.min(end, start + HEAD_CHARS));
  const starts = headStarts(text, start, end);
  // (PRODUCED_BY matches only where 出品 stands: a native search first)
  if ((starts & CREDIT_START && CREDIT.test(head)) || (starts & SOURCE_START && SOURCE_LINE.test(head)) || (whole && head.includes('出品') && PRODUCED_BY.test(head))) return 'credit';
  // NAVIGATION is anchored at both ends: only a short paragraph can match it
  if (whole && ((starts & NAVIGATION_START && NAVIGATION.test(head)) || (starts & COUNTERS_START && COUNTERS.test(head)))) return 'navigation';
  if (isTagCloud(length, t)) return 'tagcloud';
  const ends = endsSentenceAt(text, start, end);
  if (starts & SECTION_START && SECTION_HEADING.test(head) && length <= 60 && !ends) return 'heading';
  if (length <= 40 && !ends && !HAS_CLAUSE_COMMA.test(head)) return 'heading';
  // the article's headline: its first paragraph, shorter than a wrapped line and not a sentence, commas or not
  if (length < WRAP_MIN_LENGTH && !ends && opensArticle(text, start, end)) return 'heading';
  // headlines of other pieces are headings, whatever their length and commas
  if (isTitleList(text, start, end, (t.titles ??= titleScanFrom(start)))) return 'heading';
  return 'body';
}

/** isSpaceLike as a table by UTF-16 unit (all its spaces are in the BMP): read at every character of a body paragraph. */
const SPACE_LIKE = (() => {
  const t = new Uint8Array(0x10000);
  for (const c of SPACE_LIKE_UNITS) t[c] = 1;
  return t;
})();

/** Whitespace-insensitive key for finding repeated paragraphs. */
export function duplicateKey(s: string): string {
  let from = 0;
  const parts: string[] = [];
  for (let i = 0; i < s.length; i++) {
    if (SPACE_LIKE[s.charCodeAt(i)] === 0) continue;
    if (i > from) parts.push(s.slice(from, i));
    from = i + 1;
  }
  if (from === 0) return s;
  if (from < s.length) parts.push(s.slice(from));
  return parts.join('');
}

/** Shortest line that can be a sentence broken by a wrap; shorter lines are headings. */
const WRAP_MIN_LENGTH = 40;

/**
 * The paragraph ranges of text[from, to), which must start at a line start: one per
 * non-blank line, where a line that stops in the middle of a sentence is joined with the
 * next non-blank line. Linear: a joined paragraph's tally grows with each line, never recounted.
 */
export function paragraphRanges(text: string, from = 0, to = text.length): Line[] {
  return talliedRanges(text, from, to).ranges;
}

/**
 * paragraphRanges, with each range's tally where it was counted on the way (undefined for the
 * two parts of a split credit line): describeRange takes it rather than count the range again.
 */
export function talliedRanges(text: string, from = 0, to = text.length, units?: Uint16Array): { ranges: Line[]; tallies: Array<RangeTally | undefined> } {
  const merged: Line[] = [];
  const tallies: RangeTally[] = [];
  let prevTally: RangeTally = { spaces: 0, enders: 0, debris: false, spaced: true };
  let lineStart = from;
  for (let i = from; i <= to; i++) {
    // the next line end, or `to`: indexOf finds it faster than a test at every character
    const lineEnd = text.indexOf('\n', i);
    i = lineEnd < 0 || lineEnd > to ? to : lineEnd;
    const r = trimRange(text, lineStart, i);
    lineStart = i + 1;
    if (r.end <= r.start) continue;
    const prev = merged[merged.length - 1];
    if (prev) {
      const prevLength = prev.end - prev.start;
      // headings are short and have no commas; a wrapped sentence is long or has one
      const sentenceLike = prevLength >= WRAP_MIN_LENGTH || (prevLength >= 16 && HAS_CLAUSE_COMMA.test(text.slice(prev.start, prev.end)));
      const broken =
        sentenceLike &&
        !endsSentenceAt(text, prev.start, prev.end) &&
        classifyRange(text, prev.start, prev.end, prevTally) === 'body' &&
        !startsBlock(text, r);
      if (broken) {
        // (the joined range's tally: what lies between the lines counts too, as a count over the whole range does)
        // (and the line break between makes it spaced)
        if ((units ? tallyUnitsInto(units, prev.end, r.end, prevTally) : tallyInto(text, prev.end, r.end, prevTally)) & DEBRIS_START) prevTally.debris = true;
        prevTally.spaced = true;
        prev.end = r.end;
        continue;
      }
    }
    merged.push(r);
    prevTally = rangeTally(text, r.start, r.end, units);
    tallies.push(prevTally);
  }
  return cutLong(text, splitCredits(text, merged, tallies));
}

/** Paragraphs longer than MAX_PIECE as pieces of the paragraph's kind (see longParagraphs.ts). */
function cutLong(text: string, split: { ranges: Line[]; tallies: Array<RangeTally | undefined> }): { ranges: Line[]; tallies: Array<RangeTally | undefined> } {
  const { ranges, tallies } = split;
  let k = 0;
  while (k < ranges.length && ranges[k]!.end - ranges[k]!.start <= MAX_PIECE) k++;
  if (k === ranges.length) return split;
  const outRanges = ranges.slice(0, k);
  const outTallies = tallies.slice(0, k);
  for (; k < ranges.length; k++) {
    const r = ranges[k]!;
    if (r.end - r.start <= MAX_PIECE) {
      outRanges.push(r);
      outTallies.push(tallies[k]);
      continue;
    }
    const kind = classifyRange(text, r.start, r.end, tallies[k] ?? rangeTally(text, r.start, r.end));
    for (const piece of piecesOf(text, r.start, r.end)) {
      outRanges.push(piece);
      // (no count: the kind is known, and describeRange looks for debris in the few pieces an edit re-describes)
      outTallies.push({ spaces: 0, enders: 0, debris: true, spaced: true, kind, group: r.start });
    }
  }
  return { ranges: outRanges, tallies: outTallies };
}

/**
 * A byline is a credit line when it is the whole line, or up to its first sentence end; a line
 * that goes on (a one-line article starting 文|记者 …) is body after that.
 */
function splitCredits(text: string, ranges: Line[], tallies: RangeTally[]): { ranges: Line[]; tallies: Array<RangeTally | undefined> } {
  const out: Line[] = [];
  const outTallies: Array<RangeTally | undefined> = [];
  for (let k = 0; k < ranges.length; k++) {
    const r = ranges[k]!;
    if (headStarts(text, r.start, r.end) & CREDIT_START && CREDIT.test(text.slice(r.start, Math.min(r.end, r.start + HEAD_CHARS)))) {
      // the first two sentences are those of the line's head (sentences are split left to right):
      // a one-line article's byline no longer splits the whole article into sentences, twice a keystroke
      const head = splitSentences(text.slice(r.start, Math.min(r.end, r.start + CREDIT_HEAD_CHARS)));
      const sentences = head.length > 1 || r.end - r.start <= CREDIT_HEAD_CHARS ? head : splitSentences(text.slice(r.start, r.end));
      if (sentences.length > 1) {
        const bodyStart = r.start + sentences[1]!.start;
        out.push({ start: r.start, end: r.start + sentences[0]!.end });
        out.push({ start: bodyStart, end: r.end });
        // (the body's tally is the line's less its head's: counts add up, and debris may be in either)
        const whole = tallies[k]!;
        const before = rangeTally(text, r.start, bodyStart);
        outTallies.push(undefined, { spaces: whole.spaces - before.spaces, enders: whole.enders - before.enders, debris: whole.debris, spaced: whole.spaced });
        continue;
      }
    }
    out.push(r);
    outTallies.push(tallies[k]);
  }
  return { ranges: out, tallies: outTallies };
}

/** How much of a line that starts with a byline is split into sentences to find where the byline ends. */
const CREDIT_HEAD_CHARS = 1024;

/** A line that starts a heading, a credit or a bracketed or quoted passage is never joined to the one before. */
function startsBlock(text: string, r: Line): boolean {
  const starts = headStarts(text, r.start, r.end);
  if ((starts & (SECTION_START | CREDIT_START)) === 0) return (starts & OPENER_START) !== 0;
  const head = text.slice(r.start, Math.min(r.end, r.start + HEAD_CHARS));
  return ((starts & SECTION_START) !== 0 && SECTION_HEADING.test(head)) || ((starts & CREDIT_START) !== 0 && CREDIT.test(head)) || (starts & OPENER_START) !== 0;
}

/** A paragraph before the article-level decision on repeats, with its repeat key. */
export interface ParagraphBase {
  start: number;
  end: number;
  text: string;
  kind: ParagraphKind;
  debris: Array<{ start: number; end: number }>;
  /** Whitespace-insensitive text, for body paragraphs (the only ones that can be repeats). */
  key?: string;
  /** A piece of a long paragraph (longParagraphs.ts): where its whole paragraph starts. */
  group?: number;
}

/**
 * A paragraph of text[r.start, r.end); `counted` is the range's tally where talliedRanges made
 * it. `copies`: the text's, where several of its paragraphs are described (the paragraph's
 * text is then a copy of its own, not a view into the article: see copies.ts).
 */
export function describeRange(text: string, r: Line, counted?: RangeTally, copies?: TextCopies): ParagraphBase {
  const s = copies ? copies.slice(r.start, r.end) : copyOf(text, r.start, r.end);
  const t = counted ?? rangeTally(text, r.start, r.end);
  const kind = rangeKind(text, r, t);
  const debris: Array<{ start: number; end: number }> = [];
  // (every match of DEBRIS begins with a unit the tally looked for: most paragraphs hold none)
  if (t.debris) {
    DEBRIS.lastIndex = 0;
    for (let m = DEBRIS.exec(s); m; m = DEBRIS.exec(s)) {
      debris.push({ start: r.start + m.index, end: r.start + m.index + m[0].length });
    }
  }
  const base: ParagraphBase = { start: r.start, end: r.end, text: s, kind, debris };
  if (t.group !== undefined) base.group = t.group;
  if (kind === 'body') base.key = t.spaced ? duplicateKey(s) : s;
  return base;
}

/** The kind describeRange gives text[r.start, r.end) (a piece's is its whole paragraph's), without describing it. */
export function rangeKind(text: string, r: Line, counted?: RangeTally): ParagraphKind {
  const t = counted ?? rangeTally(text, r.start, r.end);
  return t.kind ?? classifyRange(text, r.start, r.end, t);
}

/** The paragraphs of bases, with a body paragraph that repeats an earlier one word for word marked as a duplicate. */
export function markDuplicates(bases: readonly ParagraphBase[], reuse?: (base: ParagraphBase, kind: ParagraphKind, duplicateOf: number | undefined, index: number) => Paragraph | undefined): Paragraph[] {
  const seen = new Map<string, number>();
  return bases.map((b, index) => {
    let kind = b.kind;
    let duplicateOf: number | undefined;
    if (b.key !== undefined) {
      const earlier = seen.get(b.key);
      if (earlier !== undefined) {
        kind = 'duplicate';
        duplicateOf = earlier;
      } else seen.set(b.key, index);
    }
    const known = reuse?.(b, kind, duplicateOf, index);
    if (known) return known;
    const p: Paragraph = { start: b.start, end: b.end, text: b.text, kind, debris: b.debris };
    if (duplicateOf !== undefined) p.duplicateOf = duplicateOf;
    return p;
  });
}

/**
 * Splits an article into paragraphs: one per non-blank line, where a line that stops in
 * the middle of a sentence is joined with the next non-blank line. Nothing is deleted:
 * noise is classified, and the ranges cover the original text.
 */
export function splitParagraphs(text: string): Paragraph[] {
  const copies = new TextCopies(text);
  const { ranges, tallies } = talliedRanges(text, 0, text.length, copies.units());
  return markDuplicates(ranges.map((r, k) => describeRange(text, r, tallies[k], copies)));
}
