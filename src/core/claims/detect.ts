/**
 * Claims: the checkable statements of a paragraph, one per sentence, with who asserts them,
 * the figures and entities they rest on, a type, a check-worthiness score with its reasons,
 * and the arithmetic checks of their figures.
 */
import type { EntityMention } from '../entities/detect';
import type { Figure } from '../figures/types';
import { splitSentences } from '../text/paragraphs';
import { toSimplifiedView } from '../script/normalize';
import { checkArithmetic, type ArithmeticCheck } from './arithmetic';

export const CLAIM_TYPES = ['statistic', 'event', 'quote', 'forecast', 'opinion'] as const;
export type ClaimType = (typeof CLAIM_TYPES)[number];

export interface Attribution {
  /** As written. */
  text: string;
  /** The entity it names, where it names one. */
  canonical?: string;
  entityId?: string;
}

export interface Claim {
  /** UTF-16 offsets into the analysed text, end exclusive. */
  start: number;
  end: number;
  text: string;
  type: ClaimType;
  source?: Attribution;
  figures: Figure[];
  entities: EntityMention[];
  /** 0 to 1: how much the claim is worth checking. */
  score: number;
  reasons: string[];
  checks: ArithmeticCheck[];
}

const REPORTING = ['表示', '称', '认为', '透露', '指出', '坦言', '强调', '说', '介绍', '回应', '直言', '提到', '宣布', '承认', '否认'];
const SHOWS = ['显示', '披露', '指出', '表明'];
const HEDGES = ['可能', '或许', '也许', '似乎', '恐怕', '大概', '觉得', '看来', '应该', '或将'];
const FORECAST = ['预计', '预测', '有望', '将达', '将会', '将在', '将于', '计划', '未来', '到20', '预期', '目标是'];
const COMPARATIVE = ['首次', '第一', '最大', '最高', '最低', '超过', '领先', '增长', '下降', '减少', '突破', '翻番', '倍', '唯一', '首个', '首家'];
const OPINION = ['认为', '觉得', '看来', '相信', '判断', '建议'];

function has(s: string, words: readonly string[]): string | undefined {
  return words.find((w) => s.includes(w));
}

function cjkCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x41 && c <= 0x7a)) n++;
  }
  return n;
}

/** Who asserts the sentence: 据X报道, X表示, X统计的…报告显示, 接受X采访时称, 财报显示. */
function attribution(norm: string, sStart: number, text: string, entities: EntityMention[]): Attribution | undefined {
  const within = (e: EntityMention) => e.start >= sStart && e.end <= sStart + norm.length;
  const entityIn = (from: number, to: number) =>
    entities.filter((e) => within(e) && e.start >= sStart + from && e.end <= sStart + to && (e.type === 'person' || e.type === 'org' || e.type === 'work'));
  const make = (from: number, to: number): Attribution | undefined => {
    const raw = text.slice(sStart + from, sStart + to).replace(/^[，,、：:\s“”]+|[，,、：:\s]+$/g, '');
    if (!raw) return undefined;
    const named = entityIn(from, to);
    const pick = named.find((e) => e.type === 'person') ?? named[0];
    const a: Attribution = { text: raw };
    if (pick) {
      a.canonical = pick.canonical;
      a.entityId = pick.entityId;
    }
    return a;
  };
  // 据36氪报道, 据远望咨询统计
  const ju = /(?<![数证占])据([^，。,；;]{1,16}?)(报道|统计|披露|消息|数据|显示|透露|称|介绍|调查)/.exec(norm);
  if (ju) return make(ju.index + 1, ju.index + 1 + ju[1]!.length);
  // 接受X采访时表示: the speaker comes before 接受
  const interview = /([^，。,；;]{1,20}?)接受[^，。]{1,12}?采访/.exec(norm);
  if (interview) return make(interview.index, interview.index + interview[1]!.length);
  // X…显示 (财报显示, Canalys统计的…报告显示)
  for (const w of SHOWS) {
    const at = norm.indexOf(w);
    if (at <= 0) continue;
    const clauseStart = Math.max(norm.lastIndexOf('，', at), norm.lastIndexOf(',', at), -1) + 1;
    if (at - clauseStart <= 30) return make(clauseStart, at);
  }
  // X表示 / X称 / X认为, with the nearest named entity before the verb
  for (const w of REPORTING) {
    const at = norm.indexOf(w);
    if (at <= 0) continue;
    const named = entityIn(Math.max(0, at - 30), at);
    if (named.length) {
      const e = named[named.length - 1]!;
      return { text: e.text, canonical: e.canonical, entityId: e.entityId };
    }
    const clauseStart = Math.max(norm.lastIndexOf('，', at), norm.lastIndexOf('。', at), -1) + 1;
    if (at - clauseStart > 0 && at - clauseStart <= 12) return make(clauseStart, at);
  }
  return undefined;
}

export interface ClaimInput {
  /** The paragraph's text. */
  text: string;
  /** The Simplified view of `text` (same offsets), if the caller has it already. */
  simplified?: string;
  /** Its figures and entities, with offsets into `text`. */
  figures: Figure[];
  entities: EntityMention[];
}

/**
 * The claims of one body paragraph. Credit lines, tag clouds, navigation and headings never
 * reach here (the analyser leaves noise out). Questions and fragments are not claims.
 */
export function detectClaims(p: ClaimInput): Claim[] {
  const norm = p.simplified ?? toSimplifiedView(p.text).text;
  const claims: Claim[] = [];
  let previous: { start: number; end: number } | undefined;
  for (const s of splitSentences(p.text)) {
    const sentence = p.text.slice(s.start, s.end);
    const sNorm = norm.slice(s.start, s.end);
    const last = sentence.trimEnd().slice(-1);
    const isQuestion = last === '？' || last === '?' || (last === '”' && /[？?]”$/.test(sentence.trimEnd()) && !/[：:]“/.test(sentence));
    if (isQuestion || cjkCount(sentence) < 5) {
      previous = s;
      continue;
    }
    const figures = p.figures.filter((f) => f.start >= s.start && f.end <= s.end && f.salient);
    const entities = p.entities.filter((e) => e.start >= s.start && e.end <= s.end);
    const source = attribution(sNorm, s.start, p.text, p.entities);
    // speech: a quotation introduced by a colon or a reporting verb (not a product name in quotes)
    const quoted = /[“「][^”」]{4,}[”」]/.test(sentence) && /([：:]|表示|称|说|指出|强调|坦言)\s*[“「]/.test(sNorm);
    const amounts = figures.filter((f) => f.type !== 'date' && f.type !== 'rank' && f.type !== 'duration');
    const hedge = has(sNorm, HEDGES);
    let type: ClaimType;
    if (quoted) type = 'quote';
    else if (has(sNorm, FORECAST)) type = 'forecast';
    else if (amounts.length) type = 'statistic';
    else if (has(sNorm, OPINION) || hedge) type = 'opinion';
    else type = 'event';

    // keywords are Simplified: check against the Simplified view (same offsets)
    let checks = checkArithmetic({ text: norm, figures });
    if (checks.length === 0 && previous && amounts.some((f) => f.type === 'percent')) {
      // the relation may reach back to the figures of the sentence before
      const joined = p.figures.filter((f) => f.start >= previous!.start && f.end <= s.end && f.salient);
      checks = checkArithmetic({ text: norm, figures: joined }).filter((c) => c.stated.start >= s.start);
    }

    const reasons: string[] = [];
    let score = 0.15;
    if (amounts.length) {
      score += 0.3;
      reasons.push(`${amounts.length} figure${amounts.length > 1 ? 's' : ''}`);
    }
    if (figures.some((f) => f.type === 'date')) {
      score += 0.1;
      reasons.push('a date');
    }
    if (entities.length) {
      score += 0.1;
      reasons.push(`names ${[...new Set(entities.map((e) => e.canonical))].slice(0, 3).join(', ')}`);
    }
    if (source) {
      score += 0.15;
      reasons.push(`attributed to ${source.canonical ?? source.text}`);
    }
    const comparative = has(sNorm, COMPARATIVE);
    if (comparative) {
      score += 0.1;
      reasons.push(`a comparison (${comparative})`);
    }
    if (checks.some((c) => c.verdict === 'does not hold')) {
      score += 0.2;
      reasons.push('its arithmetic does not hold');
    }
    if (type === 'opinion' || hedge) {
      score -= 0.2;
      reasons.push(`hedged or an opinion${hedge ? ` (${hedge})` : ''}`);
    }
    const claim: Claim = {
      start: s.start,
      end: s.end,
      text: sentence,
      type,
      figures,
      entities,
      score: Math.round(Math.max(0, Math.min(1, score)) * 100) / 100,
      reasons,
      checks,
    };
    if (source) claim.source = source;
    claims.push(claim);
    previous = s;
  }
  return claims;
}
