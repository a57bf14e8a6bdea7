/**
 * A lock file beside a file, so that writers in different processes (two windows, the
 * extension and `gloss format`) take turns between reading the file and renaming over it.
 * Created with O_EXCL; a lock whose process is gone, or that is older than any write could
 * take, is stale and broken. Waiting is synchronous (the store's API is), in short sleeps.
 */
import { hostname } from 'node:os';
import { openSync, closeSync, writeSync, readFileSync, statSync, unlinkSync } from 'node:fs';

/** A lock older than this is stale whatever its owner: a write takes milliseconds. */
export const STALE_LOCK_MS = 30_000;
/** How long a writer waits for the lock before giving up. */
export const LOCK_WAIT_MS = 60_000;

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleep(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

export class LockTimeout extends Error {}

export function lockPathFor(path: string): string {
  return `${path}.lock`;
}

function ownerAlive(content: string): boolean {
  const [pid, host] = content.split(' ');
  if (host !== hostname() || !pid || !/^\d+$/.test(pid)) return true;
  try {
    process.kill(Number(pid), 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function tryBreakStale(lock: string): void {
  let content: string;
  let age: number;
  try {
    content = readFileSync(lock, 'utf8');
    age = Date.now() - statSync(lock).mtimeMs;
  } catch {
    return; // released meanwhile
  }
  // a lock just created may not have its content yet: give it time before judging its owner
  const stale = age > STALE_LOCK_MS || (age > 1000 && content !== '' && !ownerAlive(content));
  if (!stale) return;
  try {
    // break it only if it is still the same lock
    if (readFileSync(lock, 'utf8') === content) unlinkSync(lock);
  } catch {
    /* someone else broke or released it */
  }
}

/** Takes the lock if it is free (O_EXCL), writing who holds it; false when another writer has it. */
function tryAcquire(lock: string): boolean {
  let fd: number;
  try {
    fd = openSync(lock, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    return false;
  }
  try {
    writeSync(fd, `${process.pid} ${hostname()} ${Date.now()}`);
  } finally {
    closeSync(fd);
  }
  return true;
}

function release(lock: string): void {
  try {
    unlinkSync(lock);
  } catch {
    /* broken as stale by someone else: nothing to release */
  }
}

function timedOut(path: string, lock: string): LockTimeout {
  return new LockTimeout(`${path} is locked by another writer (${lock}); try again, or delete the lock file if no Gloss is running`);
}

/**
 * How long to wait after each failed attempt to take `lock`: jittered and growing, so that two
 * writers do not wake in step. A stale lock is broken on the way; after `waitMs`, it throws.
 */
function* waitsForLock(path: string, lock: string, waitMs: number): Generator<number, never> {
  const deadline = Date.now() + waitMs;
  for (let pause = 2; ; pause = Math.min(50, pause * 2)) {
    if (Date.now() > deadline) throw timedOut(path, lock);
    tryBreakStale(lock);
    yield pause + Math.random() * pause;
  }
}

/** Runs `fn` holding the lock of `path`. */
export function withFileLock<T>(path: string, fn: () => T, waitMs = LOCK_WAIT_MS): T {
  const lock = lockPathFor(path);
  const waits = waitsForLock(path, lock, waitMs);
  for (;;) {
    if (tryAcquire(lock)) {
      try {
        return fn();
      } finally {
        release(lock);
      }
    }
    sleep(waits.next().value);
  }
}

/** The same for asynchronous work: waiting for the lock does not block the thread. */
export async function withFileLockAsync<T>(path: string, fn: () => Promise<T>, waitMs = LOCK_WAIT_MS): Promise<T> {
  const lock = lockPathFor(path);
  const waits = waitsForLock(path, lock, waitMs);
  for (;;) {
    if (tryAcquire(lock)) {
      try {
        return await fn();
      } finally {
        release(lock);
      }
    }
    const wait = waits.next().value;
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}
