import { runSuitesIn } from '../integration/index';

/** Suites that run against the installed `.vsix`, not the development folder. */
export function run(): Promise<void> {
  return runSuitesIn(__dirname);
}
