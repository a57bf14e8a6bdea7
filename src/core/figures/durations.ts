/**
 * Durations and counts: compound durations (三年零两个月, 一個半小時, 两分三十秒), ranks
 * (第五, 排名17, 排名前五), and N大 counts (六大业务集团).
 */
import { clean } from './numerals';
import { isNumberStart, readNumber } from './readNumber';
import { figure, type Scan } from './build';
import { matchUnit, type Unit } from './units';
import { QUARTER_WORDS, yearlessFigure } from './dates';
import { unitAt } from './chars';

/** Words before a bare number that make it a rank: 排名17. */
const RANK_WORDS = ['排名第', '排名', '排行第', '位列第', '名列第'];
/** Words before 前N that make it a rank (排名前五, 全球前十); or after it (前五名, 前十强, 前三大). */
const TOP_BEFORE = ['排名', '排行', '位列', '名列', '跻身', '躋身', '进入', '進入', '位居', '稳居', '穩居', '挤进', '擠進', '杀入', '殺入', '全球', '全国', '全國', '国内', '國內', '行业', '行業', '榜单', '榜單', '市场', '市場', '冲进', '衝進', '进', '進', '居'];
const TOP_AFTER = new Set([...'名强強大位甲']);

export const COUNT_TRIGGERS = '第前' + RANK_WORDS.map((w) => w[0]).join('');

/** At i: 第N, a rank word with its number, or 前N. Returns where the scan goes on, or -1. */
export function readRankOrCount(s: Scan, i: number): number {
  const text = s.text;
  const ch = text[i];
  if (ch === '第' && isNumberStart(text, i + 1)) {
    const n = readNumber(text, i + 1);
    if (n && Number.isInteger(n.value)) {
      const q = QUARTER_WORDS[text[i + 1]!];
      // 第三季度 with no year before it (2023年第三季度 is read with its year): relativeDates.ts reads one
      if (q && n.end === i + 2 && text.startsWith('季度', n.end)) {
        s.out.push(yearlessFigure(s, i, n.end + 2, `--Q${q}`));
        return n.end + 2;
      }
      let end = n.end;
      const u = matchUnit(text, end);
      if (u && (u.type === 'count' || u.unit === 'quarter' || u.unit === 'year')) end += u.text.length;
      s.out.push(figure(s, i, end, 'rank', n.value));
      return end;
    }
    return -1;
  }
  if (ch === '前' && isNumberStart(text, i + 1)) {
    const n = readNumber(text, i + 1);
    if (!n || !Number.isInteger(n.value) || n.value < 2 || n.value > 1000) return -1;
    const after = text[n.end] ?? '';
    const ranked = TOP_BEFORE.some((w) => text.startsWith(w, i - w.length)) || TOP_AFTER.has(after);
    // 前三季度 with no year before it: the first three quarters of a year still to be read
    const q = QUARTER_WORDS[text[i + 1]!];
    if (q && q > 1 && n.end === i + 2 && text.startsWith('季度', n.end)) {
      s.out.push(yearlessFigure(s, i, n.end + 2, `--Q1/--Q${q}`));
      return n.end + 2;
    }
    const unit = matchUnit(text, n.end);
    if (!ranked || unit?.type === 'duration' || after === '月' || after === '季') return -1;
    const end = TOP_AFTER.has(after) ? n.end + 1 : n.end;
    const f = figure(s, i, end, 'rank', n.value, 'top');
    s.out.push(f);
    return end;
  }
  for (const w of RANK_WORDS) {
    if (ch !== w[0] || !text.startsWith(w, i) || !isNumberStart(text, i + w.length)) continue;
    const n = readNumber(text, i + w.length);
    if (n && Number.isInteger(n.value)) {
      s.out.push(figure(s, i + w.length, n.end, 'rank', n.value));
      return n.end;
    }
  }
  return -1;
}

/** Words that begin with 大 and so do not make N大 a count: 三大于二, 五大三粗. */
const NOT_DA_COUNT = new Set([...'于於小概约約幅量部多都众眾家会會涨漲跌增减減降厦廈型规規写寫方批片早堆把笔筆声聲']);

/** 六大业务集团, 三大运营商: N大 counts N major things. Returns the end, or -1. */
export function bigCountEnd(text: string, end: number, value: number): number {
  if (unitAt(text, end) !== 0x5927 /* 大 */ || !Number.isInteger(value) || value < 2 || value > 100) return -1;
  const next = text[end + 1] ?? '';
  if (!next || NOT_DA_COUNT.has(next) || !(next.charCodeAt(0) >= 0x3400 && next.charCodeAt(0) <= 0x9fff)) return -1;
  return end + 1;
}

/** 一個半小時, 两个半月: a classifier, 半, and a time unit. Returns the duration, or undefined. */
export function halfAfterClassifier(text: string, unitEnd: number, unit: Unit | undefined): { end: number; unit: string } | undefined {
  if (!unit || (unit.text !== '个' && unit.text !== '個') || unitAt(text, unitEnd) !== 0x534a /* 半 */) return undefined;
  const k = unitEnd + 1;
  if (unitAt(text, k) === 0x6708 /* 月 */) return { end: k + 1, unit: 'month' };
  const u = matchUnit(text, k);
  if (u && u.type === 'duration' && u.unit !== 'year') return { end: k + u.text.length, unit: u.unit! };
  if (text.startsWith('钟头', k) || text.startsWith('鐘頭', k)) return { end: k + 2, unit: 'hour' };
  return undefined;
}

/** How many of the smaller unit make one of the larger, where that is exact. */
const PER: Record<string, number> = { 'year>month': 12, 'week>day': 7, 'day>hour': 24, 'hour>minute': 60, 'minute>second': 60 };

/**
 * 三年零两个月 (38 months), 1小时30分钟, 两分三十秒 (150 seconds): a duration followed by a
 * smaller one is one duration, in the smaller unit. Returns it, or undefined.
 */
export function compoundDuration(text: string, end: number, value: number, unit: string): { end: number; value: number; unit: string } | undefined {
  let k = end;
  if (unitAt(text, k) === 0x96f6 /* 零 */ || unitAt(text, k) === 0x53c8 /* 又 */) k++;
  if (!isNumberStart(text, k)) return undefined;
  const n = readNumber(text, k);
  if (!n || n.max !== undefined) return undefined;
  let u = matchUnit(text, n.end);
  let unitEnd = u ? n.end + u.text.length : n.end;
  // 1小时30分: 分 after hours is minutes
  if (!u && unitAt(text, n.end) === 0x5206 /* 分 */ && unit === 'hour') {
    u = { text: '分', type: 'duration', unit: 'minute' };
    unitEnd = n.end + 1;
  }
  if (!u || u.type !== 'duration' || !u.unit) return undefined;
  const per = PER[`${unit}>${u.unit}`];
  if (!per) return undefined;
  return { end: unitEnd, value: clean(value * per + n.value), unit: u.unit };
}

/** 两分三十秒: 分 is minutes when seconds follow. Returns the duration in seconds, or undefined. */
export function minutesAndSeconds(text: string, end: number, value: number): { end: number; value: number; unit: string } | undefined {
  if (unitAt(text, end) !== 0x5206 /* 分 */) return undefined;
  const n = isNumberStart(text, end + 1) ? readNumber(text, end + 1) : undefined;
  if (!n) return undefined;
  const u = matchUnit(text, n.end);
  if (!u || u.unit !== 'second') return undefined;
  return { end: n.end + u.text.length, value: clean(value * 60 + n.value), unit: 'second' };
}
