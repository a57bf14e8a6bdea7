/**
 * A worker thread of the workspace index (bundled as dist/indexWorker.js): analyses the
 * articles the extension hands it, one at a time, with the lexicon it was started with, and
 * answers with their index entries. It never imports vscode.
 */
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { Analyzer } from '../core/analysis/analyze';
import { workspaceEntry } from '../core/corpus/workspaceEntry';
import { builtinLexicon } from '../core/entities/lexicon';
import { setNerModelPath } from '../core/entities/ner';
import { parseWorkspaceLexicon } from '../core/entities/workspaceLexicon';
import type { IndexReply, IndexTask, IndexWorkerSetup } from './indexWorkerProtocol';

const setup = workerData as IndexWorkerSetup;
// the tagger's model beside the bundle, as the extension's own analyses read it
setNerModelPath(join(__dirname, 'ner.json'));
const lexicon = (() => {
  const builtin = builtinLexicon();
  if (setup.lexiconSource === undefined) return builtin;
  const workspace = parseWorkspaceLexicon(setup.lexiconSource);
  return builtin.with(workspace.entries, workspace.ignore, workspace.suppress);
})();
// (each article is analysed once: only paragraphs that repeat across articles are worth keeping)
const analyzer = new Analyzer(lexicon, undefined, { repeatsOnly: true });

parentPort!.on('message', (task: IndexTask) => {
  let reply: IndexReply;
  try {
    analyzer.minCheckWorthiness = task.minCheckWorthiness;
    reply = { id: task.id, entry: workspaceEntry(task.text, analyzer.analyze(task.text), task.review) };
  } catch (e) {
    reply = { id: task.id, error: e instanceof Error ? e.message : String(e), ...(e instanceof Error && e.stack ? { stack: e.stack } : {}) };
  }
  parentPort!.postMessage(reply);
});
