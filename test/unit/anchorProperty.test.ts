import * as assert from 'node:assert/strict';
import { simulate } from '../support/anchorSimulation';

/**
 * Re-anchoring under random edits of every kind (insertions, deletions, replacements,
 * paragraph moves and copies, script conversion of a line, CRLF, BOM) on long repetitive
 * text of our own, with short repeated quotes, and every character's identity tracked.
 * The longer run, with the orphan rate, is `npm run bench anchors`.
 */
describe('re-anchoring: property test with per-character identity tracking', () => {
  it('places no annotation on other words over 10,000 random edits (fixed seed)', function () {
    this.timeout(120_000);
    const r = simulate({ seed: 20261130, articles: 400, editsPerArticle: 25, articleLength: 2000, annotationsPerArticle: 2 });
    assert.ok(r.edits >= 10_000, `only ${r.edits} edits`);
    assert.equal(r.misplaced, 0, `${r.misplaced} of ${r.resolutions} resolutions on other words:\n${r.failures.join('\n')}`);
    // the test would pass by orphaning everything: most annotations must still be placed
    assert.ok(r.placed / r.resolutions > 0.7, `only ${r.placed} of ${r.resolutions} placed`);
    assert.equal(r.needlessOrphans, 0, 'an annotation whose words and context were intact was orphaned');
    console.log(`      ${r.edits} edits, ${r.resolutions} resolutions: ${r.misplaced} misplaced, ${r.orphans} orphaned (${((100 * r.orphans) / r.resolutions).toFixed(1)}%), ${r.indistinguishable} on an exact copy of quote and context`);
  });
});
