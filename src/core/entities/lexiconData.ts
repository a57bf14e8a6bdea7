/**
 * The lexicon file format (schemas/lexicon.schema.json), shared by the built-in lexicon
 * (data/builtin.lexicon.yaml) and a workspace's `.gloss/lexicon.yaml`: from parsed data to
 * lexicon entries, with errors that name the line where the caller knows it.
 */
import { toSimplifiedView } from '../script/normalize';
import { ENTITY_TYPES, entityId, type EntityType, type LexiconEntry } from './lexiconEntry';

export class LexiconError extends Error {
  constructor(message: string, readonly line?: number) {
    super(message);
  }
}

export interface LexiconContents {
  entries: LexiconEntry[];
  /** Strings never taken as entities, by any source, in any article or script. */
  ignore: string[];
  /** Canonical names (either script) whose built-in entries are removed. */
  suppress: string[];
}

/** The line of a path into the data, where the caller parsed it from text. */
export type LineOf = (path: Array<string | number>) => number | undefined;

const TOP_LEVEL = ['version', 'entities', 'ignore', 'suppress'];
const ENTITY_FIELDS = ['canonical', 'type', 'aliases', 'shortForms', 'shortFormsStandAlone', 'groupNames', 'notBefore', 'note', 'link'];

function stringList(value: unknown, what: string, line: number | undefined): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((a) => typeof a === 'string')) throw new LexiconError(`${what} must be a list of names`, line);
  return value.map((a) => a.trim()).filter(Boolean);
}

/** Entries of lexicon data (the YAML, parsed), checked against the format. */
export function lexiconFromData(data: unknown, origin: LexiconEntry['origin'], lineOf: LineOf = () => undefined): LexiconContents {
  if (data === null || data === undefined) return { entries: [], ignore: [], suppress: [] };
  if (typeof data !== 'object' || Array.isArray(data)) throw new LexiconError('the lexicon is a mapping with version, entities, ignore and suppress', 1);
  const d = data as Record<string, unknown>;
  for (const key of Object.keys(d)) {
    if (!TOP_LEVEL.includes(key) && !key.startsWith('x-')) throw new LexiconError(`unknown field '${key}'`, lineOf([key]));
  }
  if (d.version !== undefined && d.version !== 1) throw new LexiconError(`version ${String(d.version)} is not understood by this Gloss (1)`, lineOf(['version']));
  const entities = d.entities ?? [];
  if (!Array.isArray(entities)) throw new LexiconError('entities must be a list', lineOf(['entities']));
  const entries = entities.map((e: unknown, i: number) => entryFromData(e, origin, (k?: string) => lineOf(k ? ['entities', i, k] : ['entities', i])));
  return {
    entries,
    ignore: stringList(d.ignore, 'ignore', lineOf(['ignore'])),
    suppress: stringList(d.suppress, 'suppress', lineOf(['suppress'])).map((s) => toSimplifiedView(s).text),
  };
}

function entryFromData(e: unknown, origin: LexiconEntry['origin'], at: (key?: string) => number | undefined): LexiconEntry {
  if (typeof e !== 'object' || e === null || Array.isArray(e)) throw new LexiconError('each entity is a mapping', at());
  const x = e as Record<string, unknown>;
  for (const key of Object.keys(x)) {
    if (!ENTITY_FIELDS.includes(key) && !key.startsWith('x-')) throw new LexiconError(`unknown entity field '${key}'`, at(key) ?? at());
  }
  if (typeof x.canonical !== 'string' || !x.canonical.trim()) throw new LexiconError('canonical must be the entity name', at('canonical') ?? at());
  if (!ENTITY_TYPES.includes(x.type as EntityType)) throw new LexiconError(`type must be one of ${ENTITY_TYPES.join(', ')}`, at('type') ?? at());
  for (const k of ['note', 'link'] as const) if (x[k] !== undefined && typeof x[k] !== 'string') throw new LexiconError(`${k} must be a string`, at(k));
  for (const k of ['shortFormsStandAlone', 'groupNames'] as const) if (x[k] !== undefined && typeof x[k] !== 'boolean') throw new LexiconError(`${k} must be true or false`, at(k));
  const written = x.canonical.trim();
  // the canonical form is Simplified, whichever script the entry is written in
  const canonical = toSimplifiedView(written).text;
  const type = x.type as EntityType;
  const entry: LexiconEntry = {
    id: entityId(type, canonical),
    canonical,
    type,
    // a workspace entry keeps the name as the team wrote it among its names (it may be Traditional)
    aliases: [...(origin === 'workspace' || written !== canonical ? [written] : []), ...stringList(x.aliases, 'aliases', at('aliases'))],
    shortForms: stringList(x.shortForms, 'shortForms', at('shortForms')),
    shortFormsStandAlone: x.shortFormsStandAlone === true,
    groupNames: x.groupNames !== false,
    // matched where names are matched: Simplified, Latin in lower case
    notBefore: stringList(x.notBefore, 'notBefore', at('notBefore')).map((w) => toSimplifiedView(w).text.toLowerCase()),
    origin,
  };
  if (typeof x.note === 'string') entry.note = x.note;
  if (typeof x.link === 'string') entry.link = x.link;
  return entry;
}
