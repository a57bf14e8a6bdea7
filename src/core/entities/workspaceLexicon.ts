/**
 * The workspace lexicon, `.gloss/lexicon.yaml`: entities the team confirmed, checked into
 * the repository, applied on top of the built-in lexicon in every article and script.
 *
 *     version: 1
 *     entities:
 *       - canonical: 星河科技
 *         type: org
 *         aliases: [星河科技集团]
 *         shortForms: [星河]
 *         note: 云计算公司
 *         link: https://example.com
 *     ignore: [星河问答]
 *     suppress: [晚点LatePost]
 *
 * An entity with the canonical name and type of a built-in one replaces it; `suppress`
 * removes built-in entries by canonical name; `ignore` is never an entity, in any article and
 * either script, whoever proposes it (lexicon, rule or tagger). Format: lexiconData.ts.
 */
import { LineCounter, isMap, isSeq, parseDocument, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import type { EntityType } from './lexicon';
import { LexiconError, lexiconFromData, type LexiconContents } from './lexiconData';
import { toSimplifiedView } from '../script/normalize';

export { LexiconError } from './lexiconData';

export const LEXICON_PATH = '.gloss/lexicon.yaml';
const MAX_BYTES = 4 * 1024 * 1024;

export interface WorkspaceLexicon extends LexiconContents {
  doc: Document;
  source: string;
}

export function parseWorkspaceLexicon(source: string): WorkspaceLexicon {
  if (source.length > MAX_BYTES) throw new LexiconError('the lexicon is larger than 4 MB');
  const conflict = /^(<{7}|={7}|>{7})(?: |$)/m.exec(source);
  if (conflict) throw new LexiconError('the lexicon has git conflict markers', source.slice(0, conflict.index).split('\n').length);
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, uniqueKeys: true });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    throw new LexiconError(`invalid YAML: ${e.message.split('\n')[0]}`, e.linePos?.[0]?.line);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw new LexiconError(`the lexicon expands too many aliases: ${(e as Error).message}`);
  }
  const lineOf = (path: Array<string | number>) => {
    const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
    return node?.range ? lines.linePos(node.range[0]).line : undefined;
  };
  return { ...lexiconFromData(data, 'workspace', lineOf), doc, source };
}

/**
 * The lexicon's text with one more entity (or more aliases for an existing one), edited
 * through the Document API so that comments stay.
 */
export function addToWorkspaceLexicon(
  current: WorkspaceLexicon | undefined,
  entity: { canonical: string; type: EntityType; aliases?: string[]; note?: string },
): string {
  const doc = current ? current.doc.clone() : parseDocument('version: 1\nentities: []\nignore: []\n');
  if (!doc.has('entities')) doc.set('entities', doc.createNode([]));
  const seq = doc.get('entities', true) as YAMLSeq;
  if (!isSeq(seq)) throw new LexiconError('entities must be a list');
  if (seq.flow) seq.flow = false;
  const canonical = toSimplifiedView(entity.canonical).text;
  const existing = seq.items.find((n) => isMap(n) && toSimplifiedView(String((n as YAMLMap).get('canonical'))).text === canonical && (n as YAMLMap).get('type') === entity.type) as YAMLMap | undefined;
  if (existing) {
    const aliases = new Set<string>((existing.toJSON().aliases as string[] | undefined) ?? []);
    for (const a of entity.aliases ?? []) if (a !== canonical) aliases.add(a);
    existing.set('aliases', doc.createNode([...aliases]));
  } else {
    const node: Record<string, unknown> = { canonical, type: entity.type, aliases: (entity.aliases ?? []).filter((a) => a !== canonical) };
    if (entity.note) node.note = entity.note;
    seq.items.push(doc.createNode(node));
  }
  return doc.toString({ indent: 2, indentSeq: true, lineWidth: 0 });
}

/**
 * The lexicon's text with names added to (or removed from) its ignore list, compared in the
 * form names are matched in, so that one entry covers both scripts. Comments stay.
 */
export function setIgnoredInWorkspaceLexicon(current: WorkspaceLexicon | undefined, names: string[], ignored: boolean): string {
  const doc = current ? current.doc.clone() : parseDocument('version: 1\nentities: []\nignore: []\n');
  if (!doc.has('ignore')) doc.set('ignore', doc.createNode([]));
  const seq = doc.get('ignore', true) as YAMLSeq;
  if (!isSeq(seq)) throw new LexiconError('ignore must be a list of strings');
  const form = (s: string) => toSimplifiedView(s).text.toLowerCase();
  const wanted = new Set(names.map(form));
  if (ignored) {
    const have = new Set(seq.items.map((n) => form(String((n as { value?: unknown }).value ?? n))));
    if (seq.flow && seq.items.length === 0) seq.flow = false;
    for (const name of names) if (!have.has(form(name))) {
      seq.items.push(doc.createNode(name));
      have.add(form(name));
    }
  } else seq.items = seq.items.filter((n) => !wanted.has(form(String((n as { value?: unknown }).value ?? n))));
  return doc.toString({ indent: 2, indentSeq: true, lineWidth: 0 });
}
