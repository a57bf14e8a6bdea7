import * as assert from 'node:assert/strict';
import { Analyzer } from '../../src/core/analysis/analyze';
import type { EntityMention } from '../../src/core/entities/detect';
import { builtinLexicon } from '../../src/core/entities/lexicon';
import { linkName } from '../../src/core/entities/link';
import { parseWorkspaceLexicon } from '../../src/core/entities/workspaceLexicon';

// Sentences written for these tests (never the seeds' text).
const find = (text: string, lexicon = builtinLexicon()) => new Analyzer(lexicon).analyze(text).entities;
const ids = (ms: EntityMention[]) => ms.map((m) => `${m.text}|${m.entityId}`);
const withWorkspace = (yaml: string) => {
  const ws = parseWorkspaceLexicon(yaml);
  return builtinLexicon().with(ws.entries, ws.ignore, ws.suppress);
};

describe('entities: well-known short forms stand alone', () => {
  it('links 阿里 to 阿里巴巴 with no full name in the article, in both scripts and in wrong conversions', () => {
    assert.deepEqual(ids(find('阿里今年又投了两家公司。')), ['阿里|org:阿里巴巴']);
    assert.deepEqual(ids(find('阿里今年又投了兩家公司。')), ['阿里|org:阿里巴巴']);
    assert.deepEqual(ids(find('阿裏今年又投了兩家公司，阿裏雲也降價了。')), ['阿裏|org:阿里巴巴', '阿裏雲|org:阿里云']);
  });
  it('leaves 阿里 inside a longer word or a transliterated name alone', () => {
    assert.ok(find('我们去了阿里山看日出。').every((m) => m.entityId !== 'org:阿里巴巴'));
    assert.ok(find('拳王穆罕默德·阿里来访。').every((m) => m.entityId !== 'org:阿里巴巴'));
    assert.ok(find('球员阿里·萨米尔进球了。').every((m) => m.entityId !== 'org:阿里巴巴'));
  });
  it('keeps a short form that is also an ordinary word to articles that name the entity in full', () => {
    assert.deepEqual(find('晚点再说吧，晚点报道称此事属实。').filter((m) => m.entityId === 'org:晚点LatePost'), []);
    assert.equal(find('晚点LatePost独家获悉，晚点报道称此事属实。').filter((m) => m.entityId === 'org:晚点LatePost').length, 2);
  });
  it('links group names to the company: 阿里集团, 阿里巴巴集團, 百度公司', () => {
    assert.deepEqual(ids(find('阿里集团宣布分拆。')), ['阿里集团|org:阿里巴巴']);
    assert.deepEqual(ids(find('阿里巴巴集團宣佈分拆。')), ['阿里巴巴集團|org:阿里巴巴']);
    assert.deepEqual(ids(find('百度公司发布财报。')), ['百度公司|org:百度']);
  });
  it('links a name written anywhere (a claim\'s source) the same way: linkName', () => {
    const lexicon = builtinLexicon();
    for (const name of ['阿裏', '阿里', '阿里集团', '阿里巴巴集團', 'Alibaba']) assert.equal(linkName(name, lexicon)?.entry.id, 'org:阿里巴巴', name);
    assert.equal(linkName('晚点', lexicon)?.short, true);
    assert.equal(linkName('阿里来了', lexicon), undefined);
  });
  it('a group with its own entry stays its own organisation', () => {
    const lexicon = withWorkspace('entities:\n  - {canonical: 星河, type: org}\n  - {canonical: 星河集团, type: org}\n');
    assert.deepEqual(ids(find('星河集团宣布降价，星河跟进。', lexicon)), ['星河集团|org:星河集团', '星河|org:星河']);
  });
  it('a short form made of common characters needs the full name: 中建 in 竞争中建立', () => {
    assert.ok(find('他们在竞争中建立了优势。').every((m) => m.canonical !== '中国建筑'));
    assert.deepEqual(ids(find('中国建筑公布年报，中建中标了新项目。')), ['中国建筑|org:中国建筑', '中建|org:中国建筑']);
  });
});

describe('entities: kinds are not names', () => {
  it('refuses generic head nouns, with or without a modifier, in both scripts', () => {
    const text =
      '这家AI创业公司拿到了风投公司的钱，AI公司和互联网公司都在招人。多家AI創業公司與美國企服公司合作，企业、厂商、机构和大厂都在观望。';
    assert.deepEqual(find(text).filter((m) => m.type === 'org'), []);
  });
  it('refuses technical terms as organisations: AIGC, SaaS, MaaS, AGI', () => {
    const ms = find('AIGC、SaaS、MaaS和AGI是今年的热词，Fintech也是。');
    assert.deepEqual(ms.filter((m) => m.type === 'org'), []);
  });
  it('still takes a named company with a kind word in its name', () => {
    assert.deepEqual(ids(find('星河科技创始人表示，星河科技将上市。')), ['星河科技|org:星河科技', '星河科技|org:星河科技']);
  });
});

describe('entities: outlets are organisations, titles of writing are works', () => {
  it('a newspaper in title marks or by its name is an organisation', () => {
    const ms = find('据《北京商报》报道，北京商报记者还获悉，《科創板日報》也報道了。');
    assert.deepEqual(ids(ms), ['北京商报|org:北京商报', '北京商报|org:北京商报', '科創板日報|org:科创板日报']);
  });
  it('the title of an article or a book is a work, and a broken title is nothing', () => {
    assert.deepEqual(ids(find('推荐阅读《独家!某公司再投大模型》。')), ['独家!某公司再投大模型|work:独家!某公司再投大模型']);
    // a headline naming someone is still the headline, in both scripts; a short title keeps the names inside it
    assert.deepEqual(ids(find('相关文章：《独家！阿里再投大模型》')), ['独家！阿里再投大模型|work:独家！阿里再投大模型']);
    assert.deepEqual(ids(find('相關文章：《激進的阿裏戰投，大模型全覆蓋》')), ['激進的阿裏戰投，大模型全覆蓋|work:激进的阿里战投，大模型全覆盖']);
    assert.ok(find('他读完了《马云传》。').some((m) => m.entityId === 'person:马云'));
    const broken = find('相关文章：《李四讲了一个AIGC故事');
    assert.ok(broken.every((m) => !/[《》]/.test(m.text)), JSON.stringify(ids(broken)));
  });
});

describe('entities: what the tagger alone proposes needs evidence', () => {
  it('a person ends before an adverb glued to it: 王超曾向 → 王超', () => {
    const people = find('文渊智库创始人王超曾向本报记者表示，价格还会降。').filter((m) => m.type === 'person');
    assert.deepEqual(ids(people), ['王超|person:王超']);
  });
  it('two characters without a surname, a cue or a second mention are no person: 财报, 科创', () => {
    assert.deepEqual(find('他们认为财报季是关键期，科创企业的估值很高。').filter((m) => m.type === 'person'), []);
  });
  it('a Latin name is never a place; after the kind of product it is, it is a product', () => {
    const ms = find('他在Gross Merchandise Volume上的表现不错。');
    assert.ok(ms.every((m) => m.type !== 'place'), JSON.stringify(ids(ms)));
    assert.deepEqual(ids(find('该公司的数据库PolarDB降价了。')), ['PolarDB|product:PolarDB']);
  });
});

describe('entities: the workspace lexicon over the built-in one', () => {
  it('an entry with the same canonical and type replaces the built-in one (here: 阿里 no longer stands alone)', () => {
    const lexicon = withWorkspace('entities:\n  - canonical: 阿里巴巴\n    type: org\n    shortForms: [阿里]\n');
    assert.deepEqual(find('阿里今年又投了两家公司。', lexicon), []);
    assert.equal(find('阿里巴巴发布财报，阿里今年很忙。', lexicon).length, 2);
  });
  it('groupNames: false keeps the group apart', () => {
    const lexicon = withWorkspace('entities:\n  - canonical: 百度\n    type: org\n    groupNames: false\n');
    assert.ok(find('百度公司发布财报。', lexicon).every((m) => m.text !== '百度公司' || m.entityId !== 'org:百度'));
  });
  it('suppress removes a built-in entry; ignore refuses a name everywhere, in either script', () => {
    assert.deepEqual(find('晚点LatePost独家获悉。', withWorkspace('suppress: [晚點LatePost]\n')).filter((m) => m.entityId === 'org:晚点LatePost'), []);
    const ignoring = withWorkspace('ignore: [阿里]\n');
    assert.deepEqual(find('阿里今年很忙。', ignoring), []);
    assert.deepEqual(find('阿裏今年很忙。', ignoring), []);
  });
});

describe('entities: football leagues', () => {
  it('are organisations by their short names, in both scripts, not a country\'s first character', () => {
    assert.deepEqual(ids(find('他在英超踢了三个赛季。')), ['英超|org:英格兰足球超级联赛']);
    assert.deepEqual(ids(find('球隊下賽季將參加亞冠聯賽。')), ['亞冠聯賽|org:亚足联冠军联赛']);
  });
});
