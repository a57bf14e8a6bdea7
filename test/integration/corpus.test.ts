import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { activateGloss, DEFAULT_WAIT_MS, hoverText, openArticle, scratchArticles, timeoutFor, waitFor, workspaceFile } from './helpers';

// The workspace index, the corpus view, and what Gloss does when a background job fails or a
// write races its own. Each test works on its own copies of the fixtures (scratchArticles);
// the index also holds other tests' copies, so assertions look for this test's files by name.

interface PlainNode {
  label: string;
  description?: string;
  children?: PlainNode[];
}

const SIMPLIFIED = '01-cloud-earnings-simplified.txt';
const TRADITIONAL = '02-ai-startups-traditional.txt';
const MIXED = '03-mixed-script-notes.txt';

function offsetOf(doc: vscode.TextDocument, needle: string, delta = 1): number {
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, `${needle} is not in ${doc.fileName}`);
  return at + delta;
}

async function corpusTree(): Promise<PlainNode[]> {
  return (await vscode.commands.executeCommand<{ tree: PlainNode[] }>('gloss.corpusTree')).tree;
}

const child = (nodes: PlainNode[] | undefined, label: string) => nodes?.find((n) => n.label === label);

describe('the corpus view', () => {
  it('groups entities by type and name with mentions per article, claims by verdict, and articles with progress', async function () {
    this.timeout(timeoutFor(DEFAULT_WAIT_MS, DEFAULT_WAIT_MS, 20_000)); // scratch, open, the tree
    const s = await scratchArticles(SIMPLIFIED, MIXED);
    const doc = (await openArticle(s.uri(SIMPLIFIED))).document;
    await vscode.commands.executeCommand('gloss.setVerdict', { uri: doc.uri.toString(), offset: offsetOf(doc, '财报显示'), kind: 'claim', verdict: 'supported' });
    const [simplified, mixed] = [s.fileName(SIMPLIFIED), s.fileName(MIXED)];
    // the two articles are indexed by separate background jobs: wait until both are in the tree
    // (with their progress and their entities) as well as the verdict, then check what it says
    const tree = await waitFor(async () => {
      const t = await corpusTree();
      const supported = child(child(t, 'Claims by verdict')?.children, 'supported')?.children ?? [];
      const listed = (child(t, 'Articles')?.children ?? []).filter((a) => (a.label === simplified || a.label === mixed) && a.description);
      const cloudIn = (child(child(child(t, 'Entities')?.children, 'Organisations')?.children, '星河云')?.children ?? []).filter((a) => a.label === simplified || a.label === mixed);
      return supported.some((c) => c.description === simplified) && listed.length === 2 && cloudIn.length === 2 ? t : undefined;
    }, `the corpus view to show the verdict given in ${simplified}, and both articles with their entities`, 20_000);
    const articles = child(tree, 'Articles')!.children!;
    assert.match(articles.find((a) => a.label === simplified)?.description ?? '', /^1\/\d+ reviewed$/);
    assert.match(articles.find((a) => a.label === mixed)?.description ?? '', /^0\/\d+ reviewed$/);
    const cloud = child(child(child(tree, 'Entities')?.children, 'Organisations')?.children, '星河云');
    assert.ok(cloud, 'the organisation 星河云');
    // one node per article, in both scripts (星河云 in the Simplified one, 星河雲 in the mixed one)
    const mine = cloud.children!.filter((a) => a.label === simplified || a.label === mixed);
    assert.deepEqual(mine.map((a) => a.label).sort(), [simplified, mixed].sort());
    const texts = mine.flatMap((a) => a.children!.map((m) => m.description));
    assert.ok(texts.includes('星河云') && texts.includes('星河雲'), texts.join());
  });

  it('re-indexes only the article whose sidecar changed', async function () {
    this.timeout(timeoutFor(DEFAULT_WAIT_MS, 20_000, DEFAULT_WAIT_MS, 20_000)); // scratch, indexed, open, the job
    const api = await activateGloss();
    const s = await scratchArticles(TRADITIONAL, MIXED);
    const [changed, untouched] = [s.uri(TRADITIONAL).toString(), s.uri(MIXED).toString()];
    // both are in the index before the decision
    await waitFor(async () => {
      const labels = (child(await corpusTree(), 'Articles')?.children ?? []).map((a) => a.label);
      return labels.includes(s.fileName(TRADITIONAL)) && labels.includes(s.fileName(MIXED));
    }, 'the index to hold both new articles', 20_000);
    const doc = (await openArticle(s.uri(TRADITIONAL))).document;
    const mark = api.backgroundJobs().length;
    await vscode.commands.executeCommand('gloss.setVerdict', { uri: doc.uri.toString(), offset: offsetOf(doc, '公開資料顯示'), kind: 'claim', verdict: 'false' });
    // the job that indexed the decision; other tests' late events may run jobs too, so only
    // this test's folder is compared: the untouched article must not have been indexed again
    const job = await waitFor(
      () => api.backgroundJobs().slice(mark).find((j) => j.name === 'updating the workspace index' && j.outcome === 'done' && j.subjects.includes(changed)),
      'an update of the index with the article decided on',
      20_000,
    );
    assert.deepEqual(job.subjects.filter((u) => u.startsWith(vscode.Uri.file(s.dir).toString())), [changed]);
    assert.ok(!job.subjects.includes(untouched));
    const falseClaims = child(child(await corpusTree(), 'Claims by verdict')?.children, 'false')?.children ?? [];
    assert.ok(falseClaims.some((c) => c.description === s.fileName(TRADITIONAL)), JSON.stringify(falseClaims));
  });
});

describe('background work that fails', () => {
  it('logs a failed index build to the Gloss output channel, and builds again on the next call', async function () {
    this.timeout(timeoutFor(DEFAULT_WAIT_MS, 20_000, 20_000)); // scratch, the failure, the retry
    const api = await activateGloss();
    const s = await scratchArticles(SIMPLIFIED);
    // a sidecar path that cannot be read (a folder): indexing this article throws EISDIR
    mkdirSync(s.sidecar(SIMPLIFIED));
    const mark = api.backgroundJobs().length;
    const lexiconPath = workspaceFile('.gloss/lexicon.yaml').fsPath;
    try {
      // the same lexicon written again: the watcher fires and the whole index is rebuilt
      writeFileSync(lexiconPath, readFileSync(lexiconPath, 'utf8'));
      const failed = await waitFor(
        () => api.backgroundJobs().slice(mark).find((j) => j.name === 'rebuilding the workspace index' && j.outcome === 'failed'),
        'the index rebuild to fail',
        20_000,
      );
      assert.match(failed.error ?? '', /EISDIR/);
      assert.ok(api.logLines().some((l) => /rebuilding the workspace index failed/.test(l)), api.logLines().join('\n'));
      assert.ok(api.logLines().some((l) => /EISDIR/.test(l)), 'the stack is in the log');
    } finally {
      rmdirSync(s.sidecar(SIMPLIFIED));
    }
    // the next call builds again, and succeeds: the failure was not kept
    await waitFor(async () => {
      const labels = (child(await corpusTree(), 'Articles')?.children ?? []).map((a) => a.label);
      return labels.includes(s.fileName(SIMPLIFIED));
    }, 'the index to be built again with the article', 20_000);
  });
});

describe('sidecar writes racing on disk', () => {
  it('reloads a sidecar written by someone else right after Gloss wrote it', async function () {
    this.timeout(timeoutFor(DEFAULT_WAIT_MS, DEFAULT_WAIT_MS, 15_000)); // scratch, open, the reload
    const s = await scratchArticles(MIXED);
    const doc = (await openArticle(s.uri(MIXED))).document;
    const offset = offsetOf(doc, '250億元');
    const uri = doc.uri.toString();
    const path = s.sidecar(MIXED);
    await vscode.commands.executeCommand('gloss.addNote', { uri, offset, kind: 'figure', note: '第一版' });
    // Gloss writes, and another program writes before the watcher has reported Gloss's write
    await vscode.commands.executeCommand('gloss.addNote', { uri, offset, kind: 'figure', note: '第二版' });
    writeFileSync(path, readFileSync(path, 'utf8').replace('note: 第二版', 'note: 外部的第三版'));
    const hover = async () => hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(offset)));
    await waitFor(async () => /外部的第三版/.test(await hover()), 'the external write to be reloaded', 15_000);
  });
});
