import { msg, renderMessage, type Message, type MessageArg } from '../text/message';
import { currencyName } from './currencyNames';
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

/** Units that are English words rather than symbols or Chinese classifiers, as messages. */
const UNIT_WORDS: Record<string, Message> = {
  year: msg('year'), quarter: msg('quarter'), month: msg('month'), week: msg('week'), day: msg('day'),
  hour: msg('hour'), minute: msg('minute'), second: msg('second'),
  'age-year': msg('years old'), 'age-month': msg('months old'), 'age-week': msg('weeks old'), 'age-day': msg('days old'),
  parameters: msg('parameters'), tokens: msg('tokens'), users: msg('users'), degree: msg('degrees'),
};

function valueText(v: number, f: Figure): MessageArg {
  const unit = f.unit;
  if (unit === '%') return `${trim(v)}%`;
  if (unit === 'pp') return msg('{0} percentage points', trim(v));
  if (unit === '×') return `${trim(v)}×`;
  if (unit === 'top') return msg('top {0}', groupDigits(v));
  if (f.type === 'money' && unit) return msg('{0} {1}', currencyName(unit), groupDigits(v));
  return unit ? msg('{0} {1}', groupDigits(v), UNIT_WORDS[unit] ?? unit) : groupDigits(v);
}

const APPROX_TEXT = { about: msg('about'), over: msg('more than'), under: msg('nearly / less than') } as const;
/** Figure types as messages (the hover's title says them too, through the extension's own labels). */
const TYPE_TEXT: Record<Figure['type'], Message> = {
  money: msg('money'), percent: msg('percent'), count: msg('count'), multiple: msg('multiple'), date: msg('date'),
  duration: msg('duration'), rank: msg('rank'), quantity: msg('quantity'), number: msg('number'),
};

/**
 * One line a person can read, as a message: "CNY 247,756,000,000 (money, about)", "CNY 30,000 – 50,000
 * (money)", "2023-08 (date; 去年8月 read against the article's date 2024-06-03 (from its dateline))".
 */
export function describeFigureMessage(f: Figure): Message {
  let main: MessageArg;
  if (f.value === null) main = f.period ?? (f.relative ? msg('{0} (relative)', f.text) : f.text);
  else if (typeof f.value === 'number') main = valueText(f.value, f);
  else {
    const r = f.value as Range;
    main = f.type === 'money' && f.unit ? msg('{0} {1} – {2}', currencyName(f.unit), groupDigits(r.min), groupDigits(r.max)) : msg('{0} – {1}', valueText(r.min, f), valueText(r.max, f));
  }
  const bits: MessageArg[] = [TYPE_TEXT[f.type] ?? f.type];
  if (f.approx) bits.push(APPROX_TEXT[f.approx]);
  if (f.period && f.value !== null) bits.push(msg('period {0}', f.period));
  const list = bits.length === 1 ? bits[0]! : bits.length === 2 ? msg('{0}, {1}', bits[0]!, bits[1]!) : msg('{0}, {1}, {2}', bits[0]!, bits[1]!, bits[2]!);
  const assumption = f.assumptionMessage ?? f.assumption;
  return assumption ? msg('{0} ({1}; {2})', main, list, assumption) : msg('{0} ({1})', main, list);
}

/** The same in English (the CLI, exports). */
export function describeFigure(f: Figure): string {
  return renderMessage(describeFigureMessage(f));
}
