import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateGloss, hoverText, openArticle, waitFor, workspaceFile } from './helpers';

const SCALE = Number(process.env.GLOSS_TIMEOUT_SCALE ?? 1);
// our own sentences: one checkable (from a document), one editorial, one question
const TEXT = '财报显示，星河科技第一季度营收为38.6亿元，同比增长12%。\n这无疑是一个不小的挑战。\n这样的估值真的合理吗？\n';

describe('claims in VS Code: checkable statements and the threshold', function () {
  this.timeout(60_000 * SCALE);
  let name: string;

  before(async () => {
    name = `claims-threshold-${process.pid}.txt`;
    await vscode.workspace.fs.writeFile(workspaceFile('articles', name), Buffer.from(TEXT, 'utf8'));
  });

  after(async () => {
    await vscode.workspace.getConfiguration('gloss').update('claims.minCheckWorthiness', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.fs.delete(workspaceFile('articles', name));
  });

  it('marks the checkable sentence only, and its hover says the source is a document', async () => {
    const api = await activateGloss();
    const editor = await openArticle(name);
    const analysis = await api.analyze(editor.document.uri);
    assert.deepEqual(analysis.claims.map((c) => c.text), ['财报显示，星河科技第一季度营收为38.6亿元，同比增长12%。']);
    const at = editor.document.positionAt(TEXT.indexOf('星河科技'));
    const text = await waitFor(async () => {
      const t = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at));
      return /Source/.test(t) ? t : undefined;
    }, 'a claim hover with its source', 15_000 * SCALE);
    // the hover's markdown escapes the brackets
    assert.match(text ?? '', /Source: a document \\?\(财报\\?\)/);
  });

  it('gloss.claims.minCheckWorthiness: at 0 the editorial sentence is marked too (never the question), and back', async () => {
    const api = await activateGloss();
    const editor = await openArticle(name);
    const claims = async () => (await api.analyze(editor.document.uri)).claims.map((c) => c.text);
    await vscode.workspace.getConfiguration('gloss').update('claims.minCheckWorthiness', 0, vscode.ConfigurationTarget.Workspace);
    const all = await waitFor(async () => ((await claims()).length === 2 ? claims() : undefined), 'two claims at threshold 0', 20_000 * SCALE);
    assert.ok(all?.includes('这无疑是一个不小的挑战。'));
    await vscode.workspace.getConfiguration('gloss').update('claims.minCheckWorthiness', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor(async () => (await claims()).length === 1, 'one claim again at the default', 20_000 * SCALE);
  });
});
