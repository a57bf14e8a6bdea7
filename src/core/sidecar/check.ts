import { OffsetIndex } from '../text/offsets';
import { createAnchor, resolveAnchor, type Resolution } from './anchor';
import { compareAnnotations, type Sidecar } from './model';
import { sha256 } from './store';
import { lineOf, type LoadedSidecar } from './yamlIO';

/** The kinds of problem `checkSidecar` finds (rules of the same names in src/core/review/rules.ts). */
export type CheckRule = 'stale-hash' | 'unsorted' | 'orphan' | 'moved';

export interface CheckProblem {
  rule: CheckRule;
  /** 1-based line in the sidecar. */
  line?: number;
  message: string;
  annotationId?: string;
  /** Where the annotation lies in the article now (code points), for `moved`. */
  range?: { start: number; end: number };
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
    problems.push({ rule: 'stale-hash', line: lineOf(loaded, ['sha256']), message: 'sha256 does not match the article: the article changed since the anchors were checked (run gloss format to re-anchor)' });
  }
  const anns = sidecar.annotations;
  for (let i = 1; i < anns.length; i++) {
    if (compareAnnotations(anns[i - 1]!, anns[i]!) > 0) {
      problems.push({ rule: 'unsorted', line: lineOf(loaded, ['annotations', i]), annotationId: anns[i]!.id, message: `annotations are not sorted by start, then id (${anns[i]!.id} comes after ${anns[i - 1]!.id})` });
      break;
    }
  }
  resolveAll(sidecar, articleText).forEach((r, i) => {
    const a = anns[i]!;
    const line = lineOf(loaded, ['annotations', i]);
    if (r.status === 'orphan') problems.push({ rule: 'orphan', line, annotationId: a.id, message: `annotation ${a.id} is orphaned: ${r.reason} ("${a.quote}")` });
    else if (r.status !== 'exact') {
      problems.push({
        rule: 'moved',
        line,
        annotationId: a.id,
        range: { start: r.start, end: r.end },
        message: `annotation ${a.id} moved to ${r.start}-${r.end} (${r.status}); run gloss format to update its offsets`,
      });
    }
  });
  return problems;
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

/**
 * The sidecar as it must be written after the article changed: every annotation that can be
 * placed carries its current offsets and context, and the hash is that of the text they were
 * checked against, so that what the editor writes passes `gloss check`. Orphans stay as they were.
 */
export function settleAnchors(sidecar: Sidecar, articleText: string): Sidecar {
  const index = new OffsetIndex(articleText);
  return reanchor(sidecar, articleText, (start, end) => {
    const a = createAnchor(articleText, start, end, index);
    return { prefix: a.prefix, suffix: a.suffix };
  }).sidecar;
}
