import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { cli, git, gitInit, root, scratch, writeSidecar } from './reviewHelpers';
import { scratchDir } from './helpers';

const scale = Number(process.env.GLOSS_TIMEOUT_SCALE ?? 1) || 1;

function havePreCommit(): boolean {
  return spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;
}

interface Hook {
  id: string;
  entry: string;
  language: string;
  [k: string]: unknown;
}

const HOOK_SCRIPT = 'scripts/pre-commit-hook.sh';

/**
 * Our `.pre-commit-hooks.yaml`, as a `repo: local` configuration: the same hooks (files,
 * serial, names, arguments), with the hook script run from this checkout (its CLI already
 * built) instead of pre-commit's clone, so that the real pre-commit runs them with no network.
 */
function localConfig(): string {
  const hooks = parse(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
  const local = hooks.map((h) => {
    assert.equal(h.language, 'script');
    assert.ok(h.entry.startsWith(`${HOOK_SCRIPT} `), h.entry);
    return { ...h, language: 'system', entry: h.entry.replace(HOOK_SCRIPT, JSON.stringify(join(root, HOOK_SCRIPT))) };
  });
  return stringify({ repos: [{ repo: 'local', hooks: local }] });
}

function commitWithHooks(dir: string, env: NodeJS.ProcessEnv) {
  git(dir, 'add', '-A');
  const r = spawnSync('git', ['commit', '-m', 'review'], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 240_000 * scale });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('pre-commit hooks (the real pre-commit tool, child process)', function () {
  this.timeout(400_000 * scale);
  before(function () {
    if (!existsSync(cli)) this.skip();
    // CI installs pre-commit (.ci/run); there a missing tool is a failure, not a skip
    if (!havePreCommit()) {
      if (process.env.CI) throw new Error('pre-commit is not installed (apt-get install pre-commit)');
      this.skip();
    }
  });

  it('the hook script is executable in git, and runs the built CLI', () => {
    assert.match(git(root, 'ls-files', '-s', HOOK_SCRIPT), /^100755 /, 'pre-commit runs the script from its clone: git must keep its x bit');
    const r = spawnSync(join(root, HOOK_SCRIPT), ['check', join(root, 'test/fixtures/sidecars')], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /1 sidecar checked, no problems/);
    assert.equal(readFileSync(join(root, HOOK_SCRIPT), 'utf8').includes('exec node "$here/dist/cli.js" "$@"'), true);
  });

  it('.pre-commit-hooks.yaml runs gloss check and gloss format --check on staged articles and sidecars', () => {
    const d = scratch('gloss-precommit-');
    writeFileSync(join(d, '.pre-commit-config.yaml'), localConfig());
    writeSidecar(d, 'earnings.txt', [{ kind: 'figure', quote: '801亿元' }]);
    gitInit(d);
    const env = { PRE_COMMIT_HOME: scratchDir('gloss-pre-commit-home-') };
    const install = spawnSync('pre-commit', ['install'], { cwd: d, encoding: 'utf8', env: { ...process.env, ...env } });
    assert.equal(install.status, 0, install.stderr + install.stdout);

    // a broken sidecar is stopped, pointing at the line
    const sidecar = join(d, 'earnings.annotations.yaml');
    const good = readFileSync(sidecar, 'utf8');
    writeFileSync(sidecar, good.replace('kind: figure', 'kind: rumour'));
    const broken = commitWithHooks(d, env);
    assert.notEqual(broken.status, 0, broken.out);
    assert.match(broken.out, /gloss check[^\n]*Failed/);
    assert.match(broken.out, /earnings\.annotations\.yaml:\d+: kind must be one of claim, figure, entity/);
    assert.equal(git(d, 'rev-list', '--count', 'HEAD').trim(), '1');

    // an article edited without re-anchoring its sidecar is stopped by both hooks
    writeFileSync(sidecar, good);
    writeFileSync(join(d, 'earnings.txt'), '（更新）' + readFileSync(join(d, 'earnings.txt'), 'utf8'));
    const stale = commitWithHooks(d, env);
    assert.notEqual(stale.status, 0, stale.out);
    assert.match(stale.out, /sha256 does not match the article/);
    assert.match(stale.out, /gloss format --check[^\n]*Failed/);
    assert.match(stale.out, /earnings\.annotations\.yaml: not in canonical form/);

    // after gloss format, both pass and the commit is made
    assert.equal(spawnSync(process.execPath, [cli, 'format', '.'], { cwd: d }).status, 0);
    const ok = commitWithHooks(d, env);
    assert.equal(ok.status, 0, ok.out);
    assert.match(ok.out, /gloss check[^\n]*Passed/);
    assert.match(ok.out, /gloss format --check[^\n]*Passed/);
    assert.equal(git(d, 'rev-list', '--count', 'HEAD').trim(), '2');

    // files the hooks do not look at are skipped
    writeFileSync(join(d, 'notes.md'), '# notes\n');
    const skipped = commitWithHooks(d, env);
    assert.equal(skipped.status, 0, skipped.out);
    assert.match(skipped.out, /gloss check[^\n]*Skipped/);
    assert.equal(git(d, 'rev-list', '--count', 'HEAD').trim(), '3');
  });
});
