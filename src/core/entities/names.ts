/** Chinese personal names: surnames, where a given name stops, roles and verbs of speech around names. */
import { cjkLengthAt, triggerTable } from './textAt';

export const SURNAMES = new Set([
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝',
]);
/** Middle dots, which join the parts of a transliterated name (范·德法特), by UTF-16 code. */
export const MIDDLE_DOTS = triggerTable(['·', '•', '‧', '・']);

export const COMPOUND_SURNAMES = ['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '司徒', '夏侯'];

/** Characters that do not occur inside a given name, so a name stops before them. */
export const NOT_IN_NAME = new Set([...'表称认透指说在的曾也则对是等和与及了将于向就被把而但从为以上下中内外已还都又再很更最不没这那其此该各每之所们个年月日时分并或即如因由到给让使向与跟同比像']);

export const ROLES = [
  '董事会主席兼CEO', '董事长兼CEO', '董事长兼首席执行官', '董事会主席兼首席执行官', '首席执行官', '首席技术官', '首席财务官', '首席运营官',
  '首席科学家', '创始人兼CEO', '联合创始人', '创始人', '董事长', '董事会主席', '副总裁', '总裁', '总经理', '总监', '主席', '分析师', '研究员',
  '负责人', '合伙人', '教授', '院长', '部长', '市长', '发言人', '经济学家', '工程师', '记者', 'CEO', 'CTO', 'CFO', 'COO', '掌门人',
].sort((a, b) => b.length - a.length);

export const REPORTING = ['表示', '称', '认为', '透露', '指出', '坦言', '强调', '说', '回应', '直言', '告诉', '介绍'];

/** Characters that end a name on its left: punctuation and function words. */
export const LEFT_STOP = new Set([...'的与和及、，。！？；：“”「」『』《》（）()【】,.!?;: \n\t由在据从向对被把让给将为是了就也都而但等与同跟以至到']);

/**
 * The same two sets by UTF-16 unit: reading `norm[k]` makes a new string for every CJK
 * character (V8 caches only Latin-1 ones), and the rules ask at nearly every character.
 */
const LEFT_STOP_UNITS = triggerTable(LEFT_STOP);
const NOT_IN_NAME_UNITS = triggerTable(NOT_IN_NAME);

/** Whether the character at k is in LEFT_STOP (false outside the string). */
export function isLeftStopAt(norm: string, k: number): boolean {
  return LEFT_STOP_UNITS[norm.charCodeAt(k)] === 1;
}

/** Whether the character at k is in NOT_IN_NAME (false outside the string). */
export function isNotInNameAt(norm: string, k: number): boolean {
  return NOT_IN_NAME_UNITS[norm.charCodeAt(k)] === 1;
}

/**
 * Surnames by UTF-16 unit (each is one BMP character), and the first units of the compound
 * ones: surnameAt and readName are asked at most characters of a paragraph, and `norm[i]` or
 * a closure per call allocated some 80 bytes each time.
 */
const SURNAME_UNITS = triggerTable(SURNAMES);
const COMPOUND_STARTS = triggerTable(COMPOUND_SURNAMES);

/** The compound surname at i, if one is there (as COMPOUND_SURNAMES.find). */
function compoundSurnameAt(norm: string, i: number): string | undefined {
  // (startsWith reads a negative offset as 0)
  if (COMPOUND_STARTS[norm.charCodeAt(i < 0 ? 0 : i)] !== 1) return undefined;
  for (let k = 0; k < COMPOUND_SURNAMES.length; k++) if (norm.startsWith(COMPOUND_SURNAMES[k]!, i)) return COMPOUND_SURNAMES[k];
  return undefined;
}

/** The first units of REPORTING: asked after every name read, most rule the list out in one read. */
const REPORTING_STARTS = triggerTable(REPORTING);

/** Whether a reporting verb starts at i (as REPORTING.some). */
export function reportingAt(norm: string, i: number): boolean {
  // (startsWith reads a negative offset as 0)
  if (REPORTING_STARTS[norm.charCodeAt(i < 0 ? 0 : i)] !== 1) return false;
  for (let k = 0; k < REPORTING.length; k++) if (norm.startsWith(REPORTING[k]!, i)) return true;
  return false;
}

/** Length (UTF-16) of a surname at i: 2 for a compound one, 1, or 0. */
export function surnameAt(norm: string, i: number): number {
  if (compoundSurnameAt(norm, i) !== undefined) return 2;
  return SURNAME_UNITS[norm.charCodeAt(i)] === 1 ? 1 : 0;
}

/** A Chinese name after a surname at i: a given name of 1–2 characters, stopping before function words; its UTF-16 length, or 0. */
export function readName(norm: string, i: number): number {
  const compound = compoundSurnameAt(norm, i);
  let s = i;
  if (compound) s += compound.length;
  else if (SURNAME_UNITS[norm.charCodeAt(i)] === 1) s += 1;
  else return 0;
  let e = s;
  let given = 0;
  let last = s;
  for (let n = cjkLengthAt(norm, e); given < 2 && n > 0 && !isNotInNameAt(norm, e); n = cjkLengthAt(norm, e)) {
    last = e;
    e += n;
    given++;
  }
  if (given === 0) return 0;
  // a 2-character given name whose second character starts a reporting verb is a 1-character one
  if (given === 2 && reportingAt(norm, last)) e = last;
  // a day of the week is a date, not 周 and a given name: 发言人周三表示
  if ((i < 0 || WEEKDAY_STARTS[norm.charCodeAt(i)] === 1) && isWeekday(norm.slice(i, e))) return 0;
  return e - i;
}

const WEEKDAY = /^(?:周|星期|礼拜)[一二三四五六日天末]$/;
/** What a day of the week starts with: no other word is sliced and tested. */
const WEEKDAY_STARTS = triggerTable(['周', '星', '礼']);

/** Whether `word` (Simplified) is a day of the week: 周三, 星期五, 周末. */
export function isWeekday(word: string): boolean {
  return WEEKDAY.test(word);
}
