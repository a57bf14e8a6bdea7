import * as assert from 'node:assert/strict';
import { KEY, keyCharsIn, leadInLength } from '../../src/core/claims/attribution';
import { FEATURES, assertedPart, eventWord, featureValues, hasDateWords, planWord, type Features } from '../../src/core/claims/features';
import { firstWithin, leadWordWithin, leadWords } from '../../src/core/claims/leadWords';
import { bareOf } from '../../src/core/claims/bareText';
import { isPureQuote } from '../../src/core/claims/select';
import { CUES, SCAN, SHOWS_BITS, SHOWS_LISTS, countCues, cueListsIn, findCue, firstCueAt, firstCuesAt, hasCueOf, hasDateWordsIn, readUnitWithCues, type ScannedName } from '../../src/core/claims/cues';
import { CAGR_WORDS, DECLINE_WORDS, GROWTH_WORDS, wordBefore } from '../../src/core/claims/passage';
import type { Figure } from '../../src/core/figures/types';
import { CLOSERS, OPENERS, SENTENCE_END, codeTable, isSpaceLike, trimEndOf } from '../../src/core/text/chars';
import { duplicateKey } from '../../src/core/text/paragraphs';
import { splitSentences, type Sentence } from '../../src/core/text/sentences';
import { randomText, rng } from '../support/anchorSimulation';

// The speed work (issue 19) on the claims stage replaced strings made per character by tables of
// UTF-16 codes; these compare each with the code it replaced, on random strings over alphabets
// that hit every branch (nesting past the bound, astral characters, ends of the string included).

// splitSentences before the tables, verbatim
const MAX_NESTING = 16;
const SENTENCE_CHARS = new Uint8Array(0x10000);
for (const ch of [...Object.keys(OPENERS), ...CLOSERS, ...SENTENCE_END, '.']) SENTENCE_CHARS[ch.charCodeAt(0)] = 1;
const QUOTE_CLOSERS = new Set(['”', '」', '』', '’']);

function trimRange(text: string, start: number, end: number): Sentence {
  while (start < end && isSpaceLike(text.charCodeAt(start))) start++;
  while (end > start && isSpaceLike(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

function isWesternStop(s: string, i: number): boolean {
  const next = s.charCodeAt(i + 1);
  if (i + 1 >= s.length) return true;
  const prev = s.charCodeAt(i - 1);
  if (prev >= 0x30 && prev <= 0x39 && next >= 0x30 && next <= 0x39) return false;
  return next === 0x20 || next === 0x0a;
}

function splitSentencesBefore(s: string): Sentence[] {
  const out: Sentence[] = [];
  const stack: string[] = [];
  let start = 0;
  const push = (end: number) => {
    const r = trimRange(s, start, end);
    if (r.end > r.start) out.push(r);
    start = end;
  };
  for (let i = 0; i < s.length; i++) {
    if (SENTENCE_CHARS[s.charCodeAt(i)] === 0) continue;
    const ch = s[i]!;
    const closer = OPENERS[ch];
    if (closer && ch !== '‘') {
      if (stack.length < MAX_NESTING) stack.push(closer);
      continue;
    }
    if (stack.length && ch === stack[stack.length - 1]) {
      stack.pop();
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

describe('claims stage: tables of UTF-16 codes, equal to the code they replaced', () => {
  it('splitSentences splits as before, on random text with quotes, brackets, stops and spaces', () => {
    const next = rng(1919);
    const pieces = [...Object.keys(OPENERS), ...CLOSERS, ...SENTENCE_END, '.', '.', '1', '2', ' ', '\n', '\u3000', '甲', '乙', '说', 'a', '𠀀', '\ud840'];
    for (let round = 0; round < 3000; round++) {
      const s = randomText(next, pieces, Math.floor(next() * 40));
      assert.deepEqual(splitSentences(s), splitSentencesBefore(s), JSON.stringify(s));
    }
    // deeper than the bound: openers past it are not awaited
    const deep = '“'.repeat(20) + '甲。' + '”'.repeat(20) + '乙。丙';
    assert.deepEqual(splitSentences(deep), splitSentencesBefore(deep));
  });

  it('firstWithin finds the first word of the list in the first n units, as find over a slice does', () => {
    const next = rng(2019);
    const pieces = ['如', '果', '假', '若', '要', '是', '一', '旦', '甲', '𠀀', '\ud840', ' '];
    for (let round = 0; round < 2000; round++) {
      const words = Array.from({ length: 1 + Math.floor(next() * 5) }, () => randomText(next, pieces, 1 + Math.floor(next() * 3)));
      const lead = leadWords(words);
      const s = randomText(next, pieces, Math.floor(next() * 16));
      for (const n of [0, 1, 2, 5, 8, 12, 40]) {
        assert.equal(firstWithin(lead, s, n), words.find((w) => s.slice(0, n).includes(w)), `${JSON.stringify(words)} in ${JSON.stringify(s)} within ${n}`);
      }
    }
    // the lists the features read
    for (const list of [CUES.transitions, CUES.conditionals]) {
      const lead = leadWords(list);
      for (let round = 0; round < 500; round++) {
        const s = randomText(next, [...list, ...pieces, '，'], Math.floor(next() * 6));
        for (const n of [8, 12]) assert.equal(firstWithin(lead, s, n), list.find((w) => s.slice(0, n).includes(w)), JSON.stringify(s));
      }
    }
    // more first characters than the table's groups hold (the rest looked up by first character)
    const many = Array.from({ length: 400 }, (_, k) => String.fromCharCode(0x4e00 + k) + (k % 3 === 0 ? '甲' : ''));
    const manyLead = leadWords(many);
    for (let round = 0; round < 2000; round++) {
      const s = randomText(next, [...many.slice(240, 280), ...many.slice(0, 10), '甲', '𠀀'], Math.floor(next() * 10));
      assert.equal(firstWithin(manyLead, s, s.length), many.find((w) => s.includes(w)), JSON.stringify(s));
    }
    // the lists a source's subject is searched for (attribution.ts), over the whole subject
    for (const list of [CUES.documentKinds, CUES.anonymousSources, CUES.vagueHolders]) {
      const lead = leadWords(list);
      const parts = [...list, ...list.map((w) => w.slice(0, 1)), ...list.map((w) => w.slice(1)), ...pieces, '，'];
      for (let round = 0; round < 1000; round++) {
        const s = randomText(next, parts, Math.floor(next() * 8));
        assert.equal(firstWithin(lead, s, s.length), list.find((w) => s.includes(w)), JSON.stringify(s));
      }
    }
  });

  it('leadWordWithin (the cue scan first) finds what firstWithin finds, in units and in their bare texts', () => {
    const next = rng(2029);
    for (const [list, scanned] of [[CUES.transitions, SCAN.transitions], [CUES.conditionals, SCAN.conditionals]] as const) {
      const lead = leadWords(list);
      const pieces = [...list, ...list.map((w) => w.slice(0, 1)), ...list.map((w) => w.slice(1)), '甲', '，', '“', '”', '《', '》', '𠀀', '\ud840'];
      for (let round = 0; round < 3000; round++) {
        const norm = randomText(next, pieces, Math.floor(next() * 10));
        // the unit read, then its bare text (whose cues come from the unit's reading), as the features read them
        const { keys } = readUnitWithCues(norm);
        const bare = bareOf(norm, keys);
        for (const s of [norm, bare]) {
          for (const n of [0, 1, 3, 8, 12, 40]) assert.equal(leadWordWithin(lead, scanned, s, n), firstWithin(lead, s, n), JSON.stringify([norm, s, n]));
        }
      }
    }
  });

  it('leadInLength reads what leads into a subject as the regex did', () => {
    const LEAD_IN = /^[\s，,]*(?:但是|但|而且|而|不过|并且|同时|此外|另外|对此|随后|其后|曾有|曾经|曾)?/u;
    const next = rng(2027);
    const pieces = ['但是', '但', '而且', '而', '不过', '并且', '同时', '此外', '另外', '对此', '随后', '其后', '曾有', '曾经', '曾', '是', '且', '经', '，', ',', ' ', '\t', '\n', '\r', '\u00a0', '\u3000', '\ufeff', '\u2028', '\u200b', '甲', '𠀀', '\ud840', '\udc00', '、'];
    for (let round = 0; round < 5000; round++) {
      const s = randomText(next, pieces, Math.floor(next() * 6));
      assert.equal(leadInLength(s), LEAD_IN.exec(s)![0].length, JSON.stringify(s));
    }
    assert.equal(leadInLength(''), 0);
  });

  it('duplicateKey drops what isSpaceLike calls a space, and nothing else', () => {
    const next = rng(2119);
    const pieces = [' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u3000', '\ufeff', '\u200b', '\u2002', '\u2003', '\u2009', '\u1680', '甲', 'a', '，', '𠀀', '\ud840'];
    for (let round = 0; round < 3000; round++) {
      const s = randomText(next, pieces, Math.floor(next() * 24));
      let plain = '';
      for (let i = 0; i < s.length; i++) if (!isSpaceLike(s.charCodeAt(i))) plain += s[i];
      assert.equal(duplicateKey(s), plain, JSON.stringify(s));
    }
  });

  it('keyCharsIn has the bit of each of attribute\'s key characters that the text includes, and no other', () => {
    const next = rng(2219);
    const keyed: Array<[string, number]> = [['据', KEY.ju], ['的', KEY.de], ['引', KEY.yin], ['从', KEY.cong], ['接', KEY.jie], ['眼', KEY.yan], ['看', KEY.kan], ['“', KEY.quote], ['「', KEY.quote], ['“', KEY.anyQuote], ['「', KEY.anyQuote]];
    const pieces = [...keyed.map(([ch]) => ch), '话', '援', '述', '受', '中', '来', '甲', '”', '𠀀', '\ud840', ' '];
    for (let round = 0; round < 3000; round++) {
      const s = randomText(next, pieces, Math.floor(next() * 12));
      let plain = 0;
      for (const [ch, bit] of keyed) if (s.includes(ch)) plain |= bit;
      assert.equal(keyCharsIn(s), plain, JSON.stringify(s));
    }
  });

  it('isPureQuote answers as before, on random quotations', () => {
    // the code before reading by code, verbatim
    const TRAILING_STOPS = codeTable('。！？!?；;…', true);
    const QUOTE_OPENERS = new Set(['“', '「', '『']);
    const before = (s: string): boolean => {
      const t = trimEndOf(s, TRAILING_STOPS);
      const open = t[0];
      if (!open || !QUOTE_OPENERS.has(open)) return false;
      const close = OPENERS[open]!;
      let depth = 0;
      for (let i = 0; i < t.length; i++) {
        if (t[i] === open) depth++;
        else if (t[i] === close && --depth === 0) return i === t.length - 1;
      }
      return false;
    };
    const next = rng(2319);
    const pieces = ['“', '”', '「', '」', '『', '』', '。', '！', ' ', '甲', '𠀀', '\ud840'];
    for (let round = 0; round < 3000; round++) {
      const s = randomText(next, pieces, Math.floor(next() * 12));
      assert.equal(isPureQuote(s), before(s), JSON.stringify(s));
    }
  });

  it('hasDateWords answers as the regex it replaced, on random text with numerals, spaces and date units', () => {
    const DATE_WORDS = /(?:\d{1,4}|[一二三四五六七八九十]{1,3})\s*(?:年|月|日|号)|20\d\d|19\d\d/u;
    const next = rng(2419);
    const pieces = ['1', '2', '9', '0', '5', '一', '十', '百', '年', '月', '日', '号', ' ', '\u3000', '\u00a0', '\n', '甲', '０', '𠀀', '\ud840'];
    for (let round = 0; round < 20000; round++) {
      const s = randomText(next, pieces, Math.floor(next() * 10));
      assert.equal(hasDateWords(s), DATE_WORDS.test(s), JSON.stringify(s));
    }
  });

  it('hasDateWordsIn, read in the cue scan, answers as hasDateWords, on texts asked about again and in turn', () => {
    const next = rng(2423);
    const pieces = ['1', '2', '9', '0', '5', '一', '十', '百', '年', '月', '日', '号', ' ', '\u3000', '\u00a0', '\n', '\r\n', '甲', '０', '𠀀', '\ud840', '\udc00',
      '预计', '目前', '去年', '我们', '“', '”', '《', '》', '第'];
    const seen: string[] = [];
    for (let round = 0; round < 20000; round++) {
      // (a text asked about before comes back now and then: the scan's answers are kept for the last few texts)
      const s = seen.length > 0 && next() < 0.3 ? seen[Math.floor(next() * seen.length)]! : randomText(next, pieces, Math.floor(next() * 12));
      if (seen.length < 8) seen.push(s);
      else seen[Math.floor(next() * 8)] = s;
      if (next() < 0.5) findCue(s, SCAN.hedges);
      assert.equal(hasDateWordsIn(s), hasDateWords(s), JSON.stringify(s));
    }
    assert.equal(hasDateWordsIn(''), false);
  });

  it('assertedPart splits a copular sentence as the regex alone did, wherever 是 stands', () => {
    const COPULA_SUBJECT = /^(?:(?!的)[\p{Script=Han}A-Za-z0-9]){2,12}?(?:已经|早已|已|就|便|也|都|仍|正|更|却|才)?是(?!否)/u;
    const NOT_COPULA = new Set([...'但可于要若或还凡总而不只']);
    const before = (bare: string): string => {
      const m = COPULA_SUBJECT.exec(bare);
      if (!m) return bare;
      const copula = m[0].length - 1;
      return NOT_COPULA.has(bare[copula - 1]!) ? bare : bare.slice(copula + 1);
    };
    const next = rng(2519);
    const pieces = ['是', '是', '否', '的', '已经', '就', '甲', '乙', 'a', '1', '，', ' ', '但', '𠀀'];
    for (let round = 0; round < 20000; round++) {
      const s = randomText(next, pieces, Math.floor(next() * 20));
      assert.equal(assertedPart(s), before(s), JSON.stringify(s));
    }
  });

  it('planWord and eventWord find what a search of every word does, the bare text read first', () => {
    const TIME_FORECASTS = CUES.forecasts.filter((w) => /^(?:明年|未来|下半年|下月|年内|到20)/u.test(w));
    const next = rng(2619);
    const pieces = [...CUES.forecasts, ...CUES.eventVerbs.slice(0, 8), '到', '20', '年', '明', '是', '甲', '，', '𠀀'];
    for (let round = 0; round < 5000; round++) {
      const bare = randomText(next, pieces, Math.floor(next() * 8));
      const asserted = bare.slice(Math.floor(next() * (bare.length + 1)));
      const plan = CUES.forecasts.find((w) => asserted.includes(w)) ?? TIME_FORECASTS.find((w) => bare.includes(w));
      assert.equal(planWord(bare, asserted), plan, JSON.stringify([bare, asserted]));
      assert.equal(eventWord(bare, asserted), CUES.eventVerbs.find((w) => asserted.includes(w)), JSON.stringify([bare, asserted]));
    }
  });

  it('featureValues puts each feature at its place in FEATURES, and no other', () => {
    const out = new Float64Array(FEATURES.length);
    FEATURES.forEach((name, k) => {
      const f = Object.fromEntries(FEATURES.map((n) => [n, n === name ? k + 1 : 0])) as Features;
      featureValues(f, out);
      assert.deepEqual([...out], FEATURES.map((_, j) => (j === k ? k + 1 : 0)), name);
    });
  });

  it('wordBefore finds the word the lastIndexOf of each word in the window found, on random text', () => {
    // before the backward reading, verbatim (less the first-code gate, which only skipped windows without a match)
    const before = (text: string, f: Figure, words: readonly string[], window = 8): string | undefined => {
      const from = Math.max(0, f.start - window);
      const part = text.slice(from, f.start);
      let best: string | undefined;
      let bestAt = -1;
      for (const w of words) {
        const at = part.lastIndexOf(w);
        if (at >= 0 && (at > bestAt || (at === bestAt && w.length > (best?.length ?? 0)))) {
          best = w;
          bestAt = at;
        }
      }
      return best;
    };
    const CHANGE = [...GROWTH_WORDS, ...DECLINE_WORDS];
    const next = rng(2719);
    const pieces = [...CHANGE, ...CAGR_WORDS, '同比', '增', '长', '了', '下', '降', '甲', '，', '𠀀', '\ud840'];
    const lists = [GROWTH_WORDS, DECLINE_WORDS, CHANGE, CAGR_WORDS, ['增长', '增长', '增', '长增'], ['甲乙', '乙', '甲']];
    for (let round = 0; round < 5000; round++) {
      const text = randomText(next, pieces, Math.floor(next() * 8));
      const start = Math.floor(next() * (text.length + 1));
      const f = { start, end: start } as Figure;
      for (const words of lists) for (const window of [0, 1, 6, 8, 10, 40]) {
        assert.equal(wordBefore(text, f, words, window), before(text, f, words, window), JSON.stringify([text, start, window, words]));
      }
    }
  });

  it('the cue scan (its first-pair filter) finds every cue of every scanned list that a search of each finds, and where the first stands', () => {
    const names = Object.keys(SCAN) as ScannedName[];
    const words = names.flatMap((n) => [...SCAN[n].words]);
    const next = rng(2819);
    const pieces = [...words, ...words.map((w) => w[0]!), '甲', '，', '𠀀', '\ud840', '\udc00', '\r\n', '\ufeff'];
    for (let round = 0; round < 3000; round++) {
      const s = randomText(next, pieces, Math.floor(next() * 10));
      for (const n of names) {
        const list = SCAN[n].words;
        assert.equal(findCue(s, SCAN[n]), list.find((w) => s.includes(w)), `${n} ${JSON.stringify(s)}`);
        assert.equal(countCues(s, SCAN[n]), list.filter((w) => s.includes(w)).length, `${n} ${JSON.stringify(s)}`);
        const places = list.map((w) => s.indexOf(w)).filter((at) => at >= 0);
        assert.equal(firstCueAt(s, SCAN[n]), places.length ? Math.min(...places) : -1, `${n} ${JSON.stringify(s)}`);
      }
    }
  });

  it('one look-up of a text\'s scan (cueListsIn, firstCuesAt) answers as a question per list', () => {
    const names = Object.keys(SCAN) as ScannedName[];
    const next = rng(2837);
    const pieces = [...CUES.showsVerbs, ...CUES.speechVerbs.slice(0, 6), ...CUES.documentKinds.slice(0, 3), '接受', '的话', '甲', '，', '𠀀'];
    const places = new Int32Array(SHOWS_LISTS.length);
    for (let round = 0; round < 3000; round++) {
      const s = randomText(next, pieces, Math.floor(next() * 8));
      const lists = cueListsIn(s);
      for (const n of names) assert.equal(hasCueOf(lists, SCAN[n]), firstCueAt(s, SCAN[n]) >= 0, `${n} ${JSON.stringify(s)}`);
      firstCuesAt(s, SHOWS_LISTS, places);
      assert.deepEqual([...places], SHOWS_LISTS.map((list) => firstCueAt(s, list)), JSON.stringify(s));
      assert.equal((lists & SHOWS_BITS) === 0, places.every((at) => at < 0), JSON.stringify(s));
    }
  });

  it('the scanned gates are the words of the searches they gate', () => {
    // each verb that shows is a list of its own, in showsVerbs' order, and the speech verbs are speechVerbAt's
    assert.deepEqual(SHOWS_LISTS.map((l) => [...l.words]), CUES.showsVerbs.map((w) => [w]));
    assert.deepEqual([...SCAN.speechVerbs.words], [...CUES.speechVerbs]);
    assert.equal(firstCueAt('', SCAN.speechVerbs), -1);
  });
});
