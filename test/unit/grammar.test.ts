import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectFigures } from '../../src/core/figures/detect';
import { CURRENCIES } from '../../src/core/figures/currencies';

// The TextMate grammar colours an article before its analysis is done; what it colours as a
// figure should be what the analysis then underlines, never a part of it nor a name.
const grammar = JSON.parse(readFileSync(join(__dirname, '../../../syntaxes/article.tmLanguage.json'), 'utf8')) as {
  repository: Record<string, { match?: string }>;
};
const figurePattern = new RegExp(grammar.repository.figure!.match!, 'g');
const coloured = (text: string) => [...text.matchAll(figurePattern)].map((m) => m[0]);
const datePattern = new RegExp(grammar.repository.date!.match!, 'g');
const colouredDates = (text: string) => [...text.matchAll(datePattern)].map((m) => m[0]);

describe('the grammar colours figures as the detector reads them', () => {
  it('colours an amount with each currency name the detector knows, whole (8億美金, not 8億)', () => {
    const missed: string[] = [];
    for (const [names] of CURRENCIES) {
      for (const name of names) {
        const text = `营收为5億${name}，`;
        const found = detectFigures(text).find((f) => f.type === 'money');
        if (found?.text === `5億${name}` && !coloured(text).includes(found.text)) missed.push(found.text);
      }
    }
    assert.deepEqual(missed, []);
  });

  it('does not colour numerals inside a name (零一萬物), nor start inside a run of numerals', () => {
    assert.deepEqual(coloured('五小龍是智譜、百川和零一萬物。'), []);
    assert.deepEqual(coloured('投入3800亿元，三十多年，增长18%，很快做到一億美金。'), ['3800亿元', '三十多', '18%', '一億美金']);
  });

  it('colours dates with no year, quarters and ranges as the detector reads them, and not a count of quarters', () => {
    const text = '二季度营收增长，前三季度盈利，3-5月销量回升，5月17-20日举办展会，2023年3-5月，2023年5月17—20日，1—11月。每一季度都增长，前一季度亏损，连续三季度盈利，一季度一次分红。';
    const dates = detectFigures(text).filter((f) => f.type === 'date').map((f) => f.text);
    assert.deepEqual(dates, ['二季度', '前三季度', '3-5月', '5月17-20日', '2023年3-5月', '2023年5月17—20日', '1—11月']);
    assert.deepEqual(colouredDates(text), dates);
  });
});
