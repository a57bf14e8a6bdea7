// UI-level checks, as a person would use Gloss: VS Code (code-server) in Chromium, driven
// by playwright-core with the mouse and the keyboard. Kept few and robust.
import { existsSync, readFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, root, scratchWorkspace, startCodeServer } from './codeServer.mjs';

async function openArticle(page, name) {
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input', { timeout: 15_000 });
  await page.keyboard.type(name, { delay: 15 });
  await page.waitForTimeout(700);
  await page.keyboard.press('Enter');
  await page.waitForSelector('.monaco-editor .codelens-decoration', { timeout: 30_000 });
}

/** The span the grammar gives a figure: its text is exactly the figure. */
function figure(page, text) {
  return page.locator('.monaco-editor .view-line span span', { hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).first();
}

export async function runUi({ log = console.log, screenshots } = {}) {
  const workspace = scratchWorkspace([join(root, 'test/fixtures/corpus'), 'articles']);
  // a Chinese plain-text file outside gloss.articles: Gloss should offer to open it as an article
  mkdirSync(join(workspace, 'drafts'), { recursive: true });
  writeFileSync(join(workspace, 'drafts/draft-notes.txt'), '星河科技今年的营收增长了百分之十二，分析师认为明年仍将保持增长。\n');
  const server = await startCodeServer();
  const browser = await launchBrowser();
  const results = { passed: 0, failed: 0, failures: [] };
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
      await page.screenshot({ path: join(outDir, `ui-${results.failed}.png`) }).catch(() => {});
    }
  };
  try {
    log('\n[ui] VS Code in Chromium, driven with the mouse and the keyboard');
    await page.goto(server.url(workspace, [['extensionDevelopmentPath', server.remote(root)]]));
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await page.waitForTimeout(2000);
    await check('a mouse hover on a figure shows its value in .monaco-hover', async () => {
      await openArticle(page, '01-cloud-earnings');
      await figure(page, '1532.40亿元').hover();
      await page.locator('.monaco-hover-content', { hasText: 'CNY 153,240,000,000' }).first().waitFor({ timeout: 15_000 });
      if (screenshots) {
        await page.waitForTimeout(800); // let the hover finish fading in
        await page.screenshot({ path: screenshots.hover });
      }
      await page.mouse.move(5, 5);
    });
    /** Text-decoration styles of the rendered spans that contain `text`. */
    const underlines = (text) =>
      page.evaluate((t) => {
        const styles = [];
        for (const el of document.querySelectorAll('.monaco-editor .view-line span span')) {
          if (!el.textContent.includes(t)) continue;
          const cs = getComputedStyle(el);
          if (cs.textDecorationLine.includes('underline')) styles.push(cs.textDecorationStyle);
        }
        return styles;
      }, text);
    /** Waits until `probe()` gives a truthy value, at most `ms`; returns the last value. */
    const poll = async (probe, ms) => {
      const end = Date.now() + ms;
      let value = await probe();
      while (!value && Date.now() < end) {
        await page.waitForTimeout(250);
        value = await probe();
      }
      return value;
    };
    const expectUnderline = async (text, style) => {
      const found = await poll(async () => (await underlines(text)).includes(style), 10_000);
      if (!found) throw new Error(`underlines of ${text}: ${JSON.stringify(await underlines(text))}, expected ${style}`);
    };
    await check('suggestions have a dotted underline', () => expectUnderline('286.5亿元', 'dotted'));
    await check('the CodeLens shows the review state of each paragraph', async () => {
      await page.locator('.codelens-decoration', { hasText: /\d+\/\d+ reviewed/ }).first().waitFor({ timeout: 15_000 });
      await page.locator('.codelens-decoration', { hasText: /to review/ }).first().waitFor({ timeout: 15_000 });
    });
    await check('F1 → "Gloss: Accept Suggestion" records the figure in the sidecar', async () => {
      await figure(page, '286.5亿元').click();
      await page.keyboard.press('F1');
      await page.waitForSelector('.quick-input-widget input', { timeout: 10_000 });
      await page.keyboard.type('Gloss: Accept Suggestion', { delay: 15 });
      await page.waitForTimeout(700);
      await page.keyboard.press('Enter');
      const sidecar = join(workspace, 'articles/01-cloud-earnings-simplified.annotations.yaml');
      await poll(() => existsSync(sidecar) && readFileSync(sidecar, 'utf8').includes('quote: 286.5亿元'), 15_000);
      if (!readFileSync(sidecar, 'utf8').includes('status: accepted')) throw new Error('the sidecar has no accepted annotation');
    });
    await check('an accepted figure has a solid underline', () => expectUnderline('286.5亿元', 'solid'));
    await check('Alt+] goes to the next unreviewed finding, and a hover there offers the actions', async () => {
      await page.keyboard.press('Alt+]');
      await page.waitForTimeout(500);
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      await page.locator('.monaco-hover-content', { hasText: 'Accept' }).first().waitFor({ timeout: 15_000 });
      if (screenshots) {
        await page.waitForTimeout(800);
        await page.screenshot({ path: screenshots.review });
      }
    });
    await check('a mostly Chinese plain-text file outside gloss.articles is offered as an article', async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+P');
      await page.waitForSelector('.quick-input-widget input', { timeout: 15_000 });
      await page.keyboard.type('draft-notes.txt', { delay: 15 });
      await page.waitForTimeout(700);
      await page.keyboard.press('Enter');
      const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'mostly Chinese text' }).first();
      await toast.waitFor({ timeout: 15_000 });
      await toast.locator('.monaco-button', { hasText: 'Open as article' }).first().click();
      await page.locator('.statusbar-item', { hasText: /^Article$/ }).first().waitFor({ timeout: 10_000 });
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
  const r = await runUi();
  console.log(`${r.passed} passed, ${r.failed} failed`);
  process.exitCode = r.failed ? 1 : 0;
}
