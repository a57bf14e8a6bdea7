import * as assert from 'node:assert/strict';
import { createAnchor } from '../../src/core/sidecar/anchor';
import { checkSidecar, settleAnchors } from '../../src/core/sidecar/check';
import { annotationId } from '../../src/core/sidecar/ids';
import type { Annotation } from '../../src/core/sidecar/model';
import { emptySidecar } from '../../src/core/sidecar/store';
import { formatSidecar, parseSidecar, updateSidecarText } from '../../src/core/sidecar/yamlIO';

const TEXT = '星河科技营收为1532.40亿元，同比增长6%。 \n董事长陈立峰表示：“云计算是引擎。”\n';

function annotation(text: string, quote: string, kind: Annotation['kind'] = 'figure'): Annotation {
  const start = [...text.slice(0, text.indexOf(quote))].length;
  const anchor = createAnchor(text, start, start + [...quote].length);
  return { id: annotationId(kind, start, quote, new Set()), kind, status: 'accepted', ...anchor };
}

const trailingLines = (s: string) => s.split('\n').filter((l) => /[ \t]$/.test(l));

describe('what the editor writes after an edit', () => {
  it('moves offsets, context and hash together, so that gloss check passes', () => {
    const sidecar = emptySidecar('a.txt', TEXT);
    sidecar.annotations.push(annotation(TEXT, '1532.40亿元'), annotation(TEXT, '云计算是引擎。', 'claim'));
    const edited = `导语：新的一段文字。\n${TEXT}`;
    const stale = parseSidecar(formatSidecar({ ...sidecar, sha256: emptySidecar('a.txt', edited).sha256 }));
    assert.ok(checkSidecar(stale, edited).some((p) => /moved/.test(p.message)), 'the hash alone is not enough');
    const settled = settleAnchors(sidecar, edited);
    const written = parseSidecar(formatSidecar(settled));
    assert.deepEqual(checkSidecar(written, edited), []);
    assert.equal(settled.annotations[0]!.start, sidecar.annotations[0]!.start + 11);
    assert.equal(settled.annotations[0]!.prefix.slice(0, 3), '导语：');
  });

  it('keeps orphans as they were, for the user to repair', () => {
    const sidecar = emptySidecar('a.txt', TEXT);
    sidecar.annotations.push(annotation(TEXT, '云计算是引擎。', 'claim'));
    const settled = settleAnchors(sidecar, '完全不同的一篇文章，没有原来的句子。\n');
    assert.deepEqual(settled.annotations[0], sidecar.annotations[0]);
  });

  it('writes no trailing whitespace inside block scalars (git diff --check)', () => {
    const sidecar = emptySidecar('a.txt', TEXT);
    const a = annotation(TEXT, '同比增长6%');
    sidecar.annotations.push({ ...a, note: '第一行 \n第二行\t\n \n第四行' });
    const trailing = (s: string) => s.split('\n').filter((l) => /[ \t]$/.test(l));
    const fresh = formatSidecar(sidecar);
    assert.deepEqual(trailing(fresh), [], fresh);
    assert.equal(parseSidecar(fresh).sidecar.annotations[0]!.note, '第一行 \n第二行\t\n \n第四行');
    assert.match(fresh, /suffix: "。\\ \\n董事长/, 'a suffix across a line break with a space before it is quoted');
    const loaded = parseSidecar(formatSidecar(emptySidecar('a.txt', TEXT)));
    const updated = updateSidecarText(loaded, sidecar);
    assert.deepEqual(trailing(updated), [], updated);
    // a long double-quoted string is not folded over lines (a fold would end a line with "\ ")
    const long = `${'核对过的段落'.repeat(12)} \n第二行`;
    const withLong = { ...sidecar, annotations: [{ ...a, note: long }] };
    for (const text of [formatSidecar(withLong), updateSidecarText(loaded, withLong)]) {
      assert.deepEqual(trailing(text), [], text);
      assert.equal(parseSidecar(text).sidecar.annotations[0]!.note, long);
    }
  });

  it('never leaves trailing whitespace, for every short mix of letters, spaces, tabs and line breaks', () => {
    const alphabet = ['a', ' ', '\n', '\t', '中', '\r'];
    let strings = [''];
    const offenders: string[] = [];
    for (let length = 1; length <= 4; length++) {
      strings = strings.flatMap((s) => alphabet.map((c) => s + c));
      for (const prefix of strings) {
        const sidecar = emptySidecar('a.txt', 'q');
        sidecar.annotations.push({ id: 'f1', kind: 'figure', status: 'accepted', quote: 'q', prefix, suffix: '', start: 0, end: 1 });
        const out = formatSidecar(sidecar);
        if (trailingLines(out).length) offenders.push(JSON.stringify(prefix));
        else if (parseSidecar(out).sidecar.annotations[0]!.prefix !== prefix) offenders.push(`${JSON.stringify(prefix)} (changed)`);
      }
    }
    assert.deepEqual(offenders.slice(0, 10), []);
  });
});
