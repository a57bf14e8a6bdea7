/**
 * Entities as CoNLL, one character per line with its BIO tag (`阿	B-ORG`), for training
 * character-level taggers such as Gloss's own. Only accepted and hand-made entity
 * annotations that can be placed in the article are written; characters outside them are
 * `O`, so an article is worth training on once its entities are reviewed. White space is
 * not a token: it is left out. A blank line ends each sentence (after 。！？ and their
 * closing quotes, and at each line break); `-DOCSTART-` starts each article.
 */
import { resolveAnchor } from '../anchor';
import type { Sidecar } from '../model';
import { OffsetIndex } from '../../text/offsets';

export const CONLL_TAGS: Record<string, string> = { person: 'PER', org: 'ORG', place: 'LOC', product: 'PRODUCT', work: 'WORK' };
const TYPE_OF_TAG = Object.fromEntries(Object.entries(CONLL_TAGS).map(([k, v]) => [v, k]));
export const DOCSTART = '-DOCSTART-';

const SENTENCE_END = new Set(['。', '！', '？', '!', '?']);
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '"', "'"]);

export interface ConllItem {
  sidecar: Sidecar;
  articleText: string;
}

export function toConll(items: ConllItem[]): { text: string; warnings: string[] } {
  const lines: string[] = [];
  const warnings: string[] = [];
  for (const { sidecar, articleText } of items) {
    const cps = [...articleText];
    const tags: string[] = cps.map(() => 'O');
    const index = new OffsetIndex(articleText);
    const entities = sidecar.annotations
      .filter((a) => a.kind === 'entity' && a.status !== 'rejected')
      .map((a) => ({ a, r: resolveAnchor(articleText, a, index) }))
      .sort((x, y) => (x.r.status === 'orphan' ? 0 : x.r.start) - (y.r.status === 'orphan' ? 0 : y.r.start));
    for (const { a, r } of entities) {
      if (r.status === 'orphan') {
        warnings.push(`${sidecar.article}#${a.id}: orphaned, left out`);
        continue;
      }
      const tag = CONLL_TAGS[a.type ?? ''];
      if (!tag) {
        warnings.push(`${sidecar.article}#${a.id}: entity without a type, left out`);
        continue;
      }
      if (tags.slice(r.start, r.end).some((t) => t !== 'O')) {
        warnings.push(`${sidecar.article}#${a.id}: overlaps another entity, left out (BIO cannot nest)`);
        continue;
      }
      let first = true;
      for (let i = r.start; i < r.end; i++) {
        if (/\s/u.test(cps[i]!)) continue;
        tags[i] = `${first ? 'B' : 'I'}-${tag}`;
        first = false;
      }
    }
    lines.push(`${DOCSTART}\tO`, '');
    let sentence = 0;
    const endSentence = () => {
      if (sentence) lines.push('');
      sentence = 0;
    };
    for (let i = 0; i < cps.length; i++) {
      const c = cps[i]!;
      if (c === '\n' || c === '\r') {
        endSentence();
        continue;
      }
      if (/\s/u.test(c)) continue;
      lines.push(`${c}\t${tags[i]}`);
      sentence++;
      const next = cps[i + 1];
      const inside = next !== undefined && tags[i + 1]?.startsWith('I-');
      if ((SENTENCE_END.has(c) || (CLOSERS.has(c) && SENTENCE_END.has(cps[i - 1] ?? ''))) && !(next && CLOSERS.has(next)) && !inside) endSentence();
    }
    endSentence();
  }
  return { text: lines.join('\n') + (lines.length ? '\n' : ''), warnings };
}

export interface ConllSpan {
  /** Index of the first and after the last token, in the document's tokens. */
  start: number;
  end: number;
  type: string;
  text: string;
}

export interface ConllDocument {
  tokens: string[];
  spans: ConllSpan[];
}

/** Reads CoNLL (token and tag, tab or space separated) back into documents of tokens and spans. */
export function parseConll(text: string): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let doc: ConllDocument | undefined;
  let open: ConllSpan | undefined;
  const close = () => {
    if (open && doc) doc.spans.push(open);
    open = undefined;
  };
  text.split(/\r?\n/).forEach((line, n) => {
    if (!line.trim()) return close();
    const [token, tag] = line.split(/\t| (?=\S+$)/);
    if (token === undefined || tag === undefined) throw new Error(`line ${n + 1}: expected a token and a tag`);
    if (token === DOCSTART) {
      close();
      doc = { tokens: [], spans: [] };
      docs.push(doc);
      return;
    }
    if (!doc) docs.push((doc = { tokens: [], spans: [] }));
    const m = /^([BI])-(.+)$/.exec(tag);
    if (!m && tag !== 'O') throw new Error(`line ${n + 1}: '${tag}' is not a BIO tag`);
    const type = m ? (TYPE_OF_TAG[m[2]!] ?? m[2]!) : undefined;
    if (!m || m[1] === 'B' || !open || open.type !== type) {
      close();
      if (m) open = { start: doc.tokens.length, end: doc.tokens.length, type: type!, text: '' };
    }
    doc.tokens.push(token);
    if (open) {
      open.end = doc.tokens.length;
      open.text += token;
    }
  });
  close();
  return docs;
}
