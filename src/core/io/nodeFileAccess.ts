/**
 * FileAccess over node's fs, for the CLI and the unit tests: the sidecar's lock file between
 * writers (lock.ts) and an atomic write (a temporary file in the same folder, then a rename,
 * keeping the file's mode), as the synchronous store does.
 */
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { withFileLockAsync } from '../sidecar/lock';
import { writeAtomic } from '../sidecar/store';
import type { FileAccess } from './fileAccess';

const missing = (e: unknown) => (e as NodeJS.ErrnoException).code === 'ENOENT';

export const nodeFileAccess: FileAccess = {
  async size(path) {
    try {
      return statSync(path).size;
    } catch (e) {
      if (missing(e)) return undefined;
      throw e;
    }
  },
  async read(path) {
    try {
      return readFileSync(path, 'utf8');
    } catch (e) {
      if (missing(e)) return undefined;
      throw e;
    }
  },
  async writeAtomic(path, text) {
    mkdirSync(dirname(path), { recursive: true });
    writeAtomic(path, text);
  },
  exclusive(path, fn) {
    // the lock file goes beside the file: its folder must exist first
    mkdirSync(dirname(path), { recursive: true });
    return withFileLockAsync(path, fn);
  },
};
