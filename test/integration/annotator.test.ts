import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, unlinkSync } from 'node:fs';
import * as vscode from 'vscode';
import { activateGloss, openArticle, waitFor, workspaceFile } from './helpers';

const scale = Number(process.env.GLOSS_TIMEOUT_SCALE ?? 1) || 1;

/** The annotation entries of a sidecar, as text blocks starting at `- id:`. */
const sidecarPath = (article: string) => workspaceFile('articles', article.replace(/\.txt$/, '.annotations.yaml')).fsPath;

function entries(article: string): string[] {
  const yaml = readFileSync(sidecarPath(article), 'utf8');
  return yaml.split(/\n(?= {2}- id: )/).slice(1);
}

describe('who decided: by: on decisions', () => {
  const article = '02-ai-startups-traditional.txt';
  const config = () => vscode.workspace.getConfiguration('gloss');

  before(() => {
    assert.ok(!existsSync(sidecarPath(article)), 'this suite starts from an article without decisions');
  });

  // leave the workspace as it was: no setting, no sidecar (and Gloss has seen it go)
  after(async function () {
    this.timeout(30_000 * scale);
    await config().update('annotator', undefined, vscode.ConfigurationTarget.Workspace);
    if (existsSync(sidecarPath(article))) unlinkSync(sidecarPath(article));
    const uri = workspaceFile('articles', article);
    await waitFor(async () => (await vscode.commands.executeCommand<unknown[]>('gloss.annotations', uri)).length === 0, 'Gloss to see the sidecar gone', 20_000 * scale);
  });

  it('records gloss.annotator on a decision, keeps it when only a note is added, and changes it with the verdict', async () => {
    await activateGloss();
    const doc = (await openArticle(article)).document;
    const claimAt = doc.getText().indexOf('智遠科技本輪融資') + 1;
    assert.ok(claimAt > 0, 'the fixture has the claim');
    const target = { uri: doc.uri.toString(), offset: claimAt, kind: 'claim' };

    await config().update('annotator', 'ana@example.com', vscode.ConfigurationTarget.Workspace);
    const decided = await vscode.commands.executeCommand<{ id: string; by?: string }>('gloss.setVerdict', { ...target, verdict: 'disputed' });
    assert.equal(decided.by, 'ana@example.com');
    const entry = () => entries(article).find((e) => e.includes(`id: ${decided.id}\n`))!;
    assert.match(entry(), /^ {2}- id: \S+\n {4}kind: claim\n {4}status: accepted\n {4}by: ana@example\.com\n/);

    await config().update('annotator', 'bo@example.com', vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('gloss.addNote', { ...target, note: '数字与公告不符' });
    assert.match(entry(), /by: ana@example\.com\n/, 'a note does not change who decided');
    await vscode.commands.executeCommand('gloss.setVerdict', { ...target, verdict: 'false' });
    assert.match(entry(), /by: bo@example\.com\n/);
    assert.match(entry(), /verdict: "false"\n/);
  });
});
