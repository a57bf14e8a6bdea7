/** Fixtures for the review-in-git CLI tests: scratch copies of test/fixtures/review, sidecars built from quotes, git repositories. */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAnchor } from '../../src/core/sidecar/anchor';
import { annotationId } from '../../src/core/sidecar/ids';
import type { Annotation, Sidecar } from '../../src/core/sidecar/model';
import { sha256 } from '../../src/core/sidecar/store';
import { formatSidecar } from '../../src/core/sidecar/yamlIO';
import { scratchDir } from './helpers';

export const root = join(__dirname, '../../..');
export const cli = join(root, 'dist/cli.js');
export const reviewFixtures = join(root, 'test/fixtures/review');

export function gloss(args: string[], cwd = root, env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A scratch folder with the review fixtures' articles. */
export function scratch(prefix = 'gloss-review-'): string {
  const d = scratchDir(prefix);
  cpSync(reviewFixtures, d, { recursive: true });
  return d;
}

export type Spec = Partial<Annotation> & { quote: string; kind: Annotation['kind'] };

/** An annotation of the first occurrence of `quote` in `text`, with the fields given. */
export function annotation(text: string, spec: Spec): Annotation {
  const at = text.indexOf(spec.quote);
  if (at < 0 && spec.start !== undefined) {
    // an orphan on purpose: a quote the article does not have
    const orphan: Annotation = { id: spec.id ?? annotationId(spec.kind, spec.start, spec.quote, new Set()), status: 'accepted', prefix: '', suffix: '', ...spec, start: spec.start, end: spec.start + [...spec.quote].length };
    return orphan;
  }
  if (at < 0) throw new Error(`fixture: '${spec.quote}' is not in the article`);
  const start = [...text.slice(0, at)].length;
  const anchor = createAnchor(text, start, start + [...spec.quote].length);
  const a: Annotation = { id: spec.id ?? annotationId(spec.kind, start, spec.quote, new Set()), status: 'accepted', ...spec, ...anchor };
  if (a.kind === 'claim' && a.verdict === undefined) a.verdict = 'unreviewed';
  return a;
}

/** Writes `<article>.annotations.yaml` beside `dir/article` and returns its path. */
export function writeSidecar(dir: string, article: string, specs: Spec[], header: Partial<Sidecar> = {}): string {
  const text = readFileSync(join(dir, article), 'utf8');
  const sidecar: Sidecar = { version: 1, article, sha256: sha256(text), annotations: specs.map((s) => annotation(text, s)), ...header };
  const path = join(dir, article.replace(/\.txt$/, '.annotations.yaml'));
  writeFileSync(path, formatSidecar(sidecar));
  return path;
}

export function git(dir: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** Makes `dir` a git repository with everything in it committed, on a fixed date. */
export function gitInit(dir: string, email = 'ana@example.com'): void {
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.email', email);
  git(dir, 'config', 'user.name', 'Ana');
  git(dir, 'config', 'commit.gpgsign', 'false');
  commit(dir, 'fixtures', '2024-05-10T12:00:00Z');
}

export function commit(dir: string, message: string, date = '2024-05-11T12:00:00Z'): void {
  git(dir, 'add', '-A');
  const r = spawnSync('git', ['commit', '-q', '-m', message], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
  });
  if (r.status !== 0) throw new Error(`git commit: ${r.stderr}${r.stdout}`);
}
