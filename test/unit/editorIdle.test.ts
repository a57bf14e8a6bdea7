import * as assert from 'node:assert/strict';
import { editorIdle, type EditorAnalyses } from '../../src/extension/editorIdle';

/** Analyses of named documents, each completed only when the test says so. */
function fakeAnalyses(done: Set<string>) {
  const log: string[] = [];
  const waiting = new Map<string, () => void>();
  const analyses: EditorAnalyses<string> = {
    latest: (d) => (done.has(d) ? { d } : undefined),
    analysed: (d) => {
      log.push(`analyse ${d}`);
      return done.has(d) ? Promise.resolve({ d }) : new Promise((resolve) => waiting.set(d, () => (done.add(d), resolve({ d }))));
    },
    idle: async () => {
      log.push('idle');
    },
  };
  return { analyses, log, finish: (d: string) => waiting.get(d)?.() };
}

describe('editorIdle: background work waits for the articles on screen', () => {
  it("analyses an article on screen that has no analysis yet before it lets the index go on", async () => {
    const { analyses, log, finish } = fakeAnalyses(new Set());
    let resolved = false;
    const idle = editorIdle(() => ['a.txt'], analyses).then(() => (resolved = true));
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(log, ['analyse a.txt']);
    assert.equal(resolved, false, 'the index went on before the article on screen was analysed');
    finish('a.txt');
    await idle;
    assert.deepEqual(log, ['analyse a.txt', 'idle']);
  });

  it('forces no analysis of an article that has one (typing keeps its debounce)', async () => {
    const { analyses, log } = fakeAnalyses(new Set(['a.txt']));
    await editorIdle(() => ['a.txt'], analyses);
    assert.deepEqual(log, ['idle']);
  });

  it('lets the index go on when the analysis of an article on screen fails', async () => {
    const { analyses, log } = fakeAnalyses(new Set());
    analyses.analysed = async (d) => {
      log.push(`analyse ${d}`);
      throw new Error('the analysis failed');
    };
    await editorIdle(() => ['a.txt', 'b.txt'], analyses);
    assert.deepEqual(log, ['analyse a.txt', 'analyse b.txt', 'idle']);
  });
});
