import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../../..');
const read = (p: string) => readFileSync(join(root, p), 'utf8');

/** Every command line of the README's ```sh blocks, with the section it is in (comments and continuation dropped). */
function readmeCommands(): Array<{ section: string; line: string }> {
  const out: Array<{ section: string; line: string }> = [];
  let section = '';
  let inSh = false;
  for (const raw of read('README.md').split('\n')) {
    const line = raw.trim();
    if (!inSh && raw.startsWith('## ')) section = raw.slice(3);
    if (line.startsWith('```')) {
      inSh = !inSh && line === '```sh';
      continue;
    }
    if (!inSh) continue;
    const command = line.replace(/\s+#.*$/, '').trim();
    if (command && !command.startsWith('#')) out.push({ section, line: command });
  }
  return out;
}

/** The apt packages .ci/run installs on a fresh machine. */
function ciPackages(): string[] {
  return [...read('.ci/run').matchAll(/need_apt\+=\(([^)]+)\)/g)].map((m) => m[1]!.trim()).sort();
}

/** The text of every unit test, where the CLI's subcommands and flags are exercised. */
function unitTests(): string {
  const dir = join(root, 'test/unit');
  return readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
}

/**
 * Where each kind of README command is run: by CI (.ci/run), by a runner of `npm test`, or by
 * a unit test. A command that matches none of these fails the test: run it somewhere first.
 */
const RUNS: Array<{ pattern: RegExp; by: string; check: (m: RegExpExecArray) => void }> = [
  {
    pattern: /^sudo apt-get install -y (.+)$/,
    by: '.ci/run installs the same packages',
    check: (m) => assert.deepEqual(m[1]!.split(/\s+/).sort(), ciPackages()),
  },
  // npm install on a clone with package-lock.json installs what npm ci installs: CI runs the strict one
  { pattern: /^npm (?:install|ci)$/, by: '.ci/run (npm ci)', check: () => assert.match(read('.ci/run'), /^npm ci --no-audit --no-fund/m) },
  { pattern: /^npm test$/, by: '.ci/run', check: () => assert.match(read('.ci/run'), /^npm test$/m) },
  {
    pattern: /^npm start$/,
    by: 'test/runner/start.mjs (the demo, from npm test)',
    check: () => assert.match(read('test/runner/start.mjs'), /runNpmStart\(\[\]/),
  },
  {
    pattern: /^(?:GLOSS_PORT=\d+ )?npm start -- \S+$/,
    by: 'test/runner/start.mjs (a folder, with GLOSS_PORT, from npm test)',
    check: () => {
      const src = read('test/runner/start.mjs');
      assert.match(src, /runNpmStart\(\[folder\]/);
      assert.match(src, /GLOSS_PORT: String\(port\)/);
      assert.match(read('test/runner/all.mjs'), /runStart\(\)/);
    },
  },
  {
    pattern: /^ssh -N -L (\d+):127\.0\.0\.1:(\d+) \S+$/,
    by: 'printed by npm start; test/runner/start.mjs checks the line',
    check: (m) => {
      assert.equal(m[1], m[2]);
      assert.match(read('test/runner/start.mjs'), /ssh -N -L \$\{port\}:127\.0\.0\.1:\$\{port\}/);
      assert.match(read('scripts/start.mjs'), /ssh -N -L \$\{server\.port\}:127\.0\.0\.1:\$\{server\.port\}/);
    },
  },
  {
    pattern: /^node dist\/cli\.js (detect|check|format|export|stats|review)\b(.*)$/,
    by: 'the CLI unit tests run the subcommand with each flag',
    check: (m) => {
      const tests = unitTests();
      assert.ok(tests.includes(`'${m[1]}'`), `a unit test runs ${m[1]}`);
      for (const flag of m[2]!.match(/--[a-z-]+/g) ?? []) assert.ok(tests.includes(`'${flag}'`), `a unit test passes ${flag}`);
    },
  },
  {
    pattern: /^gloss (check|summary|export|agree)\b/,
    by: 'test/unit/readmeRecipes.test.ts runs the "Reviewing in git" recipes',
    check: () => assert.match(read('test/unit/readmeRecipes.test.ts'), /## Reviewing in git/),
  },
];

describe('every command in the README is run by a test or by CI', () => {
  const commands = readmeCommands();

  it('finds the README commands', () => {
    assert.ok(commands.some((c) => c.line === 'npm start'), JSON.stringify(commands));
    assert.ok(commands.length >= 8);
  });

  for (const { section, line } of commands) {
    it(`${section}: ${line}`, () => {
      const runs = RUNS.map((r) => ({ r, m: r.pattern.exec(line) })).filter((x) => x.m);
      assert.ok(runs.length, `nothing runs "${line}": run it in a test or in .ci/run, and add it here`);
      for (const { r, m } of runs) {
        if (r.pattern.source.startsWith('^gloss') && section !== 'Reviewing in git') assert.fail(`"${line}" is outside the section readmeRecipes.test.ts runs`);
        r.check(m!);
      }
    });
  }
});

describe('every picture in the README exists and is made again by npm run screenshot', () => {
  const readme = read('README.md');
  // alt text as CommonMark reads it: a bracket inside must be escaped (Alt+\])
  const pictures = [...readme.matchAll(/!\[(?:\\.|[^\]\\])*\]\((media\/[^)]+)\)/g)].map((m) => m[1]!);

  it('shows a hover, the review with its lenses, a sidecar, and Gloss in Chinese', () => {
    for (const name of ['hover', 'review', 'sidecar', 'chinese']) assert.ok(pictures.includes(`media/screenshot-${name}.png`), `README shows media/screenshot-${name}.png`);
  });

  for (const picture of pictures) {
    it(picture, () => {
      assert.ok(existsSync(join(root, picture)), `${picture} exists`);
      const name = /^media\/screenshot-([a-z]+)\.png$/.exec(picture)?.[1];
      assert.ok(name, `${picture} is a screenshot-NAME.png`);
      assert.match(read('scripts/screenshot.mjs'), new RegExp(`\\b${name}: media\\('${name}'\\)`), `npm run screenshot saves ${picture}`);
    });
  }
});
