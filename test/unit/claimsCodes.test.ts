import * as assert from 'node:assert/strict';
import { readParagraph, releaseParagraph, unitCopy } from '../../src/core/claims/codes';
import { countCues, findCue, firstCueAt, hasDateWordsIn, readUnitWithCues, readUnitWithCuesAt, SCAN, type ScannedName } from '../../src/core/claims/cues';
import { hasDateWords } from '../../src/core/claims/features';
import { readUnit } from '../../src/core/claims/unitChars';
import { randomText, rng } from '../support/anchorSimulation';

// The claims stage's cue scan reads a unit's codes from its paragraph's (issue 19): compared with
// the plain searches it stands for, on random text over alphabets that reach every branch
// (surrogates, cues cut at a unit's end, paragraphs longer than the array kept).

const NAMES = Object.keys(SCAN) as ScannedName[];
const WORDS = [...new Set(NAMES.flatMap((n) => [...SCAN[n].words]))];

let evictions = 0;
/** Reads texts of their own, so that the next text is scanned, not found among the last four read. */
function evict(): void {
  for (let k = 0; k < 5; k++) readUnitWithCues(`\u0002${evictions++}`);
}

describe('claims stage: a paragraph read into codes, and its units scanned from them', () => {
  it('readParagraph gives the paragraph\'s codes and unitCopy its slices, paragraph after paragraph, longer and shorter', () => {
    const next = rng(9151);
    const pieces = ['甲', '的', '，', 'a', ' ', '𠀀', '😀', '\ud840', '\udc00', '“', '》', '接受', '2019年'];
    for (let round = 0; round < 400; round++) {
      // (now and then longer than the array the stage keeps, which then grows)
      const text = randomText(next, pieces, Math.floor(next() * (round % 50 === 0 ? 3000 : 120)));
      const codes = readParagraph(text);
      for (let i = 0; i < text.length; i++) assert.equal(codes[i], text.charCodeAt(i), `${round} at ${i}`);
      for (let k = 0; k < 20; k++) {
        const a = Math.floor(next() * (text.length + 1));
        const b = a + Math.floor(next() * (text.length - a + 1));
        assert.equal(unitCopy(a, b), text.slice(a, b), `${round} ${a}..${b}`);
      }
      releaseParagraph();
    }
  });

  it('readUnitWithCuesAt, reading a unit\'s codes inside its paragraph\'s, finds what a search of each cue finds, and reads the unit as readUnit', () => {
    const next = rng(9173);
    // cue words, their first units (a cue cut at a unit's end), numerals and date units, surrogates
    const pieces = [...WORDS, ...WORDS.map((w) => w[0]!), '2019', '5', '年', ' ', '甲', '，', '𠀀', '\ud840', '\udc00', '“', '《'];
    for (let round = 0; round < 1500; round++) {
      const text = randomText(next, pieces, 1 + Math.floor(next() * 16));
      const codes = readParagraph(text);
      // units anywhere in the paragraph: most end inside a cue or just before one
      for (let k = 0; k < 4; k++) {
        const a = Math.floor(next() * text.length);
        const b = a + 1 + Math.floor(next() * (text.length - a));
        const s = unitCopy(a, b);
        evict();
        const read = readUnitWithCuesAt(s, codes, a);
        const plain = readUnit(s);
        assert.deepEqual([read.keys, read.letters], [plain.keys, plain.letters], JSON.stringify([text, a, b]));
        for (const n of NAMES) {
          const list = SCAN[n].words;
          assert.equal(findCue(s, SCAN[n]), list.find((w) => s.includes(w)), `${n} ${JSON.stringify([text, a, b])}`);
          assert.equal(countCues(s, SCAN[n]), list.filter((w) => s.includes(w)).length, `${n} ${JSON.stringify([text, a, b])}`);
          const places = list.map((w) => s.indexOf(w)).filter((at) => at >= 0);
          assert.equal(firstCueAt(s, SCAN[n]), places.length ? Math.min(...places) : -1, `${n} ${JSON.stringify([text, a, b])}`);
        }
        assert.equal(hasDateWordsIn(s), hasDateWords(s), JSON.stringify([text, a, b]));
      }
      releaseParagraph();
    }
  });
});
