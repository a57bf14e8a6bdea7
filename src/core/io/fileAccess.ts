/**
 * What the sidecar store needs from a file system, and nothing more (as
 * vscode-markdown-languageservice keeps its own small interfaces): the core stays free of
 * `vscode`, the CLI and the unit tests give it node's fs (nodeFileAccess.ts), the extension
 * gives it `vscode.workspace.fs`, so that Gloss works on remote and virtual file systems.
 * Paths are absolute, with `/` between folders; which file system they are on is the
 * implementation's business.
 */
export interface FileAccess {
  /** The file's size in bytes, or undefined when it does not exist. */
  size(path: string): Promise<number | undefined>;
  /** The file's text (UTF-8), or undefined when it does not exist. */
  read(path: string): Promise<string | undefined>;
  /**
   * Writes the whole text so that a reader sees the old file or the new one, never a part
   * (a temporary file beside it, then a rename over it), creating missing folders.
   */
  writeAtomic(path: string, text: string): Promise<void>;
  /**
   * Runs `fn` holding a lock between writers of `path`, where the file system has one (a
   * lock file on a local disk); where it has none, `fn` runs at once and the store relies on
   * compare-and-swap alone (it checks the file still holds what it read just before writing).
   */
  exclusive<T>(path: string, fn: () => Promise<T>): Promise<T>;
}
