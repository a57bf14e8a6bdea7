import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileAccess } from '../../src/core/io/fileAccess';
import { nodeFileAccess } from '../../src/core/io/nodeFileAccess';
import type { Annotation, Sidecar } from '../../src/core/sidecar/model';
import { readSidecarVia, saveSidecarVia } from '../../src/core/sidecar/sidecarFiles';
import { emptySidecar } from '../../src/core/sidecar/store';
import { formatSidecar } from '../../src/core/sidecar/yamlIO';
import { scratchDir } from './helpers';

const TEXT = '星河科技营收为1532.40亿元，同比增长6%。';
const PATH = '/news/a.annotations.yaml';

function figure(id: string): Annotation {
  return { id, kind: 'figure', status: 'accepted', quote: '1532.40亿元', prefix: '星河科技营收为', suffix: '，同比增长6%。', start: 7, end: 16 };
}

function withAnnotations(...ids: string[]): Sidecar {
  return { ...emptySidecar('a.txt', TEXT), annotations: ids.map(figure) };
}

/**
 * A file system without a lock, as workspace.fs is: every call yields to other work first, so
 * that writers in flight interleave, and `beforeWrite` can play another writer at the worst moment.
 */
class LocklessFiles implements FileAccess {
  readonly files = new Map<string, string>();
  writes = 0;
  /** Another writer, run as a read of `path` returns (the n-th read, from 1). */
  afterRead?: (path: string, n: number) => void;
  private reads = 0;
  private tick = () => new Promise<void>((resolve) => setImmediate(resolve));
  async size(path: string) {
    await this.tick();
    const f = this.files.get(path);
    return f === undefined ? undefined : Buffer.byteLength(f);
  }
  async read(path: string) {
    await this.tick();
    const text = this.files.get(path);
    const n = ++this.reads;
    this.afterRead?.(path, n);
    return text;
  }
  async writeAtomic(path: string, text: string) {
    await this.tick();
    this.writes++;
    this.files.set(path, text);
  }
  exclusive<T>(_path: string, fn: () => Promise<T>) {
    return fn();
  }
}

const ids = (text: string | undefined) => [...(text ?? '').matchAll(/^  - id: (\S+)/gm)].map((m) => m[1]).sort();

describe('sidecar store over a file system without a lock (workspace.fs)', () => {
  it('a save that another writer overtakes between its read and its write is merged, not lost (compare-and-swap)', async () => {
    const files = new LocklessFiles();
    files.files.set(PATH, formatSidecar(withAnnotations('f-base')));
    const base = await readSidecarVia(files, PATH);
    if (base.state !== 'ok') return assert.fail(base.state);
    // another window saves its decision right after ours read the file (its first read)
    files.afterRead = (path, n) => {
      if (n === 2) files.files.set(path, formatSidecar(withAnnotations('f-base', 'f-theirs')));
    };
    const r = await saveSidecarVia(files, PATH, withAnnotations('f-base', 'f-ours'), base.loaded);
    assert.equal(r.state, 'written');
    assert.deepEqual(ids(files.files.get(PATH)), ['f-base', 'f-ours', 'f-theirs']);
  });

  it('a save that another writer replaces just after it was written is written again, merged', async () => {
    const files = new LocklessFiles();
    files.files.set(PATH, formatSidecar(withAnnotations('f-base')));
    const base = await readSidecarVia(files, PATH);
    if (base.state !== 'ok') return assert.fail(base.state);
    // the other writer read before ours wrote, and writes its own text over ours
    let replaced = false;
    const write = files.writeAtomic.bind(files);
    files.writeAtomic = async (path, text) => {
      await write(path, text);
      if (!replaced) {
        replaced = true;
        files.files.set(path, formatSidecar(withAnnotations('f-base', 'f-theirs')));
      }
    };
    const r = await saveSidecarVia(files, PATH, withAnnotations('f-base', 'f-ours'), base.loaded);
    assert.equal(r.state, 'written');
    assert.deepEqual(ids(files.files.get(PATH)), ['f-base', 'f-ours', 'f-theirs']);
  });

  it('fifty saves in flight at once, each from its own stale read: none is lost', async () => {
    const files = new LocklessFiles();
    files.files.set(PATH, formatSidecar(withAnnotations()));
    const base = await readSidecarVia(files, PATH);
    if (base.state !== 'ok') return assert.fail(base.state);
    const names = Array.from({ length: 50 }, (_, i) => `f-${String(i).padStart(2, '0')}`);
    const results = await Promise.all(names.map((id) => saveSidecarVia(files, PATH, withAnnotations(id), base.loaded)));
    assert.deepEqual(results.map((r) => r.state).filter((s) => s !== 'written'), []);
    assert.deepEqual(ids(files.files.get(PATH)), names);
  });

  it('never writes over a file it cannot read, and keeps the changes beside it', async () => {
    const files = new LocklessFiles();
    const broken = `${formatSidecar(withAnnotations('f-base'))}<<<<<<< HEAD\n`;
    files.files.set(PATH, broken);
    const r = await saveSidecarVia(files, PATH, withAnnotations('f-ours'), undefined, true);
    assert.equal(r.state, 'refused');
    assert.equal(files.files.get(PATH), broken);
    assert.ok(r.state === 'refused' && r.pendingPath === `${PATH}.pending`);
    assert.deepEqual(ids(files.files.get(`${PATH}.pending`)), ['f-ours']);
  });

  it('over node fs (the CLI): the lock file and an atomic write, with nothing left beside the file', async () => {
    const dir = scratchDir('gloss-files-');
    const path = join(dir, 'sub', 'a.annotations.yaml');
    const first = await saveSidecarVia(nodeFileAccess, path, withAnnotations('f-one'), undefined);
    assert.equal(first.state, 'written');
    if (first.state !== 'written') return;
    writeFileSync(path, formatSidecar(withAnnotations('f-one', 'f-disk')));
    const second = await saveSidecarVia(nodeFileAccess, path, withAnnotations('f-one', 'f-two'), first.loaded);
    assert.equal(second.state, 'written');
    assert.deepEqual(ids(readFileSync(path, 'utf8')), ['f-disk', 'f-one', 'f-two']);
    assert.deepEqual(readdirSync(join(dir, 'sub')), ['a.annotations.yaml']);
    assert.ok(!existsSync(`${path}.lock`));
  });
});
