/**
 * Reading and writing sidecar YAML with the `yaml` package's Document API, so that the
 * user's comments, their layout and any `x-` fields survive Gloss's edits, and an unchanged
 * file is written back byte for byte.
 */
import { Document, LineCounter, isMap, isSeq, parseDocument, visit, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { FIELD_ORDER, OPTIONAL_HEADER_FIELDS, SIDECAR_VERSION, compareAnnotations, type Annotation, type Sidecar } from './model';
import { validateSidecar, type Problem } from './validate';

/** Larger files are refused: a sidecar of 10,000 annotations is about 3 MB. Counted in UTF-8 bytes. */
export const MAX_SIDECAR_BYTES = 16 * 1024 * 1024;
/** The same limit for the document after its aliases are expanded (in UTF-16 units of its strings). */
export const MAX_EXPANDED_SIZE = MAX_SIDECAR_BYTES;
const MAX_NESTING = 32;
/** Gloss never writes aliases; a hand-written file may use a few. */
const MAX_ALIASES = 100;

export type SidecarErrorCode = 'too-large' | 'conflict-markers' | 'invalid-yaml' | 'limits' | 'newer-version' | 'schema' | 'busy';

/** Why a sidecar cannot be read. Gloss never writes over such a file. */
export class SidecarError extends Error {
  constructor(
    readonly code: SidecarErrorCode,
    message: string,
    /** 1-based line, where known. */
    readonly line?: number,
    readonly problems: Array<Problem & { line?: number }> = [],
  ) {
    super(message);
  }
}

export interface LoadedSidecar {
  sidecar: Sidecar;
  doc: Document;
  /** The text as read, byte for byte (with its BOM and line endings). */
  source: string;
  /** Line positions of the parsed text (`source` without BOM and CRs: the same lines). */
  lines: LineCounter;
  /** Line ending and byte-order mark as found, kept when the file is rewritten. */
  eol: '\n' | '\r\n';
  bom: boolean;
}

const MB = 1024 * 1024;

export function tooLarge(bytes: number): SidecarError {
  return new SidecarError('too-large', `the file is ${(bytes / MB).toFixed(1)} MB, more than the ${MAX_SIDECAR_BYTES / MB} MB a sidecar may have`);
}

export const WRITE_OPTIONS = {
  indent: 2,
  indentSeq: true,
  lineWidth: 0,
  minContentWidth: 0,
  defaultKeyType: 'PLAIN',
  // a long double-quoted string folded over lines would end a line with an escaped space
  doubleQuotedMinMultiLineLength: Number.MAX_SAFE_INTEGER,
} as const;

/** Deepest nesting of flow collections and block indentation, in one pass. */
function nesting(source: string): number {
  let depth = 0;
  let max = 0;
  let quote = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\n') quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') max = Math.max(max, ++depth);
    else if (c === ']' || c === '}') depth = Math.max(0, depth - 1);
    else if (c === '#') while (i < source.length && source[i] !== '\n') i++;
  }
  return max;
}

function lineOfPath(doc: Document, lines: LineCounter, path: Array<string | number>): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as Node | undefined;
    if (node && node.range) return lines.linePos(node.range[0]).line;
    if (n > 0 && path.length) {
      // a key that exists: point at the pair's key
      const parent = doc.getIn(path.slice(0, n - 1), true);
      if (isMap(parent)) {
        const pair = parent.items.find((p) => (p.key as { value?: unknown })?.value === path[n - 1]);
        const key = pair?.key as Node | undefined;
        if (key?.range) return lines.linePos(key.range[0]).line;
      }
    }
  }
  return undefined;
}

/** The 1-based line of a node of a loaded sidecar (['annotations', 3], ['sha256']). */
export function lineOf(loaded: LoadedSidecar, path: Array<string | number>): number | undefined {
  return lineOfPath(loaded.doc, loaded.lines, path);
}

/** Parses a sidecar, or throws a SidecarError that says what is wrong and on which line. Never anything else. */
export function parseSidecar(source: string): LoadedSidecar {
  try {
    return parse(source);
  } catch (e) {
    if (e instanceof SidecarError) throw e;
    // whatever a hostile file provokes (RangeError, stack overflow) is a refusal, not a crash
    throw new SidecarError('limits', `the file cannot be read safely (${(e as Error).message})`);
  }
}

function parse(source: string): LoadedSidecar {
  if (source.length > MAX_SIDECAR_BYTES || Buffer.byteLength(source, 'utf8') > MAX_SIDECAR_BYTES) throw tooLarge(Buffer.byteLength(source, 'utf8'));
  const bom = source.charCodeAt(0) === 0xfeff;
  const eol = /^[^\n]*\r\n/.test(source) ? '\r\n' : '\n';
  const text = (bom ? source.slice(1) : source).replace(/\r\n/g, '\n');
  const conflict = /^(<{7}|={7}|>{7})(?: |$)/m.exec(text);
  if (conflict) {
    const line = text.slice(0, conflict.index).split('\n').length;
    throw new SidecarError('conflict-markers', 'the file has git conflict markers: resolve the merge first', line);
  }
  if (nesting(text) > MAX_NESTING) throw new SidecarError('limits', `the file nests deeper than ${MAX_NESTING} levels`);
  const lines = new LineCounter();
  let doc: Document;
  if (produced?.text === source) {
    doc = produced.doc.clone();
    lines.addNewLine(0);
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
  } else doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true, keepSourceTokens: false });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    const line = e.linePos?.[0]?.line;
    throw new SidecarError('invalid-yaml', `invalid YAML: ${e.message.split('\n')[0]}`, line);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    throw new SidecarError('limits', `the file expands too many aliases: ${(e as Error).message}`, firstAliasLine(text));
  }
  const expanded = expandedSize(data, MAX_EXPANDED_SIZE);
  if (expanded > MAX_EXPANDED_SIZE) {
    throw new SidecarError('limits', `the file grows past ${MAX_EXPANDED_SIZE / MB} MB when its aliases are expanded`, firstAliasLine(text));
  }
  const version = (data as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > SIDECAR_VERSION) {
    throw new SidecarError(
      'newer-version',
      `the file is version ${version}, newer than this Gloss understands (${SIDECAR_VERSION}): update Gloss`,
      lineOfPath(doc, lines, ['version']),
    );
  }
  const problems = validateSidecar(data);
  if (problems.length) {
    const located = problems.map((p) => ({ ...p, line: lineOfPath(doc, lines, p.path) }));
    const first = located[0]!;
    throw new SidecarError('schema', `${first.message}${located.length > 1 ? ` (and ${located.length - 1} more)` : ''}`, first.line, located);
  }
  return { sidecar: toModel(data as Record<string, unknown>), doc, source, lines, eol, bom };
}

/** Size of a parsed document with every alias expanded, counting up to `limit` only. */
function expandedSize(data: unknown, limit: number): number {
  let total = 0;
  const stack: unknown[] = [data];
  while (stack.length && total <= limit) {
    const v = stack.pop();
    if (typeof v === 'string') total += v.length + 1;
    else if (Array.isArray(v)) {
      total += 1;
      for (const x of v) stack.push(x);
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        total += k.length + 1;
        stack.push(x);
      }
    } else total += 1;
  }
  return total;
}

function firstAliasLine(text: string): number | undefined {
  const m = /(?:^|[\s[{,:-])\*[^\s,\]}]+/m.exec(text);
  return m ? text.slice(0, m.index + 1).split('\n').length : undefined;
}

function toModel(data: Record<string, unknown>): Sidecar {
  const annotations = (data.annotations as Array<Record<string, unknown>>).map((a) => {
    const out: Record<string, unknown> = {};
    const extra: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(a)) {
      if (k.startsWith('x-')) extra[k] = v;
      else out[k] = v;
    }
    if (Object.keys(extra).length) out.extra = extra;
    return out as unknown as Annotation;
  });
  const sidecar: Sidecar = { version: data.version as number, article: data.article as string, sha256: data.sha256 as string, annotations };
  if (typeof data.date === 'string') sidecar.date = data.date;
  for (const k of OPTIONAL_HEADER_FIELDS) if (typeof data[k] === 'string') sidecar[k] = data[k] as string;
  return sidecar;
}

/** Header fields in writing order, optional ones only when set. */
function header(s: Sidecar): Record<string, unknown> {
  const out: Record<string, unknown> = { version: s.version, article: s.article, sha256: s.sha256 };
  if (s.date !== undefined) out.date = s.date;
  for (const k of OPTIONAL_HEADER_FIELDS) if (s[k] !== undefined) out[k] = s[k];
  return out;
}

/** The fields of an annotation in writing order, `x-` fields last. */
function orderedFields(a: Annotation): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = [];
  for (const k of FIELD_ORDER) {
    const v = (a as unknown as Record<string, unknown>)[k];
    if (v !== undefined) out.push([k, v]);
  }
  for (const [k, v] of Object.entries(a.extra ?? {})) out.push([k, v]);
  return out;
}

function sorted(sidecar: Sidecar): Sidecar {
  return { ...sidecar, annotations: [...sidecar.annotations].sort(compareAnnotations) };
}

/** The canonical text of a sidecar, written from scratch (what `gloss format` produces for a new file). */
export function formatSidecar(sidecar: Sidecar): string {
  const s = sorted(sidecar);
  const doc = new Document({
    ...header(s),
    annotations: s.annotations.map((a) => Object.fromEntries(orderedFields(a))),
  });
  return remember(quoteTrailingWhitespace(doc).toString(WRITE_OPTIONS), doc);
}

/**
 * A block scalar keeps a line's trailing spaces as they are, which `git diff --check` flags:
 * multi-line text with a space or tab at the end of a line, or starting with a line break,
 * is written double-quoted instead.
 */
function quoteTrailingWhitespace(doc: Document): Document {
  visit(doc, {
    Scalar(_, node) {
      const v = node.value;
      // a leading line break is written as an indented empty line; the others keep their spaces
      if (typeof v === 'string' && v.includes('\n') && /^\r?\n|[ \t]\r?\n|[ \t]$/.test(v)) node.type = 'QUOTE_DOUBLE';
    },
  });
  return doc;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The text of `next`, written over the loaded document: unchanged files come back byte for
 * byte; otherwise comments and `x-` fields stay where they were, annotations are sorted by
 * start then id, and fields are written in the canonical order.
 */
export function updateSidecarText(loaded: LoadedSidecar, next: Sidecar): string {
  const target = sorted(next);
  if (sameValue(sorted(loaded.sidecar), target)) return loaded.source;
  const doc = loaded.doc.clone();
  const root = doc.contents as YAMLMap;
  for (const k of ['version', 'article', 'sha256'] as const) {
    if (!sameValue(doc.get(k), target[k])) doc.set(k, target[k]);
  }
  setDate(doc, root, target.date);
  for (const k of OPTIONAL_HEADER_FIELDS) {
    if (target[k] === undefined) doc.delete(k);
    else if (doc.has(k)) {
      if (!sameValue(doc.get(k), target[k])) doc.set(k, target[k]);
    } else {
      // a new header field goes where formatSidecar puts it: last in the header, before the list
      const at = root.items.findIndex((p) => String((p.key as { value?: unknown })?.value ?? p.key) === 'annotations');
      root.items.splice(at >= 0 ? at : root.items.length, 0, doc.createPair(k, target[k]));
    }
  }
  const seq = doc.get('annotations', true) as YAMLSeq | undefined;
  const byId = new Map<string, YAMLMap>();
  if (isSeq(seq)) {
    for (const item of seq.items) if (isMap(item)) byId.set(String(item.get('id')), item as YAMLMap);
  }
  const items = target.annotations.map((a) => {
    const node = byId.get(a.id);
    if (!node) return doc.createNode(Object.fromEntries(orderedFields(a))) as YAMLMap;
    const wanted = new Map(orderedFields(a));
    const current = node.toJSON() as Record<string, unknown>;
    // an annotation that did not change keeps its node as it is (comments, layout)
    if (sameValue(Object.fromEntries([...Object.entries(current)].filter(([k]) => wanted.has(k))), Object.fromEntries(wanted)) && Object.keys(current).length === wanted.size) return node;
    for (const pair of [...node.items]) {
      const key = String((pair.key as { value?: unknown })?.value ?? pair.key);
      if (!wanted.has(key)) node.delete(key);
    }
    for (const [k, v] of wanted) {
      if (!sameValue(current[k], v)) node.set(k, doc.createNode(v));
    }
    // fields in canonical order, each pair keeping its own comments
    const rank = (key: string) => {
      const i = (FIELD_ORDER as readonly string[]).indexOf(key);
      return i >= 0 ? i : FIELD_ORDER.length;
    };
    // keys Gloss just added are plain strings, keys read from the file are scalars
    const keyOf = (p: { key: unknown }) => String(typeof p.key === 'object' && p.key !== null ? (p.key as { value?: unknown }).value : p.key);
    node.items.sort((p, q) => rank(keyOf(p)) - rank(keyOf(q)));
    return node;
  });
  if (isSeq(seq)) seq.items = items;
  else root.set('annotations', doc.createNode(items));
  return remember(asFound(loaded, quoteTrailingWhitespace(doc).toString(WRITE_OPTIONS)), doc);
}

/**
 * The last text Gloss produced, with its document: a store validates what it is about to
 * write by parsing it, and re-reading the YAML it just printed would double the cost of a
 * save. The document is the one printed, so the data is the same; only its source ranges
 * are those of the file it was first read from.
 */
let produced: { text: string; doc: Document } | undefined;

function remember(text: string, doc: Document): string {
  produced = { text, doc };
  return text;
}

/** Text with the line endings and byte-order mark the file had when it was read. */
function asFound(loaded: LoadedSidecar, text: string): string {
  return (loaded.bom ? '\uFEFF' : '') + (loaded.eol === '\r\n' ? text.replace(/\n/g, '\r\n') : text);
}

/** The optional `date:` of the header, kept just before `annotations:` when it is added. */
function setDate(doc: Document, root: YAMLMap, date: string | undefined): void {
  if (date === undefined) {
    if (doc.has('date')) doc.delete('date');
    return;
  }
  if (doc.has('date')) {
    if (doc.get('date') !== date) doc.set('date', date);
    return;
  }
  const at = root.items.findIndex((p) => String((p.key as { value?: unknown })?.value ?? p.key) === 'annotations');
  const pair = doc.createPair('date', date);
  if (at < 0) root.items.push(pair);
  else root.items.splice(at, 0, pair);
}
