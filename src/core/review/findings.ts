/**
 * What `gloss check` finds in one sidecar and its article, as findings that the text, JSON,
 * SARIF and GitHub reports all print: each has a rule, a place in the sidecar (a line) and,
 * where the problem lies in the article, a code-point range with lines and columns there.
 */
import type { Analysis } from '../analysis/analyze';
import { resolveAnchor } from '../sidecar/anchor';
import { checkSidecar } from '../sidecar/check';
import type { Annotation } from '../sidecar/model';
import { sha256 } from '../sidecar/store';
import { lineOf, type LoadedSidecar, type SidecarError } from '../sidecar/yamlIO';
import { LineIndex } from '../text/lines';
import { OffsetIndex } from '../text/offsets';
import { RULES, type Level, type RuleId } from './rules';

export interface ArticleRange {
  path: string;
  /** Code points, end exclusive. */
  start: number;
  end: number;
  /** 1-based lines; columns 1-based in code points, endColumn exclusive (as SARIF counts). */
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

export interface Finding {
  rule: RuleId;
  level: Level;
  /** Whether it makes `gloss check` exit 1. */
  fails: boolean;
  message: string;
  sidecar: { path: string; line: number };
  /** Where the problem is in the article, when it is there. */
  article?: ArticleRange;
  /** Which of the two places the problem is in (SARIF's primary location). */
  primary: 'sidecar' | 'article';
  annotationId?: string;
  /** Stable across commits: the annotation id where there is one. */
  fingerprint: string;
}

export type SidecarInput =
  | { state: 'unreadable'; sidecarPath: string; error: SidecarError }
  | { state: 'missing-article'; sidecarPath: string; loaded: LoadedSidecar }
  | { state: 'ok'; sidecarPath: string; loaded: LoadedSidecar; articlePath: string; articleText: string; analysis?: Analysis };

function make(rule: RuleId, message: string, sidecar: { path: string; line: number }, fingerprint: string, extra: Partial<Finding> = {}): Finding {
  const r = RULES[rule];
  return { rule, level: r.level, fails: r.fails, message, sidecar, primary: 'sidecar', fingerprint, ...extra };
}

function range(lines: LineIndex, path: string, start: number, end: number): ArticleRange {
  const s = lines.position(start);
  const e = lines.position(end);
  return { path, start, end, startLine: s.line, startColumn: s.column, endLine: e.line, endColumn: e.column };
}

/** A claim verdict or a rejection closes the failed checks of the claim it covers. */
function decided(a: Annotation): boolean {
  return a.status === 'rejected' || (a.verdict !== undefined && a.verdict !== 'unreviewed');
}

export function findingsFor(input: SidecarInput): Finding[] {
  const side = input.sidecarPath;
  const sideName = side.slice(Math.max(side.lastIndexOf('/'), side.lastIndexOf('\\')) + 1);
  if (input.state === 'unreadable') {
    const e = input.error;
    const schema = e.code === 'schema';
    const problems = e.problems.length ? e.problems : [{ path: [], message: e.message, line: e.line }];
    return problems.map((p) =>
      make(schema ? 'schema' : 'unreadable', p.message, { path: side, line: p.line ?? 1 }, `${sideName}#${schema ? 'schema' : e.code}:${p.path.join('.')}`),
    );
  }
  const { loaded } = input;
  const articleName = loaded.sidecar.article;
  if (input.state === 'missing-article') {
    return [make('missing-article', `the article ${articleName} is missing`, { path: side, line: lineOf(loaded, ['article']) ?? 1 }, `${sideName}#missing-article`)];
  }
  const { articleText, articlePath } = input;
  const offsets = new OffsetIndex(articleText);
  const lines = new LineIndex(articleText, offsets);
  const anns = loaded.sidecar.annotations;
  const lineOfId = new Map(anns.map((a, i) => [a.id, lineOf(loaded, ['annotations', i]) ?? 1]));
  const out: Finding[] = checkSidecar(loaded, articleText).map((p) => {
    const where = { path: side, line: p.line ?? 1 };
    const fingerprint = p.annotationId ? `${articleName}#${p.annotationId}` : `${articleName}#${p.rule}`;
    const extra: Partial<Finding> = p.annotationId ? { annotationId: p.annotationId } : {};
    if (p.range) {
      extra.article = range(lines, articlePath, p.range.start, p.range.end);
      extra.primary = 'article';
    }
    return make(p.rule, p.message, where, fingerprint, extra);
  });

  const placed = anns.map((a) => ({ a, r: resolveAnchor(articleText, a, offsets) }));
  for (const { a, r } of placed) {
    if (a.kind !== 'claim' || a.verdict !== 'false' || (a.evidence ?? []).length > 0) continue;
    out.push(
      make('false-without-evidence', `claim ${a.id} is marked false without evidence ("${a.quote}")`, { path: side, line: lineOfId.get(a.id)! }, `${articleName}#${a.id}`, {
        annotationId: a.id,
        ...(r.status !== 'orphan' ? { article: range(lines, articlePath, r.start, r.end) } : {}),
      }),
    );
  }

  for (const claim of input.analysis?.claims ?? []) {
    const failed = claim.checks.filter((k) => k.verdict === 'does not hold');
    if (!failed.length) continue;
    const cs = offsets.toCodePoint(claim.start);
    const ce = offsets.toCodePoint(claim.end);
    const covering = placed.filter(({ a, r }) => a.kind === 'claim' && r.status !== 'orphan' && r.start < ce && cs < r.end);
    if (covering.some(({ a }) => decided(a))) continue;
    const open = covering[0]?.a;
    const claimKey = sha256(claim.text).slice(0, 12);
    for (const k of failed) {
      const fs = offsets.toCodePoint(k.stated.start);
      const fe = offsets.toCodePoint(k.stated.end);
      out.push(
        make(
          'failed-check',
          `${k.kind} check does not hold: ${k.working}${k.assumption ? ` (assumed: ${k.assumption})` : ''}`,
          { path: side, line: open ? lineOfId.get(open.id)! : 1 },
          open ? `${articleName}#${open.id}:${k.kind}` : `${articleName}#claim-${claimKey}:${k.kind}`,
          { article: range(lines, articlePath, fs, fe), primary: 'article', ...(open ? { annotationId: open.id } : {}) },
        ),
      );
    }
  }
  return out;
}
