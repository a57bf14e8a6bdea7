import * as assert from 'node:assert/strict';
import { detectClaimCandidates, detectClaims, type ClaimInput } from '../../src/core/claims/detect';
import { FEATURES, extractFeatures, extractFeaturesInto, featureScratch, type Features } from '../../src/core/claims/features';
import { checkWorthiness, Contributions, scoreInto, sortByStrength, type Contribution } from '../../src/core/claims/score';
import model from '../../src/core/claims/weights.json';
import { detectEntities } from '../../src/core/entities/detect';
import { builtinLexicon } from '../../src/core/entities/lexicon';
import { detectFigures } from '../../src/core/figures/detect';
import { toSimplifiedView } from '../../src/core/script/normalize';
import { renderMessage } from '../../src/core/text/message';
import type { Figure } from '../../src/core/figures/types';
import { DECLINE_WORDS, GROWTH_WORDS, num, viewOf, wordBefore } from '../../src/core/claims/passage';
import { CONVERSION_FIRST, REST_FIRST, RELATIONS, hasCodeIn, listWordsIn } from '../../src/core/claims/relations';
import { rng } from '../support/anchorSimulation';
import { CUES } from '../../src/core/claims/cues';
import { firstShows, firstShowsGrowing } from '../../src/core/claims/attribution';
import { cueAt, firstNames } from '../../src/core/claims/reasons';
import { checkArithmetic, checkEvery, mayRelate, mayStateAny, RELATION_BIT, relationsFor } from '../../src/core/claims/arithmetic';
import type { EntityMention } from '../../src/core/entities/detect';
import { isSpeechUse } from '../../src/core/claims/select';

// The speed work (issue 19) on the claims stage writes each unit's features, cues, contributions
// and reasons into objects of the stage's own, reused for every unit, and copies out only what a
// claim keeps. These compare with the code it replaced and check that nothing of one unit leaks
// into the next.

// checkWorthiness before the reused contributions, verbatim (a list of objects, sorted after)
const WEIGHTS = (model as { weights: Partial<Record<string, number>> }).weights;
function checkWorthinessBefore(features: Features): { score: number; contributions: Contribution[] } {
  let z = (model as { bias: number }).bias;
  const contributions: Contribution[] = [];
  for (const name of FEATURES) {
    const w = WEIGHTS[name] ?? 0;
    const value = features[name];
    if (w === 0 || value === 0) continue;
    const effect = w * value;
    if (effect !== 0) contributions.push({ feature: name, effect });
    z += effect;
  }
  sortByStrength(contributions);
  const score = 1 / (1 + Math.exp(-z));
  return { score: Math.round(score * 100) / 100, contributions };
}

function input(text: string): ClaimInput {
  const lexicon = builtinLexicon();
  const simplified = toSimplifiedView(text).text;
  return { text, simplified, figures: detectFigures(text), entities: detectEntities(text, lexicon, { simplified }), lexicon };
}

// our own sentences: figures, a source, a hedge, a question, a view, an event, an ellipsis
const PARAGRAPH = [
  '据新华社报道，该公司2025年营收为120亿元，同比增长20%，较上年的100亿元明显提高。',
  '或许这一切都只是开始。',
  '张三在接受记者采访时表示，“我们明年计划推出三款新产品”。',
  '这到底意味着什么？',
  '业内人士认为，市场竞争将会更加激烈……',
  '公司于上周宣布完成新一轮融资，投资方包括多家知名机构。',
].join('');

describe('claims stage: objects reused from unit to unit', () => {
  it('scoreInto scores and orders contributions as checkWorthiness did, on random features (ties, both signs, fractions)', () => {
    const next = rng(23);
    const list = new Contributions();
    for (let round = 0; round < 5000; round++) {
      const features = {} as Features;
      for (const name of FEATURES) features[name] = next() < 0.6 ? 0 : [1, 0.5, 1, 1][Math.floor(next() * 4)]!;
      const before = checkWorthinessBefore(features);
      const score = scoreInto(features, list);
      assert.equal(score, before.score, `round ${round}`);
      const now: Contribution[] = [];
      for (let k = 0; k < list.length; k++) now.push({ feature: list.feature[k]!, effect: list.effect[k]! });
      assert.deepEqual(now, before.contributions, `round ${round}`);
      assert.deepEqual(checkWorthiness(features), before, `round ${round}`);
    }
  });

  it('each candidate keeps features of its own, the ones its score came from', () => {
    const units = detectClaimCandidates(input(PARAGRAPH));
    assert.ok(units.length >= 5, JSON.stringify(units.map((u) => u.claim.text)));
    for (const u of units) {
      // (a failed arithmetic check raises the score to 0.95 at least)
      const failed = u.claim.checks.some((c) => c.verdict === 'does not hold');
      if (!failed) assert.equal(checkWorthiness(u.features).score, u.claim.score, u.claim.text);
    }
    assert.equal(new Set(units.map((u) => u.features)).size, units.length);
    assert.notDeepEqual(units[0]!.features, units[units.length - 1]!.features);
  });

  it('a unit’s features and reasons are those it has alone: nothing is left from the unit before', () => {
    const sentences = PARAGRAPH.split(/(?<=[。？…])(?![…”])/u);
    const together = detectClaims(input(PARAGRAPH));
    let compared = 0;
    for (const claim of together) {
      const alone = sentences.includes(claim.text) ? detectClaims(input(claim.text)) : [];
      // alone, a unit has no source from context and no figures reached back to: compare those that do not depend on them
      if (alone.length !== 1 || claim.source || claim.checks.length > 0) continue;
      assert.deepEqual(alone[0]!.reasons, claim.reasons, claim.text);
      assert.equal(alone[0]!.score, claim.score, claim.text);
      compared++;
    }
    assert.ok(compared >= 3, `${compared} compared`);
    // and the scratch features equal a fresh extraction's
    const fresh = extractFeatures({ norm: '或许这一切都只是开始。', pureQuote: false, figures: [], entities: [], attribution: {} });
    const hedged = detectClaimCandidates(input(PARAGRAPH)).find((u) => u.claim.text === '或许这一切都只是开始。');
    assert.deepEqual(hedged?.features, fresh.features);
  });

  it('extractFeaturesInto writes over every feature and cue of the unit before', () => {
    const texts = ['或许明年市场将首次出现最大规模的反转，这无疑令人震惊。', '据悉该公司2025年营收同比增长20%。', '公司上周宣布完成融资。', '我们认为应该如此，好比一场马拉松。', '他们来了。'];
    const scratch = featureScratch();
    const next = rng(29);
    for (let round = 0; round < 200; round++) {
      const norm = texts[Math.floor(next() * texts.length)]!;
      const unit = { norm, pureQuote: false, figures: [], entities: [], attribution: next() < 0.5 ? {} : { reported: '据悉' } };
      const fresh = extractFeatures(unit);
      const into = extractFeaturesInto(unit, scratch);
      assert.equal(into, scratch);
      assert.deepEqual(into.features, fresh.features, norm);
      assert.deepEqual(into.cues, fresh.cues, norm);
    }
  });

  it('cueAt reads the cue of the feature at each place of FEATURES, and no other', () => {
    for (let place = 0; place < FEATURES.length; place++) {
      const cues: Partial<Record<(typeof FEATURES)[number], string>> = { [FEATURES[place]!]: `cue of ${FEATURES[place]}` };
      assert.equal(cueAt(cues, place), `cue of ${FEATURES[place]}`, FEATURES[place]);
      for (let other = 0; other < FEATURES.length; other++) if (other !== place) assert.equal(cueAt(cues, other), undefined, `${FEATURES[other]} read as ${FEATURES[place]}`);
    }
  });

  it('a claim’s reasons as text are its reason messages rendered, one for one', () => {
    let reasons = 0;
    for (const claim of detectClaims(input(PARAGRAPH))) {
      assert.deepEqual(claim.reasons, claim.reasonMessages.map((m) => renderMessage(m)), claim.text);
      reasons += claim.reasons.length;
    }
    assert.ok(reasons > 5);
  });
});

// viewOf before the lists made at their size, verbatim
function viewBefore(p: { text: string; figures: Figure[] }) {
  const figures = p.figures.filter((f) => f.salient);
  const amounts = figures.filter((f) => (f.type === 'money' || f.type === 'count' || f.type === 'number' || f.type === 'quantity') && num(f) !== undefined);
  const isDelta = (f: Figure) => {
    const w = wordBefore(p.text, f, [...GROWTH_WORDS, ...DECLINE_WORDS], 6);
    if (!w) return false;
    const gap = p.text.slice(p.text.lastIndexOf(w, f.start) + w.length, f.start);
    return gap === '' || gap === '了' || gap === '约' || gap === '近' || gap === '超';
  };
  return {
    text: p.text,
    figures,
    amounts,
    levels: amounts.filter((f) => !isDelta(f)),
    percents: figures.filter((f) => f.type === 'percent' && typeof f.value === 'number'),
    years: figures.filter((f) => f.type === 'date' && f.period && /^\d{4}(\/\d{4})?$/.test(f.period)),
  };
}

describe('claims stage: arithmetic checks without copies per sentence', () => {
  it('viewOf gives the lists the filters gave, on random passages', () => {
    const next = rng(31);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
    const pieces = ['增长', '下降了', '了', '约', '，', '营收', '较', '减少', '超', '近'];
    const types: Figure['type'][] = ['money', 'count', 'number', 'quantity', 'percent', 'date', 'rank', 'duration'];
    for (let round = 0; round < 3000; round++) {
      let text = '';
      const figures: Figure[] = [];
      for (let k = Math.floor(next() * 7); k > 0; k--) {
        for (let g = Math.floor(next() * 3); g > 0; g--) text += pick(pieces);
        const start = text.length;
        text += '12亿';
        figures.push({
          start, end: text.length, text: '12亿', type: pick(types), value: next() < 0.85 ? 12e8 : null, salient: next() < 0.8,
          period: pick([undefined, '', '2023', '2021/2023', '2023-Q4', '20234']),
        } as unknown as Figure);
      }
      assert.deepEqual(viewOf({ text, figures }), viewBefore({ text, figures }), `round ${round}: ${text}`);
    }
  });

  it('the window tests read only where a character of their words stands: each match has one', () => {
    const next = rng(37);
    const pieces = ['其余', '其他', '剩余', '剩下', '余下', '约合', '約合', '折合', '相当于', '相當於', '的', '部分', '为', '约', '其', '余', '相', '合', '下', '，', '亿'];
    let rest = 0;
    let conversion = 0;
    for (let round = 0; round < 20000; round++) {
      let text = '';
      for (let k = Math.floor(next() * 5); k > 0; k--) text += pieces[Math.floor(next() * pieces.length)];
      if (/(其余|其他|剩余|剩下|余下)(的|部分|为|是|则为|约)?$/.test(text)) {
        rest++;
        assert.ok(hasCodeIn(text, 0, text.length, REST_FIRST), text);
      }
      if (/约合|約合|折合|相当于|相當於/.test(text)) {
        conversion++;
        assert.ok(hasCodeIn(text, 0, text.length, CONVERSION_FIRST), text);
      }
    }
    assert.ok(rest > 100 && conversion > 100);
  });

  it('the list words are searched for once per text, and found again for each text in turn', () => {
    const texts = ['甲乙两家公司合计营收320亿元，分别为200亿元和120亿元。', '营收100亿元，同比增长25%。', '两项业务分别占60%和40%。', '没有列举。'];
    const before = texts.map((t) => [...t.matchAll(/分别为|分别是|分别达|分别占/g)].map((m) => m.index));
    for (let round = 0; round < 3; round++) for (const k of [0, 1, 1, 2, 3, 0, 2, 2, 1]) assert.deepEqual(listWordsIn(texts[k]!), before[k], texts[k]);
    // and the checks of a paragraph, sentence by sentence and alternated with another paragraph, are those of each alone
    const alone = texts.map((t) => JSON.stringify(detectClaims(input(t)).map((c) => c.checks)));
    for (const k of [0, 2, 0, 1, 2, 0]) assert.equal(JSON.stringify(detectClaims(input(texts[k]!)).map((c) => c.checks)), alone[k]);
    assert.ok(alone[0]!.includes('"sum"'), alone[0]);
  });
});



// isSpeechUse and firstShows before they were read by code and made one object, verbatim
const AFTER_SPEECH_BEFORE = new Set(['，', ',', '：', ':', '“', '「', '『', '。', '"', ' ', '道']);
const NOT_BEFORE_BEFORE: Record<string, string> = { 说: '来据可话就小听再或虽别难传解游劝', 称: '号堪名简俗自声爱统昵并对宣人', 认为: '被', 提到: '文', 预计: '被', 介绍: '被' };
const NOT_AFTER_BEFORE: Record<string, string> = { 说: '明法服辞书唱', 称: '为作号赞霸职' };
function isSpeechUseBefore(s: string, i: number, v: string): boolean {
  const before = s[i - 1] ?? '';
  if (/(?:未|没|没有|不|尚未|并未|无)$/u.test(s.slice(Math.max(0, i - 2), i))) return false;
  const after = s[i + v.length] ?? '';
  if (NOT_BEFORE_BEFORE[v]?.includes(before) && before) return false;
  if (NOT_AFTER_BEFORE[v]?.includes(after) && after) return false;
  if (v.length === 1) return after === '' || AFTER_SPEECH_BEFORE.has(after);
  return true;
}
function firstShowsBefore(norm: string, from: number): { at: number; verb: string } | undefined {
  let best: { at: number; verb: string } | undefined;
  for (const v of CUES.showsVerbs) {
    const at = norm.indexOf(v, from);
    if (at < 0 || (v === '称' && !CUES.documentKinds.some((d) => norm.endsWith(d, at)))) continue;
    if (!best || at < best.at) best = { at, verb: v };
  }
  return best;
}

describe('claims stage: speech verbs read by code', () => {
  it('isSpeechUse and firstShows answer as before, on random text at every place', () => {
    const next = rng(43);
    const verbs = [...CUES.speechVerbs, ...CUES.showsVerbs];
    const pieces = [...verbs, '未', '没', '没有', '有', '不', '尚未', '并未', '无', '来', '据', '被', '文', '明', '为', '，', '：', '“', '道', ' ', '𠀀', '的', '报告', '财报', '数据'];
    let uses = 0;
    for (let round = 0; round < 5000; round++) {
      let s = '';
      for (let k = Math.floor(next() * 10); k > 0; k--) s += pieces[Math.floor(next() * pieces.length)];
      for (let i = 0; i <= s.length; i++) {
        for (const v of verbs) {
          if (!s.startsWith(v, i)) continue;
          const before = isSpeechUseBefore(s, i, v);
          assert.equal(isSpeechUse(s, i, v), before, `${s} ${i} ${v}`);
          if (before) uses++;
        }
        assert.deepEqual(firstShows(s, i), firstShowsBefore(s, i), `${s} ${i}`);
      }
    }
    assert.ok(uses > 1000);
  });

  it('firstShows read for a growing start within one unit (each verb searched again only once passed) answers as read afresh', () => {
    const next = rng(47);
    // 称 after a document and not, negations, and the verbs twice: a 称 passed over may be followed by one that counts
    const pieces = [...CUES.showsVerbs, '称', '报告', '财报', '他', '未', '，', '的', '数据', '文件', '称'];
    let found = 0;
    for (let round = 0; round < 3000; round++) {
      let s = '';
      for (let k = 2 + Math.floor(next() * 12); k > 0; k--) s += pieces[Math.floor(next() * pieces.length)];
      const froms: number[] = [];
      for (let from = 0; from <= s.length; from += 1 + Math.floor(next() * 3)) froms.push(from);
      const growing = firstShowsGrowing(s, froms);
      froms.forEach((from, k) => {
        assert.deepEqual(growing[k], firstShowsBefore(s, from), `${s} from ${from}`);
        if (growing[k]) found++;
      });
    }
    assert.ok(found > 5000, String(found));
  });

  it('a claim’s figures and entities are the paragraph’s (salient figures) inside it, in order', () => {
    const p = input(PARAGRAPH + '另据统计，2024年该市共有1200家企业，其中科技企业300家，占25%。');
    const claims = detectClaims(p);
    assert.ok(claims.some((c) => c.figures.length >= 2) && claims.some((c) => c.entities.length >= 1));
    for (const c of claims) {
      assert.deepEqual(c.figures, p.figures.filter((f) => f.start >= c.start && f.end <= c.end && f.salient), c.text);
      assert.deepEqual(c.entities, p.entities.filter((e) => e.start >= c.start && e.end <= c.end), c.text);
    }
  });
});

// the names a reason gives before they were made without a list, verbatim
function firstDistinctBefore(entities: readonly EntityMention[], n: number): string[] {
  const out: string[] = [];
  for (const e of entities) {
    if (out.length === n) break;
    if (!out.includes(e.canonical)) out.push(e.canonical);
  }
  return out;
}

describe('claims stage: the names of a reason', () => {
  it('firstNames joins the first three distinct names as the list did', () => {
    const next = rng(53);
    const names = ['阿里巴巴', '腾讯', '张勇', '', '百度', '阿里巴巴'];
    for (let round = 0; round < 3000; round++) {
      const entities = Array.from({ length: Math.floor(next() * 7) }, () => ({ canonical: names[Math.floor(next() * names.length)]! }) as EntityMention);
      assert.equal(firstNames(entities), firstDistinctBefore(entities, 3).join(', '), JSON.stringify(entities));
    }
  });
});

describe('claims stage: passages that state no relation', () => {
  it('checkArithmetic, which reads the view only where a relation word or a list stands, checks as reading every passage', () => {
    const next = rng(59);
    // amounts, rates and years, the words of every relation, and words of none
    const pieces = ['2021年', '2023年', '1880亿元', '3600亿元', '442亿元', '5140亿美元', '4698亿美元', '18%', '29%', '1.3个百分点', '12.03亿', '11.74亿',
      '年复合增长率', '同比增长', '增长', '下降', '减少了', '约合', '折合', '占', '其余', '分别为', '合计', '其中', '较', '从', '到', '，', '。', '收入', '公司', '达到', '共有', '家', '全公司总收入的', '23.5%'];
    let skipped = 0;
    let checked = 0;
    for (let round = 0; round < 20000; round++) {
      let text = '';
      for (let k = 3 + Math.floor(next() * 10); k > 0; k--) text += pieces[Math.floor(next() * pieces.length)];
      const figures = detectFigures(text);
      const passage = { text, figures };
      const every = checkEvery(passage);
      assert.deepEqual(checkArithmetic(passage), every, text);
      if (every.length > 0) checked++;
      if (!mayRelate(passage) && figures.filter((f) => f.salient).length >= 2) skipped++;
    }
    assert.ok(checked > 300 && skipped > 300, `${checked} ${skipped}`);
  });

  it('no relation finds a candidate in a passage mayRelate turns away, where the first characters of its words stand', () => {
    const next = rng(61);
    // figures at every distance after each relation word, the words' first characters in words of none (年底, 上海, 其实), and the words' other scripts
    const pieces = ['2021年', '2023年', '1880亿元', '3600亿元', '442亿元', '5140亿美元', '4698亿美元', '18%', '29%', '1.3个百分点', '12.03亿', '11.74亿', '23.5%', '110亿美元',
      '年复合增长率', '年均增速', '每年增长', 'CAGR', '同比增长', '增长', '增长了', '提升', '下降', '减少了', '跌幅', '约合', '約合', '折合', '相当于', '相當於', '占', '佔',
      '其余', '其他', '剩下', '余下', '分别为', '合计', '其中', '较', '从', '到', '，', '。', '的', '约', '达', '收入', '公司', '共有', '家', '全公司总收入的',
      '上海', '年底', '同时', '提供', '下午', '其实', '剩', '相关', '增', '降', '每', '复合', 'CAG', '余', '折', '年', '同比'];
    let turnedAway = 0;
    let found = 0;
    for (let round = 0; round < 20000; round++) {
      let text = '';
      for (let k = 3 + Math.floor(next() * 10); k > 0; k--) text += pieces[Math.floor(next() * pieces.length)];
      const passage = { text, figures: detectFigures(text) };
      const candidates = RELATIONS.reduce((n, r) => n + r.find(viewOf(passage)).length, 0);
      if (candidates > 0) found++;
      if (mayRelate(passage)) continue;
      assert.equal(candidates, 0, text);
      if (passage.figures.filter((f) => f.salient).length >= 2) turnedAway++;
    }
    assert.ok(found > 200 && turnedAway > 1000, `${found} ${turnedAway}`);
  });

  it('no relation that relationsFor leaves out finds a candidate, whatever the figures around its words', () => {
    const next = rng(67);
    // rates in per cent and points, amounts of each kind, dates, ranks and multiples, at every distance after each relation word
    const pieces = ['2021年', '2023年', '1880亿元', '3600亿元', '442亿元', '5140亿美元', '4698亿美元', '18%', '29%', '1.3个百分点', '12.03亿', '11.74亿', '23.5%', '110亿美元',
      '三倍', '第五', '3年', '10万人', '8-9成', '10%-20%', '一成',
      '年复合增长率', '年均增速', '每年增长', 'CAGR', '同比增长', '增长', '增长了', '提升', '下降', '减少了', '跌幅', '约合', '約合', '折合', '相当于', '占', '佔',
      '其余', '其他', '剩下', '余下', '分别为', '分别占', '合计', '其中', '较', '从', '到', '，', '。', '的', '约', '达', '收入', '公司', '共有', '家', '全公司总收入的', '年', '同比'];
    const kinds = Object.keys(RELATION_BIT) as Array<keyof typeof RELATION_BIT>;
    let found = 0;
    let left = 0;
    for (let round = 0; round < 20000; round++) {
      let text = '';
      for (let k = 2 + Math.floor(next() * 12); k > 0; k--) text += pieces[Math.floor(next() * pieces.length)];
      const passage = { text, figures: detectFigures(text) };
      // (some figures not salient, as the claims stage's reach-back passages may hold)
      if (round % 3 === 0) passage.figures = passage.figures.map((f, i) => (i % 2 ? { ...f, salient: false } : f));
      const asked = relationsFor(passage);
      const view = viewOf(passage);
      for (const relation of RELATIONS) {
        assert.ok(kinds.includes(relation.kind), relation.kind);
        const n = relation.find(view).length;
        if (n > 0) found++;
        if ((asked & RELATION_BIT[relation.kind]) === 0) {
          assert.equal(n, 0, `${relation.kind}: ${text}`);
          left++;
        }
      }
      assert.deepEqual(checkArithmetic(passage), checkEvery(passage), text);
    }
    assert.ok(found > 300 && left > 100000, `${found} ${left}`);
  });

  it('no check states a figure that mayStateAny turns away, and checkArithmetic from a figure on finds every check that states one, whatever the figures before it', () => {
    const next = rng(71);
    // (as above, the sentence before a unit being the passage's first part: its figures are not asked about)
    const pieces = ['2021年', '2023年', '1880亿元', '3600亿元', '442亿元', '5140亿美元', '4698亿美元', '18%', '29%', '1.3个百分点', '12.03亿', '11.74亿', '23.5%', '110亿美元',
      '三倍', '第五', '3年', '10万人', '8-9成', '10%-20%', '一成',
      '年复合增长率', '年均增速', '每年增长', 'CAGR', '同比增长', '增长', '增长了', '提升', '下降', '减少了', '跌幅', '约合', '約合', '折合', '相当于', '占', '佔',
      '其余', '其他', '剩下', '余下', '分别为', '分别占', '合计', '其中', '较', '从', '到', '，', '。', '的', '约', '达', '收入', '公司', '共有', '家', '全公司总收入的', '年', '同比'];
    let turnedAway = 0;
    let stated = 0;
    for (let round = 0; round < 20000; round++) {
      let text = '';
      for (let k = 2 + Math.floor(next() * 12); k > 0; k--) text += pieces[Math.floor(next() * pieces.length)];
      const passage = { text, figures: detectFigures(text) };
      if (round % 3 === 0) passage.figures = passage.figures.map((f, i) => (i % 2 ? { ...f, salient: false } : f));
      // (a unit starts anywhere, often just before or after a figure)
      const at = passage.figures[Math.floor(next() * passage.figures.length)];
      const from = at && next() < 0.7 ? (next() < 0.5 ? at.start : at.end) : Math.floor(next() * (text.length + 1));
      const checks = checkArithmetic(passage);
      if (checks.some((c) => c.stated.start >= from)) stated++;
      // (asked from a figure on, the checks that state one from there on are all there)
      assert.deepEqual(checkArithmetic(passage, from).filter((c) => c.stated.start >= from), checks.filter((c) => c.stated.start >= from), `${from}: ${text}`);
      if (mayStateAny(text, passage.figures.filter((f) => f.start >= from))) continue;
      for (const c of checks) assert.ok(c.stated.start < from, `${from}: ${text}`);
      if (checks.length > 0) turnedAway++;
    }
    assert.ok(stated > 100 && turnedAway > 20, `${stated} ${turnedAway}`);
  });

  it('lets through a relation word at the far end of its window, in either script', () => {
    // (年均增速 ends 6 before the rate: the growth word 增速 in it is out of a change's window of 6, a compound rate's 10 holds it)
    const edges = ['2021年营收1880亿元，2023年营收3600亿元，年均增速按公司口径为18%', '全年收入800亿元，其中广告收入240亿元，佔总收入的30%', '全年收入800亿元，其中广告收入240亿元，占全年总收入之比例大致是30%'];
    for (const text of edges) {
      const passage = { text, figures: detectFigures(text) };
      assert.ok(mayRelate(passage), text);
      assert.ok(checkEvery(passage).length > 0, text);
    }
  });
});
