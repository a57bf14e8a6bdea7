// `npm start [-- PATH…]`: builds, then opens VS Code with Gloss loaded on
//   - PATH, a folder: that folder;
//   - PATH…, files: the folder holding them (several folders: one multi-root workspace),
//     with the first file open;
//   - nothing: a copy of the demo corpus (test/fixtures/corpus) in a temporary folder, with
//     the walkthrough open, so that the checkout stays clean.
// With a desktop `code` on the PATH it uses that; otherwise it starts the cached code-server
// on 127.0.0.1 (port: GLOSS_PORT, else a free one), prints the URL and how to reach it from
// another machine, and stops cleanly on Ctrl+C (only the processes it started, by their id).
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import { root, startCodeServer } from '../test/runner/codeServer.mjs';
import { extraArticlePatterns, resolveTarget, workbenchUrl } from './startTarget.mjs';

const paths = process.argv.slice(2);
if (paths.includes('--help') || paths.includes('-h')) {
  console.log('usage: npm start [-- FOLDER | FILE…]\n  no path: a copy of the demo corpus\n  GLOSS_PORT=8080: listen on that port (127.0.0.1 only)');
  process.exit(0);
}

let target;
try {
  target = resolveTarget(paths, { root });
} catch (e) {
  console.error(`npm start: ${e.message}`);
  process.exit(2);
}

try {
  execFileSync(process.execPath, [join(root, 'esbuild.mjs')], { stdio: 'pipe', cwd: root });
} catch (e) {
  target.cleanup();
  console.error(`npm start: the build failed\n${e.stderr ?? e.message}`);
  process.exit(1);
}

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const defaults = manifest.contributes.configuration.properties['gloss.articles'].default;
const extraPatterns = target.kind === 'demo' ? [] : extraArticlePatterns(target, defaults);

function hasDesktopCode() {
  if (process.env.GLOSS_NO_DESKTOP) return false;
  const r = spawnSync('code', ['--version'], { stdio: 'ignore' });
  return r.status === 0;
}

if (hasDesktopCode()) {
  console.log(`Opening ${target.describe} in VS Code with Gloss loaded…`);
  if (extraPatterns.length) console.log(`Add ${extraPatterns.map((p) => `"${p}"`).join(', ')} to gloss.articles for Gloss to treat these files as articles.`);
  const where = target.workspaceFile ?? target.folder;
  spawnSync('code', ['--extensionDevelopmentPath', root, where, ...(target.openFile ? [target.openFile] : [])], { stdio: 'inherit' });
} else {
  let port;
  if (process.env.GLOSS_PORT) {
    port = Number(process.env.GLOSS_PORT);
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      console.error(`npm start: GLOSS_PORT must be a port number, not ${JSON.stringify(process.env.GLOSS_PORT)}`);
      process.exit(2);
    }
  }
  let server;
  try {
    // the folder on code-server's command line too: a plain http://127.0.0.1:PORT/ opens it
    server = await startCodeServer({ port, extraArgs: [target.workspaceFile ?? target.folder] });
  } catch (e) {
    target.cleanup();
    console.error(`npm start: ${e.message}${port ? ` (is port ${port} in use? choose another with GLOSS_PORT)` : ''}`);
    process.exit(1);
  }
  if (extraPatterns.length) {
    // this session's own user settings (a scratch profile): the files given are articles
    const settingsPath = join(server.userData, 'User', 'settings.json');
    const settings = JSON.parse(readFileSync(settingsPath, 'utf8'));
    settings['gloss.articles'] = [...defaults, ...extraPatterns];
    writeFileSync(settingsPath, `${JSON.stringify(settings, null, 2)}\n`);
  }
  const url = workbenchUrl(server, target, root);
  const user = (() => {
    try {
      return userInfo().username;
    } catch {
      return 'you';
    }
  })();
  console.log(`\nGloss is running in VS Code (code-server) with ${target.describe}:\n`);
  console.log(`  ${url}\n`);
  if (extraPatterns.length) console.log(`For this session gloss.articles also takes ${extraPatterns.join(', ')}, so that these files are articles.\n`);
  console.log(`It listens on 127.0.0.1 only. From another machine, forward the port over SSH and open the same URL there:`);
  console.log(`  ssh -N -L ${server.port}:127.0.0.1:${server.port} ${user}@${hostname()}`);
  console.log(`GLOSS_PORT=${server.port} npm start … keeps the port (and the URL) the same from one start to the next.\n`);
  console.log('Open an article from the Explorer, hover a figure, and read the lenses. Press Ctrl+C to stop.');
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping code-server…');
    await server.stop();
    target.cleanup();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.on('SIGHUP', stop);
  // keep the process alive until a signal arrives
  setInterval(() => {}, 1 << 30);
}
