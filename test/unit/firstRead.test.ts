import * as assert from 'node:assert/strict';
import { FirstRead } from '../../src/extension/firstRead';

/** A read that ends when the test says so. */
function controlledRead() {
  let finish!: (found: boolean) => void;
  let fail!: (e: unknown) => void;
  let calls = 0;
  const read = () => {
    calls++;
    return new Promise<boolean>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
  };
  return { read, finish: (found: boolean) => finish(found), fail: (e: unknown) => fail(e), calls: () => calls };
}

describe('FirstRead: the workspace lexicon read once, with the built-in one standing in', () => {
  it('whoever waits for the read is not told again when it ends: an article is analysed once, with the user\'s entities', async () => {
    const source = controlledRead();
    let late = 0;
    const first = new FirstRead(source.read, () => late++);
    const waited = first.whenRead();
    source.finish(true);
    await waited;
    first.served();
    assert.equal(late, 0);
    assert.equal(source.calls(), 1);
    assert.equal(first.isRead, true);
  });

  it('the stand-in served before the read ends: told once when the read finds the source', async () => {
    const source = controlledRead();
    let late = 0;
    const first = new FirstRead(source.read, () => late++);
    first.served();
    first.served();
    assert.equal(first.isRead, false);
    source.finish(true);
    await first.whenRead();
    assert.equal(late, 1);
    assert.equal(source.calls(), 1);
  });

  it('no source found: nothing to tell, whoever was served', async () => {
    const source = controlledRead();
    let late = 0;
    const first = new FirstRead(source.read, () => late++);
    first.served();
    source.finish(false);
    await first.whenRead();
    assert.equal(late, 0);
  });

  it('a read that throws counts as done: waiting never hangs, and the error is reported', async () => {
    const source = controlledRead();
    const errors: unknown[] = [];
    const first = new FirstRead(source.read, () => assert.fail('not found'), (e) => errors.push(e));
    const waited = first.whenRead();
    source.fail(new Error('unreadable'));
    await waited;
    assert.equal(first.isRead, true);
    assert.equal((errors[0] as Error).message, 'unreadable');
  });

  it('a read that hangs: waiters go on with the stand-in when patience runs out, and are told when it ends after all', async () => {
    const source = controlledRead();
    let late = 0;
    const first = new FirstRead(source.read, () => late++, undefined, 20);
    await first.whenRead();
    assert.equal(first.isRead, false);
    source.finish(true);
    await new Promise((r) => setImmediate(r));
    assert.equal(late, 1);
  });
});
