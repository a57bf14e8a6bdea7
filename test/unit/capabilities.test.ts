import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../../..');
const json = (p: string) => JSON.parse(readFileSync(join(root, p), 'utf8'));

/** What VS Code is told Gloss does in Restricted Mode and in virtual workspaces, and what the README says. */
describe('capabilities: Restricted Mode and virtual workspaces', () => {
  const manifest = json('package.json');
  const capabilities = manifest.capabilities ?? {};
  const readme = readFileSync(join(root, 'README.md'), 'utf8');

  it('Restricted Mode: limited, with gloss.sidecarFolder restricted to the user’s own value', () => {
    assert.equal(capabilities.untrustedWorkspaces?.supported, 'limited');
    assert.deepEqual(capabilities.untrustedWorkspaces.restrictedConfigurations, ['gloss.sidecarFolder']);
    assert.ok(manifest.contributes.configuration.properties['gloss.sidecarFolder'], 'the restricted setting exists');
  });

  it('virtual workspaces: limited (sidecars, the lexicon and exports need a disk)', () => {
    assert.equal(capabilities.virtualWorkspaces?.supported, 'limited');
  });

  it('each says why, in English, 简体中文 and 繁體中文', () => {
    for (const nls of ['package.nls.json', 'package.nls.zh-cn.json', 'package.nls.zh-tw.json']) {
      const strings = json(nls) as Record<string, string>;
      for (const kind of ['untrustedWorkspaces', 'virtualWorkspaces']) {
        const key = /^%(.+)%$/.exec(capabilities[kind].description)?.[1];
        assert.ok(key && strings[key] && strings[key].length > 40, `${nls}: ${kind}`);
      }
    }
  });

  it('the README states the same', () => {
    for (const kind of ['untrustedWorkspaces', 'virtualWorkspaces']) {
      assert.ok(readme.includes(`capabilities.${kind}: ${capabilities[kind].supported}`), `README: capabilities.${kind}: ${capabilities[kind].supported}`);
    }
  });
});
