// UI-level checks, as a person would use Gloss: VS Code (code-server) in Chromium, driven
// by playwright-core with the mouse and the keyboard. Kept few and robust:
// - no fixed sleeps: every step polls what a person would look at (the focused Quick Open
//   row, the active tab, the status bar's Ln/Col, a lens, the sidecar on disk), every 200 ms,
//   with limits scaled by GLOSS_TIMEOUT_SCALE (see waiting.mjs);
// - each check opens what it needs and works on figures no other check touches, so any one
//   runs alone: GLOSS_TEST_GREP='<part of its title>' node test/runner/ui.mjs.
import { existsSync, readFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { launchBrowser, newPage, root, scratchWorkspace, startCodeServer, stopServersOnSignals } from './codeServer.mjs';
import { scaled, waitFor } from './waiting.mjs';
import { uiChecks, cursorPosition, openFile, openQuickInput, pickInQuickInput, runCommand, settledHover, visible } from './uiSteps.mjs';

const ARTICLE = '01-cloud-earnings-simplified.txt';
/** Opened first, by the timing check alone; its first line as the editor paints it. */
const FIRST_OPENED = '02-ai-startups-traditional.txt';
const FIRST_LINE = readFileSync(join(root, 'test/fixtures/corpus', FIRST_OPENED), 'utf8').replace(/^\uFEFF/, '').split('\n')[0].trim().slice(0, 8);

/** Adds to test-results/timings.json (the integration run writes the activation time there); `npm run bench` prints it. */
function recordTimings(fields) {
  const file = join(root, 'test-results/timings.json');
  let timings = {};
  try {
    timings = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // none yet: the activation time comes with the next integration run
  }
  mkdirSync(join(root, 'test-results'), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ ...timings, ...fields }, null, 2)}\n`);
}

/** The span the grammar gives a figure: its text is exactly the figure. */
function figure(page, text) {
  return page.locator('.monaco-editor .view-line span span', { hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).first();
}

/** Text-decoration styles of the rendered spans that contain `text`. */
function underlines(page, text) {
  return page.evaluate((t) => {
    const styles = [];
    for (const el of document.querySelectorAll('.monaco-editor .view-line span span')) {
      if (!el.textContent.includes(t)) continue;
      const cs = getComputedStyle(el);
      if (cs.textDecorationLine.includes('underline')) styles.push(cs.textDecorationStyle);
    }
    return styles;
  }, text);
}

async function expectUnderline(page, text, style) {
  await waitFor(async () => (await underlines(page, text)).includes(style), `a ${style} underline under ${text} (now: ${JSON.stringify(await underlines(page, text))})`);
}

/** The annotation of the sidecar on disk whose quote is `quote`, if any. */
function annotationOf(sidecar, quote) {
  if (!existsSync(sidecar)) return undefined;
  return (parse(readFileSync(sidecar, 'utf8'))?.annotations ?? []).find((a) => a.quote === quote);
}

export async function runUi({ log = console.log, screenshots } = {}) {
  const workspace = scratchWorkspace([join(root, 'test/fixtures/corpus'), 'articles']);
  const sidecar = join(workspace, 'articles', ARTICLE.replace(/\.txt$/, '.annotations.yaml'));
  // a Chinese plain-text file outside gloss.articles: Gloss should offer to open it as an article
  mkdirSync(join(workspace, 'drafts'), { recursive: true });
  writeFileSync(join(workspace, 'drafts/draft-notes.txt'), '星河科技今年的营收增长了百分之十二，分析师认为明年仍将保持增长。\n');
  const server = await startCodeServer();
  const browser = await launchBrowser();
  const results = { passed: 0, failed: 0, failures: [], skipped: [] };
  const page = await newPage(browser, { width: 1280, height: 760 });
  const { check, failSetup } = uiChecks(page, results, { name: 'ui', log });
  try {
    log('\n[ui] VS Code in Chromium, driven with the mouse and the keyboard');
    try {
      await page.goto(server.url(workspace, [['extensionDevelopmentPath', server.remote(root)]]), { waitUntil: 'domcontentloaded' });
      await page.waitForSelector('.monaco-workbench', { timeout: scaled(60_000) });
      // the explorer lists the workspace once the workbench has restored: keys go somewhere from then on
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'articles' }).first().waitFor({ timeout: scaled(60_000) });
    } catch (e) {
      failSetup(e);
    }

    // first, so that no editor is open yet: the lens seen is the new article's, and its time
    // includes what opening the first article costs (activation, the dictionaries)
    await check('opening an article paints its text, then its first lens (times recorded for the bench)', async () => {
      await openQuickInput(page, 'Control+P');
      await pickInQuickInput(page, FIRST_OPENED, FIRST_OPENED);
      const opened = performance.now();
      const editor = page.locator('.editor-group-container.active .monaco-editor');
      await editor.locator('.view-line', { hasText: FIRST_LINE }).first().waitFor({ timeout: scaled(30_000) });
      const textMs = performance.now() - opened;
      await editor.locator('.codelens-decoration', { hasText: /Gloss/ }).first().waitFor({ timeout: scaled(60_000) });
      const firstLensMs = performance.now() - opened;
      // speed lives in the bench: recorded beside the integration run's activation time, never judged here
      recordTimings({ firstLensMs, textMs, firstLensWhen: new Date().toISOString() });
      log(`    text painted ${textMs.toFixed(0)} ms, first lens ${firstLensMs.toFixed(0)} ms after Enter in Quick Open`);
    });
    await check('a mouse hover on a figure shows its value in .monaco-hover', async () => {
      await openFile(page, ARTICLE);
      await figure(page, '1532.40亿元').hover();
      await page.locator('.monaco-hover-content', { hasText: 'CNY 153,240,000,000' }).first().waitFor({ timeout: scaled(15_000) });
      if (screenshots) {
        await settledHover(page);
        await page.screenshot({ path: screenshots.hover });
      }
      await page.mouse.move(5, 5);
    });
    await check('suggestions have a dotted underline', async () => {
      await openFile(page, ARTICLE);
      await expectUnderline(page, '2000亿元', 'dotted');
    });
    await check('the CodeLens shows the review state of each paragraph', async () => {
      await openFile(page, ARTICLE);
      await waitFor(() => visible(page.locator('.codelens-decoration', { hasText: /Gloss: \d+ to review/ }).first()), 'the file lens "Gloss: N to review"', 15_000);
      await waitFor(() => visible(page.locator('.codelens-decoration', { hasText: /\d+ to review/ }).nth(1)), 'a paragraph lens "N to review"', 15_000);
    });
    await check('F1 → "Gloss: Accept Suggestion" records the figure in the sidecar', async () => {
      await openFile(page, ARTICLE);
      if (annotationOf(sidecar, '286.5亿元')) throw new Error('286.5亿元 was decided before this check');
      await figure(page, '286.5亿元').click();
      await runCommand(page, 'Gloss: Accept Suggestion');
      const accepted = await waitFor(() => annotationOf(sidecar, '286.5亿元'), 'an annotation of 286.5亿元 in the sidecar', 15_000);
      if (accepted.kind !== 'figure' || accepted.status !== 'accepted') throw new Error(`286.5亿元 is recorded as ${JSON.stringify(accepted)}`);
    });
    await check('Alt+A accepts the figure at the cursor, whose underline turns solid', async () => {
      await openFile(page, ARTICLE);
      await expectUnderline(page, '2880亿元', 'dotted');
      await figure(page, '2880亿元').click();
      await page.keyboard.press('Alt+A');
      await expectUnderline(page, '2880亿元', 'solid');
      const a = await waitFor(() => annotationOf(sidecar, '2880亿元'), 'an annotation of 2880亿元 in the sidecar');
      if (a.status !== 'accepted') throw new Error(`2880亿元 is recorded as ${a.status}`);
    });
    await check('Alt+] moves the cursor to the next unreviewed finding, and a hover there offers the actions', async () => {
      await openFile(page, ARTICLE);
      // the editor comes back with the cursor where the last check left it (on a later line):
      // wait for the status bar to show the click, or Alt+] would be judged from a stale place
      const prior = await cursorPosition(page);
      await figure(page, '12亿美元').click();
      const before = await waitFor(async () => {
        const now = await cursorPosition(page);
        return now && now !== prior ? now : undefined;
      }, 'the cursor position of the click in the status bar');
      await page.keyboard.press('Alt+]');
      const after = await waitFor(async () => {
        const now = await cursorPosition(page);
        return now && now !== before ? now : undefined;
      }, `the cursor to leave ${before}`);
      // forwards: a later line, or a later column on the same line
      const [lb, cb] = before.match(/\d+/g).map(Number);
      const [la, ca] = after.match(/\d+/g).map(Number);
      if (la < lb || (la === lb && ca <= cb)) throw new Error(`Alt+] moved the cursor backwards, from ${before} to ${after}`);
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      await page.locator('.monaco-hover-content', { hasText: 'Accept' }).first().waitFor({ timeout: scaled(15_000) });
      if (screenshots) {
        await settledHover(page);
        await page.screenshot({ path: screenshots.review });
      }
    });
    await check('a mostly Chinese plain-text file outside gloss.articles is offered as an article', async () => {
      await openFile(page, 'draft-notes.txt', { article: false });
      const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'mostly Chinese text' }).first();
      await toast.waitFor({ timeout: scaled(15_000) });
      await toast.locator('.monaco-button', { hasText: 'Open as article' }).first().click();
      await page.locator('.statusbar-item', { hasText: /^Article$/ }).first().waitFor({ timeout: scaled(10_000) });
    });
  } finally {
    await browser.close().catch(() => {});
    await server.stop();
    rmSync(workspace, { recursive: true, force: true });
  }
  for (const f of results.failures) log(`\n✖ ${f.title}\n${f.error}`);
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  stopServersOnSignals();
  const r = await runUi();
  console.log(`${r.passed} passed, ${r.failed} failed`);
  process.exitCode = r.failed ? 1 : 0;
}
