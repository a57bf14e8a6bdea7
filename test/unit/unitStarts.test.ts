import * as assert from 'node:assert/strict';
import { CandidateSink, type DetectContext } from '../../src/core/entities/candidates';
import { MODEL_SOURCES, RULE_SOURCES, RULE_STARTS, detectEntities, detectEntitiesBatch } from '../../src/core/entities/detect';
import { builtinLexicon, Lexicon } from '../../src/core/entities/lexicon';
import { lowerCase } from '../../src/core/entities/lowerCase';
import { nerWordDictionary } from '../../src/core/entities/nerModel';
import { ABBREVIATION_UNITS } from '../../src/core/entities/abbreviations';
import { LATIN_UNITS } from '../../src/core/entities/sources/latin';
import { SUFFIX_UNITS } from '../../src/core/entities/sources/orgSuffix';
import { ROLE_UNITS, SURNAME_UNITS } from '../../src/core/entities/sources/people';
import { EVERY_UNIT, LEXICON_START, UnitStarts, markStarts, unitStarts } from '../../src/core/entities/unitStarts';
import { toSimplifiedView } from '../../src/core/script/normalize';
import { rng } from '../support/anchorSimulation';

const lexicon = builtinLexicon();
const SOURCES = [...RULE_SOURCES, ...MODEL_SOURCES];

/** Every candidate of every source that marks where it starts, in the order proposed. */
function proposed(text: string, starts: (norm: string, form: string) => UnitStarts | undefined, lex: Lexicon = lexicon): string[] {
  const norm = toSimplifiedView(text).text;
  const form = lowerCase(norm);
  const ctx: DetectContext = { text, norm, form, lexicon: lex, words: nerWordDictionary(), starts: starts(norm, form) };
  const sink = new CandidateSink(ctx);
  for (const source of SOURCES) source(ctx, sink);
  return sink.all.map((c) => `${c.start}-${c.end} ${c.type} ${c.source} ${c.priority} ${c.canonical} ${c.entityId} ${c.short} ${c.weak}`);
}

function marked(norm: string, form: string, lex: Lexicon = lexicon): UnitStarts {
  const size = Math.max(norm.length, form.length);
  const at = new Int32Array(size + 3).fill(-7);
  const kinds = new Uint8Array(size + 3).fill(0xee);
  // (written from an offset, as detectEntitiesBatch writes a batch's texts one after another)
  return new UnitStarts(at, kinds, 3, RULE_STARTS.mark(norm, form, lex, at, kinds, 3));
}

/** Every position with every bit: each source asks its own question everywhere, as it did before the marks. */
const everywhere = (norm: string, form: string): UnitStarts => unitStarts(norm, EVERY_UNIT, form, lexicon);

const PIECES = ['创始人', '联合创始人', '董事长兼CEO', 'CEO', 'ceo', 'XCEO', '记者 ', '王小川', '欧阳', '李', '张勇', '表示', '称', '说', '地', '周三',
  '智远科技', '远望咨询', '中央财经大学', '有限公司', '集团', '研究中心', '与', '和', '中美', '京津冀', '访华', '来京', '中方', '、', '英', '法', '京沪高铁', '１３日', '中缅边界',
  '阿里巴巴', '阿里巴巴集团', '北京', '上海市区', '中国', '美国东北部', '腾讯', '的', '百度', 'OpenAI', 'GPT-3.5', 'R1模型', 'Superfocus.ai', 'qwen2.5', 'A-B', 'ＡＩ',
  '，', '。', '“', '”', '·', '萨姆·奥尔特曼', ' ', '\r\n', '\ufeff', '𠀀', '😀', '\ud800', '\udc00', 'İ', 'ΣΑΣ', 'ſ', 'K', '１', '2023年', 'http://t.cn/Rv', 'www.x'];

function randomText(next: () => number): string {
  let text = '';
  const n = 1 + Math.floor(next() * 24);
  for (let k = 0; k < n; k++) text += PIECES[Math.floor(next() * PIECES.length)]!;
  return text;
}

describe('entities: where the rule sources start, marked in one pass', () => {
  it('marks every position markStarts marks, and each with its bits (more is allowed, never less)', () => {
    const next = rng(20261203);
    const table = EVERY_UNIT.map((_, u) => ROLE_UNITS[u]! | SURNAME_UNITS[u]! | SUFFIX_UNITS[u]! | LATIN_UNITS[u]! | ABBREVIATION_UNITS[u]!);
    for (let t = 0; t < 3000; t++) {
      const norm = toSimplifiedView(randomText(next)).text;
      const form = lowerCase(norm);
      const want = unitStarts(norm, table, form, lexicon);
      const got = marked(norm, form);
      const bits = new Map<number, number>();
      for (let k = got.from; k < got.to; k++) bits.set(got.at[k]!, got.kinds[k]!);
      for (let k = got.from + 1; k < got.to; k++) assert.ok(got.at[k]! > got.at[k - 1]!, 'positions in order');
      for (let k = want.from; k < want.to; k++) {
        const b = bits.get(want.at[k]!) ?? 0;
        assert.equal(b & want.kinds[k]!, want.kinds[k]!, `${JSON.stringify(norm)} at ${want.at[k]}`);
      }
      // the lexicon's marks are exactly mayMatchAt's
      for (let i = 0; i < form.length; i++) if (form.length === norm.length) assert.equal(((bits.get(i) ?? 0) & LEXICON_START) !== 0, lexicon.mayMatchAt(form, i), `${JSON.stringify(form)} at ${i}`);
    }
  });

  it('marks no more than the units of a text hold: nothing past the end, nothing before the offset it is given', () => {
    const at = new Int32Array(8).fill(-1);
    const kinds = new Uint8Array(8);
    assert.equal(RULE_STARTS.mark('', '', lexicon, at, kinds, 2), 2);
    assert.equal(markStarts('', EVERY_UNIT, '', lexicon, at, kinds, 2), 2);
    const end = RULE_STARTS.mark('王说', '王说', lexicon, at, kinds, 2);
    assert.ok(end > 2 && end <= 4);
    assert.deepEqual([...at.slice(0, 2)], [-1, -1]);
  });

  it('gives each source what it finds when it asks at every position, on random and hostile texts', () => {
    const next = rng(19);
    let compared = 0;
    let found = 0;
    for (let t = 0; t < 3000; t++) {
      const text = randomText(next);
      const every = proposed(text, everywhere);
      assert.deepEqual(proposed(text, (norm, form) => marked(norm, form)), every, JSON.stringify(text));
      // a source given no marks marks its own
      assert.deepEqual(proposed(text, () => undefined), every, JSON.stringify(text));
      compared++;
      found += every.length;
    }
    assert.equal(compared, 3000);
    assert.ok(found > 5000, `only ${found} candidates: the texts do not reach the rules`);
  });

  it('marks by a small lexicon (no table of first units) as by mayMatchAt', () => {
    const small = new Lexicon(builtinLexicon().entries.slice(0, 40));
    const next = rng(7);
    for (let t = 0; t < 500; t++) {
      const text = randomText(next);
      assert.deepEqual(proposed(text, (norm, form) => marked(norm, form, small), small), proposed(text, (norm, form) => unitStarts(norm, EVERY_UNIT, form, small), small), JSON.stringify(text));
    }
  });

  it('finds in a batch what it finds text by text', () => {
    const next = rng(5);
    const texts = Array.from({ length: 60 }, () => randomText(next));
    const batch = detectEntitiesBatch(texts, lexicon);
    texts.forEach((t, i) => assert.deepEqual(batch[i], detectEntities(t, lexicon), JSON.stringify(t)));
  });

  it('reads the rules by the lower case of their units only where that is safe: ASCII, or units lower-casing leaves alone', () => {
    for (let u = 0; u < 0x10000; u++) {
      const rule = ROLE_UNITS[u]! | SURNAME_UNITS[u]! | SUFFIX_UNITS[u]! | LATIN_UNITS[u]! | ABBREVIATION_UNITS[u]!;
      if (rule === 0 || u < 0x80) continue;
      const c = String.fromCharCode(u);
      assert.ok(!(u >= 0xd800 && u <= 0xdfff) && c.toLowerCase() === c, `U+${u.toString(16)}`);
    }
  });
});
