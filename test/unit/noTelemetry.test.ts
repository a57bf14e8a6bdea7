import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** What a program needs to send anything anywhere: network modules, fetch, telemetry APIs. */
const NETWORK = /\bfrom ['"](?:node:)?(?:http|https|http2|net|tls|dgram|dns)['"]|require\(['"](?:node:)?(?:http|https|http2|net|tls|dgram|dns)['"]\)|\bfetch\(|\bXMLHttpRequest\b|\bWebSocket\b|createTelemetryLogger|TelemetryReporter|applicationinsights/;

describe('Gloss sends no telemetry (as the README says)', () => {
  it('no source file of the extension, the core or the CLI can open a network connection', () => {
    const offenders = sources(join(root, 'src')).filter((f) => NETWORK.test(readFileSync(f, 'utf8'))).map((f) => relative(root, f));
    assert.deepEqual(offenders, []);
  });

  it('its run-time dependencies are the two it needs (script conversion, YAML)', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    assert.deepEqual(Object.keys(manifest.dependencies).sort(), ['opencc-js', 'yaml']);
  });

  it('the README says so', () => {
    assert.match(readFileSync(join(root, 'README.md'), 'utf8'), /Gloss sends no telemetry/);
  });

  it('the check would see a fetch or a telemetry reporter', () => {
    assert.ok(NETWORK.test("await fetch('https://example.com')"));
    assert.ok(NETWORK.test("import * as https from 'node:https';"));
    assert.ok(NETWORK.test('new TelemetryReporter(key)'));
    assert.ok(!NETWORK.test('const fetched = cache.get(key);'));
  });
});
