// UI checks of "the first ten minutes", as a person sees them: the demo corpus opened as
// `npm start` opens it (a temporary copy, the first article open, the walkthrough beside
// it), then each walkthrough step done with the mouse and the keyboard and seen ticked off
// on the walkthrough page; the breadcrumb following the cursor; Ctrl+T finding an entity
// written in the other script; the verdict picker; and Gloss in Chinese (gloss.uiLanguage)
// in an English VS Code. Any one check runs alone: GLOSS_TEST_GREP='<part of its title>'.
// Limits scale with GLOSS_TIMEOUT_SCALE (waiting.mjs). Saves the README's sidecar and
// Chinese pictures when asked (npm run screenshot).
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, newPage, root, startCodeServer, stopServersOnSignals } from './codeServer.mjs';
import { scaled, waitFor } from './waiting.mjs';
import { resolveTarget, workbenchUrl } from '../../scripts/startTarget.mjs';
import { uiChecks, visible } from './uiSteps.mjs';

/** The hover box once it has finished fading in, for screenshots. */
async function settledHover(page) {
  await waitFor(
    () => page.evaluate(() => [...document.querySelectorAll('.monaco-hover')].some((h) => h.offsetParent && getComputedStyle(h).opacity === '1')),
    'the hover to finish fading in',
  );
}

export async function runWayfindingUi({ log = console.log, screenshots } = {}) {
  const target = resolveTarget([], { root });
  // decisions are signed with git's user.email (by:): one of the demo's own, not this machine's
  const gitConfig = join(tmpdir(), `gloss-gitconfig-${process.pid}`);
  writeFileSync(gitConfig, '[user]\n\temail = reviewer@example.com\n');
  const server = await startCodeServer({ env: { GIT_CONFIG_GLOBAL: gitConfig, GIT_CONFIG_NOSYSTEM: '1' } });
  const browser = await launchBrowser();
  const results = { passed: 0, failed: 0, failures: [], skipped: [] };
  const page = await newPage(browser, { width: 1400, height: 820 });
  const { check, failSetup } = uiChecks(page, results, { name: 'ui-wayfinding', log, escapeFirst: false });
  /** Waits until the walkthrough page ticks off step `id`, bringing its tab to the front where an editor opened over it (the sidecar). */
  const stepDone = (id) =>
    waitFor(async () => {
      if (!(await page.locator('[data-done-step-id$="gloss.start#open"]').count())) {
        await page.locator('.tabs-container .tab', { hasText: 'Walkthrough: Gloss' }).first().click({ timeout: scaled(2_000) }).catch(() => {});
      }
      return page.locator(`[data-done-step-id$="gloss.start#${id}"].complete`).count();
    }, `the walkthrough step "${id}" to be ticked off`, 15_000).catch(async (e) => {
      const tabs = await page.locator('.tabs-container .tab').allInnerTexts().catch(() => []);
      const steps = await page.locator('[data-done-step-id]').evaluateAll((els) => els.map((el) => `${el.getAttribute('data-done-step-id')}${el.classList.contains('complete') ? ' ✓' : ''}`)).catch(() => []);
      // (the tabs say whether the page is there at all: Gloss once closed its own page, thinking it VS Code's)
      throw new Error(`${e.message}; tabs: ${JSON.stringify(tabs)}; steps in the page: ${JSON.stringify(steps)}`);
    });
  /**
   * Runs a command from the palette (F1) by its title, with the cursor in the article at `at`
   * (the walkthrough page beside can take the focus, which hides the article's commands):
   * typed keys can be lost while the palette opens, so the input is filled and checked.
   */
  const palette = async (text, at) => {
    const input = page.locator('.quick-input-widget input').first();
    const row = page.locator('.quick-input-list .monaco-list-row.focused', { hasText: text }).first();
    await waitFor(async () => {
      if (at) {
        // Escape only where a quick input is open: with the focus on the walkthrough page,
        // Escape is VS Code's "go back", which leaves the walkthrough for the Welcome page
        if (await input.isVisible().catch(() => false)) await page.keyboard.press('Escape');
        await clickText(at);
      }
      await waitFor(async () => {
        if (!(await input.isVisible().catch(() => false))) {
          await page.keyboard.press('F1');
          return false;
        }
        if ((await input.inputValue({ timeout: 1000 }).catch(() => '')) === `>${text}`) return true;
        await input.fill(`>${text}`, { timeout: 2000 }).catch(() => {});
        return false;
      }, `"${text}" in the command palette`, 15_000);
      return waitFor(() => row.isVisible(), `${text} offered`, 3_000).catch(() => false);
    }, `the command palette to offer ${text}`, 45_000);
    await page.keyboard.press('Enter');
  };
  /**
   * Runs a command from the palette at `at` until `done` sees its effect: when the walkthrough
   * page beside moves on to its next step it takes the focus, which closes the palette, and the
   * Enter pressed then runs nothing (seen once in five runs on a loaded machine). Each retry is
   * logged.
   */
  const runFromPalette = async (text, at, done, what, step) => {
    let tries = 0;
    await waitFor(async () => {
      if (tries++) {
        const ran = step && (await page.locator(`[data-done-step-id$="gloss.start#${step}"].complete`).count()) ? ' (its walkthrough step is ticked off: the command ran)' : '';
        log(`    (${what}: not seen after "${text}"${ran}; running it again, try ${tries})`);
      }
      await palette(text, at);
      return waitFor(done, what, 10_000).catch(() => false);
    }, what, 60_000);
  };
  /** Clicks into the article editor (the first editor group) on the word that is exactly `text` (a figure, an entity). */
  const clickText = async (text) => {
    const exact = new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    const word = page.locator('.editor-group-container').first().locator('.view-line span span', { hasText: exact }).first();
    // the walkthrough page beside can take the focus as it moves on to its next step: click
    // until the article is the active editor (its language in the status bar)
    await waitFor(async () => {
      await word.click({ timeout: scaled(5_000) });
      return page.locator('.statusbar-item', { hasText: /^Article$/ }).first().isVisible();
    }, `the article to be the active editor, with the cursor on ${text}`, 15_000);
  };
  /**
   * Presses `key` in the article at `text` until `probe` sees its effect: the walkthrough page
   * beside takes the focus when it moves on to its next step, a moment after the step is done.
   */
  const pressInArticle = (text, key, probe, what) =>
    waitFor(async () => {
      await clickText(text);
      await page.keyboard.press(key);
      return waitFor(probe, what, 3_000).catch(() => false);
    }, what, 30_000);
  const crumbs = () => page.locator('.editor-group-container').first().locator('.breadcrumbs-control .monaco-breadcrumb-item').allInnerTexts();
  try {
    log('\n[ui: finding your way] the demo as npm start opens it, in Chromium');
    try {
      await page.goto(workbenchUrl(server, target, root), { timeout: scaled(120_000) });
      await page.locator('.monaco-workbench').waitFor({ timeout: scaled(120_000) });
    } catch (e) {
      failSetup(e);
    }
    await check('the walkthrough opens beside the demo article, and "Open an article" is ticked off', async () => {
      await waitFor(() => page.locator('[data-done-step-id$="gloss.start#teach"]').count(), 'the walkthrough page', 90_000);
      // Gloss's own page, named after it (a page VS Code opened first is closed by Gloss): the layout is settled
      await page.locator('.tabs-container .tab', { hasText: 'Walkthrough: Gloss' }).first().waitFor({ timeout: scaled(90_000) });
      await page.locator('.editor-group-container').first().locator('.view-line', { hasText: '星河' }).first().waitFor();
      await stepDone('open');
    });
    await check('a hover with the mouse ticks off "Read a hover"', async () => {
      const word = page.locator('.editor-group-container').first().locator('.view-line span span', { hasText: /^1532\.40亿元$/ }).first();
      const hover = page.locator('.monaco-hover-content', { hasText: 'CNY 153,240,000,000' }).first();
      // a hover that starts while the walkthrough page re-lays itself out is hidden again: hovered anew
      await waitFor(async () => {
        await page.mouse.move(5, 400);
        await word.hover({ timeout: scaled(5_000) });
        return waitFor(() => hover.isVisible(), 'the hover', 5_000).catch(() => false);
      }, 'a Gloss hover on 1532.40亿元', 45_000);
      await stepDone('hover');
      await page.mouse.move(5, 400);
    });
    await check('Alt+] ticks off "Walk the queue"', async () => {
      await pressInArticle('1532.40亿元', 'Alt+]', () => page.locator('[data-done-step-id$="gloss.start#queue"].complete').count(), 'the step "queue" ticked off');
    });
    await check('the breadcrumb follows the cursor into a paragraph and its claim', async () => {
      // in the article first: Escape on the walkthrough page would leave the walkthrough
      await clickText('1532.40亿元');
      await page.keyboard.press('Escape');
      // the file, the paragraph (named by its first words) and the claim around the cursor
      const first = await waitFor(async () => {
        const c = await crumbs();
        return c.length >= 3 && c.at(-1).length > 1 && c;
      }, 'breadcrumbs: file › paragraph › claim', 15_000);
      await clickText('5000万');
      await waitFor(async () => {
        const c = await crumbs();
        return c.length >= 3 && c[c.length - 2] !== first[first.length - 2] && c;
      }, `the breadcrumb to move on from ${JSON.stringify(first)}`, 15_000);
    });
    await check('Alt+V shows each verdict with a line of description and the current one, and ticks off "Give a verdict"', async () => {
      const rows = page.locator('.quick-input-list .monaco-list-row');
      const focusedRow = () => page.locator('.quick-input-list .monaco-list-row.focused').allInnerTexts().then((t) => t.join(''));
      const sidecar = join(target.folder, 'articles', '01-cloud-earnings-simplified.annotations.yaml');
      // a picker loses its choice when the walkthrough page takes the focus: chosen again until the sidecar has it
      await waitFor(async () => {
        await pressInArticle('1532.40亿元', 'Alt+V', () => rows.first().isVisible(), 'the verdict picker');
        await waitFor(async () => (await rows.allInnerTexts()).join('\n').includes('The evidence contradicts it'), 'descriptions in the picker', 5_000);
        await page.locator('.quick-input-widget input').first().fill('disputed', { timeout: scaled(2_000) });
        await waitFor(async () => (await focusedRow()).includes('disputed'), 'disputed chosen in the picker', 3_000);
        await page.keyboard.press('Enter');
        return waitFor(() => existsSync(sidecar) && /verdict: disputed/.test(readFileSync(sidecar, 'utf8')), 'the verdict in the sidecar', 5_000);
      }, 'a verdict given with Alt+V in the sidecar', 60_000);
      await stepDone('verdict');
      await pressInArticle('1532.40亿元', 'Alt+V', () => rows.first().isVisible(), 'the verdict picker again');
      await waitFor(async () => (await focusedRow()).includes('disputed'), 'the current verdict focused when the picker opens again', 15_000);
      await page.keyboard.press('Escape');
    });
    await check('"Gloss: Open Sidecar" ticks off "Open the sidecar", and shows the sidecar beside the article', async () => {
      const sidecarLine = page.locator('.monaco-editor .view-line', { hasText: 'annotations:' }).first();
      await runFromPalette('Gloss: Open Sidecar', '1532.40亿元', () => sidecarLine.isVisible(), 'the sidecar beside the article', 'sidecar');
      if (screenshots?.sidecar) await page.screenshot({ path: screenshots.sidecar });
      await stepDone('sidecar');
    });
    await check('teaching an entity ticks off "Teach an entity" and writes .gloss/lexicon.yaml', async () => {
      const lexiconFile = join(target.folder, '.gloss/lexicon.yaml');
      await runFromPalette('Gloss: Teach Entity', '陈立峰', () => existsSync(lexiconFile) && readFileSync(lexiconFile, 'utf8').includes('陈立峰'), 'the lexicon on disk', 'teach');
      await stepDone('teach');
    });
    await check('Ctrl+T 陳立峰 (Traditional) finds 陈立峰 in the Simplified article', async () => {
      const input = page.locator('.quick-input-widget input').first();
      const rows = page.locator('.quick-input-list .monaco-list-row');
      const found = rows.filter({ hasText: '陈立峰' }).filter({ hasText: '01-cloud-earnings' }).first();
      const shown = async () => {
        const held = (await visible(input)) ? await input.inputValue({ timeout: 1000 }).catch(() => '?') : undefined;
        return held === undefined ? 'no quick input open' : `the quick input held ${JSON.stringify(held)} and listed ${JSON.stringify(await rows.allInnerTexts().catch(() => []))}`;
      };
      // Ctrl+T typed as a person does, in the article; again (logged) if the walkthrough page
      // beside took the focus and closed the quick input, or the keys were lost while it opened
      let tries = 0;
      try {
        await waitFor(async () => {
          if (tries++) {
            log(`    (Ctrl+T 陳立峰: ${await shown()}; again, try ${tries})`);
            if (await visible(input)) await page.keyboard.press('Escape');
          }
          await clickText('1532.40亿元');
          await page.keyboard.press('Control+T');
          await input.waitFor({ timeout: scaled(5_000) });
          await page.keyboard.type('陳立峰', { delay: 20 });
          return found.waitFor({ timeout: scaled(20_000) }).then(() => true, () => false);
        }, 'Ctrl+T 陳立峰 to list 陈立峰 in 01-cloud-earnings', 90_000);
      } catch (e) {
        throw new Error(`${e.message}\n${await shown()}`);
      }
      await page.keyboard.press('Escape');
    });
    await check('gloss.uiLanguage zh-cn: Gloss speaks Chinese in an English VS Code', async () => {
      // as a user does it: the Settings editor, the setting's drop-down. Once in a clean-clone
      // CI run the Settings editor lost its place to the walkthrough beside it before the search
      // was typed, and the drop-down never showed: the user then opens Settings again and types
      // in its search box, and so does this check (three tries at most).
      const select = page.locator('.setting-item-contents', { hasText: 'Ui Language' }).locator('select').first();
      // (the Settings editor may also go while its search box is being found: another CI run timed
      // out focusing a search box that had left the page, so that counts as a lost try too)
      for (let attempt = 1; ; attempt++) {
        let lost = 'did not show gloss.uiLanguage';
        const shown = await (async () => {
          await palette('Preferences: Open Settings (UI)');
          const search = page.locator('.settings-editor .suggest-input-container textarea, .settings-editor input').first();
          await search.waitFor({ timeout: scaled(20_000) });
          await search.focus({ timeout: scaled(10_000) });
          await page.keyboard.press('Control+A');
          await page.keyboard.type('gloss.uiLanguage', { delay: 10 });
          return select.waitFor({ timeout: scaled(20_000) }).then(() => true, () => false);
        })().catch((e) => {
          lost = `lost its search box (${String(e.message).split('\n')[0]})`;
          return false;
        });
        if (shown) break;
        if (attempt === 3) throw new Error(`the Settings editor never showed gloss.uiLanguage (three tries; the last ${lost})`);
        log(`    (the Settings editor ${lost}; opening it again, try ${attempt + 1})`);
      }
      await select.selectOption('zh-cn');
      await page.keyboard.press('Control+W');
      await page.locator('.codelens-decoration', { hasText: '条主张' }).first().waitFor({ timeout: scaled(30_000) });
      // the figure's first part: with the sidecar and the walkthrough beside it the article is
      // narrow, and the line may wrap inside the figure (286.5亿 | 元), which splits its span
      await page.locator('.editor-group-container').first().locator('.view-line span span', { hasText: /^286\.5亿(元)?$/ }).first().hover();
      await page.locator('.monaco-hover-content', { hasText: '数字' }).first().waitFor();
      if (screenshots?.chinese) {
        await settledHover(page);
        await page.screenshot({ path: screenshots.chinese });
      }
      // VS Code's own text stays English: only Gloss changed language
      if (!(await page.locator('.sidebar .composite.title', { hasText: /explorer/i }).count())) throw new Error('VS Code itself is not in English (its Explorer)');
    });
  } finally {
    await browser.close().catch(() => {});
    await server.stop();
    target.cleanup();
    rmSync(gitConfig, { force: true });
  }
  for (const f of results.failures) log(`\n✖ ${f.title}\n${f.error}`);
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  stopServersOnSignals();
  const r = await runWayfindingUi();
  console.log(`${r.passed} passed, ${r.failed} failed`);
  process.exitCode = r.failed ? 1 : 0;
}
