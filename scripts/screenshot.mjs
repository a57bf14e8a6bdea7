// `npm run screenshot`: opens a demo article in VS Code (code-server) in Chromium, hovers a
// figure, then reviews with the keyboard, and saves the pictures the README shows:
// media/screenshot-hover.png and media/screenshot-review.png (Chinese rendered with Noto CJK).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from '../test/runner/codeServer.mjs';
import { runUi } from '../test/runner/ui.mjs';

execFileSync(process.execPath, [join(root, 'esbuild.mjs')], { stdio: 'ignore', cwd: root });
const screenshots = { hover: join(root, 'media/screenshot-hover.png'), review: join(root, 'media/screenshot-review.png') };
const r = await runUi({ screenshots });
console.log(r.failed ? `some steps failed: ${r.failures.map((f) => f.title).join('; ')}` : `saved ${screenshots.hover} and ${screenshots.review}`);
process.exitCode = r.failed ? 1 : 0;
