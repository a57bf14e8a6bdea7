/**
 * The resolve stage: of overlapping candidates, which one is the mention. Decisions within a
 * paragraph here; those that need the whole article in resolveArticleLevel.
 */
import type { Candidate, EntityMention } from './candidates';
import { FACILITIES, ORG_NAME_ENDS } from './kinds';
import { toSimplifiedView } from '../script/normalize';
import { entityId } from './lexiconEntry';
import { ADDRESS_ENDS, isStreetAddress } from './places';


/**
 * A place inside a longer organisation, work or place gives way to it: 中国 in 中国人民银行,
 * 北京 in 北京大学, 北京市 in 北京市朝阳区, 中国 in 中国美术馆.
 */
function placesInsideNames(byStart: Candidate[], out: Set<Candidate>): void {
  for (let k = 0; k < byStart.length; k++) {
    const outer = byStart[k]!;
    const address = outer.type === 'place' && (ADDRESS_ENDS.has(outer.canonical[outer.canonical.length - 1] ?? '') || FACILITIES.some((f) => outer.canonical.endsWith(f)));
    if ((outer.type !== 'org' && outer.type !== 'work' && !address) || outer.weak) continue;
    for (let j = k + 1; j < byStart.length && byStart[j]!.start < outer.end; j++) {
      const inner = byStart[j]!;
      // abbreviations (中美) are checked against the dictionary already: a model's 中美 organisation does not swallow them
      if (inner.type === 'place' && inner.source !== 'abbreviation' && inner.end <= outer.end && inner.end - inner.start < outer.end - outer.start) out.add(inner);
    }
  }
}

/**
 * A person or a place the tagger reads inside an organisation named by a strong suffix gives
 * way to it: 文渊 in 文渊智库, 北京 in 北京商报 (a weak suffix such as 科技 is not evidence
 * enough; the tagger's own organisations are better bounded than the suffix rule's).
 */
function taggerNamesInsideSuffixedOrganisations(byStart: Candidate[], out: Set<Candidate>): void {
  for (let k = 0; k < byStart.length; k++) {
    const outer = byStart[k]!;
    if (outer.source !== 'suffix' || outer.weak) continue;
    for (let j = k + 1; j < byStart.length && byStart[j]!.start < outer.end; j++) {
      const inner = byStart[j]!;
      if (inner.source === 'model' && inner.type !== 'org' && inner.end <= outer.end && inner.end - inner.start < outer.end - outer.start) out.add(inner);
    }
  }
}

/**
 * A known organisation followed by more of an organisation's name is a part of that name:
 * 中信 in 中信银行, 中国电信 in 中国电信武汉分公司 (the longer name is a different entity).
 */
function knownInsideLongerOrganisations(byStart: Candidate[], out: Set<Candidate>): void {
  for (let k = 0; k < byStart.length; k++) {
    const known = byStart[k]!;
    if (known.type !== 'org' || (known.source !== 'lexicon' && known.source !== 'workspace')) continue;
    for (let j = k - 1; j >= 0 && byStart[j]!.start === known.start; j--) {
      const longer = byStart[j]!;
      if (longer.type === 'org' && longer.end > known.end && !longer.weak && ORG_NAME_ENDS.some((e) => longer.canonical.endsWith(e))) out.add(known);
    }
  }
}

/**
 * Keeps the best of overlapping candidates: higher priority, then longer, then earlier.
 * An occupancy map over the text keeps this linear (mentions are short).
 */
export function resolveOverlaps(all: Candidate[]): EntityMention[] {
  const byStart = [...all].sort((a, b) => a.start - b.start || b.end - a.end);
  const givesWay = new Set<Candidate>();
  placesInsideNames(byStart, givesWay);
  knownInsideLongerOrganisations(byStart, givesWay);
  taggerNamesInsideSuffixedOrganisations(byStart, givesWay);
  const candidates = all.filter((c) => !givesWay.has(c));
  candidates.sort((a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const end = candidates.reduce((m, c) => Math.max(m, c.end), 0);
  const occupied = new Uint8Array(end + 1);
  const taken: Candidate[] = [];
  for (const c of candidates) {
    let free = true;
    for (let k = c.start; k < c.end && free; k++) if (occupied[k]) free = false;
    if (!free) continue;
    occupied.fill(1, c.start, c.end);
    taken.push(c);
  }
  taken.sort((a, b) => a.start - b.start);
  return streetAddresses(taken).map(({ priority: _p, ...m }) => m);
}

/**
 * Places written one after the other down to a street, a house number or a village are one
 * address, as the reader gives it (郑州市 + 须水镇 + 西岗村 → 郑州市须水镇西岗村): the tagger,
 * trained mostly on MSRA, reads the units one by one.
 */
function streetAddresses(sorted: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (let k = 0; k < sorted.length; ) {
    // the run of places that touch, each looked at once: the whole is linear
    let j = k;
    while (j + 1 < sorted.length && sorted[j]!.type === 'place' && sorted[j + 1]!.type === 'place' && sorted[j + 1]!.start === sorted[j]!.end) j++;
    const run = sorted.slice(k, j + 1);
    k = j + 1;
    if (run.length > 1 && run.length <= LONGEST_ADDRESS) {
      const text = run.map((c) => c.text).join('');
      // merges are rare: the one conversion here costs nothing on the whole
      const canonical = toSimplifiedView(text).text;
      if (isStreetAddress(canonical)) {
        out.push({ ...run[0]!, end: run[run.length - 1]!.end, text, canonical, entityId: entityId('place', canonical), source: 'model' });
        continue;
      }
    }
    out.push(...run);
  }
  return out;
}

/** Parts of an address at most (province, city, district, town, village, street, number). */
const LONGEST_ADDRESS = 8;

/**
 * Decisions that need the whole article (`mentions` are all of its mentions): short forms
 * (晚点) stay only where the entity is also named in full, and weakly found names only
 * where they occur at least twice or once with a cue.
 */
export function resolveArticleLevel(mentions: EntityMention[]): EntityMention[] {
  const full = new Set(mentions.filter((m) => !m.short).map((m) => m.entityId));
  const count = new Map<string, number>();
  const confirmed = new Set(mentions.filter((m) => !m.weak && !m.short).map((m) => m.entityId));
  for (const m of mentions) count.set(m.entityId, (count.get(m.entityId) ?? 0) + 1);
  return mentions.filter((m) => (!m.short || full.has(m.entityId)) && (!m.weak || confirmed.has(m.entityId) || count.get(m.entityId)! >= 2));
}
