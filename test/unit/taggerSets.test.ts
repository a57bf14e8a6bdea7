import * as assert from 'node:assert/strict';
import {
  ADVERB_AFTER_NAME, ADVERB_AFTER_UNIT, AFTER_ONCE, AFTER_ONCE_UNIT, FACILITY_LAST, FACILITY_NAMES, FUNCTION_SURNAMES, FUNCTION_SURNAME_UNIT, GLUED_FOURTH, GLUED_FOURTH_UNIT,
  INSTITUTION_LAST, LATIN_STOP_FIRST, NEVER_FIRST, NEVER_FIRST_UNIT, NEVER_LAST, NEVER_LAST_UNIT, NOT_PLACES, NOT_PLACE_LAST, PLACE_ENDS, PLACE_END_UNIT, TRANSLITERATION,
  TRANSLITERATION_UNIT, unitIn, unitIs,
} from '../../src/core/entities/sources/taggerSets';
import { GENERIC_INSTITUTIONS, LATIN_STOP } from '../../src/core/entities/kinds';

describe("entities: the unit flags of the tagger proposals' sets", () => {
  const characterSets: Array<[ReadonlySet<string>, number]> = [
    [NEVER_LAST, NEVER_LAST_UNIT], [NEVER_FIRST, NEVER_FIRST_UNIT], [AFTER_ONCE, AFTER_ONCE_UNIT], [GLUED_FOURTH, GLUED_FOURTH_UNIT],
    [TRANSLITERATION, TRANSLITERATION_UNIT], [ADVERB_AFTER_NAME, ADVERB_AFTER_UNIT], [FUNCTION_SURNAMES, FUNCTION_SURNAME_UNIT], [PLACE_ENDS, PLACE_END_UNIT],
  ];
  // every member of every set, astral characters, lone surrogates, CRLF, a BOM, Latin and marks
  const pool = [...new Set([...characterSets.flatMap(([set]) => [...set]), '𠀀', '😀', '\ud800', '\udc00', '\r', '\n', '\ufeff', 'a', 'A', '。', '中', ' '])];
  let seed = 17;
  const random = (n: number) => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n;
  const texts = Array.from({ length: 500 }, () => Array.from({ length: random(12) }, () => pool[random(pool.length)]).join(''));

  it('say of each unit of a text, and of no unit past its ends, whether it is a character of each set', () => {
    for (const s of texts)
      for (let k = -1; k <= s.length; k++)
        for (const [set, flag] of characterSets) assert.equal(unitIn(s, k, flag), k >= 0 && k < s.length && set.has(s[k]!), `${JSON.stringify(s)} ${k} ${flag}`);
  });
  it('mark the last (or first) unit of every word of the word sets', () => {
    const wordSets: Array<[Iterable<string>, number, boolean]> = [
      [GENERIC_INSTITUTIONS, INSTITUTION_LAST, true], [FACILITY_NAMES, INSTITUTION_LAST, true], [FACILITY_NAMES, FACILITY_LAST, true], [LATIN_STOP, LATIN_STOP_FIRST, false], [NOT_PLACES, NOT_PLACE_LAST, true],
    ];
    for (const [words, flag, last] of wordSets) {
      let count = 0;
      for (const w of words) {
        count++;
        assert.ok(unitIs(w.charCodeAt(last ? w.length - 1 : 0), flag), `${w} ${flag}`);
      }
      assert.ok(count > 0, `${flag}`);
    }
    assert.equal(unitIs(NaN, INSTITUTION_LAST), false);
  });
});
