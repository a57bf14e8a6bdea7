/**
 * Scratch fixtures for the "finding your way" suites (uiLanguage, symbols, rough edges): each
 * test copies its own articles from test/fixtures/ux (see helpers.ts: scratchArticlesFrom)
 * and removes them afterwards.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { scratchArticlesFrom, type ScratchArticles } from './helpers';

const UX_FIXTURES = join(__dirname, '../../../test/fixtures/ux');

export interface Scratch extends ScratchArticles {
  dispose(): void;
}

/** Fresh copies of test/fixtures/ux articles in a folder of their own, with unique names. */
export async function uxArticles(...fixtures: string[]): Promise<Scratch> {
  const scratch = await scratchArticlesFrom(UX_FIXTURES, ...fixtures);
  const dispose = () => rmSync(scratch.dir, { recursive: true, force: true });
  return { ...scratch, dispose };
}
