import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateGloss, EXTENSION_ID, hoverText, openArticle } from '../integration/helpers';

describe('the packaged extension (.vsix)', () => {
  it('is installed from the .vsix, not loaded from the development folder', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    assert.match(ext.extensionPath, /gloss-dev\.gloss-/);
    assert.equal(process.env.GLOSS_EXPECT_PACKAGED, '1');
  });

  it('activates and answers a hover on a figure', async () => {
    await activateGloss();
    const editor = await openArticle('02-ai-startups-traditional.txt');
    const at = editor.document.getText().indexOf('320億元');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(at + 1),
    );
    assert.match(hoverText(hovers), /CNY 32,000,000,000/);
  });

  it('ships its grammar and converts scripts (dictionaries are bundled)', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const grammar = await vscode.workspace.fs.stat(vscode.Uri.joinPath(ext.extensionUri, 'syntaxes/article.tmLanguage.json'));
    assert.ok(grammar.size > 0);
    const text = await vscode.commands.executeCommand<string>('gloss.copyAsTraditional', (await openArticle('01-cloud-earnings-simplified.txt')).document.uri);
    assert.match(text, /編輯/);
  });

  it('ships the tagger and its word dictionary: names only they find are found', async () => {
    const api = await activateGloss();
    const editor = await openArticle('01-cloud-earnings-simplified.txt');
    const sources = new Set((await api.analyze(editor.document.uri)).entities.map((e) => e.source));
    // the tagger's model (dist/ner.json), the dictionary behind abbreviations (dist/words.txt), and both as the tagger holds them (dist/ner.bin)
    assert.ok(sources.has('model'), [...sources].join());
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    assert.equal(api.nerModelSource(), 'snapshot', 'the model is read from dist/ner.bin');
    for (const file of ['dist/ner.json', 'dist/words.txt', 'dist/ner.bin']) assert.ok((await vscode.workspace.fs.stat(vscode.Uri.joinPath(ext.extensionUri, file))).size > 0, file);
  });
});
