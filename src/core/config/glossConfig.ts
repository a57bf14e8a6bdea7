/**
 * `.gloss/config.yaml`: what Gloss needs to publish a team's reviews that sidecars do not
 * hold (schemas/config.schema.json). Every field is optional.
 *
 * ```yaml
 * claimReview:
 *   author: { name: 绿洲事实核查, url: https://factcheck.example }
 *   url: https://factcheck.example/reviews/{article}#{id}
 *   language: zh            # labels in Chinese (in the article's script) or en
 *   labels: { false: 不实 }  # per verdict, over the defaults
 *   ratings: { disputed: 2 } # 1 (worst) to 5 (best)
 * articles:
 *   news/earnings.txt: { url: https://news.example/a/1, date: 2024-05-08, publisher: 晨光财经 }
 * maxArticleMb: 32          # gloss detect refuses a larger article (--max-article-mb overrides)
 * ```
 */
import { isMap, LineCounter, parseDocument, type Node } from 'yaml';
import { VERDICTS, type Verdict } from '../sidecar/model';

export const CONFIG_PATH = '.gloss/config.yaml';

export type ReviewedVerdict = Exclude<Verdict, 'unreviewed'>;
export const REVIEWED_VERDICTS = VERDICTS.filter((v): v is ReviewedVerdict => v !== 'unreviewed');

export interface ArticleInfo {
  url?: string;
  /** YYYY-MM-DD (or a full ISO date-time). */
  date?: string;
  /** Who published the article: the claim's author when the claim names none. */
  publisher?: string;
}

export interface GlossConfig {
  claimReview: {
    author?: { name: string; url?: string; type: 'Organization' | 'Person' };
    /** The page that hosts a review; `{article}` and `{id}` are filled in. */
    url?: string;
    language: 'zh' | 'en';
    labels: Partial<Record<ReviewedVerdict, string>>;
    ratings: Record<ReviewedVerdict, number>;
  };
  /** By article path, relative to the folder that holds `.gloss/`, with forward slashes. */
  articles: Record<string, ArticleInfo>;
  /** The largest article the CLI reads, in MB (`--max-article-mb` overrides it). */
  maxArticleMb?: number;
}

export const DEFAULT_RATINGS: Record<ReviewedVerdict, number> = { false: 1, disputed: 2, unverifiable: 3, supported: 5 };

export function defaultConfig(): GlossConfig {
  return { claimReview: { language: 'zh', labels: {}, ratings: { ...DEFAULT_RATINGS } }, articles: {} };
}

export class ConfigError extends Error {
  constructor(message: string, readonly line?: number) {
    super(message);
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/;
const URL = /^https?:\/\/\S+$/;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses the config, or throws a ConfigError that points at the line. */
export function parseGlossConfig(source: string): GlossConfig {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, uniqueKeys: true });
  if (doc.errors.length) throw new ConfigError(`invalid YAML: ${doc.errors[0]!.message.split('\n')[0]}`, doc.errors[0]!.linePos?.[0]?.line);
  const lineAt = (path: string[]): number | undefined => {
    for (let n = path.length; n > 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as Node | undefined;
      if (node?.range) return lines.linePos(node.range[0]).line;
    }
    return undefined;
  };
  const fail = (path: string[], message: string): never => {
    throw new ConfigError(`${path.join('.')}: ${message}`, lineAt(path));
  };
  const data = (doc.toJS({ maxAliasCount: 100 }) ?? {}) as unknown;
  if (!isMap(doc.contents) && doc.contents !== null) fail([], 'the config is a mapping');
  const config = defaultConfig();
  const root = data as Record<string, unknown>;
  for (const k of Object.keys(root)) if (!['claimReview', 'articles', 'maxArticleMb'].includes(k) && !k.startsWith('x-')) fail([k], 'unknown field (extra fields need an x- prefix)');

  const cr = root.claimReview;
  if (cr !== undefined) {
    if (!isObject(cr)) fail(['claimReview'], 'must be a mapping');
    const c = cr as Record<string, unknown>;
    for (const k of Object.keys(c)) if (!['author', 'url', 'language', 'labels', 'ratings'].includes(k)) fail(['claimReview', k], 'unknown field');
    if (c.author !== undefined) {
      const a = c.author;
      if (typeof a === 'string' && a.trim()) config.claimReview.author = { name: a.trim(), type: 'Organization' };
      else if (isObject(a) && typeof a.name === 'string' && a.name.trim()) {
        if (a.url !== undefined && (typeof a.url !== 'string' || !URL.test(a.url))) fail(['claimReview', 'author', 'url'], 'must be an http(s) URL');
        if (a.type !== undefined && a.type !== 'Organization' && a.type !== 'Person') fail(['claimReview', 'author', 'type'], 'must be Organization or Person');
        config.claimReview.author = { name: a.name.trim(), type: (a.type as 'Organization' | 'Person') ?? 'Organization', ...(a.url ? { url: a.url as string } : {}) };
      } else fail(['claimReview', 'author'], 'must be a name, or a mapping with a name (and url, type)');
    }
    if (c.url !== undefined && (typeof c.url !== 'string' || !URL.test(c.url))) fail(['claimReview', 'url'], 'must be an http(s) URL (it may hold {article} and {id})');
    if (typeof c.url === 'string') config.claimReview.url = c.url;
    if (c.language !== undefined) {
      if (c.language !== 'zh' && c.language !== 'en') fail(['claimReview', 'language'], 'must be zh or en');
      config.claimReview.language = c.language as 'zh' | 'en';
    }
    for (const key of ['labels', 'ratings'] as const) {
      const m = c[key];
      if (m === undefined) continue;
      if (!isObject(m)) fail(['claimReview', key], 'must be a mapping from verdict to value');
      for (const [v, value] of Object.entries(m as Record<string, unknown>)) {
        if (!REVIEWED_VERDICTS.includes(v as ReviewedVerdict)) fail(['claimReview', key, v], `not a verdict (${REVIEWED_VERDICTS.join(', ')})`);
        if (key === 'labels') {
          if (typeof value !== 'string' || !value.trim()) fail(['claimReview', key, v], 'must be a label');
          config.claimReview.labels[v as ReviewedVerdict] = (value as string).trim();
        } else {
          if (typeof value !== 'number' || value < 1 || value > 5) fail(['claimReview', key, v], 'must be a number from 1 (worst) to 5 (best)');
          config.claimReview.ratings[v as ReviewedVerdict] = value as number;
        }
      }
    }
  }

  if (root.maxArticleMb !== undefined) {
    const mb = root.maxArticleMb;
    if (typeof mb !== 'number' || !Number.isFinite(mb) || mb <= 0) fail(['maxArticleMb'], 'must be a positive number of megabytes');
    config.maxArticleMb = mb as number;
  }

  const articles = root.articles;
  if (articles !== undefined) {
    if (!isObject(articles)) fail(['articles'], 'must be a mapping from article path to its url, date and publisher');
    for (const [path, info] of Object.entries(articles as Record<string, unknown>)) {
      const at = ['articles', path];
      if (!isObject(info)) fail(at, 'must be a mapping (url, date, publisher)');
      const i = info as Record<string, unknown>;
      for (const k of Object.keys(i)) if (!['url', 'date', 'publisher'].includes(k)) fail([...at, k], 'unknown field');
      // YAML reads an unquoted 2024-05-08 as a date
      const date = i.date instanceof Date ? i.date.toISOString().slice(0, 10) : i.date;
      if (i.url !== undefined && (typeof i.url !== 'string' || !URL.test(i.url))) fail([...at, 'url'], 'must be an http(s) URL');
      if (date !== undefined && (typeof date !== 'string' || !DATE.test(date))) fail([...at, 'date'], 'must be a date, YYYY-MM-DD');
      if (i.publisher !== undefined && (typeof i.publisher !== 'string' || !i.publisher.trim())) fail([...at, 'publisher'], 'must be a name');
      config.articles[path.replace(/\\/g, '/')] = {
        ...(typeof i.url === 'string' ? { url: i.url } : {}),
        ...(typeof date === 'string' ? { date } : {}),
        ...(typeof i.publisher === 'string' ? { publisher: i.publisher.trim() } : {}),
      };
    }
  }
  return config;
}
