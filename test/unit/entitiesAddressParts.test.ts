import * as assert from 'node:assert/strict';
import { ADMINISTRATIVE_ENDS, administrativePartEnd, isStreetAddressAt } from '../../src/core/entities/places';
import { rng } from '../support/anchorSimulation';

/** Deterministic (mulberry32), so that a failure can be replayed. */
const random = rng;

/** The rule as it was written first, the reference for isStreetAddressAt: a street, a village or a house number after an administrative unit. */
function isStreetAddress(place: string): boolean {
  return /(?:[路街道巷弄村]|[0-9０-９]号)$/.test(place) && [...place.slice(0, -1)].some((c) => ADMINISTRATIVE_ENDS.has(c));
}

/** The parts as they were first cut, an array per place: the reference for administrativePartEnd. */
function administrativeParts(text: string, start: number, end: number): Array<[number, number]> {
  if (isStreetAddress(text.slice(start, end))) return [[start, end]];
  const parts: Array<[number, number]> = [];
  let from = start;
  for (let k = from + 1; k < end - 2; k++) {
    if (ADMINISTRATIVE_ENDS.has(text[k]!) && k + 1 - from >= 2) {
      parts.push([from, k + 1]);
      from = k + 1;
    }
  }
  parts.push([from, end]);
  return parts;
}

/** The parts as the tagger reads them: each from the end of the one before, the last to `end`. */
function partsOneByOne(text: string, start: number, end: number): Array<[number, number]> {
  const street = isStreetAddressAt(text, start, end);
  const parts: Array<[number, number]> = [];
  let a = start;
  do {
    const b = administrativePartEnd(text, a, end, street);
    parts.push([a, b]);
    a = b;
  } while (a < end);
  return parts;
}

describe('entities: the parts of an address read one by one, as administrativeParts cuts them', () => {
  // the units the rules read (administrative units, street units, 号, digits of both widths),
  // other Han, and hostile units: astral characters, emoji, lone surrogates, CRLF, BOM
  const units = [...'省市县区乡镇路街道巷弄村号州旗0９一山东淄博张店', '𠀀', '🙂', '\ud800', '\udc00', '\r', '\n', '\ufeff', 'a'];
  const next = random(23);
  const texts = ['山东省淄博市张店区', '北京市东城区王府井大街218号', '郑州市须水镇西岗村', '市中区', '路', '号', '9号', '\ud800号', '省路', '\r\n市区\ufeff'];
  for (let k = 0; k < 3000; k++) texts.push(Array.from({ length: Math.floor(next() * 12) }, () => units[Math.floor(next() * units.length)]!).join(''));

  it('finds a street address where isStreetAddress does, on every range', () => {
    let streets = 0;
    for (const text of texts) {
      for (let start = 0; start <= text.length; start++) {
        for (let end = start; end <= text.length; end++) {
          const want = isStreetAddress(text.slice(start, end));
          assert.equal(isStreetAddressAt(text, start, end), want, `${JSON.stringify(text)} [${start}, ${end})`);
          if (want) streets++;
        }
      }
    }
    assert.ok(streets > 1000);
  });
  it('cuts every place where administrativeParts does', () => {
    let cut = 0;
    for (const text of texts) {
      for (let start = 0; start < text.length; start++) {
        for (let end = start + 1; end <= text.length; end++) {
          const want = administrativeParts(text, start, end);
          assert.deepEqual(partsOneByOne(text, start, end), want, `${JSON.stringify(text)} [${start}, ${end})`);
          if (want.length > 1) cut++;
        }
      }
    }
    assert.ok(cut > 1000);
  });
});
