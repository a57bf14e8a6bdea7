import * as assert from 'node:assert/strict';
import { Analyzer } from '../../src/core/analysis/analyze';
import { describeRelative } from '../../src/core/analysis/articleLevel';
import { placeFindings, placedAsIs, placedAt } from '../../src/core/analysis/placed';
import { detectClaims } from '../../src/core/claims/detect';
import { detectEntities } from '../../src/core/entities/detect';
import { builtinLexicon } from '../../src/core/entities/lexicon';
import { detectFigures } from '../../src/core/figures/detect';
import { toSimplifiedView } from '../../src/core/script/normalize';

const PARAGRAPH = '據晨光財經報道，星河雲的收入從2021年的100億元增長到2022年的120億元，增長了20%。陳立峰表示，阿里雲的收入增長了18%。';

/** A paragraph's findings as the paragraph cache makes them (paragraph offsets), with claims (and a check) holding figures and a mention of no list, one of each in two claims. */
function relative() {
  const lexicon = builtinLexicon();
  const simplified = toSimplifiedView(PARAGRAPH).text;
  const figures = detectFigures(PARAGRAPH);
  const entities = detectEntities(PARAGRAPH, lexicon, { simplified });
  const claims = detectClaims({ text: PARAGRAPH, simplified, figures, entities, lexicon });
  assert.ok(claims.length >= 2 && claims.some((c) => c.checks.length > 0) && entities.length > 0, 'the paragraph has claims, a check and entities');
  const figure = { ...figures[0]!, numeralEnd: figures[0]!.end };
  const mention = { ...entities[0]! };
  claims[0]!.figures.push(figure);
  claims[0]!.entities.push(mention);
  claims[1]!.figures.push(figure);
  claims[1]!.entities.push(mention);
  const checked = claims.find((c) => c.checks.length > 0)!;
  checked.checks[0] = { ...checked.checks[0]!, stated: { ...checked.checks[0]!.stated }, from: [...checked.checks[0]!.from, figure] };
  return describeRelative(figures, entities, claims, simplified, true);
}

const data = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;

describe('findings placed where their paragraph was analysed', () => {
  it('moves every finding a copy would move, each object once, and leaves its article nothing to copy', () => {
    const start = 137;
    // the plain reference: copies of findings in the paragraph's own offsets
    const reference = placedAt(relative(), start);
    const rel = relative();
    placeFindings(rel, start);
    const asIs = placedAsIs(rel);
    assert.equal(asIs.start, start);
    assert.equal(asIs.figures, rel.figures);
    assert.deepEqual(data({ f: asIs.figures, e: asIs.entities, c: asIs.claims }), data({ f: reference.figures, e: reference.entities, c: reference.claims }));
    // and a copy of them elsewhere is what a copy of the paragraph's own would be
    const elsewhere = placedAt(rel, 40);
    const plain = placedAt(relative(), 40);
    assert.deepEqual(data({ f: elsewhere.figures, e: elsewhere.entities, c: elsewhere.claims }), data({ f: plain.figures, e: plain.entities, c: plain.claims }));
  });

  it('lends the paragraph cache\'s findings to analyses without a document only: an edit of a document moves its own copies', () => {
    const text = `${PARAGRAPH}\n星河雲的負責人陳立峰表示，明年的收入將增長三成。\n${PARAGRAPH.slice(8)}`;
    const analyzer = new Analyzer();
    const first = analyzer.analyze(text);
    const snapshot = JSON.stringify(data(first));
    analyzer.analyze(text, { document: 'a.txt' });
    const edited = analyzer.analyze(`插入的一句話。${text}`, { document: 'a.txt' });
    assert.deepEqual(data(edited), data(new Analyzer().analyze(`插入的一句話。${text}`)));
    assert.equal(JSON.stringify(data(analyzer.analyze(text))), snapshot);
    assert.equal(JSON.stringify(data(first)), snapshot);
  });
});
