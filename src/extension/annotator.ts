import * as vscode from 'vscode';
import { execFile } from 'node:child_process';
import { dirname } from 'node:path';
import { cleanAnnotator } from '../core/review/decisions';

/**
 * The annotator recorded as `by:` on decisions: the `gloss.annotator` setting, else
 * `git config user.email` where the article lives (asked once per folder, as a child
 * process without a shell), else nobody.
 */
export class AnnotatorService implements vscode.Disposable {
  private readonly emails = new Map<string, Promise<string | undefined>>();
  private readonly listener = vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('gloss.annotator')) this.emails.clear();
  });

  async annotatorFor(article: vscode.Uri): Promise<string | undefined> {
    const set = cleanAnnotator(vscode.workspace.getConfiguration('gloss', article).get<string>('annotator'));
    if (set) return set;
    if (article.scheme !== 'file') return undefined;
    const folder = dirname(article.fsPath);
    let email = this.emails.get(folder);
    if (!email) {
      email = new Promise((resolve) => {
        execFile('git', ['config', 'user.email'], { cwd: folder, timeout: 5000, windowsHide: true }, (err, stdout) => resolve(err ? undefined : cleanAnnotator(stdout)));
      });
      this.emails.set(folder, email);
    }
    return email;
  }

  dispose(): void {
    this.listener.dispose();
  }
}
