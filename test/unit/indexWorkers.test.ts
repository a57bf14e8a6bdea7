import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { IndexWorkers, WorkerTrouble } from '../../src/extension/indexWorkers';
import { scaled, scratchDir } from './helpers';

/**
 * A worker that speaks the index workers' protocol: it answers with the text's length and the
 * lexicon it was started with, spins for `minCheckWorthiness` seconds, reports an analysis
 * error for "throw", and stops for "crash". "wait for the next" waits up to two seconds for
 * another task to reach the worker, then answers with 1 if one came (0 if none); "stop at the
 * next" stops when the next task comes (or after two seconds).
 */
function workerScript(): string {
  const path = join(scratchDir('gloss-index-workers-'), 'worker.js');
  writeFileSync(
    path,
    `const { parentPort, workerData, threadId } = require('node:worker_threads');
const answer = (task, findings) => parentPort.postMessage({ id: task.id, entry: { claims: [], findings, reviewed: threadId, mentions: [] } });
let onNext;
parentPort.on('message', (task) => {
  if (onNext) onNext();
  onNext = undefined;
  if (task.text === 'wait for the next' || task.text === 'stop at the next') {
    const done = (came) => (task.text === 'stop at the next' ? process.exit(3) : answer(task, came));
    const timer = setTimeout(() => { onNext = undefined; done(0); }, 2000);
    onNext = () => { clearTimeout(timer); done(1); };
    return;
  }
  if (task.text === 'crash') process.exit(3);
  if (task.text === 'throw') return parentPort.postMessage({ id: task.id, error: 'an analysis failed' });
  const until = Date.now() + task.minCheckWorthiness * 1000;
  while (Date.now() < until);
  parentPort.postMessage({ id: task.id, entry: { claims: [], findings: task.text.length, reviewed: threadId, mentions: [[workerData.lexiconSource ?? 'built-in', { start: 0, end: 0, text: task.text, context: '' }]] } });
});
`,
  );
  return path;
}

const task = (text: string, seconds = 0) => ({ text, minCheckWorthiness: seconds });

describe('the workspace index\'s worker threads (IndexWorkers)', function () {
  this.timeout(scaled(30_000));

  it('answers each task with its own entry, on at most `size` workers at once', async () => {
    const workers = new IndexWorkers(workerScript());
    try {
      const texts = ['一', '二二', '三三三', '四四四四', '五五五五五'];
      const entries = await Promise.all(texts.map((t) => workers.run(task(t, 0.05), { lexiconSource: 'mine' }, 2)));
      assert.deepEqual(entries.map((e) => e.findings), [1, 2, 3, 4, 5]);
      assert.deepEqual(entries.map((e) => e.mentions[0]![0]), texts.map(() => 'mine'), 'started with the lexicon given');
      assert.equal(workers.started, 2);
      assert.equal(new Set(entries.map((e) => e.reviewed)).size, 2, 'both workers took tasks');
    } finally {
      workers.dispose();
    }
  });

  it('posts a busy worker its next task at once, so that it starts on it without waiting for this thread', async () => {
    const workers = new IndexWorkers(workerScript());
    try {
      const first = workers.run(task('wait for the next'), {}, 1);
      const second = workers.run(task('二二'), {}, 1);
      const third = workers.run(task('三三三'), {}, 1);
      assert.equal((await first).findings, 1, 'the second task reached the worker while it held the first');
      assert.deepEqual([(await second).findings, (await third).findings], [2, 3], 'each answer goes to its own task');
      assert.equal(workers.started, 1);
    } finally {
      workers.dispose();
    }
  });

  it('fails both tasks a worker holds when it stops, with WorkerTrouble (the build then analyses them itself)', async () => {
    const workers = new IndexWorkers(workerScript());
    try {
      const first = workers.run(task('stop at the next'), {}, 1);
      const second = workers.run(task('二二'), {}, 1);
      await assert.rejects(first, WorkerTrouble);
      await assert.rejects(second, WorkerTrouble);
      assert.equal((await workers.run(task('好'), {}, 1)).findings, 1, 'a new worker takes the next task');
    } finally {
      workers.dispose();
    }
  });

  it('rejects an analysis error as an ordinary error, and the worker goes on', async () => {
    const workers = new IndexWorkers(workerScript());
    try {
      await assert.rejects(workers.run(task('throw'), {}, 1), (e: unknown) => e instanceof Error && !(e instanceof WorkerTrouble) && /an analysis failed/.test(e.message));
      assert.equal((await workers.run(task('好'), {}, 1)).findings, 1);
      assert.equal(workers.started, 1);
    } finally {
      workers.dispose();
    }
  });

  it('rejects with WorkerTrouble when a worker stops or cannot start, and starts another for the next task', async () => {
    const workers = new IndexWorkers(workerScript());
    try {
      await assert.rejects(workers.run(task('crash'), {}, 1), (e: unknown) => e instanceof WorkerTrouble && /exit 3/.test(e.message));
      assert.equal((await workers.run(task('好'), {}, 1)).findings, 1);
      assert.equal(workers.started, 2);
    } finally {
      workers.dispose();
    }
    const missing = new IndexWorkers(join(scratchDir('gloss-index-workers-'), 'no-such-worker.js'));
    try {
      await assert.rejects(missing.run(task('好'), {}, 1), WorkerTrouble);
    } finally {
      missing.dispose();
    }
    // (a path Worker refuses at once, not by an error event later)
    const refused = new IndexWorkers('no-such-worker.js');
    try {
      await assert.rejects(refused.run(task('好'), {}, 1), (e: unknown) => e instanceof WorkerTrouble && /could not start/.test(e.message));
      await assert.rejects(refused.run(task('再'), {}, 1), WorkerTrouble);
      assert.equal(refused.running, 0);
    } finally {
      refused.dispose();
    }
  });

  it('stops its workers when the lexicon changes: their tasks fail with WorkerTrouble, new ones use the new lexicon', async () => {
    const workers = new IndexWorkers(workerScript());
    try {
      const old = workers.run(task('旧', 0.5), { lexiconSource: 'old' }, 1);
      const fresh = workers.run(task('新'), { lexiconSource: 'new' }, 1);
      await assert.rejects(old, WorkerTrouble);
      assert.equal((await fresh).mentions[0]![0], 'new');
    } finally {
      workers.dispose();
    }
  });

  it('fails what is waiting when disposed, and leaves no worker running', async () => {
    const workers = new IndexWorkers(workerScript());
    const running = workers.run(task('慢', 0.5), {}, 1);
    const waiting = workers.run(task('等'), {}, 1);
    workers.dispose();
    await assert.rejects(running, WorkerTrouble);
    await assert.rejects(waiting, WorkerTrouble);
    assert.equal(workers.running, 0);
    // and starts none afterwards (a build still under way falls back to the extension host)
    await assert.rejects(workers.run(task('后'), {}, 1), WorkerTrouble);
    assert.equal(workers.started, 1);
  });
});
