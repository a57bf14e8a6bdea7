import * as assert from 'node:assert/strict';
import { createAnchor, resolveAnchor } from '../../src/core/sidecar/anchor';
import { AnchorMemo, changedStretch } from '../../src/core/sidecar/anchorMemo';
import type { Anchor } from '../../src/core/sidecar/model';
import { OffsetIndex } from '../../src/core/text/offsets';
import { rng } from '../support/anchorSimulation';
import { fixtureCorpusArticle } from '../support/fixtureCorpus';

const article = fixtureCorpusArticle();

describe('re-anchoring while typing (AnchorMemo)', () => {
  it('finds the stretch two texts differ in', () => {
    const a = 'x'.repeat(9000) + 'abc' + 'y'.repeat(5000);
    assert.deepEqual(changedStretch(a, a), { start: a.length, oldEnd: a.length, newEnd: a.length });
    assert.deepEqual(changedStretch(a, 'x'.repeat(9000) + 'aZZc' + 'y'.repeat(5000)), { start: 9001, oldEnd: 9002, newEnd: 9003 });
    assert.deepEqual(changedStretch(a, 'x'.repeat(8999) + 'abc' + 'y'.repeat(5000)), { start: 8999, oldEnd: 9000, newEnd: 8999 });
    assert.deepEqual(changedStretch('aa', 'aaa'), { start: 2, oldEnd: 2, newEnd: 3 });
  });

  it('a U+FEFF inside or at the start of the text is a character: the memo and resolveAnchor both land on the annotated words', () => {
    // Traditional lines, so that the text folds (the decoder dropped a U+FEFF that began a folded stretch)
    const first = '記者昨日從縣政府獲悉該縣將於明年春季開始修建一條新的環城公路以減輕老城區的交通壓力並改善沿線村莊的出行條件';
    const second = '據縣交通局介紹這條公路的線路方案經過了多次專家論證並廣泛徵求了沿線群眾的意見全長約四十公里總投資預計達到十二億元其中省級財政補助佔三成其餘由縣財政自籌解決並計劃在三年內建成通車';
    const third = '此外居民可以登錄政府網站查閱線路走向和徵地補償方案對方案有意見的可在公示期內向有關部門書面反映';
    const words = '總投資預計達到十二億元';
    let checked = 0;
    for (let k = 0; k <= first.length; k += 3) {
      const head = first.slice(0, k) + '\ufeff' + first.slice(k);
      const before = [head, second, third, ''].join('\n');
      const after = [head, third, second, ''].join('\n');
      const i0 = new OffsetIndex(before);
      const at = before.indexOf(words);
      const anchor = createAnchor(before, i0.toCodePoint(at), i0.toCodePoint(at + words.length), i0);
      const memo = new AnchorMemo();
      memo.resolver(before, i0)(anchor);
      const i1 = new OffsetIndex(after);
      const viaMemo = memo.resolver(after, i1)(anchor);
      const direct = resolveAnchor(after, anchor, i1);
      assert.deepEqual(viaMemo, direct, `U+FEFF at ${k}`);
      assert.ok(direct.status !== 'orphan');
      assert.equal(after.slice(i1.toUtf16(direct.start), i1.toUtf16(direct.end)), words, `U+FEFF at ${k}`);
      checked++;
    }
    assert.ok(checked > 10);
    // the text itself begins with U+FEFF (a byte order mark left in the text)
    const text = '\ufeff' + [first, third, second].join('\n');
    const plain = [first, second, third].join('\n');
    const ip = new OffsetIndex(plain);
    const at = plain.indexOf(words);
    const anchor = createAnchor(plain, ip.toCodePoint(at), ip.toCodePoint(at + words.length), ip);
    const it = new OffsetIndex(text);
    const r = resolveAnchor(text, anchor, it);
    assert.ok(r.status !== 'orphan');
    assert.equal(text.slice(it.toUtf16(r.start), it.toUtf16(r.end)), words);
  });

  it("equals resolveAnchor on every version while typing, pasting the annotated words elsewhere and editing next to them, in a text that repeats itself", function () {
    this.timeout(120_000);
    const random = rng(19);
    const pick = (n: number) => Math.floor(random() * n);
    // four copies of the article: words with all their context stand at several places
    let text = [article, article, article, article].join('\n');
    const anchors: Anchor[] = [];
    for (let k = 0; k < 24; k++) {
      const start = pick(text.length - 40);
      anchors.push(createAnchor(text, start, start + 2 + pick(8)));
    }
    const memo = new AnchorMemo();
    let placed = 0;
    for (let step = 0; step < 300; step++) {
      const r = random();
      const at = pick(text.length);
      if (r < 0.6) text = text.slice(0, at) + '补充一句'.slice(0, 1 + pick(4)) + text.slice(at);
      else if (r < 0.75) text = text.slice(0, at) + text.slice(at + 1 + pick(6));
      else if (r < 0.9) {
        // the words of an annotation with their context, pasted elsewhere (a second place for them)
        const a = anchors[pick(anchors.length)]!;
        text = text.slice(0, at) + a.prefix + a.quote + a.suffix + text.slice(at);
      } else {
        // an edit inside an annotation's context
        const a = anchors[pick(anchors.length)]!;
        const where = text.indexOf(a.prefix + a.quote);
        if (where >= 0) text = text.slice(0, where + 3) + '改' + text.slice(where + 3);
      }
      const index = new OffsetIndex(text);
      const resolve = memo.resolver(text, index);
      for (const [k, a] of anchors.entries()) {
        const got = resolve(a);
        assert.deepEqual(got, resolveAnchor(text, a, index), `step ${step}, anchor ${k}`);
        if (got.status !== 'orphan') placed++;
      }
    }
    assert.ok(memo.shortcuts > 1000 && placed > 2000, `${memo.shortcuts} shortcuts, ${placed} placed`);
  });
});
