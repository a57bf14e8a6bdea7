// What `npm start -- PATH…` opens, decided without starting anything (so that it is tested
// on its own): a folder, a folder holding the given files, several folders as one
// multi-root workspace, or with no path a copy of the demo corpus in a temporary folder, so
// that trying Gloss never writes sidecars into the checkout.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';

/** A glob of `gloss.articles` as a regular expression over a path with forward slashes. */
export function globToRegExp(glob) {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      // `**/` is any number of folders, including none
      if (glob[i + 2] === '/') {
        re += '(?:[^/]*/)*';
        i += 2;
      } else {
        re += '.*';
        i++;
      }
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** The `.txt` files under `dir` (at most `limit`, skipping hidden folders and node_modules). */
function textFiles(dir, limit = 2000) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (out.length >= limit) return;
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && e.name.endsWith('.txt') && !e.name.endsWith('.annotations.txt')) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/**
 * Patterns to add to `gloss.articles` for this session, so that the `.txt` files the user
 * pointed at are articles even where the default patterns (articles/, corpus/, *.article.txt)
 * miss them: `**\/*.txt` for a folder, the file names for files.
 */
export function extraArticlePatterns({ folders, files }, defaults) {
  const res = defaults.map(globToRegExp);
  const isArticle = (p) => res.some((r) => r.test(p.split(sep).join('/')));
  const extra = [];
  if (files.length) {
    for (const f of files) if (!isArticle(f)) extra.push(`**/${basename(f)}`);
  } else if (folders.some((d) => textFiles(d).some((f) => !isArticle(f)))) extra.push('**/*.txt');
  return [...new Set(extra)];
}

/**
 * Resolves the command line. Returns { kind, folder | workspaceFile, openFile, folders,
 * files, describe, cleanup }; throws an Error with a message for the user when a path does
 * not exist.
 */
export function resolveTarget(paths, { root, cwd = process.cwd() } = {}) {
  if (!paths.length) {
    const dir = mkdtempSync(join(tmpdir(), 'gloss-demo-'));
    const articles = join(dir, 'articles');
    mkdirSync(articles, { recursive: true });
    for (const f of readdirSync(join(root, 'test/fixtures/corpus'))) {
      if (f.endsWith('.txt')) cpSync(join(root, 'test/fixtures/corpus', f), join(articles, f));
    }
    // the walkthrough opens beside the first article
    mkdirSync(join(dir, '.vscode'));
    writeFileSync(join(dir, '.vscode/settings.json'), `${JSON.stringify({ 'gloss.walkthrough.openOnStartup': true }, null, 2)}\n`);
    const first = readdirSync(articles).filter((f) => f.endsWith('.txt')).sort()[0];
    return {
      kind: 'demo',
      folder: dir,
      folders: [dir],
      files: [],
      openFile: first ? join(articles, first) : undefined,
      describe: `a copy of the demo corpus in ${dir} (removed when you stop)`,
      cleanup: () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const folders = [];
  const files = [];
  for (const p of paths) {
    const abs = resolve(cwd, p);
    if (!existsSync(abs)) throw new Error(`${p}: no such file or folder`);
    if (statSync(abs).isDirectory()) folders.push(abs);
    else files.push(abs);
  }
  const all = [...new Set([...folders, ...files.map((f) => dirname(f))])];
  // a file inside a given folder needs no folder of its own
  const roots = all.filter((d) => !all.some((o) => o !== d && (d + sep).startsWith(o + sep)));
  const openFile = files[0];
  if (roots.length === 1) {
    return {
      kind: 'folder',
      folder: roots[0],
      folders: roots,
      files,
      openFile,
      describe: files.length ? `${roots[0]} (holding ${files.map((f) => relative(roots[0], f)).join(', ')})` : roots[0],
      cleanup: () => {},
    };
  }
  // folders that share no root: one multi-root workspace, written outside them all
  const dir = mkdtempSync(join(tmpdir(), 'gloss-workspace-'));
  const workspaceFile = join(dir, 'gloss.code-workspace');
  writeFileSync(workspaceFile, `${JSON.stringify({ folders: roots.map((path) => ({ path })) }, null, 2)}\n`);
  return {
    kind: 'workspace',
    workspaceFile,
    folders: roots,
    files,
    openFile,
    describe: `a workspace of ${roots.length} folders: ${roots.join(', ')}`,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The workbench URL for a target on a started code-server, with Gloss loaded as the extension under development. */
export function workbenchUrl(server, target, extensionRoot) {
  const payload = [['extensionDevelopmentPath', server.remote(extensionRoot)]];
  if (target.openFile) payload.push(['openFile', server.remote(target.openFile)]);
  const query = new URLSearchParams(target.workspaceFile ? { workspace: target.workspaceFile } : { folder: target.folder });
  query.set('payload', JSON.stringify(payload));
  return `${server.base}/?${query}`;
}
