/** Rules for titles and quoted names: 《works》 and “products” after a cue. */
import { Priority, type CandidateSink, type DetectContext } from '../candidates';
import { isOutletTitle } from '../kinds';

const LONGEST_TITLE = 40;

/** 《titles》 are works, or outlets. */
export function titles({ norm }: DetectContext, sink: CandidateSink): void {
  for (let i = norm.indexOf('《'); i >= 0; i = norm.indexOf('《', i + 1)) {
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
/** The closing quote of an opening one (“ and 「), by UTF-16 code: no string per character of the text. */
function closingQuote(code: number): string | undefined {
  return code === 0x201c ? '”' : code === 0x300c ? '」' : undefined;
}
const LONGEST_QUOTED = 11;

/** “Quoted” product names after a cue: 推出了大模型“通义千问”. */
export function quotedProducts({ norm }: DetectContext, sink: CandidateSink): void {
  for (let i = 0; i < norm.length; i++) {
    const closer = closingQuote(norm.charCodeAt(i));
    if (closer === undefined) continue;
    const near = norm.slice(i + 1, i + LONGEST_QUOTED + 2).indexOf(closer);
    const close = near < 0 ? -1 : i + 1 + near;
    if (close <= i + 1 || close - i > LONGEST_QUOTED + 1) continue;
    const before = norm.slice(Math.max(0, i - 6), i);
    if (!QUOTE_PRODUCT_CUES.some((q) => before.endsWith(q) || before.endsWith(`${q}了`) || before.endsWith(`${q}的`))) continue;
    const inner = norm.slice(i + 1, close);
    if (inner.length >= 2 && !/[，。！？、\s0-9+]/.test(inner)) sink.add(i + 1, close, 'product', 'quoted', Priority.Pattern);
  }
}
