import * as assert from 'node:assert/strict';
import { Lazy, soon } from '../../src/extension/lazy';

/** A disposable that counts how often it was made and disposed. */
function counted() {
  const log = { made: 0, disposed: 0 };
  const make = () => {
    log.made++;
    return { dispose: () => void log.disposed++ };
  };
  return { log, make };
}

const aTurn = () => new Promise((r) => setTimeout(r, 0));

describe('Lazy and soon: what activation does not need is made later', () => {
  it('Lazy makes its thing on the first use only, once, and disposes only what it made', () => {
    const { log, make } = counted();
    const lazy = new Lazy(make);
    assert.equal(lazy.existing, undefined);
    assert.equal(log.made, 0);
    const first = lazy.value;
    assert.equal(lazy.value, first);
    assert.equal(lazy.existing, first);
    assert.equal(log.made, 1);
    assert.equal(lazy.disposed, false);
    lazy.dispose();
    assert.equal(log.disposed, 1);
    assert.equal(lazy.disposed, true);
    assert.throws(() => lazy.value, /deactivated/);
    assert.equal(log.made, 1);
  });

  it('a Lazy never used is disposed without being made', () => {
    const { log, make } = counted();
    new Lazy(make).dispose();
    assert.deepEqual(log, { made: 0, disposed: 0 });
  });

  it('soon makes its disposables a turn later, and disposes them with itself', async () => {
    const { log, make } = counted();
    const later = soon(() => [make(), make()]);
    assert.equal(log.made, 0);
    await aTurn();
    assert.equal(log.made, 2);
    later.dispose();
    assert.equal(log.disposed, 2);
  });

  it('soon disposed before its turn makes nothing', async () => {
    const { log, make } = counted();
    soon(() => [make()]).dispose();
    await aTurn();
    assert.deepEqual(log, { made: 0, disposed: 0 });
  });
});
