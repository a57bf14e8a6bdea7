import * as assert from 'node:assert/strict';
import { codeTable, endsWithAny, startsWithAny } from '../../src/core/text/chars';
import { COMPOUND_SURNAMES, REPORTING, SURNAMES, isNotInNameAt, isWeekday, readName, reportingAt, surnameAt } from '../../src/core/entities/names';
import { cjkLengthAt } from '../../src/core/entities/textAt';
import { WordDictionary } from '../../src/core/entities/wordLattice';
import { tally } from '../../src/core/text/paragraphs';
import { randomText, rng } from '../support/anchorSimulation';

// The speed work (issue 19) replaced closures and one-character strings looked up in Sets by
// loops and tables of UTF-16 units; these compare each with the code it replaced, on random
// strings over alphabets that hit every branch (astral characters, ends of the string included).

/** Deterministic (mulberry32), so that a failure can be replayed. */
const random = rng;

// the code before the tables, verbatim
function surnameAtBefore(norm: string, i: number): number {
  if (SURNAMES.has(norm[i]!)) return COMPOUND_SURNAMES.some((c) => norm.startsWith(c, i)) ? 2 : 1;
  return COMPOUND_SURNAMES.some((c) => norm.startsWith(c, i)) ? 2 : 0;
}

function readNameBefore(norm: string, i: number): number {
  const compound = COMPOUND_SURNAMES.find((c) => norm.startsWith(c, i));
  let s = i;
  if (compound) s += compound.length;
  else if (SURNAMES.has(norm[i]!)) s += 1;
  else return 0;
  let e = s;
  let given = 0;
  let last = s;
  for (let n = cjkLengthAt(norm, e); given < 2 && n > 0 && !isNotInNameAt(norm, e); n = cjkLengthAt(norm, e)) {
    last = e;
    e += n;
    given++;
  }
  if (given === 0) return 0;
  if (given === 2 && REPORTING.some((r) => norm.startsWith(r, last))) e = last;
  if (isWeekday(norm.slice(i, e))) return 0;
  return e - i;
}

describe('tables of UTF-16 units, equal to the code they replaced', () => {
  it('startsWithAny and endsWithAny answer as some(startsWith) and some(endsWith), at every offset', () => {
    const next = random(19);
    const pieces = ['甲', '乙', '丙', 'a', 'b', '𠀀', '\ud840', '了'];
    for (let round = 0; round < 300; round++) {
      const words = Array.from({ length: 1 + Math.floor(next() * 4) }, () => randomText(next, pieces, 1 + Math.floor(next() * 3)));
      const s = randomText(next, pieces, Math.floor(next() * 12));
      for (let at = -2; at <= s.length + 2; at++) {
        assert.equal(startsWithAny(s, words, at), words.some((w) => s.startsWith(w, at)), `${JSON.stringify(words)} at ${at} of ${JSON.stringify(s)}`);
        assert.equal(endsWithAny(s, words, at), words.some((w) => s.endsWith(w, at)), `${JSON.stringify(words)} ending at ${at} of ${JSON.stringify(s)}`);
      }
    }
  });

  it('surnameAt, readName and reportingAt answer as the Set and closure code did', () => {
    const next = random(14);
    // surnames, compound ones and their halves, characters no name holds, reporting verbs,
    // days of the week, an astral ideograph, a lone surrogate, punctuation, Latin
    const pieces = ['王', '李', '和', '周', '星期', '礼拜', '三', '末', '欧阳', '欧', '阳', '司马', '小', '川', '表示', '称', '说', '的', '在', '𠀀', '\ud840', '，', 'A', ' '];
    let names = 0;
    for (let round = 0; round < 2000; round++) {
      const s = randomText(next, pieces, Math.floor(next() * 10));
      for (let i = -1; i <= s.length; i++) {
        assert.equal(surnameAt(s, i), surnameAtBefore(s, i), `surnameAt(${JSON.stringify(s)}, ${i})`);
        const n = readName(s, i);
        assert.equal(n, readNameBefore(s, i), `readName(${JSON.stringify(s)}, ${i})`);
        if (n) names++;
        assert.equal(reportingAt(s, i), REPORTING.some((r) => s.startsWith(r, i)), `reportingAt(${JSON.stringify(s)}, ${i})`);
      }
    }
    // the strings did hold names, so both branches were compared
    assert.ok(names > 1000, `only ${names} names read`);
  });

  it('WordDictionary.crosses, which skips starts no word can reach the boundary from, answers as a walk from every start', () => {
    const next = random(8);
    const pieces = ['甲', '乙', '丙', '丁', '戊', 'a', '𠀀', '\ud840'];
    const letters = ['p', 'o', 'l', 'w'];
    const categories = ['person', 'org', 'place', 'word'] as const;
    let crossings = 0;
    for (let round = 0; round < 40; round++) {
      const lines = Array.from({ length: 1 + Math.floor(next() * 60) }, () => `${randomText(next, pieces, 1 + Math.floor(next() * 4))}\t${letters[Math.floor(next() * 4)]}`);
      const words = WordDictionary.parse(lines.join('\n'));
      // every word the dictionary holds, by category, and the longest one (in code points, as it counts)
      const held = (w: string) => categories.filter((c) => words.has(w, c));
      for (let k = 0; k < 20; k++) {
        const s = randomText(next, pieces, Math.floor(next() * 14));
        for (let at = 0; at <= s.length + 1; at++) {
          for (const [minLength, persons] of [[2, false], [3, false], [2, true], [3, true]] as const) {
            let expected = false;
            for (let start = Math.max(0, at - words.longest + 1); start < at && !expected; start++) {
              for (let j = at; j < s.length && j - start < words.longest && !expected; j++) {
                const found = held(s.slice(start, j + 1));
                const length = j - start + 1;
                expected = length >= minLength && (found.includes('word') || (persons && found.includes('person')) || (found.includes('place') && length >= 3));
              }
            }
            assert.equal(words.crosses(s, at, minLength, persons), expected, `crosses(${JSON.stringify(s)}, ${at}, ${minLength}, ${persons}) with ${JSON.stringify(lines)}`);
            if (expected) crossings++;
          }
        }
      }
    }
    assert.ok(crossings > 500, `only ${crossings} crossings found`);
  });

  it("codeTable('', true) holds exactly the UTF-16 units that \\s matches (the tagger's spans are trimmed with it)", () => {
    const table = codeTable('', true);
    for (let c = 0; c < 0x10000; c++) assert.equal(table[c] === 1, /\s/.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
  });

  it('the tally of spaces and sentence ends (tag clouds against prose) counts as the Set did', () => {
    const next = random(20);
    const enders = new Set([...'。！？!?；;…'].map((c) => c.charCodeAt(0)));
    const pieces = ['甲', ' ', '\u00a0', '\u3000', '\t', '。', '！', '？', '!', '?', '；', ';', '…', '，', ',', '、', '𠀀', '.'];
    for (let round = 0; round < 500; round++) {
      const s = randomText(next, pieces, Math.floor(next() * 30));
      const start = Math.floor(next() * (s.length + 1));
      const end = start + Math.floor(next() * (s.length - start + 1));
      let spaces = 0;
      let ends = 0;
      for (let i = start; i < end; i++) {
        const c = s.charCodeAt(i);
        if (c === 0x20 || c === 0xa0 || c === 0x3000) spaces++;
        if (enders.has(c) || c === 0xff0c) ends++;
      }
      assert.deepEqual(tally(s, start, end), { spaces, enders: ends }, `${JSON.stringify(s)} [${start}, ${end})`);
    }
  });
});
