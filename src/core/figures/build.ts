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
  // Every field, in one order, absent ones undefined: one hidden class for all figures, so the
  // claims stage's reads of them are monomorphic (fields added as found made some ten shapes, and
  // every read there went through V8's megamorphic load). JSON leaves the undefined ones out, and
  // the order is the one the analysis's figures already printed in (relative before period, as a
  // resolved date had it; numeralEnd last, as the readers set it after). Only detectFigures' own
  // yearless dates, unresolved, printed their period first; no output prints those.
  return {
    start: s.base + start, end: s.base + end, text: s.text.slice(start, end), type, value, salient: true,
    unit, approx, relative: undefined, period, assumption: undefined, assumptionMessage: undefined, numeralEnd: undefined,
  };
}

/**
 * A copy of f in that one shape, its offsets moved by `delta`. A spread copies the keys in order,
 * but V8 (Node 20) gives the copy a map of its own (four fields in the object, the rest in an
 * array beside it), and the reads after (article level, review) would see two shapes again.
 */
export function copyFigure(f: Figure, delta: number): Figure {
  return {
    start: f.start + delta, end: f.end + delta, text: f.text, type: f.type, value: f.value, salient: f.salient,
    unit: f.unit, approx: f.approx, relative: f.relative, period: f.period, assumption: f.assumption, assumptionMessage: f.assumptionMessage,
    numeralEnd: f.numeralEnd === undefined ? undefined : f.numeralEnd + delta,
  };
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
