import { OffsetIndex } from '../text/offsets';
import type { Figure } from '../figures/types';
import type { EntityMention } from '../entities/detect';

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
  canonical?: string;
  entity?: string;
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
