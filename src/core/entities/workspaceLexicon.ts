/**
 * The workspace lexicon, `.gloss/lexicon.yaml`: entities the team confirmed, checked into
 * the repository, applied on top of the built-in lexicon in every article and script.
 *
 *     version: 1
 *     entities:
 *       - canonical: 星河科技
 *         type: org
 *         aliases: [星河, 星河科技集团]
 *         note: 云计算公司
 *         link: https://example.com
 *     ignore: [星河问答]
 */
import { LineCounter, isMap, isSeq, parseDocument, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import { ENTITY_TYPES, entityId, type EntityType, type LexiconEntry } from './lexicon';
import { toSimplifiedView } from '../script/normalize';

export const LEXICON_PATH = '.gloss/lexicon.yaml';
const MAX_BYTES = 4 * 1024 * 1024;

export class LexiconError extends Error {
  constructor(message: string, readonly line?: number) {
    super(message);
  }
}

export interface WorkspaceLexicon {
  entries: LexiconEntry[];
  ignore: string[];
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
  if (data === null || data === undefined) return { entries: [], ignore: [], doc, source };
  if (typeof data !== 'object' || Array.isArray(data)) throw new LexiconError('the lexicon is a mapping with version, entities and ignore', 1);
  const d = data as Record<string, unknown>;
  for (const key of Object.keys(d)) {
    if (!['version', 'entities', 'ignore'].includes(key) && !key.startsWith('x-')) throw new LexiconError(`unknown field '${key}'`, lineOf([key]));
  }
  if (d.version !== undefined && d.version !== 1) throw new LexiconError(`version ${String(d.version)} is not understood by this Gloss (1)`, lineOf(['version']));
  const entities = d.entities ?? [];
  if (!Array.isArray(entities)) throw new LexiconError('entities must be a list', lineOf(['entities']));
  const entries: LexiconEntry[] = entities.map((e: unknown, i: number) => {
    const at = (k?: string) => lineOf(k ? ['entities', i, k] : ['entities', i]);
    if (typeof e !== 'object' || e === null || Array.isArray(e)) throw new LexiconError('each entity is a mapping', at());
    const x = e as Record<string, unknown>;
    if (typeof x.canonical !== 'string' || !x.canonical.trim()) throw new LexiconError('canonical must be the entity name', at('canonical') ?? at());
    if (!ENTITY_TYPES.includes(x.type as EntityType)) throw new LexiconError(`type must be one of ${ENTITY_TYPES.join(', ')}`, at('type') ?? at());
    const aliases = x.aliases ?? [];
    if (!Array.isArray(aliases) || !aliases.every((a) => typeof a === 'string')) throw new LexiconError('aliases must be a list of names', at('aliases'));
    for (const k of ['note', 'link'] as const) if (x[k] !== undefined && typeof x[k] !== 'string') throw new LexiconError(`${k} must be a string`, at(k));
    // the canonical form is Simplified, whichever script the team wrote it in
    const canonical = toSimplifiedView(x.canonical.trim()).text;
    const entry: LexiconEntry = {
      id: entityId(x.type as string, canonical),
      canonical,
      type: x.type as EntityType,
      aliases: [x.canonical.trim(), ...(aliases as string[])],
      shortAliases: [],
      origin: 'workspace',
    };
    if (typeof x.note === 'string') entry.note = x.note;
    if (typeof x.link === 'string') entry.link = x.link;
    return entry;
  });
  const ignore = d.ignore ?? [];
  if (!Array.isArray(ignore) || !ignore.every((s) => typeof s === 'string')) throw new LexiconError('ignore must be a list of strings', lineOf(['ignore']));
  return { entries, ignore: ignore as string[], doc, source };
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
