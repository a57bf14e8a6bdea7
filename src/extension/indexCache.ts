import * as vscode from 'vscode';
import { createHash } from 'node:crypto';
import type { WorkspaceEntry } from '../core/corpus/workspaceEntry';
import { readBytes, workspaceFiles } from './workspaceFiles';

/** What the corpus index keeps of one article, without its URI (the cache's key). */
export interface CachedArticle extends WorkspaceEntry {
  /** The article's content hash with what else its entry depends on (its sidecar, its settings). */
  key: string;
}

interface CacheFile {
  fingerprint: string;
  articles: Record<string, CachedArticle>;
}

export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * The corpus index's per-article results by content hash, in the extension's storage, so
 * that a reopened workspace does not analyse unchanged articles again. The whole file is
 * dropped when its fingerprint differs: another Gloss build, lexicon or gloss.* settings.
 * A cache that cannot be read is only a slower start: it is never an error.
 */
export class IndexCache {
  private entries = new Map<string, CachedArticle>();
  private saving: Promise<void> = Promise.resolve();

  constructor(
    private readonly folder: () => vscode.Uri | undefined,
    private readonly fingerprint: () => string,
  ) {}

  private file(): vscode.Uri | undefined {
    const folder = this.folder();
    return folder && vscode.Uri.joinPath(folder, 'corpus-index-v1.json');
  }

  /** Reads the cache from storage (an empty one if it is missing, unreadable or made for another fingerprint). */
  async load(): Promise<void> {
    // what is being written is read back whole
    await this.saving;
    this.entries = new Map();
    const file = this.file();
    if (!file) return;
    try {
      const parsed = JSON.parse(new TextDecoder().decode(await readBytes(file))) as CacheFile;
      if (parsed.fingerprint === this.fingerprint() && parsed.articles && typeof parsed.articles === 'object') this.entries = new Map(Object.entries(parsed.articles));
    } catch {
      // missing or damaged: the articles are analysed again and the cache written anew
    }
  }

  get(uri: string, key: string): CachedArticle | undefined {
    const hit = this.entries.get(uri);
    return hit?.key === key ? hit : undefined;
  }

  set(uri: string, entry: CachedArticle): void {
    this.entries.set(uri, entry);
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  /** Forgets the articles that are no longer in the workspace. */
  retainOnly(uris: ReadonlySet<string>): void {
    for (const uri of [...this.entries.keys()]) if (!uris.has(uri)) this.entries.delete(uri);
  }

  /** Writes the cache (one write at a time, through a temporary file renamed over the old one). */
  save(): Promise<void> {
    const file = this.file();
    if (!file) return Promise.resolve();
    const write = async () => {
      // the entries as they are when the write starts (an earlier write may have been under way)
      const data: CacheFile = { fingerprint: this.fingerprint(), articles: Object.fromEntries(this.entries) };
      await workspaceFiles(file).writeAtomic(file.path, JSON.stringify(data));
    };
    this.saving = this.saving.then(write, write);
    return this.saving;
  }
}
