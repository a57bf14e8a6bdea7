import * as assert from 'node:assert/strict';
import { countCues, CUES, findCue, firstCueAt, hasDateWordsIn, readUnitWithCues, SCAN, type ScannedList } from '../../src/core/claims/cues';
import { bareCuts, bareOf } from '../../src/core/claims/bareText';
import { readUnit } from '../../src/core/claims/unitChars';

/** What the bare text is: titles and quotations emptied, in that order (the features' patterns before they were read in linear time). */
function withoutQuotedParts(norm: string): string {
  return norm.replace(/《[^》]*》/gu, '《》').replace(/[“「『][^”」』]*[”」』]/gu, '“”');
}

/** A seeded generator (the same texts on every run). */
function seeded(seed: number): (n: number) => number {
  let x = seed;
  // (by the high bits: the low bits of this generator repeat with short periods)
  return (n) => Math.floor(((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648) * n);
}

const LISTS: ReadonlyArray<[string, ScannedList]> = Object.entries(SCAN);
let evictions = 0;
/** Reads texts of their own, so that the cue scan's last texts are none of the next (its ring holds four). */
function evict(): void {
  for (let k = 0; k < 5; k++) readUnitWithCues(`\u0001${evictions++}`);
}

/** Every answer the claims stage asks of a text's cues, and its unit reading. */
function answers(s: string): string {
  const out: unknown[] = [];
  for (const [name, list] of LISTS) out.push(name, findCue(s, list) ?? null, countCues(s, list), firstCueAt(s, list));
  const { keys, letters } = readUnitWithCues(s);
  out.push(hasDateWordsIn(s), keys, letters);
  return JSON.stringify(out);
}

describe('claims: the cues of a unit\'s bare text, made from the reading of the unit', () => {
  // cue words of every scanned list, marks of both kinds, numerals and date units, and hostile units
  const words = [...new Set(LISTS.flatMap(([, list]) => list.words))];
  const pieces = [
    '“', '”', '「', '」', '『', '』', '《', '》', '“', '”', '《', '》',
    '2019', '20', '5', '一', '十', ' ', '年', '月', '号', '\u3000',
    '阿', '的', '是', '第', 'a', '𠀀', '😀', '\ud800', '\udc00', '\r\n', '\ufeff', '１２', '們說',
    ...CUES.timeWords.slice(0, 3),
  ];

  it('equals a reading of the bare text, on random units of cue words, marks, dates and hostile units', () => {
    const next = seeded(23);
    let derived = 0;
    for (let round = 0; round < 6000; round++) {
      let norm = '';
      for (let k = 1 + next(24); k > 0; k--) norm += next(3) === 0 ? words[next(words.length)]! : pieces[next(pieces.length)]!;
      const { keys } = readUnit(norm);
      evict();
      // the unit read (as the claims stage reads it before its features), then its bare text made
      readUnitWithCues(norm);
      const bare = bareOf(norm, keys);
      assert.equal(bare, withoutQuotedParts(norm));
      if (bare === norm) continue;
      derived++;
      const fromUnit = answers(bare);
      evict();
      assert.equal(fromUnit, answers(bare), JSON.stringify(norm));
    }
    assert.ok(derived > 1000, `${derived} bare texts made from their unit's reading`);
  });

  it('cuts what the titles and quotations held, their marks left: the bare text is the unit without the cuts', () => {
    const next = seeded(29);
    const isMark = (c: string) => '“”「」『』《》'.includes(c);
    for (let round = 0; round < 6000; round++) {
      let norm = '';
      for (let k = 1 + next(20); k > 0; k--) norm += pieces[next(pieces.length)]!;
      const { keys } = readUnit(norm);
      const bare = bareOf(norm, keys);
      assert.equal(bare, withoutQuotedParts(norm));
      const cuts = bareCuts(norm, keys);
      let kept = '';
      let last = 0;
      for (const [from, to] of cuts) {
        assert.ok(from >= last && to >= from && isMark(norm[from - 1]!) && isMark(norm[to]!), JSON.stringify({ norm, cuts }));
        kept += norm.slice(last, from);
        last = to;
      }
      kept += norm.slice(last);
      assert.equal(kept.length, bare.length, JSON.stringify({ norm, cuts }));
      for (let i = 0; i < bare.length; i++) assert.ok(kept[i] === bare[i] || (isMark(kept[i]!) && isMark(bare[i]!)), JSON.stringify({ norm, bare, kept }));
    }
  });

  it('equals a reading of the bare text on units of many quotations and titles (the array of cuts grows: 16, 32, 64 … pairs)', () => {
    // a cue word in the last quotation or title, another outside: the cuts past the array's
    // first size must be read from the grown array (a call that read the old one counted the
    // words of the later quotations as the author's own)
    for (let n = 1; n <= 700; n += n < 300 ? 1 : 7) {
      const inside = words[n % words.length]!;
      const outside = words[(7 * n + 3) % words.length]!;
      const [open, close] = n % 3 === 0 ? ['《', '》'] : n % 3 === 1 ? ['“', '”'] : ['「', '」'];
      const norm = `营收增长了30%，${'“甲”《乙》'.repeat(n >> 1)}${n & 1 ? '「丙」' : ''}${open}${inside}${close}${outside}。`;
      const { keys } = readUnit(norm);
      evict();
      readUnitWithCues(norm);
      const bare = bareOf(norm, keys);
      assert.equal(bare, withoutQuotedParts(norm));
      const fromUnit = answers(bare);
      evict();
      assert.equal(fromUnit, answers(bare), `${n} marks: ${inside} inside, ${outside} outside`);
    }
  });

  it('is made only from the reading of the same text: another text read in between leaves the bare text to be read', () => {
    const norm = '他说：“我们预计明年增长。”公司预计今年亏损';
    const { keys } = readUnit(norm);
    evict();
    readUnitWithCues(norm);
    readUnitWithCues('另一个句子里有预计');
    const bare = bareOf(norm, keys);
    assert.equal(bare, '他说：“”公司预计今年亏损');
    assert.equal(findCue(bare, SCAN.forecasts), '预计');
    assert.equal(firstCueAt(bare, SCAN.forecasts), 7);
  });
});
