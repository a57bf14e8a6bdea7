import * as assert from 'node:assert/strict';
import type { EntityMention } from '../../src/core/entities/candidates';
import { LearnedNameTable } from '../../src/core/entities/learnedTable';
import { learnedNamesOf, repeatedMentions, type NameMatcher } from '../../src/core/entities/repeats';
import { lowerCase } from '../../src/core/entities/lowerCase';
import { rng } from '../support/anchorSimulation';

/**
 * repeatedMentions as it was written before nextMayMatch, asking at every unit: the reference.
 * With `filter`, it skips where mayMatchAt does not hold; without, it asks match itself everywhere.
 */
function reference(text: string, form: string, names: NameMatcher, found: readonly EntityMention[], filter = true): string[] {
  const taken = new Uint8Array(text.length + 1);
  for (const m of found) taken.fill(1, m.start, Math.min(m.end, text.length + 1));
  const out: string[] = [];
  for (let i = 0; i < form.length; ) {
    if (filter && !names.mayMatchAt(form, i)) {
      i++;
      continue;
    }
    const hit = names.match(form, i);
    if (hit && !taken.subarray(i, Math.min(i + hit.length, text.length + 1)).includes(1)) {
      out.push(`${i}-${i + hit.length} ${hit.entry.id}`);
      i += hit.length;
    } else i++;
  }
  return out;
}

const NAMES = ['林晓雨', '星河科技', 'OpenAI', 'GPT-4', '王', '智远', '𠀀名', '阿里·哈恩', '林小', '星空', '臺北', '😀x'];
const PIECES = [...NAMES, '林', '晓雨', '星河', 'open', 'OpenAIs', 'gpt-40', '在成都', '，', '。', ' ', '\r\n', '\ufeff', '😀', '\ud800', '\udc00', 'İ', 'a', '1',
  '林晓', '星', '臺', '台北', '北', '𠀀', 'X', 'Ｘ'];

describe('entities: the repeats of learned names found by a scan of the table', () => {
  it('nextMayMatch is the first position at or after its start where mayMatchAt holds', () => {
    const table = new LearnedNameTable(NAMES.map((n, k) => ({ id: `org:${k}`, canonical: n, type: 'org' as const, aliases: [n] })));
    const next = rng(41);
    for (let t = 0; t < 2000; t++) {
      let form = '';
      for (let n = Math.floor(next() * 20); n > 0; n--) form += lowerCase(PIECES[Math.floor(next() * PIECES.length)]!);
      for (let from = -1; from <= form.length + 1; from++) {
        let want = Math.max(from, 0);
        while (want < form.length && !table.mayMatchAt(form, want)) want++;
        assert.equal(table.nextMayMatch(form, from), Math.min(want, form.length), `${JSON.stringify(form)} from ${from}`);
      }
    }
  });

  it('mayMatchAt is false only where match finds no name, and rules out most units that start one', () => {
    const table = new LearnedNameTable(NAMES.map((n, k) => ({ id: `org:${k}`, canonical: n, type: 'org' as const, aliases: [n] })));
    const next = rng(47);
    let ruledOut = 0;
    let firstUnits = 0;
    const firsts = new Set(NAMES.map((n) => lowerCase(n).charCodeAt(0)));
    for (let t = 0; t < 2000; t++) {
      let form = '';
      for (let n = Math.floor(next() * 20); n > 0; n--) form += lowerCase(PIECES[Math.floor(next() * PIECES.length)]!);
      for (let i = -1; i <= form.length; i++) {
        if (table.match(form, i) !== undefined) assert.ok(table.mayMatchAt(form, i), `${JSON.stringify(form)} at ${i}`);
        else if (firsts.has(form.charCodeAt(i))) {
          firstUnits++;
          if (!table.mayMatchAt(form, i)) ruledOut++;
        }
      }
    }
    // (the pairs of units do rule out: a mutant that passed every first unit would not)
    assert.ok(ruledOut > firstUnits / 4, `${ruledOut} of ${firstUnits}`);
  });

  it('finds what a scan asking at every unit finds after a call that threw with its map marked', () => {
    const names = learnedNamesOf([{ start: 0, end: 3, text: '林晓雨', type: 'person', canonical: '林晓雨', entityId: 'person:林晓雨', source: 'model' }])!;
    const text = '林晓雨在成都，林晓雨说';
    const want = reference(text, text, names.lexicon, []);
    assert.equal(want.length, 2);
    const throwing: NameMatcher = { mayMatchAt: () => true, nextMayMatch: (_form, from) => from, match: () => { throw new Error('unreadable'); } };
    const all: EntityMention[] = [{ start: 0, end: text.length, text, type: 'org', canonical: text, entityId: 'org:x', source: 'model' }];
    assert.throws(() => repeatedMentions(text, text, throwing, all), /unreadable/);
    assert.deepEqual(repeatedMentions(text, text, names.lexicon, []).map((m) => `${m.start}-${m.end} ${m.entityId}`), want);
  });

  it('finds what a scan asking at every unit finds, on random and hostile texts', () => {
    const next = rng(43);
    let repeats = 0;
    for (let t = 0; t < 2000; t++) {
      const learned: EntityMention[] = NAMES.filter(() => next() < 0.5).map((n) => ({ start: 0, end: n.length, text: n, type: 'org', canonical: n, entityId: `org:${n}`, source: 'model' }));
      const names = learnedNamesOf(learned);
      if (!names) continue;
      let text = '';
      for (let n = 1 + Math.floor(next() * 16); n > 0; n--) text += PIECES[Math.floor(next() * PIECES.length)]!;
      const form = lowerCase(text);
      const found: EntityMention[] = next() < 0.5 ? [] : [{ ...learned[0]!, start: Math.floor(next() * text.length), end: Math.floor(next() * (text.length + 3)) }];
      const got = repeatedMentions(text, form, names.lexicon, found).map((m) => `${m.start}-${m.end} ${m.entityId}`);
      assert.deepEqual(got, reference(text, form, names.lexicon, found), JSON.stringify(text));
      // and what match alone finds, asked at every unit: mayMatchAt rules out no name
      assert.deepEqual(got, reference(text, form, names.lexicon, found, false), JSON.stringify(text));
      repeats += got.length;
    }
    assert.ok(repeats > 1000, `only ${repeats} repeats: the texts do not reach the names`);
  });
});
