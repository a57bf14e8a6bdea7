// `npm start`: builds, then opens the demo corpus (test/fixtures/corpus) in VS Code with
// Gloss loaded. With a desktop `code` on the PATH it uses that; otherwise it starts the
// cached code-server on 127.0.0.1, prints the URL, and stops cleanly on Ctrl+C.
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root, startCodeServer } from '../test/runner/codeServer.mjs';

execFileSync(process.execPath, [join(root, 'esbuild.mjs')], { stdio: 'inherit', cwd: root });
const corpus = join(root, 'test/fixtures/corpus');

function hasDesktopCode() {
  if (process.env.GLOSS_NO_DESKTOP) return false;
  const r = spawnSync('code', ['--version'], { stdio: 'ignore' });
  return r.status === 0;
}

if (hasDesktopCode()) {
  console.log('Opening the demo corpus in VS Code with Gloss loaded…');
  spawnSync('code', ['--extensionDevelopmentPath', root, corpus], { stdio: 'inherit' });
} else {
  const port = process.env.GLOSS_PORT ? Number(process.env.GLOSS_PORT) : undefined;
  const server = await startCodeServer({ port });
  const url = server.url(corpus, [['extensionDevelopmentPath', server.remote(root)]]);
  console.log('\nGloss is running in VS Code (code-server) with the demo corpus:\n');
  console.log(`  ${url}\n`);
  console.log('Open an article from the Explorer, hover a figure, and read the lenses. Press Ctrl+C to stop.');
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping code-server…');
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // keep the process alive until a signal arrives
  setInterval(() => {}, 1 << 30);
}
