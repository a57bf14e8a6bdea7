/** The figures suite of our own (test/fixtures/figures/cases.jsonl), checked case by case. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectFigures } from '../../src/core/figures/detect';
import { findDateline, resolveRelativeDatesInText } from '../../src/core/figures/relativeDates';
import type { Figure } from '../../src/core/figures/types';

export interface FigureCase {
  class: string;
  text: string;
  figure: string | null;
  type?: string;
  value?: number | { min: number; max: number };
  unit?: string;
  approx?: string;
  period?: string | null;
  notType?: string;
}

const FIXTURE = join(__dirname, '../../../test/fixtures/figures/cases.jsonl');

export function figureCases(...classes: string[]): FigureCase[] {
  const all = readFileSync(FIXTURE, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as FigureCase);
  return all.filter((c) => classes.includes(c.class));
}

/** The figures of a text as `gloss detect` gives them: relative dates resolved against its dateline, paragraph by paragraph. */
export function figuresOf(text: string): Figure[] {
  return resolveRelativeDatesInText(text, detectFigures(text), findDateline(text));
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-4 * Math.max(1, Math.abs(b));

/** What is wrong with a case, or undefined when Gloss reads it as expected. */
export function caseProblem(c: FigureCase): string | undefined {
  const found = figuresOf(c.text);
  const shown = () => JSON.stringify(found.map((f) => [f.text, f.type, f.value, f.unit, f.approx, f.period]));
  if (c.figure === null) {
    const wrong = found.filter((f) => f.salient && (!c.notType || f.type === c.notType));
    return wrong.length ? `expected no ${c.notType ?? 'figure'}, got ${shown()}` : undefined;
  }
  const f = found.find((x) => x.text === c.figure);
  if (!f) return `no figure '${c.figure}' in ${shown()}`;
  if (c.type && f.type !== c.type) return `type ${f.type}, expected ${c.type}`;
  if (c.value !== undefined) {
    const v = f.value;
    const ok = typeof c.value === 'number'
      ? typeof v === 'number' && close(v, c.value)
      : v !== null && typeof v === 'object' && close(v.min, c.value.min) && close(v.max, c.value.max);
    if (!ok) return `value ${JSON.stringify(v)}, expected ${JSON.stringify(c.value)}`;
  }
  if (c.unit !== undefined && f.unit !== c.unit) return `unit ${f.unit}, expected ${c.unit}`;
  if (c.approx !== undefined && f.approx !== c.approx) return `approx ${f.approx}, expected ${c.approx}`;
  if (c.period === null && (f.period !== undefined || !f.assumption)) return `expected an unresolved relative date that says so, got ${f.period} (${f.assumption})`;
  if (c.period && f.period !== c.period) return `period ${f.period}, expected ${c.period}`;
  return undefined;
}
