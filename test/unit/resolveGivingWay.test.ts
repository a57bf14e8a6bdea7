import * as assert from 'node:assert/strict';
import { Priority, type Candidate, type EntitySource } from '../../src/core/entities/candidates';
import type { EntityType } from '../../src/core/entities/lexicon';
import { FACILITIES, ORG_NAME_ENDS } from '../../src/core/entities/kinds';
import { ADDRESS_ENDS, ADMINISTRATIVE_ENDS } from '../../src/core/entities/places';
import { candidatesGivingWay, nameBefore, unitAfter } from '../../src/core/entities/resolve';
import placeEdges from '../../src/core/entities/data/placeEdges.json';

/**
 * The rules of names giving way (resolve.ts) as seven passes over the candidates, one per rule,
 * as they were before candidatesGivingWay read the candidates once: the reference it is held to.
 */
function sevenPasses(byStart: Candidate[]): Set<Candidate> {
  const out = new Set<Candidate>();
  const inside = (k: number, each: (inner: Candidate, outer: Candidate) => void) => {
    const outer = byStart[k]!;
    for (let j = k + 1; j < byStart.length && byStart[j]!.start < outer.end; j++) each(byStart[j]!, outer);
  };
  const contained = (inner: Candidate, outer: Candidate) => inner.end <= outer.end && inner.end - inner.start < outer.end - outer.start;
  const losesToStronger = (k: number) => {
    const outer = byStart[k]!;
    if (outer.type !== 'org') return false;
    let loses = false;
    inside(k, (c) => (loses ||= c.source === 'model' && c.type !== 'place' && c.priority > outer.priority && !c.weak));
    return loses;
  };
  for (let k = 0; k < byStart.length; k++) {
    const outer = byStart[k]!;
    const c = outer.canonical;
    const address = outer.type === 'place' && (ADDRESS_ENDS.has(c[c.length - 1] ?? '') || FACILITIES.some((f) => c.endsWith(f)));
    if ((outer.type !== 'org' && outer.type !== 'work' && !address) || outer.weak || losesToStronger(k)) continue;
    inside(k, (inner) => inner.type === 'place' && inner.source !== 'abbreviation' && contained(inner, outer) && out.add(inner));
  }
  for (let k = 0; k < byStart.length; k++) {
    const outer = byStart[k]!;
    if (outer.source !== 'title' || outer.type !== 'work' || !/[，,！!？?：:、]/.test(outer.canonical)) continue;
    inside(k, (inner) => contained(inner, outer) && out.add(inner));
  }
  for (let k = 0; k < byStart.length; k++) {
    const known = byStart[k]!;
    if (known.type !== 'org' || (known.source !== 'lexicon' && known.source !== 'workspace')) continue;
    for (let j = k - 1; j >= 0 && byStart[j]!.start === known.start; j--) {
      const longer = byStart[j]!;
      if (longer.type === 'org' && longer.end > known.end && !longer.weak && ORG_NAME_ENDS.some((e) => longer.canonical.endsWith(e))) out.add(known);
    }
  }
  for (let k = 0; k < byStart.length; k++) {
    const outer = byStart[k]!;
    if (outer.source !== 'suffix' || outer.weak) continue;
    inside(k, (inner) => inner.source === 'model' && inner.type !== 'org' && contained(inner, outer) && out.add(inner));
  }
  for (let k = 0; k < byStart.length; k++) {
    const outer = byStart[k]!;
    if (outer.type !== 'org' || outer.source !== 'model' || outer.weak) continue;
    inside(k, (inner) => {
      if (inner.type !== 'org' || (inner.source !== 'lexicon' && inner.source !== 'workspace') || !contained(inner, outer)) return;
      const before = outer.canonical.slice(0, inner.start - outer.start);
      const after = outer.canonical.slice(inner.end - outer.start);
      if (nameBefore(byStart, k, outer, inner, before) && unitAfter(after)) out.add(inner);
    });
  }
  for (let k = 0; k < byStart.length; k++) {
    const outer = byStart[k]!;
    if (outer.type !== 'person' || outer.source !== 'model' || outer.weak) continue;
    inside(k, (inner) => inner.type === 'place' && inner.source === 'lexicon' && contained(inner, outer) && out.add(inner));
  }
  for (let k = 0; k < byStart.length; k++) {
    const outer = byStart[k]!;
    if (outer.type !== 'place' || outer.source !== 'model' || outer.weak) continue;
    inside(k, (inner) => {
      if (inner.type !== 'place' || inner.source !== 'lexicon' || !contained(inner, outer)) return;
      const before = outer.canonical.slice(0, inner.start - outer.start);
      const after = outer.canonical.slice(inner.end - outer.start);
      const unitAlready = ADMINISTRATIVE_ENDS.has(outer.canonical[inner.end - outer.start - 1] ?? '');
      if ((before === '' && !unitAlready && placeEdges.unitsAfter.includes(after)) || (after === '' && placeEdges.directionsBefore.includes(before))) out.add(inner);
    });
  }
  return out;
}

function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 48271) % 2147483647) / 2147483647;
}

/**
 * Pieces the rules read, in either script and with astral characters: places and their units,
 * facilities, organisations' ends, headline punctuation, sessions and congresses, directions.
 */
const PIECES = ['北京', '北京市', '朝阳区', '中国', '中國', '人民银行', '銀行', '集团', '集團', '外交部', '第六届', '十五大', '中央', '部门', '美术馆',
  '火车站', '东', '马来西亚', '共和国', '市', '站', '路', '号', '，', '！', '《', '》', '林晓雨', '科技', '𠀋', '𪚥𠮷', '的', '和', '某'];
const TYPES: EntityType[] = ['person', 'place', 'org', 'work', 'product'];
const SOURCES: EntitySource[] = ['lexicon', 'workspace', 'model', 'suffix', 'title', 'abbreviation', 'role', 'latin', 'quoted'];

function generated(seed: number): { text: string; byStart: Candidate[] } {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  let text = '';
  while (text.length < 6 + next() * 30) text += pick(PIECES);
  const all: Candidate[] = [];
  const count = Math.floor(next() * 24);
  for (let n = 0; n < count; n++) {
    const start = Math.floor(next() * text.length);
    const end = Math.min(text.length, start + 1 + Math.floor(next() * 8));
    const source = pick(SOURCES);
    const canonical = text.slice(start, end);
    const type = pick(TYPES);
    const priority = source === 'model' ? Priority.Tagger : source === 'lexicon' || source === 'workspace' ? Priority.Known : pick([Priority.Pattern, Priority.Tagger, Priority.Known]);
    const c: Candidate = { start, end, text: canonical, type, canonical, entityId: `${type}:${canonical}`, source, priority };
    if (next() < 0.2) c.weak = true;
    all.push(c);
    // a shorter one at the same start, or one inside it, as the sources nest them
    if (next() < 0.5 && end - start > 1) {
      const inner = start + Math.floor(next() * (end - start - 1));
      const innerEnd = inner + 1 + Math.floor(next() * (end - inner - 1));
      const t = text.slice(inner, innerEnd);
      const innerType = pick(TYPES);
      all.push({ start: inner, end: innerEnd, text: t, type: innerType, canonical: t, entityId: `${innerType}:${t}`, source: pick(SOURCES), priority: Priority.Known });
    }
  }
  const byStart = all.sort((a, b) => a.start - b.start || b.end - a.end);
  return { text, byStart };
}

describe('entities: the rules of names giving way, read in one pass', () => {
  it('take down what the seven passes took down, on generated candidates in either script and with astral characters', () => {
    let taken = 0;
    for (let seed = 1; seed <= 3000; seed++) {
      const { text, byStart } = generated(seed);
      const want = sevenPasses(byStart);
      const got = new Set<Candidate>();
      candidatesGivingWay(byStart, got);
      assert.deepEqual([...got].sort((a, b) => byStart.indexOf(a) - byStart.indexOf(b)), [...want].sort((a, b) => byStart.indexOf(a) - byStart.indexOf(b)), `${text} (seed ${seed})`);
      taken += want.size;
    }
    // the generated candidates reach the rules
    assert.ok(taken > 1000, `${taken}`);
  });
});
