import * as assert from 'node:assert/strict';
import { bracketedRuns, hasLongBracketed, replaceBracketed } from '../../src/core/text/bracketed';
import { scaled } from './helpers';

const TITLE = /《[^》]*》/gu;
const QUOTED = /[“「『][^”」』]*[”」』]/gu;
const LONG_QUOTE = /[“「『][^”」』]{12,}[”」』]/u;
const PIECES = ['《', '》', '“', '”', '「', '」', '『', '』', '阿', 'a', ' ', '\r\n', '\ufeff', '𠀀', '😀', '\ud800', '\udc00', '\uffff', '\0'];

function randomText(rand: () => number, length: number): string {
  let s = '';
  for (let k = 0; k < length; k++) s += PIECES[Math.floor(rand() * PIECES.length)]!;
  return s;
}

function seeded(seed: number): () => number {
  let x = seed;
  return () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
}

describe('runs between marks (《…》, “…”) in linear time, as the regexes find them', function () {
  this.timeout(scaled(20_000));

  it('finds, replaces and measures what /O[^C]*C/gu and /O[^C]{12,}C/u do, on random texts of marks, astral characters, lone surrogates, CRLF and BOM', () => {
    const rand = seeded(7);
    for (let n = 0; n < 20_000; n++) {
      const s = randomText(rand, Math.floor(rand() * 40));
      assert.deepEqual(bracketedRuns(s, '《', '》'), [...s.matchAll(TITLE)].map((m) => [m.index, m.index! + m[0].length]), s);
      assert.equal(replaceBracketed(s, '《', '》', '《》'), s.replace(TITLE, '《》'), s);
      assert.equal(replaceBracketed(s, '《', '》', ''), s.replace(TITLE, ''), s);
      assert.equal(replaceBracketed(s, '“「『', '”」』', '“”'), s.replace(QUOTED, '“”'), s);
      assert.equal(hasLongBracketed(s, '“「『', '”」』', 12), LONG_QUOTE.test(s), s);
      // two marks a side, and more than three (read another way)
      assert.equal(replaceBracketed(s, '“「', '”」', '-'), s.replace(/[“「][^”」]*[”」]/gu, '-'), s);
      assert.equal(replaceBracketed(s, '“「『《', '”」』》', '-'), s.replace(/[“「『《][^”」』》]*[”」』》]/gu, '-'), s);
    }
    assert.equal(replaceBracketed('', '《', '》', ''), '');
  });

  it('measures long runs as the regex does, where a run of 23 units or more is not counted (it holds 12 code points at least)', () => {
    const rand = seeded(19);
    const LONG_PIECES = ['“', '”', '「', '」', '『', '』', '《', '》', '阿', 'a', '𠀀', '😀', '\ud800', '\udc00', '\r\n', '\ufeff', '１'];
    const ONLY_CURLY = LONG_PIECES.filter((p) => !'「」『』'.includes(p));
    const NO_CLOSER = LONG_PIECES.filter((p) => !'”」』'.includes(p));
    let long = 0;
    for (let n = 0; n < 20_000; n++) {
      let s = '';
      // (every third text without 「」 or 『』, or without ” too: the marks that occur are searched for natively)
      const from = n % 3 === 1 ? ONLY_CURLY : n % 6 === 2 ? NO_CLOSER : LONG_PIECES;
      for (let k = Math.floor(rand() * 60); k > 0; k--) s += from[Math.floor(rand() * (n % 2 === 0 ? from.length : Math.min(from.length, 12 + (n % 5))))]!;
      // quotations of exactly 11, 12 and 13 code points around the boundary, astral or not
      if (n % 3 === 0) s = `${s}“${(n % 4 === 0 ? '𠀀' : '阿').repeat(11 + (n % 3))}${n % 7 === 0 ? '\ud800' : ''}”${s}`;
      const expected = LONG_QUOTE.test(s);
      if (expected) long++;
      assert.equal(hasLongBracketed(s, '“「『', '”」』', 12), expected, JSON.stringify(s));
      for (const min of [1, 2, 5]) assert.equal(hasLongBracketed(s, '“「『', '”」』', min), new RegExp(`[“「『][^”」』]{${min},}[”」』]`, 'u').test(s), `${min} ${JSON.stringify(s)}`);
      assert.equal(hasLongBracketed(s, '《', '》', 3), /《[^》]{3,}》/u.test(s), JSON.stringify(s));
      assert.equal(replaceBracketed(s, '“「『', '”」』', '“”'), s.replace(QUOTED, '“”'), JSON.stringify(s));
      assert.equal(replaceBracketed(s, '“「', '”」', '-'), s.replace(/[“「][^”」]*[”」]/gu, '-'), JSON.stringify(s));
      assert.deepEqual(bracketedRuns(s, '“「『', '”」』'), [...s.matchAll(QUOTED)].map((m) => [m.index, m.index! + m[0].length]), JSON.stringify(s));
    }
    assert.ok(long > 1000, `${long} long runs`);
    // 11 astral characters are 22 units and 11 code points; 12 are 24 and 12
    assert.equal(hasLongBracketed(`“${'𠀀'.repeat(11)}”`, '“「『', '”」』', 12), false);
    assert.equal(hasLongBracketed(`“${'𠀀'.repeat(11)}阿”`, '“「『', '”」』', 12), true);
    assert.equal(hasLongBracketed(`“${'𠀀'.repeat(12)}”`, '“「『', '”」』', 12), true);
  });

  it('reads a long run of unclosed marks once (the regexes took seconds on 20,000 of them)', () => {
    const unclosed = '《'.repeat(200_000) + '阿';
    assert.deepEqual(bracketedRuns(unclosed, '《', '》'), []);
    assert.equal(replaceBracketed(unclosed, '《', '》', ''), unclosed);
    assert.equal(hasLongBracketed('“阿里云'.repeat(100_000), '“「『', '”」』', 12), false);
    assert.equal(hasLongBracketed(`${'“'.repeat(100_000)}${'阿'.repeat(12)}”`, '“「『', '”」』', 12), true);
  });
});
