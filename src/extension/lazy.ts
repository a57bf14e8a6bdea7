import type * as vscode from 'vscode';

/**
 * A disposable made on first use rather than at activation. Each output channel, diagnostic
 * collection or decoration type made is a call into the editor's process; together they took
 * 10-25 ms of activate() in profiles of the extension host, and a session that never shows an
 * article, a problem or a log line needs none of them.
 */
export class Lazy<T extends vscode.Disposable> implements vscode.Disposable {
  private made: T | undefined;
  private isDisposed = false;

  constructor(private readonly make: () => T) {}

  /** The thing, made now if it was not yet. */
  get value(): T {
    if (this.isDisposed) throw new Error('Gloss has been deactivated');
    this.made ??= this.make();
    return this.made;
  }

  /** True once disposed: a timer or event that comes after deactivation has nothing to draw on. */
  get disposed(): boolean {
    return this.isDisposed;
  }

  /** The thing if it was made (there is nothing to clear in one that was not). */
  get existing(): T | undefined {
    return this.made;
  }

  dispose(): void {
    this.isDisposed = true;
    this.made?.dispose();
    this.made = undefined;
  }
}

/**
 * Disposables made a turn after activate() returns (file watchers: each is a call into the
 * editor's process). A watcher only hears of changes once the editor has registered it, which
 * was never at once: a turn later opens no window that was not there.
 */
export function soon(make: () => vscode.Disposable[]): vscode.Disposable {
  let made: vscode.Disposable[] = [];
  const timer = setTimeout(() => {
    made = make();
  }, 0);
  return {
    dispose: () => {
      clearTimeout(timer);
      made.forEach((d) => d.dispose());
    },
  };
}
