import * as assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { cli, commit, git, gitInit, gloss, root, scratch, writeSidecar } from './reviewHelpers';

const scale = Number(process.env.GLOSS_TIMEOUT_SCALE ?? 1) || 1;

/** The README's "Reviewing in git" section. */
function section(): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const start = readme.indexOf('## Reviewing in git');
  assert.ok(start >= 0, 'README has a "Reviewing in git" section');
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

function blocks(text: string, lang: string): string[] {
  return [...text.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);
}

/** A command line as the README writes it: arguments split on spaces, an optional `> file`. */
function runLine(line: string, cwd: string): { status: number | null; stdout: string; stderr: string } {
  const [command, redirect] = line.split(/\s+>\s+/) as [string, string | undefined];
  const args = command.trim().split(/\s+/).slice(1);
  const r = gloss(args, cwd);
  if (redirect) writeFileSync(join(cwd, redirect.trim()), r.stdout);
  return r;
}

/**
 * A repository of articles as the recipes assume: articles/ with sidecars, a base branch
 * origin/main, review work on top of it, and two annotators (folders and branches).
 */
function corpus(): string {
  const d = scratch('gloss-recipes-');
  mkdirSync(join(d, 'articles'));
  for (const f of ['earnings.txt', 'policy.txt']) renameSync(join(d, f), join(d, 'articles', f));
  const articles = join(d, 'articles');
  writeSidecar(articles, 'earnings.txt', [{ kind: 'figure', quote: '801亿元' }]);
  writeSidecar(articles, 'policy.txt', [{ kind: 'claim', quote: '公車票價明年將下調一成。', source: '林雅文', verdict: 'supported', evidence: ['https://example.com/p'] }]);
  for (const who of ['ana', 'bo']) {
    const dir = join(d, 'annotators', who);
    mkdirSync(dir, { recursive: true });
    cpSync(join(articles, 'earnings.txt'), join(dir, 'earnings.txt'));
    writeSidecar(dir, 'earnings.txt', [{ kind: 'figure', quote: '801亿元', status: who === 'ana' ? 'accepted' : 'rejected' }]);
  }
  gitInit(d);
  git(d, 'update-ref', 'refs/remotes/origin/main', 'HEAD');
  for (const [branch, status] of [['ana-review', 'accepted'], ['bo-review', 'rejected']] as const) {
    git(d, 'checkout', '-q', '-b', branch, 'main');
    writeSidecar(articles, 'earnings.txt', [{ kind: 'figure', quote: '622亿元', status }]);
    commit(d, branch);
  }
  git(d, 'checkout', '-q', 'main');
  writeSidecar(articles, 'earnings.txt', [
    { kind: 'figure', quote: '801亿元' },
    { kind: 'claim', quote: '云业务已经连续三个季度盈利。', status: 'manual', source: '陈立峰', verdict: 'false', evidence: ['https://example.com/q1'] },
  ]);
  return d;
}

describe('README: Reviewing in git (every command, child process)', function () {
  this.timeout(600_000 * scale);
  before(function () {
    if (!existsSync(cli)) this.skip();
  });

  it('runs each gloss command of the recipes', () => {
    const d = corpus();
    const lines = blocks(section(), 'sh').flatMap((b) => b.split('\n')).map((l) => l.replace(/\s+#.*$/, '').trim()).filter((l) => l.startsWith('gloss '));
    assert.ok(lines.length >= 8, lines.join('\n'));
    for (const sub of ['check', 'summary', 'export', 'agree']) assert.ok(lines.some((l) => l.startsWith(`gloss ${sub}`)), sub);
    for (const line of lines) {
      const r = runLine(line, d);
      assert.ok(r.status === 0 || r.status === 1, `${line}: exit ${r.status}\n${r.stderr}`);
      assert.doesNotMatch(r.stderr, /unknown|usage|needs/i, line);
    }
    assert.equal(JSON.parse(readFileSync(join(d, 'gloss.sarif'), 'utf8')).version, '2.1.0');
    assert.match(readFileSync(join(d, 'summary.md'), 'utf8'), /^### `articles\/earnings\.txt`$/m);
    assert.ok(JSON.parse(readFileSync(join(d, 'claimreview.json'), 'utf8')).length >= 1);
    assert.match(readFileSync(join(d, 'entities.conll'), 'utf8'), /^-DOCSTART-/);
    assert.ok(JSON.parse(readFileSync(join(d, 'tasks.json'), 'utf8')).length >= 1);
  });

  it('the GitHub Actions workflow: valid YAML that uploads the SARIF, and its gloss steps run', () => {
    const d = corpus();
    const workflow = blocks(section(), 'yaml').find((b) => b.includes('.github/workflows'));
    assert.ok(workflow, 'README shows a workflow');
    const wf = parse(workflow) as { on: unknown; permissions: Record<string, string>; jobs: Record<string, { steps: Array<Record<string, any>> }> }; // eslint-disable-line @typescript-eslint/no-explicit-any
    assert.equal(wf.permissions['security-events'], 'write');
    const steps = Object.values(wf.jobs)[0]!.steps;
    const upload = steps.find((s) => String(s.uses ?? '').startsWith('github/codeql-action/upload-sarif'));
    assert.ok(upload, 'a step uploads the SARIF');
    assert.equal(upload.if, 'always()', 'the SARIF is uploaded even when the check fails');
    const sarifStep = steps.find((s) => String(s.run ?? '').includes('--format sarif'))!;
    assert.ok(sarifStep.run.includes(`> ${upload.with.sarif_file}`), 'the uploaded file is the one written');
    const commands = steps
      .flatMap((s) => String(s.run ?? '').split('&&'))
      .map((c) => c.trim())
      .filter((c) => c.startsWith('node .gloss-cli/dist/cli.js '))
      .map((c) => c.replace('node .gloss-cli/dist/cli.js', 'gloss').replace(/\$\{\{ github\.base_ref \}\}/g, 'main'));
    assert.ok(commands.length >= 3, commands.join('\n'));
    for (const line of commands) {
      const r = runLine(line, d);
      assert.ok(r.status === 0 || r.status === 1, `${line}: exit ${r.status}\n${r.stderr}`);
    }
    assert.equal(JSON.parse(readFileSync(join(d, 'gloss.sarif'), 'utf8')).runs[0].results.length > 0, true);
  });

  it('the pre-commit configurations name the hooks that .pre-commit-hooks.yaml defines', () => {
    const hooks = parse(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{ id: string; files: string; entry: string }>;
    const configs = blocks(section(), 'yaml').filter((b) => b.includes('repos:')).map((b) => parse(b) as { repos: Array<{ repo: string; hooks: Array<{ id: string; files?: string; entry?: string }> }> });
    assert.equal(configs.length, 2);
    for (const c of configs) {
      for (const h of c.repos[0]!.hooks) {
        const def = hooks.find((x) => x.id === h.id);
        assert.ok(def, h.id);
        if (h.files) assert.equal(h.files, def.files);
        if (h.entry) assert.equal(h.entry, def.entry.replace('scripts/pre-commit-hook.sh', 'gloss'));
      }
    }
  });
});
