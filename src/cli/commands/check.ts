/**
 * `gloss check`: sidecars against the format and their articles, for people (text), scripts
 * (json), code scanning (sarif) and GitHub Actions annotations (github); `--changed-since`
 * limits it to what changed since a git revision. Exit status: 0 clean, 1 a failing problem,
 * 2 unusable input (a missing article).
 */
import { resolve } from 'node:path';
import type { Analyzer } from '../../core/analysis/analyze';
import { changedSince, GitError } from '../../core/git/git';
import { findingsFor, type Finding, type SidecarInput } from '../../core/review/findings';
import { toGithubCommands } from '../../core/review/githubAnnotations';
import { toSarif } from '../../core/review/sarif';
import { Args } from '../args';
import { checksAnalyzer, dateOf, openSidecar, reportRoot, toolInfo } from '../reviewInputs';
import { sidecarPaths, UsageError } from '../sidecarCommands';

export const CHECK_FORMATS = ['text', 'json', 'sarif', 'github'] as const;

/** The sidecars among `candidates` that changed since `rev`, or whose article did. */
function changedOnly(inputs: SidecarInput[], rev: string): SidecarInput[] {
  let changed: Set<string>;
  try {
    const { root } = reportRoot();
    changed = new Set(changedSince(rev, process.cwd()).map((p) => resolve(root, p)));
  } catch (e) {
    if (e instanceof GitError) throw new UsageError(`--changed-since: ${e.message}`);
    throw e;
  }
  return inputs.filter((i) => changed.has(resolve(i.sidecarPath)) || (i.state === 'ok' && changed.has(resolve(i.articlePath))));
}

function textLine(f: Finding): string {
  // moved annotations are reported at their line in the sidecar, as gloss check always did
  if (f.primary === 'article' && f.article && f.rule !== 'moved') return `${f.article.path}:${f.article.startLine}:${f.article.startColumn}: ${f.message}\n`;
  return `${f.sidecar.path}:${f.sidecar.line}: ${f.message}\n`;
}

export function runCheck(argv: string[], write: (s: string) => void): number {
  const args = new Args(argv);
  const format = args.choice('--format', CHECK_FORMATS);
  const since = args.option('--changed-since');
  const paths = sidecarPaths(args.positional());
  let inputs = paths.map(openSidecar).filter((i): i is SidecarInput => i !== null);
  if (since !== undefined) inputs = changedOnly(inputs, since);

  let analyzer: Analyzer | undefined;
  const findings: Finding[] = [];
  const { rel, uri } = reportRoot();
  const report = format === 'sarif' || format === 'github';
  for (const input of inputs) {
    if (input.state === 'ok') input.analysis = (analyzer ??= checksAnalyzer()).analyze(input.articleText, dateOf(input.loaded.sidecar));
    for (const f of findingsFor(input)) {
      if (report) {
        f.sidecar.path = rel(f.sidecar.path);
        if (f.article) f.article.path = rel(f.article.path);
      }
      findings.push(f);
    }
  }
  const status = Math.max(0, ...inputs.map((i) => (i.state === 'missing-article' ? 2 : 0)), ...findings.map((f) => (f.fails ? 1 : 0)));

  if (format === 'sarif') write(JSON.stringify(toSarif(findings, toolInfo(), uri), null, 2) + '\n');
  else if (format === 'github') write(toGithubCommands(findings));
  else if (format === 'json') {
    write(JSON.stringify({ checked: inputs.length, status, findings }, null, 2) + '\n');
  } else {
    for (const f of findings) write(textLine(f));
    const warnings = findings.filter((f) => !f.fails).length;
    const n = inputs.length;
    write(
      `${n} sidecar${n === 1 ? '' : 's'} checked${status ? '' : ', no problems'}` +
        (warnings ? `; ${warnings} review warning${warnings === 1 ? '' : 's'} (these do not fail the check)` : '') +
        '\n',
    );
  }
  return status;
}
