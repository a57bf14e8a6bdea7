// Installs a .vsix into a code-server extensions folder, as a user would.
import { execFileSync } from 'node:child_process';
import { ensureVSCode } from './vscode.mjs';

export function installVsix(vsix, extensionsDir) {
  const entry = ensureVSCode();
  execFileSync(process.execPath, [entry, '--extensions-dir', extensionsDir, '--install-extension', vsix], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}
