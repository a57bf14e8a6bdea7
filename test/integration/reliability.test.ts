import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { activateGloss, DEFAULT_WAIT_MS, hoverText, openArticle, scratchArticles, timeoutFor, waitFor } from './helpers';

/** Our own text: a figure, a named organisation and a claim in each line. */
const LINE = '星河科技集团发布财报，第三季度营收增长18%，约合12亿美元。\n';

const tooLarge = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'gloss' && d.code === 'too-large');

describe('reliability in the editor: the article size limit and the orphan hover', () => {
  afterEach(async () => {
    await vscode.workspace.getConfiguration('gloss').update('maxArticleMb', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('an article above gloss.maxArticleMb is not analysed, and the user is told once (message, Problems, status bar)', async function () {
    this.timeout(timeoutFor(DEFAULT_WAIT_MS, DEFAULT_WAIT_MS, DEFAULT_WAIT_MS, DEFAULT_WAIT_MS, DEFAULT_WAIT_MS));
    const api = await activateGloss();
    const s = await scratchArticles();
    // 60 lines of about 90 bytes: 5.3 kB, above a limit of 0.004 MB (4.2 kB)
    const name = `long-${Date.now().toString(36)}.txt`;
    const uri = vscode.Uri.file(join(s.dir, name));
    writeFileSync(uri.fsPath, LINE.repeat(60));
    await vscode.workspace.getConfiguration('gloss').update('maxArticleMb', 0.004, vscode.ConfigurationTarget.Workspace);
    const editor = await openArticle(uri);
    const doc = editor.document;
    try {
      const [problem] = await waitFor(() => (tooLarge(uri).length > 0 ? tooLarge(uri) : undefined), 'a Problems entry that the article is too large');
      assert.match(problem!.message, new RegExp(`${name.replace('.', '\\.')}: it is 0\\.00[0-9]+ MB, above the limit of 0\\.004 MB \\(gloss\\.maxArticleMb\\)`));
      assert.equal(problem!.severity, vscode.DiagnosticSeverity.Warning);
      const analysis = await api.analyze(uri);
      assert.deepEqual([analysis.figures.length, analysis.entities.length, analysis.claims.length], [0, 0, 0], 'nothing is analysed');
      const bar = await waitFor(() => (api.statusBar().visible && /not analysed/.test(api.statusBar().text) ? api.statusBar() : undefined), 'the status bar to say the article is not analysed');
      assert.match(bar.tooltip, /above the limit of 0\.004 MB/);
      const told = () => api.logLines().filter((l) => l.includes(`does not analyse ${name}`));
      await waitFor(() => told().length === 1, 'the refusal in the output channel');
      // an edit is analysed again (still too large): the user is not told a second time
      await editor.edit((e) => e.insert(new vscode.Position(0, 0), LINE));
      await waitFor(async () => (await api.analyze(uri)).text.startsWith(LINE + LINE) && tooLarge(uri).length === 1, 'the edited version to be checked again');
      assert.equal(told().length, 1, 'told once, not on every edit');
      // a limit that the article fits: it is analysed, and the warning goes
      await vscode.workspace.getConfiguration('gloss').update('maxArticleMb', 1, vscode.ConfigurationTarget.Workspace);
      await waitFor(async () => tooLarge(uri).length === 0 && (await api.analyze(uri)).figures.length > 0, 'the article to be analysed under a limit it fits');
      await waitFor(() => !/not analysed/.test(api.statusBar().text), 'the status bar to count the review again');
    } finally {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  it('an orphaned annotation has a hover (executeHoverProvider) that shows its quote, escaped', async function () {
    this.timeout(timeoutFor(DEFAULT_WAIT_MS, DEFAULT_WAIT_MS, DEFAULT_WAIT_MS, DEFAULT_WAIT_MS));
    const api = await activateGloss();
    const s = await scratchArticles();
    const uri = vscode.Uri.file(join(s.dir, `orphan-${Date.now().toString(36)}.txt`));
    // a sentence whose words would be a link, a remote image and a theme icon if rendered as Markdown
    const hostile = '据[年报](https://evil.example/a)称，![图](https://evil.example/p.png)星河云营收$(zap)增长。';
    writeFileSync(uri.fsPath, `星河云发布季度财报。\n${hostile}\n陈立峰表示，公司将继续投入大模型。\n`);
    const editor = await openArticle(uri);
    const doc = editor.document;
    try {
      const start = doc.getText().indexOf(hostile);
      await vscode.commands.executeCommand('gloss.annotateSelection', { uri: uri.toString(), start, end: start + hostile.length, kind: 'claim' });
      await waitFor(async () => (await api.annotations(uri)).some((a) => a.quote === hostile), 'the manual claim in the sidecar');
      // rewrite the sentence: its quote is gone, so the annotation becomes an orphan
      const line = doc.positionAt(start).line;
      await editor.edit((e) => e.replace(doc.lineAt(line).range, '这一句话已经被编辑改写，原来的文字不在了。'));
      const orphans = await waitFor(async () => {
        const list = await vscode.commands.executeCommand<Array<{ quote: string }>>('gloss.showOrphans', { uri: uri.toString() });
        return list.length > 0 ? list : undefined;
      }, 'the annotation to become an orphan');
      assert.deepEqual(orphans.map((o) => o.quote), [hostile]);
      const hovers = await waitFor(async () => {
        const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, 2));
        return /orphaned/.test(hoverText(h)) ? h : undefined;
      }, "the orphan's hover on its line");
      const text = hoverText(hovers);
      assert.match(text, /orphaned claim/);
      // every character Markdown would act on is escaped: no link, image or icon can form
      assert.ok(text.includes('据\\[年报\\]\\(https\\://evil\\.example/a\\)称'), text);
      assert.ok(text.includes('\\!\\[图\\]'), text);
      assert.ok(text.includes('\\$\\(zap\\)'), text);
      assert.doesNotMatch(text, /(^|[^\\])(\[年报\]|!\[|\$\(zap)/);
    } finally {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
});
