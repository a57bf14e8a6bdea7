/** Rules for titles and quoted names: 《works》 and “products” after a cue. */
import { Priority, type CandidateSink, type DetectContext } from '../candidates';
import { isOutletTitle } from '../kinds';
import { WordList } from './wordLists';
import { PUNCTUATION, startTable, unitStarts } from '../unitStarts';

/** The marks titles and quoted names start from, as marks (unitStarts.ts): 《, “ and 「. */
export const QUOTE_UNITS = startTable(PUNCTUATION, ['《', '“', '「']);
const TITLE_OPEN = 0x300a; // 《
const QUOTE_OPEN = 0x201c; // “
const CORNER_OPEN = 0x300c; // 「

const LONGEST_TITLE = 40;

/** 《titles》 are works, or outlets. */
export function titles({ norm, starts = unitStarts(norm, QUOTE_UNITS) }: DetectContext, sink: CandidateSink): void {
  const at = starts.lists[PUNCTUATION]!;
  for (let k = starts.from(PUNCTUATION), to = starts.to(PUNCTUATION); k < to; k++) {
    const i = at[k]!;
    if (norm.charCodeAt(i) !== TITLE_OPEN) continue;
    // look for the closing mark only nearby: an unclosed 《 must not cost a scan of the article
    const near = norm.slice(i + 1, i + LONGEST_TITLE + 2);
    const close = near.indexOf('》');
    // a title runs within one sentence and holds no other title (article titles have commas)
    if (close <= 0 || /[\n。《]/.test(near.slice(0, close))) continue;
    const end = i + 1 + close;
    // a newspaper's or a magazine's title names the outlet, an organisation: 《北京商报》, 《财富》杂志
    const outlet = isOutletTitle(norm, i + 1, end);
    sink.add(i + 1, end, outlet ? 'org' : 'work', 'title', Priority.Pattern);
  }
}

const QUOTE_PRODUCT_CUES = ['大模型', '模型', '产品', '推出', '发布', '上线', '旗下', '应用', '助手', '名为', '命名为', '叫做', '平台', '系统'];
/** The cues as written before a quote, bare or with 了 or 的 after them: 推出了“…”, 旗下的“…”. */
const QUOTE_PRODUCT_CUE_FORMS = QUOTE_PRODUCT_CUES.flatMap((q) => [q, `${q}了`, `${q}的`]);
/** Kinds of organisation written right before an organisation's quoted name: AI创企“某某学”. */
const QUOTE_ORG_CUES = ['公司', '企业', '创企', '厂商', '机构', '独角兽', '初创'];
/**
 * How the names of plans, campaigns and events end: what is launched under such a name
 * (推出“某某免费试用计划”) is a programme, not a product.
 */
const PROGRAMME_ENDS = ['计划', '活动', '行动', '工程', '项目', '战略', '政策', '倡议', '方案', '大赛', '比赛', '大会', '峰会', '论坛', '节'];
/**
 * The three lists, filtered by their last units (WordList): each quote asked all 64 words with
 * endsWith (4,000 calls per 20k article), and most quotes end and follow none of them.
 */
const PROGRAMME_END_WORDS = new WordList(PROGRAMME_ENDS);
const QUOTE_PRODUCT_CUE_WORDS = new WordList(QUOTE_PRODUCT_CUE_FORMS);
const QUOTE_ORG_CUE_WORDS = new WordList(QUOTE_ORG_CUES);
if (PROGRAMME_ENDS.some((w) => w.length > 2) || [...QUOTE_PRODUCT_CUE_FORMS, ...QUOTE_ORG_CUES].some((w) => w.length > 6)) throw new Error('quotedAt reads at most two units of a programme and six before a quote');
/** Characters of speech, not of a name: a quoted phrase holding them is a quotation (公司“不会裁员”). */
const SPEECH_CHARACTERS = /[的了是在不没会要将把被我你他她它们吗呢吧啊]/;
const LONGEST_QUOTED = 11;
/** Longest organisation's name looked for right before a quote (商汤科技“…”). */
const LONGEST_OWNER = 8;

/** Whether an organisation the lexicon knows ends right at i: 商汤科技|“日日新”. */
function knownOrganisationBefore({ form, lexicon }: DetectContext, i: number): boolean {
  for (let k = 2; k <= LONGEST_OWNER && k <= i; k++) {
    if (!lexicon.mayMatchAt(form, i - k)) continue;
    const hit = lexicon.match(form, i - k);
    if (hit && hit.length === k && hit.entry.type === 'org' && !hit.short) return true;
  }
  return false;
}

/** What follows a product's name in a list of makers' products, or the kind of product it is: 某某“甲”、某某“乙”, “甲”体系. */
const LIST_OR_KIND_AFTER = /^(?:、|和|与|及|以及|等|体系|系列|大模型|模型|产品|平台|应用)/;

/**
 * Whether a quoted word right after an organisation names its product rather than scaring a
 * verb (某公司“出手”了): in a list or before a kind of product, or a word that is no
 * ordinary word, ending a clause.
 */
function namedAfterMaker({ norm, words }: DetectContext, inner: string, after: number): boolean {
  const next = norm.slice(after, after + 3);
  return LIST_OR_KIND_AFTER.test(next) || (/^[，。；！？）)]/.test(next) && words?.isOrdinaryWord(inner) !== true);
}

/**
 * “Quoted” names: a product after a cue (推出了大模型“通义千问”) or right after the
 * organisation that makes it (商汤科技“某某新”), an organisation after the kind it is
 * (AI创企“某某学”). Plans and campaigns are neither (推出“某某试用计划”).
 */
export function quotedProducts(ctx: DetectContext, sink: CandidateSink): void {
  const { norm, starts = unitStarts(norm, QUOTE_UNITS) } = ctx;
  // the opening quotes in order, from the marks (most paragraphs hold one or none)
  const at = starts.lists[PUNCTUATION]!;
  for (let k = starts.from(PUNCTUATION), to = starts.to(PUNCTUATION); k < to; k++) {
    const i = at[k]!;
    const unit = norm.charCodeAt(i);
    if (unit === QUOTE_OPEN) quotedAt(ctx, sink, i, '”');
    else if (unit === CORNER_OPEN) quotedAt(ctx, sink, i, '」');
  }
}

/** The quoted name whose opening quote is at i, closed by `closer`, if a cue before it says what it names. */
function quotedAt(ctx: DetectContext, sink: CandidateSink, i: number, closer: string): void {
  const { norm } = ctx;
  const near = norm.slice(i + 1, i + LONGEST_QUOTED + 2).indexOf(closer);
  const close = near < 0 ? -1 : i + 1 + near;
  if (close <= i + 1 || close - i > LONGEST_QUOTED + 1) return;
  const inner = norm.slice(i + 1, close);
  // (no closures here: see startsWithAny)
  // (asked of norm where they end: as of `inner`, whose two units or more hold every programme's
  // end, and of the six units before the quote, which hold every cue)
  if (inner.length < 2 || /[，。！？、\s0-9+]/.test(inner) || PROGRAMME_END_WORDS.endsAt(norm, close)) return;
  if (QUOTE_PRODUCT_CUE_WORDS.endsAt(norm, i)) {
    sink.add(i + 1, close, 'product', 'quoted', Priority.Pattern);
  } else if (SPEECH_CHARACTERS.test(inner)) {
    return;
  } else if (QUOTE_ORG_CUE_WORDS.endsAt(norm, i)) {
    sink.add(i + 1, close, 'org', 'quoted', Priority.Pattern);
  } else if (knownOrganisationBefore(ctx, i) && namedAfterMaker(ctx, inner, close + 1)) {
    sink.add(i + 1, close, 'product', 'quoted', Priority.Pattern);
  }
}
