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

  // What the core explains (an arithmetic working, why a claim is worth checking, a figure's
  // reading, a relative date's assumption) is data translated in the adapter: no English in a Chinese hover.
  // also units and currencies (percentage points, CNY) and the claim's reasons read as words
  const EXPLAINED: Array<[string, string[]]> = [
    ['en', ['stated 20%', 'rounding allows', 'its arithmetic does not hold', 'relative to the article', 'states 3 figures', 'stated -1.3 pp', 'CNY per USD', 'USD 11,000,000,000']],
    ['zh-cn', ['文中为 20%', '四舍五入允许', '其中的计算不成立', '是相对文章日期而言的', '增长率', '不成立', '含 3 个数字', '文中为 -1.3 个百分点', '人民币/美元', '美元 11,000,000,000']],
    ['zh-tw', ['文中為 20%', '四捨五入允許', '其中的計算不成立', '是相對文章日期而言的', '增長率', '不成立', '含 3 個數字', '文中為 -1.3 個百分點', '人民幣/美元', '美元 11,000,000,000']],
  ];
  /** English words in a row, outside command links and icons: what an untranslated core explanation looks like. */
  const withoutLinks = (hover: string) => hover.replace(/\]\(command:[^)]*\)/g, ']').replace(/\$\([a-z-]+\)/g, '');
  const englishRun = (hover: string) => /\b[A-Za-z]{2,}(?:[ ,'-]+[A-Za-z]{2,}){2,}\b/.exec(withoutLinks(hover))?.[0];
  /** A unit or currency left as its English abbreviation ("1.3 pp", "CNY"). */
  const englishUnit = (hover: string) => /(?<![A-Za-z])(?:pp|[A-Z]{3})(?![A-Za-z])/.exec(withoutLinks(hover))?.[0];
  for (const [language, phrases] of EXPLAINED) {
    it(`${language}: the core's explanations in hovers (working, why, figure, assumption)`, async function () {
      this.timeout(timeoutFor(DEFAULT_WAIT_MS, DEFAULT_WAIT_MS, DEFAULT_WAIT_MS));
      await activateGloss();
      scratch = await uxArticles('arithmetic-simplified.txt');
      const uri = scratch.uri('arithmetic-simplified.txt');
      await setLanguage(language);
      const { document } = await openArticle(uri);
      const at = (text: string) => document.positionAt(document.getText().indexOf(text) + 1);
      const hoverAt = async (text: string) => hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at(text)));
      // the stated rate (its figure, its check, the claim around it), the relative date (its assumption),
      // a change in percentage points and a conversion between currencies (their checks and figures)
      const hovered = ['20%', '去年8月', '1.3个百分点', '110亿美元'];
      // without Markdown's escapes (\-1\.3), so that phrases are found as a reader sees them
      const allHovers = async () => (await Promise.all(hovered.map(hoverAt))).join('\n').replace(/\\([^A-Za-z0-9\s])/g, '$1');
      const both = await waitFor(async (): Promise<string | undefined> => {
        const text = await allHovers();
        return phrases.every((p) => text.includes(p)) ? text : undefined;
      }, `hovers with ${phrases.join(', ')}`).catch(async (e: Error) => {
        throw new Error(`${e.message}; the hovers now:\n${await allHovers()}`);
      });
      const english = englishRun(both);
      const unit = englishUnit(both);
      if (language === 'en') {
        assert.ok(english, 'the English hover is found to be English (the check below can fail)');
        assert.ok(unit, 'the English hover is found to use pp and currency codes (the check below can fail)');
      } else {
        assert.equal(english, undefined, `English in the ${language} hover:\n${both}`);
        assert.equal(unit, undefined, `an English unit or currency code in the ${language} hover:\n${both}`);
      }
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
