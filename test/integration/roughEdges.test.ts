import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import * as vscode from 'vscode';
import { activateGloss, hoverText, DEFAULT_WAIT_MS, openArticle, timeoutFor, waitFor } from './helpers';
import { uxArticles, type Scratch } from './uxSupport';
import { verdictItems } from '../../src/extension/verdictPicker';

type PlainNode = { label: string; description?: string; children?: PlainNode[] };

async function corpusTree(): Promise<PlainNode[]> {
  return (await vscode.commands.executeCommand<{ tree: PlainNode[] }>('gloss.corpusTree')).tree;
}

function find(nodes: PlainNode[] | undefined, label: string | RegExp): PlainNode | undefined {
  return nodes?.find((n) => (typeof label === 'string' ? n.label === label : label.test(n.label)));
}

describe('rough edges: the verdict picker, counts, the tree, hovers, sidecars, credit lines', () => {
  let scratch: Scratch | undefined;
  afterEach(async () => {
    await vscode.workspace.getConfiguration('gloss').update('uiLanguage', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    scratch?.dispose();
    scratch = undefined;
  });

  it('the verdict picker starts on the current verdict, and describes every choice', async function () {
    this.timeout(timeoutFor(DEFAULT_WAIT_MS, DEFAULT_WAIT_MS, DEFAULT_WAIT_MS, DEFAULT_WAIT_MS));
    await activateGloss();
    scratch = await uxArticles('cloud-simplified.txt');
    const uri = scratch.uri('cloud-simplified.txt');
    const { document } = await openArticle(uri);
    const offset = document.getText().indexOf('据远望咨询统计') + 2;
    await waitFor(() => vscode.commands.executeCommand('gloss.setVerdict', { uri: uri.toString(), offset, verdict: 'disputed' }), 'a first verdict');
    // the picker, as Alt+V opens it; Enter takes the active choice
    const picked = vscode.commands.executeCommand<{ verdict?: string } | undefined>('gloss.setVerdict', { uri: uri.toString(), offset });
    let settled = false;
    void Promise.resolve(picked).then(() => (settled = true));
    await waitFor(async () => {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return settled;
    }, 'the picker to open and take Enter');
    assert.equal((await picked)?.verdict, 'disputed', 'Enter keeps the current verdict: it is the active choice');
    const items = verdictItems('disputed');
    assert.deepEqual(items.map((i) => i.verdict), ['unreviewed', 'supported', 'disputed', 'false', 'unverifiable']);
    assert.ok(items.every((i) => i.description && i.description.length > 10), 'a line of description for each');
    assert.deepEqual(items.filter((i) => i.description!.includes('current')).map((i) => i.verdict), ['disputed']);
  });

  it('counts read right in English and Chinese ("1 article", "1 篇文章"), and claims are not cut in the tree', async function () {
    this.timeout(timeoutFor(DEFAULT_WAIT_MS, DEFAULT_WAIT_MS, 30_000));
    await activateGloss();
    scratch = await uxArticles('cloud-simplified.txt');
    const ours = scratch.fileName('cloud-simplified.txt');
    const entity = await waitFor(async () => {
      const people = find(find(find(await corpusTree(), 'Entities')?.children, 'People')?.children, '王立');
      // this test's copy only: earlier tests' copies may still be leaving the index
      return people?.description === '1 mention · 1 article' && people.children?.[0]?.label === ours && people;
    }, `the tree to say "1 mention · 1 article" for 王立, in ${ours}`, 30_000);
    assert.ok(entity);
    const claims = find(await corpusTree(), 'Claims by verdict')?.children?.flatMap((v) => v.children ?? []) ?? [];
    const long = '据远望咨询统计，2024年第三季度国内公有云市场规模为520亿元，同比增长18%。';
    assert.ok(long.length > 40);
    assert.ok(claims.some((c) => c.label === long), 'a claim longer than 40 characters is shown whole');
    await vscode.workspace.getConfiguration('gloss').update('uiLanguage', 'zh-cn', vscode.ConfigurationTarget.Global);
    let seen: unknown;
    await waitFor(async () => {
      const tree = await corpusTree();
      const people = find(find(find(tree, '实体')?.children, '人物')?.children, '王立');
      seen = people ?? tree.map((n) => [n.label, n.children?.map((c) => c.label)]);
      return people?.description === '1 处提及 · 1 篇文章' && people.children?.[0]?.label === ours;
    }, 'the tree in Chinese').catch((e: Error) => {
      throw new Error(`${e.message}: ${JSON.stringify(seen)}`);
    });
  });

  it('a folder of articles deleted at once leaves the Corpus view (VS Code reports only the folder)', async function () {
    this.timeout(timeoutFor(DEFAULT_WAIT_MS, 30_000, 30_000));
    await activateGloss();
    scratch = await uxArticles('cloud-simplified.txt');
    const ours = scratch.fileName('cloud-simplified.txt');
    const listed = async () => find(find(await corpusTree(), 'Articles')?.children, ours) !== undefined;
    await waitFor(listed, `${ours} in the Corpus view`, 30_000);
    rmSync(scratch.dir, { recursive: true, force: true });
    await waitFor(async () => !(await listed()), `${ours} to leave the Corpus view once its folder is deleted`, 30_000);
  });

  it('each section of a hover starts with its own actions', async function () {
    this.timeout(timeoutFor(DEFAULT_WAIT_MS, DEFAULT_WAIT_MS, DEFAULT_WAIT_MS));
    await activateGloss();
    scratch = await uxArticles('cloud-simplified.txt');
    const uri = scratch.uri('cloud-simplified.txt');
    const { document } = await openArticle(uri);
    // a figure inside a claim: two sections, the figure's and the claim's
    const at = document.positionAt(document.getText().indexOf('296亿元') + 1);
    const text = await waitFor(async () => {
      const md = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at));
      return md.includes('**Claim**') ? md : undefined;
    }, 'a hover with a figure and its claim');
    const sections = text.split('\n\n---\n\n').filter((s) => /\*\*(Figure|Claim)\*\*/.test(s));
    assert.equal(sections.length, 2, text);
    for (const section of sections) {
      const lines = section.split('\n');
      assert.match(lines[1] ?? '', /command:gloss\.accept/, `the line after the title holds the actions:\n${section}`);
    }
  });

  it('the sidecar editor does not box Chinese punctuation as ambiguous (configurationDefaults for YAML)', async () => {
    await activateGloss();
    const yaml = vscode.workspace.getConfiguration('editor', { languageId: 'yaml' });
    const locales = yaml.get<Record<string, boolean>>('unicodeHighlight.allowedLocales') ?? {};
    assert.equal(locales['zh-hans'], true);
    assert.equal(locales['zh-hant'], true);
    // the other checks stay on: only characters ordinary in Chinese are allowed
    assert.notEqual(yaml.get('unicodeHighlight.ambiguousCharacters'), false);
  });

  it('a credit line such as "周末财经 原创出品" has no lens, no hover and no place in the Outline', async function () {
    this.timeout(timeoutFor(DEFAULT_WAIT_MS, DEFAULT_WAIT_MS, DEFAULT_WAIT_MS));
    await activateGloss();
    scratch = await uxArticles('credit-line.txt');
    const uri = scratch.uri('credit-line.txt');
    await openArticle(uri);
    const lenses = await waitFor(async () => {
      const all = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100);
      return all.length > 1 ? all : undefined;
    }, 'the lenses');
    // the file's summary lens sits on line 0 too, at the start: no paragraph lens may
    assert.equal(lenses.filter((l) => l.range.start.line === 0).length, 1, JSON.stringify(lenses.map((l) => [l.range.start.line, l.command?.title])));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(0, 2));
    assert.equal(hoverText(hovers), '');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    assert.ok(!symbols.some((s) => s.name.includes('出品')), symbols.map((s) => s.name).join(' / '));
    assert.ok(symbols.some((s) => s.name.startsWith('星河科技')), 'the body is in the Outline');
  });
});
