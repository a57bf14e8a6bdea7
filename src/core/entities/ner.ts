/**
 * Inference for the character-level entity tagger trained by scripts/train-ner.mjs: a
 * structured averaged perceptron with BIO labels, decoded by Viterbi. The model file is
 * read on first use (about 5 MB), never at activation.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NER_LABELS, type NerType } from './nerFeatures';

/**
 * Weights of one feature template in an open-addressing hash table over typed arrays, keyed
 * exactly by up to three character codes: a lookup allocates nothing and hashes integers.
 */
class WeightTable {
  private readonly mask: number;
  /** Per slot: three key codes and the row of its weights (-1 in the first key: empty). */
  private readonly slots: Int32Array;
  readonly weights: Int8Array;
  private rows = 0;

  constructor(capacity: number, private readonly labels: number) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size * 4).fill(-1);
    this.weights = new Int8Array(capacity * labels);
  }

  private static hash(a: number, b: number, c: number): number {
    return Math.imul(Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b) ^ Math.imul(c, 0xc2b2ae35), 0x27d4eb2d) >>> 0;
  }

  set(a: number, b: number, c: number, w: ArrayLike<number>): void {
    let h = WeightTable.hash(a, b, c) & this.mask;
    while (this.slots[h * 4] !== -1) h = (h + 1) & this.mask;
    const at = h * 4;
    this.slots[at] = a;
    this.slots[at + 1] = b;
    this.slots[at + 2] = c;
    this.slots[at + 3] = this.rows;
    for (let y = 0; y < this.labels; y++) this.weights[this.rows * this.labels + y] = w[y]!;
    this.rows++;
  }

  /** Offset of the key's weights in `weights`, or -1. */
  find(a: number, b: number, c: number): number {
    const slots = this.slots;
    let h = WeightTable.hash(a, b, c) & this.mask;
    for (;;) {
      const at = h * 4;
      const k = slots[at]!;
      if (k === -1) return -1;
      if (k === a && slots[at + 1] === b && slots[at + 2] === c) return slots[at + 3]! * this.labels;
      h = (h + 1) & this.mask;
    }
  }
}

interface Model {
  templates: Map<string, WeightTable>;
  bias: Int8Array;
  transitions: Int16Array;
}

let model: Model | null | undefined;
let explicitPath: string | undefined;

/** Where to read the model from, for hosts that keep it elsewhere. */
export function setNerModelPath(path: string): void {
  explicitPath = path;
  model = undefined;
}

function candidates(): string[] {
  return [
    ...(explicitPath ? [explicitPath] : []),
    join(__dirname, 'ner.json'), // beside the bundle (dist/)
    join(__dirname, 'model/ner.json'), // beside the source
    join(__dirname, '../../../../src/core/entities/model/ner.json'), // from out/src/core/entities
  ];
}

/** One character's code in feature keys: BMP as is, astral characters share one code. */
function code(ch: string): number {
  const c = ch.charCodeAt(0);
  return ch.length > 1 ? 0xffff : c;
}

const TEMPLATE_ARITY: Record<string, number> = {
  'u-2': 1, 'u-1': 1, u0: 1, u1: 1, u2: 1, 'b-1': 2, b0: 2, 'b-2': 2, b1: 2, t: 3, k: 3,
};

/** Splits a feature string ("b-1星河") into its template and character codes. */
function parseFeature(f: string): [string, number[]] | undefined {
  for (const tpl of ['u-2', 'u-1', 'u0', 'u1', 'u2', 'b-1', 'b-2', 'b0', 'b1', 't', 'k']) {
    if (!f.startsWith(tpl)) continue;
    const chars = [...f.slice(tpl.length)];
    if (chars.length !== TEMPLATE_ARITY[tpl]) continue;
    return [tpl, chars.map(code)];
  }
  return undefined;
}

function load(): Model | null {
  if (model !== undefined) return model;
  const path = candidates().find((p) => existsSync(p));
  if (!path) return (model = null);
  const raw = JSON.parse(readFileSync(path, 'utf8')) as { labels: string[]; transitions: number[]; features: string };
  if (raw.labels.join() !== NER_LABELS.join()) return (model = null);
  const L = NER_LABELS.length;
  let bias = new Int8Array(L);
  const parsed: Array<[string, number[], number[]]> = [];
  for (const line of raw.features.split('\n')) {
    const tab = line.lastIndexOf('\t');
    const name = line.slice(0, tab);
    const weights = line.slice(tab + 1).split(',').map(Number);
    if (name === 'b') {
      bias = Int8Array.from(weights);
      continue;
    }
    const f = parseFeature(name);
    if (f) parsed.push([f[0], f[1], weights]);
  }
  const counts = new Map<string, number>();
  for (const [tpl] of parsed) counts.set(tpl, (counts.get(tpl) ?? 0) + 1);
  const templates = new Map<string, WeightTable>();
  for (const [tpl, n] of counts) templates.set(tpl, new WeightTable(n, L));
  for (const [tpl, codes, weights] of parsed) templates.get(tpl)!.set(codes[0]!, codes[1] ?? 0, codes[2] ?? 0, weights);
  return (model = { templates, bias, transitions: Int16Array.from(raw.transitions) });
}

export function nerAvailable(): boolean {
  return load() !== null;
}

const L = NER_LABELS.length;
const ALLOWED: boolean[] = [];
for (let from = 0; from <= L; from++) {
  for (let to = 0; to < L; to++) {
    const l = NER_LABELS[to]!;
    let ok = true;
    if (l.startsWith('I-')) ok = from < L && NER_LABELS[from] !== 'O' && NER_LABELS[from]!.slice(2) === l.slice(2);
    ALLOWED[from * L + to] = ok;
  }
}

export interface NerSpan {
  /** UTF-16 offsets into the tagged string. */
  start: number;
  end: number;
  type: NerType;
}

/** Predecessors each label may follow (an I- label only its own B- or I-). */
const PREDECESSORS: Int32Array[] = NER_LABELS.map((_, to) => Int32Array.from(NER_LABELS.map((__, from) => from).filter((from) => ALLOWED[from * L + to])));

function classOf(c: number): number {
  if ((c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19)) return 0x44; // D
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) return 0x4c; // L
  if (c >= 0x4e00 && c <= 0x9fff) return 0x48; // H
  if (c === 0x20 || c === 0xa0 || c === 0x3000) return 0x53; // S
  return 0x50; // P
}

/**
 * Tags a string given in its Simplified, lower-cased view. Work is linear: a few integer
 * hash lookups and a 9-label Viterbi step per character, with no allocation per character.
 */
export function tagEntities(text: string): NerSpan[] {
  const m = load();
  if (!m || text.length === 0) return [];
  // code points, their UTF-16 offsets, and character classes
  let n = 0;
  const codes = new Int32Array(text.length + 4);
  const offsets = new Int32Array(text.length + 1);
  const classes = new Int32Array(text.length + 2);
  for (let u = 0; u < text.length; ) {
    const cp = text.codePointAt(u)!;
    const width = cp > 0xffff ? 2 : 1;
    const digit = (cp >= 0x30 && cp <= 0x39) || (cp >= 0xff10 && cp <= 0xff19);
    codes[n + 2] = digit ? 0x30 : width === 2 ? 0xffff : cp;
    classes[n + 1] = classOf(cp);
    offsets[n] = u;
    n++;
    u += width;
  }
  offsets[n] = text.length;
  codes[0] = codes[1] = 0x3c; // <
  codes[n + 2] = codes[n + 3] = 0x3e; // >
  classes[0] = classes[n + 1] = 0x5f; // _
  const T = m.templates;
  const none = new WeightTable(1, L);
  const tbl = (name: string) => T.get(name) ?? none;
  const [um2, um1, u0, up1, up2] = [tbl('u-2'), tbl('u-1'), tbl('u0'), tbl('u1'), tbl('u2')];
  const [bm1, b0, bm2, b1, tri, k3] = [tbl('b-1'), tbl('b0'), tbl('b-2'), tbl('b1'), tbl('t'), tbl('k')];
  const score = new Float64Array(n * L);
  const back = new Int8Array(n * L);
  const emit = new Float64Array(L);
  const add = (t: WeightTable, at: number) => {
    if (at < 0) return;
    const w = t.weights;
    for (let y = 0; y < L; y++) emit[y]! += w[at + y]!;
  };
  const trans = m.transitions;
  for (let i = 0; i < n; i++) {
    emit.set(m.bias);
    const m2 = codes[i]!;
    const m1 = codes[i + 1]!;
    const c0 = codes[i + 2]!;
    const p1 = codes[i + 3]!;
    const p2 = codes[i + 4]!;
    add(um2, um2.find(m2, 0, 0));
    add(um1, um1.find(m1, 0, 0));
    add(u0, u0.find(c0, 0, 0));
    add(up1, up1.find(p1, 0, 0));
    add(up2, up2.find(p2, 0, 0));
    add(bm1, bm1.find(m1, c0, 0));
    add(b0, b0.find(c0, p1, 0));
    add(bm2, bm2.find(m2, m1, 0));
    add(b1, b1.find(p1, p2, 0));
    add(tri, tri.find(m1, c0, p1));
    add(k3, k3.find(classes[i]!, classes[i + 1]!, classes[i + 2]!));
    const row = i * L;
    if (i === 0) {
      for (let y = 0; y < L; y++) score[y] = ALLOWED[L * L + y] ? emit[y]! + trans[L * L + y]! : -Infinity;
      continue;
    }
    const prev = row - L;
    for (let y = 0; y < L; y++) {
      const preds = PREDECESSORS[y]!;
      let best = -Infinity;
      let arg = 0;
      for (let k = 0; k < preds.length; k++) {
        const p = preds[k]!;
        const v = score[prev + p]! + trans[p * L + y]!;
        if (v > best) {
          best = v;
          arg = p;
        }
      }
      score[row + y] = best + emit[y]!;
      back[row + y] = arg;
    }
  }
  const labels = new Int8Array(n);
  let y = 0;
  for (let k = 1; k < L; k++) if (score[(n - 1) * L + k]! > score[(n - 1) * L + y]!) y = k;
  for (let i = n - 1; i >= 0; i--) {
    labels[i] = y;
    y = back[i * L + y]!;
  }
  const spans: NerSpan[] = [];
  for (let i = 0; i < n; i++) {
    const l = NER_LABELS[labels[i]!]!;
    if (!l.startsWith('B-')) continue;
    let e = i + 1;
    while (e < n && NER_LABELS[labels[e]!] === `I-${l.slice(2)}`) e++;
    spans.push({ start: offsets[i]!, end: offsets[e]!, type: l.slice(2) as NerType });
    i = e - 1;
  }
  return spans;
}
