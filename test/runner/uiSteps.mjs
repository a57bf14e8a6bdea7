// Steps the UI runners share (ui.mjs, uiReview.mjs, uiWayfinding.mjs): what a person does with the keyboard,
// each waiting by polling what a person would look at, with limits scaled by
// GLOSS_TIMEOUT_SCALE (waiting.mjs). No fixed sleeps.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkRunner } from './checks.mjs';
import { root } from './codeServer.mjs';
import { scaled, waitFor } from './waiting.mjs';

/**
 * A UI runner's checks: `check(title, fn)` runs one unless GLOSS_TEST_GREP leaves it out,
 * counts it in `results` and saves a failure's screen as test-results/NAME-N.png (with
 * `escapeFirst`, Escape first closes what the check before left open). After
 * `failSetup(e)` (the workbench did not open) every check fails with that reason.
 */
export function uiChecks(page, results, { name, log, escapeFirst = true }) {
  const grep = process.env.GLOSS_TEST_GREP ? new RegExp(process.env.GLOSS_TEST_GREP) : undefined;
  const outDir = join(root, 'test-results');
  let setupError;
  const check = checkRunner(results, {
    log,
    grep,
    before: async () => {
      if (setupError) throw setupError;
      if (escapeFirst) await page.keyboard.press('Escape');
    },
    onFailure: async (n) => {
      mkdirSync(outDir, { recursive: true });
      await page.screenshot({ path: join(outDir, `${name}-${n}.png`) });
    },
  });
  const failSetup = (e) => {
    setupError = new Error(`the workbench did not open: ${e.message}`);
  };
  return { check, failSetup };
}

export const QUICK_INPUT = '.quick-input-widget input';

export async function visible(locator) {
  return locator.isVisible().catch(() => false);
}

/** Opens the Quick Open box (Ctrl+P) or the command palette (F1) and waits for its input. */
export async function openQuickInput(page, key) {
  const input = page.locator(QUICK_INPUT).first();
  await waitFor(async () => {
    if (await visible(input)) return true;
    await page.keyboard.press(key);
    return false;
  }, `the quick input to open with ${key}`, 15_000);
}

/**
 * Types `text` into the open quick input and presses Enter once the focused row shows
 * `expected` (file results arrive a while after typing, later on a busy machine).
 */
export async function pickInQuickInput(page, text, expected) {
  await page.keyboard.type(text, { delay: 15 });
  const focused = page.locator('.quick-input-list .monaco-list-row.focused').first();
  let polls = 0;
  await waitFor(async () => {
    if ((await focused.textContent({ timeout: 1000 }).catch(() => ''))?.includes(expected)) return true;
    // a search that answered "no results" before the file index was ready is asked again
    if (++polls % 25 === 0) {
      await page.keyboard.press('Backspace');
      await page.keyboard.type(text.slice(-1));
    }
    return false;
  }, `the focused row of the quick input to show ${expected}`, 30_000);
  await page.keyboard.press('Enter');
}

export function activeTab(page) {
  return page.locator('.tabs-container .tab.active').first();
}

/** Opens a workspace file with Quick Open, and waits for its editor (and its lenses, for an article). */
export async function openFile(page, name, { article = true } = {}) {
  if (article && (await activeTab(page).getAttribute('aria-label').catch(() => ''))?.startsWith(name)) return;
  await openQuickInput(page, 'Control+P');
  await pickInQuickInput(page, name, name);
  await waitFor(async () => (await activeTab(page).getAttribute('aria-label').catch(() => ''))?.startsWith(name), `the editor tab of ${name}`, 15_000);
  if (article) await page.locator('.monaco-editor .codelens-decoration').first().waitFor({ timeout: scaled(30_000) });
}

/** Runs a command from the palette (F1), by its title. */
export async function runCommand(page, title) {
  await openQuickInput(page, 'F1');
  await pickInQuickInput(page, title, title);
}

/** The status bar's cursor position, "Ln 5, Col 12". */
export async function cursorPosition(page) {
  const item = page.locator('.statusbar-item', { hasText: /^Ln \d+, Col \d+/ }).first();
  return (await item.textContent({ timeout: 1000 }).catch(() => ''))?.match(/Ln \d+, Col \d+/)?.[0] ?? '';
}

/** The hover box once it has finished fading in, for screenshots. */
export async function settledHover(page) {
  await waitFor(
    () => page.evaluate(() => [...document.querySelectorAll('.monaco-hover')].some((h) => h.offsetParent && getComputedStyle(h).opacity === '1')),
    'the hover to finish fading in',
  );
}
