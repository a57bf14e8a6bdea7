import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateGloss, DEFAULT_WAIT_MS, openArticle, timeoutFor, waitFor } from './helpers';
import { uxArticles, type Scratch } from './uxSupport';

/** The path of symbols from the outermost to the innermost that contain `position` (what the breadcrumb shows). */
function pathAt(symbols: vscode.DocumentSymbol[], position: vscode.Position): string[] {
  const out: string[] = [];
  let level = symbols;
  for (;;) {
    const hit = level.find((s) => s.range.contains(position));
    if (!hit) return out;
    out.push(hit.name);
    level = hit.children;
  }
}

/** Whether VS Code's Ctrl+T filter keeps `label` for `query`: every character of the query, in order. */
function keptByQuickOpen(label: string, query: string): boolean {
  let i = 0;
  for (const ch of label) if (ch === query[i]) i++;
  return i === query.length;
}

describe('finding your way: the Outline, breadcrumbs and Ctrl+T over entities', () => {
  let scratch: Scratch | undefined;
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    scratch?.dispose();
    scratch = undefined;
  });

  it('outlines paragraphs by their first words, claims as children with their verdict, credits left out', async function () {
    this.timeout(timeoutFor(DEFAULT_WAIT_MS, DEFAULT_WAIT_MS, DEFAULT_WAIT_MS, DEFAULT_WAIT_MS));
    await activateGloss();
    scratch = await uxArticles('cloud-simplified.txt');
    const uri = scratch.uri('cloud-simplified.txt');
    const { document } = await openArticle(uri);
    const symbols = await waitFor(async () => vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri), 'document symbols');
    const names = symbols.map((s) => s.name);
    assert.ok(!names.some((n) => n.startsWith('文|')), `the credit line is not in the Outline: ${names.join(' / ')}`);
    assert.equal(names[0], '云厂商价格战延续');
    assert.equal(symbols[0]!.kind, vscode.SymbolKind.Namespace, 'a heading');
    const market = symbols.find((s) => s.name.startsWith('据远望咨询统计'));
    assert.ok(market, `a paragraph named by its first words: ${names.join(' / ')}`);
    assert.ok(market.name.length <= 19, market.name);
    assert.ok(market.children.length >= 1, 'its claims are children');
    assert.ok(market.children.every((c) => c.detail === 'unreviewed' && c.kind === vscode.SymbolKind.Event));
    // a verdict shows in the Outline
    const claim = market.children[0]!;
    await vscode.commands.executeCommand('gloss.setVerdict', { uri: uri.toString(), offset: document.offsetAt(claim.range.start), verdict: 'disputed' });
    await waitFor(async () => {
      const again = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
      return again.find((s) => s.name === market.name)?.children.some((c) => c.detail === 'disputed');
    }, 'the verdict in the Outline');
    // the breadcrumb follows the cursor: paragraph, then the claim around it
    const inClaim = claim.range.start.translate(0, 2);
    assert.deepEqual(pathAt(symbols, inClaim), [market.name, claim.name]);
    const inHeading = symbols[0]!.range.start;
    assert.deepEqual(pathAt(symbols, inHeading), ['云厂商价格战延续']);
  });

  it('Ctrl+T 阿里雲 finds 阿里云 and the articles that mention it, in either script', async function () {
    this.timeout(timeoutFor(DEFAULT_WAIT_MS, 3 * 20_000));
    await activateGloss();
    scratch = await uxArticles('cloud-simplified.txt', 'cloud-traditional.txt');
    const simplified = scratch.uri('cloud-simplified.txt').toString();
    const traditional = scratch.uri('cloud-traditional.txt').toString();
    for (const query of ['阿里雲', '阿里云', '阿裏雲']) {
      const found = await waitFor(async () => {
        const all = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', query);
        const ours = all.filter((s) => s.name.startsWith('阿里云') && [simplified, traditional].includes(s.location.uri.toString()));
        return ours.length === 2 ? ours : undefined;
      }, `Ctrl+T ${query} to find 阿里云 in both scratch articles`, 20_000);
      for (const s of found) {
        assert.ok(keptByQuickOpen(s.name, query), `Ctrl+T's own filter keeps "${s.name}" for ${query}`);
        assert.ok(s.containerName.endsWith('.txt'), s.containerName);
        // the symbol points at the mention itself
        const document = await vscode.workspace.openTextDocument(s.location.uri);
        assert.ok(['阿里云', '阿里雲'].includes(document.getText(s.location.range)), document.getText(s.location.range));
      }
    }
    const none = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', '不存在的名字');
    assert.deepEqual(none.filter((s) => s.name.startsWith('阿里云')), []);
  });
});
