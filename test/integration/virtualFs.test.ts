import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { activateGloss, DEFAULT_WAIT_MS, timeoutFor, waitFor } from './helpers';

const SCHEME = 'gloss-memfs';
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * A file system that lives in memory (as VS Code's fsprovider sample does): files exist only
 * here, so a sidecar found here was written through workspace.fs, and one read back came from here.
 */
class MemFs implements vscode.FileSystemProvider {
  readonly files = new Map<string, Uint8Array>();
  readonly folders = new Set<string>(['/']);
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;
  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }
  stat(uri: vscode.Uri): vscode.FileStat {
    const file = this.files.get(uri.path);
    if (file) return { type: vscode.FileType.File, ctime: 0, mtime: Date.now(), size: file.byteLength };
    if (this.folders.has(uri.path)) return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    throw vscode.FileSystemError.FileNotFound(uri);
  }
  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    const prefix = uri.path.endsWith('/') ? uri.path : `${uri.path}/`;
    const direct = (p: string) => p.startsWith(prefix) && !p.slice(prefix.length).includes('/');
    return [
      ...[...this.files.keys()].filter(direct).map((p): [string, vscode.FileType] => [p.slice(prefix.length), vscode.FileType.File]),
      ...[...this.folders].filter((p) => p !== '/' && direct(p)).map((p): [string, vscode.FileType] => [p.slice(prefix.length), vscode.FileType.Directory]),
    ];
  }
  createDirectory(uri: vscode.Uri): void {
    this.folders.add(uri.path);
  }
  readFile(uri: vscode.Uri): Uint8Array {
    const file = this.files.get(uri.path);
    if (!file) throw vscode.FileSystemError.FileNotFound(uri);
    return file;
  }
  writeFile(uri: vscode.Uri, content: Uint8Array, options: { create: boolean; overwrite: boolean }): void {
    const exists = this.files.has(uri.path);
    if (!exists && !options.create) throw vscode.FileSystemError.FileNotFound(uri);
    if (exists && !options.overwrite) throw vscode.FileSystemError.FileExists(uri);
    this.files.set(uri.path, content);
    this.emitter.fire([{ type: exists ? vscode.FileChangeType.Changed : vscode.FileChangeType.Created, uri }]);
  }
  delete(uri: vscode.Uri): void {
    if (!this.files.delete(uri.path)) throw vscode.FileSystemError.FileNotFound(uri);
    this.emitter.fire([{ type: vscode.FileChangeType.Deleted, uri }]);
  }
  rename(from: vscode.Uri, to: vscode.Uri, options: { overwrite: boolean }): void {
    const file = this.files.get(from.path);
    if (!file) throw vscode.FileSystemError.FileNotFound(from);
    if (this.files.has(to.path) && !options.overwrite) throw vscode.FileSystemError.FileExists(to);
    this.files.delete(from.path);
    this.files.set(to.path, file);
    this.emitter.fire([{ type: vscode.FileChangeType.Deleted, uri: from }, { type: vscode.FileChangeType.Created, uri: to }]);
  }
  text(path: string): string | undefined {
    const file = this.files.get(path);
    return file && decoder.decode(file);
  }
}

const fixture = (name: string) => readFileSync(join(__dirname, '../../../test/fixtures/ux', name), 'utf8');

describe('virtual file systems: sidecars through workspace.fs', () => {
  let registration: vscode.Disposable | undefined;
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    registration?.dispose();
    registration = undefined;
  });

  it('an article on a file system that is not the disk gets its sidecar written and read back through that file system', async function () {
    this.timeout(timeoutFor(DEFAULT_WAIT_MS, DEFAULT_WAIT_MS, DEFAULT_WAIT_MS, DEFAULT_WAIT_MS));
    await activateGloss();
    const memfs = new MemFs();
    registration = vscode.workspace.registerFileSystemProvider(SCHEME, memfs, { isCaseSensitive: true });
    // a folder name of its own, so that a write that went to the local disk instead is seen there
    const folder = `/gloss-virtual-${process.pid.toString(36)}${Date.now().toString(36)}`;
    memfs.folders.add(folder);
    const text = fixture('cloud-simplified.txt');
    memfs.files.set(`${folder}/first.txt`, encoder.encode(text));
    memfs.files.set(`${folder}/second.txt`, encoder.encode(text));
    const first = vscode.Uri.from({ scheme: SCHEME, path: `${folder}/first.txt` });
    const second = vscode.Uri.from({ scheme: SCHEME, path: `${folder}/second.txt` });

    // written: a decision on the first article lands in the provider, beside the article, and not on the disk
    const doc = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(first), 'article');
    await vscode.window.showTextDocument(doc);
    const offset = doc.getText().indexOf('520亿元') + 1;
    const decided = await vscode.commands.executeCommand<{ id: string; status: string } | undefined>('gloss.accept', { uri: first.toString(), offset, kind: 'figure' });
    assert.equal(decided?.status, 'accepted', 'the decision is saved');
    const written = memfs.text(`${folder}/first.annotations.yaml`);
    assert.ok(written, `the sidecar is in the provider; it holds ${[...memfs.files.keys()].join(', ')}`);
    assert.match(written, /article: first\.txt/);
    assert.match(written, /status: accepted/);
    assert.ok(!existsSync(folder), 'nothing was written to the local disk');
    assert.deepEqual([...memfs.files.keys()].filter((p) => p.endsWith('.tmp')), [], 'no temporary file is left');

    // read back: the second article's sidecar exists only in the provider, and its decision shows
    memfs.files.set(`${folder}/second.annotations.yaml`, encoder.encode(written.replace('article: first.txt', 'article: second.txt')));
    const doc2 = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(second), 'article');
    const annotations = await waitFor(async () => {
      const list = await vscode.commands.executeCommand<Array<{ id: string; status: string }>>('gloss.annotations', doc2.uri.toString());
      return list.length ? list : undefined;
    }, 'the second article to show the decision read from its sidecar');
    assert.deepEqual(annotations.map((a) => [a.id, a.status]), [[decided.id, 'accepted']]);
  });
});
