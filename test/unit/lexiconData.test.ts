import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { builtinLexiconPath } from '../../src/core/entities/builtinLexiconSource';
import { ENTITY_TYPES } from '../../src/core/entities/lexiconEntry';
import { lexiconFromData, LexiconError } from '../../src/core/entities/lexiconData';
import { matchForm } from '../../src/core/entities/lexicon';
import { parseWorkspaceLexicon } from '../../src/core/entities/workspaceLexicon';

const root = join(__dirname, '../../..');
const schema = JSON.parse(readFileSync(join(root, 'schemas/lexicon.schema.json'), 'utf8'));
const dataText = readFileSync(builtinLexiconPath(), 'utf8');

describe('the built-in lexicon is data (src/core/entities/data/builtin.lexicon.yaml)', () => {
  it('is read through the same format as a workspace lexicon, and passes its checks', () => {
    const { entries } = parseWorkspaceLexicon(dataText);
    assert.ok(entries.length > 900, `${entries.length} entries`);
    assert.ok(entries.every((e) => ENTITY_TYPES.includes(e.type)));
  });
  it('has no entity twice and no name that belongs to two entities', () => {
    const { entries } = lexiconFromData(parse(dataText), 'builtin');
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const e of entries) {
      if (owner.has(`id ${e.id}`)) clashes.push(`${e.id} twice`);
      owner.set(`id ${e.id}`, e.id);
      for (const name of new Set([e.canonical, ...e.aliases, ...e.shortForms].map(matchForm))) {
        const other = owner.get(name);
        if (other !== undefined && other !== e.id) clashes.push(`${name}: ${other} and ${e.id}`);
        owner.set(name, e.id);
      }
    }
    assert.deepEqual(clashes, []);
  });
  it('the schema and the reader know the same fields', () => {
    const item = schema.properties.entities.items;
    assert.deepEqual(Object.keys(schema.properties).sort(), ['entities', 'ignore', 'suppress', 'version']);
    assert.deepEqual(item.properties.type.enum, [...ENTITY_TYPES]);
    // every field of the schema is accepted, with a value of the schema's type
    const sample: Record<string, unknown> = {};
    for (const [field, spec] of Object.entries(item.properties as Record<string, { type?: string; enum?: string[] }>)) {
      sample[field] = spec.enum ? spec.enum[1] : spec.type === 'array' ? ['星河'] : spec.type === 'boolean' ? true : '星河科技';
    }
    const [entry] = lexiconFromData({ version: 1, entities: [sample] }, 'workspace').entries;
    assert.equal(entry!.canonical, '星河科技');
    assert.equal(entry!.shortFormsStandAlone, true);
    // and a field the schema does not list is refused, as additionalProperties: false says
    assert.equal(item.additionalProperties, false);
    assert.throws(() => lexiconFromData({ entities: [{ ...sample, shortform: ['星河'] }] }, 'workspace'), LexiconError);
  });
  it('refuses a wrong value with the line it is on', () => {
    const bad = 'version: 1\nentities:\n  - canonical: 星河科技\n    type: org\n    shortFormsStandAlone: yes please\n';
    assert.throws(() => parseWorkspaceLexicon(bad), (e: unknown) => e instanceof LexiconError && /true or false/.test(e.message) && e.line === 5);
  });
});
