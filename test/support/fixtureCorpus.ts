import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The fixture articles (test/fixtures/corpus, our own text), in name order. */
export const FIXTURE_CORPUS = join(__dirname, '../../../test/fixtures/corpus');

/** The fixture articles joined into one text, one line between them: a long article of our own. */
export function fixtureCorpusArticle(): string {
  return readdirSync(FIXTURE_CORPUS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(FIXTURE_CORPUS, f), 'utf8'))
    .join('\n');
}
