import * as vscode from 'vscode';
import { t } from './l10n';
import { Lazy } from './lazy';

export interface BackgroundJob {
  /** What the job does, as logged ("rebuilding the workspace index"). */
  name: string;
  /** What it works on (URIs, for index updates). */
  subjects: string[];
  outcome: 'running' | 'done' | 'failed';
  error?: string;
}

const KEEP_JOBS = 100;
const KEEP_LINES = 200;

/**
 * Work Gloss starts without awaiting it (the workspace index, mostly). A failure is never
 * left as an unhandled rejection: it is logged to the "Gloss" output channel, and the job's
 * owner resets itself so that the next call tries again (see CorpusIndex). The last jobs and
 * log lines are kept for the integration tests.
 */
export class Background implements vscode.Disposable {
  private readonly channel = new Lazy(() => vscode.window.createOutputChannel('Gloss'));
  readonly jobs: BackgroundJob[] = [];
  readonly lines: string[] = [];

  log(line: string): void {
    this.channel.value.appendLine(line);
    this.lines.push(line);
    if (this.lines.length > KEEP_LINES) this.lines.splice(0, this.lines.length - KEEP_LINES);
  }

  /** Runs `work` in the background; never rejects. */
  run(name: string, subjects: string[], work: () => Promise<unknown>): Promise<void> {
    const job: BackgroundJob = { name, subjects, outcome: 'running' };
    this.jobs.push(job);
    if (this.jobs.length > KEEP_JOBS) this.jobs.splice(0, this.jobs.length - KEEP_JOBS);
    let running: Promise<unknown>;
    try {
      running = Promise.resolve(work());
    } catch (e) {
      running = Promise.reject(e);
    }
    return running.then(
      () => {
        job.outcome = 'done';
      },
      (e: unknown) => {
        job.outcome = 'failed';
        job.error = e instanceof Error ? e.message : String(e);
        this.log(`[${new Date().toISOString()}] ${t('{0} failed; Gloss tries again on the next change.', name)}`);
        this.log(e instanceof Error ? (e.stack ?? e.message) : String(e));
      },
    );
  }

  dispose(): void {
    this.channel.dispose();
  }
}
