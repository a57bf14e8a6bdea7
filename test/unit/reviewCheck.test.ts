import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { cli, commit, gitInit, gloss, root, scratch, writeSidecar } from './reviewHelpers';

const scale = Number(process.env.GLOSS_TIMEOUT_SCALE ?? 1) || 1;
const multitoolDir = join(root, 'node_modules/@microsoft/sarif-multitool-linux');

/** Validates a SARIF log against the SARIF 2.1.0 JSON Schema shipped with Microsoft's multitool. */
function schemaErrors(log: unknown): string[] {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(join(multitoolDir, 'sarif-2.1.0.json'), 'utf8')));
  return validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/** Runs `Sarif.Multitool validate` (its SARIF rules beyond the schema) and returns what it reports. */
function multitoolResults(file: string): string[] {
  const bin = join(multitoolDir, 'Sarif.Multitool');
  // npm may skip the package's postinstall (chmod u+x) when install scripts are not allowed
  if (!(statSync(bin).mode & 0o100)) chmodSync(bin, 0o755);
  const out = `${file}.validation.sarif`;
  const r = spawnSync(bin, ['validate', file, '-o', out, '--log', 'ForceOverwrite'], {
    encoding: 'utf8',
    env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1', DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
    timeout: 120_000 * scale,
  });
  assert.equal(r.status, 0, `multitool failed: ${r.stderr}${r.stdout}`);
  const log = JSON.parse(readFileSync(out, 'utf8'));
  return (log.runs[0].results ?? []).map((x: { ruleId: string; level?: string; message: { id?: string; arguments?: string[] } }) =>
    `${x.level ?? 'warning'} ${x.ruleId} ${x.message.id ?? ''} ${(x.message.arguments ?? []).join(' ')}`);
}

/**
 * earnings.txt with a sidecar, then edited: a claim moves on a line that starts with two
 * astral characters, another claim loses its text (orphan), a claim is false without
 * evidence, and a growth rate that does not hold has no verdict.
 */
function editedCorpus(): string {
  const d = scratch();
  writeSidecar(d, 'earnings.txt', [
    { kind: 'figure', quote: '801亿元', value: 80100000000, unit: 'CNY', approx: false },
    { kind: 'claim', quote: '云业务已经连续三个季度盈利。', status: 'manual', verdict: 'false', source: '陈立峰' },
    { kind: 'claim', quote: '盈利。”\n据晨光财经报道', status: 'manual', id: 'c-spans-lines' },
  ]);
  const article = join(d, 'earnings.txt');
  const text = readFileSync(article, 'utf8');
  writeFileSync(article, text.replace('😀𠀀', '😀𠀀（记者）').replace(/据晨光财经报道.*\n/, ''));
  return d;
}

describe('gloss check --format (child process)', function () {
  this.timeout(180_000 * scale);
  before(function () {
    if (!existsSync(cli)) this.skip();
  });

  it('sarif: valid SARIF 2.1.0 (schema and multitool), a rule per kind, code-point columns, fingerprints from ids', () => {
    const d = editedCorpus();
    const r = gloss(['check', '--format', 'sarif', '.'], d);
    assert.equal(r.status, 1, r.stderr);
    const log = JSON.parse(r.stdout);
    assert.deepEqual(schemaErrors(log), []);
    const file = join(d, 'gloss.sarif');
    writeFileSync(file, r.stdout);
    assert.deepEqual(multitoolResults(file), []);

    const run = log.runs[0];
    assert.equal(log.version, '2.1.0');
    assert.equal(run.columnKind, 'unicodeCodePoints');
    const ruleIds: string[] = run.tool.driver.rules.map((x: { id: string }) => x.id);
    for (const id of ['orphan', 'moved', 'schema', 'unreadable', 'failed-check', 'false-without-evidence']) assert.ok(ruleIds.includes(id), id);
    const byRule = (id: string) => run.results.filter((x: { ruleId: string }) => x.ruleId === id);
    for (const x of run.results) assert.equal(run.tool.driver.rules[x.ruleIndex].id, x.ruleId);

    // moved: located in the article, columns in code points (😀𠀀 count one each)
    const [moved] = byRule('moved');
    const loc = moved.locations[0].physicalLocation;
    assert.equal(loc.artifactLocation.uri, 'earnings.txt');
    assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
    assert.deepEqual(
      { line: loc.region.startLine, col: loc.region.startColumn, end: loc.region.endColumn },
      { line: 3, col: 17, end: 17 + [...'云业务已经连续三个季度盈利。'].length },
    );
    const text = readFileSync(join(d, 'earnings.txt'), 'utf8');
    assert.equal([...text].slice(loc.region.charOffset, loc.region.charOffset + loc.region.charLength).join(''), '云业务已经连续三个季度盈利。');
    assert.match(moved.partialFingerprints['glossAnnotation/v1'], /^earnings\.txt#c-[0-9a-f]+$/);
    assert.equal(moved.relatedLocations[0].physicalLocation.artifactLocation.uri, 'earnings.annotations.yaml');

    // orphan: in the sidecar, at the annotation's line, tracked by its id
    const [orphan] = byRule('orphan');
    const oloc = orphan.locations[0].physicalLocation;
    assert.equal(oloc.artifactLocation.uri, 'earnings.annotations.yaml');
    const sidecarLines = readFileSync(join(d, 'earnings.annotations.yaml'), 'utf8').split('\n');
    assert.equal(sidecarLines[oloc.region.startLine - 1], '  - id: c-spans-lines');
    assert.equal(orphan.partialFingerprints['glossAnnotation/v1'], 'earnings.txt#c-spans-lines');

    // review warnings: false without evidence (sidecar), failed growth check (article, the stated 35%)
    assert.equal(byRule('false-without-evidence')[0].locations[0].physicalLocation.artifactLocation.uri, 'earnings.annotations.yaml');
    const [failed] = byRule('failed-check');
    const floc = failed.locations[0].physicalLocation;
    assert.equal(floc.artifactLocation.uri, 'earnings.txt');
    assert.equal([...text.split('\n')[floc.region.startLine - 1]!].slice(floc.region.startColumn - 1, floc.region.endColumn - 1).join(''), '35%');
    assert.equal(failed.level, 'warning');
  });

  it('github: workflow commands with code-point columns, escaped so file text cannot break out', () => {
    const d = editedCorpus();
    const r = gloss(['check', '--format', 'github', '.'], d);
    assert.equal(r.status, 1);
    const lines = r.stdout.trimEnd().split('\n');
    assert.ok(lines.every((l) => /^::(error|warning|notice) file=[^,]+,line=\d+/.test(l)), r.stdout);
    assert.ok(lines.some((l) => l.startsWith('::warning file=earnings.txt,line=3,endLine=3,col=17,endColumn=31,title=Gloss moved%3A ')), r.stdout);
    const orphan = lines.find((l) => l.startsWith('::error file=earnings.annotations.yaml,'))!;
    assert.match(orphan, /盈利。”%0A据晨光财经报道/);
  });

  it('json and text: the same findings; review warnings never change the exit status', () => {
    const d = scratch();
    writeSidecar(d, 'earnings.txt', [{ kind: 'figure', quote: '801亿元' }]);
    const text = gloss(['check', d]);
    assert.equal(text.status, 0, text.stdout);
    assert.match(text.stdout, /earnings\.txt:2:\d+: growth check does not hold: \(801亿 − 622亿\) \/ 622亿 = 28\.78%, stated 35%/);
    assert.match(text.stdout, /1 sidecar checked, no problems; 1 review warning/);
    const json = JSON.parse(gloss(['check', '--format', 'json', d]).stdout);
    assert.equal(json.status, 0);
    assert.deepEqual(json.findings.map((f: { rule: string }) => f.rule), ['failed-check']);
    // a verdict on the claim closes its failed check
    writeSidecar(d, 'earnings.txt', [{ kind: 'claim', quote: '星河科技今年收入为801亿元，对比上年的622亿元，增速为35%。', verdict: 'disputed', evidence: ['https://example.com/q1'] }]);
    assert.deepEqual(JSON.parse(gloss(['check', '--format', 'json', d]).stdout).findings, []);
    assert.equal(gloss(['check', '--format', 'xml', d]).status, 2);
  });

  it('--changed-since: only sidecars and articles changed since a revision, git run without a shell', () => {
    const d = scratch();
    writeSidecar(d, 'earnings.txt', [{ kind: 'figure', quote: '801亿元' }]);
    writeSidecar(d, 'policy.txt', [{ kind: 'figure', quote: '3.2億人次' }]);
    gitInit(d);
    // nothing changed: nothing checked
    assert.match(gloss(['check', '--changed-since', 'HEAD', '.'], d).stdout, /^0 sidecars checked/m);
    // the Traditional article changes (its anchor moves): only its sidecar is checked
    writeFileSync(join(d, 'policy.txt'), '（更新）' + readFileSync(join(d, 'policy.txt'), 'utf8'));
    const r = gloss(['check', '--changed-since', 'HEAD', '--format', 'json', '.'], d);
    assert.equal(r.status, 1);
    const json = JSON.parse(r.stdout);
    assert.equal(json.checked, 1);
    assert.ok(json.findings.every((f: { sidecar: { path: string } }) => f.sidecar.path === 'policy.annotations.yaml'), r.stdout);
    // committed changes count too, against an older revision
    commit(d, 'edit policy');
    assert.equal(JSON.parse(gloss(['check', '--changed-since', 'HEAD~1', '--format', 'json', '.'], d).stdout).checked, 1);
    assert.equal(JSON.parse(gloss(['check', '--changed-since', 'HEAD', '--format', 'json', '.'], d).stdout).checked, 0);
    // a ref that looks like an option, or an unknown one, is a usage error; nothing is run
    const evil = gloss(['check', '--changed-since=--output=/tmp/x', '.'], d);
    assert.equal(evil.status, 2);
    assert.match(evil.stderr, /is not a git revision/);
    const unknown = gloss(['check', '--changed-since', 'no-such-branch;touch pwned', '.'], d);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /unknown git revision/);
    assert.ok(!existsSync(join(d, 'pwned')));
  });
});
