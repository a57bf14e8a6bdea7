import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Sidecar } from '../../src/core/sidecar/model';
import { formatSidecar, parseSidecar, SidecarError, updateSidecarText } from '../../src/core/sidecar/yamlIO';
import { validateSidecar } from '../../src/core/sidecar/validate';

const SHA = 'a'.repeat(64);
const sidecar = (date?: string): Sidecar => ({ version: 1, article: 'a.txt', sha256: SHA, ...(date ? { date } : {}), annotations: [] });

describe('sidecar: the optional date: of the header', () => {
  it('is written after sha256, before annotations, unquoted, and read back', () => {
    const text = formatSidecar(sidecar('2024-06-03'));
    assert.equal(text, `version: 1\narticle: a.txt\nsha256: ${SHA}\ndate: 2024-06-03\nannotations: []\n`);
    assert.equal(parseSidecar(text).sidecar.date, '2024-06-03');
    assert.equal(parseSidecar(formatSidecar(sidecar())).sidecar.date, undefined);
  });
  it('round-trips byte for byte, with comments', () => {
    const text = `# checked by hand\nversion: 1\narticle: a.txt\nsha256: ${SHA}\ndate: 2024-03-06 # from the print edition\nannotations: []\n`;
    const loaded = parseSidecar(text);
    assert.equal(updateSidecarText(loaded, loaded.sidecar), text);
  });
  it('is added before annotations, changed in place, and removed, keeping the comments', () => {
    const text = `version: 1 # v\narticle: a.txt\nsha256: ${SHA}\nannotations: [] # none yet\n`;
    const added = updateSidecarText(parseSidecar(text), sidecar('2024-06-03'));
    assert.equal(added, `version: 1 # v\narticle: a.txt\nsha256: ${SHA}\ndate: 2024-06-03\nannotations: [] # none yet\n`);
    const changed = updateSidecarText(parseSidecar(added), sidecar('2023-01-31'));
    assert.match(changed, /\ndate: 2023-01-31\nannotations/);
    assert.equal(updateSidecarText(parseSidecar(changed), sidecar()), text);
  });
  it('must be a real day written YYYY-MM-DD, with the line of the problem', () => {
    for (const bad of ['2024-6-3', '2024-02-30', 'yesterday', '20240603']) {
      const text = `version: 1\narticle: a.txt\nsha256: ${SHA}\ndate: "${bad}"\nannotations: []\n`;
      assert.throws(() => parseSidecar(text), (e: unknown) => e instanceof SidecarError && e.code === 'schema' && /date/.test(e.message) && e.line === 4, bad);
    }
    assert.deepEqual(validateSidecar({ ...sidecar('2024-02-29') }), []);
  });
  it('is in the JSON Schema, with a pattern that agrees with the validator', () => {
    const schema = JSON.parse(readFileSync(join(__dirname, '../../../schemas/sidecar.schema.json'), 'utf8'));
    const pattern = new RegExp(schema.properties.date.pattern);
    for (const ok of ['2024-06-03', '1999-12-31']) assert.ok(pattern.test(ok) && validateSidecar(sidecar(ok)).length === 0, ok);
    for (const bad of ['2024-13-01', '2024-6-3', '2024-06-32']) assert.ok(!pattern.test(bad) && validateSidecar(sidecar(bad)).length > 0, bad);
  });
});
