import * as assert from 'node:assert/strict';
import type { Candidate, EntityMention } from '../../src/core/entities/candidates';
import { ADDRESS_ENDS } from '../../src/core/entities/places';
import { learnedNamesOf, repeatedMentions } from '../../src/core/entities/repeats';
import { resolveOverlaps } from '../../src/core/entities/resolve';
import { Priority } from '../../src/core/entities/candidates';

function candidate(start: number, end: number, canonical: string, type: Candidate['type'] = 'org', source: Candidate['source'] = 'lexicon'): Candidate {
  return { start, end, text: canonical, type, canonical, entityId: `${type}:${canonical}`, source, priority: Priority.Known };
}

const spans = (ms: readonly EntityMention[]) => ms.map((m) => `${m.start}-${m.end} ${m.canonical}`);

describe('entity maps shared by the calls (no typed array per paragraph)', () => {
  it('resolveOverlaps after a longer paragraph that filled its map keeps what a first call keeps', () => {
    const short = () => [candidate(0, 2, '甲乙'), candidate(3, 5, '丙丁'), candidate(4, 6, '丁戊')];
    const first = spans(resolveOverlaps(short()));
    assert.deepEqual(first, ['0-2 甲乙', '3-5 丙丁']);
    // a paragraph of 3000 units with a mention at every position: the whole map is taken
    resolveOverlaps(Array.from({ length: 1500 }, (_, k) => candidate(2 * k, 2 * k + 2, `名${k}`)));
    assert.deepEqual(spans(resolveOverlaps(short())), first);
  });

  it('repeatedMentions after a longer paragraph that filled its map finds what a first call finds', () => {
    const learned: EntityMention = { start: 0, end: 3, text: '林晓雨', type: 'person', canonical: '林晓雨', entityId: 'person:林晓雨', source: 'model' };
    const names = learnedNamesOf([learned])!;
    const text = '后来林晓雨在成都。';
    const first = spans(repeatedMentions(text, text, names.lexicon, []));
    assert.deepEqual(first, ['2-5 林晓雨']);
    const long = '林晓雨'.repeat(1000);
    repeatedMentions(long, long, names.lexicon, [{ ...learned, start: 0, end: long.length }]);
    assert.deepEqual(spans(repeatedMentions(text, text, names.lexicon, [])), first);
    // what is found already is not found again, and a mention ending past the paragraph takes nothing more
    assert.deepEqual(spans(repeatedMentions(text, text, names.lexicon, [{ ...learned, start: 2, end: 5 }])), []);
  });

  it('a place ending in an address unit, inside a longer name, gives way to it (ADDRESS_ENDS by unit)', () => {
    for (const end of ADDRESS_ENDS) {
      // the shorter place is the stronger one (the lexicon's): only the longer place being an address (its last character) makes it give way
      const outer = { ...candidate(0, 5, `某某某某${end}`, 'place', 'model'), priority: Priority.Tagger };
      const inner = candidate(0, 2, '某某', 'place', 'lexicon');
      assert.deepEqual(resolveOverlaps([outer, inner]).map((m) => `${m.start}-${m.end}`), ['0-5'], end);
      const plain = { ...outer, canonical: '某某某某某' };
      assert.deepEqual(resolveOverlaps([plain, inner]).map((m) => `${m.start}-${m.end}`), ['0-2'], end);
    }
  });
});
