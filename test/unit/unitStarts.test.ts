import * as assert from 'node:assert/strict';
import { CandidateSink, type DetectContext } from '../../src/core/entities/candidates';
import { MODEL_SOURCES, RULE_SOURCES, RULE_STARTS, detectEntities, detectEntitiesBatch } from '../../src/core/entities/detect';
import { builtinLexicon, Lexicon } from '../../src/core/entities/lexicon';
import { lowerCase } from '../../src/core/entities/lowerCase';
import { nerWordDictionary } from '../../src/core/entities/nerModel';
import { ABBREVIATION_UNITS } from '../../src/core/entities/abbreviations';
import { LATIN_UNITS } from '../../src/core/entities/sources/latin';
import { SUFFIX_UNITS } from '../../src/core/entities/sources/orgSuffix';
import { MIDDLE_DOT_UNITS, ROLE_UNITS, SURNAME_UNITS } from '../../src/core/entities/sources/people';
import { QUOTE_UNITS } from '../../src/core/entities/sources/quoted';
import { ABBREVIATION, EVERY_UNIT, LATIN, LEXICON, MarkLists, PUNCTUATION, ROLE, SUFFIX, SURNAME, UnitStarts, markStarts, unitStarts } from '../../src/core/entities/unitStarts';
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
  // (after the marks of another text, as detectEntitiesBatch writes a batch's texts one after another, in lists that must grow)
  const into = new MarkLists(2);
  RULE_STARTS.mark('王说CEO，中美', '王说ceo，中美', lex, into);
  return RULE_STARTS.mark(norm, form, lex, into);
}

/** The positions a source is given, in order. */
function positions(starts: UnitStarts, source: number): number[] {
  return [...starts.lists[source]!.subarray(starts.from(source), starts.to(source))];
}

const SOURCE_INDEXES = [LEXICON, ROLE, SURNAME, SUFFIX, ABBREVIATION, LATIN, PUNCTUATION];

/** Every position with every bit: each source asks its own question everywhere, as it did before the marks. */
const everywhere = (norm: string, form: string): UnitStarts => unitStarts(norm, EVERY_UNIT, form, lexicon);

const PIECES = ['创始人', '联合创始人', '董事长兼CEO', 'CEO', 'ceo', 'XCEO', '记者 ', '王小川', '欧阳', '李', '张勇', '表示', '称', '说', '地', '周三',
  '智远科技', '远望咨询', '中央财经大学', '有限公司', '集团', '研究中心', '与', '和', '中美', '京津冀', '访华', '来京', '中方', '、', '英', '法', '京沪高铁', '１３日', '中缅边界',
  '阿里巴巴', '阿里巴巴集团', '北京', '上海市区', '中国', '美国东北部', '腾讯', '的', '百度', 'OpenAI', 'GPT-3.5', 'R1模型', 'Superfocus.ai', 'qwen2.5', 'A-B', 'ＡＩ',
  '，', '。', '“', '”', '·', '萨姆·奥尔特曼', '《', '》', '《某某文选》', '「', '」', '•', '推出了“通义千问”', '创企“某某学”', '《独家！某某再投》', '约翰•史密斯', ' ', '\r\n', '\ufeff', '𠀀', '😀', '\ud800', '\udc00', 'İ', 'ΣΑΣ', 'ſ', 'K', '１', '2023年', 'http://t.cn/Rv', 'www.x',
  '臺北', '阿里巴巴集團', '發言人', '聯合創始人', '歐陽'];

function randomText(next: () => number): string {
  let text = '';
  const n = 1 + Math.floor(next() * 24);
  for (let k = 0; k < n; k++) text += PIECES[Math.floor(next() * PIECES.length)]!;
  return text;
}

describe('entities: where the rule sources start, marked in one pass', () => {
  it('marks every position markStarts marks, for each source (more is allowed, never less), in order', () => {
    const next = rng(20261203);
    const table = EVERY_UNIT.map((_, u) => ROLE_UNITS[u]! | SURNAME_UNITS[u]! | SUFFIX_UNITS[u]! | LATIN_UNITS[u]! | ABBREVIATION_UNITS[u]! | QUOTE_UNITS[u]! | MIDDLE_DOT_UNITS[u]!);
    let marks = 0;
    for (let t = 0; t < 3000; t++) {
      const norm = toSimplifiedView(randomText(next)).text;
      const form = lowerCase(norm);
      const want = unitStarts(norm, table, form, lexicon);
      const got = marked(norm, form);
      for (const source of SOURCE_INDEXES) {
        const have = positions(got, source);
        for (let k = 1; k < have.length; k++) assert.ok(have[k]! > have[k - 1]!, 'positions in order');
        assert.ok(have.every((i) => i >= 0 && i < Math.max(norm.length, form.length)), 'positions in the text');
        const all = new Set(have);
        for (const i of positions(want, source)) assert.ok(all.has(i), `${JSON.stringify(norm)}: source ${source} at ${i}`);
        marks += have.length;
      }
      // the lexicon's marks are exactly mayMatchAt's
      if (form.length === norm.length) {
        const lexiconMarks = positions(got, LEXICON);
        const exact = Array.from({ length: form.length }, (_, i) => i).filter((i) => lexicon.mayMatchAt(form, i));
        assert.deepEqual(lexiconMarks, exact, JSON.stringify(form));
      }
    }
    assert.ok(marks > 10_000, `only ${marks} marks`);
  });

  it('marks nothing in an empty text, and marks of a text only within it', () => {
    const into = new MarkLists(1);
    const empty = RULE_STARTS.mark('', '', lexicon, into);
    for (const source of SOURCE_INDEXES) assert.equal(empty.to(source), empty.from(source));
    const two = RULE_STARTS.mark('王说', '王说', lexicon, into);
    assert.deepEqual(positions(two, SURNAME), [0]);
    assert.deepEqual(positions(markStarts('', EVERY_UNIT, '', lexicon, into), ROLE), []);
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
      const rule = ROLE_UNITS[u]! | SURNAME_UNITS[u]! | SUFFIX_UNITS[u]! | LATIN_UNITS[u]! | ABBREVIATION_UNITS[u]! | QUOTE_UNITS[u]! | MIDDLE_DOT_UNITS[u]!;
      if (rule === 0 || u < 0x80) continue;
      const c = String.fromCharCode(u);
      assert.ok(!(u >= 0xd800 && u <= 0xdfff) && c.toLowerCase() === c, `U+${u.toString(16)}`);
    }
  });
});
