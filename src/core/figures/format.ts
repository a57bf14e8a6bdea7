import type { Figure, Range } from './types';

/** 247756000000 → "247,756,000,000". */
export function groupDigits(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const [int, frac] = String(Math.abs(n)).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (n < 0 ? '-' : '') + grouped + (frac ? `.${frac}` : '');
}

function trim(n: number): string {
  return String(Number.parseFloat(n.toFixed(4)));
}

function valueText(v: number, f: Figure): string {
  const unit = f.unit;
  if (unit === '%') return `${trim(v)}%`;
  if (unit === 'pp') return `${trim(v)} percentage points`;
  if (unit === '×') return `${trim(v)}×`;
  if (unit === 'top') return `top ${groupDigits(v)}`;
  if (f.type === 'money' && unit) return `${unit} ${groupDigits(v)}`;
  return unit ? `${groupDigits(v)} ${unit}` : groupDigits(v);
}

const APPROX_TEXT = { about: 'about', over: 'more than', under: 'nearly / less than' } as const;

/**
 * One line a person can read: "CNY 247,756,000,000 (money, about)", "CNY 30,000 – 50,000
 * (money)", "2023-08 (date; 去年8月 read against the article's date 2024-06-03 (from its dateline))".
 */
export function describeFigure(f: Figure): string {
  let main: string;
  if (f.value === null) main = f.period ?? (f.relative ? `${f.text} (relative)` : f.text);
  else if (typeof f.value === 'number') main = valueText(f.value, f);
  else {
    const r = f.value as Range;
    main = f.type === 'money' && f.unit ? `${f.unit} ${groupDigits(r.min)} – ${groupDigits(r.max)}` : `${valueText(r.min, f)} – ${valueText(r.max, f)}`;
  }
  const bits: string[] = [f.type];
  if (f.approx) bits.push(APPROX_TEXT[f.approx]);
  if (f.period && f.value !== null) bits.push(`period ${f.period}`);
  return `${main} (${bits.join(', ')}${f.assumption ? `; ${f.assumption}` : ''})`;
}
