import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateGloss, hoverText, DEFAULT_WAIT_MS, openArticle, timeoutFor, waitFor } from './helpers';
import { uxArticles, type Scratch } from './uxSupport';

interface Expected {
  /** In the hover on a figure. */
  hover: string[];
  /** In the article's lens titles. */
  lens: string;
  /** A top-level label of the Corpus view. */
  tree: string;
  /** The verdict an unjudged claim shows in the Outline. */
  outlineVerdict: string;
}

const LANGUAGES: Array<[string, Expected]> = [
  ['en', { hover: ['**Figure** · money', 'As written'], lens: 'claims', tree: 'Articles', outlineVerdict: 'unreviewed' }],
  ['zh-cn', { hover: ['**数字** · 金额', '原文'], lens: '条主张', tree: '文章', outlineVerdict: '未审阅' }],
  ['zh-tw', { hover: ['**數字** · 金額', '原文'], lens: '條主張', tree: '文章', outlineVerdict: '未審閱' }],
];

type PlainNode = { label: string; children?: PlainNode[] };

async function setLanguage(value: string | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('gloss').update('uiLanguage', value, vscode.ConfigurationTarget.Global);
}

describe('gloss.uiLanguage: Gloss in English, 简体中文 and 繁體中文 whatever VS Code’s language', () => {
  let scratch: Scratch | undefined;
  afterEach(async () => {
    await setLanguage(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    scratch?.dispose();
    scratch = undefined;
  });

  for (const [language, expected] of LANGUAGES) {
    it(`${language}: hovers, lenses, the Corpus view and the Outline`, async function () {
      this.timeout(timeoutFor(DEFAULT_WAIT_MS, DEFAULT_WAIT_MS, DEFAULT_WAIT_MS, DEFAULT_WAIT_MS, DEFAULT_WAIT_MS, DEFAULT_WAIT_MS));
      await activateGloss();
      scratch = await uxArticles('cloud-simplified.txt');
      const uri = scratch.uri('cloud-simplified.txt');
      await setLanguage(language);
      const { document } = await openArticle(uri);
      const figure = document.positionAt(document.getText().indexOf('520亿元') + 1);
      const hover = await waitFor(async () => {
        const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, figure));
        return expected.hover.every((h) => text.includes(h)) && text;
      }, `a hover in ${language}`);
      assert.ok(hover);
      await waitFor(async () => {
        const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100);
        return lenses.some((l) => l.command?.title.includes(expected.lens));
      }, `lenses in ${language}`);
      await waitFor(async () => {
        const { tree } = await vscode.commands.executeCommand<{ tree: PlainNode[] }>('gloss.corpusTree');
        return tree.some((n) => n.label === expected.tree);
      }, `the Corpus view in ${language}`);
      const symbols = await waitFor(async () => vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri), 'the Outline');
      const verdicts = symbols.flatMap((s) => s.children.map((c) => c.detail));
      assert.ok(verdicts.length, 'the Outline shows claims');
      assert.ok(verdicts.every((v) => v === expected.outlineVerdict), `Outline verdicts ${verdicts.join(', ')}`);
    });
  }

  it('auto follows VS Code’s display language (English here) again once the setting is cleared', async function () {
    this.timeout(timeoutFor(DEFAULT_WAIT_MS, DEFAULT_WAIT_MS, DEFAULT_WAIT_MS, DEFAULT_WAIT_MS));
    await activateGloss();
    scratch = await uxArticles('cloud-simplified.txt');
    const uri = scratch.uri('cloud-simplified.txt');
    await setLanguage('zh-cn');
    const { document } = await openArticle(uri);
    const figure = document.positionAt(document.getText().indexOf('520亿元') + 1);
    const hoverIn = (marker: string) =>
      waitFor(async () => hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, figure)).includes(marker), `a hover with ${marker}`);
    await hoverIn('**数字**');
    await setLanguage('auto');
    await hoverIn('**Figure**');
  });
});
