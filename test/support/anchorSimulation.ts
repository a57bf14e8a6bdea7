/**
 * Re-anchoring under random edits, with every character's identity tracked: the simulation
 * knows where each annotated character went, so it can tell a correct placement from one on
 * other words. The text is generated here (long, repetitive Chinese news prose with repeated
 * names, sentences and whole paragraphs), never taken from the seeds.
 *
 * Used by test/unit/anchorProperty.test.ts (a fixed seed, ≥ 10,000 edits) and by
 * `npm run bench anchors` (a longer run that also reports the orphan rate).
 */
import { createAnchor, rankAnchorCandidates, resolveAnchor } from '../../src/core/sidecar/anchor';
import { foldString } from '../../src/core/sidecar/anchorText';
import type { Anchor } from '../../src/core/sidecar/model';
import { traditionalConverter, simplifiedConverter } from '../../src/core/script/normalize';
import { OffsetIndex, stripBom } from '../../src/core/text/offsets';

/** mulberry32: small, fast and deterministic, so that a failure can be replayed from its seed. */
export function rng(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A text of `length` pieces, each drawn from `pieces` with `next` (for the differential tests of the speed work). */
export function randomText(next: () => number, pieces: readonly string[], length: number): string {
  let s = '';
  for (let k = 0; k < length; k++) s += pieces[Math.floor(next() * pieces.length)]!;
  return s;
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

// a small vocabulary, so that names, phrases and whole sentences repeat as they do in news
const ORGS = ['星河科技', '晨光集团', '远望咨询', '海川银行', '北辰汽车', '云帆网络', '青石资本', '阿里云', '蓝海证券', '天际航空', '松果智能', '长风能源'];
const PEOPLE = ['陈立峰', '李慕白', '王思远', '张晓雯', '周明', '张勇', '赵一鸣', '孙启航', '刘畅', '郑雅'];
const PLACES = ['中国', '海外', '华东', '欧洲', '东南亚', '北美', '西南地区', '长三角'];
const VERBS = ['表示', '认为', '指出', '透露', '强调'];
const THINGS = ['云计算', '新能源', '芯片', '广告业务', '海外市场', '大模型', '物流网络', '会员服务'];
const TEMPLATES: Array<(r: () => number) => string> = [
  (r) => `${pick(r, ORGS)}发布季度财报，营收为${num(r)}亿元，同比增长${num(r, 2)}%。`,
  (r) => `${pick(r, PEOPLE)}${pick(r, VERBS)}，${pick(r, ORGS)}的${pick(r, THINGS)}份额第一。`,
  (r) => `据${pick(r, ORGS)}统计，在${pick(r, PLACES)}，${pick(r, ORGS)}的份额不高。`,
  (r) => `${pick(r, ORGS)}创始人${pick(r, PEOPLE)}说，${pick(r, THINGS)}是基础设施。`,
  (r) => `记者问${pick(r, PEOPLE)}：“${pick(r, PLACES)}的${pick(r, THINGS)}呢？”`,
  (r) => `分析机构${pick(r, ORGS)}的报告显示，${pick(r, THINGS)}市场规模扩大了${num(r, 2)}%。`,
  (r) => `${pick(r, PEOPLE)}${pick(r, VERBS)}，${pick(r, PLACES)}的需求还在增长。`,
  (r) => `${2018 + Math.floor(r() * 8)}年，${pick(r, ORGS)}在${pick(r, PLACES)}的收入约合${num(r)}亿美元。`,
  (r) => `${pick(r, ORGS)}的${pick(r, THINGS)}收入达到${num(r)}亿元，市场反应积极。`,
];
// a few fixed sentences that recur word for word
const FIXED = ['云计算是增长引擎。', '张勇表示，张勇认为。', '阿里云的份额第一。', '市场反应积极。'];

function num(r: () => number, digits = 4): string {
  const n = Math.floor(r() * 10 ** (1 + Math.floor(r() * digits)));
  return r() < 0.3 ? `${n}.${Math.floor(r() * 100)}` : String(n);
}

function sentence(r: () => number): string {
  return r() < 0.08 ? pick(r, FIXED) : pick(r, TEMPLATES)(r);
}

/** An article of about `length` UTF-16 units: paragraphs of 1–4 sentences, some repeated whole (as scraped articles do). */
export function generateArticle(r: () => number, length: number): string {
  const paragraphs: string[] = [];
  let n = 0;
  while (n < length) {
    let p: string;
    if (paragraphs.length > 2 && r() < 0.08) p = pick(r, paragraphs);
    else {
      p = '';
      const k = 1 + Math.floor(r() * 4);
      for (let i = 0; i < k; i++) p += sentence(r);
      if (r() < 0.03) p = '😀' + p;
    }
    paragraphs.push(p);
    n += p.length + 1;
  }
  return paragraphs.join('\n') + '\n';
}

/** A document whose every UTF-16 unit has an identity; new text gets new identities. */
class Doc {
  units: string[];
  ids: number[];
  next = 0;
  constructor(text: string) {
    this.units = [...text.split('')];
    this.ids = this.units.map(() => this.next++);
  }
  private joined?: string;
  get text(): string {
    return (this.joined ??= this.units.join(''));
  }
  splice(at: number, remove: number, insert: string, keepIds?: number[]): void {
    this.joined = undefined;
    const ins = insert.split('');
    this.units.splice(at, remove, ...ins);
    this.ids.splice(at, remove, ...(keepIds ?? ins.map(() => this.next++)));
  }
  isLow(i: number): boolean {
    const c = this.units[i]?.charCodeAt(0) ?? 0;
    return c >= 0xdc00 && c <= 0xdfff;
  }
  /** A boundary that does not split a surrogate pair. */
  boundary(i: number): number {
    return this.isLow(i) ? i - 1 : i;
  }
}

export type EditKind = 'insert' | 'delete' | 'replace' | 'move' | 'copy' | 'script' | 'crlf' | 'bom';
const EDITS: Array<[EditKind, number]> = [
  ['insert', 26], ['delete', 22], ['replace', 22], ['move', 8], ['copy', 6], ['script', 8], ['crlf', 4], ['bom', 4],
];

function snippet(r: () => number): string {
  // mostly the article's own vocabulary, so that edits create new copies of quotes
  const x = r();
  if (x < 0.4) return sentence(r).slice(0, 1 + Math.floor(r() * 20));
  if (x < 0.7) return pick(r, [...ORGS, ...PEOPLE, ...PLACES, ...THINGS]);
  let s = '';
  const n = 1 + Math.floor(r() * 6);
  for (let i = 0; i < n; i++) s += String.fromCharCode(0x4e00 + Math.floor(r() * 2000));
  return s;
}

function lineRanges(units: string[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  for (let i = 0; i < units.length; i++) {
    if (units[i] === '\n') {
      out.push([start, i + 1]);
      start = i + 1;
    }
  }
  if (start < units.length) out.push([start, units.length]);
  return out;
}

function convertChar(ch: string, toTraditional: boolean): string {
  const c = (toTraditional ? traditionalConverter() : simplifiedConverter())(ch);
  return c.length === ch.length ? c : ch;
}

/** Applies one random edit of the given kind. */
function edit(doc: Doc, r: () => number, kind: EditKind): void {
  const len = doc.units.length;
  switch (kind) {
    case 'insert':
      doc.splice(doc.boundary(Math.floor(r() * (len + 1))), 0, snippet(r));
      return;
    case 'delete':
    case 'replace': {
      const at = doc.boundary(Math.floor(r() * len));
      const end = doc.boundary(Math.min(len, at + 1 + Math.floor(r() * (r() < 0.2 ? 40 : 10))));
      doc.splice(at, Math.max(0, end - at), kind === 'replace' ? snippet(r) : '');
      return;
    }
    case 'move':
    case 'copy': {
      const lines = lineRanges(doc.units);
      if (lines.length < 3) return;
      const [s, e] = pick(r, lines);
      const units = doc.units.slice(s, e);
      const ids = doc.ids.slice(s, e);
      if (units[units.length - 1] !== '\n') return;
      if (kind === 'move') {
        doc.units.splice(s, e - s);
        doc.ids.splice(s, e - s);
      }
      const after = lineRanges(doc.units);
      const to = pick(r, after)[0];
      doc.splice(to, 0, units.join(''), kind === 'move' ? ids : undefined);
      return;
    }
    case 'script': {
      const lines = lineRanges(doc.units);
      const [s, e] = pick(r, lines);
      const toTraditional = r() < 0.7;
      for (let i = s; i < e; i++) doc.units[i] = convertChar(doc.units[i]!, toTraditional);
      doc.splice(0, 0, '');
      return;
    }
    case 'crlf': {
      const hasCr = doc.units.includes('\r');
      for (let i = doc.units.length - 1; i >= 0; i--) {
        if (hasCr && doc.units[i] === '\r' && doc.units[i + 1] === '\n') doc.splice(i, 1, '');
        else if (!hasCr && doc.units[i] === '\n') doc.splice(i, 0, '\r');
      }
      return;
    }
    case 'bom':
      if (doc.units[0] === '\uFEFF') doc.splice(0, 1, '');
      else doc.splice(0, 0, '\uFEFF');
      return;
  }
}

interface Tracked {
  anchor: Anchor;
  /** Identities of the annotated characters. */
  ids: Set<number>;
  /** Identities below this existed when the anchor was made. */
  epoch: number;
}

export interface SimulationResult {
  edits: number;
  resolutions: number;
  placed: number;
  /** On other words: none of the annotated characters, or mostly characters that were not annotated. */
  misplaced: number;
  /** On an exact copy of prefix, quote and suffix (up to script and line endings): no one can tell them apart. */
  indistinguishable: number;
  orphans: number;
  /** Orphans whose words and context were all still there, unchanged. */
  needlessOrphans: number;
  /** Orphans whose words were gone or edited. */
  orphansOfEditedWords: number;
  byKind: Record<string, { edits: number; misplaced: number }>;
  failures: string[];
}

/** The text as Gloss reads it (BOM stripped), with the identities of its units. */
function view(doc: Doc): { text: string; ids: number[] } {
  const text = doc.text;
  const stripped = stripBom(text);
  return { text: stripped, ids: stripped.length === text.length ? doc.ids : doc.ids.slice(1) };
}

function pickAnnotations(text: string, r: () => number, count: number, epoch: number, ids: number[]): Tracked[] {
  const index = new OffsetIndex(text);
  const out: Tracked[] = [];
  const names = [...ORGS, ...PEOPLE, ...PLACES, ...THINGS];
  for (let tries = 0; out.length < count && tries < count * 20; tries++) {
    let s: number;
    let e: number;
    const x = r();
    if (x < 0.45) {
      // a short name, repeated all over the article
      const name = pick(r, names);
      const all: number[] = [];
      for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) all.push(at);
      if (!all.length) continue;
      s = pick(r, all);
      e = s + name.length;
    } else {
      const len = x < 0.8 ? 4 + Math.floor(r() * 10) : 16 + Math.floor(r() * 40);
      s = Math.floor(r() * Math.max(1, text.length - len));
      e = Math.min(text.length, s + len);
    }
    const isLow = (i: number) => text.charCodeAt(i) >= 0xdc00 && text.charCodeAt(i) <= 0xdfff;
    if (isLow(s) || isLow(e) || e <= s) continue;
    if (/^\s|\s$/.test(text.slice(s, e))) continue;
    const anchor = createAnchor(text, index.toCodePoint(s), index.toCodePoint(e), index);
    out.push({ anchor, ids: new Set(ids.slice(s, e)), epoch });
  }
  return out;
}

/** Whether the folded prefix, quote and suffix at [s, e) are exactly the anchor's. */
function isCopy(text: string, s: number, e: number, a: Anchor): boolean {
  const fold = (x: string) => foldString(x);
  const p = fold(a.prefix);
  const q = fold(a.quote);
  const x = fold(a.suffix);
  const before = fold(text.slice(Math.max(0, s - a.prefix.length - 8), s));
  const after = fold(text.slice(e, e + a.suffix.length + 8));
  return fold(text.slice(s, e)) === q && before.endsWith(p) && after.startsWith(x);
}

export interface SimulationOptions {
  seed: number;
  /** Articles (trials); each starts fresh. */
  articles: number;
  /** Edits per article; every annotation is resolved after each. */
  editsPerArticle: number;
  articleLength: number;
  annotationsPerArticle: number;
  /** Where the articles come from (default: generated here). */
  article?: (random: () => number) => string;
  /** Chance, after an edit, of writing the re-anchored sidecar (as `gloss format` or a save does). */
  reanchorChance?: number;
  /** Called with the ranked candidates of every resolution and whether the best is on the annotated words. */
  observe?: (candidates: ReturnType<typeof rankAnchorCandidates>, bestIs: 'right' | 'wrong' | 'copy' | 'none', kind: EditKind, text: string, anchor: Anchor) => void;
}

export function simulate(o: SimulationOptions): SimulationResult {
  const r = rng(o.seed);
  const res: SimulationResult = {
    edits: 0, resolutions: 0, placed: 0, misplaced: 0, indistinguishable: 0, orphans: 0, needlessOrphans: 0, orphansOfEditedWords: 0, byKind: {}, failures: [],
  };
  const weights = EDITS.reduce((n, [, w]) => n + w, 0);
  const randomKind = (): EditKind => {
    let x = r() * weights;
    for (const [k, w] of EDITS) if ((x -= w) < 0) return k;
    return 'insert';
  };
  for (let art = 0; art < o.articles; art++) {
    const doc = new Doc(o.article ? o.article(r) : generateArticle(r, o.articleLength));
    let v = view(doc);
    let tracked = pickAnnotations(v.text, r, o.annotationsPerArticle, doc.next, v.ids);
    for (let k = 0; k < o.editsPerArticle; k++) {
      const kind = randomKind();
      edit(doc, r, kind);
      res.edits++;
      const stats = (res.byKind[kind] ??= { edits: 0, misplaced: 0 });
      stats.edits++;
      v = view(doc);
      const index = new OffsetIndex(v.text);
      const where = new Int32Array(doc.next).fill(-1);
      v.ids.forEach((id, i) => (where[id] = i));
      const position = { has: (id: number) => where[id]! >= 0, get: (id: number) => where[id]! };
      const reanchor = r() < (o.reanchorChance ?? 0.1);
      tracked = tracked.map((t) => {
        res.resolutions++;
        const rr = resolveAnchor(v.text, t.anchor, index);
        if (o.observe) {
          const cands = rankAnchorCandidates(v.text, t.anchor, { index });
          const b = cands[0];
          if (!b) o.observe(cands, 'none', kind, v.text, t.anchor);
          else {
            const bs = index.toUtf16(b.start);
            const be = index.toUtf16(b.end);
            const h = v.ids.slice(bs, be);
            const ownB = h.filter((id) => t.ids.has(id)).length;
            const foreignB = h.filter((id) => id < t.epoch && !t.ids.has(id)).length;
            const wrongB = ownB === 0 || foreignB > Math.max(1, ownB);
            o.observe(cands, !wrongB ? 'right' : isCopy(v.text, bs, be, t.anchor) ? 'copy' : 'wrong', kind, v.text, t.anchor);
          }
        }
        const alive = [...t.ids].filter((id) => position.has(id));
        if (rr.status === 'orphan') {
          res.orphans++;
          const intact =
            alive.length === t.ids.size && isCopy(v.text, position.get(Math.min(...alive))!, position.get(Math.max(...alive))! + 1, t.anchor);
          if (intact) res.needlessOrphans++;
          if (alive.length < t.ids.size) res.orphansOfEditedWords++;
          return t;
        }
        res.placed++;
        const s = index.toUtf16(rr.start);
        const e = index.toUtf16(rr.end);
        const here = v.ids.slice(s, e);
        const own = here.filter((id) => t.ids.has(id)).length;
        const foreign = here.filter((id) => id < t.epoch && !t.ids.has(id)).length;
        const wrong = own === 0 || foreign > Math.max(1, own);
        if (wrong) {
          if (isCopy(v.text, s, e, t.anchor)) res.indistinguishable++;
          else {
            res.misplaced++;
            stats.misplaced++;
            if (res.failures.length < 5) {
              res.failures.push(
                `seed ${o.seed} article ${art} edit ${k} (${kind}): ${JSON.stringify(t.anchor)} → ${JSON.stringify(rr)} ` +
                  `= ${JSON.stringify(v.text.slice(s - 10, e + 10))}; its words: ${alive.length ? `${index.toCodePoint(position.get(Math.min(...alive))!)} ${JSON.stringify(v.text.slice(position.get(Math.min(...alive))! - 10, position.get(Math.max(...alive))! + 11))}` : 'gone'}` +
                  `\n    candidates: ${JSON.stringify(rankAnchorCandidates(v.text, t.anchor, { index, limit: 3 }))}`,
              );
            }
          }
          return t;
        }
        if (!reanchor) return t;
        return { anchor: createAnchor(v.text, rr.start, rr.end, index), ids: new Set(here), epoch: doc.next };
      });
    }
  }
  return res;
}
