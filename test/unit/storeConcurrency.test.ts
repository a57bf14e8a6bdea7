import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSidecar } from '../../src/core/sidecar/yamlIO';

const scale = Number(process.env.GLOSS_TIMEOUT_SCALE ?? 1);
const store = join(__dirname, '../../src/core/sidecar/store.js');

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

function run(script: string, args: string[]): Promise<number> {
  const file = join(mkdtempSync(join(tmpdir(), 'gloss-writer-')), 'writer.js');
  writeFileSync(file, script);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [file, ...args], { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

describe('sidecar store: concurrent writers', () => {
  it('two processes each saving 200 new annotations at once: all 400 survive, the file always parses, no temp files remain', async function () {
    this.timeout(240_000 * scale);
    const dir = mkdtempSync(join(tmpdir(), 'gloss-race-'));
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
});
