import { Analyzer } from '../core/analysis/analyze';
import { detectFigures } from '../core/figures/detect';
import { describeFigure } from '../core/figures/format';
import { findDateline, resolveRelativeDatesInText } from '../core/figures/relativeDates';
import { sidecarPathFor } from '../core/sidecar/model';
import { readSidecarFile } from '../core/sidecar/store';
import { claimToSpan, entityToSpan, figureToSpan, type BenchSpan } from '../core/io/spans';
import { builtinLexicon, type Lexicon } from '../core/entities/lexicon';
import { LEXICON_PATH, LexiconError, parseWorkspaceLexicon } from '../core/entities/workspaceLexicon';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { OffsetIndex, stripBom } from '../core/text/offsets';
import { DEFAULT_MIN_CHECK_WORTHINESS } from '../core/claims/score';
import { maxArticleMb, readArticleText, tooLargeMessage } from './articleInput';
import { jsonlLines } from './jsonlLines';
import { LineIndex } from './lineIndex';

import { terminalSafe } from './safeOutput';
import { UsageError, runFormat, runStats } from './sidecarCommands';
import { runCheck } from './commands/check';
import { runSummary } from './commands/summary';
import { runExportCommand } from './commands/export';
import { runAgree } from './commands/agree';
import { runIndex, type Task } from './commands/corpusIndex';
import { indexArticle, type ArticleIndex } from '../core/corpus/articleIndex';
import { parseJobs, runPoolStream, serveIfWorker, type WorkerSetup } from './pool';
import { REVIEW_USAGE, runReview } from './review';

const USAGE = `usage: gloss <command> [options]

commands:
  index FOLDER [--jobs N] [--out FILE] [--lexicon PATH] [--max-article-mb N]
                                             the corpus index as JSON: per-article counts, entities across the
                                             corpus, failed checks; on N worker threads (default: the cores)
  detect FILE.txt...                         print what the editor marks in each article: salient figures, entities,
                                             and claims at or above the threshold with their score and failed checks
  detect --input-jsonl DOCS.jsonl [--kinds figure,entity,claim] [--lexicon PATH]
                                             read {"id","text"} lines, write {"id","spans"} lines
                                             (code points, end exclusive: the shared benchmark format)
         [--all]                             also the rest: bare numerals (salient: false) and claims below the threshold
         [--min-check-worthiness N]          the claim threshold, 0 to 1 (default ${DEFAULT_MIN_CHECK_WORTHINESS}, as gloss.claims.minCheckWorthiness)
         [--jobs N]                          with --input-jsonl: on N worker threads (output in input order)
         [--max-article-mb N]                refuse an article (a file, or a JSONL line) above N MB
                                             (default: maxArticleMb in .gloss/config.yaml, else 16)
  check [--format text|json|sarif|github] [--changed-since REF] [PATH...]
                                             validate sidecars against the format and their articles, with
                                             review warnings (open failed checks, false without evidence);
                                             exit 1 on a problem, 2 on unusable input
  format [--check] [PATH...]                 rewrite sidecars canonically (re-anchored, sorted); --check only reports
  export --format jsonl|csv|brat|w3c|claimreview|conll|labelstudio [--out DEST] [PATH...]
                                             sidecars in other formats (brat with --out writes .ann and .txt files;
                                             claimreview reads .gloss/config.yaml)
  stats [PATH...]                            counts per kind, status, verdict and article, and orphans
  summary --since REF [--until REV] [PATH...]
                                             Markdown summary of the review work between two revisions
                                             (the later one by default the working tree), for a pull request
  agree A B | agree --rev A --rev B [PATH...] [--json]
                                             inter-annotator agreement of two folders or two revisions:
                                             span F1 per kind (exact, overlap), Cohen's κ on accept/reject
                                             and on verdicts, per article
${REVIEW_USAGE}  help                                       this text

PATH is a sidecar (*.annotations.yaml), an article (*.txt) or a folder (searched); default: .
`;

type Kind = 'figure' | 'entity' | 'claim';
const KNOWN_KINDS: readonly Kind[] = ['figure', 'entity', 'claim'];

export function readText(path: string, maxMb?: number): string {
  return readArticleText(path, maxMb);
}

function parseKinds(args: string[]): Kind[] {
  const i = args.indexOf('--kinds');
  if (i < 0) return ['figure', 'entity', 'claim'];
  const list = (args[i + 1] ?? '').split(',').filter(Boolean);
  for (const k of list) {
    if (!KNOWN_KINDS.includes(k as Kind)) throw new UsageError(`--kinds: unknown kind '${k}' (known: ${KNOWN_KINDS.join(', ')})`);
  }
  if (list.length === 0) throw new UsageError('--kinds needs a comma-separated list');
  return list as Kind[];
}

/** The built-in lexicon, with `.gloss/lexicon.yaml` from the nearest folder above `from` that has one. */
export function lexiconFor(from: string, explicit?: string): Lexicon {
  let path = explicit;
  if (!path) {
    for (let dir = resolve(from); ; dir = dirname(dir)) {
      if (existsSync(join(dir, LEXICON_PATH))) {
        path = join(dir, LEXICON_PATH);
        break;
      }
      if (dirname(dir) === dir) break;
    }
  }
  if (!path) return builtinLexicon();
  try {
    const ws = parseWorkspaceLexicon(readText(path));
    return builtinLexicon().with(ws.entries, ws.ignore, ws.suppress);
  } catch (e) {
    if (e instanceof LexiconError) throw new UsageError(`${path}:${e.line ?? 1}: ${e.message}`);
    throw e;
  }
}

/** What `detect` prints: what the editor marks, or with `all` everything it found, told apart. */
interface DetectOptions {
  all: boolean;
  minCheckWorthiness: number;
}

function parseDetectOptions(args: string[]): DetectOptions {
  const i = args.indexOf('--min-check-worthiness');
  let minCheckWorthiness = DEFAULT_MIN_CHECK_WORTHINESS;
  if (i >= 0) {
    const raw = args[i + 1];
    minCheckWorthiness = Number(raw);
    if (raw === undefined || raw.trim() === '' || !Number.isFinite(minCheckWorthiness) || minCheckWorthiness < 0 || minCheckWorthiness > 1) {
      throw new UsageError(`--min-check-worthiness needs a number from 0 to 1, not '${raw ?? ''}'`);
    }
  }
  return { all: args.includes('--all'), minCheckWorthiness };
}

/** The analysis with every claim candidate (threshold 0), and the threshold to tell marked from not. */
function analyzeAll(analyzer: Analyzer, text: string, options: { date?: string } = {}): ReturnType<Analyzer['analyze']> {
  const saved = analyzer.minCheckWorthiness;
  analyzer.minCheckWorthiness = 0;
  try {
    return analyzer.analyze(text, options);
  } finally {
    analyzer.minCheckWorthiness = saved;
  }
}

function spansOf(text: string, kinds: Kind[], analyzer: Analyzer, options: DetectOptions): BenchSpan[] {
  const index = new OffsetIndex(text);
  const spans: BenchSpan[] = [];
  if (kinds.includes('figure')) {
    for (const f of resolveRelativeDatesInText(text, detectFigures(text), findDateline(text))) {
      if (!f.salient && !options.all) continue;
      const span = figureToSpan(f, index);
      if (options.all) span.salient = f.salient;
      spans.push(span);
    }
  }
  if (kinds.includes('entity') || kinds.includes('claim')) {
    const analysis = analyzeAll(analyzer, text);
    if (kinds.includes('entity')) for (const e of analysis.entities) spans.push(entityToSpan(e, index));
    if (kinds.includes('claim')) {
      for (const c of analysis.claims) if (options.all || c.score >= options.minCheckWorthiness) spans.push(claimToSpan(c, index));
    }
  }
  return spans.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * The documents of a JSONL file, read line by line: memory is bounded by the largest article
 * allowed. A line above it is reported through `tooLarge` and skipped.
 */
function* jsonlDocs(path: string, maxMb: number, tooLarge: (message: string) => void): Generator<{ id: unknown; text: string }> {
  if (!existsSync(path)) throw new UsageError(`${path}: no such file`);
  for (const line of jsonlLines(path, maxMb * 1024 * 1024)) {
    const n = line.n;
    if ('tooLarge' in line) {
      tooLarge(tooLargeMessage(`${path}:${n}: the article`, line.tooLarge, maxMb));
      continue;
    }
    const text = n === 1 ? stripBom(line.text) : line.text;
    if (!text.trim()) continue;
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      throw new UsageError(`${path}:${n}: invalid JSON: ${(e as Error).message}`);
    }
    const d = doc as { id?: unknown; text?: unknown };
    if (typeof d !== 'object' || d === null || typeof d.text !== 'string') {
      throw new UsageError(`${path}:${n}: expected an object with a string "text"`);
    }
    yield { id: d.id ?? String(n - 1), text: d.text };
  }
}

/** Streams the lines. Returns the exit status: 2 when an article was too large and skipped. */
function detectJsonl(path: string, kinds: Kind[], write: (s: string) => void, analyzer: Analyzer, options: DetectOptions, maxMb: number): number {
  let status = 0;
  const tooLarge = (message: string) => {
    process.stderr.write(terminalSafe(`gloss: ${message}; skipped\n`));
    status = 2;
  };
  for (const d of jsonlDocs(path, maxMb, tooLarge)) write(JSON.stringify({ id: d.id, spans: spansOf(d.text, kinds, analyzer, options) }) + '\n');
  return status;
}

/**
 * The same on worker threads, each with its own Analyzer: the lines are read as workers are
 * free (a bounded window, see runPoolStream), never all at once, and written in the input's order.
 */
async function detectJsonlInWorkers(path: string, kinds: Kind[], write: (s: string) => void, options: DetectOptions, jobs: number, setup: WorkerSetup, maxMb: number): Promise<number> {
  let status = 0;
  const tooLarge = (message: string) => {
    process.stderr.write(terminalSafe(`gloss: ${message}; skipped\n`));
    status = 2;
  };
  function* tasks(): Generator<Task> {
    for (const d of jsonlDocs(path, maxMb, tooLarge)) yield { kind: 'spans', id: d.id, text: d.text, kinds, ...options };
  }
  await runPoolStream(tasks(), jobs, setup, workerHandler, (line) => write(line as string));
  return status;
}

/**
 * The index entries of a batch of articles, analysed a group at a time (analyzeEach: their
 * paragraphs in one batch) as they are read, so that no more than a group's text is held. An
 * article that cannot be read fails the batch as it did read one by one: after the articles
 * before it, whose analysis may fail first.
 */
function indexArticles(analyzer: Analyzer, paths: readonly string[], maxMb: number): ArticleIndex[] {
  function* texts() {
    for (const path of paths) yield readText(path, maxMb);
  }
  return Array.from(analyzer.analyzeEach(texts()), indexArticle);
}

/** What a worker does with a task (also run in this thread with --jobs 1). */
function workerHandler(setup: WorkerSetup): (task: unknown) => unknown {
  // (each article is analysed once: only paragraphs that repeat are worth keeping)
  const analyzer = new Analyzer(lexiconFor(setup.lexiconFrom, setup.lexiconPath), undefined, { repeatsOnly: true });
  return (raw) => {
    const task = raw as Task;
    if (task.kind === 'index') return indexArticles(analyzer, task.paths, task.maxMb);
    return JSON.stringify({ id: task.id, spans: spansOf(task.text, task.kinds as Kind[], analyzer, task) }) + '\n';
  };
}

function detectTable(paths: string[], write: (s: string) => void, analyzer: Analyzer, options: DetectOptions, maxMb: number): void {
  for (const path of paths) {
    const text = readText(path, maxMb);
    // the article's date from its sidecar, if it has one that sets it (relative dates are read against it)
    const side = readSidecarFile(sidecarPathFor(path));
    const date = side.state === 'ok' ? side.loaded.sidecar.date : undefined;
    const every = analyzeAll(analyzer, text, date !== undefined ? { date } : {});
    const claims = every.claims.filter((c) => options.all || c.score >= options.minCheckWorthiness);
    const analysis = { ...every, claims };
    const index = new OffsetIndex(text);
    const lineIndex = new LineIndex(text);
    write(`${path}\n`);
    for (const f of analysis.figures) {
      if (!f.salient && !options.all) continue;
      const start = index.toCodePoint(f.start);
      const line = lineIndex.lineOf(f.start);
      const unmarked = f.salient ? '' : ' (not salient: unmarked)';
      write(`  ${String(line).padStart(4)}:${String(start).padEnd(6)} ${f.type.padEnd(9)} ${f.text.padEnd(14)} ${describeFigure(f)}${unmarked}\n`);
    }
    for (const e of analysis.entities) {
      const line = lineIndex.lineOf(e.start);
      write(`  ${String(line).padStart(4)}:${String(index.toCodePoint(e.start)).padEnd(6)} ${e.type.padEnd(9)} ${e.text.padEnd(14)} → ${e.canonical} (${e.source})\n`);
    }
    for (const c of analysis.claims) {
      const line = lineIndex.lineOf(c.start);
      const who = c.source ? ` — ${c.source.kind === 'document' ? `document: ${c.source.document}` : c.source.canonical ?? c.source.text}` : '';
      const unmarked = c.score >= options.minCheckWorthiness ? '' : ' (below threshold: unmarked)';
      write(`  ${String(line).padStart(4)}:${String(index.toCodePoint(c.start)).padEnd(6)} claim     ${c.type.padEnd(9)} score ${c.score.toFixed(2)}${unmarked}${who}: ${c.text.length > 40 ? `${c.text.slice(0, 40)}…` : c.text}\n`);
      for (const k of c.checks) write(`         ${k.verdict === 'does not hold' ? '✖' : k.verdict === 'holds' ? '✔' : '?'} ${k.kind}: ${k.working}${k.assumption ? ` (assumed: ${k.assumption})` : ''}\n`);
    }
    const marked = claims.filter((c) => c.score >= options.minCheckWorthiness);
    const failed = marked.flatMap((c) => c.checks).filter((k) => k.verdict === 'does not hold').length;
    const rest = options.all ? ` (and ${every.figures.filter((f) => !f.salient).length} unmarked figures, ${claims.length - marked.length} claims below ${options.minCheckWorthiness})` : '';
    write(`  ${analysis.figures.filter((f) => f.salient).length} figures, ${analysis.entities.length} entities, ${marked.length} claims at or above ${options.minCheckWorthiness}, ${failed} failed arithmetic check${failed === 1 ? '' : 's'}${rest}\n`);
  }
}

/** The exit status; a promise of it for the commands that run on worker threads (index, detect --jobs). */
export function main(argv: string[], writeRaw: (s: string) => void = (s) => process.stdout.write(s)): number | Promise<number> {
  const [command, ...rest] = argv;
  // everything printed may quote hostile files: nothing in it may act on the terminal
  const write = (s: string) => writeRaw(terminalSafe(s));
  try {
    switch (command) {
      case 'detect': {
        const kinds = parseKinds(rest);
        const options = parseDetectOptions(rest);
        const lexiconArg = rest.indexOf('--lexicon');
        const lexiconPath = lexiconArg >= 0 ? rest[lexiconArg + 1] : undefined;
        const jobsArg = rest.indexOf('--jobs');
        const jobs = jobsArg >= 0 ? parseJobs(rest[jobsArg + 1]) : 1;
        const maxArg = rest.indexOf('--max-article-mb');
        const maxMb = maxArticleMb(maxArg >= 0 ? (rest[maxArg + 1] ?? '') : undefined);
        const jsonl = rest.indexOf('--input-jsonl');
        if (jsonl >= 0) {
          const path = rest[jsonl + 1];
          if (!path) throw new UsageError('--input-jsonl needs a file');
          if (jobs > 1) return detectJsonlInWorkers(path, kinds, write, options, jobs, { lexiconFrom: '.', lexiconPath }, maxMb).catch(usageStatus);
          return detectJsonl(path, kinds, write, new Analyzer(lexiconFor('.', lexiconPath), undefined, { repeatsOnly: true }), options, maxMb);
        }
        const analyzer = new Analyzer(lexiconFor('.', lexiconPath));
        const valued = new Set(['--kinds', '--lexicon', '--min-check-worthiness', '--input-jsonl', '--max-article-mb', '--jobs']);
        const files = rest.filter((a, i) => !a.startsWith('--') && !valued.has(rest[i - 1] ?? ''));
        if (files.length === 0) throw new UsageError('detect needs at least one file');
        detectTable(files, write, analyzer, options, maxMb);
        return 0;
      }
      case 'index':
        return runIndex(rest, write, workerHandler).catch(usageStatus);
      case 'check':
        return runCheck(rest, write);
      case 'format':
        return runFormat(rest, write);
      case 'export':
        return runExportCommand(rest, write);
      case 'stats':
        return runStats(rest, write);
      case 'summary':
        return runSummary(rest, write);
      case 'agree':
        return runAgree(rest, write);
      case 'review':
        return runReview(rest, write, { readText, lexiconFor });
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        write(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command '${command}'\n${USAGE}`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(terminalSafe(`gloss: ${e.message}\n`));
      return 2;
    }
    throw e;
  }
}

function usageStatus(e: unknown): number {
  if (!(e instanceof UsageError)) throw e;
  process.stderr.write(terminalSafe(`gloss: ${e.message}\n`));
  return 2;
}

// the bundle is also the worker that runPool starts
const isWorker = serveIfWorker(workerHandler);

if (require.main === module && !isWorker) {
  // `gloss detect … | head` closes the pipe early; that is not an error
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  void Promise.resolve(main(process.argv.slice(2))).then((status) => {
    process.exitCode = status;
  });
}
