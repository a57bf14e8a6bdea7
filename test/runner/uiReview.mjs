// UI checks of the review queue, as a person sees it: VS Code (code-server) in Chromium,
// driven by playwright-core. Measures how far the CodeLens rows push the text down after it
// is painted (on first open, after a decision, on reopening), checks the status bar and the
// Problems panel, and saves the README's pictures when asked (scripts/screenshot.mjs).
// No fixed sleeps: every step polls what a person would look at, with limits scaled by
// GLOSS_TIMEOUT_SCALE (waiting.mjs); each check opens what it needs, so that any one runs
// alone: GLOSS_TEST_GREP='<part of its title>' node test/runner/uiReview.mjs.
// Also `node test/runner/uiReview.mjs [ARTICLE.txt]`: measure on any article (e.g. a seed,
// read where it is, never copied into the repository).
import { existsSync, mkdirSync, readFileSync, rmSync, copyFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { launchBrowser, newPage, root, scratchWorkspace, startCodeServer, stopServersOnSignals } from './codeServer.mjs';
import { scaled, waitFor } from './waiting.mjs';
import { uiChecks, activeTab, cursorPosition, openFile, openQuickInput, pickInQuickInput } from './uiSteps.mjs';

/** The top of the first painted line that contains `needle`, in CSS pixels below its editor's top, or null. */
function lineTop(page, needle) {
  return page.evaluate((n) => {
    for (const el of document.querySelectorAll('.monaco-editor .view-line')) {
      if (el.textContent.includes(n)) return el.getBoundingClientRect().top - el.closest('.monaco-editor').getBoundingClientRect().top;
    }
    return null;
  }, needle);
}

/**
 * The painted lines (their text) that carry the queued-claim tint: overlays whose background
 * is the colour `gloss.queuedClaimBackground` resolves to, matched to lines by position.
 */
function tintedLines(page) {
  return page.evaluate(() => {
    const probe = document.createElement('div');
    probe.style.background = 'var(--vscode-gloss-queuedClaimBackground)';
    // theme colours are CSS variables of the workbench, not of the page
    document.querySelector('.monaco-workbench').appendChild(probe);
    const tint = getComputedStyle(probe).backgroundColor;
    probe.remove();
    if (!tint || tint === 'rgba(0, 0, 0, 0)') return [];
    const boxes = [...document.querySelectorAll('.monaco-editor .view-overlays div')]
      .filter((el) => getComputedStyle(el).backgroundColor === tint)
      .map((el) => el.getBoundingClientRect());
    return [...document.querySelectorAll('.monaco-editor .view-line')]
      .filter((line) => {
        const r = line.getBoundingClientRect();
        return boxes.some((b) => b.top < r.bottom - 1 && b.bottom > r.top + 1);
      })
      .map((line) => line.textContent);
  });
}

/**
 * Waits until the lens rows stop changing: the same count and the same position of the
 * measured line for `quiet` ms (VS Code adds lens rows after its CodeLens debounce).
 */
async function settle(page, needle, quiet = 1500) {
  let last = '';
  let since = Date.now();
  await waitFor(async () => {
    const now = JSON.stringify([await page.locator('.monaco-editor .codelens-decoration').count(), await lineTop(page, needle)]);
    if (now !== last) {
      last = now;
      since = Date.now();
      return false;
    }
    return Date.now() - since >= quiet;
  }, `the lens rows around "${needle}" to stop moving`, 30_000);
}

/**
 * Opens `name` and records, on every animation frame inside the page from before the open
 * until the lens rows have settled, where the line containing `needle` stands (relative to
 * the editor's own top, so that the workbench laying out around the editor does not count).
 * Returns `painted` (first paint of the line), `settled`, `moves` (each time the line moved:
 * { ms after the paint, by px }), and once settled the lens `rows` above the line and the
 * `rowHeight` of a lens row.
 */
async function openAndMeasure(page, name, needle) {
  await page.evaluate(([n, ms]) => {
    const track = { samples: [], stop: false };
    window.__glossTrack = track;
    const end = Date.now() + ms;
    let last;
    const look = () => {
      for (const el of document.querySelectorAll('.monaco-editor .view-line')) {
        if (!el.textContent.includes(n)) continue;
        const editor = el.closest('.monaco-editor');
        const top = el.getBoundingClientRect().top - editor.getBoundingClientRect().top;
        if (Math.round(top) !== last) track.samples.push({ t: performance.now(), top: Math.round(top) });
        last = Math.round(top);
        break;
      }
      if (!track.stop && Date.now() < end) requestAnimationFrame(look);
    };
    look();
  }, [needle, scaled(120_000)]);
  await openQuickInput(page, 'Control+P');
  await pickInQuickInput(page, name, name);
  await waitFor(() => page.evaluate(() => window.__glossTrack.samples.length > 0), `"${needle}" to be painted`, 90_000);
  await page.locator('.monaco-editor .codelens-decoration').first().waitFor({ timeout: scaled(30_000) });
  await settle(page, needle);
  const samples = await page.evaluate(() => {
    window.__glossTrack.stop = true;
    return window.__glossTrack.samples;
  });
  const first = samples[0];
  const moves = [];
  for (let k = 1; k < samples.length; k++) {
    const by = samples[k].top - samples[k - 1].top;
    if (by) moves.push({ ms: Math.round(samples[k].t - first.t), by });
  }
  // the lens rows standing above the line once settled, and the height VS Code gives a row
  const lenses = await page.evaluate((n) => {
    for (const el of document.querySelectorAll('.monaco-editor .view-line')) {
      if (!el.textContent.includes(n)) continue;
      const editor = el.closest('.monaco-editor');
      const top = el.getBoundingClientRect().top;
      const rows = new Set(
        [...editor.querySelectorAll('.codelens-decoration')]
          .filter((d) => d.offsetParent && getComputedStyle(d).visibility !== 'hidden' && d.getBoundingClientRect().top < top)
          .map((d) => Math.round(d.getBoundingClientRect().top)),
      ).size;
      return { rows, rowHeight: parseFloat(getComputedStyle(editor).getPropertyValue('--vscode-editorCodeLens-lineHeight')) };
    }
    return null;
  }, needle);
  return { painted: first.top, settled: samples[samples.length - 1].top, moves, ...lenses };
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
  const results = { passed: 0, failed: 0, failures: [], skipped: [], jumps: {} };
  const page = await newPage(browser, { width: 1280, height: 760 });
  const { check, failSetup } = uiChecks(page, results, { name: 'ui-review', log });
  const name = basename(demo);
  const isOpen = async () => (await activeTab(page).getAttribute('aria-label').catch(() => ''))?.startsWith(name);
  try {
    log('\n[ui: review queue] VS Code in Chromium');
    try {
      await page.goto(server.url(workspace, [['extensionDevelopmentPath', server.remote(root)]]), { waitUntil: 'domcontentloaded' });
      await page.waitForSelector('.monaco-workbench', { timeout: scaled(60_000) });
      // the explorer lists the workspace once the workbench has restored: keys go somewhere from then on
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'articles' }).first().waitFor({ timeout: scaled(60_000) });
    } catch (e) {
      failSetup(e);
    }
    const sidecar = join(workspace, 'articles', name.replace(/\.txt$/, '.annotations.yaml'));
    await check('lenses do not move the text after a decision, nor when the article is opened again', async () => {
      if (await isOpen()) {
        await page.keyboard.press('Control+W');
        await waitFor(async () => !(await isOpen()), `the editor of ${name} to close`);
      }
      const first = await openAndMeasure(page, name, needle);
      results.jumps.firstOpen = Math.round(first.settled - first.painted);
      results.jumps.firstOpenMoves = first.moves;
      // a decision that settles everything queued in the measured line's paragraph: its lens
      // row must stay (saying "reviewed"), or the line would move up
      const before = await cursorPosition(page);
      await page.locator('.monaco-editor .view-line', { hasText: needle }).first().click();
      await waitFor(async () => (await cursorPosition(page)) !== before, 'the click to move the cursor to the measured line');
      await page.keyboard.press('Alt+Shift+A');
      await waitFor(() => existsSync(sidecar), 'the decision to be written', 15_000);
      await settle(page, needle);
      results.jumps.afterDecision = Math.round((await lineTop(page, needle)) - first.settled);
      await page.keyboard.press('Control+W');
      await waitFor(async () => !(await isOpen()), `the editor of ${name} to close`);
      const again = await openAndMeasure(page, name, needle);
      results.jumps.reopened = Math.round(again.settled - again.painted);
      const wave = first.moves[0];
      log(
        `    text moved after painting: first open ${results.jumps.firstOpen} px in ${first.moves.length} wave(s)` +
          (wave ? ` (the first ${wave.ms} ms after the paint: ${first.rows} lens rows of ${first.rowHeight} px above the line)` : '') +
          `, after a decision ${results.jumps.afterDecision} px, reopened ${results.jumps.reopened} px in ${again.moves.length} move(s)`,
      );
      // What Gloss controls. The first wave of a first-ever open is VS Code's: with no cached
      // lenses for the file it renders none until the provider answers (debounced, at least
      // 250 ms), and at the top of a file it does not hold the text still (StableEditorScrollState).
      // Everything after that wave is ours: lenses must come in one wave, each lens row of it
      // above the line must be all that moved it, and decisions and reopening must move nothing.
      if (first.moves.length > 1) throw new Error(`the lenses came in ${first.moves.length} waves on first open: ${JSON.stringify(first.moves)}`);
      if (results.jumps.firstOpen !== first.rows * first.rowHeight) {
        throw new Error(`first open moved the text by ${results.jumps.firstOpen} px, not by the ${first.rows} lens rows above it (${first.rows * first.rowHeight} px)`);
      }
      if (results.jumps.afterDecision !== 0) throw new Error(`a decision moved the text by ${results.jumps.afterDecision} px`);
      if (again.moves.length) throw new Error(`reopening moved the text: ${JSON.stringify(again.moves)}`);
    });
    await check('the file lens stands on a line of its own', async () => {
      await openFile(page, name);
      const rows = await waitFor(async () => {
        // lens rows out of the viewport keep a stale position, hidden: only the painted ones count
        const r = await page.evaluate(() =>
          [...document.querySelectorAll('.monaco-editor .codelens-decoration')]
            .filter((el) => el.offsetParent && getComputedStyle(el).visibility !== 'hidden')
            .map((el) => ({ top: Math.round(el.getBoundingClientRect().top), text: el.textContent })),
        );
        return r.some((x) => /Gloss: (\d+ to review|reviewed)/.test(x.text)) ? r : undefined;
      }, 'the file lens', 15_000);
      const top = rows.find((r) => /Gloss: (\d+ to review|reviewed)/.test(r.text));
      const sharing = rows.filter((r) => r !== top && r.top === top.top);
      if (sharing.length) throw new Error(`the file lens shares its row with ${JSON.stringify(sharing)}`);
      if (screenshots?.editor) await page.screenshot({ path: screenshots.editor });
    });
    if (!article) {
      await check('claims in the queue are tinted, and a claim below the threshold is not', async () => {
        await openFile(page, name);
        const lines = await waitFor(async () => {
          const l = await tintedLines(page);
          return l.some((t) => t.includes('董事长兼CEO陈立峰')) ? l : undefined;
        }, 'the tint on the queued quote of 陈立峰', 15_000);
        const below = lines.filter((t) => t.includes('我觉得这件事'));
        if (below.length) throw new Error(`a sentence below the threshold is tinted: ${below}`);
      });
    }
    await check('the status bar shows what is left and the failed check; a click goes to the next item', async () => {
      await openFile(page, name);
      const item = page.locator('.statusbar-item', { hasText: /Gloss: \d+ to review/ }).first();
      await item.waitFor({ timeout: scaled(15_000) });
      const label = await item.textContent();
      if (!article && !/1 failed check/.test(label)) throw new Error(`status bar: ${label}`);
      const before = await waitFor(() => cursorPosition(page), 'the cursor position in the status bar');
      await item.click();
      await waitFor(async () => (await cursorPosition(page)) !== before, `the click to move the cursor from ${before}`);
    });
    await check('the Problems panel lists the failed check, with its working', async () => {
      await openFile(page, name);
      await page.keyboard.press('Control+Shift+M');
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'Arithmetic does not hold' }).first();
      if (article) await page.locator('.markers-panel').first().waitFor({ timeout: scaled(15_000) });
      else await row.waitFor({ timeout: scaled(15_000) });
      results.problems = await page.locator('.markers-panel .monaco-list-row').count();
      log(`    rows in Problems: ${results.problems}`);
      if (screenshots?.problems) await page.screenshot({ path: screenshots.problems });
    });
    await check('"Gloss: Show Review Queue" lists the queue in order', async () => {
      await openFile(page, name);
      await openQuickInput(page, 'F1');
      await pickInQuickInput(page, 'Gloss: Show Review Queue', 'Show Review Queue');
      const rows = page.locator('.quick-input-widget .monaco-list-row');
      await rows.filter({ hasText: article ? /entity|claim|check/ : 'check does not hold' }).first().waitFor({ timeout: scaled(15_000) });
      if (screenshots?.queue) await page.screenshot({ path: screenshots.queue });
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
  stopServersOnSignals();
  const r = await runReviewUi({ article: process.argv[2] });
  console.log(`${r.passed} passed, ${r.failed} failed`);
  process.exitCode = r.failed ? 1 : 0;
}
