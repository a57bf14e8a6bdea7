import * as assert from 'node:assert/strict';
import { parseWorkspaceLexicon, setIgnoredInWorkspaceLexicon } from '../../src/core/entities/workspaceLexicon';
import { builtinLexicon } from '../../src/core/entities/lexicon';
import { detectEntities } from '../../src/core/entities/detect';
import { reattachCandidates } from '../../src/core/review/reattach';
import { createAnchor, resolveAnchor } from '../../src/core/sidecar/anchor';

const BEFORE = '导语。星河科技董事长陈立峰表示，公司将在明年推出新的芯片产品。其他内容。\n另一段：公司将在明年推出新的芯片产品，他说。\n';

describe('re-attaching an orphan', () => {
  it('offers the best places first, ranked as re-anchoring ranks them, within bounds', () => {
    const quote = '公司将在明年推出新的芯片产品';
    const start = [...BEFORE.slice(0, BEFORE.indexOf(quote))].length;
    const anchor = createAnchor(BEFORE, start, start + [...quote].length);
    // the sentence was rewritten: re-anchoring gives up, the user chooses
    const after = BEFORE.replace('公司将在明年推出新的芯片产品。其他', '公司明年将推出两款芯片产品。其他').replace('另一段：公司将在明年推出新的芯片产品', '另一段：公司将在明年推出新的芯片产品');
    const orphaned = { ...anchor, quote: '公司将在明年推出全新的量子芯片产品', end: anchor.start + 17 };
    assert.equal(resolveAnchor(after, orphaned).status, 'orphan');
    const found = reattachCandidates(after, orphaned, 5);
    assert.ok(found.length >= 2, JSON.stringify(found));
    const texts = found.map((c) => c.text);
    assert.ok(texts.some((t) => t.includes('明年将推出两款芯片产品')), JSON.stringify(texts));
    // the place whose context agrees comes before the copy in the other paragraph
    const near = found.findIndex((c) => c.text.includes('两款'));
    const far = found.findIndex((c) => c.start > [...after.slice(0, after.indexOf('另一段'))].length);
    assert.ok(far < 0 || near < far, JSON.stringify(found));
    for (const c of found) assert.equal([...after].slice(c.start, c.end).join(''), c.text, 'code points');
    for (let i = 1; i < found.length; i++) assert.ok(!(found[i]!.start < found[i - 1]!.end && found[i - 1]!.start < found[i]!.end), 'no two candidates overlap');
  });

  it('finds every exact occurrence of a short quote, best context first', () => {
    const text = '甲说增长12%。乙说增长12%。';
    const anchor = { quote: '增长12%', prefix: '乙说', suffix: '。', start: 0, end: 5 };
    const found = reattachCandidates(text, anchor);
    assert.equal(found[0]!.start, [...text.slice(0, text.lastIndexOf('增长12%'))].length);
    assert.equal(found.filter((c) => c.edits === 0).length, 2);
  });
});

describe('the workspace lexicon ignore list', () => {
  const SOURCE = '# ours\nversion: 1\nentities: []\nignore: []\n';
  it('adds names once, in either script, keeps comments, and removes them again', () => {
    const added = setIgnoredInWorkspaceLexicon(parseWorkspaceLexicon(SOURCE), ['星河云', '星河雲'], true);
    assert.match(added, /^# ours\n/);
    assert.deepEqual(parseWorkspaceLexicon(added).ignore, ['星河云']);
    const lexicon = builtinLexicon().with([{ id: 'org:星河云', canonical: '星河云', type: 'org', aliases: ['星河云', '星河雲'], shortForms: [], shortFormsStandAlone: false, groupNames: false, notBefore: [], origin: 'workspace' }], parseWorkspaceLexicon(added).ignore);
    assert.deepEqual(detectEntities('據報道，星河雲去年上市。', lexicon).filter((e) => e.canonical === '星河云'), [], 'ignored in Traditional too');
    const removed = setIgnoredInWorkspaceLexicon(parseWorkspaceLexicon(added), ['星河雲'], false);
    assert.deepEqual(parseWorkspaceLexicon(removed).ignore, []);
    assert.match(removed, /^# ours\n/);
  });
});
