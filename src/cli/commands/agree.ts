/**
 * `gloss agree A B` (two folders of sidecars) or `gloss agree --rev A --rev B [PATH...]`
 * (two git revisions): inter-annotator agreement per article and pooled, as a table or
 * `--json`.
 */
import { terminalSafe } from '../safeOutput';
import { readFileSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { filesAt, GitError, readAt, repoRoot } from '../../core/git/git';
import { agreement, agreementTable } from '../../core/review/agreement';
import type { Sidecar } from '../../core/sidecar/model';
import { MAX_SIDECAR_BYTES, parseSidecar, SidecarError, tooLarge } from '../../core/sidecar/yamlIO';
import { Args } from '../args';
import { sidecarPaths, UsageError } from '../sidecarCommands';

const SIDECAR = '.annotations.yaml';

type Source = { label: string; files: Array<{ key: string; read: () => string | undefined }> };

/** A sidecar's text; one above the size limit is refused before it is read. */
function readBounded(path: string): string {
  const size = statSync(path).size;
  if (size > MAX_SIDECAR_BYTES) throw tooLarge(size);
  return readFileSync(path, 'utf8');
}

function folder(dir: string): Source {
  try {
    if (!statSync(dir).isDirectory()) throw new UsageError(`${dir}: not a folder (agree compares two folders, or --rev A --rev B)`);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`${dir}: no such folder`);
  }
  return {
    label: dir,
    files: sidecarPaths([dir]).map((p) => ({ key: relative(dir, p).split(sep).join('/'), read: () => readBounded(p) })),
  };
}

function revision(rev: string, root: string, inScope: (f: string) => boolean): Source {
  try {
    const files = filesAt(rev, root).filter((f) => f.endsWith(SIDECAR) && inScope(f));
    return { label: rev, files: files.map((f) => ({ key: f, read: () => readAt(rev, f, root) })) };
  } catch (e) {
    if (e instanceof GitError) throw new UsageError(e.message);
    throw e;
  }
}

export function runAgree(argv: string[], write: (s: string) => void): number {
  const args = new Args(argv);
  const json = args.flag('--json');
  const revs = args.all('--rev');
  const rest = args.positional();
  let a: Source;
  let b: Source;
  if (revs.length) {
    if (revs.length !== 2) throw new UsageError('agree --rev takes two revisions: --rev A --rev B');
    const cwd = process.cwd();
    const root = repoRoot(cwd);
    if (!root) throw new UsageError('agree --rev compares git revisions: run it inside a git repository');
    const scopes = (rest.length ? rest : ['.']).map((p) => relative(root, resolve(cwd, p)).split(sep).join('/'));
    const inScope = (f: string) => scopes.some((s) => s === '' || f === s || f.startsWith(`${s}/`));
    a = revision(revs[0]!, root, inScope);
    b = revision(revs[1]!, root, inScope);
  } else {
    if (rest.length !== 2) throw new UsageError('agree compares two folders (gloss agree A B) or two revisions (gloss agree --rev A --rev B)');
    a = folder(rest[0]!);
    b = folder(rest[1]!);
  }
  let status = 0;
  const load = (s: Source) => {
    const out = new Map<string, Sidecar>();
    for (const f of s.files) {
      try {
        const text = f.read();
        if (text === undefined) continue;
        out.set(f.key, parseSidecar(text).sidecar);
      } catch (e) {
        if (!(e instanceof SidecarError)) throw e;
        process.stderr.write(terminalSafe(`gloss: ${s.label}: ${f.key}:${e.line ?? 1}: ${e.message} (not compared)\n`));
        status = 1;
      }
    }
    return out;
  };
  const result = agreement(load(a), load(b));
  write(json ? JSON.stringify({ a: a.label, b: b.label, ...result }, null, 2) + '\n' : agreementTable(result, { a: a.label, b: b.label }));
  return status;
}
