// `npm run screenshot`: opens a demo article in VS Code (code-server), shows a Gloss hover
// on a figure, and saves a PNG (media/screenshot-hover.png) with the Chinese rendered.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { launchBrowser, root, scratchWorkspace, startCodeServer } from '../test/runner/codeServer.mjs';

const out = process.argv[2] ?? join(root, 'media/screenshot-hover.png');
execFileSync(process.execPath, [join(root, 'esbuild.mjs')], { stdio: 'ignore', cwd: root });
const workspace = scratchWorkspace([join(root, 'test/fixtures/corpus'), 'articles']);
const server = await startCodeServer();
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(server.url(workspace, [['extensionDevelopmentPath', server.remote(root)]]));
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  await page.waitForTimeout(3000);
  // open the article through Quick Open, as a user would
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input', { timeout: 10_000 });
  await page.keyboard.type('01-cloud-earnings', { delay: 20 });
  await page.waitForTimeout(800);
  await page.keyboard.press('Enter');
  await page.waitForSelector('.monaco-editor .view-lines', { timeout: 20_000 });
  await page.waitForSelector('.monaco-editor .codelens-decoration', { timeout: 20_000 });
  // the grammar gives the figure its own token, so its span holds exactly the figure
  const target = page.locator('.monaco-editor .view-line span span', { hasText: /^1532\.40亿元$/ }).first();
  await target.waitFor({ timeout: 10_000 });
  await target.hover();
  await page.locator('.monaco-hover-content', { hasText: 'CNY' }).first().waitFor({ timeout: 15_000 });
  await page.waitForTimeout(500);
  await page.screenshot({ path: out });
  console.log(`saved ${out}`);
} finally {
  await browser.close();
  await server.stop();
}
