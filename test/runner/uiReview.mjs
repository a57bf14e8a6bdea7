// UI checks of the review queue, as a person sees it: VS Code (code-server) in Chromium,
// driven by playwright-core. Measures how far the CodeLens rows push the text down after it
// is painted (on first open, after a decision, on reopening), checks the status bar and the
// Problems panel, and saves the README's pictures when asked (scripts/screenshot.mjs).
// Also `node test/runner/uiReview.mjs [ARTICLE.txt]`: measure on any article (e.g. a seed,
// read where it is, never copied into the repository).
import { existsSync, mkdirSync, readFileSync, rmSync, copyFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { launchBrowser, root, scratchWorkspace, startCodeServer } from './codeServer.mjs';

const SCALE = Number(process.env.GLOSS_TIMEOUT_SCALE ?? 1) || 1;

/** The top of the first painted line that contains `needle`, in CSS pixels, or null. */
function lineTop(page, needle) {
  return page.evaluate((n) => {
    for (const el of document.querySelectorAll('.monaco-editor .view-line')) {
      if (el.textContent.includes(n)) return el.getBoundingClientRect().top;
    }
    return null;
  }, needle);
}

async function poll(page, probe, ms) {
  const end = Date.now() + ms * SCALE;
  let value = await probe();
  while (!value && Date.now() < end) {
    await page.waitForTimeout(200);
    value = await probe();
  }
  return value;
}

/** Waits until the lens rows stop changing: the same count and the same line positions for `quiet` ms. */
async function settle(page, needle, quiet = 1500) {
  let last = '';
  let since = Date.now();
  const end = Date.now() + 30_000 * SCALE;
  while (Date.now() < end) {
    const now = JSON.stringify([await page.locator('.monaco-editor .codelens-decoration').count(), await lineTop(page, needle)]);
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= quiet) return;
    await page.waitForTimeout(100);
  }
}

/** Types into the quick input opened by `key` and picks the row that shows `label`, once it is listed. */
async function pick(page, key, typed, label = typed) {
  await page.keyboard.press(key);
  await page.waitForSelector('.quick-input-widget input', { timeout: 15_000 * SCALE });
  await page.keyboard.type(typed, { delay: 15 });
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: label }).first().waitFor({ timeout: 30_000 * SCALE });
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter');
}

const quickOpen = (page, name) => pick(page, 'Control+P', name);

/**
 * Opens `name` and measures, for the line containing `needle`: where it was first painted,
 * and where it stands once the lenses are in. Polls every animation frame inside the page,
 * so that the first paint is caught.
 */
async function openAndMeasure(page, name, needle) {
  const first = page.evaluate(([n, ms]) => new Promise((resolve) => {
    const end = Date.now() + ms;
    const look = () => {
      for (const el of document.querySelectorAll('.monaco-editor .view-line')) {
        if (el.textContent.includes(n)) return resolve(el.getBoundingClientRect().top);
      }
      if (Date.now() > end) return resolve(null);
      requestAnimationFrame(look);
    };
    look();
  }), [needle, 90_000 * SCALE]);
  await quickOpen(page, name);
  const painted = await first;
  if (painted === null) throw new Error(`"${needle}" was never painted`);
  await page.waitForSelector('.monaco-editor .codelens-decoration', { timeout: 30_000 * SCALE });
  await settle(page, needle);
  return { painted, settled: await lineTop(page, needle) };
}

export async function runReviewUi({ log = console.log, screenshots, article } = {}) {
  const demo = article ?? join(root, 'test/fixtures/review/demo.txt');
  const workspace = scratchWorkspace([join(root, 'test/fixtures/workspace')]);
  mkdirSync(join(workspace, 'articles'), { recursive: true });
  copyFileSync(demo, join(workspace, 'articles', basename(demo)));
  const text = readFileSync(demo, 'utf8');
  // a line in the middle of the first screen, below the first lens rows
  const lines = text.split('\n').filter((l) => l.trim().length >= 12);
  const needle = (lines[Math.min(3, lines.length - 1)] ?? text).trim().slice(0, 10);
  const server = await startCodeServer();
  const browser = await launchBrowser();
  const results = { passed: 0, failed: 0, failures: [], jumps: {} };
  const outDir = join(root, 'test-results');
  const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
  const check = async (title, fn) => {
    try {
      await fn();
      results.passed++;
      log(`  ✔ ${title}`);
    } catch (e) {
      results.failed++;
      results.failures.push({ title, error: e.stack ?? String(e) });
      log(`  ✖ ${title}`);
      mkdirSync(outDir, { recursive: true });
      await page.screenshot({ path: join(outDir, `ui-review-${results.failed}.png`) }).catch(() => {});
    }
  };
  const name = basename(demo);
  try {
    log('\n[ui: review queue] VS Code in Chromium');
    await page.goto(server.url(workspace, [['extensionDevelopmentPath', server.remote(root)]]), { timeout: 120_000 * SCALE });
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 * SCALE });
    await page.waitForTimeout(2000);
    const sidecar = join(workspace, 'articles', name.replace(/\.txt$/, '.annotations.yaml'));
    await check('lenses do not move the text after a decision, nor when the article is opened again', async () => {
      const first = await openAndMeasure(page, name, needle);
      results.jumps.firstOpen = Math.round(first.settled - first.painted);
      // a decision that settles everything queued in the measured line's paragraph: its lens
      // row must stay (saying "reviewed"), or the line would move up
      await page.locator('.monaco-editor .view-line', { hasText: needle }).first().click();
      await page.waitForTimeout(300);
      await page.keyboard.press('Alt+Shift+A');
      if (!(await poll(page, () => existsSync(sidecar), 15_000))) throw new Error('the decision was not written');
      await settle(page, needle);
      results.jumps.afterDecision = Math.round((await lineTop(page, needle)) - first.settled);
      await page.keyboard.press('Control+W');
      await page.waitForTimeout(500);
      const again = await openAndMeasure(page, name, needle);
      results.jumps.reopened = Math.round(again.settled - again.painted);
      log(`    text moved after painting: first open ${results.jumps.firstOpen} px, after a decision ${results.jumps.afterDecision} px, reopened ${results.jumps.reopened} px`);
      if (results.jumps.afterDecision !== 0) throw new Error(`a decision moved the text by ${results.jumps.afterDecision} px`);
      if (results.jumps.reopened !== 0) throw new Error(`reopening moved the text by ${results.jumps.reopened} px`);
    });
    await check('the file lens stands on a line of its own', async () => {
      const rows = await page.evaluate(() => [...document.querySelectorAll('.monaco-editor .codelens-decoration')].map((el) => ({ top: Math.round(el.getBoundingClientRect().top), text: el.textContent })));
      const top = rows.find((r) => /Gloss: (\d+ to review|reviewed)/.test(r.text));
      if (!top) throw new Error(`no file lens: ${JSON.stringify(rows)}`);
      const sharing = rows.filter((r) => r !== top && r.top === top.top);
      if (sharing.length) throw new Error(`the file lens shares its row with ${JSON.stringify(sharing)}`);
    });
    await check('the status bar shows what is left and the failed check; a click goes to the next item', async () => {
      const item = page.locator('.statusbar-item', { hasText: /Gloss: \d+ to review/ }).first();
      await item.waitFor({ timeout: 15_000 * SCALE });
      const label = await item.textContent();
      if (!article && !/1 failed check/.test(label)) throw new Error(`status bar: ${label}`);
      const position = () => page.locator('.statusbar-item', { hasText: /Ln \d+, Col \d+/ }).first().textContent();
      const before = await position();
      await item.click();
      if (!(await poll(page, async () => (await position()) !== before, 10_000))) throw new Error('the click did not move the cursor');
    });
    await check('the Problems panel lists the failed check, with its working', async () => {
      await page.keyboard.press('Control+Shift+M');
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'Arithmetic does not hold' }).first();
      if (article) await page.locator('.markers-panel').first().waitFor({ timeout: 15_000 * SCALE });
      else await row.waitFor({ timeout: 15_000 * SCALE });
      results.problems = await page.locator('.markers-panel .monaco-list-row').count();
      log(`    rows in Problems: ${results.problems}`);
      if (screenshots?.problems) {
        await page.waitForTimeout(800);
        await page.screenshot({ path: screenshots.problems });
      }
    });
    await check('"Gloss: Show Review Queue" lists the queue in order', async () => {
      await pick(page, 'F1', 'Gloss: Show Review Queue', 'Show Review Queue');
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: article ? /entity|claim|check/ : 'check does not hold' }).first().waitFor({ timeout: 15_000 * SCALE });
      if (screenshots?.queue) {
        await page.waitForTimeout(800);
        await page.screenshot({ path: screenshots.queue });
      }
      await page.keyboard.press('Escape');
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
  const r = await runReviewUi({ article: process.argv[2] });
  console.log(`${r.passed} passed, ${r.failed} failed`);
  process.exitCode = r.failed ? 1 : 0;
}
