// The README's `npm start -- FOLDER` and `npm start`, run as a user runs them, with GLOSS_PORT
// set, far enough that the workbench answers HTTP 200 for that folder (or the demo copy) with
// Gloss loaded; then Ctrl+C (SIGINT to the process group this test started, by its id): the
// server must be gone, and nothing of that group left. Limits scale with GLOSS_TIMEOUT_SCALE.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { checkRunner } from './checks.mjs';
import { freePort, root } from './codeServer.mjs';
import { waitFor } from './waiting.mjs';

async function answers(url) {
  try {
    await fetch(url);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `npm start -- ...args` as a user does, with GLOSS_PORT, until it prints the URL; then
 * `verify(url, out)`; then Ctrl+C (SIGINT to the process group it started, by its id): the
 * script must stop code-server, exit, and leave nothing of its group running.
 */
async function runNpmStart(args, verify) {
  const port = await freePort();
  let out = '';
  const child = spawn('npm', ['start', ...(args.length ? ['--', ...args] : [])], {
    cwd: root,
    env: { ...process.env, GLOSS_NO_DESKTOP: '1', GLOSS_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    // its own process group: Ctrl+C in a terminal signals the whole foreground group
    detached: true,
  });
  let exitCode;
  child.on('exit', (code, signal) => (exitCode = code ?? signal));
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  try {
    const url = await waitFor(() => {
      if (exitCode !== undefined) throw new Error(`npm start exited (${exitCode}) early:\n${out}`);
      return out.match(/http:\/\/127\.0\.0\.1:\d+\/\?\S+/)?.[0];
    }, 'npm start to print the URL', 180_000);
    const u = new URL(url);
    if (u.port !== String(port)) throw new Error(`the URL ${url} is not on GLOSS_PORT ${port}`);
    const payload = new Map(JSON.parse(u.searchParams.get('payload')));
    if (payload.get('extensionDevelopmentPath') !== `vscode-remote://127.0.0.1:${port}${root}`) throw new Error(`Gloss is not loaded: payload ${u.searchParams.get('payload')}`);
    if (!out.includes(`ssh -N -L ${port}:127.0.0.1:${port}`)) throw new Error(`no SSH forwarding line in:\n${out}`);
    const page = await fetch(url);
    if (page.status !== 200) throw new Error(`the workbench answered ${page.status}`);
    if (!(await page.text()).includes('vscode-workbench-web-configuration')) throw new Error('the answer is not the VS Code workbench');
    const folder = u.searchParams.get('folder');
    // code-server remembers the folder the workbench was opened with, and sends "/" there
    const home = await fetch(`http://127.0.0.1:${port}/`, { redirect: 'manual' });
    const to = new URL(home.headers.get('location') ?? '', `http://127.0.0.1:${port}/`);
    if (to.searchParams.get('folder') !== folder) throw new Error(`"/" leads to ${home.headers.get('location')}, not to ${folder}`);
    await verify({ url: u, folder, payload, out });
    process.kill(-child.pid, 'SIGINT');
    await waitFor(() => exitCode !== undefined, 'npm start to exit after Ctrl+C', 20_000);
    // npm ends itself with the signal it forwarded, as after Ctrl+C in a terminal
    if (exitCode !== 0 && exitCode !== 'SIGINT') throw new Error(`npm start exited with ${exitCode} after Ctrl+C:\n${out}`);
    if (!out.includes('stopping code-server')) throw new Error(`the script did not stop code-server itself:\n${out}`);
    await waitFor(async () => !(await answers(`http://127.0.0.1:${port}/healthz`)), 'code-server to stop listening', 10_000);
    // nothing of the process group this test started is left running
    await waitFor(() => {
      try {
        process.kill(-child.pid, 0);
        return false;
      } catch (e) {
        return e.code === 'ESRCH';
      }
    }, 'every process of the npm start group to end', 10_000);
    return { folder, out };
  } catch (e) {
    e.message = `${e.message}\n--- npm start printed:\n${out}`;
    throw e;
  } finally {
    if (exitCode === undefined) {
      // only what this test started: its own process group
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      await waitFor(() => exitCode !== undefined, 'npm start to end', 10_000).catch(() => {});
    }
  }
}

export async function runStart({ log = console.log } = {}) {
  const results = { passed: 0, failed: 0, failures: [] };
  const check = checkRunner(results, { log, showMessage: true });
  log('\n[start] npm start, as the README says');
  await check('npm start -- FOLDER: the workbench answers 200 for that folder with Gloss loaded, and Ctrl+C stops it', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'gloss-start-'));
    try {
      mkdirSync(join(folder, 'notes'));
      writeFileSync(join(folder, 'notes', 'brief.txt'), '星河科技今年的营收增长了百分之十二，分析师认为明年仍将保持增长。\n');
      await runNpmStart([folder], async ({ folder: opened, out }) => {
        if (opened !== folder) throw new Error(`the URL opens ${opened}, not ${folder}`);
        if (!out.includes('gloss.articles also takes **/*.txt')) throw new Error('notes/brief.txt is not made an article for the session');
      });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
  await check('npm start: a copy of the demo corpus outside the checkout, with an article open, removed on Ctrl+C', async () => {
    const { folder } = await runNpmStart([], async ({ folder: opened, payload }) => {
      if (!opened || (opened + sep).startsWith(root + sep)) throw new Error(`the demo opens ${opened}, inside the checkout`);
      if (!existsSync(join(opened, 'articles', '01-cloud-earnings-simplified.txt'))) throw new Error(`no demo articles in ${opened}`);
      if (!String(payload.get('openFile') ?? '').endsWith('/articles/01-cloud-earnings-simplified.txt')) throw new Error(`no article opened: ${JSON.stringify([...payload])}`);
    });
    await waitFor(() => !existsSync(folder), `the demo copy ${folder} to be removed`, 10_000);
  });
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await runStart();
  for (const f of r.failures) console.log(`\n✖ ${f.title}\n${f.error}`);
  console.log(`${r.passed} passed, ${r.failed} failed`);
  process.exitCode = r.failed ? 1 : 0;
}
