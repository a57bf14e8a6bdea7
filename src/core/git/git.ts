/**
 * The few questions Gloss asks git, each as one `git` child process with an argument list:
 * never a shell, so that a ref or a path cannot run anything. Paths that git returns are
 * relative to the repository root.
 */
import { execFileSync } from 'node:child_process';

export class GitError extends Error {}

const MAX_OUTPUT = 512 * 1024 * 1024;

function run(args: string[], cwd: string): Buffer {
  try {
    return execFileSync('git', args, { cwd, maxBuffer: MAX_OUTPUT, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: Buffer };
    if (err.code === 'ENOENT') throw new GitError('git is not installed (or not on PATH)');
    const detail = err.stderr?.toString('utf8').trim().split('\n')[0];
    throw new GitError(`git ${args[0]} failed${detail ? `: ${detail}` : ''}`);
  }
}

const text = (args: string[], cwd: string) => run(args, cwd).toString('utf8');
const nulList = (out: string) => out.split('\0').filter(Boolean);

/** A revision as the user wrote it: refused if git could take it for an option. */
function checkedRev(rev: string): string {
  if (!rev || rev.startsWith('-') || /[\0\n\r]/.test(rev)) throw new GitError(`'${rev}' is not a git revision`);
  return rev;
}

/** The repository's top folder, or undefined outside a repository. */
export function repoRoot(cwd: string): string | undefined {
  try {
    return text(['rev-parse', '--show-toplevel'], cwd).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The commit a revision names (full hash), or a GitError that says the revision is unknown. */
export function resolveCommit(rev: string, cwd: string): string {
  try {
    return text(['rev-parse', '--verify', '--quiet', `${checkedRev(rev)}^{commit}`], cwd).trim();
  } catch (e) {
    if (e instanceof GitError && e.message.startsWith('git rev-parse')) throw new GitError(`unknown git revision '${rev}'`);
    throw e;
  }
}

/**
 * Files changed since a revision, relative to the root: committed, staged and unstaged
 * changes, and new files git does not ignore. Deleted files are left out.
 */
export function changedSince(rev: string, cwd: string): string[] {
  const commit = resolveCommit(rev, cwd);
  const changed = nulList(text(['diff', '--name-only', '--no-relative', '--no-renames', '--diff-filter=d', '-z', commit, '--'], cwd));
  const untracked = nulList(text(['ls-files', '--others', '--exclude-standard', '--full-name', '-z'], cwd));
  return [...new Set([...changed, ...untracked])].sort();
}

/** Every file of a revision, relative to the root. */
export function filesAt(rev: string, cwd: string): string[] {
  return nulList(text(['ls-tree', '-r', '-z', '--name-only', '--full-tree', resolveCommit(rev, cwd)], cwd)).sort();
}

/** A file's content at a revision (path relative to the root), or undefined if it is not there. */
export function readAt(rev: string, path: string, cwd: string): string | undefined {
  const commit = resolveCommit(rev, cwd);
  try {
    return run(['cat-file', 'blob', `${commit}:${path}`], cwd).toString('utf8');
  } catch (e) {
    if (e instanceof GitError) return undefined;
    throw e;
  }
}

/** `git config user.email` where it is set. */
export function userEmail(cwd: string): string | undefined {
  try {
    return text(['config', 'user.email'], cwd).trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The date (YYYY-MM-DD, committer's) of the first or last commit that touched a path, or
 * undefined if git has none.
 */
export function commitDate(path: string, which: 'first' | 'last', cwd: string): string | undefined {
  try {
    const args = which === 'last' ? ['log', '-1', '--format=%cs', '--', path] : ['log', '--diff-filter=A', '--format=%cs', '--', path];
    const dates = text(args, cwd).trim().split('\n').filter(Boolean);
    return which === 'last' ? dates[0] : dates[dates.length - 1];
  } catch {
    return undefined;
  }
}
