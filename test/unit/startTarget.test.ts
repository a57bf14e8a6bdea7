import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(__dirname, '../../..');
// scripts/startTarget.mjs is an ES module: imported as one, not through require()
const importEsm = new Function('url', 'return import(url)') as (url: string) => Promise<StartTarget>;

interface Target {
  kind: 'demo' | 'folder' | 'workspace';
  folder?: string;
  workspaceFile?: string;
  folders: string[];
  files: string[];
  openFile?: string;
  cleanup(): void;
}
interface StartTarget {
  resolveTarget(paths: string[], options: { root: string; cwd?: string }): Target;
  extraArticlePatterns(target: { folders: string[]; files: string[] }, defaults: string[]): string[];
  globToRegExp(glob: string): RegExp;
}

const DEFAULTS = ['**/articles/**/*.txt', '**/corpus/**/*.txt', '**/*.article.txt'];

describe('npm start: what it opens (scripts/startTarget.mjs)', () => {
  let m: StartTarget;
  let scratch: string;
  before(async () => {
    m = await importEsm(pathToFileURL(join(root, 'scripts/startTarget.mjs')).href);
  });
  beforeEach(() => {
    scratch = mkdtempSync(join(tmpdir(), 'gloss-start-unit-'));
  });
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  it('with no path, opens a copy of the demo corpus outside the checkout, with the walkthrough, and removes it on stop', () => {
    const t = m.resolveTarget([], { root });
    try {
      assert.equal(t.kind, 'demo');
      assert.ok(!(t.folder! + sep).startsWith(root + sep), `${t.folder} is inside the checkout`);
      const copied = readdirSync(join(t.folder!, 'articles')).sort();
      assert.deepEqual(copied, readdirSync(join(root, 'test/fixtures/corpus')).filter((f) => f.endsWith('.txt')).sort());
      assert.equal(t.openFile, join(t.folder!, 'articles', copied[0]!));
      const settings = JSON.parse(readFileSync(join(t.folder!, '.vscode/settings.json'), 'utf8'));
      assert.equal(settings['gloss.walkthrough.openOnStartup'], true);
    } finally {
      t.cleanup();
    }
    assert.ok(!existsSync(t.folder!));
  });

  it('opens a folder as given, relative to where npm start runs', () => {
    mkdirSync(join(scratch, 'mine'));
    const t = m.resolveTarget(['mine'], { root, cwd: scratch });
    assert.equal(t.kind, 'folder');
    assert.equal(t.folder, join(scratch, 'mine'));
    assert.equal(t.openFile, undefined);
  });

  it('opens the folder holding the files given, with the first one open', () => {
    mkdirSync(join(scratch, 'a/b'), { recursive: true });
    writeFileSync(join(scratch, 'a/one.txt'), '一');
    writeFileSync(join(scratch, 'a/b/two.txt'), '二');
    const t = m.resolveTarget(['a/b/two.txt', 'a/one.txt'], { root, cwd: scratch });
    assert.equal(t.kind, 'folder');
    assert.equal(t.folder, join(scratch, 'a'));
    assert.equal(t.openFile, join(scratch, 'a/b/two.txt'));
  });

  it('opens files of unrelated folders as one multi-root workspace', () => {
    mkdirSync(join(scratch, 'x'));
    mkdirSync(join(scratch, 'y'));
    writeFileSync(join(scratch, 'x/1.txt'), '一');
    writeFileSync(join(scratch, 'y/2.txt'), '二');
    const t = m.resolveTarget([join(scratch, 'x/1.txt'), join(scratch, 'y/2.txt')], { root });
    try {
      assert.equal(t.kind, 'workspace');
      const ws = JSON.parse(readFileSync(t.workspaceFile!, 'utf8'));
      assert.deepEqual(ws.folders.map((f: { path: string }) => f.path), [join(scratch, 'x'), join(scratch, 'y')]);
    } finally {
      t.cleanup();
    }
  });

  it('says which path does not exist', () => {
    assert.throws(() => m.resolveTarget(['nowhere/at/all'], { root, cwd: scratch }), /nowhere\/at\/all: no such file or folder/);
  });

  it('makes the files given articles where the default patterns miss them', () => {
    mkdirSync(join(scratch, 'articles'));
    writeFileSync(join(scratch, 'articles/in.txt'), '一');
    assert.deepEqual(m.extraArticlePatterns({ folders: [scratch], files: [] }, DEFAULTS), []);
    writeFileSync(join(scratch, 'loose.txt'), '二');
    assert.deepEqual(m.extraArticlePatterns({ folders: [scratch], files: [] }, DEFAULTS), ['**/*.txt']);
    assert.deepEqual(m.extraArticlePatterns({ folders: [scratch], files: [join(scratch, 'loose.txt'), join(scratch, 'articles/in.txt')] }, DEFAULTS), ['**/loose.txt']);
  });

  it('reads globs as VS Code does: ** spans folders (or none), * stays inside one', () => {
    const r = m.globToRegExp('**/corpus/**/*.txt');
    assert.ok(r.test('/home/u/corpus/a.txt'));
    assert.ok(r.test('/home/u/corpus/2024/a.txt'));
    assert.ok(!r.test('/home/u/corpora/a.txt'));
    assert.ok(m.globToRegExp('**/*.article.txt').test('/x/y.article.txt'));
    assert.ok(!m.globToRegExp('*.txt').test('/x/y.txt'));
  });
});
