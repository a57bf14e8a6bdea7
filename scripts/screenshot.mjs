// `npm run screenshot`: opens a demo article in VS Code (code-server) in Chromium, hovers a
// figure, then reviews with the keyboard (the lenses above each paragraph); opens the review
// queue and the Problems panel of another demo article; opens the sidecar beside the article
// and shows Gloss in Chinese (gloss.uiLanguage). Saves the pictures the README shows:
// media/screenshot-{hover,review,queue,problems,sidecar,chinese}.png (Chinese rendered with Noto CJK).
// `node scripts/screenshot.mjs review` retakes only the queue and Problems pictures.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { root, stopServersOnSignals } from '../test/runner/codeServer.mjs';
import { runUi } from '../test/runner/ui.mjs';
import { runReviewUi } from '../test/runner/uiReview.mjs';
import { runWayfindingUi } from '../test/runner/uiWayfinding.mjs';

execFileSync(process.execPath, [join(root, 'esbuild.mjs')], { stdio: 'ignore', cwd: root });
stopServersOnSignals();
const media = (name) => join(root, `media/screenshot-${name}.png`);
const screenshots = { hover: media('hover'), review: media('review'), sidecar: media('sidecar'), chinese: media('chinese') };
const queueShots = { queue: media('queue'), problems: media('problems') };
const only = process.argv[2];
const runs = only === 'review' ? [[runReviewUi, queueShots]] : [[runUi, screenshots], [runReviewUi, queueShots], [runWayfindingUi, screenshots]];
const failed = [];
for (const [run, shots] of runs) {
  const r = await run({ screenshots: shots });
  failed.push(...r.failures.map((f) => f.title));
}
const saved = runs.flatMap(([, shots]) => Object.values(shots));
console.log(failed.length ? `some steps failed: ${failed.join('; ')}` : `saved ${[...new Set(saved)].join(', ')}`);
process.exitCode = failed.length ? 1 : 0;
