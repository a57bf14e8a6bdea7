/**
 * The resolve stage: of overlapping candidates, which one is the mention. Decisions within a
 * paragraph here; those that need the whole article in resolveArticleLevel.
 */
import type { Candidate, EntityMention } from './candidates';
import { COMPANY_ORGANS, FACILITIES, ORG_NAME_ENDS } from './kinds';
import { toSimplifiedView } from '../script/normalize';
import { entityId } from './lexiconEntry';
import { ADDRESS_ENDS, ADMINISTRATIVE_ENDS, isStreetAddress } from './places';
import { UNIT_CHARACTERS } from './sources/orgBounds';
import { endsWithAny } from '../text/chars';
import placeEdges from './data/placeEdges.json';

/** ADDRESS_ENDS by UTF-16 unit: the last character of every place, cut as a string, was a new string each. */
const ADDRESS_END_UNITS: ReadonlySet<number> = new Set([...ADDRESS_ENDS].map((ch) => ch.charCodeAt(0)));
/** The last UTF-16 units of FACILITIES: a place that ends on none of them is no facility, with no walk through the list. */
const FACILITY_LAST_UNITS: ReadonlySet<number> = new Set(FACILITIES.map((f) => f.charCodeAt(f.length - 1)));

/**
 * A place inside a longer organisation, work or place gives way to it: 中国 in 中国人民银行,
 * 北京 in 北京大学, 北京市 in 北京市朝阳区, 中国 in 中国美术馆. (An organisation, a work or a
 * place at k, not weak.)
 */
function placesInsideName(byStart: Candidate[], k: number, out: Set<Candidate>): void {
  const outer = byStart[k]!;
  const last = outer.type === 'place' ? outer.canonical.charCodeAt(outer.canonical.length - 1) : NaN;
  const address = outer.type === 'place' && (ADDRESS_END_UNITS.has(last) || (FACILITY_LAST_UNITS.has(last) && endsWithAny(outer.canonical, FACILITIES, outer.canonical.length)));
  if ((outer.type !== 'org' && outer.type !== 'work' && !address) || losesToStronger(byStart, k)) return;
  for (let j = k + 1; j < byStart.length && byStart[j]!.start < outer.end; j++) {
    const inner = byStart[j]!;
    // abbreviations (中美) are checked against the dictionary already: a model's 中美 organisation does not swallow them
    if (inner.type === 'place' && inner.source !== 'abbreviation' && inner.end <= outer.end && inner.end - inner.start < outer.end - outer.start) out.add(inner);
  }
}

/**
 * A name inside a headline in title marks (《独家！某某再投大模型》, 《某某出手，大模型全覆盖》) is a
 * word of the headline: the title of the article is the mention. A headline is told by its
 * punctuation: in shorter titles (《某某文选》) MSRA labels the names inside, and so does Gloss.
 * Not in an outlet's title, which is the outlet's name. (A title's work at k.)
 */
const HEADLINE = /[，,！!？?：:、]/;
function namesInsideTitle(byStart: Candidate[], k: number, out: Set<Candidate>): void {
  const outer = byStart[k]!;
  if (!HEADLINE.test(outer.canonical)) return;
  for (let j = k + 1; j < byStart.length && byStart[j]!.start < outer.end; j++) {
    const inner = byStart[j]!;
    if (inner.end <= outer.end && inner.end - inner.start < outer.end - outer.start) out.add(inner);
  }
}

/**
 * Whether a name the tagger read, other than a place, begins inside a rule's organisation at
 * k: the rule's name then loses (the tagger's priority is higher) and takes no place inside it down
 * with it (访韩国原三美集团, the suffix rule's, loses to the tagger's 三美集团, and 韩国 stays).
 */
function losesToStronger(byStart: Candidate[], k: number): boolean {
  const outer = byStart[k]!;
  if (outer.type !== 'org') return false;
  for (let j = k + 1; j < byStart.length && byStart[j]!.start < outer.end; j++) {
    const c = byStart[j]!;
    if (c.source === 'model' && c.type !== 'place' && c.priority > outer.priority && !c.weak) return true;
  }
  return false;
}

/**
 * A person or a place the tagger reads inside an organisation named by a strong suffix gives
 * way to it: 文渊 in 文渊智库, 北京 in 北京商报 (a weak suffix such as 科技 is not evidence
 * enough; the tagger's own organisations are better bounded than the suffix rule's). (The
 * suffix rule's organisation at k, not weak.)
 */
function taggerNamesInsideSuffixedOrganisation(byStart: Candidate[], k: number, out: Set<Candidate>): void {
  const outer = byStart[k]!;
  for (let j = k + 1; j < byStart.length && byStart[j]!.start < outer.end; j++) {
    const inner = byStart[j]!;
    if (inner.source === 'model' && inner.type !== 'org' && inner.end <= outer.end && inner.end - inner.start < outer.end - outer.start) out.add(inner);
  }
}

/**
 * A known organisation followed by more of an organisation's name is a part of that name:
 * 中信 in 中信银行, 中国电信 in 中国电信武汉分公司 (the longer name is a different entity).
 * (A known organisation at k.)
 */
function knownInsideLongerOrganisation(byStart: Candidate[], k: number, out: Set<Candidate>): void {
  const known = byStart[k]!;
  for (let j = k - 1; j >= 0 && byStart[j]!.start === known.start; j--) {
    const longer = byStart[j]!;
    if (longer.type === 'org' && longer.end > known.end && !longer.weak && ORG_NAME_ENDS.some((e) => longer.canonical.endsWith(e))) out.add(known);
  }
}

/**
 * A known organisation inside a longer one the tagger read, which names its country, its body
 * or its session before it or its unit after it, gives way to the longer name: 外交部 in
 * 德国外交部 (not the one the lexicon means), 中科院 in 中科院某某所, 解放军 in 人民解放军.
 * Not where the longer reading runs into other words (某部门, 某门, a verb after it). (The
 * tagger's organisation at k, not weak.)
 */
function knownInsideTaggerOrganisation(byStart: Candidate[], k: number, out: Set<Candidate>): void {
  const outer = byStart[k]!;
  for (let j = k + 1; j < byStart.length && byStart[j]!.start < outer.end; j++) {
    const inner = byStart[j]!;
    if (inner.type !== 'org' || (inner.source !== 'lexicon' && inner.source !== 'workspace') || inner.end > outer.end) continue;
    if (inner.end - inner.start >= outer.end - outer.start) continue;
    const before = outer.canonical.slice(0, inner.start - outer.start);
    const after = outer.canonical.slice(inner.end - outer.start);
    if (nameBefore(byStart, k, outer, inner, before) && unitAfter(after)) out.add(inner);
  }
}

/** What may come before a known organisation in a longer name: a place (德国), a session (第六届), a body (美国众议院). (Exported for the tests.) */
export function nameBefore(byStart: Candidate[], k: number, outer: Candidate, inner: Candidate, before: string): boolean {
  if (before === '' || before.length >= 2 || ORDINAL_SESSION.test(before)) return true;
  // one character only where it is a place's abbreviation: 菲 in 菲农业部 (not 指 or 市)
  for (let j = k + 1; j < byStart.length && byStart[j]!.start === outer.start; j++) {
    const c = byStart[j]!;
    if (c.type === 'place' && c.end === inner.start) return true;
  }
  return false;
}

/** What may follow a known organisation in a longer name: a unit (系, 所, 委员会, 总行), 中央, a congress (十五大). (Exported for the tests.) */
export function unitAfter(after: string): boolean {
  if (after === '' || NUMBERED_CONGRESS.test(after) || after.endsWith('中央')) return true;
  if (COMPANY_ORGANS.some((o) => after.endsWith(o))) return false;
  // 门 ends 部门 (a department of) and 北大门 (a gate) more often than a name
  return UNIT_CHARACTERS.has(after[after.length - 1]!) && !after.endsWith('门');
}

const ORDINAL_SESSION = /^第[0-9０-９〇零一二三四五六七八九十百]+[届次]$/;
const NUMBERED_CONGRESS = /^[0-9０-９一二三四五六七八九十]+大$/;

/**
 * A place the lexicon knows inside a person's name the tagger read gives way to the name:
 * 长春 in 李长春, 西安 in 王西安, 罗马 in 罗马里奥. (The tagger's person at k, not weak.)
 */
function knownPlacesInsidePerson(byStart: Candidate[], k: number, out: Set<Candidate>): void {
  const outer = byStart[k]!;
  for (let j = k + 1; j < byStart.length && byStart[j]!.start < outer.end; j++) {
    const inner = byStart[j]!;
    if (inner.type === 'place' && inner.source === 'lexicon' && inner.end <= outer.end && inner.end - inner.start < outer.end - outer.start) out.add(inner);
  }
}

/** What makes a longer place of a known one: a unit after it (市, 共和国, 站), a direction before it (data/placeEdges.json). */
const PLACE_UNITS_AFTER: readonly string[] = placeEdges.unitsAfter;
const DIRECTIONS_BEFORE: ReadonlySet<string> = new Set(placeEdges.directionsBefore);

/**
 * A place the lexicon knows inside a longer place the tagger read gives way to it where the
 * longer one adds only a unit after it or a direction before it: 莫斯科 in 莫斯科市, 爱沙尼亚
 * in 爱沙尼亚共和国, 北京 in 北京站, 马来西亚 in 东马来西亚 (a place of its own, as the
 * reader names it). (The tagger's place at k, not weak.)
 */
function knownPlacesInsideTaggerPlace(byStart: Candidate[], k: number, out: Set<Candidate>): void {
  const outer = byStart[k]!;
  for (let j = k + 1; j < byStart.length && byStart[j]!.start < outer.end; j++) {
    const inner = byStart[j]!;
    if (inner.type !== 'place' || inner.source !== 'lexicon' || inner.end > outer.end || inner.end - inner.start >= outer.end - outer.start) continue;
    const before = outer.canonical.slice(0, inner.start - outer.start);
    const after = outer.canonical.slice(inner.end - outer.start);
    // not after a unit already there: 台北市 + 市民 is no 台北市市
    const unitAlready = ADMINISTRATIVE_ENDS.has(outer.canonical[inner.end - outer.start - 1] ?? '');
    if ((before === '' && !unitAlready && PLACE_UNITS_AFTER.includes(after)) || (after === '' && DIRECTIONS_BEFORE.has(before))) out.add(inner);
  }
}

/**
 * The candidates that give way to one around them or beside them (the rules above), into `out`:
 * one pass over the candidates (sorted by start, longest first), each read once and handed to
 * the rules of its kind. Each rule reading every candidate in a pass of its own read their
 * kinds seven times over. Only which candidates give way counts, not the order found.
 * (Exported for the tests, which hold it to the seven passes.)
 */
export function candidatesGivingWay(byStart: Candidate[], out: Set<Candidate>): void {
  for (let k = 0; k < byStart.length; k++) {
    const c = byStart[k]!;
    const type = c.type;
    const source = c.source;
    if (type === 'org' && (source === 'lexicon' || source === 'workspace')) knownInsideLongerOrganisation(byStart, k, out);
    // the rules below take down names inside this one, which begin after it in the list: most
    // candidates have none (no string of theirs is cut to find out)
    if (!(k + 1 < byStart.length && byStart[k + 1]!.start < c.end)) continue;
    if (source === 'title' && type === 'work') namesInsideTitle(byStart, k, out);
    // (a weak name takes none down)
    if (c.weak) continue;
    if (type === 'org' || type === 'work' || type === 'place') placesInsideName(byStart, k, out);
    if (source === 'suffix') taggerNamesInsideSuffixedOrganisation(byStart, k, out);
    else if (source === 'model') {
      if (type === 'org') knownInsideTaggerOrganisation(byStart, k, out);
      else if (type === 'person') knownPlacesInsidePerson(byStart, k, out);
      else if (type === 'place') knownPlacesInsideTaggerPlace(byStart, k, out);
    }
  }
}

/**
 * Keeps the best of overlapping candidates: higher priority, then longer, then earlier.
 * An occupancy map over the text keeps this linear (mentions are short).
 */
export function resolveOverlaps(all: Candidate[]): EntityMention[] {
  const byStart = sortedByStartLongestFirst(all.slice());
  const givesWay = givingWay;
  // (left empty by every call, unless one threw)
  if (givesWay.size) givesWay.clear();
  candidatesGivingWay(byStart, givesWay);
  // the candidates that stay, then those taken, each in the list before it (no list of their
  // own: those and the set were most of what resolving allocated besides the mentions). A
  // stable sort by strength from start order is the one from the order proposed: candidates
  // of equal strength have one start and one end, and keep the order proposed in both.
  const candidates = byStart;
  if (givesWay.size) {
    let kept = 0;
    for (let i = 0; i < candidates.length; i++) if (!givesWay.has(candidates[i]!)) candidates[kept++] = candidates[i]!;
    candidates.length = kept;
    givesWay.clear();
  }
  sortedByStrength(candidates);
  let end = 0;
  for (let i = 0; i < candidates.length; i++) end = Math.max(end, candidates[i]!.end);
  const occupied = cleared(end + 1);
  let taken = 0;
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i]!;
    let free = true;
    for (let k = c.start; k < c.end && free; k++) if (occupied[k]) free = false;
    if (!free) continue;
    // (by a loop: a mention is a few units, and fill is a call into the runtime, 1,000 per
    // 20k article, each costing more than the units it marks)
    for (let k = c.start; k < c.end; k++) occupied[k] = 1;
    candidates[taken++] = c;
  }
  // the map left empty for the next call: only the units of the candidates taken were marked
  for (let i = 0; i < taken; i++) {
    const c = candidates[i]!;
    for (let k = c.start; k < c.end; k++) occupied[k] = 0;
  }
  occupancyMarked = false;
  // (the first `taken` of the list read, the list not cut to them: setting the length of an
  // array went through the generic store, some 500 instructions a paragraph)
  sortedByStart(candidates, taken);
  return mentionsWithAddresses(candidates, taken);
}

/** The candidates that give way, one set for every call (a call never re-enters), left empty. */
const givingWay = new Set<Candidate>();

/**
 * The occupancy map, one for every call (a call never re-enters): a typed array per paragraph
 * is an ArrayBuffer and, past 64 bytes, memory outside the heap, allocated and freed each time.
 */
let occupancy = new Uint8Array(1024);
/** Whether the map may hold marks: a call clears what it marked before it returns, unless it threw. */
let occupancyMarked = false;

/**
 * The occupancy map, empty over its first `length` units at least. Cleared in full only after a
 * call that threw: a fill of the map per paragraph was a call into the runtime each time.
 */
function cleared(length: number): Uint8Array {
  if (occupancy.length < length) occupancy = new Uint8Array(Math.max(length, 2 * occupancy.length));
  else if (occupancyMarked) occupancy.fill(0);
  occupancyMarked = true;
  return occupancy;
}

/** The plain mention of a candidate (a sink's reads its strings here), in the key order every mention has. */
function mentionOf(c: Candidate): EntityMention {
  const m: EntityMention = { start: c.start, end: c.end, text: c.text, type: c.type, canonical: c.canonical, entityId: c.entityId, source: c.source };
  if (c.short) m.short = true;
  if (c.weak) m.weak = true;
  return m;
}

const BY_START_LONGEST_FIRST = (a: Candidate, b: Candidate): number => a.start - b.start || b.end - a.end;
/** Higher priority, then longer, then earlier. */
const BY_STRENGTH = (a: Candidate, b: Candidate): number => b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start;
const BY_START = (a: Candidate, b: Candidate): number => a.start - b.start;

/**
 * `list` sorted in place as the stable Array.prototype.sort sorts it by BY_START_LONGEST_FIRST,
 * BY_STRENGTH or BY_START: a paragraph's few dozen candidates by insertion (the built-in sort
 * copies every list into a work array first, 5% of what an analysis allocated), a longer list by
 * the built-in sort (insertion is quadratic). One function per order, each comparison written
 * out: one insertion sort shared by the three orders called its comparator at every step, a
 * call the compiler did not inline (a fifth of resolving in the profile).
 */
function sortedByStartLongestFirst(list: Candidate[]): Candidate[] {
  if (list.length > 64) return list.sort(BY_START_LONGEST_FIRST);
  for (let i = 1; i < list.length; i++) {
    const x = list[i]!;
    let j = i;
    for (; j > 0; j--) {
      const a = list[j - 1]!;
      if (!(a.start > x.start || (a.start === x.start && x.end > a.end))) break;
      list[j] = a;
    }
    list[j] = x;
  }
  return list;
}

function sortedByStrength(list: Candidate[]): Candidate[] {
  if (list.length > 64) return list.sort(BY_STRENGTH);
  for (let i = 1; i < list.length; i++) {
    const x = list[i]!;
    let j = i;
    for (; j > 0; j--) {
      const a = list[j - 1]!;
      // BY_STRENGTH(a, x) > 0, written out
      const order = x.priority - a.priority || x.end - x.start - (a.end - a.start) || a.start - x.start;
      if (!(order > 0)) break;
      list[j] = a;
    }
    list[j] = x;
  }
  return list;
}

/** The first n of `list` sorted so (the rest of it dropped where the built-in sort sorts them). */
function sortedByStart(list: Candidate[], n: number): Candidate[] {
  if (n > 64) {
    list.length = n;
    return list.sort(BY_START);
  }
  for (let i = 1; i < n; i++) {
    const x = list[i]!;
    let j = i;
    for (; j > 0 && list[j - 1]!.start > x.start; j--) list[j] = list[j - 1]!;
    list[j] = x;
  }
  return list;
}

/**
 * The mentions of the kept candidates (sorted by start), where places written one after the
 * other down to a street, a house number or a village are one address, as the reader gives it
 * (郑州市 + 须水镇 + 西岗村 → 郑州市须水镇西岗村): the tagger, trained mostly on MSRA, reads
 * the units one by one. A run is read by its indices: most are one candidate long, and a copy
 * of each (and of the whole list) was a good part of what resolving allocated.
 */
function mentionsWithAddresses(sorted: Candidate[], n: number): EntityMention[] {
  const out: EntityMention[] = [];
  for (let k = 0; k < n; ) {
    // the run of places that touch, each looked at once: the whole is linear
    let j = k;
    while (j + 1 < n && sorted[j]!.type === 'place' && sorted[j + 1]!.type === 'place' && sorted[j + 1]!.start === sorted[j]!.end) j++;
    const first = sorted[k]!;
    const length = j + 1 - k;
    const from = k;
    k = j + 1;
    if (length > 1 && length <= LONGEST_ADDRESS) {
      let text = '';
      for (let r = from; r <= j; r++) text += sorted[r]!.text;
      // merges are rare: the one conversion here costs nothing on the whole
      const canonical = toSimplifiedView(text).text;
      if (isStreetAddress(canonical)) {
        out.push(mentionOf({ start: first.start, end: sorted[j]!.end, text, type: 'place', canonical, entityId: entityId('place', canonical), source: 'model', priority: first.priority, short: first.short, weak: first.weak }));
        continue;
      }
    }
    for (let r = from; r <= j; r++) out.push(mentionOf(sorted[r]!));
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
