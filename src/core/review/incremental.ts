/**
 * The review and queue of one article kept up to date as it is edited: what buildReview and
 * buildQueue make from scratch, rebuilt only where the new version's findings differ. The
 * review items and the checks, claims and figures to queue depend on one paragraph's findings
 * alone, so those of a paragraph whose findings are the last version's (the incremental
 * Analyzer hands back the same lists for a paragraph an edit left alone) are kept, moved by the
 * edit's length; the sidecar's decisions are laid over them on every version, and the
 * entity stops (one per entity, at its first mention) are redone for the entities whose
 * mentions came, went or were decided. The result equals buildReview and buildQueue on the
 * same analysis (test/unit/incrementalReview.test.ts); like the analysis, a review it
 * returned is stale once the next version is reviewed (its items are moved and settled in
 * place, and its list of items is the next one's).
 */
import type { Analysis } from '../analysis/analyze';
import type { Claim } from '../claims/detect';
import { DEFAULT_MIN_CHECK_WORTHINESS } from '../claims/score';
import type { EntityMention } from '../entities/detect';
import type { Figure } from '../figures/types';
import type { Annotation, Sidecar } from '../sidecar/model';
import type { ParagraphKind } from '../text/paragraphs';
import { OffsetIndex } from '../text/offsets';
import { AnchorMemo } from '../sidecar/anchorMemo';
import { addFindingItems, buildReview, compareItems, entityKeyOf, itemKey, itemsByParagraph, placeAnnotations, type Orphan, type Review, type ReviewItem } from './items';
import { bodyTest, buildQueue, compareDocument, entityStop, localStops, queueOf, type Queue, type QueueEntry, type QueueFigures, type QueueOptions } from './queue';

/** One paragraph's review items and stops, for the findings lists they were made from. */
interface Part {
  figures: Figure[];
  entities: EntityMention[];
  claims: Claim[];
  kind: ParagraphKind;
  /** The paragraph's offsets, which the items and stops below are at. */
  start: number;
  end: number;
  /** Its findings' items, sorted (compareItems); never changed but for their offsets. */
  items: ReviewItem[];
  longest: number;
  /** Mentions per entity id, and the ids a lexicon knows. */
  counts: Map<string, number>;
  known: Set<string>;
  /** Its checks, claims and figures to queue without decisions, sorted (compareDocument). */
  stops?: { threshold: number; figures: QueueFigures; entries: QueueEntry[] };
  /**
   * The epoch of the decisions its items' mentions are settled by, and the items settled (in
   * place: copies of the thousands of mentions of a decided entity were moved on every
   * keystroke with the items they copied). A keystroke leaves the decisions alone, so they
   * are settled once, not on every version; new decisions undo and redo them.
   */
  settledEpoch: number;
  settledItems: ReviewItem[] | undefined;
  /** The last build that used it, and its place in that build's paragraphs. */
  seen: number;
  index: number;
  /** The list of items it last wrote into the review's list of items, where, and in which build. */
  writtenList: ReviewItem[] | undefined;
  writtenAt: number;
  writtenBuild: number;
}

export interface ReviewedVersion {
  review: Review;
  queue: Queue;
  /** Each paragraph's review items (in the order of the analysis' paragraphs). */
  itemsByParagraph: ReviewItem[][];
}

/** An entity's stop, and the paragraph it is in (while that paragraph's findings stay). */
interface EntityStop {
  entry: QueueEntry;
  part: Part;
}

export class ReviewTracker {
  /** Parts by their figures list (the other lists are checked on use). */
  private readonly parts = new Map<Figure[], Part>();
  private order: Part[] = [];
  private build = 0;
  private readonly counts = new Map<string, number>();
  private readonly holders = new Map<string, Set<Part>>();
  private readonly stops = new Map<string, EntityStop>();
  /**
   * Each entity's first body paragraph as of the last build it was looked for in, and the body
   * paragraphs that came since with its mentions: an entity's stop is found among those instead
   * of all its paragraphs (a name mentioned in thousands), unless that paragraph went.
   */
  private readonly firstBody = new Map<string, Part>();
  private readonly cameSince = new Map<string, Part[]>();
  /** How many of each entity's paragraphs have a lexicon that knows it. */
  private readonly knownBy = new Map<string, number>();
  /** Entities with a decision in the last build (their stops are redone in the next). */
  private decided = new Set<string>();
  /** The decision that settles each entity, and its status, as of the epoch (counted up when they change). */
  private decisions = new Map<string, { by: Annotation; status: Annotation['status'] }>();
  private epoch = 0;
  /** Where the annotations' words stood in the last version, so that an edit elsewhere moves them without a search. */
  private anchors = new AnchorMemo();
  private everyEntity: boolean | undefined;
  /** The list of the last review's items (reused: that review is stale once the next version is reviewed). */
  private items: ReviewItem[] = [];

  /** The review and queue of this version of the article, as buildReview and buildQueue make them. */
  update(analysis: Analysis, sidecar: Sidecar | undefined, options: QueueOptions = {}): ReviewedVersion {
    if (sidecar?.date !== undefined) {
      // the sidecar's date re-dates relative dates across the article: done from scratch
      this.clear();
      const review = buildReview(analysis, sidecar);
      const paragraphs = analysis.paragraphs.map((p) => p.paragraph);
      return { review, queue: buildQueue(analysis, review, options), get itemsByParagraph() { return itemsByParagraph(review, paragraphs); } };
    }
    const build = ++this.build;
    const text = analysis.text;
    const dirty = new Set<string>();
    const parts: Part[] = new Array(analysis.paragraphs.length);
    // the last version's part at the place the last one found was at, before the look-up by figures
    // (an edit shifts the places after it by as many paragraphs as it added or took away)
    const last = this.order;
    let off = 0;
    for (let k = 0; k < parts.length; k++) {
      const findings = analysis.paragraphs[k]!;
      const p = findings.paragraph;
      const figures = findings.figures;
      const entities = findings.entities;
      const claims = findings.claims;
      const guess = last[k + off];
      let part = guess !== undefined && guess.figures === figures ? guess : this.parts.get(figures);
      if (part && part.seen !== build) off = part.index - k;
      if (!part || part.seen === build || part.entities !== entities || part.claims !== claims || part.kind !== p.kind) {
        part = newPart(figures, entities, claims, p.kind, p.start, p.end);
        this.parts.set(figures, part);
        this.count(part, 1, dirty);
      } else if (part.start !== p.start) shift(part, p.start - part.start);
      part.end = p.end;
      part.seen = build;
      part.index = k;
      parts[k] = part;
    }
    for (const part of this.order) {
      if (part.seen === build) continue;
      this.count(part, -1, dirty);
      if (this.parts.get(part.figures) === part) this.parts.delete(part.figures);
    }
    this.order = parts;

    // the sidecar's decisions, laid over the findings' items (copies: the items stay the findings' own)
    let orphans: Orphan[] = [];
    const overlay = new Map<string, ReviewItem>();
    const replaced = new Map<ReviewItem, ReviewItem>();
    const extras: ReviewItem[] = [];
    const annotations = sidecar?.annotations ?? [];
    if (annotations.length) {
      const index = new OffsetIndex(text);
      orphans = placeAnnotations(text, annotations, index, (a, start, end, state) => {
        const k = itemKey(a.kind, start, end);
        const existing = overlay.get(k);
        if (existing) {
          existing.annotation = a;
          existing.state = state;
          return;
        }
        const base = findItem(parts, a.kind, start, end);
        // (not a spread of the base: it may be settled in place, and an item with its own decision is not)
        const item: ReviewItem = base ? { kind: base.kind, start: base.start, end: base.end, state, finding: base.finding, annotation: a } : { kind: a.kind, start, end, state, annotation: a };
        overlay.set(k, item);
        if (base) replaced.set(base, item);
        else extras.push(item);
      }, this.anchors.resolver(text, index));
    }
    // one decision per entity: the first decided mention settles the others (settleEntities)
    const decided = new Map<string, Annotation>();
    for (const it of [...overlay.values()].filter((i) => i.kind === 'entity').sort(compareItems)) {
      const key = entityKeyOf(it);
      if (key && !decided.has(key)) decided.set(key, it.annotation!);
    }
    if (!sameDecisions(decided, this.decisions)) {
      this.epoch++;
      this.decisions = new Map([...decided].map(([id, by]) => [id, { by, status: by.status }]));
    }
    // the items of each paragraph the decisions touched, and those in no paragraph
    const touched = new Map<Part, { items: ReviewItem[]; stops: boolean }>();
    const touch = (part: Part) => {
      let t = touched.get(part);
      if (!t) {
        this.settle(part, decided);
        touched.set(part, (t = { items: part.items.map((it) => replaced.get(it) ?? it), stops: false }));
      }
      return t;
    };
    for (const [base, item] of replaced) {
      const t = touch(partAt(parts, base.start)!);
      if (item.kind !== 'entity') t.stops = true;
    }
    const loose: ReviewItem[] = [];
    for (const it of extras) {
      const part = partAt(parts, it.start);
      if (part && it.end <= part.end) {
        const t = touch(part);
        t.items.push(it);
        if (it.kind !== 'entity') t.stops = true;
      } else loose.push(it);
    }
    for (const t of touched.values()) t.items.sort(compareItems);
    loose.sort(compareItems);

    const grouped = parts.map((part) => {
      const t = touched.size ? touched.get(part) : undefined;
      if (t) return t.items;
      this.settle(part, decided);
      return part.items;
    });
    let longest = 0;
    for (let k = 0; k < parts.length; k++) if (parts[k]!.longest > longest) longest = parts[k]!.longest;
    // the last version's list, written over: a megabyte article has tens of thousands of items, and
    // a new list that long (in the large-object space) cost 20 times as much to fill as this one
    // (and only where it changed: an edit leaves most places holding the same item, and a read
    // costs less than a write into a list that long)
    let items: ReviewItem[] = this.items;
    let n = 0;
    for (let k = 0; k < parts.length; k++) {
      const part = parts[k]!;
      const list = grouped[k]!;
      // a paragraph's list that the last build wrote at the same place is there still: not even read
      // (a keystroke leaves most places alone, and reading tens of thousands of them cost more than the rest)
      if (part.writtenBuild === build - 1 && part.writtenAt === n && part.writtenList === list) n += list.length;
      else {
        part.writtenAt = n;
        part.writtenList = list;
        for (let i = 0; i < list.length; i++, n++) if (items[n] !== list[i]) items[n] = list[i]!;
      }
      part.writtenBuild = build;
    }
    items.length = n;
    for (const it of extras) longest = Math.max(longest, it.end - it.start);
    if (loose.length) items = merge(items, loose, compareItems);
    const review: Review = { items, orphans, longest, entityCounts: new Map(this.counts) };

    // the queue: each paragraph's own stops, then one per entity
    const threshold = options.minCheckWorthiness ?? DEFAULT_MIN_CHECK_WORTHINESS;
    const figureStops = options.figures ?? 'withClaim';
    const everyEntity = options.entities === 'all';
    const perParagraph: QueueEntry[][] = new Array(parts.length);
    for (let k = 0; k < parts.length; k++) {
      const part = parts[k]!;
      const t = touched.size ? touched.get(part) : undefined;
      if (t?.stops) perParagraph[k] = localStops(text, part.claims, t.items, () => part.kind === 'body', threshold, figureStops).sort(compareDocument);
      else {
        if (!part.stops || part.stops.threshold !== threshold || part.stops.figures !== figureStops) {
          part.stops = { threshold, figures: figureStops, entries: localStops(text, part.claims, part.items, () => part.kind === 'body', threshold, figureStops).sort(compareDocument) };
        }
        perParagraph[k] = part.stops.entries;
      }
    }
    const looseStops = loose.length ? localStops(text, [], loose, bodyTest(analysis), threshold, figureStops).sort(compareDocument) : [];

    // entity stops: redone for the entities whose mentions came or went, or that are or were decided
    const decidedNow = new Set<string>();
    const extraMentions = new Map<string, number>();
    for (const it of overlay.values()) {
      if (it.kind !== 'entity') continue;
      const key = entityKeyOf(it);
      if (!key) continue;
      decidedNow.add(key);
      if (!it.finding) extraMentions.set(key, (extraMentions.get(key) ?? 0) + 1);
    }
    if (this.everyEntity !== everyEntity) {
      this.everyEntity = everyEntity;
      for (const id of this.holders.keys()) dirty.add(id);
    }
    for (const id of this.decided) dirty.add(id);
    for (const id of decidedNow) dirty.add(id);
    this.decided = decidedNow;
    for (const id of dirty) {
      const stop = this.entityStop(text, id, decidedNow.has(id), (this.counts.get(id) ?? 0) + (extraMentions.get(id) ?? 0), everyEntity, replaced, build);
      if (stop) this.stops.set(id, stop);
      else this.stops.delete(id);
    }
    const entityStops = new Map<Part, QueueEntry[]>();
    for (const { entry, part } of this.stops.values()) {
      // (a stop on a paragraph's own item moved with it)
      entry.start = entry.item!.start;
      entry.end = entry.item!.end;
      const list = entityStops.get(part);
      if (list) list.push(entry);
      else entityStops.set(part, [entry]);
    }
    let candidates: QueueEntry[] = [];
    for (let k = 0; k < parts.length; k++) {
      const own = perParagraph[k]!;
      const entities = entityStops.get(parts[k]!);
      if (!entities) for (const q of own) candidates.push(q);
      else for (const q of merge(own, entities.sort(compareDocument), compareDocument)) candidates.push(q);
    }
    if (looseStops.length) candidates = merge(candidates, looseStops, compareDocument);
    return { review, queue: queueOf(candidates, options.order), itemsByParagraph: grouped };
  }

  /** Settles (in place) a part's mentions of the entities the decisions settle, once per epoch of the decisions; undoes those of an earlier epoch. */
  private settle(part: Part, decided: ReadonlyMap<string, Annotation>): void {
    if (part.settledEpoch === this.epoch) return;
    part.settledEpoch = this.epoch;
    if (part.settledItems) {
      // (the last property added goes without a change of the object's shape)
      for (const it of part.settledItems) {
        it.state = 'suggested';
        delete it.settledBy;
      }
      part.settledItems = undefined;
    }
    if (!decided.size) return;
    for (const id of part.counts.keys()) {
      const by = decided.get(id);
      if (!by) continue;
      const state = by.status === 'rejected' ? 'rejected' : 'accepted';
      for (const it of part.items) {
        if (it.kind === 'entity' && it.finding?.entity?.entityId === id) {
          it.state = state;
          it.settledBy = by;
          (part.settledItems ??= []).push(it);
        }
      }
    }
  }

  /** Forgets everything (the next version is reviewed from scratch). */
  clear(): void {
    this.parts.clear();
    this.order = [];
    this.counts.clear();
    this.holders.clear();
    this.stops.clear();
    this.firstBody.clear();
    this.cameSince.clear();
    this.knownBy.clear();
    this.decided.clear();
    this.decisions = new Map();
    this.epoch++;
    this.everyEntity = undefined;
    this.anchors = new AnchorMemo();
    this.items = [];
  }

  /** Adds (or takes away) a paragraph's entity mentions, and marks their entities' stops to be redone. */
  private count(part: Part, sign: 1 | -1, dirty: Set<string>): void {
    for (const [id, n] of part.counts) {
      dirty.add(id);
      if (part.known.has(id)) {
        const known = (this.knownBy.get(id) ?? 0) + sign;
        if (known === 0) this.knownBy.delete(id);
        else this.knownBy.set(id, known);
      }
      if (sign === 1 && part.kind === 'body' && this.firstBody.has(id)) {
        const came = this.cameSince.get(id);
        if (came) came.push(part);
        else this.cameSince.set(id, [part]);
      }
      const total = (this.counts.get(id) ?? 0) + sign * n;
      if (total === 0) this.counts.delete(id);
      else this.counts.set(id, total);
      let set = this.holders.get(id);
      if (sign === 1) {
        if (!set) this.holders.set(id, (set = new Set()));
        set.add(part);
      } else if (set) {
        set.delete(part);
        if (!set.size) this.holders.delete(id);
      }
    }
  }

  /** An entity's stop: its first mention in a body paragraph, unless a lexicon knows it (buildQueue). */
  private entityStop(text: string, id: string, settled: boolean, mentions: number, everyEntity: boolean, replaced: Map<ReviewItem, ReviewItem>, build: number): EntityStop | undefined {
    let first = this.firstBody.get(id);
    const came = this.cameSince.get(id);
    this.cameSince.delete(id);
    if (first && first.seen === build) {
      for (const part of came ?? []) if (part.seen === build && part.index < first.index) first = part;
    } else {
      first = undefined;
      for (const part of this.holders.get(id) ?? []) if (part.kind === 'body' && (!first || part.start < first.start)) first = part;
    }
    if (first) this.firstBody.set(id, first);
    else this.firstBody.delete(id);
    const known = this.knownBy.has(id);
    if (!first || (known && !everyEntity)) return undefined;
    const base = first.items.find((it) => it.kind === 'entity' && it.finding?.entity?.entityId === id)!;
    const item = replaced.get(base) ?? base;
    return { entry: entityStop(text, item, id, settled, mentions), part: first };
  }
}

function newPart(figures: Figure[], entities: EntityMention[], claims: Claim[], kind: ParagraphKind, start: number, end: number): Part {
  const map = new Map<string, ReviewItem>();
  addFindingItems(map, claims, figures, entities);
  const items = [...map.values()].sort(compareItems);
  const counts = new Map<string, number>();
  const known = new Set<string>();
  let longest = 0;
  for (const it of items) {
    longest = Math.max(longest, it.end - it.start);
    const e = it.finding?.entity;
    if (!e) continue;
    counts.set(e.entityId, (counts.get(e.entityId) ?? 0) + 1);
    if (e.source === 'lexicon' || e.source === 'workspace') known.add(e.entityId);
  }
  return { figures, entities, claims, kind, start, end, items, longest, counts, known, settledEpoch: -1, settledItems: undefined, seen: 0, index: -1, writtenList: undefined, writtenAt: -1, writtenBuild: -1 };
}

/** Moves a part's items and stops by `delta`, in place. */
function shift(part: Part, delta: number): void {
  part.start += delta;
  for (const it of part.items) {
    it.start += delta;
    it.end += delta;
  }
  if (part.stops) {
    for (const q of part.stops.entries) {
      q.start += delta;
      q.end += delta;
    }
  }
}

function sameDecisions(now: ReadonlyMap<string, Annotation>, before: ReadonlyMap<string, { by: Annotation; status: Annotation['status'] }>): boolean {
  if (now.size !== before.size) return false;
  for (const [id, by] of now) {
    const b = before.get(id);
    if (!b || b.by !== by || b.status !== by.status) return false;
  }
  return true;
}

/** The part whose paragraph holds an offset (binary search; paragraphs are sorted and apart). */
function partAt(parts: readonly Part[], offset: number): Part | undefined {
  let lo = 0;
  let hi = parts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (parts[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  const part = parts[lo];
  return part && part.start <= offset ? part : undefined;
}

function findItem(parts: readonly Part[], kind: string, start: number, end: number): ReviewItem | undefined {
  return partAt(parts, start)?.items.find((it) => it.kind === kind && it.start === start && it.end === end);
}

/** Two sorted lists as one (on a tie, the first list's item first: a stable sort of a then b). */
function merge<T>(a: readonly T[], b: readonly T[], compare: (x: T, y: T) => number): T[] {
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(compare(b[j]!, a[i]!) < 0 ? b[j++]! : a[i++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}
