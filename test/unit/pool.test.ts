import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pickTask, runPoolStream } from '../../src/cli/pool';
import { UsageError } from '../../src/cli/usageError';
import { scaled, scratchDir } from './helpers';

/** out/src/cli, where the compiled pool lives (this file runs from out/test/unit). */
const OUT_CLI = join(__dirname, '../../src/cli');

/** A worker script that doubles `n`, spins for `slowMs`, or throws the error a task asks for. */
function workerScript(): string {
  const path = join(scratchDir('gloss-pool-'), 'worker.js');
  writeFileSync(
    path,
    `const { serveIfWorker } = require(${JSON.stringify(join(OUT_CLI, 'pool.js'))});
const { UsageError } = require(${JSON.stringify(join(OUT_CLI, 'usageError.js'))});
const { threadId } = require('node:worker_threads');
serveIfWorker(() => (task) => {
  if (task.thread) {
    const until = Date.now() + (task.slowMs ?? 0);
    while (Date.now() < until);
    return threadId;
  }
  if (task.fail === 'exit') process.exit(3);
  if (task.fail === 'usage') throw new UsageError('the article is too large');
  if (task.fail === 'bug') throw new TypeError('a bug');
  const until = Date.now() + (task.slowMs ?? 0);
  while (Date.now() < until);
  return task.n * 2;
});
`,
  );
  return path;
}

const setup = { lexiconFrom: '.' };
const noHandler = () => () => assert.fail('jobs > 1 runs the tasks on the workers');

describe('worker pool (runPoolStream): lazy, ordered, errors kept', function () {
  this.timeout(scaled(60_000));

  it('pulls tasks only as the window allows, while one task is slow, and emits in order', async () => {
    const script = workerScript();
    let pulled = 0;
    let emitted = 0;
    let mostAhead = 0;
    function* tasks() {
      for (let n = 0; n < 120; n++) {
        pulled++;
        mostAhead = Math.max(mostAhead, pulled - emitted);
        // the first task holds one worker while the other could run through the rest
        yield { n, slowMs: n === 0 ? 1500 : 0 };
      }
    }
    const out: unknown[] = [];
    await runPoolStream(tasks(), 2, setup, noHandler, (r) => {
      emitted++;
      out.push(r);
    }, { window: 8, script });
    assert.deepEqual(out, Array.from({ length: 120 }, (_, n) => n * 2));
    assert.ok(mostAhead <= 8, `${mostAhead} tasks were pulled ahead of what was written (window 8)`);
  });

  it('a busy worker is sent its next task before it answers, so that it never waits for this thread', async () => {
    const script = workerScript();
    // tasks 0 and 1 start the two workers; task 2 goes to the first while it is still on task 0
    // (with one task at a time it would wait for a free worker: the second, long done with task 1)
    const tasks = [{ thread: true, slowMs: 800 }, { thread: true }, { thread: true }, { thread: true }];
    const threads: unknown[] = [];
    await runPoolStream(tasks, 2, setup, noHandler, (r) => threads.push(r), { script });
    assert.equal(threads.length, 4);
    assert.notEqual(threads[0], threads[1]);
    assert.equal(threads[2], threads[0], `task 2 ran on thread ${threads[2]}, not on the busy worker's queue (thread ${threads[0]})`);
    assert.equal(threads[3], threads[1]);
  });

  it('a UsageError in a worker is a UsageError again on this thread, after the results before it', async () => {
    const script = workerScript();
    const out: unknown[] = [];
    const tasks = [{ n: 1 }, { n: 2 }, { fail: 'usage' }, { n: 4 }, { n: 5 }];
    await assert.rejects(
      runPoolStream(tasks, 2, setup, noHandler, (r) => out.push(r), { script }),
      (e: unknown) => e instanceof UsageError && e.message === 'the article is too large',
    );
    assert.deepEqual(out, [2, 4]);
    // any other error stays an Error with the worker's stack, not a UsageError
    await assert.rejects(
      runPoolStream([{ n: 1 }, { fail: 'bug' }], 2, setup, noHandler, () => undefined, { script }),
      (e: unknown) => e instanceof Error && !(e instanceof UsageError) && e.message === 'a bug' && /worker\.js/.test(e.stack ?? ''),
    );
  });

  it('an error of writing a result ends the run there: no later result is written, even those that come in after', async () => {
    const script = workerScript();
    // task 2 waits behind the slow task 0 in the first worker's queue, and answers after the failure
    const tasks = [{ n: 0, slowMs: 400 }, { n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }];
    const out: unknown[] = [];
    await assert.rejects(
      runPoolStream(tasks, 2, setup, noHandler, (r) => {
        if (r === 2) throw new Error('EPIPE');
        out.push(r);
      }, { script }),
      /EPIPE/,
    );
    assert.deepEqual(out, [0]);
    // a little later, still nothing after the failure
    await new Promise((resolve) => setTimeout(resolve, scaled(300)));
    assert.deepEqual(out, [0]);
  });

  it('a worker that stops with a task in flight ends the run with an error', async function () {
    // (without the error the run would wait for its answer for ever)
    this.timeout(scaled(15_000));
    const script = workerScript();
    const out: unknown[] = [];
    await assert.rejects(
      runPoolStream([{ n: 1 }, { fail: 'exit' }], 2, setup, noHandler, (r) => out.push(r), { script }),
      /a worker stopped \(exit 3\)/,
    );
    assert.ok(out.every((r, k) => r === [2][k]), `only results before the stopped task: ${JSON.stringify(out)}`);
  });

  it('an error of the source (a bad line) ends the run after the results before it', async () => {
    const script = workerScript();
    function* tasks() {
      yield { n: 1 };
      yield { n: 2 };
      yield { n: 3 };
      throw new UsageError('docs.jsonl:4: invalid JSON');
    }
    const out: unknown[] = [];
    await assert.rejects(runPoolStream(tasks(), 2, setup, noHandler, (r) => out.push(r), { script }), /docs\.jsonl:4: invalid JSON/);
    assert.deepEqual(out, [2, 4, 6]);
  });
});

describe('worker pool: tasks that share text go to the same worker (pickTask)', function () {
  this.timeout(scaled(60_000));

  it('with affinity, results still come out in order, and an error still ends the run after the results before it', async () => {
    const script = workerScript();
    const tasks = Array.from({ length: 60 }, (_, n) => (n === 41 ? { fail: 'usage', key: 1 } : { n, key: n % 3 }));
    const affinity = (t: unknown) => [(t as { key: number }).key];
    const out: unknown[] = [];
    await assert.rejects(
      runPoolStream(tasks, 2, setup, noHandler, (r) => out.push(r), { script, affinity, lookahead: 8, window: 60 }),
      (e: unknown) => e instanceof UsageError,
    );
    assert.deepEqual(out, Array.from({ length: 41 }, (_, n) => n * 2));
    const all: unknown[] = [];
    await runPoolStream(tasks.slice(0, 41), 2, setup, noHandler, (r) => all.push(r), { script, affinity, lookahead: 8, window: 41 });
    assert.deepEqual(all, out);
  });

  it('a free worker takes the pending task with most keys it was given before, not one given to another, else the earliest', () => {
    const owners = new Map<number, number>();
    // two workers start on tasks with nothing in common: each takes the earliest
    assert.equal(pickTask([{ keys: [1, 2, 3] }, { keys: [7, 8, 9] }], 0, owners), 0);
    assert.equal(pickTask([{ keys: [7, 8, 9] }, { keys: [2, 3, 4] }], 1, owners), 0);
    // worker 0 is free again: it skips the task that repeats worker 1's text and takes its own
    const pending = [{ keys: [8, 9, 10] }, { keys: [20, 21] }, { keys: [2, 3, 30] }];
    assert.equal(pickTask(pending, 0, owners), 2);
    assert.equal(owners.get(30), 0);
    // worker 1 then prefers its own over new text, and new text over worker 0's
    assert.equal(pickTask([{ keys: [20] }, { keys: [1, 2] }, { keys: [9, 10] }], 1, owners), 2);
    assert.equal(pickTask([{ keys: [1, 2] }, { keys: [20] }], 1, owners), 1);
    // no keys at all: first come, first served
    assert.equal(pickTask([{ keys: [] }, { keys: [] }], 1, new Map()), 0);
  });
});
