// Installs VS Code (as code-server, VS Code's own server, from npm) into a git-ignored cache.
// @vscode/test-electron cannot download VS Code on machines that reach only the npm registry,
// so this follows ../shared/docs/vscode-tests.md. It is skipped when the marker of the last
// successful install is present.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync, symlinkSync, rmSync, lstatSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const cacheDir = process.env.GLOSS_VSCODE_CACHE ?? join(root, '.vscode-test', 'code-server');
export const codeServerEntry = join(cacheDir, 'node_modules/code-server/out/node/entry.js');
const marker = join(cacheDir, `.installed-${CODE_SERVER_VERSION}`);

function run(cmd, args, cwd, extraEnv = {}) {
  execFileSync(cmd, args, {
    cwd,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, npm_config_yes: 'true', npm_config_fund: 'false', npm_config_audit: 'false', ...extraEnv },
  });
}

function findRipgrep() {
  if (process.env.RG_PATH) return process.env.RG_PATH;
  try {
    return execFileSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('ripgrep (rg) is not on the PATH: install it (apt-get install -y ripgrep) or set RG_PATH');
  }
}

function linkForce(target, path) {
  try {
    lstatSync(path);
    rmSync(path, { recursive: true, force: true });
  } catch {
    /* nothing there yet */
  }
  symlinkSync(target, path);
}

export function ensureVSCode({ quiet = false } = {}) {
  if (existsSync(marker) && existsSync(codeServerEntry)) return codeServerEntry;
  const log = (m) => quiet || console.log(`[vscode] ${m}`);
  log(`installing code-server ${CODE_SERVER_VERSION} (VS Code 1.100.3) into ${cacheDir}`);
  mkdirSync(cacheDir, { recursive: true });
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  run(npm, ['install', '--prefix', cacheDir, '--no-save', '--ignore-scripts', `code-server@${CODE_SERVER_VERSION}`], cacheDir);
  run(npm, ['rebuild', 'argon2'], cacheDir);
  const vscodeDir = join(cacheDir, 'node_modules/code-server/lib/vscode');
  run(npm, ['install', '--omit=dev', '--ignore-scripts'], vscodeDir);
  run(npm, ['rebuild', '@vscode/spdlog', 'node-pty', 'native-watchdog', '@parcel/watcher'], vscodeDir);
  linkForce('node_modules', join(vscodeDir, 'node_modules.asar'));
  const rgBin = join(vscodeDir, 'node_modules/@vscode/ripgrep/bin');
  mkdirSync(rgBin, { recursive: true });
  linkForce(findRipgrep(), join(rgBin, 'rg'));
  run(npm, ['install', '--omit=dev', '--ignore-scripts'], join(vscodeDir, 'extensions'));
  writeFileSync(marker, new Date().toISOString() + '\n');
  log('code-server installed');
  return codeServerEntry;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureVSCode();
}
