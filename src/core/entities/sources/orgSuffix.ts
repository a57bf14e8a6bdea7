/** Organisations named by their suffix: 智远科技, 远望咨询, 中央财经大学. */
import { Priority, type CandidateSink, type DetectContext } from '../candidates';
import { GENERIC_HEADS, GENERIC_ORG_NAMES, GENERIC_ORG_START, isKindOfOrganisation } from '../kinds';
import { isKnownPlace } from './tagger';
import { fieldsStart } from './orgBounds';
import { isLeftStopAt, isNotInNameAt } from '../names';
import { cjkLengthBefore, endsWithAt, isLatinWordChar, triggerTable } from '../textAt';
import { startsWithAny } from '../../text/chars';
import { SUFFIX, startTable, unitStarts } from '../unitStarts';

/** Suffixes that end an organisation's name, with the longest name part they take. */
const ORG_SUFFIXES: Array<[string, number]> = (
  [
    ['有限责任公司', 8], ['股份有限公司', 8], ['有限公司', 8], ['公司', 4], ['集团', 6], ['科技', 4], ['智能', 3], ['研究院', 6], ['研究所', 6],
    ['银行', 4], ['资本', 3], ['大学', 6], ['学院', 6], ['实验室', 6], ['咨询', 3], ['证券', 3], ['控股', 4], ['传媒', 3], ['财经', 3],
    ['日报', 4], ['时报', 4], ['晚报', 4], ['商报', 4], ['早报', 4], ['晨报', 4], ['周报', 4], ['快报', 4], ['周刊', 4], ['电视台', 4], ['协会', 6], ['智库', 4], ['委员会', 8], ['交易所', 6], ['研究中心', 6],
  ] as Array<[string, number]>
).sort((a, b) => b[0].length - a[0].length);
/** Suffixes that are also ordinary nouns: such a name needs a cue after it, or a second mention. */
const WEAK_SUFFIXES = new Set(['公司', '资本', '智能', '科技', '咨询', '传媒', '财经', '控股', '证券']);
/** Words after a name that show it is an organisation: 星河科技创始人, 远望咨询统计. */
const ORG_CUES_AFTER = ['创始人', '联合创始人', '董事长', 'CEO', '首席', '总裁', '表示', '称', '宣布', '发布', '推出', '旗下', '统计', '报道', '数据显示', '报告', '发言人', '官方', '股价', '财报'];

const SUFFIXES_BY_FIRST = new Map<string, Array<[string, number]>>();
for (const sfx of ORG_SUFFIXES) SUFFIXES_BY_FIRST.set(sfx[0][0]!, [...(SUFFIXES_BY_FIRST.get(sfx[0][0]!) ?? []), sfx]);
const SUFFIX_STARTS = triggerTable(SUFFIXES_BY_FIRST.keys());
/**
 * The second units of the suffixes (each has two or more): 大, 日, 时 and 有 start many words
 * that are no suffix, and a look-up of the suffixes by their first unit costs more than this read.
 */
const SUFFIX_SECONDS = triggerTable(ORG_SUFFIXES.map(([suffix]) => suffix[1]!));
/** Where a suffix may start, as marks (unitStarts.ts). */
export const SUFFIX_UNITS = startTable(SUFFIX, SUFFIXES_BY_FIRST.keys());

/** The suffixes by their first UTF-16 unit: no string per character read, no destructuring per suffix tried (both allocate). */
const SUFFIXES_BY_UNIT = new Map([...SUFFIXES_BY_FIRST].map(([first, list]) => [first.charCodeAt(0), list]));

/** The longest suffix at i, if one starts there. */
function suffixAt(norm: string, i: number): [string, number] | undefined {
  const list = SUFFIXES_BY_UNIT.get(norm.charCodeAt(i));
  if (!list) return undefined;
  for (let k = 0; k < list.length; k++) if (norm.startsWith(list[k]![0], i)) return list[k];
  return undefined;
}

/** Suffixes of a unit inside a larger body, whose name may join two fields. */
const UNIT_SUFFIXES = new Set(['研究中心', '研究院', '研究所', '实验室', '委员会']);

export function suffixedOrganisations(ctx: DetectContext, sink: CandidateSink): void {
  const { norm, starts = unitStarts(norm, SUFFIX_UNITS) } = ctx;
  const at = starts.lists[SUFFIX]!;
  for (let k = starts.from(SUFFIX), to = starts.to(SUFFIX); k < to; k++) {
    const i = at[k]!;
    if (SUFFIX_STARTS[norm.charCodeAt(i)] === 0 || SUFFIX_SECONDS[norm.charCodeAt(i + 1)] !== 1) continue;
    const found = suffixAt(norm, i);
    if (!found) continue;
    const [suffix, longest] = found;
    const weakSuffix = WEAK_SUFFIXES.has(suffix);
    // (no closures in this loop: see startsWithAny)
    let s = i;
    while (s > 0 && i - s < longest && !stopsName(norm, s - 1, weakSuffix) && !afterKind(norm, s)) {
      const n = cjkLengthBefore(norm, s) || (isLatinWordChar(norm.charCodeAt(s - 1)) ? 1 : 0);
      if (!n) break;
      s -= n;
    }
    // a unit's field may be two joined by 与 or 和, right after its body's name: 某某学院|数字
    // 经济与金融创新研究中心 (not 甲与乙研究中心 at a clause's start: two parties, the centre one name)
    const fields = UNIT_SUFFIXES.has(suffix) ? fieldsStart(norm, s) : s;
    const afterBody = fields < s;
    s = fields;
    // a name part that runs to the limit without a boundary is a clause, not a name
    const bounded = afterBody || s === 0 || stopsName(norm, s - 1, weakSuffix) || !cjkLengthBefore(norm, s) || afterKind(norm, s);
    const name = norm.slice(s, i);
    const whole = name + suffix;
    if (!bounded || name.length < 2 || GENERIC_ORG_START.has(name[0]!) || GENERIC_ORG_NAMES.has(name) || /[0-9]/.test(name)) continue;
    if (isKindOfOrganisation(whole, (w) => isKnownPlace(ctx, w))) continue;
    // the name starts at a word's start, and a strong suffix needs more than an ordinary word
    // before it: not 抢劫银行, 优秀大学, 从严控制社会集团
    const { words } = ctx;
    if (words && (words.crosses(norm, s, 2) || (!weakSuffix && words.isOrdinaryWord(name)))) continue;
    const end = i + suffix.length;
    const cued = startsWithAny(norm, ORG_CUES_AFTER, end);
    sink.add(s, end, 'org', 'suffix', Priority.Pattern, { weak: weakSuffix && !cued });
  }
}

/** Whether the name stops before k: weak suffixes stop at function words too (并改善公司); strong ones only at punctuation (中央财经大学). */
function stopsName(norm: string, k: number, weakSuffix: boolean): boolean {
  return isLeftStopAt(norm, k) || (weakSuffix && isNotInNameAt(norm, k));
}

/** Kinds of organisation of more than one character. */
const LONG_GENERIC_HEADS = GENERIC_HEADS.filter((h) => h.length > 1);
/** Their last units: asked at every step of every name read back from a suffix, most rule the list out in one read. */
const LONG_HEAD_ENDS = triggerTable(LONG_GENERIC_HEADS.map((h) => h[h.length - 1]!));

/** Whether a kind of organisation ends at k: written before the name, it is no part of it (风投公司|远山资本). */
function afterKind(norm: string, k: number): boolean {
  // (k - 1 before the text reads NaN: no head ends there)
  if (LONG_HEAD_ENDS[norm.charCodeAt(k - 1)] !== 1) return false;
  for (let j = 0; j < LONG_GENERIC_HEADS.length; j++) if (endsWithAt(norm, LONG_GENERIC_HEADS[j]!, k)) return true;
  return false;
}
