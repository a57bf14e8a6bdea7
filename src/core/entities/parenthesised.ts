/**
 * A name's other spelling in parentheses right after it is the same entity: 李明(Ming Li),
 * 某某科技(Brightway). Settled after the resolve stage, from the mentions it kept.
 */
import type { EntityMention } from './candidates';

/** One to four capitalised Latin words: a person's or an organisation's name as written abroad. */
const LATIN_NAME = /^[A-Z][A-Za-z'.-]*(?: [A-Z][A-Za-z'.-]*){0,3}$/;
const LONGEST = 40;
/** The closing parenthesis of the one at a UTF-16 unit, if it opens one: ( or （ (by unit, no string per mention). */
function closeOf(c: number): string | undefined {
  return c === 0x28 ? ')' : c === 0xff08 ? '）' : undefined;
}

/** The Latin names in parentheses right after `mentions` (sorted by start), as mentions of the same entities. */
export function parenthesisedAliases(norm: string, text: string, mentions: readonly EntityMention[]): EntityMention[] {
  const out: EntityMention[] = [];
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k]!;
    // a weak name waits for a second mention of its own: its alias would count as one
    if ((m.type !== 'person' && m.type !== 'org' && m.type !== 'product') || m.weak) continue;
    // (bounds first: a charCodeAt past the end, after a name that ends a paragraph, deoptimised the loop)
    const close = m.end < norm.length ? closeOf(norm.charCodeAt(m.end)) : undefined;
    if (!close) continue;
    const end = norm.indexOf(close, m.end + 1);
    if (end < 0 || end - m.end - 1 > LONGEST) continue;
    const inner = norm.slice(m.end + 1, end);
    // an acronym alone is as often a term as a name (人工智能(AI)); a known name is already marked
    if (!LATIN_NAME.test(inner) || !/[a-z]/.test(inner) || (mentions[k + 1] && mentions[k + 1]!.start < end)) continue;
    out.push({ start: m.end + 1, end, text: text.slice(m.end + 1, end), type: m.type, canonical: m.canonical, entityId: m.entityId, source: m.source });
  }
  return out;
}
