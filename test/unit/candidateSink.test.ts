import * as assert from 'node:assert/strict';
import { CandidateSink, Priority, mayHoldLink, type DetectContext } from '../../src/core/entities/candidates';
import { RULE_STARTS, detectEntities } from '../../src/core/entities/detect';
import { isSpace } from '../../src/core/entities/kinds';
import { builtinLexicon, entityId, Lexicon } from '../../src/core/entities/lexicon';
import { MarkLists } from '../../src/core/entities/unitStarts';
import type { LexiconEntry } from '../../src/core/entities/lexiconEntry';
import { lowerCase } from '../../src/core/entities/lowerCase';

function entry(canonical: string, type: LexiconEntry['type'], id = entityId(type, canonical)): LexiconEntry {
  return { id, canonical, type, aliases: [], shortForms: [], shortFormsStandAlone: false, groupNames: false, notBefore: [], origin: 'workspace' };
}

describe('candidate sink and the rule sources’ fast paths', () => {
  it('rules out a link only where the link pattern finds none (mayHoldLink)', () => {
    const link = /(?:https?:\/\/|www\.)[\x21-\x7e]+/gi;
    const lexicon = builtinLexicon();
    const marks = new MarkLists(4);
    const pieces = ['', 'w', 'W', 'ww', 'WwW', '.', ':', '//', 'http', 'HTTPS', 'ſ', 'K', '\u212a', 'ｗｗｗ', '．', '：//', '\ud800', '\udc00', '𠀀', '\r\n', '\ufeff', '网', 'x', '3'];
    let cases = 0;
    for (const a of pieces) for (const b of pieces) for (const c of pieces) for (const d of ['', '.', '://', 'www.', 'a.b']) {
      for (const t of [a + b + c + d, d + a + b + c, a + d + b + c]) {
        cases++;
        if ([...t.matchAll(link)].length > 0) assert.ok(mayHoldLink(t), JSON.stringify(t));
        // by the marks of the rule sources, as detectEntitiesBatch gives them, it answers the same
        marks.reset(1024);
        assert.equal(mayHoldLink(t, RULE_STARTS.mark(t, lowerCase(t), lexicon, marks)), mayHoldLink(t), JSON.stringify(t));
      }
    }
    assert.ok(cases > 10_000);
    assert.equal(mayHoldLink('见www.example.com'), true);
    assert.equal(mayHoldLink('HTTP://T.CN/x'), true);
    assert.equal(mayHoldLink('营收5.45亿，同比增长w.'), false);
  });

  it('isSpace is /\\s/ for every UTF-16 unit', () => {
    for (let c = 0; c <= 0xffff; c++) assert.equal(isSpace(c), /\s/.test(String.fromCharCode(c)), c.toString(16));
  });

  it('drops a candidate exactly where the plain test (the lower-cased text in the ignore set) does, with few or many ignored strings', () => {
    const text = 'OpenAI与星河、星河科技和İstanbul，ＡＢ计划，abc、ABC和Abc，ZQ与Zq';
    for (const ignore of [['openai', '星河', 'i̇stanbul', 'ａｂ', 'abc'], ['openai', '星河', 'i̇stanbul', 'ａｂ', 'abc', ...'一二三四五六七八九'.split('').map((c) => c + c)]]) {
      const lexicon = new Lexicon([entry('某某', 'org')], ignore);
      const ctx: DetectContext = { text, norm: text, form: text.toLowerCase(), lexicon, words: undefined };
      const sink = new CandidateSink(ctx);
      const expected: string[] = [];
      for (let s = 0; s < text.length; s++) {
        for (let e = s + 1; e <= Math.min(text.length, s + 9); e++) {
          sink.add(s, e, 'org', 'suffix', Priority.Pattern);
          if (!lexicon.ignore.has(lowerCase(text.slice(s, e)))) expected.push(`${s}-${e}`);
        }
      }
      assert.deepEqual(sink.all.map((c) => `${c.start}-${c.end}`), expected);
      assert.ok(!expected.includes('0-6') && !expected.includes('7-9'));
    }
  });

  it('gives a lexicon mention the id of its type and canonical name, even from an entry whose id says otherwise', () => {
    const lexicon = new Lexicon([entry('星河科技', 'org', 'odd-id'), entry('远望咨询', 'org')]);
    const found = detectEntities('星河科技和远望咨询', lexicon, { model: false });
    assert.deepEqual(found.map((m) => m.entityId), ['org:星河科技', 'org:远望咨询']);
  });
});
