/**
 * What the analysis of one article remembers between its versions, and its update from the
 * paragraphs an edit changed: the incremental paragraph bookkeeping of the Analyzer.
 */
import type { Paragraph } from '../text/paragraphs';
import { ParagraphSplitter } from '../text/paragraphSplitter';
import type { EntityMention } from '../entities/detect';
import type { LearnedNames } from '../entities/repeats';
import { EntityTotals } from './articleLevel';
import { ClaimKeys, Holders } from './keys';
import type { ParagraphCache, Pending, Slot } from './paragraphCache';
import { placedAsIs, placedAt, type Placed } from './placed';

/** What the analysis of one article remembers between its versions. */
export interface ArticleState {
  splitter: ParagraphSplitter;
  totals: EntityTotals;
  names: LearnedNames | undefined;
  /** The last version's paragraphs, and their findings in article offsets (owned by this article alone). */
  paragraphs: Paragraph[];
  placed: Placed[];
  /** How often each claim text occurs in the article, and which paragraphs hold it. */
  claimKeys: ClaimKeys;
  /** The paragraphs holding a short form or a weak name of each entity. */
  conditionalHolders: Holders;
  /** Counts the analyses: only the findings of the last one are moved when read (movedOnRead). */
  version: number;
  /** Whether a next version will come (a document key): else what only an edit reads is not kept. */
  incremental: boolean;
}

export function freshArticleState(incremental: boolean): ArticleState {
  return {
    splitter: new ParagraphSplitter(),
    totals: new EntityTotals(),
    names: undefined,
    paragraphs: [],
    placed: [],
    claimKeys: new ClaimKeys(),
    conditionalHolders: new Holders(),
    version: 0,
    incremental,
  };
}

/**
 * The paragraphs' findings in article offsets. Those of paragraphs the edit left alone are
 * the last version's, moved in place by the edit's length (an earlier version's analysis
 * of the same article is stale from here on). The article's totals are updated by the
 * paragraphs that came and went, and the decisions of other paragraphs that those changes
 * can undo are marked stale: a short form whose full name came or went, a sentence whose
 * repeat came or went.
 */
export function place(cache: ParagraphCache, article: ArticleState, split: readonly Paragraph[]): { placed: Placed[]; namesMayChange: boolean } {
  const edit = article.splitter.lastEdit;
  const removed: Placed[] = [];
  const added: Placed[] = [];
  let outsideChanged = false;
  if (!edit) {
    article.totals.clear();
    article.claimKeys.clear();
    article.conditionalHolders.clear();
  } else for (let i = edit.from; i < edit.from + edit.removed; i++) removed.push(article.placed[i]!);
  const placed: Placed[] = new Array(split.length);
  // the paragraphs that missed the cache are analysed together after this walk (fill)
  const batch: Pending[] = [];
  const missed: number[] = [];
  const slots: Slot[] = [];
  for (let k = 0; k < split.length; k++) {
    const p = split[k]!;
    const after = edit !== undefined && k >= edit.from + edit.added;
    const oldK = edit === undefined || (k >= edit.from && !after) ? -1 : after ? k - edit.added + edit.removed : k;
    const oldParagraph = oldK >= 0 ? article.paragraphs[oldK] : undefined;
    // a paragraph the edit left alone keeps its findings without a look-up by its text
    if (oldParagraph !== undefined && oldParagraph.text === p.text && oldParagraph.kind === p.kind) {
      // (its findings stay where they were until they are read: movedOnRead)
      const at = article.placed[oldK]!;
      at.index = k;
      placed[k] = at;
    } else {
      if (oldParagraph) {
        removed.push(article.placed[oldK]!);
        outsideChanged = true;
      }
      missed.push(k);
      slots.push(cache.slotFor(p, batch));
    }
  }
  cache.fill(batch);
  for (let i = 0; i < missed.length; i++) {
    const k = missed[i]!;
    const rel = slots[i]!.rel!;
    const start = split[k]!.start;
    // (an article with a document key moves its findings on an edit: it owns copies)
    const at = !article.incremental && rel.base === start ? placedAsIs(rel) : placedAt(rel, start);
    at.index = k;
    placed[k] = at;
    added.push(at);
  }
  const fresh = edit === undefined;
  // what the totals said before, for what the edit touched (a fresh article decides everything anew)
  const claimCounts = fresh ? undefined : new Map<string, number>();
  const entityStates = fresh ? undefined : new Map<string, number>();
  if (!fresh) {
    for (const list of [removed, added]) {
      for (const at of list) {
        for (const key of at.rel.claimKeys) if (!claimCounts!.has(key)) claimCounts!.set(key, article.claimKeys.count(key));
        for (const m of at.rel.entities) if (!entityStates!.has(m.entityId)) entityStates!.set(m.entityId, article.totals.state(m.entityId));
      }
    }
  }
  for (const at of removed) {
    article.totals.add(at.rel, -1);
    article.claimKeys.remove(at.rel.claimKeys, at);
    if (at.rel.conditional) for (const m of at.rel.entities) if (m.short || m.weak) article.conditionalHolders.remove(m.entityId, at);
  }
  for (const at of added) {
    article.totals.add(at.rel, 1);
    article.claimKeys.add(at.rel.claimKeys, at);
    // (read only to mark decisions stale after an edit)
    if (at.rel.conditional && article.incremental) for (const m of at.rel.entities) if (m.short || m.weak) article.conditionalHolders.add(m.entityId, at);
  }
  if (!fresh) {
    // a sentence is checked where it is first written: its other copies change when a copy comes
    // or goes, even when as many come as go (a copy written before the first one, while a later
    // one becomes a duplicate paragraph, moves the first one without changing the count)
    for (const [key, before] of claimCounts!) {
      const now = article.claimKeys.count(key);
      if (now > 1 || before > 1) article.claimKeys.forEach(key, (at) => {
          if (at.marked) at.marked.stale = true;
          at.out = undefined;
        });
    }
    for (const [id, before] of entityStates!) {
      if (article.totals.state(id) !== before) article.conditionalHolders.forEach(id, (at) => {
          if (at.kept) at.kept.stale = true;
          at.out = undefined;
        });
    }
  }
  article.paragraphs = split as Paragraph[];
  article.placed = placed;
  // the learned names change only when a name worth repeating came or went
  const namesMayChange = fresh || outsideChanged || !sameLearnables(removed, added);
  return { placed, namesMayChange };
}

/** The learnable mentions of the article, in order. */
export function learnables(placed: readonly Placed[]): EntityMention[] {
  const out: EntityMention[] = [];
  for (const at of placed) for (const m of at.rel.learnable) out.push(m);
  return out;
}

/** Whether the paragraphs that came bring the same learnable mentions, in the same order, as those that went. */
function sameLearnables(removed: readonly Placed[], added: readonly Placed[]): boolean {
  const a = learnables(removed);
  const b = learnables(added);
  return a.length === b.length && a.every((m, i) => m.entityId === b[i]!.entityId && m.text === b[i]!.text && m.canonical === b[i]!.canonical && m.type === b[i]!.type);
}
