import type { Figure, Range } from './types';

const CURRENCY_CODES = new Set(['CNY', 'USD', 'HKD', 'EUR', 'JPY', 'GBP', 'KRW', 'TWD', 'RUB', 'NGN', 'CHF', 'BTC']);

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

function valueText(v: number, unit: string | undefined): string {
  if (unit === '%') return `${trim(v)}%`;
  if (unit === 'pp') return `${trim(v)} percentage points`;
  if (unit === '×') return `${trim(v)}×`;
  if (unit && CURRENCY_CODES.has(unit)) return `${unit} ${groupDigits(v)}`;
  return unit ? `${groupDigits(v)} ${unit}` : groupDigits(v);
}

const APPROX_TEXT = { about: 'about', over: 'more than', under: 'nearly / less than' } as const;

/** One line a person can read: "CNY 247,756,000,000 (money, about)". */
export function describeFigure(f: Figure): string {
  let main: string;
  if (f.value === null) main = f.period ?? f.text;
  else if (typeof f.value === 'number') main = valueText(f.value, f.unit);
  else main = `${valueText((f.value as Range).min, f.unit)} – ${valueText((f.value as Range).max, f.unit)}`;
  const bits: string[] = [f.type];
  if (f.approx) bits.push(APPROX_TEXT[f.approx]);
  if (f.period && f.value !== null) bits.push(`period ${f.period}`);
  return `${main} (${bits.join(', ')})`;
}
