import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultConfig, parseGlossConfig } from '../../src/core/config/glossConfig';
import { toClaimReviews } from '../../src/core/sidecar/exports/claimReview';
import { parseConll } from '../../src/core/sidecar/exports/conll';
import { fromLabelStudio, LABEL_STUDIO_CONFIG } from '../../src/core/sidecar/exports/labelStudio';
import { parseSidecar } from '../../src/core/sidecar/yamlIO';
import { OffsetIndex } from '../../src/core/text/offsets';
import { cli, commit, gitInit, gloss, root, scratch, writeSidecar } from './reviewHelpers';

const scale = Number(process.env.GLOSS_TIMEOUT_SCALE ?? 1) || 1;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * What Google's fact-check documentation requires and recommends of a ClaimReview
 * (ClaimReview: claimReviewed, reviewRating, url required; author, datePublished,
 * itemReviewed recommended. Claim: appearance or firstAppearance, author, datePublished.
 * Rating: alternateName required; bestRating, worstRating, ratingValue, name recommended).
 */
function googleProblems(r: Json): { required: string[]; recommended: string[] } {
  const required: string[] = [];
  const recommended: string[] = [];
  const text = (v: unknown) => typeof v === 'string' && v.trim().length > 0;
  const url = (v: unknown) => typeof v === 'string' && /^https?:\/\/\S+$/.test(v);
  const date = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(Date.parse(v));
  const party = (v: Json | undefined) => !!v && (v['@type'] === 'Organization' || v['@type'] === 'Person') && text(v.name);
  if (r['@context'] !== 'https://schema.org') required.push('@context');
  if (r['@type'] !== 'ClaimReview') required.push('@type');
  if (!text(r.claimReviewed)) required.push('claimReviewed');
  if (!url(r.url)) required.push('url');
  const rating = r.reviewRating as Json | undefined;
  if (rating?.['@type'] !== 'Rating' || !text(rating.alternateName)) required.push('reviewRating.alternateName');
  if (!party(r.author)) recommended.push('author');
  if (!date(r.datePublished)) recommended.push('datePublished');
  const item = r.itemReviewed as Json | undefined;
  if (item?.['@type'] !== 'Claim') recommended.push('itemReviewed');
  else {
    if (!party(item.author)) recommended.push('itemReviewed.author');
    if (!date(item.datePublished)) recommended.push('itemReviewed.datePublished');
    const appears = (v: Json | string | undefined) => url(v) || (typeof v === 'object' && !!v && url(v.url));
    if (!appears(item.appearance) && !appears(item.firstAppearance)) recommended.push('itemReviewed.appearance');
  }
  if (rating) {
    for (const k of ['bestRating', 'worstRating', 'ratingValue']) if (typeof rating[k] !== 'number') recommended.push(`reviewRating.${k}`);
    if (typeof rating.ratingValue === 'number' && (rating.ratingValue < rating.worstRating || rating.ratingValue > rating.bestRating)) required.push('reviewRating.ratingValue in range');
    if (!text(rating.name)) recommended.push('reviewRating.name');
  }
  return { required, recommended };
}

const CONFIG = `claimReview:
  author: { name: 绿洲事实核查, url: https://factcheck.example }
  url: https://factcheck.example/reviews/{article}#{id}
articles:
  policy.txt: { url: https://news.example/policy, date: 2024-03-01 }
`;

/** Two reviewed articles in a git repository with a config; the sidecars committed on 2024-05-11. */
function reviewedRepo(): string {
  const d = scratch('gloss-claimreview-');
  mkdirSync(join(d, '.gloss'));
  writeFileSync(join(d, '.gloss/config.yaml'), CONFIG);
  gitInit(d);
  writeSidecar(d, 'earnings.txt', [
    { kind: 'entity', quote: '陈立峰', type: 'person', canonical: '陈立峰' },
    { kind: 'claim', quote: '云业务已经连续三个季度盈利。', status: 'manual', source: '陈立峰', verdict: 'false', evidence: ['https://example.com/q1'] },
    { kind: 'claim', quote: '公司计划明年在杭州新建两座数据中心。', source: '晨光财经', verdict: 'unverifiable' },
    { kind: 'claim', quote: '星河科技今年收入为801亿元', verdict: 'unreviewed' },
  ], { url: 'https://news.example/earnings' });
  writeSidecar(d, 'policy.txt', [{ kind: 'claim', quote: '公車票價明年將下調一成。', source: '林雅文', verdict: 'supported' }]);
  commit(d, 'reviews', '2024-05-11T09:00:00Z');
  return d;
}

describe('gloss export: claimreview, conll, labelstudio (child process)', function () {
  this.timeout(180_000 * scale);
  before(function () {
    if (!existsSync(cli)) this.skip();
  });

  it('claimreview: one ClaimReview per claim with a verdict, every field Google requires and recommends, from where the README says', () => {
    const d = reviewedRepo();
    const sidecarsBefore = readdirSync(d).filter((f) => f.endsWith('.yaml')).map((f) => readFileSync(join(d, f), 'utf8'));
    const r = gloss(['export', '--format', 'claimreview', '.'], d);
    assert.equal(r.status, 0, r.stderr);
    const reviews = JSON.parse(r.stdout) as Json[];
    assert.equal(reviews.length, 3, 'the unreviewed claim is left out');
    for (const x of reviews) assert.deepEqual(googleProblems(x), { required: [], recommended: [] }, JSON.stringify(x));

    const falseClaim = reviews.find((x) => x.claimReviewed === '云业务已经连续三个季度盈利。')!;
    const id = parseSidecar(readFileSync(join(d, 'earnings.annotations.yaml'), 'utf8')).sidecar.annotations.find((a) => a.verdict === 'false')!.id;
    assert.equal(falseClaim.url, `https://factcheck.example/reviews/earnings#${id}`);
    assert.deepEqual(falseClaim.itemReviewed.author, { '@type': 'Person', name: '陈立峰' });
    assert.deepEqual(falseClaim.itemReviewed.appearance, { '@type': 'NewsArticle', url: 'https://news.example/earnings' });
    assert.equal(falseClaim.itemReviewed.datePublished, '2024-05-10', 'the article date from git: the day it was first committed');
    assert.equal(falseClaim.datePublished, '2024-05-11', 'the review date: the last commit of the sidecar');
    assert.deepEqual(falseClaim.author, { '@type': 'Organization', name: '绿洲事实核查', url: 'https://factcheck.example' });
    assert.deepEqual(falseClaim.reviewRating, { '@type': 'Rating', ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: '错误', name: '错误' });
    assert.equal(falseClaim.inLanguage, 'zh-Hans');
    const outlet = reviews.find((x) => x.claimReviewed.startsWith('公司计划'))!;
    assert.deepEqual(outlet.itemReviewed.author, { '@type': 'Organization', name: '晨光财经' });
    assert.equal(outlet.reviewRating.ratingValue, 3);
    const traditional = reviews.find((x) => x.claimReviewed === '公車票價明年將下調一成。')!;
    assert.equal(traditional.inLanguage, 'zh-Hant');
    assert.equal(traditional.reviewRating.alternateName, '屬實');
    assert.equal(traditional.itemReviewed.author['@type'], 'Person', '林雅文 is a person to the detector');
    assert.equal(traditional.itemReviewed.datePublished, '2024-03-01', 'the article date from the config');
    assert.equal(traditional.itemReviewed.appearance.url, 'https://news.example/policy');
    // no timestamps are written anywhere: the sidecars are as they were
    assert.deepEqual(readdirSync(d).filter((f) => f.endsWith('.yaml')).map((f) => readFileSync(join(d, f), 'utf8')), sidecarsBefore);

    // English labels, a label of the team's own, a rating of its own
    writeFileSync(join(d, '.gloss/config.yaml'), CONFIG.replace('claimReview:\n', 'claimReview:\n  language: en\n  labels: { unverifiable: Cannot be verified }\n  ratings: { false: 2 }\n'));
    const en = JSON.parse(gloss(['export', '--format', 'claimreview', '.'], d).stdout) as Json[];
    assert.deepEqual(en.map((x) => x.reviewRating.alternateName).sort(), ['Cannot be verified', 'False', 'Supported']);
    assert.equal(en.find((x) => x.reviewRating.alternateName === 'False')!.reviewRating.ratingValue, 2);
  });

  it('claimreview: a claim with no URL for its review is left out with a warning (exit 1); a bad config points at its line', () => {
    const d = reviewedRepo();
    writeFileSync(join(d, '.gloss/config.yaml'), 'claimReview:\n  author: 绿洲事实核查\n');
    const r = gloss(['export', '--format', 'claimreview', '.'], d);
    assert.equal(r.status, 1);
    const reviews = JSON.parse(r.stdout) as Json[];
    assert.deepEqual(reviews.map((x) => x.url), ['https://example.com/q1'], 'the evidence gives the URL where the config does not');
    assert.match(r.stderr, /policy\.txt#c-[0-9a-f]+: left out: no URL for the review/);
    writeFileSync(join(d, '.gloss/config.yaml'), 'claimReview:\n  ratings:\n    false: 9\n');
    const bad = gloss(['export', '--format', 'claimreview', '.'], d);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /config\.yaml:3: claimReview\.ratings\.false: must be a number from 1/);
  });

  it("claimreview: the article's date from its dateline when neither the sidecar nor the config gives one", () => {
    const d = scratch();
    writeFileSync(join(d, 'dated.txt'), '2024年4月2日\n晨光市发布公告。\n市长表示：“明年将新建三所学校。”\n');
    writeSidecar(d, 'dated.txt', [{ kind: 'claim', quote: '明年将新建三所学校。', verdict: 'unverifiable', evidence: ['https://example.com/s'] }]);
    const r = gloss(['export', '--format', 'claimreview', join(d, 'dated.txt')]);
    const [review] = JSON.parse(r.stdout) as Json[];
    assert.equal(review!.itemReviewed.datePublished, '2024-04-02');
    assert.equal(review!.datePublished, undefined, 'not in git: no review date, and no clock either');
    assert.match(r.stderr, /not committed to git/);
  });

  it("claimreview: the article's date from the sidecar header when it has one", () => {
    const sidecar = { version: 1, article: 'a.txt', sha256: '0'.repeat(64), date: '2024-05-08', annotations: [
      { id: 'c-1', kind: 'claim' as const, status: 'manual' as const, quote: '星河科技发布财报。', prefix: '', suffix: '', start: 10, end: 19, verdict: 'supported' as const, evidence: ['https://example.com/e'] },
    ] };
    const config = defaultConfig();
    config.articles['a.txt'] = { date: '2024-01-01' };
    const r = toClaimReviews([{ sidecar, articlePath: 'a.txt', script: 'simplified', articleFirstSeen: '2024-06-01', sourceType: () => undefined }], config);
    assert.equal((r.reviews[0]!.itemReviewed as Json).datePublished, '2024-05-08');
    assert.throws(() => parseGlossConfig('claimReview:\n  language: fr\n'), /language: must be zh or en/);
  });

  it('conll: BIO per character for kept entities, read back to the same entities', () => {
    const d = scratch();
    writeSidecar(d, 'earnings.txt', [
      { kind: 'entity', quote: '星河科技', type: 'org' },
      { kind: 'entity', quote: '陈立峰', type: 'person' },
      { kind: 'entity', quote: '杭州', type: 'place' },
      { kind: 'entity', quote: '晨光财经', type: 'org', status: 'rejected' },
      { kind: 'entity', quote: '晨光', type: 'work', status: 'manual' },
      { kind: 'figure', quote: '801亿元' },
    ]);
    const r = gloss(['export', '--format', 'conll', d]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^-DOCSTART-\tO\n\n2\tO\n/);
    assert.match(r.stdout, /^陈\tB-PER\n立\tI-PER\n峰\tI-PER\n表\tO$/m);
    assert.match(r.stdout, /^😀\tO\n𠀀\tO\n董\tO$/m);
    const [doc] = parseConll(r.stdout);
    const article = readFileSync(join(d, 'earnings.txt'), 'utf8');
    // tokens are the article's characters, white space left out, so positions map back
    assert.equal(doc!.tokens.join(''), [...article].filter((c) => !/\s/u.test(c)).join(''));
    assert.deepEqual(doc!.spans.map((s) => [s.text, s.type]), [['星河科技', 'org'], ['陈立峰', 'person'], ['晨光', 'work'], ['杭州', 'place']]);
    assert.match(r.stdout, /^。\tO\n\n/m, 'sentences end after 。');
  });

  it('labelstudio: tasks with predictions (code points), verdicts and notes per region; read back, also from UTF-16 offsets', () => {
    const d = scratch();
    writeSidecar(d, 'earnings.txt', [
      { kind: 'entity', quote: '陈立峰', type: 'person' },
      { kind: 'claim', quote: '云业务已经连续三个季度盈利。', status: 'manual', verdict: 'false', note: '与财报不符' },
      { kind: 'figure', quote: '801亿元' },
      { kind: 'figure', quote: '622亿元', status: 'rejected' },
    ]);
    const r = gloss(['export', '--format', 'labelstudio', d]);
    assert.equal(r.status, 0, r.stderr);
    const tasks = JSON.parse(r.stdout);
    const text = readFileSync(join(d, 'earnings.txt'), 'utf8');
    assert.equal(tasks[0].data.text, text);
    const claim = tasks[0].predictions[0].result.find((x: Json) => x.value.labels?.[0] === 'Claim');
    assert.equal([...text].slice(claim.value.start, claim.value.end).join(''), '云业务已经连续三个季度盈利。');
    const kept = parseSidecar(readFileSync(join(d, 'earnings.annotations.yaml'), 'utf8')).sidecar.annotations.filter((a) => a.status !== 'rejected');
    const expected = kept.map((a) => ({
      id: a.id, kind: a.kind, start: a.start, end: a.end, quote: a.quote,
      ...(a.type ? { type: a.type } : {}), ...(a.verdict ? { verdict: a.verdict } : {}), ...(a.note ? { note: a.note } : {}),
    }));
    const sortById = <T extends { id: string }>(xs: T[]) => [...xs].sort((x, y) => (x.id < y.id ? -1 : 1));
    assert.deepEqual(sortById(fromLabelStudio(tasks)[0]!.annotations), sortById(expected));
    // an export from a Label Studio that counted UTF-16 units reads back to the same code points
    const index = new OffsetIndex(text);
    const utf16 = JSON.parse(r.stdout);
    const annotated = { ...utf16[0], annotations: [{ result: utf16[0].predictions[0].result.map((x: Json) => ({ ...x, value: { ...x.value, start: index.toUtf16(x.value.start), end: index.toUtf16(x.value.end) } })) }] };
    assert.deepEqual(sortById(fromLabelStudio([annotated])[0]!.annotations), sortById(expected));
    // the README's labeling configuration is the one these tasks need
    assert.ok(readFileSync(join(root, 'README.md'), 'utf8').includes(LABEL_STUDIO_CONFIG.trim()), 'README shows LABEL_STUDIO_CONFIG');
  });
});
