import * as assert from 'node:assert/strict';
import { builtinLexicon, entityId, Lexicon, matchForm, type LexiconEntry } from '../../src/core/entities/lexicon';

/**
 * The plain reference of Lexicon.match: every alias in a Map by its text (no trie), each key's
 * list kept as the constructor keeps it, and the longest key at i with an alias that may stand
 * there (a Latin one not inside a Latin word).
 */
function referenceMatch(lexicon: Lexicon): (form: string, i: number) => { id: string; length: number; short: boolean } | undefined {
  const byKey = new Map<string, Array<{ entry: LexiconEntry; short: boolean; latin: boolean }>>();
  let longest = 0;
  for (const entry of lexicon.entries) {
    const add = (raw: string, short: boolean) => {
      const alias = matchForm(raw);
      if (!alias || lexicon.ignore.has(alias)) return;
      const list = (byKey.get(alias) ?? []).filter((a) => a.entry.id !== entry.id || a.short !== short);
      list.unshift({ entry, short, latin: /^[a-z0-9]/.test(alias) });
      byKey.set(alias, list);
      longest = Math.max(longest, alias.length);
    };
    add(entry.canonical, false);
    for (const a of entry.aliases) add(a, false);
    for (const a of entry.shortForms) add(a, !entry.shortFormsStandAlone);
  }
  const latinChar = (c: string | undefined) => c !== undefined && /[a-z0-9A-Z]/.test(c);
  return (form, i) => {
    for (let length = Math.min(longest, form.length - i); length >= 1; length--) {
      const list = byKey.get(form.slice(i, i + length));
      const hit = list?.find((a) => !a.latin || (!latinChar(form[i - 1]) && !latinChar(form[i + length])));
      if (hit) return { id: entityId(hit.entry.type, hit.entry.canonical), length, short: hit.short };
    }
    return undefined;
  };
}

function entry(canonical: string, type: LexiconEntry['type'], more: Partial<LexiconEntry> = {}): LexiconEntry {
  return { id: entityId(type, canonical), canonical, type, aliases: [], shortForms: [], shortFormsStandAlone: false, groupNames: false, notBefore: [], origin: 'workspace', ...more };
}

function compareEverywhere(lexicon: Lexicon, form: string): number {
  const reference = referenceMatch(lexicon);
  let hits = 0;
  for (let i = 0; i < form.length; i++) {
    const hit = lexicon.match(form, i);
    const expected = reference(form, i);
    assert.deepEqual(hit && { id: hit.id, length: hit.length, short: hit.short }, expected, `at ${i}: ${form.slice(i, i + 12)}`);
    if (hit) {
      hits++;
      assert.ok(lexicon.mayMatchAt(form, i), `mayMatchAt ${i}`);
    }
  }
  return hits;
}

describe('the lexicon trie (flat, hashed edges) against a plain map of aliases', () => {
  it('finds the same longest alias at every position of a text made of the built-in names', () => {
    const lexicon = builtinLexicon();
    const names = lexicon.entries.flatMap((e) => [e.canonical, ...e.aliases, ...e.shortForms]).map(matchForm);
    // names alone, run together (keys that start inside others), cut short, and beside Latin letters
    const form = [names.join('，'), names.join(''), names.map((n) => n.slice(0, -1)).join('的'), names.map((n) => `x${n}9`).join(' ')].join('\n');
    assert.ok(compareEverywhere(lexicon, form) > 5000);
  });

  it('finds the same in a small lexicon (no table of first units), with shared keys, a prefix chain and Latin names', () => {
    const lexicon = new Lexicon([
      entry('星河', 'org', { shortForms: ['星'] }),
      entry('星河科技', 'org', { aliases: ['星河科技公司'] }),
      entry('星河', 'product', { shortForms: ['星河'] }),
      entry('Nova', 'product', { aliases: ['nova 2'] }),
      entry('NovaX', 'org'),
    ], ['星河科'], []);
    const form = '星河科技公司的星河，星星河科技，nova 2和novax，supernova与nova2，星';
    assert.ok(compareEverywhere(lexicon, form) > 5);
    assert.equal(lexicon.match('', 0), undefined);
    assert.equal(lexicon.mayMatchAt('月', 0), false);
  });
});
