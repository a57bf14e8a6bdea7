import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { activateGloss, hoverText, openArticle, waitFor, workspaceFile } from './helpers';

const plain = (s: string) => s.replace(/\\(.)/g, '$1');
const scale = Number(process.env.GLOSS_TIMEOUT_SCALE ?? '1') || 1;

/** An article of our own, written into the scratch workspace for this test alone. */
function writeArticle(name: string, text: string): string {
  const path = workspaceFile('articles', name).fsPath;
  writeFileSync(path, text);
  return path;
}

async function hoverOn(doc: vscode.TextDocument, needle: string): Promise<string> {
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, `${needle} is not in the article`);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(at + 1));
  return plain(hoverText(hovers));
}

/** A sidecar of the article with only a `date:` in its header; returns its path. */
function writeDatedSidecar(name: string, text: string, date: string): string {
  const path = workspaceFile('articles', name.replace(/\.txt$/, '.annotations.yaml')).fsPath;
  const sha = createHash('sha256').update(text).digest('hex');
  writeFileSync(path, `version: 1\narticle: ${name}\nsha256: ${sha}\ndate: ${date}\nannotations: []\n`);
  return path;
}

/** The hover over `needle` once it matches `pattern` (the analysis may still be on its way). */
function hoverWhen(doc: vscode.TextDocument, needle: string, pattern: RegExp, what: string, ms: number): Promise<string | undefined> {
  return waitFor(async () => {
    const h = await hoverOn(doc, needle);
    return pattern.test(h) ? h : undefined;
  }, what, ms);
}

describe('figures in the hover: new shapes and relative dates', function () {
  this.timeout(60_000 * scale);
  const created: string[] = [];
  afterEach(() => {
    for (const p of created.splice(0)) rmSync(p, { force: true });
  });

  it('shows amounts with tails, shared ranges, currencies before the number and durations', async () => {
    await activateGloss();
    const name = 'figures-hover-shapes.txt';
    created.push(writeArticle(name, '星河科技公布了新的价格。每份售价12元3角4分，融资三到五万元，港幣5.2億的订单，历时三年零两个月。\n'));
    const doc = (await openArticle(name)).document;
    assert.match(await hoverOn(doc, '12元3角4分'), /CNY 12\.34 \(money\)/);
    assert.match(await hoverOn(doc, '三到五万元'), /CNY 30,000 – 50,000 \(money\)/);
    assert.match(await hoverOn(doc, '港幣5.2億'), /HKD 520,000,000 \(money\)/);
    assert.match(await hoverOn(doc, '三年零两个月'), /38 month \(duration\)/);
  });

  it('resolves a relative date against the dateline, then against the date: of the sidecar', async () => {
    await activateGloss();
    const name = 'figures-hover-dates.txt';
    const text = '星河财经 2024-06-12 08:45\n\n去年8月，星河科技发布了新的模型。\n';
    created.push(writeArticle(name, text));
    const doc = (await openArticle(name)).document;
    const first = await hoverWhen(doc, '去年8月', /2023-08/, 'the hover of 去年8月', 10_000 * scale);
    assert.match(first ?? '', /read against the article's date 2024-06-12 \(from its dateline\)/);
    created.push(writeDatedSidecar(name, text, '2020-01-15'));
    const second = await hoverWhen(doc, '去年8月', /2019-08/, 'the hover to follow the sidecar date', 15_000 * scale);
    assert.match(second ?? '', /2020-01-15 \(from the sidecar's date:\)/);
  });

  it('reads a date with no year in the year of the dateline, then of the date: of the sidecar, or says why not', async () => {
    await activateGloss();
    const name = 'figures-hover-yearless.txt';
    const text = '星河财经 2024-06-12 08:45\n\n5月17日，星河科技发布了新的模型。新规将于7月1日起施行。\n';
    created.push(writeArticle(name, text));
    const doc = (await openArticle(name)).document;
    const may = await hoverWhen(doc, '5月17日', /2024-05-17/, 'the hover of 5月17日', 10_000 * scale);
    assert.match(may ?? '', /read in the year of the article's date 2024-06-12 \(from its dateline\)/);
    assert.match(await hoverOn(doc, '7月1日'), /2024-07-01[\s\S]*read as still to come \(将于\)/);
    created.push(writeDatedSidecar(name, text, '2020-03-01'));
    const later = await hoverWhen(doc, '5月17日', /--05-17/, 'the hover to follow the sidecar date', 15_000 * scale);
    assert.match(later ?? '', /names no year, and is later in the year than the article's date 2020-03-01 \(from the sidecar's date:\)/);
  });

  it("analyses with the sidecar's date: the summary and a claim's figures follow it, as the hover does", async () => {
    const api = await activateGloss();
    const name = 'figures-dated-analysis.txt';
    const text = '星河财经 2024-06-12 08:45\n\n去年8月，星河科技的营收增长了12%，达到5亿元。\n';
    created.push(writeArticle(name, text));
    created.push(writeDatedSidecar(name, text, '2020-01-15'));
    const doc = (await openArticle(name)).document;
    /** The summary's reading of 去年8月, once it matches `pattern` (a new date is read in the background). */
    const periodWhen = (pattern: RegExp, what: string) =>
      waitFor(async () => {
        const summary = await vscode.commands.executeCommand<{ figures: { text: string; description: string }[] }>('gloss.showSummary', doc.uri);
        const period = summary?.figures.find((f) => f.text === '去年8月')?.description ?? '';
        return pattern.test(period) ? period : undefined;
      }, what, 15_000 * scale);
    // (the sidecar is read after the first analysis may have started: the summary follows once it is)
    assert.match((await periodWhen(/2019-08/, "the summary to read 去年8月 against the sidecar's date")) ?? '', /2020-01-15 \(from the sidecar's date:\)/);
    const analysis = await api.analyze(doc.uri);
    const claim = analysis.claims.find((c) => c.text.startsWith('去年8月'));
    assert.ok(claim, 'the sentence is a claim');
    assert.deepEqual(claim.figures.filter((f) => f.type === 'date').map((f) => f.period), ['2019-08']);
    // a new date in the sidecar is a new analysis of the same version
    const sidecar = writeDatedSidecar(name, text, '2022-03-01');
    created.push(sidecar);
    await periodWhen(/2021-08/, 'the summary to follow the new date');
    // a sidecar deleted on disk takes its date with it: the dateline dates the article again
    rmSync(sidecar);
    await periodWhen(/2023-08/, 'the summary to follow the dateline once the sidecar is gone');
  });

  it("sets the article's date from the hover's command, and removes it again", async () => {
    await activateGloss();
    const name = 'figures-set-date.txt';
    const text = '星河财经\n\n5月17日，星河科技发布了新的模型。\n';
    created.push(writeArticle(name, text));
    const doc = (await openArticle(name)).document;
    const sidecar = workspaceFile('articles', name.replace(/\.txt$/, '.annotations.yaml')).fsPath;
    created.push(sidecar);
    const undated = await hoverWhen(doc, '5月17日', /--05-17/, 'the hover of 5月17日', 10_000 * scale);
    // the hover offers the command, with this article as its argument
    assert.match(undated ?? '', /command:gloss\.setArticleDate\?/);
    assert.equal(await vscode.commands.executeCommand('gloss.setArticleDate', { uri: doc.uri.toString(), date: '2023-06-01' }), '2023-06-01');
    assert.match(readFileSync(sidecar, 'utf8'), /^date: 2023-06-01$/m);
    const dated = await hoverWhen(doc, '5月17日', /2023-05-17/, 'the hover to follow the date set', 15_000 * scale);
    assert.match(dated ?? '', /2023-06-01 \(from the sidecar's date:\)/);
    assert.equal(await vscode.commands.executeCommand('gloss.setArticleDate', { uri: doc.uri.toString(), date: '' }), null);
    assert.doesNotMatch(readFileSync(sidecar, 'utf8'), /^date:/m);
    await hoverWhen(doc, '5月17日', /--05-17/, 'the hover without a date again', 15_000 * scale);
  });
});
