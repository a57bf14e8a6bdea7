/**
 * The UTF-16 units for which `has` holds, as the inside of a regular expression's class (`[…]`,
 * without the `u` flag: it matches units, lone surrogates included), in ranges of `\uXXXX`
 * escapes: '' where there is none, undefined where they make more than `maxRanges` ranges.
 * For native searches that step over the units a loop would do nothing at.
 */
export function unitClass(has: (unit: number) => boolean, maxRanges = Infinity): string | undefined {
  const ranges: string[] = [];
  for (let c = 0; c < 0x10000; c++) {
    if (!has(c)) continue;
    let end = c;
    while (end + 1 < 0x10000 && has(end + 1)) end++;
    if (ranges.length === maxRanges) return undefined;
    ranges.push(end === c ? unitEscape(c) : `${unitEscape(c)}-${unitEscape(end)}`);
    c = end;
  }
  return ranges.join('');
}

function unitEscape(c: number): string {
  return `\\u${c.toString(16).padStart(4, '0')}`;
}
