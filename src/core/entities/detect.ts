/**
 * Entity detection on the Simplified view of a paragraph: the lexicon first (longest alias
 * wins), then rules for names nobody taught us. Every scan is linear with bounded
 * look-around.
 */
import { toSimplifiedView } from '../script/normalize';
import { findAbbreviatedPlaces } from './abbreviations';
import { entityId, type EntityType, type Lexicon } from './lexicon';
import { nerWordDictionary, tagEntities } from './ner';
import type { WordDictionary } from './wordLattice';

export type EntitySource = 'lexicon' | 'workspace' | 'role' | 'speech' | 'suffix' | 'latin' | 'transliterated' | 'quoted' | 'title' | 'abbreviation' | 'model' | 'repeated';

export interface EntityMention {
  /** UTF-16 offsets into the analysed text, end exclusive. */
  start: number;
  end: number;
  text: string;
  type: EntityType;
  /** Simplified canonical form, shared by every spelling in either script. */
  canonical: string;
  /** `type:canonical`: the same entity across articles. */
  entityId: string;
  source: EntitySource;
  /** A short form (阿里) that needs the full name elsewhere in the article. */
  short?: boolean;
  /** A name found by a weak rule, kept only where the article names it twice. */
  weak?: boolean;
}

const SURNAMES = new Set([
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝',
]);
const COMPOUND_SURNAMES = ['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '司徒', '夏侯'];

/** Characters that do not occur inside a given name, so a name stops before them. */
const NOT_IN_NAME = new Set([...'表称认透指说在的曾也则对是等和与及了将于向就被把而但从为以上下中内外已还都又再很更最不没这那其此该各每之所们个年月日时分并或即如因由到给让使向与跟同比像']);

const ROLES = [
  '董事会主席兼CEO', '董事长兼CEO', '董事长兼首席执行官', '董事会主席兼首席执行官', '首席执行官', '首席技术官', '首席财务官', '首席运营官',
  '首席科学家', '创始人兼CEO', '联合创始人', '创始人', '董事长', '董事会主席', '副总裁', '总裁', '总经理', '总监', '主席', '分析师', '研究员',
  '负责人', '合伙人', '教授', '院长', '部长', '市长', '发言人', '经济学家', '工程师', '记者', 'CEO', 'CTO', 'CFO', 'COO', '掌门人',
].sort((a, b) => b.length - a.length);

const REPORTING = ['表示', '称', '认为', '透露', '指出', '坦言', '强调', '说', '回应', '直言', '告诉', '介绍'];

/** Suffixes that end an organisation's name, with the longest name part they take. */
const ORG_SUFFIXES: Array<[string, number]> = (
  [
    ['有限责任公司', 8], ['股份有限公司', 8], ['有限公司', 8], ['公司', 4], ['集团', 6], ['科技', 4], ['智能', 3], ['研究院', 6], ['研究所', 6],
    ['银行', 4], ['资本', 3], ['大学', 6], ['学院', 6], ['实验室', 6], ['咨询', 3], ['证券', 3], ['控股', 4], ['传媒', 3], ['财经', 3],
    ['日报', 4], ['时报', 4], ['晚报', 4], ['电视台', 4], ['协会', 6], ['委员会', 8], ['交易所', 6], ['研究中心', 6],
  ] as Array<[string, number]>
).sort((a, b) => b[0].length - a[0].length);
/** Suffixes that are also ordinary nouns: such a name needs a cue after it, or a second mention. */
const WEAK_SUFFIXES = new Set(['公司', '资本', '智能', '科技', '咨询', '传媒', '财经', '控股', '证券']);
/** Words after a name that show it is an organisation: 星河科技创始人, 远望咨询统计. */
const ORG_CUES_AFTER = ['创始人', '联合创始人', '董事长', 'CEO', '首席', '总裁', '表示', '称', '宣布', '发布', '推出', '旗下', '统计', '报道', '数据显示', '报告', '发言人', '官方', '股价', '财报'];

/** Whole strings that look like names with a suffix but are common words. */
const GENERIC_ORGS = new Set(['人工智能', '神经网络', '生成式人工智能', '业务集团', '大公司', '小公司', '母公司', '子公司', '新公司', '老公司']);

/** Kinds of institution, not names of one: the tagger sometimes takes them for names. */
const GENERIC_INSTITUTIONS = new Set([
  '政府', '市政府', '省政府', '县政府', '区政府', '镇政府', '乡政府', '地方政府', '中央政府', '当地政府', '新政府', '联邦政府',
  '部队', '军队', '全军', '军方', '警方', '公安', '公安机关', '公安局', '派出所', '法院', '检察院', '检察机关', '司法机关',
  '工商', '税务', '海关', '有关部门', '相关部门', '主管部门', '监管部门', '职能部门', '政府部门', '管理部门', '执法部门',
  '理事会', '董事会', '委员会', '村委会', '居委会', '党委', '党支部', '工会', '学校', '医院', '银行', '公司', '企业',
  '媒体', '官方', '当局', '游击队', '国家队', '球队', '俱乐部',
]);

/** Words before an organisation suffix that make it generic (这家公司, 一家科技公司). */
const GENERIC_ORG_START = new Set([...'这该一两三几多每各某此其本大小新老子母上下前后国外内全首个许六诸'])
const GENERIC_ORG_NAMES = new Set(['人工智能', '云计算', '互联网', '科技', '智能', '研究', '投资', '咨询', '金融', '数据', '技术', '软件', '网络', '电商', '上市', '创业', '头部', '龙头', '海外', '国内', '全球', '中国', '美国', '合资', '分析', '调研', '市场', '权威', '第三方', '独立', '初创']);

/** Characters that end an organisation name on its left. */
const ORG_LEFT_STOP = new Set([...'的与和及、，。！？；：“”「」『』《》（）()【】,.!?;: \n\t由在据从向对被把让给将为是了就也都而但等与同跟以至到']);

const LATIN_STOP = new Set([
  'ai', 'ceo', 'cto', 'cfo', 'coo', 'gpu', 'cpu', 'llm', 'agi', 'aigc', 'api', 'app', 'it', 'pc', 'arr', 'mau', 'dau', 'gmv', 'ebita', 'ebitda',
  'ipo', 'saas', 'paas', 'iaas', 'maas', 'yoy', 'qoq', 'pct', 'ppt', 'vr', 'ar', 'iot', 'tv', 'hr', 'pr', 'cn', 'q1', 'q2', 'q3', 'q4', 'fy',
  'ok', 'vs', 'etc', 'the', 'and', 'of', 'in', 'a', 'an', 'to', 'b', 'c', 'g', 'k', 'm', 'p', 's', 'ip', 'id', 'ui', 'ux', 'ml', 'nlp', 'cv',
  'toc', 'tob', 'tog', 'b2b', 'b2c', 'roi', 'kpi', 'okr', 'sdk', 'gpt', 'tokens', 'token', 'prompt', 'agent', 'pro', 'max', 'plus', 'mini',
  'chat', 'cloud', 'model', 'data', 'web', 'online', 'beta', 'all', 'top', 'new', 'one', 'open', 'source', 'free', 'ssd', 'cdn', 'rag', 'moe',
  'http', 'https', 'www', 'com', 'html', 'p>', 'nbsp', 'amp',
]);

const QUOTE_PRODUCT_CUES = ['大模型', '模型', '产品', '推出', '发布', '上线', '旗下', '应用', '助手', '名为', '命名为', '叫做', '平台', '系统'];

const ROLES_BY_FIRST = new Map<string, string[]>();
for (const r of ROLES) ROLES_BY_FIRST.set(r[0]!, [...(ROLES_BY_FIRST.get(r[0]!) ?? []), r]);
const SUFFIXES_BY_FIRST = new Map<string, Array<[string, number]>>();
for (const sfx of ORG_SUFFIXES) SUFFIXES_BY_FIRST.set(sfx[0][0]!, [...(SUFFIXES_BY_FIRST.get(sfx[0][0]!) ?? []), sfx]);

/** Characters at which a rule can fire; everything else is skipped in one comparison. */
const RULE_TRIGGERS = (() => {
  const t = new Uint8Array(0x10000);
  const mark = (ch: string) => (t[ch.charCodeAt(0)] = 1);
  for (const ch of ['《', '“', '「', '·', '•']) mark(ch);
  for (const r of ROLES) mark(r[0]!);
  for (const [sfx] of ORG_SUFFIXES) mark(sfx[0]!);
  for (const ch of SURNAMES) mark(ch);
  for (const cs of COMPOUND_SURNAMES) mark(cs[0]!);
  return t;
})();

function isCjk(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
}
function isLatinLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}
function isLatinWordChar(c: number): boolean {
  return isLatinLetter(c) || (c >= 0x30 && c <= 0x39);
}

/** A Chinese given name after a surname at i: 1–2 characters, stopping before function words. */
function readName(norm: string, i: number): number {
  let s = i;
  const compound = COMPOUND_SURNAMES.find((c) => norm.startsWith(c, i));
  if (compound) s += compound.length;
  else if (SURNAMES.has(norm[i]!)) s += 1;
  else return 0;
  let e = s;
  while (e < norm.length && e - s < 2 && isCjk(norm.charCodeAt(e)) && !NOT_IN_NAME.has(norm[e]!)) e++;
  if (e === s) return 0;
  // a 2-character given name whose second character starts a reporting verb is a 1-character one
  if (e - s === 2 && REPORTING.some((r) => norm.startsWith(r, e - 1))) e--;
  return e - i;
}

interface Candidate extends EntityMention {
  priority: number;
}

export interface DetectEntityOptions {
  /** Simplified view of `text`, if the caller has it already. */
  simplified?: string;
  /** Whether to run the learned tagger (default true; it loads its model on first use). */
  model?: boolean;
}

/**
 * Whether a short built-in name at [i, i + length) is part of a longer word (three
 * characters or more) rather than the name: 北大 in 北大西洋, 中国 in 发展中国家, 南中国海.
 * A place only looks left: 中国人民 and 美国人 still mention their country.
 */
function insideLongerWord(words: WordDictionary, text: string, i: number, length: number, type: EntityType): boolean {
  if (type === 'place') return length <= 3 && words.crosses(text, i, 3);
  return length <= 2 && (words.crosses(text, i, 3) || words.crosses(text, i + length, 3));
}

const ADMINISTRATIVE_ENDS = new Set([...'省市县区乡镇']);

/**
 * An address down to a street, a village or a house number is one place, as the reader
 * gives it (北京市东城区王府井大街218号, 郑州市须水镇西岗村): its parts are not places one
 * follows across articles.
 */
function isStreetAddress(place: string): boolean {
  return /(?:[路街道巷弄村]|[0-9０-９]号)$/.test(place) && [...place.slice(0, -1)].some((c) => ADMINISTRATIVE_ENDS.has(c));
}

/** Last words of buildings and venues, which every benchmark set and a reader take as places. */
const FACILITIES = ['博物馆', '博物院', '美术馆', '图书馆', '纪念馆', '展览馆', '科技馆', '体育馆', '体育场', '公园', '广场', '机场', '火车站', '车站', '码头', '大桥', '大厦', '剧院', '会堂'];

/**
 * An address the tagger read as one place, cut after each administrative unit, so that
 * each unit is a place of its own that links across articles: 山东省淄博市张店区 → 山东省,
 * 淄博市, 张店区. Parts are two characters or more (市中区 stays whole).
 */
function administrativeParts(text: string, start: number, end: number): Array<[number, number]> {
  if (isStreetAddress(text.slice(start, end))) return [[start, end]];
  const parts: Array<[number, number]> = [];
  let from = start;
  for (let k = from + 1; k < end - 2; k++) {
    if (ADMINISTRATIVE_ENDS.has(text[k]!) && k + 1 - from >= 2) {
      parts.push([from, k + 1]);
      from = k + 1;
    }
  }
  parts.push([from, end]);
  return parts;
}

/** Longest stretch the tagger sees at once; longer text is cut at sentence ends. */
const MAX_TAGGED = 400;

/**
 * All entity mentions in `text` (a paragraph or an article). Overlaps are resolved in favour
 * of the lexicon, then the longer mention.
 */
export function detectEntities(text: string, lexicon: Lexicon, options: DetectEntityOptions = {}): EntityMention[] {
  const norm = options.simplified ?? toSimplifiedView(text).text;
  const form = norm.toLowerCase();
  const candidates: Candidate[] = [];
  const inUrl = urlMask(norm);
  const push = (start: number, end: number, type: EntityType, source: EntitySource, priority: number, canonical?: string, short?: boolean, weak?: boolean) => {
    // nothing inside a link is a name: http://t.cn/RvHTNdh
    if (inUrl && (inUrl[start] === 1 || inUrl[end - 1] === 1)) return;
    const surface = norm.slice(start, end);
    if (lexicon.ignore.size && lexicon.ignore.has(surface.toLowerCase())) return;
    const c = canonical ?? surface;
    const m: Candidate = { start, end, text: text.slice(start, end), type, canonical: c, entityId: entityId(type, c), source, priority };
    if (short) m.short = true;
    if (weak) m.weak = true;
    candidates.push(m);
  };

  const words = options.model !== false ? nerWordDictionary() : undefined;
  // the lexicon: longest alias at each position
  for (let i = 0; i < form.length; ) {
    if (!lexicon.mayStartWith(form.charCodeAt(i))) {
      i++;
      continue;
    }
    const hit = lexicon.match(form, i);
    if (hit && words && !hit.latin && hit.entry.origin === 'builtin' && insideLongerWord(words, norm, i, hit.length, hit.entry.type)) {
      i++;
      continue;
    }
    if (hit) {
      push(i, i + hit.length, hit.entry.type, hit.entry.origin === 'workspace' ? 'workspace' : 'lexicon', 3, hit.entry.canonical, hit.short);
      i += hit.length;
    } else i++;
  }

  for (let i = 0; i < norm.length; i++) {
    const c = norm.charCodeAt(i);
    if (RULE_TRIGGERS[c] === 0 && !isLatinLetter(c)) continue;
    const ch = norm[i]!;
    // 《titles》 are works
    if (ch === '《') {
      // look for the closing mark only nearby: an unclosed 《 must not cost a scan of the article
      const near = norm.slice(i + 1, i + 32).indexOf('》');
      const close = near < 0 ? -1 : i + 1 + near;
      if (close > i + 1 && close - i <= 31 && !/[\n，,。]/.test(norm.slice(i + 1, close))) push(i + 1, close, 'work', 'title', 1);
      continue;
    }
    // “quoted” product names after a cue: 推出了大模型“通义千问”
    if (ch === '“' || ch === '「') {
      const closer = ch === '“' ? '”' : '」';
      const near = norm.slice(i + 1, i + 13).indexOf(closer);
      const close = near < 0 ? -1 : i + 1 + near;
      const before = norm.slice(Math.max(0, i - 6), i);
      if (close > i + 1 && close - i <= 12 && QUOTE_PRODUCT_CUES.some((q) => before.endsWith(q) || before.endsWith(`${q}了`) || before.endsWith(`${q}的`))) {
        const inner = norm.slice(i + 1, close);
        if (inner.length >= 2 && !/[，。！？、\s0-9+]/.test(inner)) push(i + 1, close, 'product', 'quoted', 1);
      }
      continue;
    }
    // roles followed by a name: 创始人王小川, CEO张勇
    for (const role of ROLES_BY_FIRST.get(ch) ?? []) {
      if (!norm.startsWith(role, i)) continue;
      const at = i + role.length;
      const n = NOT_IN_NAME.has(norm[at] ?? '') ? 0 : readName(norm, at);
      if (n) push(at, at + n, 'person', 'role', 1);
      break;
    }
    // a name before a reporting verb, at a clause start: 王小川表示
    if ((i === 0 || ORG_LEFT_STOP.has(norm[i - 1]!)) && (SURNAMES.has(ch) || COMPOUND_SURNAMES.some((s) => norm.startsWith(s, i)))) {
      const n = readName(norm, i);
      // 文章表示, 高兴地说: a word or an adverb before the verb, not a name
      const word = n ? norm.slice(i, i + n) : '';
      const notAName = word.endsWith('地') || (n === 2 && words?.isOrdinaryWord(word) === true);
      if (n && !notAName && REPORTING.some((r) => norm.startsWith(r, i + n))) push(i, i + n, 'person', 'speech', 1);
    }
    // transliterated names: 萨姆·奥尔特曼
    if ((ch === '·' || ch === '•') && isCjk(norm.charCodeAt(i - 1)) && isCjk(norm.charCodeAt(i + 1))) {
      let s = i;
      while (s > 0 && i - s < 6 && isCjk(norm.charCodeAt(s - 1)) && !ORG_LEFT_STOP.has(norm[s - 1]!)) s--;
      // a role before the name is not part of it: 创始人史蒂芬·徐
      const window = norm.slice(s, i);
      for (const role of ROLES) {
        const r = window.lastIndexOf(role);
        if (r >= 0) s = Math.max(s, s + r + role.length);
      }
      let e = i + 1;
      while (e < norm.length && e - i < 8 && (isCjk(norm.charCodeAt(e)) || norm[e] === '·') && !NOT_IN_NAME.has(norm[e]!)) e++;
      if (i - s >= 1 && e - i >= 2) push(s, e, 'person', 'transliterated', 1);
    }
    // organisation suffixes: 智远科技, 远望咨询
    if (isCjk(c)) {
      const found = SUFFIXES_BY_FIRST.get(ch)?.find(([sfx]) => norm.startsWith(sfx, i));
      if (found) {
        const [suffix, longest] = found;
        const weakSuffix = WEAK_SUFFIXES.has(suffix);
        let s = i;
        // weak suffixes stop at function words too (并改善公司); strong ones only at punctuation (中央财经大学)
        const stop = (k: number) => ORG_LEFT_STOP.has(norm[k]!) || (weakSuffix && NOT_IN_NAME.has(norm[k]!));
        while (s > 0 && i - s < longest && !stop(s - 1) && (isCjk(norm.charCodeAt(s - 1)) || isLatinWordChar(norm.charCodeAt(s - 1)))) s--;
        // a name part that runs to the limit without a boundary is a clause, not a name
        const bounded = s === 0 || stop(s - 1) || !isCjk(norm.charCodeAt(s - 1));
        const name = norm.slice(s, i);
        const whole = name + suffix;
        if (bounded && name.length >= 2 && !GENERIC_ORG_START.has(name[0]!) && !GENERIC_ORG_NAMES.has(name) && !GENERIC_ORGS.has(whole) && !/[0-9]/.test(name)) {
          const end = i + suffix.length;
          const cued = ORG_CUES_AFTER.some((cue) => norm.startsWith(cue, end));
          push(s, end, 'org', 'suffix', 1, undefined, false, weakSuffix && !cued);
        }
      }
    }
    // Latin names: OpenAI, MiniMax, DeepSeek, Canalys
    if (isLatinLetter(c) && !isLatinWordChar(norm.charCodeAt(i - 1))) {
      let e = i;
      while (e < norm.length && (isLatinWordChar(norm.charCodeAt(e)) || ((norm[e] === '-' || norm[e] === '.') && isLatinWordChar(norm.charCodeAt(e + 1))))) e++;
      const word = norm.slice(i, e);
      const lower = word.toLowerCase();
      // camel-case names (OpenAI, PolarDB, LangChain) and versioned products (GPT-3.5); plain
      // capitalised words and acronyms are too often ordinary English or jargon
      const camel = /^[A-Z][a-z0-9]*[A-Z]/.test(word) && /[a-z]/.test(word);
      const versioned = /^[A-Z][A-Za-z]+-?[0-9]/.test(word) && !/^Q[0-9]/.test(word);
      // four letters at least: QvQ is a face, not a name
      if (((camel && word.length >= 4) || versioned) && !LATIN_STOP.has(lower) && word.length >= 3) {
        const after = norm.slice(e, e + 3);
        const type: EntityType = /[0-9]/.test(word) || after.startsWith('模型') || after.startsWith('大模型') ? 'product' : 'org';
        push(i, e, type, 'latin', 0);
      }
      i = Math.max(i, e - 1);
    }
  }
  if (words) {
    // 中美, 京津冀, 访华: each character a place, linked to the full name's entity
    for (const { start, full } of findAbbreviatedPlaces(norm, words)) {
      // full names are written in the match form already (Simplified, no Latin): no conversion per mention
      const hit = lexicon.match(full, 0);
      const canonical = hit && hit.length === full.length && hit.entry.type === 'place' ? hit.entry.canonical : full;
      push(start, start + 1, 'place', 'abbreviation', 2, canonical);
    }
  }
  if (options.model !== false) {
    // the learned tagger, sentence by sentence, below the lexicon and the rules
    let from = 0;
    while (from < norm.length) {
      let to = Math.min(norm.length, from + MAX_TAGGED);
      if (to < norm.length) {
        // cut at a sentence end inside this chunk only: never scan back through the article
        const chunk = norm.slice(from, to);
        const cut = Math.max(chunk.lastIndexOf('。'), chunk.lastIndexOf('\n'));
        if (cut > 0) to = from + cut + 1;
      }
      for (const sp of tagEntities(form.slice(from, to))) {
        const s0 = from + sp.start;
        const e0 = from + sp.end;
        const surface = form.slice(s0, e0);
        // the tagger sometimes takes a Latin acronym (AI, CEO) for a name: those are never its to find
        const acronym = sp.type === 'person' && (/^[a-z0-9]{1,4}$/.test(surface) || LATIN_STOP.has(surface));
        // a Latin word written all in lower case (panda, wallace) is rarely a person or a place;
        // organisations and works often are (games, teams, brands)
        const lowerLatin = (sp.type === 'person' || sp.type === 'place') && /^[a-z][a-z .'-]*$/.test(surface) && norm.slice(s0, e0) === surface;
        if (acronym || lowerLatin || (e0 - s0 < 2 && sp.type !== 'place') || GENERIC_INSTITUTIONS.has(surface) || FACILITIES.includes(surface)) continue;
        // a building or a venue is a place one can be at: 中国美术馆, 首都机场 (but not 博物馆 alone)
        const facility = FACILITIES.some((f) => surface.endsWith(f) && surface.length > f.length);
        if (facility || sp.type === 'place') {
          for (const [a, b] of facility ? [[s0, e0]] : administrativeParts(norm, s0, e0)) push(a!, b!, 'place', 'model', 1.5);
        } else push(s0, e0, sp.type, 'model', 1.5);
      }
      from = to;
    }
  }
  return resolveOverlaps(candidates);
}

/** Links: a scheme or www. and the printable ASCII after it. */
const URL_START = /(?:https?:\/\/|www\.)[\x21-\x7e]+/gi;

/** Characters inside links, marked 1; undefined when the text has none. */
function urlMask(text: string): Uint8Array | undefined {
  let mask: Uint8Array | undefined;
  for (const m of text.matchAll(URL_START)) {
    mask ??= new Uint8Array(text.length);
    mask.fill(1, m.index, m.index + m[0].length);
  }
  return mask;
}

/** How the name of an organisation ends, when it grows out of a shorter known one. */
const ORG_NAME_ENDS = ['银行', '分行', '支行', '公司', '集团', '地产', '证券', '基金', '保险', '控股', '科技', '研究院', '研究所', '大学', '学院', '委员会', '协会', '中心', '部', '局', '厅', '处', '署'];

/** Last characters of an address, whose places inside give way to it (北京市朝阳区). */
const ADDRESS_ENDS = new Set([...'区县镇乡村街路道巷号楼园湾']);

/**
 * Keeps the best of overlapping candidates: higher priority, then longer, then earlier.
 * An occupancy map over the text keeps this linear (mentions are short).
 */
function resolveOverlaps(all: Candidate[]): EntityMention[] {
  // a place inside a longer organisation, work or place (中国 in 中国人民银行, 北京 in 北京大学) gives way
  const byStart = [...all].sort((a, b) => a.start - b.start || b.end - a.end);
  const inside = new Set<Candidate>();
  for (let k = 0; k < byStart.length; k++) {
    const outer = byStart[k]!;
    // a place also gives way to a longer place around it: an address (北京市 in 北京市朝阳区) or a building (中国 in 中国美术馆)
    const address = outer.type === 'place' && (ADDRESS_ENDS.has(outer.canonical[outer.canonical.length - 1] ?? '') || FACILITIES.some((f) => outer.canonical.endsWith(f)));
    if ((outer.type !== 'org' && outer.type !== 'work' && !address) || outer.weak) continue;
    for (let j = k + 1; j < byStart.length && byStart[j]!.start < outer.end; j++) {
      const inner = byStart[j]!;
      // abbreviations (中美) are checked against the dictionary already: a model's 中美 organisation does not swallow them
      if (inner.type === 'place' && inner.source !== 'abbreviation' && inner.end <= outer.end && inner.end - inner.start < outer.end - outer.start) inside.add(inner);
    }
  }
  // a known organisation followed by more of an organisation's name is a part of that name:
  // 中信 in 中信银行, 中国电信 in 中国电信武汉分公司 (the longer name is a different entity)
  for (let k = 0; k < byStart.length; k++) {
    const known = byStart[k]!;
    if (known.type !== 'org' || (known.source !== 'lexicon' && known.source !== 'workspace')) continue;
    for (let j = k - 1; j >= 0 && byStart[j]!.start === known.start; j--) {
      const longer = byStart[j]!;
      if (longer.type === 'org' && longer.end > known.end && !longer.weak && ORG_NAME_ENDS.some((e) => longer.canonical.endsWith(e))) inside.add(known);
    }
  }
  const candidates = all.filter((c) => !inside.has(c));
  candidates.sort((a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const end = candidates.reduce((m, c) => Math.max(m, c.end), 0);
  const occupied = new Uint8Array(end + 1);
  const taken: Candidate[] = [];
  for (const c of candidates) {
    let free = true;
    for (let k = c.start; k < c.end && free; k++) if (occupied[k]) free = false;
    if (!free) continue;
    occupied.fill(1, c.start, c.end);
    taken.push(c);
  }
  taken.sort((a, b) => a.start - b.start);
  return taken.map(({ priority: _p, ...m }) => m);
}

/**
 * Decisions that need the whole article (`mentions` are all of its mentions): short forms
 * (阿里) stay only where the entity is also named in full, and weakly found names only
 * where they occur at least twice or once with a cue.
 */
export function resolveArticleLevel(mentions: EntityMention[]): EntityMention[] {
  const full = new Set(mentions.filter((m) => !m.short).map((m) => m.entityId));
  const count = new Map<string, number>();
  const confirmed = new Set(mentions.filter((m) => !m.weak && !m.short).map((m) => m.entityId));
  for (const m of mentions) count.set(m.entityId, (count.get(m.entityId) ?? 0) + 1);
  return mentions.filter((m) => (!m.short || full.has(m.entityId)) && (!m.weak || confirmed.has(m.entityId) || count.get(m.entityId)! >= 2));
}
