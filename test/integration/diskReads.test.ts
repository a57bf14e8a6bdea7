import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { fileSize, readBytes, workspaceFiles } from '../../src/extension/workspaceFiles';

/** How a read failed: the FileSystemError code, or the error's own name. */
async function failure(read: Promise<unknown>): Promise<string> {
  try {
    await read;
    return 'no error';
  } catch (e) {
    return e instanceof vscode.FileSystemError ? e.code : `not a FileSystemError: ${String(e)}`;
  }
}

describe("files on the extension host's disk: read with node's fs", () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'gloss-reads-'));
    writeFileSync(join(dir, 'article.txt'), '\ufeff星河科技𠀀\r\n');
    mkdirSync(join(dir, 'folder'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the bytes and the size that workspace.fs gives, BOM and all', async () => {
    const uri = vscode.Uri.file(join(dir, 'article.txt'));
    assert.deepEqual(Buffer.from(await readBytes(uri)), Buffer.from(await vscode.workspace.fs.readFile(uri)));
    assert.equal(await fileSize(uri), (await vscode.workspace.fs.stat(uri)).size);
    assert.equal(await workspaceFiles(uri).read(uri.path), '\ufeff星河科技𠀀\r\n');
  });

  it('fails as workspace.fs fails: a missing file, a folder, a file taken for a folder', async () => {
    const cases = { missing: join(dir, 'missing.txt'), folder: join(dir, 'folder'), underFile: join(dir, 'article.txt', 'inside.yaml') };
    for (const [what, path] of Object.entries(cases)) {
      const uri = vscode.Uri.file(path);
      const expected = await failure(Promise.resolve(vscode.workspace.fs.readFile(uri)));
      assert.equal(await failure(readBytes(uri)), expected, `${what}: readBytes`);
      if (what !== 'folder') assert.equal(await failure(fileSize(uri)), await failure(Promise.resolve(vscode.workspace.fs.stat(uri))), `${what}: fileSize`);
    }
    assert.equal(await failure(readBytes(vscode.Uri.file(cases.missing))), 'FileNotFound');
    // what the sidecar and lexicon reads take for "no file yet"
    const missing = vscode.Uri.file(cases.missing);
    assert.equal(await workspaceFiles(missing).read(missing.path), undefined);
    assert.equal(await workspaceFiles(missing).size(missing.path), undefined);
  });

  it("keeps node's reason in the message (the log says why an article could not be indexed)", async () => {
    const error = await readBytes(vscode.Uri.file(join(dir, 'folder'))).then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof vscode.FileSystemError);
    assert.match(error.message, /EISDIR/);
  });
});
