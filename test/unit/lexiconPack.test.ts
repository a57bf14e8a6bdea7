import * as assert from 'node:assert/strict';
import { builtinLexiconPacked } from '../../src/core/entities/builtinLexiconSource';
import { builtinLexicon, builtinLexiconFromYaml, entityId, Lexicon, matchForm, type LexiconEntry } from '../../src/core/entities/lexicon';
import { unpackLexicon, type PackedLexicon } from '../../src/core/entities/lexiconPack';

function entry(canonical: string, type: LexiconEntry['type'], more: Partial<LexiconEntry> = {}): LexiconEntry {
  return { id: entityId(type, canonical), canonical, type, aliases: [], shortForms: [], shortFormsStandAlone: false, groupNames: false, notBefore: [], origin: 'workspace', ...more };
}

/** The lexicon restored from its stored form, as builtinLexicon restores the built-in one. */
function restore(packed: PackedLexicon): Lexicon {
  // through JSON, as it is stored
  const r = unpackLexicon(JSON.parse(JSON.stringify(packed)) as PackedLexicon);
  assert.ok(r);
  return new Lexicon(r.entries, r.ignore, r.suppress, r.trie);
}

/** Both lexicons find the same alias (entry, id, kind, length) at every position of `form`; returns the hits. */
function sameEverywhere(built: Lexicon, restored: Lexicon, form: string): number {
  let hits = 0;
  for (let i = 0; i < form.length; i++) {
    const a = built.match(form, i);
    const b = restored.match(form, i);
    assert.deepEqual(b, a, `at ${i}: ${form.slice(i, i + 12)}`);
    assert.equal(restored.mayMatchAt(form, i), built.mayMatchAt(form, i), `mayMatchAt ${i}`);
    if (a) hits++;
  }
  return hits;
}

describe('the stored lexicon (lexiconPack.ts)', () => {
  it('is up to date with data/builtin.lexicon.yaml (else run `node scripts/pack-lexicon.mjs`)', () => {
    const packed = builtinLexiconPacked();
    assert.ok(packed, 'data/builtin.lexicon.packed.json holds the stored lexicon');
    assert.deepEqual(packed, builtinLexiconFromYaml().pack());
  });

  it('restores the built-in lexicon as built from its YAML: entries, ignored strings and a match at every position', () => {
    const built = builtinLexiconFromYaml();
    const restored = builtinLexicon();
    assert.notEqual(restored, built);
    assert.deepEqual(restored.entries, built.entries);
    assert.deepEqual([...restored.ignore], [...built.ignore]);
    assert.deepEqual([...restored.suppressed], [...built.suppressed]);
    assert.equal(restored.entry('org:阿里巴巴')?.note, built.entry('org:阿里巴巴')?.note);
    const names = built.entries.flatMap((e) => [e.canonical, ...e.aliases, ...e.shortForms]).map(matchForm);
    const form = [names.join('，'), names.join(''), names.map((n) => n.slice(0, -1)).join('的'), names.map((n) => `x${n}9`).join(' '), '其他文字abc'].join('\n');
    assert.ok(sameEverywhere(built, restored, form) > 5000);
  });

  it('restores a small lexicon of workspace entries: notes, links, short forms, Latin names, ignored and replaced names', () => {
    const built = new Lexicon([
      entry('星河', 'org', { shortForms: ['星'], origin: 'builtin', groupNames: true }),
      entry('星河科技', 'org', { aliases: ['星河科技公司', '星河科'], note: '一家公司', link: 'https://example.org/x' }),
      entry('星河', 'product', { shortForms: ['星河'], shortFormsStandAlone: true, notBefore: ['号'] }),
      entry('Nova', 'product', { aliases: ['nova 2'] }),
      entry('NovaX', 'org'),
      entry('星河', 'org', { aliases: ['银河'] }),
    ], ['星河科'], ['不存在']);
    const restored = restore(built.pack());
    assert.deepEqual(restored.entries, built.entries);
    assert.deepEqual(restored.pack(), built.pack());
    assert.ok(sameEverywhere(built, restored, '星河科技公司的星河，银河星星河科技号，nova 2和novax，supernova与nova2，星') > 5);
    assert.ok(sameEverywhere(built, restored, '') === 0);
  });

  it('is not read at another version (the lexicon is built instead)', () => {
    assert.equal(unpackLexicon({ ...builtinLexiconFromYaml().pack(), version: 0 }), undefined);
  });
});
