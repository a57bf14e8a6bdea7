import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../../..');
const json = (p: string) => JSON.parse(readFileSync(join(root, p), 'utf8')) as Record<string, string>;

describe('localisation (English, 简体中文, 繁體中文)', () => {
  it('translates every %key% the manifest uses', () => {
    const manifest = readFileSync(join(root, 'package.json'), 'utf8');
    const keys = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!);
    assert.ok(keys.length > 20);
    for (const file of ['package.nls.json', 'package.nls.zh-cn.json', 'package.nls.zh-tw.json']) {
      const bundle = json(file);
      for (const k of keys) assert.ok(bundle[k], `${file} lacks ${k}`);
    }
  });

  it('translates every runtime string passed to t()', () => {
    const dir = join(root, 'src/extension');
    const strings = new Set<string>();
    for (const f of readdirSync(dir)) {
      const src = readFileSync(join(dir, f), 'utf8');
      for (const m of src.matchAll(/\bt\(\s*'((?:[^'\\]|\\.)*)'/g)) strings.add(m[1]!.replace(/\\'/g, "'"));
      for (const m of src.matchAll(/\bt\(\s*"((?:[^"\\]|\\.)*)"/g)) strings.add(m[1]!);
      // tn(n, 'one', 'many'): both forms are keys
      for (const m of src.matchAll(/\btn\(\s*[^,]+,\s*'((?:[^'\\]|\\.)*)',\s*'((?:[^'\\]|\\.)*)'/g)) {
        strings.add(m[1]!.replace(/\\'/g, "'"));
        strings.add(m[2]!.replace(/\\'/g, "'"));
      }
    }
    assert.ok(strings.size > 40);
    for (const file of ['l10n/bundle.l10n.zh-cn.json', 'l10n/bundle.l10n.zh-tw.json']) {
      const bundle = json(file);
      const missing = [...strings].filter((s) => !bundle[s]);
      assert.deepEqual(missing, [], `${file} lacks translations`);
    }
  });
});
