import * as assert from 'node:assert/strict';
import { UNIT_ENDS, endsInUnit } from '../../src/core/entities/sources/orgBounds';
import { rng } from '../support/anchorSimulation';

describe('entities: an organisation ending in a unit of a larger body, asked by unit', () => {
  it('endsInUnit is UNIT_ENDS.some over the slice, at every span of random and hostile texts', () => {
    const pieces = [...UNIT_ENDS, '中', '心', '会', '委员', '研究', '所', '室', '某某大学', '，', '𠀀', '\ud800', '\udc00', 'a'];
    const next = rng(47);
    let ends = 0;
    for (let t = 0; t < 400; t++) {
      let norm = '';
      for (let n = Math.floor(next() * 8); n > 0; n--) norm += pieces[Math.floor(next() * pieces.length)]!;
      for (let start = -2; start <= norm.length + 1; start++) {
        for (let end = start - 1; end <= norm.length + 2; end++) {
          const name = norm.slice(start, end);
          const want = UNIT_ENDS.some((u) => name.endsWith(u) && name.length > u.length);
          assert.equal(endsInUnit(norm, start, end), want, `${JSON.stringify(norm)} ${start}-${end}`);
          if (want) ends++;
        }
      }
    }
    assert.ok(ends > 1000, `only ${ends} spans ending in a unit`);
  });
});
