import * as assert from 'node:assert/strict';
import {
  CN_BIG_UNITS, CN_BIG_UNIT_UNITS, CN_DIGITS, CN_DIGIT_UNITS, CN_POINT, CN_POINT_UNITS, CN_SMALL_UNITS, CN_SMALL_UNIT_UNITS,
  UnitValues, evaluateNumeral, unitSet, type NumeralToken,
} from '../../src/core/figures/numerals';
import { isNumberStart, readNumber } from '../../src/core/figures/readNumber';

/** evaluateNumeral as it was before it read its tokens in place (slices of each side of the big unit). */
function evaluateBySlices(tokens: readonly NumeralToken[]): number {
  let largest = 0;
  let at = -1;
  tokens.forEach((t, i) => {
    if ('unit' in t && t.big && t.unit >= largest) {
      largest = t.unit;
      at = i;
    }
  });
  if (at < 0) return sectionOf(tokens);
  const left = tokens.slice(0, at);
  const right = tokens.slice(at + 1);
  const head = left.length === 0 ? 1 : evaluateBySlices(left);
  let tail: number;
  const only = right.length === 1 ? right[0]! : undefined;
  if (only && 'digit' in only && !only.arabic && only.digit !== 0) tail = only.digit * (largest / 10);
  else tail = right.length === 0 ? 0 : evaluateBySlices(right);
  return head * largest + tail;
}

function sectionOf(tokens: readonly NumeralToken[]): number {
  let section = 0;
  let pending: number | undefined;
  let lastUnit = 0;
  let sawZero = false;
  for (const t of tokens) {
    if ('digit' in t) {
      if (!t.arabic && t.digit === 0) {
        sawZero = true;
        continue;
      }
      if (pending !== undefined) return NaN;
      pending = t.digit;
    } else {
      if (lastUnit && t.unit >= lastUnit) return NaN;
      section += (pending ?? 1) * t.unit;
      pending = undefined;
      lastUnit = t.unit;
      sawZero = false;
    }
  }
  if (pending !== undefined) section += lastUnit >= 100 && !sawZero ? pending * (lastUnit / 10) : pending;
  return section;
}

/** readNumber's results on numerals with each character its loop compares by UTF-16 unit, as main gave them (96d142b, by character). */
const BEFORE: Array<[string, object | null]> = [
  ["一两万", {"end": 3, "value": 10000, "plainArabic": false, "integerDigits": 0, "loneChineseDigit": false, "max": 20000, "scale": 10000}],
  ["两百", {"end": 2, "value": 200, "plainArabic": false, "integerDigits": 0, "loneChineseDigit": false}],
  ["三十两", {"end": 2, "value": 30, "plainArabic": false, "integerDigits": 0, "loneChineseDigit": false}],
  ["三千两百两", {"end": 4, "value": 3200, "plainArabic": false, "integerDigits": 0, "loneChineseDigit": false}],
  ["参", null],
  ["壹佰參拾元", {"end": 4, "value": 130, "plainArabic": false, "integerDigits": 0, "loneChineseDigit": false}],
  ["參數", null],
  ["叄拾元", {"end": 2, "value": 30, "plainArabic": false, "integerDigits": 0, "loneChineseDigit": false}],
  ["两个亿", {"end": 3, "value": 200000000, "plainArabic": false, "integerDigits": 0, "loneChineseDigit": false, "scale": 100000000}],
  ["三個億", {"end": 3, "value": 300000000, "plainArabic": false, "integerDigits": 0, "loneChineseDigit": false, "scale": 100000000}],
  ["三十多万", {"end": 4, "value": 300000, "plainArabic": false, "integerDigits": 0, "loneChineseDigit": false, "approx": "over", "scale": 10000}],
  ["十余万", {"end": 3, "value": 100000, "plainArabic": false, "integerDigits": 0, "loneChineseDigit": false, "approx": "over", "scale": 10000}],
  ["十餘年", {"end": 2, "value": 10, "plainArabic": false, "integerDigits": 0, "loneChineseDigit": false, "approx": "over"}],
  ["十几万", {"end": 3, "value": 100000, "plainArabic": false, "integerDigits": 0, "loneChineseDigit": false, "approx": "over", "scale": 10000}],
  ["十幾年", {"end": 2, "value": 10, "plainArabic": false, "integerDigits": 0, "loneChineseDigit": false, "approx": "over"}],
  ["二十几", {"end": 3, "value": 20, "plainArabic": false, "integerDigits": 0, "loneChineseDigit": false, "approx": "over"}],
  ["零几", {"end": 2, "value": 0, "plainArabic": false, "integerDigits": 0, "loneChineseDigit": true, "approx": "over"}],
  ["5千多", {"end": 3, "value": 5000, "plainArabic": false, "integerDigits": 1, "loneChineseDigit": false, "approx": "over"}],
  ["一两", {"end": 2, "value": 1, "plainArabic": false, "integerDigits": 0, "loneChineseDigit": true, "max": 2}],
  ["六七亿", {"end": 3, "value": 600000000, "plainArabic": false, "integerDigits": 0, "loneChineseDigit": false, "max": 700000000, "scale": 100000000}],
  ["二三十", {"end": 3, "value": 20, "plainArabic": false, "integerDigits": 0, "loneChineseDigit": false, "max": 30}],
  ["十七八", {"end": 3, "value": 17, "plainArabic": false, "integerDigits": 0, "loneChineseDigit": false, "max": 18}],
  ["三点五", {"end": 3, "value": 3.5, "plainArabic": false, "integerDigits": 0, "loneChineseDigit": false}],
  ["四百 点 五", {"end": 6, "value": 400.5, "plainArabic": false, "integerDigits": 0, "loneChineseDigit": false}],
  ["7万 5千", {"end": 5, "value": 75000, "plainArabic": false, "integerDigits": 1, "loneChineseDigit": false}],
  ["110 亿", {"end": 5, "value": 11000000000, "plainArabic": false, "integerDigits": 3, "loneChineseDigit": false, "scale": 100000000}],
  ["2,345.6万", {"end": 8, "value": 23456000, "plainArabic": false, "integerDigits": 4, "loneChineseDigit": false, "scale": 10000}],
  ["１２３４", {"end": 4, "value": 1234, "plainArabic": true, "integerDigits": 4, "loneChineseDigit": false}],
];

describe('numerals read by UTF-16 unit (no one-character strings)', () => {
  it('the tables by unit hold what the tables by character hold, for every UTF-16 unit', () => {
    const pairs: Array<[ReadonlyMap<string, number> | ReadonlySet<string>, UnitValues]> = [
      [CN_DIGITS, CN_DIGIT_UNITS], [CN_SMALL_UNITS, CN_SMALL_UNIT_UNITS], [CN_BIG_UNITS, CN_BIG_UNIT_UNITS], [CN_POINT, CN_POINT_UNITS],
    ];
    for (const [byChar, byUnit] of pairs) {
      for (let c = 0; c < 0x10000; c++) {
        const ch = String.fromCharCode(c);
        const want = byChar instanceof Map ? byChar.get(ch) : byChar.has(ch);
        const got = byChar instanceof Map ? byUnit.get(c) : byUnit.has(c);
        if (want !== got) assert.fail(`U+${c.toString(16)}: ${String(want)} by character, ${String(got)} by unit`);
        if (byChar.has(ch) !== byUnit.has(c)) assert.fail(`U+${c.toString(16)}: has`);
      }
    }
  });

  it('UnitValues answers as the Map of its entries, for every UTF-16 unit and for keys that are none', () => {
    let seed = 11;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (let r = 0; r < 20; r++) {
      const entries: Array<[number, number]> = Array.from({ length: 1 + next(255) }, () => [next(0x10000), [0, 1, 0.1, 1e12, -3, NaN][next(6)]!]);
      // (a key given twice keeps its last value, as in a Map)
      entries.push([0xffff, 7], [0, 0], [0xffff, 8]);
      const map = new Map(entries);
      if (map.size > 255) continue;
      const table = new UnitValues(entries);
      for (let c = 0; c < 0x10000; c++) {
        if (!Object.is(table.get(c), map.get(c)) || table.has(c) !== map.has(c)) assert.fail(`U+${c.toString(16)}: ${table.get(c)} against ${map.get(c)}`);
      }
      for (const c of [NaN, -1, 0x10000, 0x1ffff, 3.5, -0.5, Infinity, -Infinity, 2 ** 32]) {
        assert.equal(table.get(c), undefined, String(c));
        assert.equal(table.has(c), false, String(c));
      }
    }
    assert.throws(() => new UnitValues(Array.from({ length: 256 }, (_, c) => [c, 1] as const)), /255/);
    assert.throws(() => new UnitValues([[0x10000, 1]]), /UTF-16/);
    assert.equal(unitSet('至到').has('至'.charCodeAt(0)), true);
    assert.equal(unitSet('至到').has('年'.charCodeAt(0)), false);
  });

  it('evaluateNumeral gives what its version with slices gave, on random token runs', () => {
    const kinds: NumeralToken[] = [
      { digit: 0 }, { digit: 1 }, { digit: 2 }, { digit: 5 }, { digit: 9 }, { digit: 3.5, arabic: true }, { digit: 120, arabic: true }, { digit: 0, arabic: true },
      { unit: 10, big: false }, { unit: 100, big: false }, { unit: 1000, big: false }, { unit: 1e4, big: true }, { unit: 1e8, big: true }, { unit: 1e12, big: true },
    ];
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (let r = 0; r < 50_000; r++) {
      const tokens = Array.from({ length: 1 + next(8) }, () => kinds[next(kinds.length)]!);
      assert.ok(Object.is(evaluateNumeral(tokens), evaluateBySlices(tokens)), JSON.stringify(tokens));
    }
  });

  it('readNumber reads 两, 參, 个, 多, 余, 几 and the rest as it did by character', () => {
    for (const [text, want] of BEFORE) {
      assert.deepEqual(JSON.parse(JSON.stringify(readNumber(text, 0) ?? null)), want, text);
      assert.equal(isNumberStart(text, 0), /^[0-9０-９零〇○Ｏ一壹幺二两兩贰貳俩倆三叁參叄四肆五伍六陆陸七柒八捌九玖十拾百佰千仟]/.test(text), text);
    }
  });
});
