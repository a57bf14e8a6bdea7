// `npm run package`: a .vsix with only what the extension needs at run time (see .vscodeignore).
import { createVSIX } from '@vscode/vsce';
import { readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export async function packageVsixAsync({ quiet = false } = {}) {
  const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const packagePath = join(root, `${name}-${version}.vsix`);
  // the extension is bundled by esbuild: node_modules stay out
  // README links stay relative: media/ ships in the package, so they resolve in the Extensions view
  await createVSIX({ cwd: root, packagePath, dependencies: false, allowStarActivation: false, rewriteRelativeLinks: false });
  if (!quiet) console.log(`packaged ${packagePath}`);
  return packagePath;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await packageVsixAsync();
}
