import { OffsetIndex } from '../text/offsets';
import { resolveAnchor, type Resolution } from './anchor';
import { compareAnnotations, type Sidecar } from './model';
import { sha256 } from './store';
import type { LoadedSidecar } from './yamlIO';

export interface CheckProblem {
  line?: number;
  message: string;
}

function lineOfAnnotation(loaded: LoadedSidecar, index: number): number | undefined {
  const node = loaded.doc.getIn(['annotations', index], true) as { range?: [number, number, number] } | undefined;
  if (!node?.range) return undefined;
  return loaded.source.slice(0, node.range[0]).split('\n').length;
}

/** Where each annotation lies in the article now. */
export function resolveAll(sidecar: Sidecar, articleText: string): Resolution[] {
  const index = new OffsetIndex(articleText);
  return sidecar.annotations.map((a) => resolveAnchor(articleText, a, index));
}

/** What `gloss check` reports about a readable sidecar and its article. */
export function checkSidecar(loaded: LoadedSidecar, articleText: string): CheckProblem[] {
  const problems: CheckProblem[] = [];
  const { sidecar } = loaded;
  if (sidecar.sha256 !== sha256(articleText)) {
    problems.push({ line: lineOfPath(loaded, 'sha256'), message: 'sha256 does not match the article: the article changed since the anchors were checked (run gloss format to re-anchor)' });
  }
  const anns = sidecar.annotations;
  for (let i = 1; i < anns.length; i++) {
    if (compareAnnotations(anns[i - 1]!, anns[i]!) > 0) {
      problems.push({ line: lineOfAnnotation(loaded, i), message: `annotations are not sorted by start, then id (${anns[i]!.id} comes after ${anns[i - 1]!.id})` });
      break;
    }
  }
  resolveAll(sidecar, articleText).forEach((r, i) => {
    const a = anns[i]!;
    if (r.status === 'orphan') problems.push({ line: lineOfAnnotation(loaded, i), message: `annotation ${a.id} is orphaned: ${r.reason} ("${a.quote}")` });
    else if (r.status !== 'exact') problems.push({ line: lineOfAnnotation(loaded, i), message: `annotation ${a.id} moved to ${r.start}-${r.end} (${r.status}); run gloss format to update its offsets` });
  });
  return problems;
}

function lineOfPath(loaded: LoadedSidecar, key: string): number | undefined {
  const pair = (loaded.doc.contents as { items?: Array<{ key?: { value?: unknown; range?: [number, number, number] } }> } | null)?.items?.find(
    (p) => p.key?.value === key,
  );
  return pair?.key?.range ? loaded.source.slice(0, pair.key.range[0]).split('\n').length : undefined;
}

/**
 * Re-anchors every annotation that can be placed (offsets and context updated), keeps the
 * orphans as they were (they stay in the file and are listed), and records the hash of the
 * text the anchors were checked against. The result is what
 * `gloss format` writes.
 */
export function reanchor(sidecar: Sidecar, articleText: string, createContext: (start: number, end: number) => { prefix: string; suffix: string }): {
  sidecar: Sidecar;
  orphans: string[];
} {
  const orphans: string[] = [];
  const resolutions = resolveAll(sidecar, articleText);
  const index = new OffsetIndex(articleText);
  const annotations = sidecar.annotations.map((a, i) => {
    const r = resolutions[i]!;
    if (r.status === 'orphan') {
      orphans.push(a.id);
      return a;
    }
    const quote = articleText.slice(index.toUtf16(r.start), index.toUtf16(r.end));
    const ctx = createContext(r.start, r.end);
    return { ...a, quote, prefix: ctx.prefix, suffix: ctx.suffix, start: r.start, end: r.end };
  });
  return { sidecar: { ...sidecar, sha256: sha256(articleText), annotations }, orphans };
}
