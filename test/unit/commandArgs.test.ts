import * as assert from 'node:assert/strict';
import { COMMAND_ARGS, type ArgEnv } from '../../src/extension/commandArgs';

const OPEN = 'file:///work/articles/a.txt';
const env: ArgEnv = { uriAllowed: (u) => u === OPEN || String(u) === OPEN, exportPathAllowed: (p) => p.startsWith('/work/') };

/** Arguments a hover link, a command URI or another extension could pass. */
const HOSTILE: unknown[][] = [
  [{ uri: OPEN, offset: -1 }],
  [{ uri: OPEN, offset: 1.5 }],
  [{ uri: OPEN, offset: '3' }],
  [{ uri: OPEN, kind: 'company' }],
  [{ uri: 'file:///etc/passwd', offset: 1 }],
  [{ uri: 'http://evil.example/x', offset: 1 }],
  [{ uri: OPEN, offset: 1, __proto__x: 1 }],
  [{ uri: OPEN }, { uri: OPEN }],
  ['not an object'],
  [42],
];

describe('command arguments are checked before a command runs', () => {
  it('every command refuses arguments it does not take', () => {
    for (const [id, check] of Object.entries(COMMAND_ARGS)) {
      for (const args of HOSTILE) {
        if (id === 'gloss.revealParagraph' || id === 'gloss.showMentions') continue;
        assert.ok(check(args, env), `${id} accepted ${JSON.stringify(args)}`);
      }
    }
  });

  it('each field is checked: type, verdict, note, evidence, canonical, range, export path', () => {
    const bad: Array<[keyof typeof COMMAND_ARGS, unknown]> = [
      ['gloss.teachEntity', { uri: OPEN, type: 'company' }],
      ['gloss.annotateSelection', { uri: OPEN, start: 4, end: 2, kind: 'entity', type: 'org' }],
      ['gloss.annotateSelection', { uri: OPEN, start: 0, end: 2, kind: 'entity', type: 'company' }],
      ['gloss.setVerdict', { uri: OPEN, offset: 0, verdict: 'true' }],
      ['gloss.addNote', { uri: OPEN, offset: 0, note: 42 }],
      ['gloss.addNote', { uri: OPEN, offset: 0, note: 'x\u001b]0;pwned\u0007' }],
      ['gloss.addNote', { uri: OPEN, offset: 0, note: 'half \uD800 a pair' }],
      ['gloss.addNote', { uri: OPEN, offset: 0, note: '长'.repeat(10_001) }],
      ['gloss.addEvidence', { uri: OPEN, offset: 0, evidence: 'javascript:alert(1)' }],
      ['gloss.addEvidence', { uri: OPEN, offset: 0, evidence: 'command:gloss.export' }],
      ['gloss.teachEntity', { uri: OPEN, type: 'org', canonical: '阿里\n云' }],
      ['gloss.export', { uri: OPEN, format: 'csv', out: '/etc/cron.d/x' }],
      ['gloss.export', { uri: OPEN, format: 'xlsx' }],
      ['gloss.setArticleDate', { uri: OPEN, date: '2024-02-30' }],
      ['gloss.setArticleDate', { uri: OPEN, date: '2024-6-1' }],
      ['gloss.setArticleDate', { uri: OPEN, date: 20240601 }],
      ['gloss.setArticleDate', { uri: OPEN, offset: 0 }],
      ['gloss.showMentions', 'org)](command:gloss.export'],
      ['gloss.showMentions', { id: 'org:x' }],
      ['gloss.revealParagraph', -3],
      ['gloss.toggleLenses', true],
      ['gloss.corpusTree', {}],
      ['gloss.undoRejectEverywhere', { uri: OPEN, names: [] }],
      ['gloss.undoRejectEverywhere', { uri: OPEN, names: ['阿里\n巴巴'] }],
      ['gloss.undoRejectEverywhere', { uri: OPEN, names: '阿里' }],
      ['gloss.reattachOrphan', { uri: OPEN, id: 'c-1](command:gloss.export)' }],
      ['gloss.reattachOrphan', { uri: OPEN, id: 'c-1', start: 9, end: 3 }],
      ['gloss.rejectEverywhere', { uri: OPEN, offset: 0, names: ['x'] }],
    ];
    const badPairs: Array<[keyof typeof COMMAND_ARGS, unknown[]]> = [
      ['gloss.openLocation', ['file:///etc/passwd', 0]],
      ['gloss.openLocation', ['command:gloss.export', 0]],
      ['gloss.openLocation', [OPEN, -1]],
      ['gloss.openLocation', [OPEN, '7']],
      ['gloss.openLocation', [OPEN]],
    ];
    for (const [id, args] of badPairs) assert.ok(COMMAND_ARGS[id](args, env), `${id} accepted ${JSON.stringify(args)}`);
    for (const [id, arg] of bad) assert.ok(COMMAND_ARGS[id]([arg], env), `${id} accepted ${JSON.stringify(arg)}`);
  });

  it('what hovers, the palette and the tests pass is accepted', () => {
    const good: Array<[keyof typeof COMMAND_ARGS, unknown[]]> = [
      ['gloss.accept', []],
      ['gloss.accept', [{ uri: OPEN, offset: 12, kind: 'figure' }]],
      ['gloss.setVerdict', [{ uri: OPEN, offset: 0, kind: 'claim', verdict: 'supported' }]],
      ['gloss.addNote', [{ uri: OPEN, offset: 0, note: '与财报一致\n第二行' }]],
      ['gloss.addEvidence', [{ uri: OPEN, offset: 0, evidence: 'https://example.com/filing' }]],
      ['gloss.addEvidence', [{ uri: OPEN, offset: 0, evidence: 'other.txt#c-1' }]],
      ['gloss.teachEntity', [{ uri: OPEN, offset: 3, kind: 'entity', type: 'org', canonical: '星河科技' }]],
      ['gloss.annotateSelection', [{ uri: OPEN, start: 0, end: 4, kind: 'entity', type: 'org' }]],
      ['gloss.showMentions', ['org:阿里云']],
      ['gloss.showSummary', [OPEN]],
      // a vscode.Uri is an object, but a URI: not a target with unknown fields
      ['gloss.copyAsSimplified', [{ scheme: 'file', authority: '', path: '/work/articles/a.txt', query: '', fragment: '', toString: () => OPEN }]],
      ['gloss.export', [{ uri: OPEN, format: 'csv', out: '/work/out.csv' }]],
      ['gloss.setArticleDate', [{ uri: OPEN, date: '2024-02-29' }]],
      ['gloss.setArticleDate', [{ uri: OPEN, date: '' }]],
      ['gloss.setArticleDate', [OPEN]],
      ['gloss.revealParagraph', [3]],
      ['gloss.toggleLenses', []],
      ['gloss.openLocation', [OPEN, 7]],
      ['gloss.corpusTree', []],
      ['gloss.showQueue', [{ uri: OPEN }]],
      ['gloss.rejectEverywhere', [{ uri: OPEN, offset: 3, kind: 'entity' }]],
      ['gloss.undoRejectEverywhere', [{ uri: OPEN, names: ['阿里巴巴', '阿里'] }]],
      ['gloss.reattachOrphan', [{ uri: OPEN, id: 'c-1a2b3c' }]],
      ['gloss.reattachOrphan', [{ uri: OPEN, id: 'c-1a2b3c', start: 3, end: 9 }]],
    ];
    for (const [id, args] of good) assert.equal(COMMAND_ARGS[id](args, env), undefined, `${id} refused ${JSON.stringify(args)}`);
  });
});
