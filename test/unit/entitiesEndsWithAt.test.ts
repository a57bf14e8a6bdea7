import * as assert from 'node:assert/strict';
import { endsWithAt } from '../../src/core/entities/textAt';
import { UNIT_ENDS } from '../../src/core/entities/sources/orgBounds';
import { GENERIC_HEADS, TEAM_CUES_BEFORE, isOutletName, isSideInMatch } from '../../src/core/entities/kinds';

/** A small deterministic generator: the same hostile texts on every run. */
function generator(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x100000000;
  };
}

const PIECES = ['中心', '委员会', '公司', '战胜', '日报', '𠀀', '😀', '\ud800', '\udc00', '\r\n', '\ufeff', 'a', 'Z', '心', '会', '队', '云', '报', ' ', '。', '', 'x\u0301'];

function randomText(next: () => number, pieces: number): string {
  let s = '';
  for (let k = 0; k < pieces; k++) s += PIECES[Math.floor(next() * PIECES.length)]!;
  return s;
}

describe('entities: endsWithAt (String.prototype.endsWith by unit)', () => {
  it('agrees with endsWith on random and hostile texts, at every end, before and past the text', () => {
    const next = generator(19);
    const suffixes = [...PIECES, ...UNIT_ENDS, ...GENERIC_HEADS, ...TEAM_CUES_BEFORE, '𠀀中心', '\udc00中'];
    for (let t = 0; t < 300; t++) {
      const s = randomText(next, Math.floor(next() * 12));
      for (const suffix of suffixes) {
        for (let end = -3; end <= s.length + 3; end++) assert.equal(endsWithAt(s, suffix, end), s.endsWith(suffix, end), `${JSON.stringify(s)} ${JSON.stringify(suffix)} ${end}`);
      }
    }
  });
  it('leaves the rules that read it as they were: outlets and sides in a match', () => {
    assert.equal(isOutletName('北京商报'), true);
    assert.equal(isOutletName('商报'), false);
    assert.equal(isOutletName('科创板日报'), true);
    assert.equal(isOutletName('日报社论'), false);
    assert.equal(isSideInMatch('球队战胜某城。', 4, 6), true);
    assert.equal(isSideInMatch('球队战胜某城的选手', 4, 6), false);
    assert.equal(isSideInMatch('𠀀战胜某城，', 4, 6), true);
  });
});
