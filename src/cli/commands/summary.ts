/**
 * `gloss summary --since REF [--until REV] [PATH...]`: the review work between two revisions
 * (the later one by default the working tree) as Markdown for a pull-request comment.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, posix, relative, resolve, sep } from 'node:path';
import type { Analyzer } from '../../core/analysis/analyze';
import { filesAt, GitError, readAt, repoRoot, resolveCommit } from '../../core/git/git';
import { findingsFor } from '../../core/review/findings';
import { summarize, type ArticleChange, type Side } from '../../core/review/summary';
import { parseSidecar, SidecarError, type LoadedSidecar } from '../../core/sidecar/yamlIO';
import { stripBom } from '../../core/text/offsets';
import { Args } from '../args';
import { sidecarPaths, UsageError } from '../sidecarCommands';
import { checksAnalyzer, dateOf } from '../reviewInputs';

const SIDECAR = '.annotations.yaml';

/** Reads files at a revision, or in the working tree when `rev` is undefined (paths relative to the root). */
function reader(root: string, rev: string | undefined): (path: string) => string | undefined {
  if (rev === undefined) return (p) => (existsSync(join(root, p)) ? readFileSync(join(root, p), 'utf8') : undefined);
  return (p) => readAt(rev, p, root);
}

function side(read: (p: string) => string | undefined, sidecarPath: string): Side & { loaded?: LoadedSidecar; articlePath: string; raw?: string } {
  const raw = read(sidecarPath);
  const conventional = sidecarPath.slice(0, -SIDECAR.length) + '.txt';
  if (raw === undefined) return { articlePath: conventional };
  try {
    const loaded = parseSidecar(raw);
    const articlePath = posix.join(posix.dirname(sidecarPath), loaded.sidecar.article);
    // an article: that leaves the sidecar's folder is never read
    const confined = !posix.relative(posix.dirname(sidecarPath), articlePath).startsWith('..') && !posix.isAbsolute(loaded.sidecar.article);
    const text = confined ? read(articlePath) : undefined;
    return { sidecar: loaded.sidecar, loaded, raw, articlePath, ...(text !== undefined ? { articleText: stripBom(text) } : {}) };
  } catch (e) {
    if (!(e instanceof SidecarError)) throw e;
    const text = read(conventional);
    return { error: `line ${e.line ?? 1}: ${e.message}`, raw, articlePath: conventional, ...(text !== undefined ? { articleText: stripBom(text) } : {}) };
  }
}

export function runSummary(argv: string[], write: (s: string) => void): number {
  const args = new Args(argv);
  const since = args.option('--since');
  const until = args.option('--until');
  if (since === undefined) throw new UsageError('summary needs --since REF (the revision the review started from)');
  const paths = args.positional();
  const cwd = process.cwd();
  const root = repoRoot(cwd);
  if (!root) throw new UsageError('summary compares git revisions: run it inside a git repository');
  const rel = (p: string) => relative(root, resolve(cwd, p)).split(sep).join('/');
  const scopes = (paths.length ? paths : ['.']).map((p) => (p.endsWith('.txt') ? rel(p).slice(0, -4) + SIDECAR : rel(p)));
  const inScope = (f: string) => scopes.some((s) => s === '' || f === s || f.startsWith(`${s}/`));

  let sidecars: string[];
  try {
    resolveCommit(since, root);
    const sidecarsAt = (rev: string) => filesAt(rev, root).filter((f) => f.endsWith(SIDECAR) && inScope(f));
    const later = until === undefined ? sidecarPaths(paths).map(rel) : sidecarsAt(until);
    sidecars = [...new Set([...sidecarsAt(since), ...later])].sort();
  } catch (e) {
    if (e instanceof GitError) throw new UsageError(e.message);
    throw e;
  }
  const readBefore = reader(root, since);
  const readAfter = reader(root, until);
  let analyzer: Analyzer | undefined;
  const changes: ArticleChange[] = [];
  for (const path of sidecars) {
    const before = side(readBefore, path);
    const after = side(readAfter, path);
    if (before.raw === after.raw && before.articleText === after.articleText) continue;
    let failedChecks: ArticleChange['failedChecks'] = [];
    if (after.loaded && after.articleText !== undefined) {
      const analysis = (analyzer ??= checksAnalyzer()).analyze(after.articleText, dateOf(after.loaded.sidecar));
      failedChecks = findingsFor({ state: 'ok', sidecarPath: path, loaded: after.loaded, articlePath: after.articlePath, articleText: after.articleText, analysis })
        .filter((f) => f.rule === 'failed-check');
    }
    changes.push({ sidecarPath: path, article: after.articlePath, before, after, failedChecks });
  }
  write(summarize(changes, since, until ?? 'working tree'));
  return 0;
}
