import * as assert from 'node:assert/strict';
import { Analyzer } from '../../src/core/analysis/analyze';
import { detectEntities, type EntityMention } from '../../src/core/entities/detect';
import { builtinLexicon, Lexicon } from '../../src/core/entities/lexicon';
import type { LexiconEntry } from '../../src/core/entities/lexiconEntry';
import { nerAvailable, tagEntities } from '../../src/core/entities/ner';
import { toSimplifiedView } from '../../src/core/script/normalize';
import { addToWorkspaceLexicon, LexiconError, parseWorkspaceLexicon } from '../../src/core/entities/workspaceLexicon';
import { childTimeout, runInChild } from './helpers';

/**
 * Detects entities in each of `inputs` (JS expressions) in a child process with a time limit,
 * and checks that every mention it reports is a well-formed slice of its input.
 */
function detectInChild(inputs: string[], ms: number): void {
  const out = runInChild(`
    const { detectEntities } = load('core/entities/detect');
    const lex = load('core/entities/lexicon').builtinLexicon();
    const report = [];
    for (const text of [${inputs.join(', ')}]) {
      const ms = detectEntities(text, lex);
      report.push({ length: text.length, bad: ms.filter((m) => !(m.start >= 0 && m.end > m.start && m.end <= text.length && text.slice(m.start, m.end) === m.text)).length });
    }
    process.stdout.write(JSON.stringify(report));`, ms);
  const report = JSON.parse(out) as Array<{ length: number; bad: number }>;
  assert.equal(report.length, inputs.length, 'every input was run');
  assert.deepEqual(report.filter((r) => r.bad), [], 'mentions that are not slices of their input');
}

const lex = builtinLexicon();
const find = (text: string) => new Analyzer().analyze(text).entities;
const brief = (ms: EntityMention[]) => ms.map((m) => `${m.text}|${m.type}|${m.canonical}`);

describe('entities: where the lexicon may match (mayMatchAt)', () => {
  const entry = (canonical: string, shortForms: string[] = []): LexiconEntry => ({
    id: `org:${canonical}`, canonical, type: 'org', aliases: [], shortForms, shortFormsStandAlone: false, groupNames: false, notBefore: [], origin: 'builtin',
  });
  const SECOND = '甲乙丙丁戊己庚辛壬癸';
  // more than 64 entries: the lexicon keeps its first units and pairs (a smaller one asks its trie)
  const names = Array.from({ length: 80 }, (_, k) => `${String.fromCharCode(0x4e00 + 7 * k)}${SECOND[k % 10]}公司`);
  const large = new Lexicon([...names.map((n) => entry(n)), entry('鑫源', ['鑫'])]);
  const small = new Lexicon([entry('星河科技'), entry('鑫源', ['鑫'])]);

  it('never rules out a position where match finds an alias', () => {
    const text = `${names.join('的')}和鑫的x鑫源`;
    let found = 0;
    for (const lexicon of [large, small]) {
      for (let i = 0; i < text.length; i++) {
        if (lexicon.match(text, i) === undefined) continue;
        found++;
        assert.ok(lexicon.mayMatchAt(text, i), `${text.slice(i, i + 4)} at ${i}`);
      }
    }
    assert.ok(found > 80, `${found} hits`);
  });
  it('rules out most positions whose first unit starts an alias and whose pair starts none', () => {
    let passed = 0;
    let tried = 0;
    for (const n of names) {
      for (let c = 0x4e00; c < 0x4e00 + 200; c++) {
        const text = n[0]! + String.fromCharCode(c);
        if (SECOND.includes(text[1]!)) continue;
        tried++;
        if (large.mayMatchAt(text, 0)) passed++;
      }
    }
    assert.ok(passed < tried / 10, `${passed} of ${tried}`);
    // an alias of one unit (鑫) is found whatever follows, also at the end of the text
    assert.ok(large.mayMatchAt('鑫的', 0) && large.mayMatchAt('和鑫', 1));
  });
});

describe('entities: the lexicon, across scripts', () => {
  it('links Simplified, Traditional and wrongly converted spellings to one entity', () => {
    const ids = ['阿里云发布新品。', '阿里雲發佈新品。', '阿裏雲發佈新品。'].map((t) => find(t)[0]!.entityId);
    assert.deepEqual(new Set(ids), new Set(['org:阿里云']));
    assert.equal(find('張勇表示。')[0]!.entityId, 'person:张勇');
    assert.equal(find('通義千問上線。')[0]!.canonical, '通义千问');
  });
  it('prefers the longer name: 阿里云智能集团 (one name of 阿里云) over 阿里云 inside it', () => {
    assert.deepEqual(brief(find('阿里云智能集团宣布调整。')), ['阿里云智能集团|org|阿里云']);
  });
  it('matches Latin names case-insensitively and whole', () => {
    assert.deepEqual(brief(find('openai与DeepSeek竞争。')), ['openai|org|OpenAI', 'DeepSeek|org|深度求索']);
    assert.ok(find('OpenAIs').every((m) => m.entityId !== 'org:OpenAI'));
  });
  it('takes a short form that is also a word only where the full name is in the article', () => {
    assert.deepEqual(find('晚点报道了这件事。'), []);
    assert.deepEqual(brief(find('晚点LatePost发布报道。晚点报道了这件事。')).map((s) => s.split('|')[2]), ['晚点LatePost', '晚点LatePost']);
  });
});

describe('entities: rules for names nobody taught', () => {
  it('a role before a person: 创始人, CEO, 分析师', () => {
    assert.deepEqual(brief(detectEntities('智远科技创始人李慕白表示', lex, { model: false })).filter((s) => s.includes('person')), ['李慕白|person|李慕白']);
    assert.deepEqual(brief(detectEntities('分析师周明认为', lex, { model: false })).filter((s) => s.includes('person')), ['周明|person|周明']);
  });
  it('a name before a reporting verb', () => {
    assert.deepEqual(brief(detectEntities('。陈立峰表示，', lex, { model: false })), ['陈立峰|person|陈立峰']);
  });
  it('an organisation suffix with a cue after it', () => {
    assert.ok(brief(find('远望咨询统计的数据显示增长。')).includes('远望咨询|org|远望咨询'));
    assert.ok(brief(find('星河研究院发布报告。')).includes('星河研究院|org|星河研究院'));
  });
  it('no organisation from a generic phrase or a verb', () => {
    assert.deepEqual(find('这家公司表示，许多公司都在观望，要稳住公司。'), []);
  });
  it('Latin camel-case names and versioned products', () => {
    assert.deepEqual(brief(detectEntities('NovaMind发布了Orion-2模型', lex, { model: false })), ['NovaMind|org|NovaMind', 'Orion-2|product|Orion-2']);
    assert.deepEqual(detectEntities('CEO说AI和GPU都重要，Q2-Q4增长', lex, { model: false }), []);
  });
  it('transliterated names with ·, without the role before them', () => {
    assert.deepEqual(brief(detectEntities('创始人约翰·史密斯称', lex, { model: false })), ['约翰·史密斯|person|约翰·史密斯']);
  });
  it('quoted product names after a cue, and 《titles》 as works', () => {
    assert.deepEqual(brief(detectEntities('推出了大模型“星河问答”，并发布《2024云计算白皮书》', lex, { model: false })), [
      '星河问答|product|星河问答', '2024云计算白皮书|work|2024云计算白皮书',
    ]);
  });
  it('canonical forms of rule-found names are Simplified', () => {
    assert.equal(find('據遠望咨詢統計，')[0]!.canonical, '远望咨询');
  });
  it('stays linear on hostile input (a child process with a time limit)', function () {
    // about 5 s on an idle machine, most of it loading the tagger's model: a quadratic step
    // on 100k characters would take hours
    this.timeout(childTimeout(60_000));
    detectInChild([`'《'.repeat(100_000)`, `'“'.repeat(100_000)`, `'·'.repeat(100_000)`, `'王'.repeat(100_000)`, `'公司'.repeat(50_000)`, `'Ab'.repeat(50_000)`,
      `'中美'.repeat(50_000)`, `'访华'.repeat(50_000)`, `'山东省'.repeat(30_000)`, `'http://'.repeat(20_000)`, `'⿰'.repeat(10_000)`], 60_000);
  });
});

describe('the workspace lexicon (.gloss/lexicon.yaml)', () => {
  const source = '# taught by the desk\nversion: 1\nentities:\n  - canonical: 星河科技\n    type: org\n    aliases: [星河]\n    note: 云计算公司\nignore:\n  - 引擎\n';

  it('teaches an entity that is then found in either script', () => {
    const ws = parseWorkspaceLexicon(source);
    const a = new Analyzer(builtinLexicon().with(ws.entries, ws.ignore));
    const ms = a.analyze('星河發佈財報。星河科技增長。').entities;
    assert.deepEqual(ms.map((m) => m.entityId), ['org:星河科技', 'org:星河科技']);
    assert.equal(ms[0]!.source, 'workspace');
  });

  it('a Traditional canonical is stored Simplified', () => {
    const ws = parseWorkspaceLexicon('entities:\n  - canonical: 遠望諮詢\n    type: org\n');
    assert.equal(ws.entries[0]!.canonical, '远望咨询');
  });

  it('never takes what the team listed under ignore', () => {
    const ws = parseWorkspaceLexicon('ignore: [天工]\n');
    assert.deepEqual(new Analyzer(builtinLexicon().with(ws.entries, ws.ignore)).analyze('天工发布。').entities, []);
  });

  it('refuses invalid files with a line', () => {
    const bad = (text: string, re: RegExp, line?: number) =>
      assert.throws(() => parseWorkspaceLexicon(text), (e: unknown) => e instanceof LexiconError && re.test(e.message) && (line === undefined || e.line === line));
    bad('entities:\n  - canonical: 星河\n    type: company\n', /type must be one of/, 3);
    bad('entities: [\n', /invalid YAML/);
    bad('entities:\n  - type: org\n', /canonical/);
    bad('version: 2\n', /version 2/, 1);
    bad('<<<<<<< HEAD\nentities: []\n', /conflict markers/, 1);
    bad('colour: red\n', /unknown field/);
  });

  it('adds a taught entity keeping comments, and merges aliases into an existing one', () => {
    const ws = parseWorkspaceLexicon(source);
    const added = addToWorkspaceLexicon(ws, { canonical: '智远科技', type: 'org', aliases: ['智遠科技'] });
    assert.match(added, /# taught by the desk/);
    assert.equal(parseWorkspaceLexicon(added).entries.length, 2);
    const merged = addToWorkspaceLexicon(parseWorkspaceLexicon(added), { canonical: '星河科技', type: 'org', aliases: ['星河集团'] });
    assert.deepEqual(parseWorkspaceLexicon(merged).entries.find((e) => e.canonical === '星河科技')!.aliases, ['星河科技', '星河', '星河集团']);
  });
});

describe('entities: the learned tagger', () => {
  const tag = (text: string) => {
    const view = toSimplifiedView(text).text.toLowerCase();
    return tagEntities(view).map((s) => `${view.slice(s.start, s.end)}|${s.type}`);
  };
  it('is available from the source tree', () => assert.ok(nerAvailable()));
  it('finds names that no lexicon or rule knows, in either script', () => {
    assert.ok(tag('记者林晓雨昨天在成都采访了周明。').some((x) => x.endsWith('|person')));
    assert.ok(tag('記者林曉雨昨天在成都採訪了周明。').some((x) => x.endsWith('|place')));
  });
  it('decodes whole names: spans in order, disjoint, on whole characters, of known types', () => {
    // a span is a B- label and the I- labels of its type after it: a decoder that dropped or
    // mixed the I- labels would cut 北京 and 上海 to one character, or run them together
    for (const text of ['在北京和上海之间往返的王先生说😀𠀀', '😀𠀀记者林晓雨在北京采访了周明。']) {
      const spans = tagEntities(text);
      let last = 0;
      for (const s of spans) {
        assert.ok(s.start >= last && s.end > s.start && s.end <= text.length, JSON.stringify(spans));
        for (const edge of [s.start, s.end]) assert.ok(!/[\udc00-\udfff]/.test(text[edge] ?? ''), `a span edge splits a character: ${JSON.stringify(s)}`);
        assert.ok(['person', 'org', 'place', 'work'].includes(s.type), s.type);
        last = s.end;
      }
    }
    const names = (text: string) => tagEntities(text).map((s) => `${text.slice(s.start, s.end)}|${s.type}`);
    for (const place of ['北京|place', '上海|place']) assert.ok(names('在北京和上海之间往返的王先生说😀𠀀').includes(place), place);
    assert.ok(names('😀𠀀记者林晓雨在北京采访了周明。').includes('北京|place'));
  });
  it('stays linear on a long line (a child process with a time limit)', function () {
    this.timeout(childTimeout(30_000));
    detectInChild([`'字'.repeat(200_000)`, `'记者林晓雨在成都采访。'.repeat(20_000)`], 30_000);
  });
});

describe('entities: the place gazetteer', () => {
  it('finds provinces with and without their suffix, cities and countries, linked to one place', () => {
    const ms = find('江苏省的企业与江苏、南京市和越南合作。');
    assert.deepEqual(ms.filter((m) => m.type === 'place').map((m) => m.canonical), ['江苏省', '江苏省', '南京市', '越南']);
  });
  it('lets a place inside an organisation or an address give way to the longer name', () => {
    assert.ok(!find('他在北京大学任教。').some((m) => m.text === '北京' && m.type === 'place'));
  });
});

describe('entities: one-character abbreviations of places', () => {
  const places = (text: string) => find(text).filter((m) => m.source === 'abbreviation').map((m) => `${m.text}=${m.canonical}`);
  it('reads runs of countries and of provinces, each character a place linked to its full name', () => {
    assert.deepEqual(places('中美两国的经贸往来增加。'), ['中=中国', '美=美国']);
    assert.deepEqual(places('美日韩举行联合演习。'), ['美=美国', '日=日本', '韩=韩国']);
    assert.deepEqual(places('沪深两市午后走高。'), ['沪=上海市', '深=深圳市']);
  });
  it('reads a run before a word of routes as the one route between them', () => {
    assert.deepEqual(places('他们沿着滇藏线一路骑行。'), ['滇藏线=滇藏线']);
    assert.deepEqual(places('今年京沪高铁客流大增。'), ['京沪高铁=京沪高铁']);
    assert.deepEqual(places('京沪两地的房价都涨了。'), ['京=北京市', '沪=上海市']);
  });
  it('reads a place after a verb of travel or stance, and a side in talks', () => {
    assert.deepEqual(places('总理下月访华。'), ['华=中国']);
    assert.deepEqual(places('代表团昨日抵京。'), ['京=北京市']);
    assert.deepEqual(places('中方对此表示欢迎。'), ['中=中国']);
    assert.deepEqual(places('双方就中缅边界问题交换意见。'), ['中=中国', '缅=缅甸']);
  });
  it('leaves ordinary words alone', () => {
    for (const text of ['生活中美好的事物很多。', '其中美国市场占一半。', '他们非法集资。', '中美洲的咖啡。', '这是一种美德。', '来华人员需要登记。', '他很中意这款车。', '增加方式不变。', '中老年人更关注健康。']) {
      assert.deepEqual(places(text), [], text);
    }
  });
  it('takes 中意 as two countries only before a word of relations', () => {
    assert.deepEqual(places('中意两国签署协议。'), ['中=中国', '意=意大利']);
  });
  it('leaves a run inside a longer word alone, by the dictionary, not by a list', () => {
    // none of these runs is in the list of ordinary words: a dictionary word runs across their edges
    for (const text of ['这个方案美中不足。', '他深藏不露。', '他精通中英文。', '飞机飞往加德满都。', '纪念反法西斯战争胜利。', '船停在港口。', '他们集中方案讨论。', '加强管理。', '他很英俊。']) {
      assert.deepEqual(places(text), [], text);
    }
  });
  it('reads runs, sides and travel beyond the examples above', () => {
    assert.deepEqual(places('德法两国领导人会晤。'), ['德=德国', '法=法国']);
    assert.deepEqual(places('英方表示反对。'), ['英=英国']);
    assert.deepEqual(places('川渝地区降雨。'), ['川=四川省', '渝=重庆市']);
    assert.deepEqual(places('总统访美。'), ['美=美国']);
  });
  it('takes 日 after a numeral as the day of a date, not Japan', () => {
    assert.deepEqual(places('大会定于本月９日美日双方代表出席。'), ['美=美国', '日=日本']);
    assert.deepEqual(places('５月２０日俄法两国发表声明。'), ['俄=俄罗斯', '法=法国']);
    assert.deepEqual(places('会议于二十日英法两国举行。'), ['英=英国', '法=法国']);
  });
  it('reads no abbreviation after a verb where the place is written in full (对美国队)', () => {
    assert.deepEqual(places('下一场对美国队。'), []);
    assert.deepEqual(places('他们在澳门机场会面。'), []);
  });
  it('reads a list of one-character abbreviations between list marks, also after a verb', () => {
    assert.deepEqual(places('红军转战湘、赣、闽三省。'), ['湘=湖南省', '赣=江西省', '闽=福建省']);
    assert.deepEqual(places('他先后在英、法读书。'), ['英=英国', '法=法国']);
  });
  it('reads no list where an item is no abbreviation or a transliterated name runs into it', () => {
    for (const text of ['学生德、智、体全面发展。', '费耶诺德、加拉塔萨雷和波尔图晋级。']) assert.deepEqual(places(text), [], text);
  });
  it('takes a word of relations after a year too (中加１９７０年建交)', () => {
    assert.deepEqual(places('中加１９７０年建交以来往来密切。'), ['中=中国', '加=加拿大']);
  });
  it('leaves the listed ordinary words alone unless a word of relations follows', () => {
    for (const text of ['他的美意', '话中的深意', '学习加法', '加深了解', '台中市', '青川县']) assert.deepEqual(places(text), [], text);
    assert.deepEqual(places('中加两国建交。'), ['中=中国', '加=加拿大']);
  });
});

describe('entities: institutions of the news', () => {
  it('knows international organisations, state bodies and media, in either script', () => {
    const ids = find('世卫组织、歐盟和國家統計局當天都發布了數據，新華社報道。').map((m) => m.entityId);
    assert.deepEqual(ids, ['org:世界卫生组织', 'org:欧盟', 'org:国家统计局', 'org:新华社']);
  });
  it('does not read a short name inside a longer word: 北大 in 北大西洋', () => {
    assert.ok(!find('飓风在北大西洋形成。').some((m) => m.entityId === 'org:北京大学'));
    assert.equal(find('他毕业于北大。').find((m) => m.type === 'org')?.entityId, 'org:北京大学');
  });
});

describe('entities: links and faces', () => {
  it('finds no name inside a link, and none in a three-letter face', () => {
    assert.deepEqual(find('详情见 http://t.cn/RvHTNdh 和 www.example.com/OpenAI 。'), []);
    assert.deepEqual(find('好开心QvQ！'), []);
    assert.equal(find('OpenAI发布新模型。')[0]?.canonical, 'OpenAI');
  });
});

describe('entities: short names next to short words', () => {
  it('keeps 阿里 before 来自 (里来 is a word, but a two-character one)', () => {
    const ms = find('阿里巴巴公布财报。其中,阿里来自海外的收入增长。');
    assert.deepEqual(ms.filter((m) => m.text === '阿里').map((m) => m.entityId), ['org:阿里巴巴']);
  });
});

describe('entities: places inside longer words, and addresses', () => {
  it('does not read 中国 inside 发展中国家, but does in 中国人民 and 美国人', () => {
    assert.ok(!find('发展中国家的债务问题加剧。').some((m) => m.canonical === '中国'));
    assert.ok(find('中国人民银行宣布降准，美国人也在关注。').some((m) => m.canonical === '美国'));
  });
  it('does not read a two-character place where words run across both its edges (当地|球队, 目前|海底)', () => {
    for (const [text, place] of [['他们和当地球队踢了一场。', '地球'], ['目前海底还有不少沉船。', '前海'], ['沿着这条十公里海岸线走。', '里海']] as const) {
      assert.ok(!find(text).some((m) => m.canonical === place), text);
    }
    assert.ok(find('这艘船驶入里海。').some((m) => m.canonical === '里海'));
  });
  it('knows the world\'s capitals and the states of the United States (the built-in gazetteer)', () => {
    for (const [text, place] of [['代表团昨天飞抵比什凯克。', '比什凯克'], ['据报道，贝尔格莱德今天下雪。', '贝尔格莱德'], ['她在马里兰州读书。', '马里兰州']] as const) {
      assert.ok(find(text).some((m) => m.type === 'place' && m.canonical === place), text);
    }
  });
  it('links the names Taiwan gives countries and cities to the same places', () => {
    const places = find('她在紐西蘭和義大利都住過，後來搬到杜拜。').filter((m) => m.type === 'place').map((m) => m.entityId);
    assert.deepEqual(places, ['place:新西兰', 'place:意大利', 'place:迪拜']);
  });
  it('reads a region named by two directions before 部 or 侧 as a direction, not the region', () => {
    for (const text of ['暴雨落在该省西北部。', '气流在高压东南侧加强。']) assert.ok(!find(text).some((m) => m.type === 'place'), text);
    assert.ok(find('他年轻时去过西北。').some((m) => m.canonical === '西北'));
  });
  it('never reads a kind of place as a place on its own (海滨, 县城; data/genericPlaces.json), and knows 海峡两岸', () => {
    // the tagger reads 海滨 here as a place of its own (checked with the list empty)
    for (const text of ['威海南部海滨风景区游人很多。', '烟台南部海滨风景区游人如织。']) {
      assert.ok(!find(text).some((m) => m.type === 'place' && m.text === '海滨'), text);
    }
    assert.ok(find('会议促进海峡两岸经贸往来。').some((m) => m.type === 'place' && m.canonical === '海峡两岸'));
    assert.ok(!find('温泉是福州市主要的地热资源。').some((m) => m.text === '温泉'));
    assert.ok(!find('他生于共和国末期，是一位诗人。').some((m) => m.type === 'place'));
  });
  it('cuts an address the tagger reads as one place into its administrative units', () => {
    const places = find('该厂位于山东省淄博市张店区。').filter((m) => m.type === 'place').map((m) => m.text);
    assert.ok(!places.includes('山东省淄博市张店区'), places.join());
    for (const unit of ['淄博市', '张店区']) assert.ok(places.includes(unit), `${unit} in ${places.join()}`);
  });
  it('keeps an address down to the street, the house number or the village whole', () => {
    for (const [sentence, address] of [
      ['他住在杭州市西湖区文三路138号，离公司很近。', '杭州市西湖区文三路138号'],
      ['店铺位于郑州市须水镇西岗村。', '郑州市须水镇西岗村'],
    ]) {
      const places = find(sentence!).filter((m) => m.type === 'place').map((m) => m.text);
      assert.deepEqual(places, [address], sentence);
    }
  });
});

describe("entities: a country's government", () => {
  it('is the country acting, a place, as the guideline in the README says (the tagger is trained so)', () => {
    for (const [sentence, country] of [['澳大利亚政府周二宣布将提高关税。', '澳大利亚'], ['挪威政府发言人表示欢迎。', '挪威']]) {
      assert.deepEqual(brief(find(sentence!)), [`${country}|place|${country}`], sentence);
    }
  });
  it("while a city's government stays an organisation", () => {
    assert.deepEqual(brief(find('天津市政府昨天召开新闻发布会。')), ['天津市政府|org|天津市政府']);
  });
});

describe('entities: kinds of institution are not names', () => {
  it('leaves 政府, 部队, 有关部门 alone while finding named ones', () => {
    const orgs = find('有关部门和当地政府表示，部队已经撤离；外交部随后发表声明。').filter((m) => m.type === 'org').map((m) => m.text);
    assert.deepEqual(orgs, ['外交部']);
  });
});

describe('entities: a name found once is found again in the same article', () => {
  it('repeats a name found by a rule where its context is too thin, in either script', () => {
    const article = '他们推出了大模型“灵犀”。\n\n靈犀的用户不少。\n\n灵犀也有对手。';
    const ms = find(article).filter((m) => m.canonical === '灵犀');
    assert.deepEqual(ms.map((m) => m.source), ['quoted', 'repeated', 'repeated']);
    assert.equal(article.slice(ms[1]!.start, ms[1]!.end), '靈犀');
    assert.ok(ms.every((m) => m.entityId === 'product:灵犀'));
  });
  it('does not repeat across articles', () => {
    assert.deepEqual(find('灵犀的用户不少。').filter((m) => m.canonical === '灵犀'), []);
  });
});

describe('entities: words before a reporting verb', () => {
  it('reads no name in 文章表示 or 高兴地说, and still reads 王小川表示', () => {
    assert.ok(!find('文章表示，这一趋势将持续。').some((m) => m.type === 'person'));
    assert.ok(!find('他们高兴地说，项目成功了。').some((m) => m.text === '高兴地'));
    assert.ok(find('王小川表示，搜索仍有机会。').some((m) => m.text === '王小川' && m.type === 'person'));
  });
});

describe('entities: buildings and venues', () => {
  it('takes a named building as one place, and a bare kind of building as nothing', () => {
    const ms = find('画展在中国美术馆开幕，博物馆今天闭馆。');
    assert.deepEqual(ms.map((m) => `${m.text}|${m.type}`), ['中国美术馆|place']);
  });
});

describe('entities: the world gazetteer', () => {
  it('knows countries, capitals, regions and short forms, linked to one place', () => {
    const ids = find('印尼、几内亚比绍和科索沃的代表在耶路撒冷会面，随后前往珠峰和约旦河西岸。').filter((m) => m.type === 'place').map((m) => m.canonical);
    assert.deepEqual(ids, ['印度尼西亚', '几内亚比绍', '科索沃', '耶路撒冷', '珠穆朗玛峰', '约旦河西岸']);
  });
  it('does not take the name of a company or a person for the place inside it', () => {
    assert.ok(!find('长城汽车发布财报。').some((m) => m.type === 'place'));
    assert.ok(!find('孙中山先生的故居。').some((m) => m.canonical === '中山市'));
  });
});

describe('entities: a known organisation inside a longer one', () => {
  it('lets 中信银行 and 国务院办公厅 stand whole, while 中信 alone links to its entry', () => {
    const orgs = (text: string) => find(text).filter((m) => m.type === 'org').map((m) => m.text);
    assert.ok(orgs('中信银行发布年报。').every((t) => t !== '中信'), orgs('中信银行发布年报。').join());
    assert.deepEqual(find('中信宣布新的投资。').filter((m) => m.type === 'org').map((m) => m.entityId), ['org:中信集团']);
  });
});

describe('entities: Latin words in lower case', () => {
  it('are not taken for people or places by the tagger', () => {
    assert.ok(!find('今天和panda一起去看了wallace的展览。').some((m) => m.type === 'person' || m.type === 'place'));
  });
});
