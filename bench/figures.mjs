// The figure benchmark: Gloss's figures, seen through Recognizers-Text's model families.
import { join } from 'node:path';

export const figureGold = (shared) => join(shared, 'bench/figures/recognizers-zh.jsonl');

const DIMENSION_UNITS = new Set(['km', 'm', 'cm', 'mm', 'm²', 'km²', 'ha', 'mu', 'm³', 'L', 'mL', 'kg', 'g', 'mg', 'μg', 'jin', 'liang', 't',
  'B', 'KB', 'MB', 'GB', 'TB', 'PB', 'W', 'kW', 'MW', 'GW', 'kWh']);
const AGE_UNITS = new Set(['age', 'age-month', 'age-week', 'age-day']);
const TEMPERATURE_UNITS = new Set(['degree', '°C', '°F']);

/** Recognizers' family for a Gloss figure, and whether its span is the numeral alone. */
function family(f) {
  switch (f.type) {
    case 'money':
      return ['currency', false];
    case 'percent':
      return ['percent', false];
    case 'rank':
      return ['ordinal', false];
    case 'quantity':
      if (AGE_UNITS.has(f.unit)) return ['age', false];
      if (TEMPERATURE_UNITS.has(f.unit)) return ['temperature', false];
      if (DIMENSION_UNITS.has(f.unit)) return ['dimension', false];
      return ['number', true];
    default:
      return ['number', true];
  }
}

function codePointIndex(text) {
  const map = [];
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = cp;
    const c = text.charCodeAt(i);
    if (!(c >= 0xd800 && c <= 0xdbff)) cp++;
  }
  map[text.length] = cp;
  return (u) => map[u];
}

export function figurePredictions(core, docs) {
  return docs.map((d) => {
    const cp = codePointIndex(d.text);
    // Recognizers counts a lone numeral (这是五) as a number; the editor leaves 一 alone (一看, 一直)
    const counted = (f) => f.salient || f.unit || (f.text.length === 1 && f.text !== '一');
    const spans = core.detectFigures(d.text).filter(counted).map((f) => {
      const [type, numeralOnly] = family(f);
      const end = numeralOnly && f.numeralEnd !== undefined ? f.numeralEnd : f.end;
      return { start: cp(f.start), end: cp(end), kind: 'figure', type, value: f.value, unit: f.unit };
    });
    return { id: d.id, spans };
  });
}

function goldNumber(v) {
  if (v === undefined || v === null) return undefined;
  const s = String(v).replace(/%$/, '');
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

/** Share of overlapping same-family spans whose value agrees with the gold value (1e-6 relative). */
export function valueAccuracy(docs, preds) {
  const byId = new Map(preds.map((p) => [p.id, p.spans]));
  let right = 0;
  let total = 0;
  const byFamily = {};
  for (const d of docs) {
    for (const g of d.spans) {
      const want = goldNumber(g.value);
      if (want === undefined) continue;
      const p = (byId.get(d.id) ?? []).find((s) => s.start < g.end && g.start < s.end && s.type === g.type);
      if (!p) continue;
      total++;
      byFamily[g.type] ??= { right: 0, total: 0 };
      byFamily[g.type].total++;
      const got = typeof p.value === 'number' ? p.value : p.value && typeof p.value === 'object' ? p.value.max : undefined;
      if (got !== undefined && Math.abs(got - want) <= 1e-6 * Math.max(1, Math.abs(want))) {
        right++;
        byFamily[g.type].right++;
      }
    }
  }
  return { right, total, accuracy: total ? right / total : 0, byFamily };
}

const close = (a, b) => Math.abs(a - b) <= 1e-4 * Math.max(1, Math.abs(b));

/** Our own figures suite (test/fixtures/figures/cases.jsonl): right or wrong per case, as test/unit/figureCases.ts judges it. */
export function ownSuite(core, cases) {
  const byClass = {};
  const wrong = [];
  for (const c of cases) {
    const found = core.resolveRelativeDatesInText(c.text, core.detectFigures(c.text), core.findDateline(c.text));
    let ok;
    if (c.figure === null) ok = !found.some((f) => f.salient && (!c.notType || f.type === c.notType));
    else {
      const f = found.find((x) => x.text === c.figure);
      const v = f?.value;
      ok = !!f && (!c.type || f.type === c.type) && (c.unit === undefined || f.unit === c.unit) && (c.approx === undefined || f.approx === c.approx) &&
        (c.value === undefined || (typeof c.value === 'number' ? typeof v === 'number' && close(v, c.value)
          : v && typeof v === 'object' && close(v.min, c.value.min) && close(v.max, c.value.max))) &&
        (c.period === undefined || (c.period === null ? f.period === undefined && !!f.assumption : f.period === c.period));
    }
    byClass[c.class] ??= { right: 0, total: 0 };
    byClass[c.class].total++;
    if (ok) byClass[c.class].right++;
    else wrong.push(c);
  }
  return { byClass, wrong };
}
