/**
 * One-character abbreviations of places, as news writes them: in runs (中美关系, 京津冀,
 * 港澳台), after verbs of travel or stance (访华, 来京, 对美), and as a side in talks (中方).
 * Each character is a mention of its own place, linked to the full name. Most of these
 * characters are also ordinary ones (中, 美, 加, 非), so a candidate counts only where no
 * dictionary word runs across its edges (其中|美国, 美好, 加强) and it is not an ordinary
 * word itself (美德, 非法).
 */
import type { WordDictionary } from './wordLattice';
import { startsWithAny, triggerTable } from '../text/chars';
import { MIDDLE_DOTS } from './names';
import nameEdges from './data/nameEdges.json';
import { ABBREVIATION, startTable, unitStarts } from './unitStarts';

/** Characters that spell foreign names (data/nameEdges.json): a list beside one is part of names (费耶诺德、加拉塔萨雷). */
const TRANSLITERATION: ReadonlySet<string> = new Set(nameEdges.transliteration);

/** Countries and continents, written together: 中美, 美日韩, 中欧. */
const COUNTRIES: Record<string, string> = {
  中: '中国', 美: '美国', 日: '日本', 俄: '俄罗斯', 英: '英国', 法: '法国', 德: '德国', 韩: '韩国', 朝: '朝鲜',
  印: '印度', 越: '越南', 泰: '泰国', 欧: '欧洲', 非: '非洲', 加: '加拿大', 意: '意大利', 澳: '澳大利亚',
};

/** Continents among the countries' abbreviations, and 亚 (Asia), which is none of them. */
const CONTINENTS = new Set(['欧', '非', '亚']);

/**
 * Countries whose one-character form is also a common character: only right after 中 and
 * before a word of relations (中缅边界, 中智建交, 中坦合资).
 */
const PARTNERS: Record<string, string> = {
  缅: '缅甸', 智: '智利', 坦: '坦桑尼亚', 西: '西班牙', 哈: '哈萨克斯坦', 老: '老挝', 柬: '柬埔寨', 菲: '菲律宾',
  新: '新加坡', 马: '马来西亚', 土: '土耳其', 埃: '埃及', 伊: '伊朗', 叙: '叙利亚', 蒙: '蒙古', 乌: '乌克兰',
  波: '波兰', 捷: '捷克', 匈: '匈牙利', 罗: '罗马尼亚', 希: '希腊', 葡: '葡萄牙', 荷: '荷兰', 比: '比利时',
  丹: '丹麦', 挪: '挪威', 芬: '芬兰', 墨: '墨西哥', 古: '古巴', 秘: '秘鲁', 阿: '阿根廷', 南: '南非', 巴: '巴基斯坦',
};
const RELATIONS = ['两国', '关系', '建交', '边界', '边境', '合资', '友好', '合作', '双方', '联合', '贸易', '经贸', '会谈', '外长', '首脑', '战略', '伙伴', '之间', '友谊', '交往', '混委会'];

/** Provinces, regions and cities of China, written together: 京津冀, 川渝, 港澳台. */
const DOMESTIC: Record<string, string> = {
  京: '北京', 沪: '上海', 津: '天津', 渝: '重庆', 粤: '广东', 冀: '河北', 苏: '江苏', 浙: '浙江', 川: '四川',
  藏: '西藏', 湘: '湖南', 鄂: '湖北', 豫: '河南', 鲁: '山东', 晋: '山西', 陕: '陕西', 闽: '福建', 赣: '江西',
  皖: '安徽', 黔: '贵州', 滇: '云南', 桂: '广西', 琼: '海南', 青: '青海', 甘: '甘肃', 吉: '吉林', 辽: '辽宁',
  黑: '黑龙江', 港: '香港', 澳: '澳门', 台: '台湾', 深: '深圳', 杭: '杭州',
};

/** Places written alone after a verb: 访华, 赴美, 在京, 来沪. */
const AFTER_VERB: Record<string, string> = {
  华: '中国', 美: '美国', 日: '日本', 俄: '俄罗斯', 英: '英国', 法: '法国', 德: '德国', 韩: '韩国', 朝: '朝鲜',
  京: '北京', 沪: '上海', 港: '香港', 澳: '澳门', 台: '台湾',
};
const VERBS = new Set([...'访来在驻赴抵离返进旅对涉侵援反亲抗']);

/** Runs of abbreviation characters that are ordinary words or names of one place. */
const NOT_ABBREVIATIONS = new Set([
  '中意', '意中', '美德', '美意', '加法', '加深', '非法', '法意', '加意', '深意', '中加', '青川', '台中', '吉黑', '黑吉',
]);

/**
 * COUNTRIES and DOMESTIC by UTF-16 unit (1 where the table has the character): the rules look
 * at every country or province character of a text and its neighbours, and text[k] of a CJK
 * character is a new string each time.
 */
const IN_COUNTRIES = unitsOf(COUNTRIES);
const IN_DOMESTIC = unitsOf(DOMESTIC);
/**
 * PARTNERS and AFTER_VERB by UTF-16 unit: 中 and the verbs (在, 对, 进) are among the commonest
 * characters, and a look-up by text[k] made and hashed a new string at each.
 */
const IN_PARTNERS = unitsOf(PARTNERS);
const IN_AFTER_VERB = unitsOf(AFTER_VERB);
const TABLES = [COUNTRIES, DOMESTIC];

function unitsOf(table: Record<string, string>): Uint8Array {
  const t = new Uint8Array(0x10000);
  for (const ch of Object.keys(table)) t[ch.charCodeAt(0)] = 1;
  return t;
}

/** Whether `table` (COUNTRIES or DOMESTIC) has the character at k (table[text[k]] !== undefined). */
function inTable(table: Record<string, string>, text: string, k: number): boolean {
  return (table === COUNTRIES ? IN_COUNTRIES : IN_DOMESTIC)[text.charCodeAt(k)] === 1;
}

const ZHONG = 0x4e2d; // 中
const FEI = 0x975e; // 非
const FANG = 0x65b9; // 方

export interface AbbreviatedPlace {
  /** UTF-16 offsets of the one character. */
  start: number;
  /** The full name (Simplified): 中国 for 中 and 华; a route's own name (京沪高铁). */
  full: string;
  /** UTF-16 length where more than the one character: a route named by its ends. */
  length?: number;
}

/** What follows a run of domestic places to name the route between them: 京九|铁路, 川藏|线. */
const ROUTES = ['高速公路', '高速铁路', '高速', '高铁', '铁路', '公路', '线'];

/**
 * The length of a route at i named by the places at its ends, as news and the training sets
 * write it (msra-train labels 京九铁路, 京沪铁路 and 京九线 as one place each): a run of two
 * to four domestic abbreviations and a word of routes, with no dictionary word across either
 * edge (京沪|线路 is no 线); 0 if there is none.
 */
function routeAt(text: string, i: number, words: WordDictionary): number {
  if (i > 0 && inTable(DOMESTIC, text, i - 1)) return 0;
  const n = runOf(text, i, DOMESTIC);
  if (n < 2 || new Set(text.slice(i, i + n)).size !== n) return 0;
  const route = ROUTES.find((r) => text.startsWith(r, i + n));
  if (!route || words.crosses(text, i) || words.crosses(text, i + n + route.length)) return 0;
  return n + route.length;
}

/** Numerals before 日 that make it the day of a date (１３日, 九日), not Japan. */
const NUMERALS = /[0-9０-９〇零一二三四五六七八九十廿卅]/;

/** Whether the character at k is 日 as the day of a date: １３日印度 is "India on the 13th". */
function dayOfDate(text: string, k: number): boolean {
  return text[k] === '日' && k > 0 && NUMERALS.test(text[k - 1]!);
}

/** A year written between two sides and their relation: 中加１９７０年建交. */
const YEAR = /^[0-9０-９]{4}年/;

/** Whether a word of relations follows at i, or after a year there. */
function relationAfter(text: string, i: number): boolean {
  const year = YEAR.exec(text.slice(i, i + 5));
  const at = year ? i + year[0].length : i;
  return startsWithAny(text, RELATIONS, at);
}

/** Length of the run of `table`'s characters at i (up to four). */
function runOf(text: string, i: number, table: Record<string, string>): number {
  let e = i;
  while (e < text.length && e - i < 4 && inTable(table, text, e)) e++;
  return e - i;
}

/** A run of two to four abbreviations at i, all countries or all domestic, none twice. */
function runAt(text: string, i: number, words: WordDictionary): [number, Record<string, string>] | undefined {
  for (const table of TABLES) {
    if (i > 0 && inTable(table, text, i - 1) && !dayOfDate(text, i - 1)) continue; // not the start of the run
    const n = runOf(text, i, table);
    if (n < 2) continue;
    const run = text.slice(i, i + n);
    if (new Set(run).size !== n) continue;
    const related = relationAfter(text, i + n);
    if (NOT_ABBREVIATIONS.has(run) && !related) continue;
    // a continent in a run is a region, not two sides (欧美 for the West, 亚非), unless relations follow (中欧关系, 中非合作)
    if (table === COUNTRIES && !related && [...run].some((c) => CONTINENTS.has(c))) continue;
    if (words.crosses(text, i) || words.crosses(text, i + n)) continue;
    // a run inside a transliterated name is syllables of it: 范·德法特, 布鲁京斯
    if (MIDDLE_DOTS[text.charCodeAt(i - 1)] === 1 || MIDDLE_DOTS[text.charCodeAt(i + n)] === 1 ||
      (TRANSLITERATION.has(text[i - 1] ?? '') && TRANSLITERATION.has(text[i + n] ?? ''))) continue;
    return [n, table];
  }
  return undefined;
}

/** The mark between the items of a list: 赣、粤、闽、湘. */
const LIST_MARK = '、';

/**
 * A list of one-character abbreviations at i, all countries or all domestic, each alone
 * between list marks (英、法; 赣、粤、闽、湘): the offsets of its items. Not where a word
 * runs across the list's outer edges or a transliterated name runs into them (费耶诺德、加拉塔萨雷),
 * or where an item is longer than one character (德、智、体 holds a character of neither
 * table; 美、日韩 is a run, found by the run rule).
 */
function listAt(text: string, i: number, words: WordDictionary): [number[], Record<string, string>] | undefined {
  if (text[i + 1] !== LIST_MARK || (text[i - 1] === LIST_MARK)) return undefined;
  for (const table of TABLES) {
    if (!inTable(table, text, i)) continue;
    const items = [i];
    let k = i;
    while (text[k + 1] === LIST_MARK && inTable(table, text, k + 2)) {
      k += 2;
      items.push(k);
    }
    // every item one character: the list ends at the last item, with no list mark after it
    if (items.length < 2 || text[k + 1] === LIST_MARK || inTable(table, text, k + 1)) continue;
    if (new Set(items.map((x) => text[x])).size !== items.length) continue;
    if (words.crosses(text, i) || words.crosses(text, k + 1)) continue;
    if (TRANSLITERATION.has(text[i - 1] ?? '') || TRANSLITERATION.has(text[k + 1] ?? '')) continue;
    return [items, table];
  }
  return undefined;
}

/** By UTF-16 unit: 1 for an abbreviation, 2 for a verb; everything else is skipped in one read. */
const KIND = new Uint8Array(0x10000);
for (const ch of [...Object.keys(COUNTRIES), ...Object.keys(DOMESTIC)]) KIND[ch.charCodeAt(0)] = 1;
for (const ch of VERBS) KIND[ch.charCodeAt(0)] = 2;

function isAbbreviation(text: string, i: number): boolean {
  return i < text.length && KIND[text.charCodeAt(i)] === 1;
}


/** Where an abbreviation or a verb before one may start, as marks (unitStarts.ts). */
export const ABBREVIATION_UNITS = startTable(ABBREVIATION, [...Object.keys(COUNTRIES), ...Object.keys(DOMESTIC), ...VERBS]);

/** Abbreviated places in `text` (Simplified view); `starts`, where they may start, if marked already. */
export function findAbbreviatedPlaces(text: string, words: WordDictionary, starts = unitStarts(text, ABBREVIATION_UNITS)): AbbreviatedPlace[] {
  const found: AbbreviatedPlace[] = [];
  const at = starts.lists[ABBREVIATION]!;
  for (let k = starts.from(ABBREVIATION), to = starts.to(ABBREVIATION), next = 0; k < to; k++) {
    const i = at[k]!;
    if (i < next) continue;
    next = i + 1;
    const c = text.charCodeAt(i);
    const kind = KIND[c]!;
    if (kind === 0) continue;
    if (dayOfDate(text, i)) continue;
    // a list right after a verb is the list's, not the verb's one place: 在英、法
    const list = kind === 1 ? listAt(text, i, words) : text[i + 2] === LIST_MARK ? listAt(text, i + 1, words) : undefined;
    if (list) {
      const [items, table] = list;
      for (const x of items) found.push({ start: x, full: table[text[x]!]! });
      next = items[items.length - 1]! + 1;
      continue;
    }
    const route = kind === 1 ? routeAt(text, i, words) : 0;
    if (route) {
      found.push({ start: i, full: text.slice(i, i + route), length: route });
      next = i + route;
      continue;
    }
    const run = kind === 1 ? runAt(text, i, words) : undefined;
    if (run) {
      const [n, table] = run;
      for (let j = 0; j < n; j++) found.push({ start: i + j, full: table[text[i + j]!]! });
      next = i + n;
      continue;
    }
    // 中 and a partner before a relation: 中缅边界
    const partner = c === ZHONG && IN_PARTNERS[text.charCodeAt(i + 1)] === 1 ? PARTNERS[text[i + 1]!] : undefined;
    // (no closures in this loop: see startsWithAny)
    if (partner && startsWithAny(text, RELATIONS, i + 2) && !words.crosses(text, i)) {
      found.push({ start: i, full: COUNTRIES['中']! }, { start: i + 1, full: partner });
      next = i + 2;
      continue;
    }
    // the side of a country in talks: 中方, 美方
    if (IN_COUNTRIES[c] === 1 && c !== FEI && text.charCodeAt(i + 1) === FANG && !words.crosses(text, i) && !words.crosses(text, i + 2)) {
      found.push({ start: i, full: COUNTRIES[text[i]!]! });
      next = i + 2;
      continue;
    }
    // a verb and one place, not followed by another: 访华, 来京 (访美日 is a run, found next)
    if (kind !== 2) continue;
    if (IN_AFTER_VERB[text.charCodeAt(i + 1)] !== 1 || isAbbreviation(text, i + 2)) continue;
    const place = text[i + 1]!;
    // the first character of a place's full name: 对美国队 (the verb is before 美国, not before 美)
    if (words.has(text.slice(i + 1, i + 3), 'place')) continue;
    if (!words.crosses(text, i) && !words.crosses(text, i + 2)) {
      found.push({ start: i + 1, full: AFTER_VERB[place]! });
      next = i + 2;
    }
  }
  return found;
}

/**
 * Whether the character at i (a place the tagger read, 欧 or 美) is in a run of countries
 * and continents that names a region rather than its sides: 欧美 (the West), 亚非, 欧亚;
 * not before a word of relations (中欧关系, 中非合作).
 */
export function inRegionName(text: string, i: number): boolean {
  if (!inRegionRun(text, i)) return false;
  let s = i;
  while (s > 0 && i - s < 3 && inRegionRun(text, s - 1)) s--;
  let e = i + 1;
  while (e < text.length && e - s < 4 && inRegionRun(text, e)) e++;
  if (e - s < 2 || !continentIn(text, s, e)) return false;
  return !startsWithAny(text, RELATIONS, e);
}

/** CONTINENTS by UTF-16 unit. */
const IN_CONTINENTS = triggerTable(CONTINENTS);

/**
 * Whether the unit at k (within the text) is a country's or a continent's: read by unit, as
 * text[k] of a CJK character is a new string each time (and a closure per call read them).
 */
function inRegionRun(text: string, k: number): boolean {
  if (!(k >= 0 && k < text.length)) return false;
  const c = text.charCodeAt(k);
  return IN_COUNTRIES[c] === 1 || IN_CONTINENTS[c] === 1;
}

/** Whether a continent is among the units of text[s, e). */
function continentIn(text: string, s: number, e: number): boolean {
  for (let k = s; k < e; k++) if (IN_CONTINENTS[text.charCodeAt(k)] === 1) return true;
  return false;
}
