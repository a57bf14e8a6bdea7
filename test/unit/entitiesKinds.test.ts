import * as assert from 'node:assert/strict';
import { GENERIC_BODIES, GENERIC_HEADS, GENERIC_INSTITUTIONS, GENERIC_ORGS, KIND_MODIFIERS, LATIN_STOP, isKindOfOrganisation } from '../../src/core/entities/kinds';

// Names made up for these tests from pieces (never the seeds' text).

/** isKindOfOrganisation as it was written first, plainly: the reference for the fast one. */
function plainIsKindOfOrganisation(name: string, isPlace: (word: string) => boolean = () => false): boolean {
  if (GENERIC_INSTITUTIONS.has(name) || GENERIC_ORGS.has(name) || GENERIC_BODIES.has(name)) return true;
  const term = /^(.+?)([A-Za-z]+)$/.exec(name);
  if (term && LATIN_STOP.has(term[2]!.toLowerCase()) && isPlace(term[1]!)) return true;
  const head = GENERIC_HEADS.find((h) => name.endsWith(h));
  if (!head) return false;
  const modifier = name.slice(0, -head.length);
  const longest = Math.max(...[...KIND_MODIFIERS].map((m) => m.length));
  const reach = new Uint8Array(modifier.length + 1);
  reach[0] = 1;
  for (let i = 0; i < modifier.length; i++) {
    if (!reach[i]) continue;
    const latin = /^[A-Za-z]+/.exec(modifier.slice(i));
    if (latin && LATIN_STOP.has(latin[0].toLowerCase())) reach[i + latin[0].length] = 1;
    for (let n = 1; n <= longest && i + n <= modifier.length; n++) {
      const piece = modifier.slice(i, i + n);
      if (KIND_MODIFIERS.has(piece) || (n >= 2 && isPlace(piece))) reach[i + n] = 1;
    }
  }
  return reach[modifier.length] === 1;
}

const PLACES = new Set(['美国', '中国', '某城', '南山区', '大星', '星河']);
const isPlace = (w: string) => PLACES.has(w);
const PIECES = ['创业', '科技', '美国', '中国', '某城', '南山区', 'AI', 'SaaS', 'ai', 'Open', 'GPU', 'x', '大', '小', '甲', '乙', '星河', '市场研究', '企业服务',
  '互联', '网', '公司', '企业', '云', '团队', '施工队', '大厂', '机构', '\n', ' ', '1', '𠀀', 'm', 'b', '星', '河'];

describe('entities: kinds of organisation, the fast reading against the plain one', () => {
  it('answers as the plain reading does for every name made of kind words, places, Latin terms and heads', () => {
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    let kinds = 0;
    for (let k = 0; k < 20000; k++) {
      let name = '';
      for (let parts = 1 + next(5); parts > 0; parts--) name += PIECES[next(PIECES.length)];
      const fast = [isKindOfOrganisation(name, isPlace), isKindOfOrganisation(name)];
      assert.deepEqual(fast, [plainIsKindOfOrganisation(name, isPlace), plainIsKindOfOrganisation(name)], name);
      if (fast[0]) kinds++;
    }
    // both answers occur often enough to be compared
    assert.ok(kinds > 300 && kinds < 19000, String(kinds));
  });
  it('still reads the examples it was written for', () => {
    for (const kind of ['AI创业公司', '美国企服公司', '中国AI', '美国SaaS', '互联网大厂']) assert.ok(isKindOfOrganisation(kind, isPlace), kind);
    for (const name of ['远望科技公司', '首钢公司', '中国XYZ']) assert.ok(!isKindOfOrganisation(name, isPlace), name);
  });
});
