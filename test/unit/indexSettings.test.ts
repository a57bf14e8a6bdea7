import * as assert from 'node:assert/strict';
import { queueSettingsKey, settingsInResults } from '../../src/extension/indexSettings';

describe("the corpus index cache's settings (indexSettings.ts)", () => {
  const settings = {
    articles: ['**/*.txt'],
    codeLens: { enabled: true, allParagraphs: false },
    claims: { minCheckWorthiness: 0.5 },
    index: { threads: null },
    problems: 'all',
    review: { figures: 'failed', entities: 'once', order: 'document' },
    walkthrough: { openOnStartup: true },
    uiLanguage: 'auto',
  };

  it('leaves out the settings that only change how Gloss shows things or builds the index, and keeps every other', () => {
    assert.deepEqual(settingsInResults(settings), {
      articles: ['**/*.txt'],
      codeLens: {},
      claims: { minCheckWorthiness: 0.5 },
      index: {},
      review: { figures: 'failed', entities: 'once', order: 'document' },
      walkthrough: {},
      uiLanguage: 'auto',
    });
  });

  it('gives the same value when only those change, and another when a setting that shapes results changes', () => {
    const fingerprint = (s: unknown) => JSON.stringify(settingsInResults(s));
    const lensesOff = { ...settings, codeLens: { enabled: false, allParagraphs: true }, index: { threads: 2 }, problems: 'none', walkthrough: { openOnStartup: false } };
    assert.equal(fingerprint(lensesOff), fingerprint(settings));
    assert.notEqual(fingerprint({ ...settings, claims: { minCheckWorthiness: 0.7 } }), fingerprint(settings));
    assert.notEqual(fingerprint({ ...settings, review: { ...settings.review, figures: 'all' } }), fingerprint(settings));
  });

  it('does not change the settings it is given, and takes settings without those sections', () => {
    const before = JSON.stringify(settings);
    settingsInResults(settings);
    assert.equal(JSON.stringify(settings), before);
    assert.deepEqual(settingsInResults({ claims: { minCheckWorthiness: 0.4 } }), { claims: { minCheckWorthiness: 0.4 } });
    assert.deepEqual(settingsInResults({ codeLens: 'odd' }), { codeLens: 'odd' });
    assert.deepEqual(settingsInResults(undefined), {});
  });
});

describe("an article's key in the corpus index cache (queueSettingsKey)", () => {
  type Review = Parameters<typeof queueSettingsKey>[0] & { problems: string; allParagraphLenses: boolean };
  const review: Review = { minCheckWorthiness: 0.5, order: 'document', figures: 'withClaim', entities: 'uncertain', problems: 'attention', allParagraphLenses: false };

  it('holds which items the queue holds, and not their order nor how the lenses and the Problems panel show them', () => {
    assert.equal(queueSettingsKey({ ...review, problems: 'none', allParagraphLenses: true, order: 'checkWorthiness' } as Review), queueSettingsKey(review));
    for (const changed of [{ minCheckWorthiness: 0.4 }, { figures: 'all' }, { entities: 'all' }]) {
      assert.notEqual(queueSettingsKey({ ...review, ...changed } as Review), queueSettingsKey(review), JSON.stringify(changed));
    }
  });
});
