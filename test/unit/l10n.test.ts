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

  it('translates every message template of the core (msg() in src/core), with the same placeholders', () => {
    const templates = coreTemplates(join(root, 'src/core'));
    // the arithmetic workings, claims' reasons, figures' descriptions and relative dates at least
    for (const known of ['stated {0}', '{0}, {1}; rounding allows ±{2}', 'its arithmetic does not hold', 'period {0}', "{0} read against the article's date {1} (from {2})"]) {
      assert.ok(templates.has(known), `msg('${known}') is found in src/core`);
    }
    const placeholders = (s: string) => [...s.matchAll(/\{(\d+)\}/g)].map((m) => m[1]).sort().join(',');
    for (const file of ['l10n/bundle.l10n.zh-cn.json', 'l10n/bundle.l10n.zh-tw.json']) {
      const bundle = json(file);
      const missing = [...templates].filter((s) => !bundle[s]);
      assert.deepEqual(missing, [], `${file} lacks translations`);
      const changed = [...templates].filter((s) => placeholders(s) !== placeholders(bundle[s]!));
      assert.deepEqual(changed, [], `${file}: translations that lose or add a placeholder`);
    }
  });
});

/** The literal templates of every msg('…') call under `dir`. */
function coreTemplates(dir: string): Set<string> {
  const out = new Set<string>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      for (const s of coreTemplates(path)) out.add(s);
      continue;
    }
    if (!entry.name.endsWith('.ts')) continue;
    const src = readFileSync(path, 'utf8');
    for (const m of src.matchAll(/\bmsg\(\s*'((?:[^'\\]|\\.)*)'/g)) out.add(m[1]!.replace(/\\'/g, "'"));
    for (const m of src.matchAll(/\bmsg\(\s*"((?:[^"\\]|\\.)*)"/g)) out.add(m[1]!);
    for (const m of src.matchAll(/\bmsgAs\(\s*'([^']*)',\s*'((?:[^'\\]|\\.)*)'/g)) out.add(`${m[2]!.replace(/\\'/g, "'")}/${m[1]}`);
  }
  return out;
}
