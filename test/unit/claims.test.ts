import * as assert from 'node:assert/strict';
import { Analyzer } from '../../src/core/analysis/analyze';
import type { ArithmeticCheck } from '../../src/core/claims/arithmetic';
import { DEFAULT_MIN_CHECK_WORTHINESS } from '../../src/core/claims/score';
import { attribute } from '../../src/core/claims/attribution';
import { builtinLexicon } from '../../src/core/entities/lexicon';
import { toSimplifiedView } from '../../src/core/script/normalize';
import { detectClaimCandidates } from '../../src/core/claims/detect';
import { detectEntities } from '../../src/core/entities/detect';
import { detectFigures } from '../../src/core/figures/detect';
import model from '../../src/core/claims/weights.json';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const analyze = (text: string) => new Analyzer().analyze(text);
const checks = (text: string): ArithmeticCheck[] => analyze(text).claims.flatMap((c) => c.checks);
const only = (text: string, kind: string) => {
  const found = checks(text).filter((c) => c.kind === kind);
  assert.equal(found.length, 1, `${kind} in ${text}: ${JSON.stringify(checks(text).map((c) => c.working))}`);
  return found[0]!;
};

interface Labelled {
  id: string;
  text: string;
  claim: boolean;
  before?: string;
  type?: string;
  why?: string;
}

const labelled: Labelled[] = readFileSync(join(__dirname, '../../../test/fixtures/claims/labelled.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Labelled);

/** Whether the analyser marks (at the default threshold) a claim over the labelled unit. */
function marked(l: Labelled, analyzer = new Analyzer()): boolean {
  const before = l.before ?? '';
  return analyzer.analyze(before + l.text).claims.some((c) => c.end > before.length + 1);
}

const every = () => {
  const a = new Analyzer();
  a.minCheckWorthiness = 0;
  return a;
};

describe('claims', () => {
  it('marks checkable statements, not sentences: precision and recall of at least 0.9 on our labelled sentences', () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const wrong: string[] = [];
    for (const l of labelled) {
      const m = marked(l);
      if (m && l.claim) tp++;
      else if (m) fp++;
      else if (l.claim) fn++;
      if (m !== l.claim) wrong.push(`${l.id} ${l.claim ? 'missed' : 'marked'}: ${l.text}`);
    }
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    assert.ok(labelled.length >= 200 && labelled.filter((l) => !l.claim).length >= 90, 'the labelled set is not trimmed');
    assert.ok(precision >= 0.9 && recall >= 0.9, `precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}\n${wrong.join('\n')}`);
  });

  it('every labelled sentence of ours with a stated figure is a claim', () => {
    const withFigures = labelled.filter((l) => l.claim && l.type === 'stat');
    assert.ok(withFigures.length >= 20);
    const missed = withFigures.filter((l) => !marked(l)).map((l) => l.text);
    assert.deepEqual(missed, []);
  });

  it('questions, editor’s notes, transitions and views nobody holds are not claims', () => {
    for (const why of ['question', 'note', 'transition', 'unattributed-view']) {
      const group = labelled.filter((l) => l.why === why);
      assert.ok(group.length >= 8, why);
      const wrong = group.filter((l) => marked(l)).map((l) => l.text);
      // at most one slip per group of our sentences
      assert.ok(wrong.length <= 1, `${why}: ${wrong.join(' | ')}`);
    }
    for (const text of ['这样的估值真的合理吗？', '编者按：本文仅代表作者个人观点，不构成投资建议。', '星河科技被认为是最有可能突围的企业之一。', '这或许是北辰汽车最后的机会。']) {
      assert.equal(new Analyzer().analyze(text).claims.length, 0, text);
    }
  });

  it('a comment on a topic named by event or plan words (融资计划早已是…) is no claim; the event or plan it asserts is', () => {
    const score = (t: string) => every().analyze(t).claims[0]?.score ?? 0;
    // the subject names the topic with nouns (融资, 计划); the predicate is the author's view
    for (const view of ['融资计划早已是公开的秘密。', '收购计划已是板上钉钉。', '融资计划已经是半公开的事。']) {
      assert.ok(score(view) < DEFAULT_MIN_CHECK_WORTHINESS, `${view}: ${score(view)}`);
    }
    // the same words in the predicate assert an event or a plan
    assert.ok(score('公司的回应是将于下月完成融资。') >= DEFAULT_MIN_CHECK_WORTHINESS);
    // 但是 joins two clauses: the first one's event counts
    assert.ok(score('北辰汽车宣布融资但是没有公布金额。') >= DEFAULT_MIN_CHECK_WORTHINESS);
  });

  it('editorial sentences score low, checkable ones high, whatever the names in them', () => {
    const score = (t: string) => every().analyze(t).claims[0]?.score ?? 0;
    assert.ok(score('对于星河科技来说，这是一场输不起的战争。') < 0.3);
    assert.ok(score('这无疑是一个不小的挑战。') < 0.3);
    assert.ok(score('星河科技第一季度净利润为38.6亿元，较去年同期增长12.4%。') > 0.9);
    assert.ok(score('北辰汽车于上周在上海发布了首款纯电动轿车。') > 0.7);
  });

  it('an event with nothing a checker could trace it by (no date, amount, source, quotation or ranking) is told apart, and weighs less', () => {
    const features = (text: string) => {
      const simplified = toSimplifiedView(text).text;
      const entities = detectEntities(text, builtinLexicon(), { simplified });
      return detectClaimCandidates({ text, simplified, figures: detectFigures(text), entities, lexicon: builtinLexicon() })[0]!.features;
    };
    assert.equal(features('星河科技也在通过合作巩固自己在行业里的地位。').unanchoredEvent, 1);
    assert.equal(features('星河科技於2023年5月推出了新款折疊屏手機。').unanchoredEvent, 0);
    assert.equal(features('据远望咨询报道，星河科技推出了新款折叠屏手机。').unanchoredEvent, 0);
    assert.equal(features('星河科技推出了售价4999元的折叠屏手机。').unanchoredEvent, 0);
    assert.equal(features('星河科技首次推出了折叠屏手机。').unanchoredEvent, 0);
    assert.equal(features('这家公司的规模在业内数一数二。').unanchoredEvent, 0, 'no event, nothing to say');
    // calibrated: an event counts, but less where nothing anchors it
    const w = (model as { weights: Record<string, number> }).weights;
    assert.ok(w.unanchoredEvent! < 0 && w.event! + w.unanchoredEvent! > 0, JSON.stringify([w.event, w.unanchoredEvent]));
  });

  it('a named speaker’s hedged view is a claim; the same view held by nobody is not', () => {
    const named = new Analyzer().analyze('青禾资本合伙人林知远认为，行业或许会在明年迎来拐点。').claims;
    assert.equal(named.length, 1);
    assert.equal(named[0]!.type, 'opinion');
    assert.equal(new Analyzer().analyze('行业或许会在明年迎来拐点。').claims.length, 0);
    // the hedge is the speaker's: it does not lower the claim that they said it
    const score = (t: string) => every().analyze(t).claims[0]!.score;
    assert.equal(score('青禾资本合伙人林知远认为，行业或许会在明年迎来拐点。'), score('青禾资本合伙人林知远认为，行业会在明年迎来拐点。'));
    assert.equal(new Analyzer().analyze('业内人士称，行业或许会在明年迎来拐点。').claims.length, 0);
  });

  it('a quotation and the tag that names its speaker are one claim, attributed to the speaker', () => {
    const text = '“价格战没有赢家。”青禾资本合伙人林知远直言。';
    const claims = new Analyzer().analyze(text).claims;
    assert.equal(claims.length, 1);
    assert.deepEqual([claims[0]!.start, claims[0]!.end], [0, text.length]);
    assert.equal(claims[0]!.type, 'quote');
    assert.equal(claims[0]!.source?.canonical, '林知远');
    // and a quotation whose speaker the paragraph named just before
    const after = every().analyze('青禾资本合伙人林知远认为，明年行业将出现整合。“现在的估值已经透支了未来五年的增长。”').claims;
    assert.equal(after[1]?.source?.canonical, '林知远');
  });

  it('a sentence the article repeats word for word is marked once', () => {
    const one = '2023年9月，星河科技宣布分拆旗下云业务独立上市。';
    // the paragraphs differ, the sentence is the same (as scraped pages repeat a section cut differently)
    const a = new Analyzer().analyze(`${one}北辰汽车于上周在上海发布了首款纯电动轿车。\n${one}`);
    assert.equal(a.claims.filter((c) => c.text === one).length, 1);
    assert.equal(a.claims.length, 2);
  });

  it('below the threshold nothing is marked; at 0 every candidate is, each with a score in [0, 1]', () => {
    const text = '星河科技第一季度净利润为38.6亿元。这无疑是一个不小的挑战。';
    assert.equal(new Analyzer().analyze(text).claims.length, 1);
    const all = every().analyze(text).claims;
    assert.equal(all.length, 2);
    assert.ok(all.every((c) => c.score >= 0 && c.score <= 1));
    assert.ok(all[1]!.score < DEFAULT_MIN_CHECK_WORTHINESS && all[0]!.score >= DEFAULT_MIN_CHECK_WORTHINESS);
    const strict = new Analyzer();
    strict.minCheckWorthiness = 1;
    assert.equal(strict.analyze(text).claims.length, 0);
  });

  it('gives each claim a type', () => {
    const a = every().analyze('星河科技营收为1532亿元，同比增长6%。董事长陈立峰表示：“云计算是增长引擎。”分析师预计明年营收将超过1800亿元。林知远认为，这个判断或许过于乐观。星河科技去年宣布成立实验室。');
    assert.deepEqual(a.claims.map((c) => c.type), ['statistic', 'quote', 'forecast', 'opinion', 'event']);
  });

  it('makes no statistic of one, two or three things in words, which name rather than count; people befallen stay counted', () => {
    const a = every().analyze('据接近两人的知情人士透露，星河科技已与云帆集团合并。星河科技要做好核心两件事：降本与增效。星河科技去年裁员3人。星河科技旗下有三十多款产品。星河工厂的事故造成两人死亡。');
    assert.deepEqual(a.claims.map((c) => c.type), ['event', 'event', 'statistic', 'statistic', 'statistic']);
  });

  it('never makes claims from credit lines, navigation, tag clouds, headings or questions', () => {
    const cloud = Array.from({ length: 30 }, (_, i) => `标签${i}`).join(' ');
    const a = every().analyze(['文|林晓雨', '编辑|周明', '# 热门搜索 #', cloud, '01、新的增长曲线', '为什么大公司都在押注大模型？'].join('\n'));
    assert.equal(a.claims.length, 0);
  });

  it('attributes claims: 据…报道, …表示, …统计的…报告显示, 接受…采访, 用…的话来说', () => {
    const src = (t: string) => every().analyze(t).claims[0]?.source;
    assert.equal(src('据晨光财经报道，星河云的海外收入约合12亿美元。')?.text, '晨光财经');
    assert.equal(src('。智远科技创始人李慕白表示，公司将在明年上市。')?.canonical, '李慕白');
    assert.equal(src('远望咨询统计的数据报告显示，前五家公司占据近六成份额。')?.canonical, '远望咨询');
    assert.equal(src('李慕白接受本报采访时称，公司估值已超过30亿美元。')?.canonical, '李慕白');
    const words = src('用林知遠的話來說，青禾資本投資了五家公司。');
    assert.deepEqual([words?.text, words?.kind], ['林知遠', 'named']);
  });

  it('a document is the kind of source, not an entity; a vague phrase is no source', () => {
    const doc = every().analyze('财报显示，星河科技营收为1532亿元。').claims[0]!.source;
    assert.deepEqual(doc, { text: '财报', kind: 'document', document: '财报' });
    assert.equal(every().analyze('業內有專家披露過一個數據：每賣1美元的雲服務，客戶就會遷移1美元的存儲業務。').claims[0]!.source, undefined);
    const anonymous = every().analyze('一位接近星河科技的知情人士透露，这笔交易已经进入尽职调查阶段。').claims[0]!.source;
    assert.equal(anonymous?.kind, 'anonymous');
    assert.equal(anonymous?.canonical, undefined);
  });

  it('links a source through the lexicon in either script and in wrong conversions (阿裏 is 阿里巴巴)', () => {
    for (const t of ['阿裏表示，將在年內投入100億元建設數據中心。', '阿里表示，将在年内投入100亿元建设数据中心。', '據遠望咨詢統計，前五家公司占據近六成份額。']) {
      const s = every().analyze(t).claims[0]?.source;
      assert.ok(s?.canonical === '阿里巴巴' || s?.canonical === '远望咨询', `${t}: ${JSON.stringify(s)}`);
    }
    assert.equal(every().analyze('阿裏表示，將在年內投入100億元建設數據中心。').claims[0]?.source?.entityId, 'org:阿里巴巴');
    // where the entity pass marked nothing, the source is linked by the lexicon's own matching
    const text = '阿裏方面表示，將在年內投入100億元。';
    const found = attribute({ norm: toSimplifiedView(text).text, text, entities: [], lexicon: builtinLexicon(), pureQuote: false });
    assert.deepEqual([found.source?.kind, found.source?.canonical, found.source?.entityId], ['named', '阿里巴巴', 'org:阿里巴巴']);
  });

  it('the default threshold in package.json is the one in the core', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8'));
    assert.equal(pkg.contributes.configuration.properties['gloss.claims.minCheckWorthiness'].default, DEFAULT_MIN_CHECK_WORTHINESS);
  });

  it('scores check-worthiness with reasons', () => {
    const [stat] = every().analyze('据晨光财经报道，2024年星河科技营收为1532亿元，同比增长6%。').claims;
    const [opinion] = every().analyze('我觉得这家公司或许还有机会。').claims;
    assert.ok(stat!.score > 0.9 && opinion!.score < 0.3, `${stat!.score} ${opinion!.score}`);
    assert.ok(stat!.reasons.some((r) => r.includes('attributed to 晨光财经')), stat!.reasons.join('; '));
    assert.ok(opinion!.reasons.some((r) => r.startsWith('but ') && r.includes('或许')), opinion!.reasons.join('; '));
  });

  it('gives reasons that read as what the sentence does, not as signs and bare counts', () => {
    const [stat] = every().analyze('据晨光财经报道，2024年星河科技营收为1532亿元，同比增长6%。').claims;
    const [single] = every().analyze('据晨光财经报道，星河科技去年营收为1532亿元。').claims;
    assert.ok(stat!.reasons.includes('states 2 figures'), stat!.reasons.join('; '));
    assert.ok(single!.reasons.includes('states a figure'), single!.reasons.join('; '));
    for (const r of [...stat!.reasons, ...single!.reasons]) assert.doesNotMatch(r, /^[+−-]/, r);
  });
});

describe('arithmetic checks', () => {
  it('difference: holds, does not hold', () => {
    assert.equal(only('营收为5200亿元，对比上年的4700亿元增长500亿元。', 'difference').verdict, 'holds');
    const bad = only('营收为5200亿元，对比上年的4700亿元增长600亿元。', 'difference');
    assert.equal(bad.verdict, 'does not hold');
    assert.match(bad.working, /5200亿 − 4700亿 = 500亿, stated 600亿/);
  });
  it('difference: no check where the two amounts are not compared', () => {
    assert.equal(checks('营收为5200亿元。其中云业务收入为700亿元，增长了80亿元。').filter((c) => c.kind === 'difference').length, 0);
  });
  it('growth in percent: holds within rounding, does not hold, and Traditional text', () => {
    assert.equal(only('收入从200亿元增长到250亿元，增幅为25%。', 'growth').verdict, 'holds');
    assert.equal(only('收入为801亿美元，对比上年的622亿美元，增速为29%。', 'growth').verdict, 'holds');
    assert.equal(only('收入為801億美元，對比上年的622億美元，增速為35%。', 'growth').verdict, 'does not hold');
  });
  it('growth: a decline is checked with its sign', () => {
    assert.equal(only('利润从120亿元降至90亿元，下降了25%。', 'growth').verdict, 'holds');
  });
  it('percentage points: holds, does not hold', () => {
    assert.equal(only('份额从18.5%下降至17.2%，减少了1.3个百分点。', 'points').verdict, 'holds');
    assert.equal(only('份额从18.5%下降至17.2%，减少了2.3个百分点。', 'points').verdict, 'does not hold');
  });
  it('compound annual growth: holds, does not hold (with the working), ambiguous without a period', () => {
    assert.equal(only('2022年至2024年，市场规模从2000亿元增长到2880亿元，年复合增长率为20%。', 'cagr').verdict, 'holds');
    const wrong = only('2021年规模约1880亿美元，预计2023年将达3600亿美元，年复合增长率约18%。', 'cagr');
    assert.equal(wrong.verdict, 'does not hold');
    assert.equal(wrong.working, '(3600亿/1880亿)^(1/2) − 1 = 38.38% per year, stated 18% per year; rounding allows ±0.5%');
    const unclear = only('市场规模从2000亿元增长到2880亿元，年复合增长率为20%。', 'cagr');
    assert.equal(unclear.verdict, 'ambiguous');
    assert.ok(unclear.assumption);
  });
  it('currency conversion: plausible, implausible', () => {
    assert.equal(only('投入了810亿元（约合110亿美元）。', 'conversion').verdict, 'holds');
    assert.equal(only('投入了810亿元（约合50亿美元）。', 'conversion').verdict, 'does not hold');
  });
  it('parts adding up to a whole: holds, does not hold', () => {
    assert.equal(only('合计融资320亿元，其中三家公司分别为150亿元、100亿元和70亿元。', 'sum').verdict, 'holds');
    assert.equal(only('合计融资320亿元，其中三家公司分别为150亿元、100亿元和90亿元。', 'sum').verdict, 'does not hold');
  });
  it('ambiguous: each relation says so, with its assumption, where the text leaves the reading open', () => {
    const amb = (text: string, kind: string) => {
      const c = only(text, kind);
      assert.equal(c.verdict, 'ambiguous', c.working);
      assert.ok(c.assumption, 'an assumption is stated');
    };
    amb('两家公司的营收分别是120亿元和90亿元，相差30亿元。'.replace('相差', '增加'), 'difference');
    amb('今年营收为120亿元，另一项为90亿元，增长了33%。', 'growth');
    amb('两个季度的份额为18.5%和17.2%，减少了1.3个百分点。', 'points');
    amb('投入了5000亿韩元（约合27亿元人民币）。'.replace('人民币', ''), 'conversion');
    amb('合计融资320亿元，其中两家公司分别为150亿元和100亿元。', 'sum');
  });

  it('a failed check raises the claim’s score', () => {
    const [bad] = analyze('2021年规模约1880亿美元，预计2023年将达3600亿美元，年复合增长率约18%。').claims;
    assert.ok(bad!.reasons.includes('its arithmetic does not hold'));
  });
});
