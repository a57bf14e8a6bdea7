import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { activateGloss, openArticle, scratchArticles, timeoutFor, waitFor, workspaceFile } from './helpers';

interface PlainNode {
  label: string;
  description?: string;
  children?: PlainNode[];
}

/** The corpus tree's nodes of these articles (by file name), with their ancestors' labels only: other tests' articles share the index. */
function treeOf(nodes: PlainNode[] | undefined, names: string[]): PlainNode[] {
  const out: PlainNode[] = [];
  for (const n of nodes ?? []) {
    if (names.includes(n.label) || (n.description !== undefined && names.includes(n.description))) out.push(n);
    else {
      const children = treeOf(n.children, names);
      if (children.length) out.push({ label: n.label, children });
    }
  }
  return out;
}

const SIMPLIFIED = '01-cloud-earnings-simplified.txt';

/** A long article of our own: the fixture's paragraphs many times, each copy numbered so that no paragraph repeats another. */
function longArticle(fixture: string, copies: number): string {
  const paragraphs = fixture.split('\n').filter((l) => l.trim());
  const out = [paragraphs[0]!];
  for (let k = 0; k < copies; k++) for (const p of paragraphs.slice(1)) out.push(`第${k + 1}节：${p}`);
  return `${out.join('\n')}\n`;
}

describe('Gloss speed: analysis off the editor thread', () => {
  it('brings the titles of the lenses near the screen with the lenses, without a resolve round trip, and leaves those far below for when they are scrolled to', async function () {
    this.timeout(timeoutFor(10_000, 10_000, 10_000, 20_000));
    const api = await activateGloss();
    const scratch = await scratchArticles(SIMPLIFIED);
    const uri = scratch.uri(SIMPLIFIED);
    writeFileSync(uri.fsPath, longArticle(readFileSync(uri.fsPath, 'utf8'), 40));
    const editor = await openArticle(uri);
    await api.analyze(uri);
    // without a count, the command hands back the lenses as provided, none resolved
    const provided = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    assert.match(provided[0]?.command?.title ?? '', /Gloss: \d+ to review/);
    const lastOnScreen = editor.visibleRanges[0]?.end.line ?? 0;
    const onScreen = provided.filter((l) => l.range.start.line <= lastOnScreen);
    assert.ok(onScreen.length >= 3, `lenses on screen: ${onScreen.length} (to line ${lastOnScreen})`);
    assert.deepEqual(onScreen.filter((l) => !l.command?.title).map((l) => l.range.start.line), [], 'lenses on screen without a title');
    const farBelow = provided.filter((l) => l.range.start.line > lastOnScreen + 150);
    assert.ok(farBelow.length > 0, 'the long article has lenses far below the screen');
    assert.ok(farBelow.every((l) => !l.command), 'lenses far below the screen are resolved when scrolled to');
    const resolved = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, provided.length);
    assert.equal(resolved.length, provided.length);
    assert.ok(resolved.every((l) => l.command?.title), 'every lens resolves');
  });

  it('answers lenses from the last complete analysis while a newer version is analysed, and a newer version cancels the older analysis', async function () {
    this.timeout(timeoutFor(10_000, 10_000, 10_000, 20_000));
    const api = await activateGloss();
    const scratch = await scratchArticles(SIMPLIFIED);
    const uri = scratch.uri(SIMPLIFIED);
    writeFileSync(uri.fsPath, longArticle(readFileSync(uri.fsPath, 'utf8'), 20));
    const editor = await openArticle(uri);
    try {
      await api.analyze(uri);
      const first = editor.document.version;
      assert.equal(api.analysisState(uri).completed, first);
      const lensesBefore = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
      assert.ok(lensesBefore.length > 1, 'the long article has paragraph lenses');

      api.holdBackgroundAnalysis(true);
      const middle = editor.document.positionAt(editor.document.getText().indexOf('第10节'));
      await editor.edit((e) => e.insert(middle, '另据报道，'));
      const second = editor.document.version;
      await waitFor(() => api.analysisState(uri).running === second, 'the analysis of the edited version to start');

      // the providers answer now, from the first version's analysis, and analyse nothing themselves
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
      assert.equal(lenses.length, lensesBefore.length, 'the lenses of the last complete analysis');
      assert.deepEqual(api.analysisState(uri), { completed: first, running: second }, 'the lens provider neither waited for nor did the analysis');

      const counts = api.analysisCounts();
      await editor.edit((e) => e.insert(middle, '又'));
      const third = editor.document.version;
      await waitFor(() => api.analysisState(uri).running === third, 'the analysis of the newest version to start');
      assert.equal(api.analysisCounts().cancelled - counts.cancelled, 1, 'the analysis of the older version was cancelled');

      api.holdBackgroundAnalysis(false);
      await waitFor(() => api.analysisState(uri).completed === third, 'the newest version to be analysed', 20_000);
      const after = api.analysisCounts();
      assert.equal(after.completed - counts.completed, 1, 'only the newest version was completed');
      assert.equal(api.analysisState(uri).running, undefined);
    } finally {
      api.holdBackgroundAnalysis(false);
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
});

describe('Gloss speed: corpus index in the background, cached by content hash', () => {
  const FIXTURES = ['01-cloud-earnings-simplified.txt', '02-ai-startups-traditional.txt', '03-mixed-script-notes.txt'];

  it('takes unchanged articles from the cache on the next build, and analyses a changed one again', async function () {
    this.timeout(timeoutFor(30_000, 30_000, 30_000));
    const api = await activateGloss();
    const scratch = await scratchArticles(...FIXTURES);
    const ours = FIXTURES.map((f) => scratch.uri(f).toString());
    const mine = (list: string[]) => list.filter((u) => ours.includes(u)).sort();

    await api.rebuildIndex();
    let stats = api.indexStats();
    assert.equal(stats.cancelled, false);
    assert.deepEqual(mine([...stats.analysed, ...stats.cached]), [...ours].sort(), 'the build indexed our articles');

    // a second build reads the cache from storage: nothing unchanged is analysed
    await api.rebuildIndex();
    stats = api.indexStats();
    assert.deepEqual(mine(stats.analysed), [], 'no unchanged article analysed again');
    assert.deepEqual(mine(stats.cached), [...ours].sort());

    // a changed article is analysed again, and the index holds its new text
    const changed = scratch.uri(FIXTURES[0]!);
    writeFileSync(changed.fsPath, `${readFileSync(changed.fsPath, 'utf8')}\n据星河日报报道，周海波将出任青禾科技总经理。\n`);
    await api.rebuildIndex();
    stats = api.indexStats();
    // the file watcher may index the changed article first (an update of its own), and the build
    // then finds its new text in the cache: either way only the changed one is analysed again,
    // and the corpus view below shows its new text, which a result cached from the old text lacks
    const unchanged = ours.filter((u) => u !== changed.toString()).sort();
    const again = mine(stats.analysed);
    assert.ok(again.length === 0 || (again.length === 1 && again[0] === changed.toString()), `analysed again: ${again.join(', ')}`);
    assert.deepEqual(mine(stats.cached).filter((u) => u !== changed.toString()), unchanged);
    const tree = await vscode.commands.executeCommand<{ tree: unknown }>('gloss.corpusTree');
    assert.match(JSON.stringify(tree.tree), /周海波将出任青禾科技总经理/, 'the claim of the new paragraph is in the corpus view');
  });

  it('drops the cached results when the workspace lexicon changes', async function () {
    this.timeout(timeoutFor(30_000, 30_000, 30_000));
    const api = await activateGloss();
    const scratch = await scratchArticles(FIXTURES[0]!);
    const article = scratch.fileName(FIXTURES[0]!);
    await api.rebuildIndex();
    // a phrase of the article that nothing marks, until the desk confirms it as a name
    const taught = '增长引擎';
    const articlesOf = async (canonical: string) => {
      const tree = (await vscode.commands.executeCommand<{ tree: PlainNode[] }>('gloss.corpusTree')).tree;
      const groups = tree.find((n) => n.label === 'Entities')?.children ?? [];
      const entity = groups.flatMap((g) => g.children ?? []).find((e) => e.label === canonical);
      return (entity?.children ?? []).map((a) => a.label);
    };
    assert.ok(!(await articlesOf(taught)).includes(article), 'not an entity before the lexicon teaches it');
    const lexiconPath = workspaceFile('.gloss/lexicon.yaml').fsPath;
    const before = readFileSync(lexiconPath, 'utf8');
    try {
      writeFileSync(lexiconPath, before.replace('ignore: []', `  - canonical: ${taught}\n    type: product\nignore: []`));
      // an index that took the unchanged article from its cache would never show the new name in it
      await waitFor(
        async () => {
          await api.rebuildIndex();
          return (await articlesOf(taught)).includes(article);
        },
        'the unchanged article to be analysed again with the new lexicon',
        30_000,
      );
    } finally {
      writeFileSync(lexiconPath, before);
    }
  });

  it('keeps the cached results when a setting that changes no result changes (lenses, threads, the Problems panel), and drops them when the claim threshold or the review settings change', async function () {
    this.timeout(timeoutFor(40_000, 40_000, 40_000));
    const api = await activateGloss();
    const scratch = await scratchArticles(...FIXTURES);
    const ours = FIXTURES.map((f) => scratch.uri(f).toString());
    const mine = (list: string[]) => list.filter((u) => ours.includes(u)).sort();
    const config = () => vscode.workspace.getConfiguration('gloss');
    await api.rebuildIndex();
    try {
      await config().update('codeLens.allParagraphs', true, vscode.ConfigurationTarget.Workspace);
      await config().update('index.threads', 0, vscode.ConfigurationTarget.Workspace);
      await config().update('problems', 'none', vscode.ConfigurationTarget.Workspace);
      await api.rebuildIndex();
      const stats = api.indexStats();
      assert.deepEqual(mine(stats.analysed), [], 'nothing analysed again for a setting of the view');
      assert.deepEqual(mine(stats.cached), [...ours].sort());
      // the threshold decides which claims an article's entry holds: the build the change starts analyses
      // every article again (the last build analysed none of ours)
      const threshold = config().get<number>('claims.minCheckWorthiness') ?? 0.5;
      await config().update('claims.minCheckWorthiness', threshold > 0.3 ? threshold - 0.2 : threshold + 0.2, vscode.ConfigurationTarget.Workspace);
      await waitFor(() => mine(api.indexStats().analysed).length === ours.length, 'a build that analyses our articles again under the new threshold', 30_000);
      // the review settings decide which items an article's queue holds, and the corpus view counts them:
      // their change starts a build too, which finds no entry under the new key
      const mark = api.backgroundJobs().length;
      const entities = config().get<string>('review.entities') === 'all' ? 'none' : 'all';
      await config().update('review.entities', entities, vscode.ConfigurationTarget.Workspace);
      await waitFor(
        () => api.backgroundJobs().slice(mark).some((j) => j.name === 'rebuilding the workspace index' && j.outcome === 'done') && mine(api.indexStats().analysed).length === ours.length,
        'a build that analyses our articles again under the new review settings',
        30_000,
      );
    } finally {
      for (const key of ['codeLens.allParagraphs', 'index.threads', 'problems', 'claims.minCheckWorthiness', 'review.entities']) await config().update(key, undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('indexes a long article in steps, letting the editor\'s thread go on in the middle of it, and indexes all of it', async function () {
    this.timeout(timeoutFor(60_000, 60_000));
    const api = await activateGloss();
    const scratch = await scratchArticles(FIXTURES[0]!);
    const uri = scratch.uri(FIXTURES[0]!);
    const copies = 500;
    const pausesBefore = api.indexPausesInArticles();
    // about 200k characters: a few hundred milliseconds of analysis, which held hovers and lenses when done at once
    writeFileSync(uri.fsPath, longArticle(readFileSync(uri.fsPath, 'utf8'), copies));
    // in the extension host's thread (without worker threads, and as updates are analysed)
    const config = () => vscode.workspace.getConfiguration('gloss');
    await config().update('index.threads', 0, vscode.ConfigurationTarget.Workspace);
    try {
      await api.rebuildIndex();
    } finally {
      await config().update('index.threads', undefined, vscode.ConfigurationTarget.Workspace);
    }
    // (the file watcher's update may have indexed it first, and the build then took it from the cache)
    const stats = api.indexStats();
    assert.ok([...stats.analysed, ...stats.cached].includes(uri.toString()), 'the build indexed the long article');
    const pauses = api.indexPausesInArticles() - pausesBefore;
    assert.ok(pauses >= 2, `the long article was analysed with ${pauses} pauses in the middle of it`);
    // every copy's mentions are in the index: the steps lost nothing
    const tree = (await vscode.commands.executeCommand<{ tree: PlainNode[] }>('gloss.corpusTree')).tree;
    const find = (nodes: PlainNode[] | undefined, label: string) => nodes?.find((n) => n.label === label);
    const cloud = find(find(find(tree, 'Entities')?.children, 'Organisations')?.children, '星河云');
    const mentions = find(cloud?.children, scratch.fileName(FIXTURES[0]!))?.children?.length ?? 0;
    assert.ok(mentions >= 2 * copies, `${mentions} mentions of 星河云 in the long article's ${copies} copies`);
  });

  it('builds the index in worker threads, with the same entries as in the extension host\'s thread', async function () {
    this.timeout(timeoutFor(60_000, 60_000, 30_000));
    const api = await activateGloss();
    const scratch = await scratchArticles(...FIXTURES);
    const names = FIXTURES.map((f) => scratch.fileName(f));
    const ours = FIXTURES.map((f) => scratch.uri(f).toString()).sort();
    // a decision in a sidecar: its verdict and progress come from the sidecar in both threads
    const doc = (await openArticle(scratch.uri(FIXTURES[0]!))).document;
    await vscode.commands.executeCommand('gloss.setVerdict', { uri: doc.uri.toString(), offset: doc.getText().indexOf('财报显示') + 1, kind: 'claim', verdict: 'supported' });
    const config = () => vscode.workspace.getConfiguration('gloss');
    const treeNow = async () => treeOf((await vscode.commands.executeCommand<{ tree: PlainNode[] }>('gloss.corpusTree')).tree, names);
    try {
      // (the thread count changes no result, so the cache would serve the second build: both start from scratch)
      await config().update('index.threads', 0, vscode.ConfigurationTarget.Workspace);
      await api.rebuildIndex({ fromScratch: true });
      let stats = api.indexStats();
      assert.deepEqual(stats.analysed.filter((u) => ours.includes(u)).sort(), ours, 'analysed in the extension host');
      assert.equal(stats.inWorkers, 0);
      const here = await treeNow();
      assert.ok(JSON.stringify(here).includes('supported'), JSON.stringify(here));

      await config().update('index.threads', 2, vscode.ConfigurationTarget.Workspace);
      await api.rebuildIndex({ fromScratch: true });
      stats = api.indexStats();
      assert.deepEqual(stats.analysed.filter((u) => ours.includes(u)).sort(), ours, 'analysed again');
      assert.equal(stats.inWorkers, stats.analysed.length, 'every article analysed in a worker');
      assert.equal(api.indexWorkerFailure(), undefined);
      assert.deepEqual(await treeNow(), here);
    } finally {
      await config().update('index.threads', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('stops a build when it is cancelled, keeping what it indexed', async function () {
    this.timeout(timeoutFor(30_000, 30_000));
    const api = await activateGloss();
    await scratchArticles(...FIXTURES);
    await api.rebuildIndex();
    const total = api.indexStats().total;
    assert.ok(total >= FIXTURES.length);
    const building = api.rebuildIndex();
    api.cancelIndex();
    await building;
    const stats = api.indexStats();
    assert.equal(stats.cancelled, true);
    assert.ok(stats.analysed.length + stats.cached.length < total, `${stats.analysed.length + stats.cached.length} of ${total} indexed after the cancel`);
    // the next build indexes everything again
    await api.rebuildIndex();
    assert.equal(api.indexStats().cancelled, false);
    assert.equal(api.indexStats().analysed.length + api.indexStats().cached.length, api.indexStats().total);
  });
});
