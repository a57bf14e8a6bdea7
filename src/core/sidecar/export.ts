/** Sidecars in other tools' formats: benchmark JSONL, CSV, brat standoff and W3C Web Annotation. */
import type { Annotation, Sidecar } from './model';

export const EXPORT_FORMATS = ['jsonl', 'csv', 'brat', 'w3c'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportInput {
  sidecar: Sidecar;
  articleText: string;
}

const typeOf = (a: Annotation) => a.type ?? (a.kind === 'claim' ? 'claim' : a.kind === 'figure' ? (a.unit ?? 'figure') : 'entity');

export function toJsonl(items: ExportInput[]): string {
  return items
    .map(({ sidecar, articleText }) =>
      JSON.stringify({
        id: sidecar.article,
        text: articleText,
        spans: sidecar.annotations
          .filter((a) => a.status !== 'rejected')
          .map((a) => {
            const span: Record<string, unknown> = { start: a.start, end: a.end, kind: a.kind, type: typeOf(a), text: a.quote, id: a.id, status: a.status };
            for (const k of ['canonical', 'value', 'unit', 'approx', 'verdict', 'source', 'note', 'evidence'] as const) if (a[k] !== undefined) span[k] = a[k];
            return span;
          }),
      }) + '\n',
    )
    .join('');
}

/** What a spreadsheet takes for the start of a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell. Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first)
 * gets a leading apostrophe, as OWASP recommends; numbers Gloss wrote itself stay numbers.
 */
export function csvCell(v: unknown): string {
  if (v === undefined || v === null) return '';
  let s = typeof v === 'object' ? JSON.stringify(v) : String(v);
  if (typeof v === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s.startsWith("'") ? `"${s.replace(/"/g, '""')}"` : s;
}

const CSV_COLUMNS = ['article', 'id', 'kind', 'status', 'start', 'end', 'quote', 'type', 'canonical', 'value', 'unit', 'approx', 'verdict', 'source', 'note', 'evidence'] as const;

export function toCsv(items: ExportInput[]): string {
  const rows = [CSV_COLUMNS.join(',')];
  for (const { sidecar } of items) {
    for (const a of sidecar.annotations) {
      const r = a as unknown as Record<string, unknown>;
      rows.push(CSV_COLUMNS.map((c) => (c === 'article' ? csvCell(sidecar.article) : c === 'evidence' ? csvCell(a.evidence?.join(' ')) : csvCell(r[c]))).join(','));
    }
  }
  return rows.join('\r\n') + '\r\n';
}

/** brat standoff (.ann): T lines for spans, A lines for status and verdict, # lines for notes. */
export function toBrat(sidecar: Sidecar): string {
  const lines: string[] = [];
  let t = 0;
  let attr = 0;
  let note = 0;
  for (const a of sidecar.annotations) {
    if (a.status === 'rejected') continue;
    const tid = `T${++t}`;
    const label = a.kind === 'entity' ? (a.type ?? 'entity') : a.kind;
    // brat forbids newlines inside a span's text: split the span into fragments around them
    const fragments: string[] = [];
    let offset = a.start;
    for (const part of a.quote.split('\n')) {
      const len = [...part].length;
      if (len) fragments.push(`${offset} ${offset + len}`);
      offset += len + 1;
    }
    lines.push(`${tid}\t${label} ${fragments.join(';')}\t${a.quote.replace(/\n/g, ' ')}`);
    lines.push(`A${++attr}\tStatus ${tid} ${a.status}`);
    if (a.verdict) lines.push(`A${++attr}\tVerdict ${tid} ${a.verdict}`);
    const notes = [a.canonical && `canonical: ${a.canonical}`, a.value !== undefined && a.value !== null && `value: ${JSON.stringify(a.value)}${a.unit ? ` ${a.unit}` : ''}`, a.note, ...(a.evidence ?? [])].filter(Boolean);
    if (notes.length) lines.push(`#${++note}\tAnnotatorNotes ${tid}\t${notes.join(' | ').replace(/[\t\n]/g, ' ')}`);
  }
  return lines.join('\n') + (lines.length ? '\n' : '');
}

/** W3C Web Annotation JSON-LD, with TextQuoteSelector and TextPositionSelector. */
export function toW3c(items: ExportInput[]): string {
  const out = [];
  for (const { sidecar } of items) {
    for (const a of sidecar.annotations) {
      const body: Array<Record<string, unknown>> = [
        { type: 'TextualBody', purpose: 'classifying', value: a.kind === 'entity' ? `${a.kind}:${a.type ?? ''}` : a.kind },
        { type: 'TextualBody', purpose: 'tagging', value: a.status },
      ];
      if (a.verdict) body.push({ type: 'TextualBody', purpose: 'assessing', value: a.verdict });
      if (a.canonical) body.push({ type: 'TextualBody', purpose: 'identifying', value: a.canonical });
      if (a.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: a.note });
      for (const e of a.evidence ?? []) body.push({ type: 'SpecificResource', purpose: 'linking', source: e });
      out.push({
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        id: `urn:gloss:${encodeURIComponent(sidecar.article)}#${a.id}`,
        type: 'Annotation',
        body,
        target: {
          source: sidecar.article,
          selector: [
            { type: 'TextQuoteSelector', exact: a.quote, prefix: a.prefix, suffix: a.suffix },
            { type: 'TextPositionSelector', start: a.start, end: a.end },
          ],
        },
      });
    }
  }
  return JSON.stringify(out, null, 2) + '\n';
}
