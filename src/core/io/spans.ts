import { OffsetIndex } from '../text/offsets';
import type { Figure } from '../figures/types';
import type { EntityMention } from '../entities/detect';
import type { Claim } from '../claims/detect';

/** A span in the shared benchmark format: code points, end exclusive. */
export interface BenchSpan {
  start: number;
  end: number;
  kind: 'figure' | 'entity' | 'claim';
  type: string;
  text: string;
  value?: unknown;
  unit?: string;
  approx?: string;
  period?: string;
  assumption?: string;
  /** Figures, with `detect --all`: whether the editor marks it (bare numerals such as 一 are not). */
  salient?: boolean;
  canonical?: string;
  entity?: string;
  source?: string;
  /** Claims: `named`, `anonymous` or `document` (财报显示: the kind of document, not an entity). */
  sourceKind?: string;
  document?: string;
  score?: number;
  reasons?: string[];
  checks?: Array<{ kind: string; verdict: string; working: string; assumption?: string }>;
}

export function figureToSpan(f: Figure, index: OffsetIndex): BenchSpan {
  const span: BenchSpan = {
    start: index.toCodePoint(f.start),
    end: index.toCodePoint(f.end),
    kind: 'figure',
    type: f.type,
    text: f.text,
  };
  if (f.value !== null) span.value = f.value;
  if (f.unit !== undefined) span.unit = f.unit;
  if (f.approx !== undefined) span.approx = f.approx;
  if (f.period !== undefined) span.period = f.period;
  if (f.assumption !== undefined) span.assumption = f.assumption;
  return span;
}

export function entityToSpan(e: EntityMention, index: OffsetIndex): BenchSpan {
  return {
    start: index.toCodePoint(e.start),
    end: index.toCodePoint(e.end),
    kind: 'entity',
    type: e.type,
    text: e.text,
    canonical: e.canonical,
    entity: e.entityId,
  };
}

export function claimToSpan(c: Claim, index: OffsetIndex): BenchSpan {
  const span: BenchSpan = {
    start: index.toCodePoint(c.start),
    end: index.toCodePoint(c.end),
    kind: 'claim',
    type: c.type,
    text: c.text,
    score: c.score,
    reasons: c.reasons,
    checks: c.checks.map((k) => ({ kind: k.kind, verdict: k.verdict, working: k.working, ...(k.assumption ? { assumption: k.assumption } : {}) })),
  };
  if (c.source) {
    span.source = c.source.canonical ?? c.source.text;
    span.sourceKind = c.source.kind;
    if (c.source.document) span.document = c.source.document;
  }
  return span;
}
