import * as assert from 'node:assert/strict';
import { compactAt, skipSpaces } from '../../src/core/figures/chars';
import { PREFIX_APPROX, SUFFIX_APPROX, prefixApprox, skipApproxWord, suffixApprox } from '../../src/core/figures/units';
import type { Approximation } from '../../src/core/figures/types';
import { repeatKey } from '../../src/core/analysis/articleLevel';
import { isPlainDigits } from '../../src/core/figures/detect';
import { aheadCueBefore } from '../../src/core/figures/dateCues';
import { isCnNumeralLike, negativeSignBefore } from '../../src/core/figures/readNumber';
import { isArabicDigit } from '../../src/core/figures/numerals';
import { isLatinLetter } from '../../src/core/figures/chars';
import dateCues from '../../src/core/figures/data/dateCues.json';
import { rng } from '../support/anchorSimulation';

/** compactAt as it was before its one-slice path: the string built unit by unit. */
function compactByUnits(text: string, i: number, count: number): { text: string; end: number } | undefined {
  let out = '';
  let j = i;
  while (out.length < count && j < text.length) {
    const k = skipSpaces(text, j, 4);
    if (k >= text.length) break;
    if (out.length === 0 && k !== i) return undefined;
    out += text[k];
    j = k + 1;
  }
  return out.length === count ? { text: out, end: j } : undefined;
}

/** The approximation words as they were looked up before their tables by unit: every word in turn. */
function prefixByScan(text: string, start: number): Approximation | undefined {
  for (const [w, a] of PREFIX_APPROX) if (start >= w.length && text.startsWith(w, start - w.length)) return a;
  return undefined;
}
function suffixByScan(text: string, end: number): { approx: Approximation; end: number } | undefined {
  const k = skipSpaces(text, end, 1);
  for (const [w, a] of SUFFIX_APPROX) if (text.startsWith(w, k)) return { approx: a, end: k + w.length };
  return undefined;
}
function skipByScan(text: string, k: number): number {
  for (const [w] of PREFIX_APPROX) if (text.startsWith(w, k)) return k + w.length;
  return k;
}

describe('figure helpers by unit', () => {
  const texts = [
    '', ' ', '\u00a0', '百分之', '百 分 之五', '百\u00a0分之', '约合110 亿美元左右', '將近 3成以上', '超過5 上下', '\ufeff约5',
    '超\ud800', '\udc00约', '𠀀约𠀀', '近', '左', '多達十人有餘', '个 百 分 点', '约\r\n5', 'a b c d e f', '     x',
  ];
  it('compactAt reads as it did unit by unit, at every offset and count (spaces, no-break spaces, surrogates, ends)', () => {
    for (const t of texts) for (let i = -1; i <= t.length + 1; i++) for (let n = 0; n <= 4; n++) assert.deepEqual(compactAt(t, i, n), compactByUnits(t, i, n), `${JSON.stringify(t)} ${i} ${n}`);
  });
  it('the approximation words are found as by trying every word, at every offset', () => {
    for (const t of texts) {
      for (let i = -1; i <= t.length + 1; i++) {
        assert.equal(prefixApprox(t, i), prefixByScan(t, i), `${JSON.stringify(t)} ${i}`);
        assert.deepEqual(suffixApprox(t, i), suffixByScan(t, i), `${JSON.stringify(t)} ${i}`);
        assert.equal(skipApproxWord(t, i), skipByScan(t, i), `${JSON.stringify(t)} ${i}`);
      }
    }
    for (const [w] of [...PREFIX_APPROX, ...SUFFIX_APPROX]) {
      const t = `甲${w}乙`;
      for (let i = 0; i <= t.length; i++) {
        assert.equal(prefixApprox(t, i), prefixByScan(t, i));
        assert.deepEqual(suffixApprox(t, i), suffixByScan(t, i));
        assert.equal(skipApproxWord(t, i), skipByScan(t, i));
      }
    }
  });
});

describe('claim repeat keys', () => {
  it('repeatKey drops what /[\\s\\u00a0\\u3000]+/gu drops, for every UTF-16 unit alone and in a text', () => {
    const runs = /[\s\u00a0\u3000]+/gu;
    for (let c = 0; c <= 0xffff; c++) {
      const t = `甲${String.fromCharCode(c)}乙`;
      assert.equal(repeatKey(t), t.replace(runs, ''), c.toString(16));
    }
    for (const t of ['', ' ', '\r\n', '\ufeff甲', '𠀀 𠀀', '\ud800 ', '甲\u3000\u00a0乙']) assert.equal(repeatKey(t), t.replace(runs, ''));
  });
});

/** negativeSignBefore as it was, reading the units before i as strings. */
function negativeSignBeforeByStrings(text: string, i: number): boolean {
  const p = text[i - 1];
  if (p === '负' || p === '負') return true;
  if (p !== '-' && p !== '－') return false;
  const pp = text.charCodeAt(i - 2);
  return i < 2 || !(isLatinLetter(pp) || isArabicDigit(pp) || isCnNumeralLike(text[i - 2]!) || pp === 0x25 || text[i - 2] === '％');
}

/** aheadCueBefore as it was: every word of the future tried with endsWith. */
function aheadByEndsWith(text: string, i: number): string | undefined {
  let found: string | undefined;
  for (const w of dateCues.ahead) if ((found === undefined || w.length > found.length) && text.endsWith(w, i)) found = w;
  return found;
}

describe('figure helpers that read units by code, equal to the code they replaced', () => {
  const hostile = ['𠀀', '😀', '\ud800', '\udc00', '\r\n', '\ufeff', ' ', '\u3000'];
  const randomText = (next: () => number, pieces: readonly string[], n: number): string => {
    let s = '';
    for (let k = 0; k < n; k++) s += pieces[Math.floor(next() * pieces.length)]!;
    return s;
  };

  it('isPlainDigits answers as /^[0-9]+(?:\\.[0-9]+)*$/ on random texts of digits, dots, full-width forms, astral characters, lone surrogates, CRLF and BOM', () => {
    const next = rng(41);
    const pieces = ['0', '9', '5', '.', '.', '．', '１', 'a', '-', ...hostile];
    const plain = /^[0-9]+(?:\.[0-9]+)*$/;
    for (const s of ['', '.', '1', '1.', '.1', '1.2', '1..2', '1.2.3', '12\n', '1\n2']) assert.equal(isPlainDigits(s), plain.test(s), JSON.stringify(s));
    for (let round = 0; round < 3000; round++) {
      const s = randomText(next, pieces, Math.floor(next() * 9));
      assert.equal(isPlainDigits(s), plain.test(s), JSON.stringify(s));
    }
  });

  it('negativeSignBefore answers as it did reading strings, at every offset of random texts', () => {
    const next = rng(43);
    const pieces = ['负', '負', '-', '－', '1', '二', 'a', '%', '％', '年', '成', '月', '万', ...hostile];
    for (let round = 0; round < 1500; round++) {
      const s = randomText(next, pieces, Math.floor(next() * 8));
      for (let i = -1; i <= s.length + 1; i++) assert.equal(negativeSignBefore(s, i), negativeSignBeforeByStrings(s, i), `${JSON.stringify(s)} ${i}`);
    }
  });

  it('aheadCueBefore finds the word of the future that endsWith found, at every offset, the words themselves among random pieces', () => {
    const next = rng(47);
    const pieces = [...dateCues.ahead, '于', '将', '年', '月', '1', ...hostile];
    for (let round = 0; round < 800; round++) {
      const s = randomText(next, pieces, Math.floor(next() * 6));
      for (let i = -1; i <= s.length + 1; i++) assert.equal(aheadCueBefore(s, i), aheadByEndsWith(s, i), `${JSON.stringify(s)} ${i}`);
    }
  });
});
