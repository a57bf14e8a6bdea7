/**
 * Chinese and Arabic numerals, parsed without regular expressions: every function here is
 * a single bounded pass over its input.
 */

export const CN_DIGITS: ReadonlyMap<string, number> = new Map([
  ['零', 0], ['〇', 0], ['○', 0], ['Ｏ', 0],
  ['一', 1], ['壹', 1], ['幺', 1],
  ['二', 2], ['两', 2], ['兩', 2], ['贰', 2], ['貳', 2], ['俩', 2], ['倆', 2],
  ['三', 3], ['叁', 3], ['參', 3], ['叄', 3],
  ['四', 4], ['肆', 4],
  ['五', 5], ['伍', 5],
  ['六', 6], ['陆', 6], ['陸', 6],
  ['七', 7], ['柒', 7],
  ['八', 8], ['捌', 8],
  ['九', 9], ['玖', 9],
]);

/** Small units inside a section (below 万). */
export const CN_SMALL_UNITS: ReadonlyMap<string, number> = new Map([
  ['十', 10], ['拾', 10], ['百', 100], ['佰', 100], ['千', 1000], ['仟', 1000],
]);

/** Big units that multiply everything before them in their section. */
export const CN_BIG_UNITS: ReadonlyMap<string, number> = new Map([
  ['万', 1e4], ['萬', 1e4], ['亿', 1e8], ['億', 1e8], ['兆', 1e12],
]);

export const CN_POINT = new Set(['点', '點']);

/**
 * A map of UTF-16 units to numbers, with a Map's get and has, read from a table by unit: the
 * figure readers ask such a table at nearly every unit they read (the numeral loop four at each
 * of its characters), and a Map hashed each unit and searched its bucket (a call each, ~15 ns).
 * At most 255 entries. A key that is no UTF-16 unit (NaN past a text's end, -1, 3.5) is in none.
 */
export class UnitValues {
  private readonly slots = new Uint8Array(0x10000);
  private readonly values: number[] = [0];

  constructor(entries: Iterable<readonly [number, number]>) {
    for (const [c, v] of entries) {
      if (c !== (c & 0xffff)) throw new Error(`UnitValues: ${c} is no UTF-16 unit`);
      if (this.slots[c] === 0) {
        if (this.values.length > 255) throw new Error('UnitValues: more than 255 entries');
        this.slots[c] = this.values.length;
        this.values.push(v);
      } else this.values[this.slots[c]!] = v;
    }
  }

  get(c: number): number | undefined {
    const k = c === (c & 0xffff) ? this.slots[c]! : 0;
    return k === 0 ? undefined : this.values[k];
  }

  has(c: number): boolean {
    return c === (c & 0xffff) && this.slots[c] !== 0;
  }
}

/** The UTF-16 units of `chars` (each one unit), as a UnitValues that has them. */
export function unitSet(chars: Iterable<string>): UnitValues {
  return new UnitValues([...chars].map((ch) => [ch.charCodeAt(0), 1] as const));
}

/**
 * The same tables by UTF-16 unit, for the numeral reader's loop: text[j] of a CJK character
 * makes a new string each time (V8 keeps one-character strings for Latin-1 alone), and the
 * loop looked up every character of every numeral, and the one after it, by such a string.
 */
export const CN_DIGIT_UNITS: UnitValues = byUnit(CN_DIGITS);
export const CN_SMALL_UNIT_UNITS: UnitValues = byUnit(CN_SMALL_UNITS);
export const CN_BIG_UNIT_UNITS: UnitValues = byUnit(CN_BIG_UNITS);
export const CN_POINT_UNITS: UnitValues = unitSet(CN_POINT);

function byUnit(map: ReadonlyMap<string, number>): UnitValues {
  return new UnitValues([...map].map(([ch, v]) => [ch.charCodeAt(0), v]));
}

export function isArabicDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}

export function arabicDigitValue(c: number): number {
  return c >= 0xff10 ? c - 0xff10 : c - 0x30;
}

/** A token of a mixed numeral: a digit value (Arabic group or Chinese digit) or a unit. */
export type NumeralToken = { digit: number; arabic?: boolean } | { unit: number; big: boolean };

/**
 * Evaluates a sequence of digits and units: 二十五 → 25, 四万亿 → 4e12, 五亿零六 →
 * 500000006, 5億1萬4千6百 → 500014600, 四百五 → 450 and 一万五 → 15000 (a trailing digit
 * takes the unit below the last one). Returns NaN for sequences that are not a number,
 * such as two digits in a row. The caller bounds the token count, so recursion is shallow.
 */
export function evaluateNumeral(tokens: readonly NumeralToken[], length = tokens.length): number {
  return evaluateRange(tokens, 0, length);
}

/** evaluateNumeral of tokens[from, to), read in place: the copies of each side of a big unit were most of what a numeral cost. */
function evaluateRange(tokens: readonly NumeralToken[], from: number, to: number): number {
  let largest = 0;
  let at = -1;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if ('unit' in t && t.big && t.unit >= largest) {
      largest = t.unit;
      at = i;
    }
  }
  if (at < 0) return evaluateSection(tokens, from, to);
  const head = at === from ? 1 : evaluateRange(tokens, from, at);
  let tail: number;
  const only = to - (at + 1) === 1 ? tokens[at + 1]! : undefined;
  if (only && 'digit' in only && !only.arabic && only.digit !== 0) tail = only.digit * (largest / 10);
  else tail = at + 1 === to ? 0 : evaluateRange(tokens, at + 1, to);
  return head * largest + tail;
}

function evaluateSection(tokens: readonly NumeralToken[], from: number, to: number): number {
  let section = 0;
  let pending: number | undefined;
  let lastUnit = 0;
  let sawZero = false;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if ('digit' in t) {
      if (!t.arabic && t.digit === 0) {
        sawZero = true;
        continue;
      }
      if (pending !== undefined) return NaN;
      pending = t.digit;
    } else {
      if (lastUnit && t.unit >= lastUnit) return NaN; // 十百: units must fall
      section += (pending ?? 1) * t.unit;
      pending = undefined;
      lastUnit = t.unit;
      sawZero = false;
    }
  }
  if (pending !== undefined) section += lastUnit >= 100 && !sawZero ? pending * (lastUnit / 10) : pending;
  return section;
}

/** Value of a run of Chinese digits read one by one (一二三 → 123), for years and decimals. */
export function digitString(s: string): number {
  let v = 0;
  for (const ch of s) {
    const d = CN_DIGITS.get(ch);
    if (d === undefined) return NaN;
    v = v * 10 + d;
  }
  return v;
}

/** Round away binary noise: 2477.56 * 1e8 must print as 247756000000. */
export function clean(n: number): number {
  if (Number.isInteger(n) || !Number.isFinite(n)) return n;
  return Number.parseFloat(n.toPrecision(12));
}
