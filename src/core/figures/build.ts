/** Making Figure objects: offsets into the analysed text, values in base units. */
import type { Approximation, Figure, FigureType, Range } from './types';
import type { Unit } from './units';
import { clean } from './numerals';

/** What the scan passes to every family reader: the text, the offset of its slice, and the output. */
export interface Scan {
  text: string;
  base: number;
  out: Figure[];
  /** Where the text first names fiscal years (财年, FY), -1 for nowhere; read on first need. */
  fiscalAt?: number;
}

export function figure(
  s: Scan, start: number, end: number, type: FigureType, value: number | Range | null,
  unit?: string, approx?: Approximation, period?: string,
): Figure {
  const f: Figure = { start: s.base + start, end: s.base + end, text: s.text.slice(start, end), type, value, salient: true };
  if (unit !== undefined) f.unit = unit;
  if (approx !== undefined) f.approx = approx;
  if (period !== undefined) f.period = period;
  return f;
}

/** A figure of a numeral with its unit (or none), the unit's factor applied. */
export function withUnit(
  s: Scan, start: number, end: number, value: number | Range, unit: Unit | undefined, approx: Approximation | undefined,
): Figure {
  if (!unit) return figure(s, start, end, 'number', value, undefined, approx);
  return figure(s, start, end, unit.type, scaleValue(value, unit.factor ?? 1), unit.unit, approx);
}

export function scaleValue(value: number | Range, factor: number): number | Range {
  if (factor === 1) return value;
  return typeof value === 'number' ? clean(value * factor) : { min: clean(value.min * factor), max: clean(value.max * factor) };
}
