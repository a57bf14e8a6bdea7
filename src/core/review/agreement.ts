/**
 * Inter-annotator agreement between two sets of sidecars (two folders, or two git
 * revisions): span agreement per kind (exact and overlap precision, recall and F1, with the
 * first set as the reference), and Cohen's κ on the accept/reject decisions both made on the
 * same suggestions and on the verdicts both gave the same claims.
 *
 * Spans are the annotations an annotator kept (accepted or made by hand), matched on kind,
 * offsets and, for entities, type. "The same suggestion" is the same kind and offsets.
 * κ = (pₒ − pₑ) / (1 − pₑ), with pₑ from each annotator's own proportions (Cohen 1960); it is
 * undefined (null) when pₑ = 1, that is when both used one category only.
 */
import type { Annotation, Kind, Sidecar } from '../sidecar/model';
import { KINDS } from '../sidecar/model';

export interface Prf {
  matched: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export interface SpanAgreement {
  /** Spans of the reference (A) and of the other set (B). */
  reference: number;
  other: number;
  exact: Prf;
  overlap: Prf;
}

export interface Kappa {
  /** Items both judged. */
  n: number;
  observed: number | null;
  expected: number | null;
  kappa: number | null;
  /** Counts of [A's category, B's category] pairs, sorted. */
  table: Array<{ a: string; b: string; count: number }>;
  /** Items only one of the two judged. */
  onlyA: number;
  onlyB: number;
}

export interface ArticleAgreement {
  article: string;
  /** Both sidecars are of the same article text (same sha256). */
  sameText: boolean;
  spans: Record<Kind, SpanAgreement>;
  decisions: Kappa;
  verdicts: Kappa;
}

export interface Agreement {
  articles: ArticleAgreement[];
  /** Pooled over all articles: spans micro-averaged, κ over all pairs. */
  total: Omit<ArticleAgreement, 'article' | 'sameText'>;
  onlyInA: string[];
  onlyInB: string[];
}

const kept = (a: Annotation) => a.status === 'accepted' || a.status === 'manual';
const spanKey = (a: Annotation) => `${a.kind}:${a.start}:${a.end}`;
const typeKey = (a: Annotation) => (a.kind === 'entity' ? (a.type ?? '') : '');

function prf(matched: number, reference: number, other: number): Prf {
  return {
    matched,
    precision: other ? matched / other : null,
    recall: reference ? matched / reference : null,
    f1: reference + other ? (2 * matched) / (reference + other) : null,
  };
}

interface SpanCounts {
  reference: number;
  other: number;
  exact: number;
  overlap: number;
}

function spanCounts(a: Annotation[], b: Annotation[]): SpanCounts {
  const exactB = new Set(b.map((x) => `${spanKey(x)}:${typeKey(x)}`));
  const exact = a.filter((x) => exactB.has(`${spanKey(x)}:${typeKey(x)}`)).length;
  // overlap: each span of B matches at most one of A (greedy in document order)
  const used = new Set<Annotation>();
  let overlap = 0;
  const sortedB = [...b].sort((x, y) => x.start - y.start || x.end - y.end);
  for (const x of [...a].sort((p, q) => p.start - q.start || p.end - q.end)) {
    const y = sortedB.find((c) => !used.has(c) && typeKey(c) === typeKey(x) && c.start < x.end && x.start < c.end);
    if (y) {
      used.add(y);
      overlap++;
    }
  }
  return { reference: a.length, other: b.length, exact, overlap };
}

function toSpanAgreement(c: SpanCounts): SpanAgreement {
  return { reference: c.reference, other: c.other, exact: prf(c.exact, c.reference, c.other), overlap: prf(c.overlap, c.reference, c.other) };
}

/** Cohen's κ over pairs of categories, with the counts of items only one side judged. */
export function cohensKappa(pairs: Array<[string, string]>, onlyA = 0, onlyB = 0): Kappa {
  const n = pairs.length;
  const cells = new Map<string, number>();
  const ma = new Map<string, number>();
  const mb = new Map<string, number>();
  let agree = 0;
  for (const [a, b] of pairs) {
    cells.set(`${a}\u0000${b}`, (cells.get(`${a}\u0000${b}`) ?? 0) + 1);
    ma.set(a, (ma.get(a) ?? 0) + 1);
    mb.set(b, (mb.get(b) ?? 0) + 1);
    if (a === b) agree++;
  }
  const table = [...cells].map(([k, count]) => {
    const [a, b] = k.split('\u0000') as [string, string];
    return { a, b, count };
  }).sort((x, y) => (x.a + '\u0000' + x.b < y.a + '\u0000' + y.b ? -1 : 1));
  if (!n) return { n, observed: null, expected: null, kappa: null, table, onlyA, onlyB };
  const observed = agree / n;
  let expected = 0;
  for (const [c, k] of ma) expected += (k / n) * ((mb.get(c) ?? 0) / n);
  const kappa = 1 - expected < 1e-12 ? null : (observed - expected) / (1 - expected);
  return { n, observed, expected, kappa, table, onlyA, onlyB };
}

interface Judgements {
  decisions: Array<[string, string]>;
  decisionsOnlyA: number;
  decisionsOnlyB: number;
  verdicts: Array<[string, string]>;
  verdictsOnlyA: number;
  verdictsOnlyB: number;
}

function judgements(a: Sidecar, b: Sidecar): Judgements {
  const judged = (s: Sidecar) => new Map(s.annotations.filter((x) => x.status === 'accepted' || x.status === 'rejected').map((x) => [spanKey(x), x.status as string]));
  const verdicts = (s: Sidecar) =>
    new Map(s.annotations.filter((x) => x.kind === 'claim' && x.status !== 'rejected' && x.verdict && x.verdict !== 'unreviewed').map((x) => [spanKey(x), x.verdict as string]));
  const pair = (ma: Map<string, string>, mb: Map<string, string>) => {
    const pairs: Array<[string, string]> = [];
    for (const [k, v] of [...ma].sort(([x], [y]) => (x < y ? -1 : 1))) if (mb.has(k)) pairs.push([v, mb.get(k)!]);
    return { pairs, onlyA: [...ma.keys()].filter((k) => !mb.has(k)).length, onlyB: [...mb.keys()].filter((k) => !ma.has(k)).length };
  };
  const d = pair(judged(a), judged(b));
  const v = pair(verdicts(a), verdicts(b));
  return { decisions: d.pairs, decisionsOnlyA: d.onlyA, decisionsOnlyB: d.onlyB, verdicts: v.pairs, verdictsOnlyA: v.onlyA, verdictsOnlyB: v.onlyB };
}

/** Agreement between two sets of sidecars, paired by key (the sidecar's path within its set). */
export function agreement(setA: ReadonlyMap<string, Sidecar>, setB: ReadonlyMap<string, Sidecar>): Agreement {
  const keys = [...setA.keys()].filter((k) => setB.has(k)).sort();
  const pooledSpans = Object.fromEntries(KINDS.map((k) => [k, { reference: 0, other: 0, exact: 0, overlap: 0 }])) as Record<Kind, SpanCounts>;
  const pooled: Judgements = { decisions: [], decisionsOnlyA: 0, decisionsOnlyB: 0, verdicts: [], verdictsOnlyA: 0, verdictsOnlyB: 0 };
  const articles = keys.map((key) => {
    const a = setA.get(key)!;
    const b = setB.get(key)!;
    const spans = {} as Record<Kind, SpanAgreement>;
    for (const kind of KINDS) {
      const c = spanCounts(a.annotations.filter((x) => x.kind === kind && kept(x)), b.annotations.filter((x) => x.kind === kind && kept(x)));
      for (const f of ['reference', 'other', 'exact', 'overlap'] as const) pooledSpans[kind][f] += c[f];
      spans[kind] = toSpanAgreement(c);
    }
    const j = judgements(a, b);
    pooled.decisions.push(...j.decisions);
    pooled.verdicts.push(...j.verdicts);
    pooled.decisionsOnlyA += j.decisionsOnlyA;
    pooled.decisionsOnlyB += j.decisionsOnlyB;
    pooled.verdictsOnlyA += j.verdictsOnlyA;
    pooled.verdictsOnlyB += j.verdictsOnlyB;
    return {
      article: key,
      sameText: a.sha256 === b.sha256,
      spans,
      decisions: cohensKappa(j.decisions, j.decisionsOnlyA, j.decisionsOnlyB),
      verdicts: cohensKappa(j.verdicts, j.verdictsOnlyA, j.verdictsOnlyB),
    };
  });
  return {
    articles,
    total: {
      spans: Object.fromEntries(KINDS.map((k) => [k, toSpanAgreement(pooledSpans[k])])) as Record<Kind, SpanAgreement>,
      decisions: cohensKappa(pooled.decisions, pooled.decisionsOnlyA, pooled.decisionsOnlyB),
      verdicts: cohensKappa(pooled.verdicts, pooled.verdictsOnlyA, pooled.verdictsOnlyB),
    },
    onlyInA: [...setA.keys()].filter((k) => !setB.has(k)).sort(),
    onlyInB: [...setB.keys()].filter((k) => !setA.has(k)).sort(),
  };
}

const num = (x: number | null, digits = 2) => (x === null ? 'n/a' : x.toFixed(digits));

/** The per-article table as plain text, with the pooled row last. */
export function agreementTable(r: Agreement, labels: { a: string; b: string }): string {
  const header = ['article', ...KINDS.map((k) => `${k} F1 exact/overlap`), 'κ accept/reject (n)', 'κ verdicts (n)'];
  const row = (name: string, x: Omit<ArticleAgreement, 'article' | 'sameText'>, note = '') => [
    name + note,
    ...KINDS.map((k) => `${num(x.spans[k].exact.f1)} / ${num(x.spans[k].overlap.f1)}`),
    `${num(x.decisions.kappa, 3)} (${x.decisions.n})`,
    `${num(x.verdicts.kappa, 3)} (${x.verdicts.n})`,
  ];
  const rows = [header, ...r.articles.map((a) => row(a.article, a, a.sameText ? '' : ' *')), row('all', r.total)];
  const widths = header.map((_, i) => Math.max(...rows.map((x) => [...x[i]!].length)));
  const lines = rows.map((x) => x.map((c, i) => c + ' '.repeat(widths[i]! - [...c].length)).join('  ').trimEnd());
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  const out = [`A = ${labels.a} (reference), B = ${labels.b}`, '', ...lines];
  if (r.articles.some((a) => !a.sameText)) out.push('', '* the two sidecars were checked against different article texts (sha256): offsets may not compare');
  if (r.onlyInA.length) out.push('', `only in A (not compared): ${r.onlyInA.join(', ')}`);
  if (r.onlyInB.length) out.push('', `only in B (not compared): ${r.onlyInB.join(', ')}`);
  return out.join('\n') + '\n';
}
