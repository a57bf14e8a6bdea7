/**
 * Kinds are not names: words that look like an organisation's or a place's name, or like
 * one that a tagger would propose, but name a kind of thing (公司, 创业公司, 政府, 博物馆) or a
 * technical term (AIGC, SaaS).
 */

/** Whole strings that look like names with a suffix but are common words. */
export const GENERIC_ORGS = new Set(['人工智能', '神经网络', '生成式人工智能', '业务集团', '大公司', '小公司', '母公司', '子公司', '新公司', '老公司']);

/** Kinds of institution, not names of one: the tagger sometimes takes them for names. */
export const GENERIC_INSTITUTIONS = new Set([
  '政府', '市政府', '省政府', '县政府', '区政府', '镇政府', '乡政府', '地方政府', '中央政府', '当地政府', '新政府', '联邦政府',
  '部队', '军队', '全军', '军方', '警方', '公安', '公安机关', '公安局', '派出所', '法院', '检察院', '检察机关', '司法机关',
  '工商', '税务', '海关', '有关部门', '相关部门', '主管部门', '监管部门', '职能部门', '政府部门', '管理部门', '执法部门',
  '理事会', '董事会', '委员会', '村委会', '居委会', '党委', '党支部', '工会', '学校', '医院', '银行', '公司', '企业',
  '媒体', '官方', '当局', '游击队', '国家队', '球队', '俱乐部',
]);

/** Words before an organisation suffix that make it generic (这家公司, 一家科技公司). */
export const GENERIC_ORG_START = new Set([...'这该一两三几多每各某此其本大小新老子母上下前后国外内全首个许六诸']);
export const GENERIC_ORG_NAMES = new Set(['人工智能', '云计算', '互联网', '科技', '智能', '研究', '投资', '咨询', '金融', '数据', '技术', '软件', '网络', '电商', '上市', '创业', '头部', '龙头', '海外', '国内', '全球', '中国', '美国', '合资', '分析', '调研', '市场', '权威', '第三方', '独立', '初创']);

/** Latin words that are jargon, abbreviations or ordinary English, never a name on their own. */
export const LATIN_STOP = new Set([
  'ai', 'ceo', 'cto', 'cfo', 'coo', 'gpu', 'cpu', 'llm', 'agi', 'aigc', 'api', 'app', 'it', 'pc', 'arr', 'mau', 'dau', 'gmv', 'ebita', 'ebitda',
  'ipo', 'saas', 'paas', 'iaas', 'maas', 'yoy', 'qoq', 'pct', 'ppt', 'vr', 'ar', 'iot', 'tv', 'hr', 'pr', 'cn', 'q1', 'q2', 'q3', 'q4', 'fy',
  'ok', 'vs', 'etc', 'the', 'and', 'of', 'in', 'a', 'an', 'to', 'b', 'c', 'g', 'k', 'm', 'p', 's', 'ip', 'id', 'ui', 'ux', 'ml', 'nlp', 'cv',
  'toc', 'tob', 'tog', 'b2b', 'b2c', 'roi', 'kpi', 'okr', 'sdk', 'gpt', 'tokens', 'token', 'prompt', 'agent', 'pro', 'max', 'plus', 'mini',
  'chat', 'cloud', 'model', 'data', 'web', 'online', 'beta', 'all', 'top', 'new', 'one', 'open', 'source', 'free', 'ssd', 'cdn', 'rag', 'moe',
  'http', 'https', 'www', 'com', 'html', 'p>', 'nbsp', 'amp',
]);

/** Last words of buildings and venues, which every benchmark set and a reader take as places. */
export const FACILITIES = ['博物馆', '博物院', '美术馆', '图书馆', '纪念馆', '展览馆', '科技馆', '体育馆', '体育场', '公园', '广场', '机场', '火车站', '车站', '码头', '大桥', '大厦', '剧院', '会堂'];
