// `npm run test:electron`: the same integration suites through @vscode/test-electron, for
// machines that can download VS Code (these machines cannot: use `npm test`).
import { runTests } from '@vscode/test-electron';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, scratchWorkspace } from './codeServer.mjs';

const workspace = scratchWorkspace([join(root, 'test/fixtures/workspace')], [join(root, 'test/fixtures/corpus'), 'articles']);
const resultsFile = join(mkdtempSync(join(tmpdir(), 'gloss-results-')), 'results.json');
process.env.GLOSS_TEST_RESULTS = resultsFile;
await runTests({
  version: '1.100.3',
  extensionDevelopmentPath: root,
  extensionTestsPath: join(root, 'out/test/integration/index.js'),
  launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  extensionTestsEnv: { GLOSS_TEST_RESULTS: resultsFile },
});
const r = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : { passed: 0, failed: 1, spec: 'no results', failures: [] };
console.log(r.spec);
for (const f of r.failures) console.log(`\n✖ ${f.title}\n${f.error}`);
console.log(`${r.passed} passed, ${r.failed} failed`);
process.exitCode = r.failed ? 1 : 0;
