/**
 * What the corpus index keeps of one article: counts, its entities, its failed checks. Small
 * and plain (it crosses worker threads and is cached by content hash).
 */
import type { Analysis } from '../analysis/analyze';
import { OffsetIndex } from '../text/offsets';

export interface ArticleIndex {
  codePoints: number;
  paragraphs: number;
  figures: number;
  entities: number;
  claims: number;
  failedChecks: number;
  /** Per entity: canonical form, type, mentions and spellings in this article. */
  entityMentions: Array<{ id: string; canonical: string; type: string; mentions: number; spellings: string[] }>;
  /** Failed arithmetic checks: where (code points) and the working. */
  failed: Array<{ start: number; end: number; working: string }>;
}

export function indexArticle(analysis: Analysis): ArticleIndex {
  const byId = new Map<string, ArticleIndex['entityMentions'][number]>();
  for (const e of analysis.entities) {
    const row = byId.get(e.entityId) ?? { id: e.entityId, canonical: e.canonical, type: e.type, mentions: 0, spellings: [] };
    row.mentions++;
    if (!row.spellings.includes(e.text)) row.spellings.push(e.text);
    byId.set(e.entityId, row);
  }
  const offsets = new OffsetIndex(analysis.text);
  const failed = analysis.claims.flatMap((c) =>
    c.checks.filter((k) => k.verdict === 'does not hold').map((k) => ({ start: offsets.toCodePoint(c.start), end: offsets.toCodePoint(c.end), working: k.working })),
  );
  return {
    codePoints: offsets.codePointLength,
    paragraphs: analysis.paragraphs.length,
    figures: analysis.figures.filter((f) => f.salient).length,
    entities: analysis.entities.length,
    claims: analysis.claims.length,
    failedChecks: failed.length,
    entityMentions: [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    failed,
  };
}

/** The corpus: per article, entities across articles (most articles first), failed checks. */
export interface CorpusIndex {
  articles: Record<string, Omit<ArticleIndex, 'entityMentions' | 'failed'>>;
  entities: Array<{ id: string; canonical: string; type: string; articles: number; mentions: number; spellings: string[] }>;
  failedChecks: Array<{ article: string; start: number; end: number; working: string }>;
}

export function mergeIndexes(perArticle: ReadonlyArray<[string, ArticleIndex]>): CorpusIndex {
  const articles: CorpusIndex['articles'] = {};
  const entities = new Map<string, CorpusIndex['entities'][number]>();
  const failedChecks: CorpusIndex['failedChecks'] = [];
  for (const [name, a] of [...perArticle].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))) {
    const { entityMentions, failed, ...counts } = a;
    articles[name] = counts;
    for (const e of entityMentions) {
      const row = entities.get(e.id) ?? { id: e.id, canonical: e.canonical, type: e.type, articles: 0, mentions: 0, spellings: [] };
      row.articles++;
      row.mentions += e.mentions;
      for (const s of e.spellings) if (!row.spellings.includes(s)) row.spellings.push(s);
      entities.set(e.id, row);
    }
    for (const f of failed) failedChecks.push({ article: name, ...f });
  }
  return { articles, entities: [...entities.values()].sort((a, b) => b.articles - a.articles || b.mentions - a.mentions || (a.id < b.id ? -1 : 1)), failedChecks };
}
