/**
 * The review queue inside VS Code: Problems with quick fixes, the status bar, Alt+], one
 * decision per entity, Accept all and failing arithmetic, re-attaching an orphan. Each test
 * writes its own articles (our own text) into a folder of its own and removes it afterwards.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { QueueEntry } from '../../src/core/review/queue';
import { createAnchor } from '../../src/core/sidecar/anchor';
import { checkSidecar } from '../../src/core/sidecar/check';
import { emptySidecar } from '../../src/core/sidecar/store';
import { formatSidecar, parseSidecar } from '../../src/core/sidecar/yamlIO';
import { activateGloss, hoverText, openArticle, scratchArticles, timeoutFor, waitFor, workspaceFile } from './helpers';

/** A credit line, a byline, a heading, then body text with a compound rate that does not hold. */
const ARTICLE = [
  '文|林晓雨',
  '编辑|周明',
  '星河云的芯片业务',
  '据北辰日报报道，2021年星河云芯片业务营收为1000亿元，预计2023年将增长到2000亿元，年复合增长率为10%。',
  '星河云董事长赵明远表示，公司将在明年推出新的芯片产品。',
  '我觉得这件事或许还有变数。',
  '赵明远还透露，星河云去年的研发投入为120亿元，同比增长20%。',
].join('\n') + '\n';

const made: string[] = [];

/**
 * Writes an article (and optionally its sidecar) into a scratch folder of its own under
 * articles/, once the file watcher watches it (so that Gloss indexes it and sees its sidecar).
 */
async function writeArticle(name: string, text = ARTICLE, sidecar?: (text: string) => string): Promise<vscode.Uri> {
  const { dir } = await scratchArticles();
  made.push(dir);
  const uri = vscode.Uri.file(join(dir, `${name}.txt`));
  if (sidecar) writeFileSync(join(dir, `${name}.annotations.yaml`), sidecar(text));
  writeFileSync(uri.fsPath, text);
  return uri;
}

const open = openArticle;

function sidecarPath(uri: vscode.Uri): string {
  return uri.fsPath.replace(/\.txt$/, '.annotations.yaml');
}

const glossDiagnostics = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'gloss');
const cp = (text: string, utf16: number) => [...text.slice(0, utf16)].length;

describe('the review queue in VS Code', function () {
  // the longest test waits for the tree (30 s) and a handful of default waits
  this.timeout(timeoutFor(30_000, 10_000, 10_000, 10_000, 10_000, 10_000));

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('shows a failed check as a Warning on the stated figure, with its working, its operands and quick fixes', async () => {
    await activateGloss();
    const uri = await writeArticle('problems');
    const doc = (await open(uri)).document;
    const failed = await waitFor(() => glossDiagnostics(uri).find((d) => d.code === 'check-fails'), 'the failed check in Problems');
    assert.equal(failed.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(doc.getText(failed.range), '10%');
    assert.match(failed.message, /41\.4\d*% per year, stated 10%/);
    assert.deepEqual(failed.relatedInformation?.map((r) => doc.getText(r.location.range)), ['1000亿元', '2000亿元']);
    // the default shows what needs attention, not the whole queue
    assert.equal(glossDiagnostics(uri).length, 1, glossDiagnostics(uri).map((d) => d.message).join('\n'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, failed.range);
    const markFalse = actions.find((a) => a.command?.command === 'gloss.setVerdict' && (a.command.arguments?.[0] as { verdict?: string }).verdict === 'false');
    assert.ok(markFalse, actions.map((a) => a.title).join(', '));
    assert.ok(actions.some((a) => a.command?.command === 'gloss.addEvidence'));
    await vscode.commands.executeCommand(markFalse.command!.command, ...(markFalse.command!.arguments ?? []));
    await waitFor(() => !glossDiagnostics(uri).some((d) => d.code === 'check-fails'), 'the decided check to leave Problems');
    assert.match(readFileSync(sidecarPath(uri), 'utf8'), /verdict: "false"\n/);
    const unsupported = await waitFor(() => glossDiagnostics(uri).find((d) => d.code === 'verdict-without-evidence'), 'a verdict without evidence');
    assert.equal(unsupported.severity, vscode.DiagnosticSeverity.Information);
  });

  it("shows relative dates waiting for the article's date as one Information, whose quick fix sets the date", async () => {
    await activateGloss();
    const text = '星河云发布新芯片\n\n今年2月，星河云发布了新芯片；5月17日，该芯片开始量产。\n';
    const uri = await writeArticle('undated', text);
    await open(uri);
    const undated = await waitFor(() => glossDiagnostics(uri).find((d) => d.code === 'article-undated'), "the missing article date in Problems");
    assert.equal(undated.severity, vscode.DiagnosticSeverity.Information);
    assert.match(undated.message, /^2 relative dates \(such as 今年2月\) wait for the article's date/);
    assert.equal(glossDiagnostics(uri).filter((d) => d.code === 'article-undated').length, 1);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, undated.range);
    const setDate = actions.find((a) => a.command?.command === 'gloss.setArticleDate');
    assert.ok(setDate?.isPreferred, actions.map((a) => a.title).join(', '));
    // the quick fix asks for the date in an input box; a test passes it as the argument
    await vscode.commands.executeCommand(setDate.command!.command, { ...(setDate.command!.arguments?.[0] as object), date: '2024-06-12' });
    await waitFor(() => !glossDiagnostics(uri).some((d) => d.code === 'article-undated'), 'the dated article to leave Problems');
    assert.match(readFileSync(sidecarPath(uri), 'utf8'), /^date: 2024-06-12$/m);
  });

  it('shows the queue left, failed checks and orphans in the status bar; a click goes to the next item', async () => {
    const api = await activateGloss();
    // an annotation whose words are not in the article: an orphan
    const uri = await writeArticle('status', ARTICLE, (text) => {
      const s = emptySidecar('status.txt', text);
      s.annotations.push({ id: 'c-gone01', kind: 'claim', status: 'accepted', verdict: 'disputed', quote: '这句话已经从文章里删掉了', prefix: '', suffix: '', start: 30, end: 42 });
      return formatSidecar(s);
    });
    const editor = await open(uri);
    const queue = await api.queue(uri);
    const view = await waitFor(() => {
      const v = api.statusBar();
      return v.visible && v.text.includes(`${queue.length} to review`) ? v : undefined;
    }, 'the status bar');
    assert.equal(view.text, `$(checklist) Gloss: ${queue.length} to review  $(warning) 1 failed check  $(debug-disconnect) 1 orphan`);
    assert.ok(queue.length >= 4 && queue.length <= 10, `queue of ${queue.length}`);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    // the item's command, as a click runs it
    await vscode.commands.executeCommand('gloss.nextUnreviewed');
    assert.equal(editor.document.offsetAt(editor.selection.active), queue[0]!.start);
  });

  it('Alt+] walks the queue and never stops on credit lines, bylines, headings or noise', async () => {
    const api = await activateGloss();
    const uri = await writeArticle('walk');
    // every entity is a stop here, known names too: 星河云 is named first in the heading
    const config = vscode.workspace.getConfiguration('gloss');
    await config.update('review.entities', 'all', vscode.ConfigurationTarget.Workspace);
    try {
      const editor = await open(uri);
      const doc = editor.document;
      const binding = (vscode.extensions.getExtension('gloss-dev.gloss')!.packageJSON.contributes.keybindings as Array<{ key: string; command: string }>).find((k) => k.key === 'alt+]');
      assert.equal(binding?.command, 'gloss.nextUnreviewed');
      const queue = await waitFor(async () => {
        const q = await api.queue(uri);
        return q.some((e) => e.kind === 'entity' && e.text === '星河云') ? q : undefined;
      }, 'the setting to queue known names');
      const bodyStart = doc.getText().indexOf('据北辰日报');
      const stops: Array<{ start: number; kind: string }> = [];
      editor.selection = new vscode.Selection(0, 0, 0, 0);
      for (let k = 0; k < queue.length + 1; k++) {
        const stop = await vscode.commands.executeCommand<{ start: number; kind: string }>('gloss.nextUnreviewed');
        stops.push({ start: stop.start, kind: stop.kind });
      }
      assert.deepEqual(stops.slice(0, queue.length), queue.map((q) => ({ start: q.start, kind: q.kind })), 'every stop, in order');
      assert.equal(stops[queue.length]!.start, queue[0]!.start, 'wraps around');
      for (const s of stops) assert.ok(s.start >= bodyStart, `stopped at line ${doc.positionAt(s.start).line + 1}: ${doc.lineAt(doc.positionAt(s.start).line).text}`);
      assert.ok(!stops.some((s) => doc.getText().slice(s.start).startsWith('我觉得')), 'not on an opinion below the threshold');
    } finally {
      await config.update('review.entities', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('accepting one mention of an entity settles all its mentions; Reject everywhere removes it from every article, with undo', async () => {
    const api = await activateGloss();
    const uri = await writeArticle('entity');
    const traditional = await writeArticle('entity-tw', '據北辰日報報道，星河雲去年宣布將在香港上市，募資約50億港元。\n');
    // 星河云 is in the fixture workspace lexicon: ask about known names too, for this test
    const config = vscode.workspace.getConfiguration('gloss');
    await config.update('review.entities', 'all', vscode.ConfigurationTarget.Workspace);
    const doc = (await open(uri)).document;
    const text = doc.getText();
    const mentions = [...text.matchAll(/星河云/g)].map((m) => m.index!);
    assert.equal(mentions.length, 4);
    const queued = (q: QueueEntry[]) => q.filter((e) => e.kind === 'entity' && e.text === '星河云');
    assert.equal(queued(await waitFor(async () => ((await api.queue(uri)).some((e) => e.text === '星河云') ? api.queue(uri) : undefined), 'the setting to apply')).length, 1, 'one stop for four mentions');
    await vscode.commands.executeCommand('gloss.accept', { uri: uri.toString(), offset: mentions[2]! + 1, kind: 'entity' });
    assert.deepEqual(queued(await api.queue(uri)), [], 'settled for the whole article');
    for (const at of [mentions[1]!, mentions[3]!]) {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, doc.positionAt(at + 1));
      assert.match(hoverText(hovers), /Status: accepted/, `mention at ${at}`);
    }
    assert.equal((readFileSync(sidecarPath(uri), 'utf8').match(/kind: entity/g) ?? []).length, 1, 'one annotation in the sidecar');

    const lexiconPath = workspaceFile('.gloss', 'lexicon.yaml').fsPath;
    const before = existsSync(lexiconPath) ? readFileSync(lexiconPath, 'utf8') : undefined;
    try {
      const twDoc = await vscode.workspace.openTextDocument(traditional);
      const names = async (u: vscode.Uri) => (await api.analyze(u)).entities.map((e) => e.canonical);
      assert.ok((await names(traditional)).includes('星河云'));
      const ignored = await vscode.commands.executeCommand<string[]>('gloss.rejectEverywhere', { uri: uri.toString(), offset: mentions[1]! + 1 });
      assert.deepEqual(ignored, ['星河云']);
      assert.match(readFileSync(lexiconPath, 'utf8'), /ignore:\n\s+- 星河云\n/);
      await waitFor(async () => !(await names(traditional)).includes('星河云'), 'the Traditional article to lose 星河雲');
      await waitFor(async () => !(await names(uri)).includes('星河云'), 'this article to lose 星河云');
      void twDoc;
      await vscode.commands.executeCommand('gloss.undoRejectEverywhere', { uri: uri.toString(), names: ignored });
      await waitFor(async () => (await names(traditional)).includes('星河云'), 'undo to bring 星河雲 back');
    } finally {
      if (before === undefined) rmSync(lexiconPath, { force: true });
      else writeFileSync(lexiconPath, before);
      await config.update('review.entities', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('Accept all leaves a claim whose arithmetic fails queued, and its lens says so', async () => {
    const api = await activateGloss();
    const uri = await writeArticle('acceptall');
    const doc = (await open(uri)).document;
    const paragraph = doc.getText().indexOf('据北辰日报');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100);
    const line = doc.positionAt(paragraph).line;
    const titles = lenses.filter((l) => l.range.start.line === line).map((l) => l.command?.title ?? '');
    assert.ok(titles.some((t) => t.includes('Accept all but the failed check')), JSON.stringify(titles));
    const accepted = await vscode.commands.executeCommand<number>('gloss.acceptParagraph', { uri: uri.toString(), offset: paragraph });
    assert.ok(accepted >= 1, `accepted ${accepted}`);
    const queue = await api.queue(uri);
    assert.ok(queue.some((e) => e.kind === 'claim' && e.start === paragraph), 'the claim stays queued');
    assert.ok(queue.some((e) => e.kind === 'check' && e.text === '10%'), 'and so does its check');
    assert.doesNotMatch(readFileSync(sidecarPath(uri), 'utf8'), /kind: claim/);
    // the other paragraphs' Accept all accepts their claims
    await vscode.commands.executeCommand('gloss.acceptParagraph', { uri: uri.toString(), offset: doc.getText().indexOf('赵明远还透露') });
    assert.match(readFileSync(sidecarPath(uri), 'utf8'), /kind: claim/);
  });

  it('gives a long line analysed in pieces one row of lenses, and its Accept all accepts the whole line', async () => {
    const api = await activateGloss();
    // a heading, then a body scraped as one line of about 40,000 characters (analysed in pieces of at most 16,384)
    const sentence = (k: number) => `据北辰日报报道，星河云第${k}号工厂去年的产值为${100 + k}亿元，同比增长${(k % 40) + 1}%。`;
    const body = Array.from({ length: 1000 }, (_, k) => sentence(k)).join('');
    const uri = await writeArticle('oneline', `星河云的工厂\n${body}\n`);
    const doc = (await open(uri)).document;
    const analysis = await api.analyze(uri);
    const onBody = analysis.paragraphs.filter((p) => doc.positionAt(p.paragraph.start).line === 1);
    assert.ok(onBody.length >= 2, `the body line is analysed in ${onBody.length} pieces`);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100);
    const titles = lenses.filter((l) => l.range.start.line === 1).map((l) => l.command?.title ?? '');
    assert.equal(titles.filter((t) => t.includes('Accept all')).length, 1, JSON.stringify(titles));
    assert.equal(titles.filter((t) => !t.includes('Accept all')).length, 1, JSON.stringify(titles));
    const queued = (await api.queue(uri)).filter((e) => e.kind === 'claim').length;
    assert.ok(titles.some((t) => t.includes(`${queued} claims`)), `the row counts the whole line's ${queued} claims: ${JSON.stringify(titles)}`);
    // from the palette, the cursor in the last piece: the whole line is accepted too
    const accepted = await vscode.commands.executeCommand<number>('gloss.acceptParagraph', { uri: uri.toString(), offset: doc.getText().length - 5 });
    assert.ok(accepted >= queued, `accepted ${accepted} of ${queued} queued claims`);
    assert.deepEqual((await api.queue(uri)).filter((e) => e.kind === 'claim' && !e.settled), []);
  });

  it('re-attaches an orphan to the place chosen, keeping its verdict, and the sidecar then passes gloss check', async () => {
    await activateGloss();
    const original = '星河云董事长赵明远表示，公司将在明年推出新的芯片产品。';
    const edited = '星河云董事长赵明远日前表示，公司明年将推出两款新的芯片产品。';
    const uri = await writeArticle('orphan', ARTICLE.replace(original, edited), () => {
      // the sidecar was written against the text before the edit
      const s = emptySidecar('orphan.txt', ARTICLE);
      const start = cp(ARTICLE, ARTICLE.indexOf(original));
      s.annotations.push({ id: 'c-orphan1', kind: 'claim', status: 'accepted', verdict: 'disputed', ...createAnchor(ARTICLE, start, start + [...original].length) });
      // and the quote as it was recorded differs more than re-anchoring accepts
      const quote = '星河云董事长赵明远表示，公司将在明年推出全新的量子芯片产品。';
      Object.assign(s.annotations[0]!, { quote, end: start + [...quote].length });
      return formatSidecar(s);
    });
    const doc = (await open(uri)).document;
    const orphan = await waitFor(() => glossDiagnostics(uri).find((d) => d.code === 'orphan'), 'the orphan in Problems');
    assert.equal(orphan.severity, vscode.DiagnosticSeverity.Warning);
    const tree = await waitFor(async () => {
      const t = await vscode.commands.executeCommand<{ tree: Array<{ label: string; children?: Array<{ label: string; children?: Array<{ label: string; description?: string }> }> }> }>('gloss.corpusTree');
      const disputed = t.tree.find((n) => n.label === 'Claims by verdict')?.children?.find((n) => n.label === 'disputed');
      return disputed?.children?.some((c) => c.description?.includes('orphan.txt') && c.description.includes('orphaned')) ? t : undefined;
    }, 'the orphan to keep its verdict in the tree', 30_000);
    assert.ok(tree);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, orphan.range);
    const reattach = actions.find((a) => a.command?.command === 'gloss.reattachOrphan');
    assert.ok(reattach, actions.map((a) => a.title).join(', '));
    const args = reattach.command!.arguments![0] as { uri: string; id: string };
    assert.equal(args.id, 'c-orphan1');
    const start = doc.getText().indexOf(edited);
    // as a person does it: the quick pick of candidates, ranked as re-anchoring ranks them,
    // answered with its first row (Enter), polled until the pick is shown
    const picking = vscode.commands.executeCommand<{ quote: string; verdict: string; start: number } | undefined>('gloss.reattachOrphan', args);
    let answered = false;
    void picking.then(() => (answered = true), () => (answered = true));
    await waitFor(async () => {
      if (!answered) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return answered;
    }, 'the quick pick of places to be answered');
    const moved = await picking;
    assert.ok(moved, 'the first candidate was taken');
    assert.equal(moved.quote, edited, 'the best candidate is the sentence as rewritten');
    assert.equal(moved.verdict, 'disputed');
    await waitFor(() => !glossDiagnostics(uri).some((d) => d.code === 'orphan'), 'the orphan to leave Problems');
    const loaded = parseSidecar(readFileSync(sidecarPath(uri), 'utf8'));
    assert.equal(loaded.sidecar.annotations[0]!.start, cp(doc.getText(), start));
    assert.deepEqual(checkSidecar(loaded, doc.getText()), [], 'what the editor wrote passes gloss check');
  });
});
