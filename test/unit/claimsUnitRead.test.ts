import * as assert from 'node:assert/strict';
import { namesDocument } from '../../src/core/claims/attribution';
import { CUES, readUnitWithCues } from '../../src/core/claims/cues';
import { extractFeatures, hasAsciiDigit } from '../../src/core/claims/features';
import { claimUnits, isPureQuote } from '../../src/core/claims/select';
import { KEY, keyCharsIn, readUnit } from '../../src/core/claims/unitChars';
import { matchForm } from '../../src/core/entities/lexicon';
import { twoAfter } from '../../src/core/claims/relations';
import { writtenDigits } from '../../src/core/claims/passage';
import { readSentences } from '../../src/core/text/sentences';
import type { Figure } from '../../src/core/figures/types';
import { randomText, rng } from '../support/anchorSimulation';

// The claims stage reads a unit's characters once (readUnit) and skips the searches whose
// character the unit lacks (issue 19). These compare each shortcut with the plain code it
// stands for, on random text over alphabets that reach every branch.

/** The letters of a unit as features counted them before readUnit, verbatim. */
function lettersBefore(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const low = s.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        c = (c - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x20000 && c <= 0x3134f) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) n++;
  }
  return n;
}

const KEYED: Array<[string, number]> = [
  ['据', KEY.ju], ['的', KEY.de], ['引', KEY.yin], ['从', KEY.cong], ['接', KEY.jie], ['眼', KEY.yan], ['看', KEY.kan], ['“', KEY.quote], ['「', KEY.quote],
  ['“', KEY.anyQuote], ['「', KEY.anyQuote], ['『', KEY.anyQuote], ['《', KEY.title], ['第', KEY.di],
  ...[...'0123456789一二三四五六七八九十'].map((ch): [string, number] => [ch, KEY.numeral]),
];

describe('claims stage: one reading of a unit, equal to the searches it replaced', () => {
  it('readUnit has the bit of each key character the text includes, and no other, and counts letters as before', () => {
    const next = rng(4711);
    // astral letters (𠀀 in plane 2, 𝐀 outside the ranges), lone halves of pairs, Latin, digits, spaces, marks
    const pieces = [...KEYED.map(([ch]) => ch), '话', '援', '”', '』', '》', '𠀀', '𱍊', '𝐀', '\ud840', '\udc00', 'A', 'z', ' ', '。', '〇', '㐀', '９'];
    for (let round = 0; round < 5000; round++) {
      const s = randomText(next, pieces, Math.floor(next() * 14));
      let plain = 0;
      for (const [ch, bit] of KEYED) if (s.includes(ch)) plain |= bit;
      const read = readUnit(s);
      assert.equal(read.keys, plain, JSON.stringify(s));
      assert.equal(read.letters, lettersBefore(s), JSON.stringify(s));
      assert.equal(keyCharsIn(s), plain, JSON.stringify(s));
      // the same from the cue scan, made now or found among the last texts scanned
      for (let again = 0; again < 2; again++) {
        const withCues = readUnitWithCues(s);
        assert.deepEqual([withCues.keys, withCues.letters], [plain, lettersBefore(s)], JSON.stringify(s));
      }
    }
  });

  it('the features with the searches a unit\'s keys skip are those with every search made', () => {
    const next = rng(5081);
    const pieces = [
      '“', '”', '「', '」', '『', '』', '《', '》', '第', '一', '季度', '看来', '这么看来', '或许', '2023', '年', '5', '月', '十', '号', '：', '，',
      '他说', '表示', '公司', '增长', '最大', '？', '这', '是', '投资款', '计划', '明年', '目标', '。', ' ',
    ];
    const ALL = Object.values(KEY).reduce((a, b) => a | b, 0);
    for (let round = 0; round < 4000; round++) {
      const norm = randomText(next, pieces, 1 + Math.floor(next() * 16));
      const read = readUnit(norm);
      const unit = { norm, pureQuote: next() < 0.2, figures: [], entities: [], attribution: next() < 0.3 ? { speech: true } : {} };
      const skipped = extractFeatures({ ...unit, keys: read.keys, letters: read.letters });
      // every key set: no search is skipped
      const plain = extractFeatures({ ...unit, keys: ALL, letters: lettersBefore(norm) });
      assert.deepEqual(skipped, plain, JSON.stringify(norm));
    }
  });

  it('hasAsciiDigit answers as /\\d/u', () => {
    const next = rng(907);
    const pieces = ['0', '9', '5', '/', ':', '０', '٣', '十', '𝟎', 'a', '亿'];
    for (let round = 0; round < 3000; round++) {
      const s = randomText(next, pieces, Math.floor(next() * 6));
      assert.equal(hasAsciiDigit(s), /\d/u.test(s), JSON.stringify(s));
    }
  });

  it('twoAfter says whether two figures stand where sumAt takes its parts from, as a filter of them does', () => {
    const next = rng(1213);
    for (let round = 0; round < 3000; round++) {
      const figures = Array.from({ length: Math.floor(next() * 5) }, () => ({ start: Math.floor(next() * 150) }) as Figure);
      const listAt = Math.floor(next() * 100);
      const end = listAt + Math.floor(next() * 120);
      const plain = figures.filter((f) => f.start > listAt && f.start < end && f.start - listAt < 60).length >= 2;
      assert.equal(twoAfter(figures, listAt, end), plain, JSON.stringify([figures.map((f) => f.start), listAt, end]));
    }
  });

  it('namesDocument answers as a search of the document kinds for the match form, asked once or again', () => {
    const texts = ['财报', '財報', '年报', '年報', '公告', 'IDC', '阿里巴巴', '报告', '報告', '白皮书', '白皮書', '财报电话会', '財報電話會', '数据', 'DATA'];
    for (let round = 0; round < 3; round++) {
      for (const t of texts) assert.equal(namesDocument(t), CUES.documentKinds.includes(matchForm(t)), t);
    }
  });

  it('readSentences finds the same sentences stepping through the codes as by its search', () => {
    const next = rng(6017);
    const pieces = ['公司营收增长', '。', '！', '？', '.', ' ', '“', '”', '「', '」', '（', '）', '《', '》', '…', '；', 'a', '5.45', '\n'];
    const bounds = (s: string, codes?: Uint16Array) => {
      const b = readSentences(s, codes);
      return Array.from({ length: b.count }, (_, k) => [b.starts[k], b.ends[k]]);
    };
    for (let round = 0; round < 3000; round++) {
      const s = randomText(next, pieces, Math.floor(next() * 16));
      // (codes longer than the text, as the claims stage's array is: only the text's own are read)
      const codes = new Uint16Array(s.length + 8).fill(0x3002);
      for (let i = 0; i < s.length; i++) codes[i] = s.charCodeAt(i);
      assert.deepEqual(bounds(s, codes), bounds(s), JSON.stringify(s));
    }
  });

  it('writtenDigits reads a figure as the three replaces it stands for', () => {
    const next = rng(6013);
    const pieces = ['1', '9', '0', '.', '．', '１', '０', '９', '亿', '%', '元', ',', '-', '约'];
    for (let round = 0; round < 3000; round++) {
      const s = randomText(next, pieces, Math.floor(next() * 10));
      const plain = s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[^0-9.．]/g, '').replace('．', '.');
      assert.equal(writtenDigits(s), plain, JSON.stringify(s));
    }
  });

  it('claimUnits marks a unit a pure quotation exactly when its sentence is one, its text sliced once', () => {
    const next = rng(6007);
    const pieces = ['“这是真的。”', '“我们会做。”', '张勇直言。', '他说。', '这是本报获悉的消息。', '公司营收增长。', '周靖人解释，“好。”', '「对。」', '他表示，', '。'];
    for (let round = 0; round < 3000; round++) {
      const s = randomText(next, pieces, 1 + Math.floor(next() * 8));
      for (const u of claimUnits(s)) {
        if (u.joined) assert.equal(u.pureQuote, false);
        else assert.equal(u.pureQuote, isPureQuote(s.slice(u.start, u.end)), JSON.stringify(s));
      }
    }
  });
});
