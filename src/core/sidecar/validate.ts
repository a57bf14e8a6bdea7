/**
 * Checks a parsed sidecar against the format (the same rules as schemas/sidecar.schema.json,
 * which editors use through the YAML extension). Problems carry a path, so the caller can
 * point at the line.
 */
import { ENTITY_TYPES, KINDS, SIDECAR_VERSION, STATUSES, VERDICTS } from './model';

export interface Problem {
  path: Array<string | number>;
  message: string;
}

const ANNOTATION_FIELDS = new Set([
  'id', 'kind', 'status', 'quote', 'prefix', 'suffix', 'start', 'end', 'type', 'canonical', 'value', 'unit', 'approx',
  'verdict', 'source', 'note', 'evidence', 'by',
]);
const ROOT_FIELDS = new Set(['version', 'article', 'sha256', 'date', 'url', 'annotations']);
/** One line, not blank: an e-mail address or a name. */
const BY_PATTERN = /^[^\s](?:[^\r\n]{0,198}[^\s])?$/;
const FIELDS_OF_KIND: Record<string, string[]> = {
  entity: ['type', 'canonical'],
  figure: ['value', 'unit', 'approx'],
  claim: ['verdict', 'source'],
};
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** A real calendar day written YYYY-MM-DD. */
export function isDay(v: unknown): boolean {
  const m = typeof v === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(v) : null;
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const cpLength = (s: string) => [...s].length;

/** A lone surrogate half: text that no file encoding can hold, which editors and git mangle. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Every string in the document that is not well-formed UTF-16, with its path. */
function malformedStrings(data: unknown, add: (path: Array<string | number>, message: string) => void): void {
  const stack: Array<[unknown, Array<string | number>]> = [[data, []]];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (LONE_SURROGATE.test(v)) add(path, `${path.length ? `'${path[path.length - 1]}'` : 'a value'} holds a lone surrogate (\\u${v.charCodeAt(v.search(LONE_SURROGATE)).toString(16).toUpperCase()}), which is not a character`);
    } else if (Array.isArray(v)) v.forEach((x, i) => stack.push([x, [...path, i]]));
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (LONE_SURROGATE.test(k)) add(path, 'a key holds a lone surrogate, which is not a character');
        stack.push([x, [...path, k]]);
      }
    }
  }
}

export function validateSidecar(data: unknown): Problem[] {
  const problems: Problem[] = [];
  const add = (path: Array<string | number>, message: string) => problems.push({ path, message });
  if (!isObject(data)) {
    add([], 'a sidecar is a mapping with version, article, sha256 and annotations');
    return problems;
  }
  malformedStrings(data, add);
  for (const key of Object.keys(data)) {
    if (!ROOT_FIELDS.has(key) && !key.startsWith('x-')) add([key], `unknown field '${key}' (extra fields need an 'x-' prefix)`);
  }
  if (data.version !== SIDECAR_VERSION) add(['version'], `version must be ${SIDECAR_VERSION}`);
  if (typeof data.article !== 'string' || !data.article) add(['article'], 'article must be the article file name');
  if ('url' in data && (typeof data.url !== 'string' || !/^https?:\/\/\S+$/.test(data.url))) add(['url'], 'url must be the http(s) address where the article was published');
  if (typeof data.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(data.sha256)) add(['sha256'], 'sha256 must be 64 lower-case hex digits');
  if (data.date !== undefined && !isDay(data.date)) add(['date'], 'date must be the article\'s date as YYYY-MM-DD');
  if (!Array.isArray(data.annotations)) {
    add(['annotations'], 'annotations must be a list');
    return problems;
  }
  const ids = new Map<string, number>();
  data.annotations.forEach((a: unknown, i: number) => {
    const at = (k?: string): Array<string | number> => (k === undefined ? ['annotations', i] : ['annotations', i, k]);
    if (!isObject(a)) {
      add(at(), 'each annotation is a mapping');
      return;
    }
    for (const key of Object.keys(a)) {
      if (!ANNOTATION_FIELDS.has(key) && !key.startsWith('x-')) add(at(key), `unknown field '${key}' (extra fields need an 'x-' prefix)`);
    }
    if (typeof a.id !== 'string' || !ID_PATTERN.test(a.id)) add(at('id'), 'id must be a short word of letters, digits, - and _');
    else if (ids.has(a.id)) add(at('id'), `duplicate id '${a.id}' (also annotation ${ids.get(a.id)! + 1})`);
    else ids.set(a.id, i);
    if (!KINDS.includes(a.kind as never)) add(at('kind'), `kind must be one of ${KINDS.join(', ')}`);
    if (!STATUSES.includes(a.status as never)) add(at('status'), `status must be one of ${STATUSES.join(', ')}`);
    if (typeof a.quote !== 'string' || !a.quote) add(at('quote'), 'quote must be the annotated text');
    for (const k of ['prefix', 'suffix'] as const) {
      if (typeof a[k] !== 'string') add(at(k), `${k} must be a string (it may be empty)`);
      else if (cpLength(a[k] as string) > 32) add(at(k), `${k} is longer than 32 characters`);
    }
    if (!isCount(a.start)) add(at('start'), 'start must be a whole number of code points');
    if (!isCount(a.end)) add(at('end'), 'end must be a whole number of code points');
    if (isCount(a.start) && isCount(a.end) && a.end < a.start) add(at('end'), 'end comes before start');
    if (isCount(a.start) && isCount(a.end) && typeof a.quote === 'string' && a.end - a.start !== cpLength(a.quote)) {
      add(at('end'), 'end - start must equal the length of the quote');
    }
    const kind = typeof a.kind === 'string' ? a.kind : '';
    for (const [k, fields] of Object.entries(FIELDS_OF_KIND)) {
      if (k === kind) continue;
      for (const f of fields) if (f in a && !FIELDS_OF_KIND[kind]?.includes(f)) add(at(f), `'${f}' belongs to ${k} annotations, not ${kind || 'this kind'}`);
    }
    if ('type' in a && kind === 'entity' && !ENTITY_TYPES.includes(a.type as never)) add(at('type'), `type must be one of ${ENTITY_TYPES.join(', ')}`);
    if ('canonical' in a && typeof a.canonical !== 'string') add(at('canonical'), 'canonical must be a string');
    if ('value' in a && !(a.value === null || typeof a.value === 'number' || (isObject(a.value) && typeof a.value.min === 'number' && typeof a.value.max === 'number'))) {
      add(at('value'), 'value must be a number, a range {min, max}, or null');
    }
    if ('unit' in a && typeof a.unit !== 'string') add(at('unit'), 'unit must be a string');
    if ('approx' in a && typeof a.approx !== 'boolean') add(at('approx'), 'approx must be true or false');
    if ('verdict' in a && !VERDICTS.includes(a.verdict as never)) add(at('verdict'), `verdict must be one of ${VERDICTS.join(', ')}`);
    if ('source' in a && typeof a.source !== 'string') add(at('source'), 'source must be a string');
    if ('note' in a && typeof a.note !== 'string') add(at('note'), 'note must be a string');
    if ('evidence' in a && !(Array.isArray(a.evidence) && a.evidence.every((e) => typeof e === 'string'))) {
      add(at('evidence'), 'evidence must be a list of URLs or article#id references');
    }
    if ('by' in a && !(typeof a.by === 'string' && BY_PATTERN.test(a.by))) add(at('by'), 'by must be one line naming the annotator (an e-mail address or a name)');
  });
  return problems;
}
