import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, commit, gitInit, gloss, scratch, writeSidecar } from './reviewHelpers';

const scale = Number(process.env.GLOSS_TIMEOUT_SCALE ?? 1) || 1;
const DATA_CENTRES = '公司计划明年在杭州新建两座数据中心。';
/** Orphaned at both revisions: not a new orphan. */
const OLD_ORPHAN = { kind: 'figure' as const, quote: '一个早已删去的数字', start: 3, id: 'f-old-orphan' };

/** A repository where a reviewer, after the first commit, decided on earnings.txt and its article lost a sentence. */
function reviewed(): string {
  const d = scratch('gloss-summary-');
  writeSidecar(d, 'earnings.txt', [
    { kind: 'figure', quote: '801亿元' },
    { kind: 'claim', quote: '云业务已经连续三个季度盈利。', status: 'manual', source: '陈立峰' },
    { kind: 'claim', quote: DATA_CENTRES },
    OLD_ORPHAN,
  ]);
  writeSidecar(d, 'policy.txt', [{ kind: 'figure', quote: '3.2億人次' }]);
  gitInit(d);
  writeSidecar(d, 'earnings.txt', [
    { kind: 'figure', quote: '801亿元', status: 'rejected', by: 'bo@example.com' },
    { kind: 'entity', quote: '陈立峰', type: 'person', canonical: '陈立峰', by: 'bo@example.com' },
    {
      kind: 'claim', quote: '云业务已经连续三个季度盈利。', status: 'manual', source: '陈立峰', verdict: 'false', by: 'bo@example.com',
      note: '财报显示云业务亏损 ![x](https://tracker.example/p.png) | <img src=x>', evidence: ['https://example.com/q1', 'policy.txt#f-1'],
    },
    { kind: 'claim', quote: DATA_CENTRES },
    OLD_ORPHAN,
  ]);
  const article = join(d, 'earnings.txt');
  writeFileSync(article, readFileSync(article, 'utf8').replace(DATA_CENTRES, '公司暂无新的计划。'));
  return d;
}

describe('gloss summary (child process)', function () {
  this.timeout(180_000 * scale);
  before(function () {
    if (!existsSync(cli)) this.skip();
  });

  it('summarises the decisions, verdicts, new orphans and open failed checks since a revision, in Markdown', () => {
    const d = reviewed();
    const r = gloss(['summary', '--since', 'HEAD'], d);
    assert.equal(r.status, 0, r.stderr);
    const md = r.stdout;
    assert.match(md, /^## Gloss review: `HEAD` → `working tree`$/m);
    assert.match(md, /^1 article · 1 decision added, 2 changed, 0 removed · 1 verdict · 1 new orphan · 1 failed check open$/m);
    assert.match(md, /^### `earnings\.txt`$/m);
    assert.doesNotMatch(md, /policy\.txt`$/m, 'an unchanged article is not listed');
    assert.match(md, /^- Decisions: 1 accepted, 1 rejected, 0 made by hand$/m);
    const row = md.split('\n').find((l) => l.startsWith('| “云业务'))!;
    assert.ok(row, md);
    assert.match(row, /\| \*\*false\*\* \(was unreviewed\) \|/);
    assert.match(row, /<https:\/\/example\.com\/q1><br>policy\\\.txt\\#f\\-1/);
    assert.match(row, /\| bo@example\\\.com \|$/);
    // text from the sidecar cannot embed an image, open HTML or break the table
    assert.doesNotMatch(row, /(?<!\\)!\[|(?<!\\)<img/);
    assert.equal(row.split(/(?<!\\)\|/).length, 7, row);
    assert.match(md, /^ {2}- `c-[0-9a-f]+` claim “公司计划明年在杭州新建两座数据中心。”: quote not found/m);
    assert.match(md, /^ {2}- line 2: growth check does not hold: \\\(801亿 − 622亿\\\) \/ 622亿 = 28\\\.78%, stated 35%/m);
  });

  it('is deterministic: the same revisions give the same bytes, in the working tree or committed', () => {
    const d = reviewed();
    const first = gloss(['summary', '--since', 'HEAD'], d).stdout;
    assert.equal(gloss(['summary', '--since', 'HEAD'], d).stdout, first);
    commit(d, 'review');
    const committed = gloss(['summary', '--since', 'HEAD~1', '--until', 'HEAD'], d).stdout;
    assert.equal(committed, first.replace('`HEAD` → `working tree`', '`HEAD~1` → `HEAD`'));
    assert.equal(gloss(['summary', '--since', 'HEAD~1', '--until', 'HEAD'], d).stdout, committed);
    assert.match(gloss(['summary', '--since', 'HEAD'], d).stdout, /^No articles or sidecars changed\.$/m);
    assert.equal(gloss(['summary'], d).status, 2);
    assert.equal(gloss(['summary', '--since', 'nope'], d).status, 2);
  });
});
