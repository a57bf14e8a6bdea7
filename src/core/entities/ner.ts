/**
 * Inference for the character-level entity tagger trained by scripts/train-ner.mjs: a
 * structured averaged perceptron with BIO labels, decoded by Viterbi. The model file is
 * read on first use (about 5 MB), never at activation.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NER_LABELS, featuresAt, type NerType } from './nerFeatures';

interface Model {
  weights: Map<string, Int8Array>;
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

function load(): Model | null {
  if (model !== undefined) return model;
  const path = candidates().find((p) => existsSync(p));
  if (!path) return (model = null);
  const raw = JSON.parse(readFileSync(path, 'utf8')) as { labels: string[]; transitions: number[]; features: string };
  if (raw.labels.join() !== NER_LABELS.join()) return (model = null);
  const weights = new Map<string, Int8Array>();
  for (const line of raw.features.split('\n')) {
    const tab = line.lastIndexOf('\t');
    weights.set(line.slice(0, tab), Int8Array.from(line.slice(tab + 1).split(',').map(Number)));
  }
  return (model = { weights, transitions: Int16Array.from(raw.transitions) });
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
  /** Indexes into the code-point array that was tagged. */
  start: number;
  end: number;
  type: NerType;
}

/** Tags a sentence given as code points of its Simplified, lower-cased view. */
export function tagEntities(chars: readonly string[]): NerSpan[] {
  const m = load();
  if (!m || chars.length === 0) return [];
  const n = chars.length;
  const score = new Float64Array(n * L);
  const back = new Int32Array(n * L);
  const emit = new Float64Array(L);
  for (let i = 0; i < n; i++) {
    emit.fill(0);
    for (const f of featuresAt(chars, i)) {
      const w = m.weights.get(f);
      if (w) for (let y = 0; y < L; y++) emit[y]! += w[y]!;
    }
    for (let y = 0; y < L; y++) {
      if (i === 0) {
        score[y] = ALLOWED[L * L + y] ? emit[y]! + m.transitions[L * L + y]! : -Infinity;
        continue;
      }
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < L; p++) {
        if (!ALLOWED[p * L + y]) continue;
        const v = score[(i - 1) * L + p]! + m.transitions[p * L + y]!;
        if (v > best) {
          best = v;
          arg = p;
        }
      }
      score[i * L + y] = best + emit[y]!;
      back[i * L + y] = arg;
    }
  }
  const labels = new Array<number>(n);
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
    spans.push({ start: i, end: e, type: l.slice(2) as NerType });
    i = e - 1;
  }
  return spans;
}
