// Runs the integration suites inside a real VS Code extension host: code-server 4.100.3
// (VS Code 1.100.3) from the npm cache, opened in headless Chromium. See
// ../shared/docs/vscode-tests.md. Expects `dist/` and `out/` to be built (test/runner/all.mjs
// does that). Prints the spec and a closing "N passed, M failed" line; skipped tests count as
// failed unless test/runner/skips.mjs allows them. GLOSS_TEST_GREP runs only matching tests.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, newPage, root, scratchWorkspace, startCodeServer, stopServersOnSignals } from './codeServer.mjs';
import { applySkips } from './skips.mjs';
import { scaled, waitFor } from './waiting.mjs';

function installedExtensionPath(extensionsDir) {
  const dir = readdirSync(extensionsDir).find((d) => d.startsWith('gloss-dev.gloss-'));
  if (!dir) throw new Error(`the .vsix did not install into ${extensionsDir}`);
  return join(extensionsDir, dir);
}

/** How long a whole tier may take inside VS Code (before GLOSS_TIMEOUT_SCALE). */
const RESULTS_TIMEOUT_MS = Number(process.env.GLOSS_TEST_TIMEOUT_MS ?? 300_000);

/**
 * Runs the suites under `testsDir` (compiled JS) with the extension at `extensionPath`
 * (a development folder), or with an installed `.vsix` when `vsix` is given.
 * Returns { passed, failed, spec, failures }.
 */
export async function runIntegration({ label = 'integration', testsEntry, vsix, grep, log = console.log } = {}) {
  const entry = testsEntry ?? join(root, 'out/test/integration/index.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: compile the tests first (npm run compile-tests)`);
  const workspace = scratchWorkspace(
    [join(root, 'test/fixtures/workspace')],
    [join(root, 'test/fixtures/corpus'), 'articles'],
  );
  const resultsDir = mkdtempSync(join(tmpdir(), 'gloss-results-'));
  const resultsFile = join(resultsDir, 'results.json');
  const serverLog = [];
  let server;
  let browser;
  const outDir = join(root, 'test-results');
  try {
    let extensionsDir;
    if (vsix) {
      extensionsDir = mkdtempSync(join(tmpdir(), 'gloss-ext-'));
      const { installVsix } = await import('./installVsix.mjs');
      installVsix(vsix, extensionsDir);
    }
    server = await startCodeServer({
      // the extension host inherits this environment: GLOSS_TIMEOUT_SCALE and GLOSS_TEST_GREP reach the suites
      env: { GLOSS_TEST_RESULTS: resultsFile, GLOSS_EXPECT_PACKAGED: vsix ? '1' : '', ...(grep ? { GLOSS_TEST_GREP: grep } : {}) },
      extensionsDir,
      log: (s) => serverLog.push(s),
    });
    // VS Code runs tests only for a development extension; for the packaged check that is
    // the folder the .vsix was installed into, so what runs is exactly what was packaged
    const extensionPath = vsix ? installedExtensionPath(extensionsDir) : root;
    const payload = [
      ['extensionDevelopmentPath', server.remote(extensionPath)],
      ['extensionTestsPath', server.remote(entry)],
      // GLOSS_INSPECT_EXTENSIONS=<port> opens the extension host to a debugger, for investigating hangs
      ...(process.env.GLOSS_INSPECT_EXTENSIONS ? [['inspect-extensions', process.env.GLOSS_INSPECT_EXTENSIONS]] : []),
    ];
    browser = await launchBrowser();
    const page = await newPage(browser, { width: 1400, height: 900 });
    page.on('pageerror', (e) => serverLog.push(`[page error] ${e.message}\n`));
    let results;
    try {
      // the suites start once the workbench has loaded its scripts; they report through the file
      await page.goto(server.url(workspace, payload), { waitUntil: 'domcontentloaded' });
      // the suites write the file whole and rename it into place (test/integration/index.ts)
      await waitFor(() => existsSync(resultsFile), `the ${label} results`, RESULTS_TIMEOUT_MS);
      results = JSON.parse(readFileSync(resultsFile, 'utf8'));
    } catch (e) {
      results = {
        passed: 0,
        failed: 1,
        spec: '',
        failures: [{
          title: `${label}: no results within ${scaled(RESULTS_TIMEOUT_MS)} ms`,
          error: `${e.message}\n${existsSync(`${resultsFile}.partial`) ? `progress so far:\n${readFileSync(`${resultsFile}.partial`, 'utf8')}\n\n` : ''}${serverLog.slice(-20).join('')}`,
        }],
      };
    }
    log(`\n[${label}] inside VS Code 1.100.3 (code-server)\n${results.spec}`);
    results = applySkips(label, results, log);
    for (const f of results.failures) log(`\n✖ ${f.title}\n${f.error}`);
    if (results.failed) {
      mkdirSync(outDir, { recursive: true });
      const shot = join(outDir, `${label}-failure.png`);
      await page.screenshot({ path: shot }).catch(() => {});
      log(`screenshot: ${shot}`);
    }
    return results;
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop();
    rmSync(workspace, { recursive: true, force: true });
    rmSync(resultsDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  stopServersOnSignals();
  const r = await runIntegration();
  console.log(`${r.passed} passed, ${r.failed} failed`);
  process.exitCode = r.failed ? 1 : 0;
}
