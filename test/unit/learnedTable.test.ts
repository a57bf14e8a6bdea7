import * as assert from 'node:assert/strict';
import { LearnedNameTable, type LearnedEntry } from '../../src/core/entities/learnedTable';
import { Lexicon, matchForm } from '../../src/core/entities/lexicon';

/** Learned entries with what makes matching hard: nested names, a name of two entries, Latin names, Traditional spellings. */
const ENTRIES: LearnedEntry[] = [
  { id: 'person:林晓雨', canonical: '林晓雨', type: 'person', aliases: ['林曉雨'] },
  { id: 'org:星河', canonical: '星河', type: 'org', aliases: ['星河'] },
  { id: 'org:星河科技', canonical: '星河科技', type: 'org', aliases: ['星河科技'] },
  { id: 'org:星河科技集团', canonical: '星河科技集团', type: 'org', aliases: ['星河科技集團'] },
  { id: 'product:Nova', canonical: 'Nova', type: 'product', aliases: ['NOVA', 'Nova'] },
  { id: 'product:Nova 2', canonical: 'Nova 2', type: 'product', aliases: ['Nova 2'] },
  { id: 'org:青禾', canonical: '青禾', type: 'org', aliases: ['青禾'] },
  // a spelling two entries share: the later one's
  { id: 'person:青禾', canonical: '青禾', type: 'person', aliases: ['靑禾'] },
  { id: 'work:甲', canonical: '甲', type: 'work', aliases: ['甲乙丙丁'] },
];

/** The plain reference: a Lexicon of the same entries, in order. */
const reference = new Lexicon(ENTRIES.map((e) => ({ ...e, aliases: [...e.aliases], shortForms: [], shortFormsStandAlone: false, groupNames: false, notBefore: [], origin: 'builtin' as const })));

const TEXTS = [
  '林晓雨说，星河科技集团和星河科技、星河都在，星河科技集團的NOVA与Nova 2，Novas不算，aNova也不算，Nova2呢？',
  '青禾和靑禾，甲乙丙丁甲乙丙，甲。林曉雨在成都见到了星河科技集团的负责人。nova 2 nova',
];

function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 48271) % 2147483647) / 2147483647;
}

describe('the learned names table matches as a Lexicon of the same entries', () => {
  it('finds the same name (entity and length) at every position of texts and of random mixes of their pieces', () => {
    const next = random(11);
    const pieces = ['林晓雨', '星河', '科技', '集团', 'Nova', ' 2', 's', 'a', '青禾', '靑', '甲乙', '丙丁', '，', '2'];
    const texts = [...TEXTS];
    for (let k = 0; k < 200; k++) texts.push(Array.from({ length: 12 }, () => pieces[Math.floor(next() * pieces.length)]).join(''));
    const table = new LearnedNameTable(ENTRIES);
    let hits = 0;
    for (const text of texts) {
      const form = matchForm(text);
      for (let i = 0; i < form.length; i++) {
        const want = reference.mayMatchAt(form, i) ? reference.match(form, i) : undefined;
        const got = table.mayMatchAt(form, i) ? table.match(form, i) : undefined;
        assert.equal(got?.entry.id, want?.entry.id, `${text} at ${i}`);
        assert.equal(got?.length, want?.length, `${text} at ${i}`);
        if (want) hits++;
      }
    }
    assert.ok(hits > 500);
  });
});
