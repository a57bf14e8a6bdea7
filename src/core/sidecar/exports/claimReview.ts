/**
 * Claims with a verdict as schema.org ClaimReview JSON-LD, the markup Google's Fact Check
 * Tools and Meedan Check read. Typed with schema-dts. Where each field comes from:
 *
 * - `claimReviewed`: the annotation's quote.
 * - `itemReviewed`: a `Claim`; its `author` is the claim's `source` (a Person or an
 *   Organization, as the sidecar's entities or the detector type it), else the article's
 *   publisher from the config; `appearance` the article's URL (sidecar header `url:`, else
 *   the config); `datePublished` the article's date (sidecar header `date:`, else the
 *   config, else the article's dateline, else the day git first saw the article).
 * - `reviewRating`: `alternateName` and `name` from the verdict's label (config, else the
 *   defaults in Chinese in the article's script, or in English); `ratingValue` from the
 *   config's ratings (defaults false 1, disputed 2, unverifiable 3, supported 5), on a scale
 *   of `worstRating` 1 to `bestRating` 5.
 * - `url`: the config's review URL (`{article}` and `{id}` filled in), else the claim's first
 *   http(s) evidence.
 * - `author`: the config's `claimReview.author`.
 * - `datePublished`: the day of the last commit of the sidecar (git log), never a clock.
 * - `inLanguage`: zh-Hant for an article in Traditional script, zh-Hans otherwise.
 */
import type { ClaimReview, Organization, Person, WithContext } from 'schema-dts';
import type { GlossConfig, ReviewedVerdict } from '../../config/glossConfig';
import type { Annotation, Sidecar } from '../model';

export const LABELS: Record<'en' | 'zh-Hans' | 'zh-Hant', Record<ReviewedVerdict, string>> = {
  en: { supported: 'Supported', disputed: 'Disputed', false: 'False', unverifiable: 'Unverifiable' },
  'zh-Hans': { supported: '属实', disputed: '有争议', false: '错误', unverifiable: '无法证实' },
  'zh-Hant': { supported: '屬實', disputed: '有爭議', false: '錯誤', unverifiable: '無法證實' },
};
export const BEST_RATING = 5;
export const WORST_RATING = 1;

export interface ClaimReviewArticle {
  sidecar: Sidecar;
  /** The article's path relative to the config's folder, forward slashes (`{article}`, `articles:` keys). */
  articlePath: string;
  script: 'simplified' | 'traditional' | 'mixed' | 'none';
  /** The date on the article's dateline (YYYY-MM-DD), if it has one. */
  dateline?: string;
  /** The day git first saw the article (the last resort for the claim's date). */
  articleFirstSeen?: string;
  /** The day of the sidecar's last commit (the review's date). */
  reviewDate?: string;
  /** Person or Organization for a claim's source, where the article's entities say. */
  sourceType: (source: string) => 'Person' | 'Organization' | undefined;
}

export interface ClaimReviewResult {
  reviews: Array<WithContext<ClaimReview>>;
  /** Claims left out, and fields Google recommends that could not be filled, with why. */
  warnings: string[];
  /** Whether a claim with a verdict was left out (no URL for its review). */
  skipped: number;
}

function fill(template: string, article: string, id: string): string {
  const articleSlug = encodeURIComponent(article.replace(/\.txt$/, '')).replace(/%2F/g, '/');
  return template.replace(/\{article\}/g, articleSlug).replace(/\{id\}/g, encodeURIComponent(id));
}


function party(name: string, type: 'Person' | 'Organization', url?: string): Person | Organization {
  return type === 'Person' ? { '@type': 'Person', name, ...(url ? { url } : {}) } : { '@type': 'Organization', name, ...(url ? { url } : {}) };
}

export function toClaimReviews(articles: ClaimReviewArticle[], config: GlossConfig): ClaimReviewResult {
  const out: ClaimReviewResult = { reviews: [], warnings: [], skipped: 0 };
  const cr = config.claimReview;
  if (!cr.author) out.warnings.push('no review author: set claimReview.author in .gloss/config.yaml (Google recommends it)');
  for (const art of articles) {
    const { sidecar, articlePath } = art;
    const info = config.articles[articlePath] ?? {};
    const appearance = sidecar.url ?? info.url;
    const claimDate = sidecar.date ?? info.date ?? art.dateline ?? art.articleFirstSeen;
    const language = art.script === 'traditional' ? 'zh-Hant' : 'zh-Hans';
    const labels = { ...LABELS[cr.language === 'en' ? 'en' : language], ...cr.labels };
    const claims = sidecar.annotations.filter(
      (a): a is Annotation & { verdict: ReviewedVerdict } => a.kind === 'claim' && a.status !== 'rejected' && !!a.verdict && a.verdict !== 'unreviewed',
    );
    if (claims.length && !appearance) out.warnings.push(`${articlePath}: no article URL (sidecar url: or articles: in .gloss/config.yaml), so no appearance`);
    if (claims.length && !claimDate) out.warnings.push(`${articlePath}: no article date (sidecar date:, the config, a dateline, or git), so the claims have no datePublished`);
    for (const a of claims) {
      const evidence = (a.evidence ?? []).find((e) => /^https?:\/\/\S+$/.test(e));
      const url = cr.url ? fill(cr.url, articlePath, a.id) : evidence;
      if (!url) {
        out.warnings.push(`${articlePath}#${a.id}: left out: no URL for the review (claimReview.url in .gloss/config.yaml, or an http(s) evidence)`);
        out.skipped++;
        continue;
      }
      const claimAuthor = a.source ? party(a.source, art.sourceType(a.source) ?? 'Organization') : info.publisher ? party(info.publisher, 'Organization') : undefined;
      const label = labels[a.verdict];
      const review: WithContext<ClaimReview> = {
        '@context': 'https://schema.org',
        '@type': 'ClaimReview',
        url,
        claimReviewed: a.quote.replace(/\s+/g, ' ').trim(),
        itemReviewed: {
          '@type': 'Claim',
          ...(claimAuthor ? { author: claimAuthor } : {}),
          ...(claimDate ? { datePublished: claimDate } : {}),
          ...(appearance ? { appearance: { '@type': 'NewsArticle', url: appearance } } : {}),
        },
        ...(cr.author ? { author: party(cr.author.name, cr.author.type, cr.author.url) } : {}),
        ...(art.reviewDate ? { datePublished: art.reviewDate } : {}),
        reviewRating: {
          '@type': 'Rating',
          ratingValue: cr.ratings[a.verdict],
          bestRating: BEST_RATING,
          worstRating: WORST_RATING,
          alternateName: label,
          name: label,
        },
        inLanguage: language,
      };
      out.reviews.push(review);
    }
  }
  return out;
}
