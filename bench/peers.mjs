// Peers that only the benchmark uses. @node-rs/jieba ships per-platform native binaries,
// and the registry reachable here serves only the Linux ones, so it cannot sit in the
// lockfile (npm ci would fail). It is installed on demand into the git-ignored .bench/.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export const JIEBA = '@node-rs/jieba@2.0.3';

export function loadJieba(work) {
  const dir = join(work, 'peers');
  if (!existsSync(join(dir, 'node_modules/@node-rs/jieba/package.json'))) {
    mkdirSync(dir, { recursive: true });
    console.log(`[bench] installing ${JIEBA} into ${dir}`);
    execFileSync('npm', ['install', '--prefix', dir, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', JIEBA], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  const require = createRequire(join(dir, 'index.js'));
  const { Jieba } = require('@node-rs/jieba');
  const { dict } = require('@node-rs/jieba/dict');
  return Jieba.withDict(dict);
}
