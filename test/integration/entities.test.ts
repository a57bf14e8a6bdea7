import * as assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { activateGloss, hoverText, waitFor, workspaceFile } from './helpers';

/** Limits scale with GLOSS_TIMEOUT_SCALE on slow machines. */
const scale = Number(process.env.GLOSS_TIMEOUT_SCALE ?? '1') || 1;
const fixtures = join(__dirname, '../../../test/fixtures/entities');

describe('entities in the editor: a well-known short form stands alone', function () {
  this.timeout(60_000 * scale);
  // a scratch folder of this suite's own under articles/, so that the file is an article
  const scratch = workspaceFile('articles', `entities-${process.pid}`);

  before(() => {
    mkdirSync(scratch.fsPath, { recursive: true });
    copyFileSync(join(fixtures, 'short-form-traditional.txt'), join(scratch.fsPath, 'short-form-traditional.txt'));
  });
  after(() => rmSync(scratch.fsPath, { recursive: true, force: true }));

  it('the hover on 阿裏 in a Traditional article that never writes 阿里巴巴 links to 阿里巴巴', async () => {
    await activateGloss();
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(scratch, 'short-form-traditional.txt'));
    await vscode.window.showTextDocument(doc);
    await waitFor(() => doc.languageId === 'article', 'the fixture to become an article', 15_000 * scale);
    assert.ok(!doc.getText().includes('阿里巴巴') && !doc.getText().includes('阿里'), 'the fixture names Alibaba only as 阿裏');
    // the second 阿裏, inside a sentence
    const at = doc.getText().indexOf('阿裏', doc.getText().indexOf('透露'));
    assert.ok(at > 0);
    const text: string = await waitFor<string>(
      async () => {
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(at + 1));
        const t = hoverText(hovers);
        return /\*\*阿里巴巴\*\*/.test(t) ? t : '';
      },
      'a hover on 阿裏 with the entity 阿里巴巴',
      20_000 * scale,
    );
    assert.match(text, /\*\*阿里巴巴\*\*/);
    assert.match(text, /`org`/);
  });
});
