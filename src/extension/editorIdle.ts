/**
 * When background work (the corpus index) may take the editor's thread: once every article on
 * screen has had its first analysis, and no analysis is under way. Free of `vscode`, so that the
 * order can be tested on its own.
 */

/** What this needs of the editor's analyses (AnalysisCache). */
export interface EditorAnalyses<D> {
  /** The last complete analysis, undefined before the first (asking starts it). */
  latest(document: D): unknown;
  /** Resolves with the analysis of the document's current version, started now if need be. */
  analysed(document: D): Promise<unknown>;
  /** Resolves once no analysis is under way. */
  idle(): Promise<void>;
}

/**
 * Resolves when the editor leaves the thread to background work. An article on screen with no
 * analysis yet is analysed first: its lenses wait for it, the index does not (the index starts
 * half a second after activation, when the first article's analysis may not have started:
 * it took the thread for another article's cold analysis, and the first lens waited).
 */
export async function editorIdle<D>(visibleArticles: () => readonly D[], analyses: EditorAnalyses<D>): Promise<void> {
  for (const document of visibleArticles()) {
    if (analyses.latest(document) !== undefined) continue;
    try {
      await analyses.analysed(document);
    } catch {
      // the editor reports its own failure: one article that cannot be analysed must not stop the index
    }
  }
  await analyses.idle();
}
