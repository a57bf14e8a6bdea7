import * as assert from 'node:assert/strict';
import { CandidateSink, Priority, type DetectContext } from '../../src/core/entities/candidates';
import { builtinLexicon, entityId } from '../../src/core/entities/lexicon';
import { lowerCase } from '../../src/core/entities/lowerCase';
import { resolveOverlaps } from '../../src/core/entities/resolve';
import { toSimplifiedView } from '../../src/core/script/normalize';

// Sentences written for these tests (never the seeds' text).
function context(text: string): DetectContext {
  const norm = toSimplifiedView(text).text;
  return { text, norm, form: lowerCase(norm), lexicon: builtinLexicon(), words: undefined };
}

describe('entities: the candidate sink cuts strings only when they are read', () => {
  it('gives each candidate the strings an eager copy would have', () => {
    const ctx = context('臺灣銀行與華為公司在北京簽約。');
    const sink = new CandidateSink(ctx);
    sink.add(0, 4, 'org', 'model', Priority.Tagger);
    sink.add(5, 9, 'org', 'suffix', Priority.Pattern, { weak: true });
    sink.add(10, 12, 'place', 'lexicon', Priority.Known, { canonical: '北京', short: true });
    const eager = [[0, 4, undefined], [5, 9, undefined], [10, 12, '北京']] as const;
    sink.all.forEach((c, k) => {
      const [start, end, given] = eager[k]!;
      const canonical = given ?? ctx.norm.slice(start, end);
      assert.equal(c.text, ctx.text.slice(start, end));
      assert.equal(c.canonical, canonical);
      assert.equal(c.entityId, entityId(c.type, canonical));
    });
    assert.equal(sink.all[0]!.text, '臺灣銀行');
    assert.equal(sink.all[0]!.canonical, '台湾银行');
  });

  it('resolves to plain mentions with every string as an own property, in the mentions\' key order', () => {
    const ctx = context('臺灣銀行與華為公司在北京簽約。');
    const sink = new CandidateSink(ctx);
    sink.add(10, 12, 'place', 'lexicon', Priority.Known, { short: true });
    sink.add(0, 4, 'org', 'lexicon', Priority.Known, { weak: true });
    sink.add(0, 2, 'place', 'lexicon', Priority.Known);
    const mentions = resolveOverlaps(sink.all);
    assert.equal(JSON.stringify(mentions), JSON.stringify([
      { start: 0, end: 4, text: '臺灣銀行', type: 'org', canonical: '台湾银行', entityId: 'org:台湾银行', source: 'lexicon', weak: true },
      { start: 10, end: 12, text: '北京', type: 'place', canonical: '北京', entityId: 'place:北京', source: 'lexicon', short: true },
    ]));
    for (const m of mentions) assert.equal(Object.getPrototypeOf(m), Object.prototype);
  });
});
