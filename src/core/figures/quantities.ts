/**
 * Temperature scales named before the number (华氏温度98.6度, 摄氏20度) or on their own
 * (摄氏度, °C), which are mentions without a value.
 */
import { skipSpaces } from './chars';
import { isNumberStart, readNumber } from './readNumber';
import { figure, type Scan } from './build';

const SCALES: Array<[string, string, boolean]> = [
  ['华氏温度', '°F', false], ['華氏溫度', '°F', false], ['摄氏温度', '°C', false], ['攝氏溫度', '°C', false],
  ['华氏度', '°F', true], ['華氏度', '°F', true], ['摄氏度', '°C', true], ['攝氏度', '°C', true],
  ['华氏', '°F', false], ['華氏', '°F', false], ['摄氏', '°C', false], ['攝氏', '°C', false],
  ['°C', '°C', true], ['℃', '°C', true], ['°F', '°F', true], ['℉', '°F', true],
];

export const TEMPERATURE_TRIGGERS = '华華摄攝°℃℉';

/** At i: a temperature scale, with its value when a number follows. Returns where the scan goes on, or -1. */
export function readTemperatureScale(s: Scan, i: number): number {
  const text = s.text;
  for (const [word, unit, whole] of SCALES) {
    if (text[i] !== word[0] || !text.startsWith(word, i)) continue;
    const k = skipSpaces(text, i + word.length, 1);
    const n = !whole && isNumberStart(text, k) ? readNumber(text, k) : undefined;
    if (n && text.charCodeAt(n.end) === 0x5ea6 /* 度 */) {
      const f = figure(s, i, n.end + 1, 'quantity', n.value, unit);
      f.numeralEnd = s.base + n.end;
      s.out.push(f);
      return n.end + 1;
    }
    if (!whole) return -1;
    const f = figure(s, i, i + word.length, 'quantity', null, unit);
    f.salient = false;
    s.out.push(f);
    return i + word.length;
  }
  return -1;
}
