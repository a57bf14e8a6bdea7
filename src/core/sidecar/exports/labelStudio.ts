/**
 * Sidecars as Label Studio tasks (its JSON import format): one task per article with the
 * text, and Gloss's decisions as a prediction that annotators correct in Label Studio.
 * Spans are `labels` regions (offsets in code points, as Label Studio counts them); a claim's
 * verdict is a `choices` result and a note a `textarea` result on the same region id.
 * Label Studio's JSON export (tasks with `annotations`) reads back with `fromLabelStudio`.
 */
import { resolveAnchor } from '../anchor';
import { VERDICTS, type Annotation, type Kind, type Sidecar, type Verdict } from '../model';
import { OffsetIndex } from '../../text/offsets';

export const LS_LABELS: Record<string, string> = {
  claim: 'Claim', figure: 'Figure', person: 'Person', org: 'Organization', place: 'Place', product: 'Product', work: 'Work',
};
const FROM_LABEL = Object.fromEntries(Object.entries(LS_LABELS).map(([k, v]) => [v, k]));

/** The labeling configuration (Settings → Labeling Interface → Code) that matches these tasks. */
export const LABEL_STUDIO_CONFIG = `<View>
  <Labels name="label" toName="text">
${Object.values(LS_LABELS).map((l) => `    <Label value="${l}"/>`).join('\n')}
  </Labels>
  <Text name="text" value="$text"/>
  <Choices name="verdict" toName="text" perRegion="true" choice="single" visibleWhen="region-selected" whenLabelValue="Claim">
${VERDICTS.map((v) => `    <Choice value="${v}"/>`).join('\n')}
  </Choices>
  <TextArea name="note" toName="text" perRegion="true" editable="true" maxSubmissions="1" visibleWhen="region-selected"/>
</View>
`;

export const MODEL_VERSION = 'gloss-sidecar';

export interface LabelStudioItem {
  sidecar: Sidecar;
  articleText: string;
}

interface Region {
  id: string;
  from_name: string;
  to_name: 'text';
  type: 'labels' | 'choices' | 'textarea';
  value: Record<string, unknown>;
}

export interface LabelStudioTask {
  data: { text: string; article: string; sha256: string };
  predictions?: Array<{ model_version: string; result: Region[] }>;
  annotations?: Array<{ result: Region[]; completed_by?: unknown }>;
}

function labelOf(a: Annotation): string {
  return a.kind === 'entity' ? (LS_LABELS[a.type ?? ''] ?? 'Organization') : LS_LABELS[a.kind]!;
}

/** Tasks for the articles; orphaned and rejected annotations are left out (reported in `warnings`). */
export function toLabelStudio(items: LabelStudioItem[]): { tasks: LabelStudioTask[]; warnings: string[] } {
  const warnings: string[] = [];
  const tasks = items.map(({ sidecar, articleText }) => {
    const index = new OffsetIndex(articleText);
    const result: Region[] = [];
    for (const a of sidecar.annotations) {
      if (a.status === 'rejected') continue;
      const r = resolveAnchor(articleText, a, index);
      if (r.status === 'orphan') {
        warnings.push(`${sidecar.article}#${a.id}: orphaned, left out`);
        continue;
      }
      const text = articleText.slice(index.toUtf16(r.start), index.toUtf16(r.end));
      const where = { start: r.start, end: r.end, text };
      result.push({ id: a.id, from_name: 'label', to_name: 'text', type: 'labels', value: { ...where, labels: [labelOf(a)] } });
      if (a.kind === 'claim' && a.verdict) result.push({ id: a.id, from_name: 'verdict', to_name: 'text', type: 'choices', value: { ...where, choices: [a.verdict] } });
      if (a.note) result.push({ id: a.id, from_name: 'note', to_name: 'text', type: 'textarea', value: { ...where, text: [a.note] } });
    }
    return { data: { text: articleText, article: sidecar.article, sha256: sidecar.sha256 }, predictions: [{ model_version: MODEL_VERSION, result }] };
  });
  return { tasks, warnings };
}

export interface ReadBack {
  article: string;
  annotations: Array<Pick<Annotation, 'id' | 'kind' | 'start' | 'end' | 'quote'> & { type?: string; verdict?: Verdict; note?: string }>;
}

/**
 * Reads Label Studio tasks (its JSON export, or tasks as imported): the annotators' results
 * where a task has them, else its predictions. Offsets are taken as code points when the
 * region's text is there, else as UTF-16 units (older Label Studio versions counted those).
 */
export function fromLabelStudio(tasks: unknown): ReadBack[] {
  if (!Array.isArray(tasks)) throw new Error('Label Studio JSON is a list of tasks');
  return tasks.map((task: LabelStudioTask, n) => {
    const text = task?.data?.text;
    if (typeof text !== 'string') throw new Error(`task ${n + 1}: no data.text`);
    const index = new OffsetIndex(text);
    const cps = [...text];
    const results = task.annotations?.length ? task.annotations[task.annotations.length - 1]!.result : (task.predictions?.[0]?.result ?? []);
    const byId = new Map<string, ReadBack['annotations'][number]>();
    for (const r of results) {
      const v = r.value as { start?: number; end?: number; text?: unknown; labels?: string[]; choices?: string[] };
      if (typeof v.start !== 'number' || typeof v.end !== 'number') continue;
      let { start, end } = v;
      const asText = typeof v.text === 'string' ? v.text : undefined;
      if (asText !== undefined && cps.slice(start, end).join('') !== asText && text.slice(start, end) === asText) {
        start = index.toCodePoint(start);
        end = index.toCodePoint(end);
      }
      const entry = byId.get(r.id) ?? { id: r.id, kind: 'claim' as Kind, start, end, quote: cps.slice(start, end).join('') };
      if (r.type === 'labels') {
        const kind = FROM_LABEL[v.labels?.[0] ?? ''];
        if (!kind) throw new Error(`task ${n + 1}: unknown label '${v.labels?.[0]}'`);
        if (kind === 'claim' || kind === 'figure') entry.kind = kind;
        else {
          entry.kind = 'entity';
          entry.type = kind;
        }
      } else if (r.type === 'choices' && r.from_name === 'verdict') {
        const verdict = v.choices?.[0];
        if (VERDICTS.includes(verdict as Verdict)) entry.verdict = verdict as Verdict;
      } else if (r.type === 'textarea' && r.from_name === 'note') {
        const t = (r.value as { text?: string[] }).text;
        if (t?.length) entry.note = t.join('\n');
      }
      byId.set(r.id, entry);
    }
    return { article: typeof task.data.article === 'string' ? task.data.article : `task-${n + 1}`, annotations: [...byId.values()] };
  });
}
