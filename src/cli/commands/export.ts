/**
 * `gloss export --format claimreview|conll|labelstudio`: the review exports (schema.org
 * ClaimReview JSON-LD, CoNLL BIO for training, Label Studio tasks). The other formats are
 * `runExport`'s (sidecarCommands.ts).
 */
import { terminalSafe } from '../safeOutput';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { Analyzer } from '../../core/analysis/analyze';
import { CONFIG_PATH, ConfigError, defaultConfig, parseGlossConfig, type GlossConfig } from '../../core/config/glossConfig';
import { commitDate, repoRoot } from '../../core/git/git';
import { findDateline } from '../../core/figures/relativeDates';
import { detectScript } from '../../core/script/normalize';
import { toClaimReviews, type ClaimReviewArticle } from '../../core/sidecar/exports/claimReview';
import { toConll } from '../../core/sidecar/exports/conll';
import { toLabelStudio } from '../../core/sidecar/exports/labelStudio';
import { EXPORT_FORMATS } from '../../core/sidecar/export';
import type { Sidecar } from '../../core/sidecar/model';
import { writeAtomic } from '../../core/sidecar/store';
import { Args } from '../args';
import { lexiconFor } from '../main';
import { openSidecar } from '../reviewInputs';
import { runExport, sidecarPaths, UsageError } from '../sidecarCommands';

export const REVIEW_EXPORT_FORMATS = ['claimreview', 'conll', 'labelstudio'] as const;
type ReviewFormat = (typeof REVIEW_EXPORT_FORMATS)[number];

interface Opened {
  sidecarPath: string;
  articlePath: string;
  articleText: string;
  sidecar: Sidecar;
}

/** The nearest `.gloss/config.yaml` above a folder, with the folder that holds it. */
function configFor(from: string, cache: Map<string, { config: GlossConfig; root?: string }>): { config: GlossConfig; root?: string } {
  const start = resolve(from);
  const hit = cache.get(start);
  if (hit) return hit;
  let found: { config: GlossConfig; root?: string } = { config: defaultConfig() };
  for (let dir = start; ; dir = dirname(dir)) {
    const path = join(dir, CONFIG_PATH);
    if (existsSync(path)) {
      try {
        found = { config: parseGlossConfig(readFileSync(path, 'utf8')), root: dir };
      } catch (e) {
        if (e instanceof ConfigError) throw new UsageError(`${path}:${e.line ?? 1}: ${e.message}`);
        throw e;
      }
      break;
    }
    if (dirname(dir) === dir) break;
  }
  cache.set(start, found);
  return found;
}

function claimReview(items: Opened[], warn: (s: string) => void): { text: string; status: number } {
  const cache = new Map<string, { config: GlossConfig; root?: string }>();
  let analyzer: Analyzer | undefined;
  const groups = new Map<GlossConfig, ClaimReviewArticle[]>();
  for (const it of items) {
    const dir = dirname(it.sidecarPath);
    const { config, root } = configFor(dir, cache);
    const base = root ?? repoRoot(dir) ?? process.cwd();
    const articlePath = relative(base, resolve(it.articlePath)).split(sep).join('/');
    let mentions: Map<string, string> | undefined;
    const sourceType = (source: string): 'Person' | 'Organization' | undefined => {
      const typed = it.sidecar.annotations.find((a) => a.kind === 'entity' && (a.canonical === source || a.quote === source))?.type;
      let type = typed;
      if (!type) {
        mentions ??= new Map(
          (analyzer ??= new Analyzer(lexiconFor(dir))).analyze(it.articleText).entities.flatMap((e) => [[e.canonical, e.type], [e.text, e.type]] as Array<[string, string]>),
        );
        type = mentions.get(source);
      }
      return type === 'person' ? 'Person' : type === 'org' ? 'Organization' : undefined;
    };
    const article: ClaimReviewArticle = {
      sidecar: it.sidecar,
      articlePath,
      script: detectScript(it.articleText),
      sourceType,
    };
    const dateline = findDateline(it.articleText)?.iso;
    if (dateline) article.dateline = dateline;
    const firstSeen = commitDate(resolve(it.articlePath), 'first', dir);
    const reviewed = commitDate(resolve(it.sidecarPath), 'last', dir);
    if (firstSeen) article.articleFirstSeen = firstSeen;
    if (reviewed) article.reviewDate = reviewed;
    else if (it.sidecar.annotations.some((a) => a.kind === 'claim' && a.verdict && a.verdict !== 'unreviewed')) {
      warn(`${it.sidecarPath}: not committed to git, so its reviews have no datePublished`);
    }
    const list = groups.get(config) ?? [];
    list.push(article);
    groups.set(config, list);
  }
  const reviews = [];
  let skipped = 0;
  for (const [config, articles] of groups) {
    const r = toClaimReviews(articles, config);
    for (const w of r.warnings) warn(w);
    reviews.push(...r.reviews);
    skipped += r.skipped;
  }
  return { text: JSON.stringify(reviews, null, 2) + '\n', status: skipped ? 1 : 0 };
}

export function runExportCommand(argv: string[], write: (s: string) => void): number {
  const probe = new Args(argv);
  const format = probe.option('--format');
  if (!REVIEW_EXPORT_FORMATS.includes(format as ReviewFormat)) {
    if (format !== undefined && !(EXPORT_FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(`--format must be one of ${[...EXPORT_FORMATS, ...REVIEW_EXPORT_FORMATS].join(', ')}`);
    }
    return runExport(argv, write);
  }
  const out = probe.option('--out');
  const warn = (s: string) => process.stderr.write(terminalSafe(`gloss: ${s}\n`));
  let status = 0;
  const items: Opened[] = [];
  for (const path of sidecarPaths(probe.positional())) {
    const o = openSidecar(path);
    if (!o) continue;
    if (o.state === 'unreadable') {
      warn(`${path}:${o.error.line ?? 1}: ${o.error.message} (left out)`);
      status = Math.max(status, 1);
    } else if (o.state === 'missing-article') {
      warn(`${path}: the article ${o.loaded.sidecar.article} is missing (left out)`);
      status = 2;
    } else items.push({ sidecarPath: path, articlePath: o.articlePath, articleText: o.articleText, sidecar: o.loaded.sidecar });
  }
  let text: string;
  if (format === 'claimreview') {
    const r = claimReview(items, warn);
    text = r.text;
    status = Math.max(status, r.status);
  } else if (format === 'conll') {
    const r = toConll(items);
    r.warnings.forEach(warn);
    text = r.text;
  } else {
    const r = toLabelStudio(items);
    r.warnings.forEach(warn);
    text = JSON.stringify(r.tasks, null, 2) + '\n';
  }
  if (out) writeAtomic(out, text);
  else write(text);
  return status;
}
