// `npm run screenshot`: opens a demo article in VS Code (code-server) in Chromium, hovers a
// figure, then reviews with the keyboard; then opens the review queue and the Problems panel
// of another demo article. Saves the pictures the README shows: media/screenshot-hover.png,
// media/screenshot-review.png, media/screenshot-queue.png and media/screenshot-problems.png
// (Chinese rendered with Noto CJK).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from '../test/runner/codeServer.mjs';
import { runUi } from '../test/runner/ui.mjs';
import { runReviewUi } from '../test/runner/uiReview.mjs';

execFileSync(process.execPath, [join(root, 'esbuild.mjs')], { stdio: 'ignore', cwd: root });
const screenshots = { hover: join(root, 'media/screenshot-hover.png'), review: join(root, 'media/screenshot-review.png') };
const queueShots = { queue: join(root, 'media/screenshot-queue.png'), problems: join(root, 'media/screenshot-problems.png') };
const only = process.argv[2];
const r = only === 'review' ? { failed: 0, failures: [] } : await runUi({ screenshots });
const q = await runReviewUi({ screenshots: queueShots });
const failures = [...r.failures, ...q.failures];
console.log(failures.length ? `some steps failed: ${failures.map((f) => f.title).join('; ')}` : `saved ${[...Object.values(screenshots), ...Object.values(queueShots)].join(', ')}`);
process.exitCode = failures.length ? 1 : 0;
