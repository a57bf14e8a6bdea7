/**
 * A Markdown summary of the review work between two revisions, for a pull-request comment:
 * per article, the decisions added, changed and removed (verdicts with their notes, evidence
 * and annotator; accepted and rejected counts), the annotations that became orphans, and
 * the failed arithmetic checks still open. Deterministic: the same revisions give the same
 * bytes (sorted throughout, no dates, no absolute paths).
 */
import { resolveAnchor } from '../sidecar/anchor';
import type { Annotation, Sidecar } from '../sidecar/model';
import { OffsetIndex } from '../text/offsets';
import type { Finding } from './findings';
import { clip, mdCode, mdLink, mdText } from './markdown';

/** One side of an article's comparison: its sidecar (or why it cannot be read) and its text. */
export interface Side {
  sidecar?: Sidecar;
  /** Why the sidecar cannot be read. */
  error?: string;
  articleText?: string;
}

export interface ArticleChange {
  /** The sidecar, relative to the repository root. */
  sidecarPath: string;
  article: string;
  before: Side;
  after: Side;
  /** Failed checks still open at the later revision. */
  failedChecks: Finding[];
}

/** Fields that do not make a decision: where the annotation is. */
const ANCHOR_FIELDS = new Set(['start', 'end', 'prefix', 'suffix']);

function decisionOf(a: Annotation): string {
  const rest = Object.entries(a).filter(([k]) => !ANCHOR_FIELDS.has(k));
  return JSON.stringify(rest);
}

function orphanIds(side: Side): Map<string, string> {
  const out = new Map<string, string>();
  if (!side.sidecar || side.articleText === undefined) return out;
  const index = new OffsetIndex(side.articleText);
  for (const a of side.sidecar.annotations) {
    const r = resolveAnchor(side.articleText, a, index);
    if (r.status === 'orphan') out.set(a.id, r.reason);
  }
  return out;
}

const quote = (a: Annotation) => `“${mdText(clip(a.quote, 60))}”`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

interface ArticleReport {
  added: Annotation[];
  changed: Array<{ before: Annotation; after: Annotation }>;
  removed: Annotation[];
  verdicts: Array<{ before?: Annotation; after: Annotation }>;
  orphans: Array<{ a: Annotation; reason: string }>;
}

function compare(c: ArticleChange): ArticleReport {
  const before = new Map((c.before.sidecar?.annotations ?? []).map((a) => [a.id, a]));
  const after = c.after.sidecar?.annotations ?? [];
  const afterIds = new Set(after.map((a) => a.id));
  const report: ArticleReport = { added: [], changed: [], removed: [], verdicts: [], orphans: [] };
  for (const a of after) {
    const b = before.get(a.id);
    if (!b) report.added.push(a);
    else if (decisionOf(a) !== decisionOf(b)) report.changed.push({ before: b, after: a });
    if (a.kind === 'claim' && a.verdict && a.verdict !== 'unreviewed' && (a.verdict !== b?.verdict || a.note !== b?.note || JSON.stringify(a.evidence) !== JSON.stringify(b?.evidence))) {
      report.verdicts.push({ ...(b ? { before: b } : {}), after: a });
    }
  }
  for (const b of c.before.sidecar?.annotations ?? []) if (!afterIds.has(b.id)) report.removed.push(b);
  const was = orphanIds(c.before);
  for (const [id, reason] of orphanIds(c.after)) {
    if (!was.has(id)) report.orphans.push({ a: after.find((x) => x.id === id)!, reason });
  }
  return report;
}

function statusCounts(r: ArticleReport): Record<string, number> {
  const counts: Record<string, number> = { accepted: 0, rejected: 0, manual: 0 };
  for (const a of r.added) counts[a.status]!++;
  for (const { before, after } of r.changed) if (before.status !== after.status) counts[after.status]!++;
  return counts;
}

function verdictRow(v: { before?: Annotation; after: Annotation }): string {
  const a = v.after;
  const was = v.before?.verdict && v.before.verdict !== a.verdict ? ` (was ${v.before.verdict})` : '';
  const evidence = (a.evidence ?? []).map(mdLink).join('<br>') || '—';
  return `| ${quote(a)} | **${a.verdict}**${was} | ${a.note ? mdText(a.note) : '—'} | ${evidence} | ${a.by ? mdText(a.by) : '—'} |`;
}

/** The summary of `changes` between `since` and `until` (as the user named them). */
export function summarize(changes: ArticleChange[], since: string, until: string): string {
  const sorted = [...changes].sort((a, b) => (a.sidecarPath < b.sidecarPath ? -1 : a.sidecarPath > b.sidecarPath ? 1 : 0));
  const reports = sorted.map((c) => ({ c, r: compare(c) }));
  const total = (f: (r: ArticleReport) => number) => reports.reduce((n, { r }) => n + f(r), 0);
  const failed = sorted.reduce((n, c) => n + c.failedChecks.length, 0);
  const out: string[] = [];
  out.push(`## Gloss review: ${mdCode(since)} → ${mdCode(until)}`, '');
  if (!reports.length) {
    out.push('No articles or sidecars changed.', '');
    return out.join('\n');
  }
  out.push(
    [
      plural(reports.length, 'article'),
      `${plural(total((r) => r.added.length), 'decision')} added, ${total((r) => r.changed.length)} changed, ${total((r) => r.removed.length)} removed`,
      plural(total((r) => r.verdicts.length), 'verdict'),
      plural(total((r) => r.orphans.length), 'new orphan'),
      `${plural(failed, 'failed check')} open`,
    ].join(' · '),
    '',
  );
  for (const { c, r } of reports) {
    out.push(`### ${mdCode(c.article)}`, '');
    if (c.after.error) out.push(`- ⚠ The sidecar cannot be read: ${mdText(c.after.error)}`);
    else if (!c.after.sidecar) out.push('- The sidecar was deleted.');
    const counts = statusCounts(r);
    const judged = counts.accepted! + counts.rejected! + counts.manual!;
    if (judged) out.push(`- Decisions: ${counts.accepted} accepted, ${counts.rejected} rejected, ${counts.manual} made by hand`);
    const otherChanges = r.changed.filter(({ before, after }) => before.status === after.status && !r.verdicts.some((v) => v.after.id === after.id));
    if (otherChanges.length) out.push(`- Edited: ${otherChanges.map(({ after }) => `${mdCode(after.id)} ${quote(after)}`).join(', ')}`);
    if (r.removed.length) out.push(`- Removed: ${r.removed.map((a) => `${mdCode(a.id)} ${a.kind} ${quote(a)}`).join(', ')}`);
    if (r.verdicts.length) {
      out.push('', '| claim | verdict | note | evidence | by |', '|---|---|---|---|---|');
      for (const v of r.verdicts) out.push(verdictRow(v));
      out.push('');
    }
    if (r.orphans.length) {
      out.push(`- New orphans (the text they marked is gone):`);
      for (const { a, reason } of r.orphans) out.push(`  - ${mdCode(a.id)} ${a.kind} ${quote(a)}: ${mdText(reason)}`);
    }
    if (c.failedChecks.length) {
      out.push(`- Failed checks still open:`);
      for (const f of c.failedChecks) out.push(`  - line ${f.article?.startLine ?? '?'}: ${mdText(f.message)}`);
    }
    if (out[out.length - 1] !== '') out.push('');
  }
  return out.join('\n');
}
