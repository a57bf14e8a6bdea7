import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSidecar } from '../../src/core/sidecar/yamlIO';
import { scratchDir } from './helpers';

const scale = Number(process.env.GLOSS_TIMEOUT_SCALE ?? 1);
const store = join(__dirname, '../../src/core/sidecar/store.js');
const cliMain = join(__dirname, '../../src/cli/main.js');

/** A writer process: saves `count` new annotations one by one, each from what it last read or wrote. */
const WRITER = `
const { saveSidecar, readSidecarFile, emptySidecar } = require(${JSON.stringify(store)});
const [path, tag, count] = process.argv.slice(2);
const text = '星河科技营收为1532.40亿元，同比增长6%。';
let base;
let sidecar = emptySidecar('a.txt', text);
let lost = 0;
for (let i = 0; i < Number(count); i++) {
  const id = 'f-' + tag + String(i).padStart(4, '0');
  const next = { ...sidecar, annotations: [...sidecar.annotations, { id, kind: 'figure', status: 'accepted', quote: '1532.40亿元', prefix: '星河科技营收为', suffix: '，同比增长6%。', start: 7, end: 16 }] };
  const r = saveSidecar(path, next, base);
  if (r.state !== 'written') { console.error('not written: ' + r.state); process.exit(1); }
  base = r.loaded;
  sidecar = r.loaded.sidecar;
}
`;

/**
 * A writer whose new annotations carry a stale offset hint (0–9 instead of 7–16), so that
 * `gloss format` always has something to rewrite; it signals the end with a `done` file.
 */
const STALE_WRITER = WRITER.replace('start: 7, end: 16', 'start: 0, end: 9') + `
require('node:fs').writeFileSync(path + '.done', '');
`;

/** `gloss format` on the file again and again until the writer is done; prints how often it rewrote the file. */
const FORMATTER = `
const { main } = require(${JSON.stringify(cliMain)});
const { existsSync } = require('node:fs');
const [path] = process.argv.slice(2);
let formatted = 0;
let failed = 0;
while (!existsSync(path + '.done')) {
  if (!existsSync(path)) continue;
  const status = main(['format', path], (s) => { if (/: formatted$/m.test(s)) formatted++; });
  if (status !== 0) failed++;
}
console.log(JSON.stringify({ formatted, failed }));
`;

function runCapturing(script: string, args: string[]): Promise<{ code: number; stdout: string }> {
  const file = join(scratchDir('gloss-writer-'), 'writer.js');
  writeFileSync(file, script);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [file, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.on('exit', (code) => resolve({ code: code ?? 1, stdout }));
  });
}

function run(script: string, args: string[]): Promise<number> {
  const file = join(scratchDir('gloss-writer-'), 'writer.js');
  writeFileSync(file, script);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [file, ...args], { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

describe('sidecar store: concurrent writers', () => {
  it('two processes each saving 200 new annotations at once: all 400 survive, the file always parses, no temp files remain', async function () {
    this.timeout(240_000 * scale);
    const dir = scratchDir('gloss-race-');
    const path = join(dir, 'a.annotations.yaml');
    writeFileSync(join(dir, 'a.txt'), '星河科技营收为1532.40亿元，同比增长6%。');
    let reads = 0;
    const unparsable: string[] = [];
    // a reader the whole time: every state of the file must parse
    const poll = setInterval(() => {
      let source: string;
      try {
        source = readFileSync(path, 'utf8');
      } catch {
        return; // not created yet
      }
      reads++;
      try {
        parseSidecar(source);
      } catch (e) {
        unparsable.push(String(e));
      }
    }, 20);
    const codes = await Promise.all([run(WRITER, [path, 'a', '200']), run(WRITER, [path, 'b', '200'])]);
    clearInterval(poll);
    assert.deepEqual(codes, [0, 0]);
    const ids = new Set(parseSidecar(readFileSync(path, 'utf8')).sidecar.annotations.map((a) => a.id));
    const lost = 400 - ids.size;
    assert.equal(lost, 0, `${lost} of 400 saves lost`);
    assert.deepEqual(unparsable, []);
    assert.ok(reads > 0);
    assert.deepEqual(readdirSync(dir).sort(), ['a.annotations.yaml', 'a.txt']);
  });

  it('gloss format running again and again while the store saves 100 annotations: none is lost, and format did rewrite the file', async function () {
    this.timeout(240_000 * scale);
    const dir = scratchDir('gloss-race-format-');
    const path = join(dir, 'a.annotations.yaml');
    writeFileSync(join(dir, 'a.txt'), '星河科技营收为1532.40亿元，同比增长6%。');
    const [writer, formatter] = await Promise.all([runCapturing(STALE_WRITER, [path, 'a', '100']), runCapturing(FORMATTER, [path])]);
    assert.equal(writer.code, 0);
    assert.equal(formatter.code, 0);
    const runs = JSON.parse(formatter.stdout.trim()) as { formatted: number; failed: number };
    // format must have raced the writer for the test to mean anything
    assert.ok(runs.formatted > 0, 'gloss format never rewrote the file');
    assert.equal(runs.failed, 0);
    const sidecar = parseSidecar(readFileSync(path, 'utf8')).sidecar;
    const lost = 100 - new Set(sidecar.annotations.map((a) => a.id)).size;
    assert.equal(lost, 0, `${lost} of 100 saves lost to gloss format`);
    assert.deepEqual(readdirSync(dir).sort(), ['a.annotations.yaml', 'a.annotations.yaml.done', 'a.txt']);
  });
});
