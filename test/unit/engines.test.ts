import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../../..');
type Version = [number, number, number];

function parse(v: string): Version {
  const [a = 0, b = 0, c = 0] = v.replace(/^v/, '').split('.').map((x) => Number.parseInt(x, 10) || 0);
  return [a, b, c];
}

function cmp(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** Whether `version` satisfies a node-style `engines` range of the shapes npm packages use. */
export function satisfies(version: string, range: string): boolean {
  const v = parse(version);
  return range.split('||').some((alt) =>
    alt
      .replace(/([<>=^~]+)\s+/g, '$1')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .every((part) => {
        const p = part.replace(/\s+/g, '');
        if (p === '*' || p === '') return true;
        const m = /^(>=|<=|>|<|\^|~|=)?(\d+(?:\.\d+){0,2})$/.exec(p);
        if (!m) throw new Error(`unsupported range ${range}`);
        const [op = '', raw] = [m[1], m[2]!];
        const r = parse(raw);
        const parts = raw.split('.').length;
        switch (op) {
          case '>=':
            return cmp(v, r) >= 0;
          case '>':
            return cmp(v, r) > 0;
          case '<':
            return cmp(v, r) < 0;
          case '<=':
            return cmp(v, r) <= 0;
          case '^':
            return cmp(v, r) >= 0 && v[0] === r[0];
          case '~':
            return cmp(v, r) >= 0 && v[0] === r[0] && v[1] === r[1];
          default:
            // a bare version: as precise as it is written (20 means any 20.x)
            return v[0] === r[0] && (parts < 2 || v[1] === r[1]) && (parts < 3 || v[2] === r[2]);
        }
      }),
  );
}

describe('the Node version (package.json engines, the README, the dependencies)', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const minimum = /^>=\s*(\d+\.\d+\.\d+)$/.exec(manifest.engines.node)?.[1];

  it('reads the ranges npm packages write', () => {
    assert.ok(satisfies('20.19.0', '^20.19.0 || >=22.12.0'));
    assert.ok(!satisfies('20.18.9', '^20.19.0 || >=22.12.0'));
    assert.ok(satisfies('20.19.0', '18 || 20 || >=22'));
    assert.ok(!satisfies('21.0.0', '18 || 20 || >=22'));
    assert.ok(!satisfies('20.19.0', '>=22'));
    assert.ok(satisfies('20.19.0', '>= 0.4'));
    assert.ok(satisfies('20.19.0', '*'));
  });

  it('package.json states a minimum Node version that every installed dependency accepts', () => {
    assert.ok(minimum, `engines.node is ">=X.Y.Z", not ${manifest.engines.node}`);
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { engines?: { node?: string } | string[]; optional?: boolean }> };
    const refused = Object.entries(lock.packages)
      .filter(([name, p]) => name && !p.optional && p.engines && !Array.isArray(p.engines) && p.engines.node)
      .filter(([, p]) => !satisfies(minimum!, (p.engines as { node: string }).node))
      .map(([name, p]) => `${name} wants node ${(p.engines as { node: string }).node}`);
    assert.deepEqual(refused, []);
  });

  it('the README states the same version', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const [major, minor] = minimum!.split('.');
    assert.match(readme, new RegExp(`Node(?:\\.js)? ${major}\\.${minor}`), `the README names Node ${major}.${minor}`);
  });
});
