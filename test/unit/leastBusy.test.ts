import * as assert from 'node:assert/strict';
import { leastBusyWithRoom, TASKS_PER_WORKER } from '../../src/core/corpus/leastBusy';

describe('leastBusyWithRoom', () => {
  const tasks = (counts: number[]) => counts.map((n, i) => ({ name: `w${i}`, n }));

  it('takes the worker with the fewest tasks, the first of equals', () => {
    assert.equal(leastBusyWithRoom(tasks([1, 0, 0]), (w) => w.n)?.name, 'w1');
    assert.equal(leastBusyWithRoom(tasks([1, 1]), (w) => w.n)?.name, 'w0');
  });

  it('passes over a full worker, and answers none when every one is full', () => {
    assert.equal(leastBusyWithRoom(tasks([TASKS_PER_WORKER, TASKS_PER_WORKER - 1]), (w) => w.n)?.name, 'w1');
    assert.equal(leastBusyWithRoom(tasks([TASKS_PER_WORKER, TASKS_PER_WORKER]), (w) => w.n), undefined);
    assert.equal(leastBusyWithRoom([], () => 0), undefined);
  });
});
