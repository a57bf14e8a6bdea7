// Starts the cached code-server (VS Code 1.100.3) on 127.0.0.1 and, optionally, drives it
// with Debian's Chromium through playwright-core. Used by the integration runner, the
// packaged-extension check, `npm start` and `npm run screenshot`. Every process started
// here is remembered and stopped by its own process id.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, mkdirSync, cpSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureVSCode } from './vscode.mjs';
import { scaled, waitFor } from './waiting.mjs';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

/** A fresh copy of a fixture folder, so that tests can write sidecars without touching the repository. */
export function scratchWorkspace(...sources) {
  const dir = mkdtempSync(join(tmpdir(), 'gloss-ws-'));
  for (const [from, to] of sources) {
    const target = join(dir, to ?? '');
    mkdirSync(target, { recursive: true });
    cpSync(from, target, { recursive: true });
  }
  return dir;
}

/** Polls `url` until it answers (limit `ms`, scaled); fails at once if the server exited. */
async function waitForHttp(url, ms, isAlive) {
  let exited = false;
  await waitFor(async () => {
    if (!isAlive()) return (exited = true);
    const r = await fetch(url, { signal: AbortSignal.timeout(5000) }); // a refused connection throws: not yet
    return r.status < 500;
  }, `code-server to answer at ${url}`, ms);
  if (exited) throw new Error('code-server exited before it was ready');
}

/**
 * Starts code-server. Returns { port, url(folder, payload), stop() }. The process runs in
 * its own process group so that stop() ends it and the helpers it spawned (extension host,
 * file watcher), and nothing else.
 */
/** The servers this process started and has not stopped yet: process group → scratch folder. */
const runningServers = new Map();
let endingOnSignals = false;

function killRunningServers() {
  for (const [pid, scratch] of runningServers) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
    if (!process.env.GLOSS_KEEP_LOGS) rmSync(scratch, { recursive: true, force: true });
  }
  runningServers.clear();
}

/**
 * For the test runners: a SIGINT, SIGTERM or SIGHUP (Ctrl+C, or scripts/ci-under-load.mjs
 * ending a run's process group) ends the servers this runner started before it exits. They
 * run in process groups of their own, so a signal to the runner's group never reaches them,
 * and without this they were left behind, reparented to init. (npm start has its own
 * handlers, which stop its server and remove the demo copy.)
 */
export function stopServersOnSignals() {
  if (endingOnSignals) return;
  endingOnSignals = true;
  const codes = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };
  for (const [signal, code] of Object.entries(codes)) {
    process.on(signal, () => {
      killRunningServers();
      process.exit(code);
    });
  }
}

// a runner that ends by an exception or process.exit does not leave its servers running either
process.on('exit', killRunningServers);

export async function startCodeServer({ env = {}, extensionsDir, log = () => {}, extraArgs = [], port: wanted } = {}) {
  const entry = ensureVSCode();
  const port = wanted ?? (await freePort());
  const scratch = mkdtempSync(join(tmpdir(), 'gloss-cs-'));
  const userData = join(scratch, 'user-data');
  const extDir = extensionsDir ?? join(scratch, 'extensions');
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(
    join(userData, 'User', 'settings.json'),
    JSON.stringify({ 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'workbench.tips.enabled': false }),
  );
  const args = [
    entry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--user-data-dir', userData, '--extensions-dir', extDir, ...extraArgs,

  ];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let alive = true;
  runningServers.set(child.pid, scratch);
  child.on('exit', () => {
    alive = false;
    runningServers.delete(child.pid);
  });
  child.stdout.on('data', (d) => log(String(d)));
  child.stderr.on('data', (d) => log(String(d)));
  await waitForHttp(`http://127.0.0.1:${port}/healthz`, 60_000, () => alive);
  const base = `http://127.0.0.1:${port}`;
  return {
    port,
    base,
    userData,
    extensionsDir: extDir,
    url(folder, payload) {
      const q = new URLSearchParams({ folder });
      if (payload) q.set('payload', JSON.stringify(payload));
      return `${base}/?${q}`;
    },
    remote(path) {
      return `vscode-remote://127.0.0.1:${port}${path}`;
    },
    async stop() {
      if (alive) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          /* already gone */
        }
        await waitFor(() => !alive, 'code-server to stop', 5000).catch(() => {});
        if (alive) {
          try {
            process.kill(-child.pid, 'SIGKILL');
          } catch {
            /* already gone */
          }
        }
      }
      // GLOSS_KEEP_LOGS keeps the user data (with the extension host's logs) for debugging
      if (process.env.GLOSS_KEEP_LOGS) console.log(`[code-server] logs kept in ${userData}/logs`);
      else rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/** Launches Debian's Chromium (or CHROME_PATH) headless through playwright-core. */
export async function launchBrowser() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
    ],
  });
}

/**
 * A page whose Playwright limits scale with GLOSS_TIMEOUT_SCALE: actions 30 s, navigation
 * 60 s (the workbench loads slowly on a busy machine; Playwright's own defaults are 30 s).
 */
export async function newPage(browser, viewport) {
  const page = await browser.newPage({ viewport });
  page.setDefaultTimeout(scaled(30_000));
  page.setDefaultNavigationTimeout(scaled(60_000));
  return page;
}
