// `npm run screenshot`: opens a demo article in VS Code (code-server) in Chromium, hovers a
// figure, then reviews with the keyboard (the lenses above each paragraph), opens the sidecar
// beside the article, and shows Gloss in Chinese (gloss.uiLanguage), saving the pictures the
// README shows: media/screenshot-{hover,review,sidecar,chinese}.png (Chinese rendered with Noto CJK).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from '../test/runner/codeServer.mjs';
import { runUi } from '../test/runner/ui.mjs';
import { runWayfindingUi } from '../test/runner/uiWayfinding.mjs';

execFileSync(process.execPath, [join(root, 'esbuild.mjs')], { stdio: 'ignore', cwd: root });
const media = (name) => join(root, `media/screenshot-${name}.png`);
const screenshots = { hover: media('hover'), review: media('review'), sidecar: media('sidecar'), chinese: media('chinese') };
const failed = [];
for (const run of [runUi, runWayfindingUi]) {
  const r = await run({ screenshots });
  failed.push(...r.failures.map((f) => f.title));
}
console.log(failed.length ? `some steps failed: ${failed.join('; ')}` : `saved ${Object.values(screenshots).join(', ')}`);
process.exitCode = failed.length ? 1 : 0;
