import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { HOVER_COMMANDS } from '../../src/extension/commands';
import { activateGloss, waitFor, workspaceFile } from './helpers';

const scale = Number(process.env.GLOSS_TIMEOUT_SCALE ?? 1);
const fixture = join(__dirname, '../../../test/fixtures/commandArgs/hostile-args.txt');

/** Bytes of a file, or undefined when it does not exist. */
const bytes = (p: string) => (existsSync(p) ? readFileSync(p, 'utf8') : undefined);

describe('hover-callable commands with hostile arguments', function () {
  this.timeout(120_000 * scale);
  const folder = workspaceFile('articles', `hostile-args-${process.pid}`);
  const article = vscode.Uri.joinPath(folder, 'hostile-args.txt');
  const sidecar = join(folder.fsPath, 'hostile-args.annotations.yaml');
  const lexicon = workspaceFile('.gloss', 'lexicon.yaml').fsPath;
  let doc: vscode.TextDocument;

  before(async () => {
    await activateGloss();
    mkdirSync(folder.fsPath, { recursive: true });
    writeFileSync(article.fsPath, readFileSync(fixture, 'utf8'));
    doc = await vscode.workspace.openTextDocument(article);
    await vscode.window.showTextDocument(doc);
    await waitFor(() => doc.languageId === 'article', 'the scratch article to become an article', 10_000 * scale);
    // one valid decision first, so that there is a sidecar to protect
    const offset = doc.getText().indexOf('1532.40亿元') + 1;
    const a = await waitFor(
      async () => vscode.commands.executeCommand<{ status: string } | undefined>('gloss.accept', { uri: doc.uri.toString(), offset, kind: 'figure' }),
      'a valid accept',
      20_000 * scale,
    );
    assert.equal(a?.status, 'accepted');
  });

  after(() => rmSync(folder.fsPath, { recursive: true, force: true }));

  it('each is refused, returns nothing and changes no file; Gloss still saves afterwards', async () => {
    const uri = doc.uri.toString();
    const offset = doc.getText().indexOf('1532.40亿元') + 1;
    const hostile: Array<[string, unknown[]]> = [];
    const common = [
      { uri, offset: -1 },
      { uri, offset: 'x' },
      { uri, offset, kind: 'company' },
      { uri: 'file:///etc/passwd', offset: 0 },
      { uri: 'https://evil.example/a.txt', offset: 0 },
      { uri, offset, injected: true },
    ];
    for (const id of HOVER_COMMANDS.filter((c) => c !== 'gloss.showMentions')) {
      for (const arg of common) hostile.push([id, [arg]]);
      hostile.push([id, [{ uri, offset }, { uri, offset }]]);
    }
    hostile.push(
      ['gloss.setVerdict', [{ uri, offset, kind: 'claim', verdict: 'true' }]],
      ['gloss.addNote', [{ uri, offset, kind: 'figure', note: 42 }]],
      ['gloss.addNote', [{ uri, offset, kind: 'figure', note: 'x\u001b]0;pwned\u0007 \uD800' }]],
      ['gloss.addEvidence', [{ uri, offset, kind: 'figure', evidence: 'javascript:alert(1)' }]],
      ['gloss.teachEntity', [{ uri, offset: doc.getText().indexOf('星河科技'), kind: 'entity', type: 'company' }]],
      ['gloss.teachEntity', [{ uri, offset: doc.getText().indexOf('星河科技'), kind: 'entity', type: 'org', canonical: '星河\n科技' }]],
      ['gloss.setArticleDate', [{ uri, date: '2024-02-30' }]],
      ['gloss.setArticleDate', [{ uri, date: '2024-06-12\nannotations: []' }]],
      ['gloss.showMentions', ['org)](command:gloss.export']],
      ['gloss.showMentions', [{ id: 'org:星河科技' }]],
    );
    const before = { sidecar: bytes(sidecar), lexicon: bytes(lexicon) };
    assert.ok(before.sidecar, 'no sidecar to protect');
    for (const [id, args] of hostile) {
      const r = await vscode.commands.executeCommand(id, ...args);
      assert.equal(r, undefined, `${id} ${JSON.stringify(args)} returned ${JSON.stringify(r)}`);
      assert.equal(bytes(sidecar), before.sidecar, `${id} ${JSON.stringify(args)} changed the sidecar`);
      assert.equal(bytes(lexicon), before.lexicon, `${id} ${JSON.stringify(args)} changed the lexicon`);
    }
    // nothing was poisoned: a valid note is still saved, and the sidecar still reads
    const note = await vscode.commands.executeCommand<{ note?: string }>('gloss.addNote', { uri, offset, kind: 'figure', note: '核对过' });
    assert.equal(note?.note, '核对过');
    await waitFor(() => /note: 核对过/.test(bytes(sidecar) ?? ''), 'the valid note on disk', 10_000 * scale);
    const all = await vscode.commands.executeCommand<Array<{ id: string }>>('gloss.annotations', uri);
    assert.equal(all.length, 1);
  });

  it("the corpus view's gloss.openLocation opens no file outside the workspace and no bad offset; a valid location still opens", async () => {
    const uri = doc.uri.toString();
    const outside = 'file:///etc/hostname';
    const hostile: unknown[][] = [[outside, 0], ['command:gloss.export', 0], [uri, -1], [uri, '3'], [uri], [{ uri, offset: 3 }]];
    for (const args of hostile) {
      const r = await vscode.commands.executeCommand('gloss.openLocation', ...args);
      assert.equal(r, undefined);
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === outside), `${JSON.stringify(args)} opened ${outside}`);
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri, `${JSON.stringify(args)} changed the active editor`);
    }
    const offset = doc.getText().indexOf('1532.40亿元');
    await vscode.commands.executeCommand('gloss.openLocation', uri, offset);
    await waitFor(() => vscode.window.activeTextEditor?.document.offsetAt(vscode.window.activeTextEditor.selection.active) === offset, 'the cursor at the location', 10_000 * scale);
  });
});
