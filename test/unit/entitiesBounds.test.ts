import * as assert from 'node:assert/strict';
import { Analyzer } from '../../src/core/analysis/analyze';
import type { EntityMention } from '../../src/core/entities/detect';

// Sentences written for these tests (never the seeds' text). Each case is one the tagger
// reads wrongly on its own: the rules under test mend or refuse its reading.
const find = (text: string) => new Analyzer().analyze(text).entities;
const names = (ms: EntityMention[], type: EntityMention['type']) => ms.filter((m) => m.type === type).map((m) => m.text);

describe('entities: where an organisation the tagger read begins and ends', () => {
  it('mends a unit cut off from the body it belongs to, past the body\'s name', () => {
    // the tagger reads …融|合发展中心: the unit's name begins inside a word
    const orgs = names(find('复旦大学绿色能源融合发展中心副主任李明说'), 'org');
    assert.deepEqual(orgs, ['复旦大学绿色能源融合发展中心']);
  });
  it('mends a unit that begins with a kind of institution back to a near clause edge', () => {
    // the tagger reads 工会…委员会 after the body's own short name
    assert.deepEqual(names(find('而东方并购工会标准评审委员会的赵刚则说'), 'org'), ['东方并购工会标准评审委员会']);
    assert.deepEqual(names(find('而东联收购工会标准评审委员会的赵刚则说'), 'org'), ['东联收购工会标准评审委员会']);
  });
  it('reads a unit whose field joins two with 与 right after its body as one name, not cut at 与', () => {
    assert.deepEqual(names(find('复旦大学国际商学院数字经济与绿色金融研究中心主任李明向本报记者表示。'), 'org'), ['复旦大学国际商学院数字经济与绿色金融研究中心']);
    // where the tagger reads only the body, the suffix rule reads the unit whole beside it
    assert.deepEqual(names(find('东海大学联合商学院智能制造与产业创新研究中心联席主任赵刚说。'), 'org'), ['东海大学联合商学院', '智能制造与产业创新研究中心']);
    // two parties before a centre stay apart: no body's name before the first
    assert.deepEqual(names(find('该研究院与绿色金融研究中心签了协议。'), 'org'), ['绿色金融研究中心']);
  });
  it('leaves a unit alone where a verb or a role may come between it and what is before', () => {
    // no body's name within reach: the reading stands, nothing is swallowed
    const orgs = names(find('他后来被选为副主席兼任民族事务委员会主任。'), 'org');
    assert.ok(orgs.every((o) => !o.includes('兼任')), orgs.join(','));
  });
  it('ends a name at its last word when the tagger ran one character on: 证券|研报', () => {
    assert.deepEqual(names(find('东吴证券研报指出，需求回暖。'), 'org'), ['东吴证券']);
    assert.deepEqual(names(find('华泰证券研报归纳了行业的三个特点：'), 'org'), ['华泰证券']);
  });
});

describe('entities: names before an event, regions, where a person\'s name begins and ends', () => {
  it('does not read the name of an event as a place, unless the place is known', () => {
    assert.deepEqual(names(find('百度去年参加了云栖大会。'), 'place'), []);
    assert.deepEqual(names(find('华为在松山湖大会上发布了新平台。'), 'place'), ['松山湖']);
  });
  it('reads 欧美 as a region, not two places; sides before relations stay', () => {
    assert.deepEqual(names(find('欧美企业纷纷涨价。'), 'place'), []);
    assert.deepEqual(names(find('中非合作论坛在北京召开。'), 'place'), ['中', '非', '北京']);
    assert.deepEqual(names(find('中美两国的经贸往来增加。'), 'place'), ['中', '美']);
  });
  it('ends a person before 则', () => {
    assert.deepEqual(names(find('专家李明则认为行业会好转。'), 'person'), ['李明']);
  });
  it('reads a name after a role and one space, and never a space as part of a name', () => {
    // the tagger reads " 李华" with the space; the role rule read nothing after the space
    assert.deepEqual(names(find('本报记者 李华/文'), 'person'), ['李华']);
    assert.deepEqual(names(find('城市晚报记者 魏明/文 资料图'), 'person'), ['魏明']);
    // here the tagger reads no name at all: the role rule finds it past the space
    assert.deepEqual(names(find('东方商报记者 韩蕾/文 企业供图'), 'person'), ['韩蕾']);
  });
});

describe('entities: a known name inside other words', () => {
  it('does not read 商务部 in 电子商务部分', () => {
    assert.deepEqual(names(find('这是电子商务部分的收入。'), 'org'), []);
    assert.deepEqual(names(find('商务部发布了新规。'), 'org'), ['商务部']);
  });
});

describe('entities: a kind of organisation before a name', () => {
  it('finds the name after 风投公司 and again later in the article', () => {
    assert.deepEqual(names(find('风投公司远山资本宣布，远山资本已投资该项目。'), 'org'), ['远山资本', '远山资本']);
  });
});

describe('entities: products and firms added to the built-in lexicon', () => {
  it('reads 天猫精灵 whole, not 天猫', () => {
    assert.deepEqual(find('用户对天猫精灵说话。').map((m) => `${m.text}|${m.entityId}`), ['天猫精灵|product:天猫精灵']);
  });
  it('knows 创新工场, 光年之外 and 妙鸭相机 (妙鸭)', () => {
    assert.deepEqual(names(find('创新工场和“光年之外”都在招人。'), 'org'), ['创新工场', '光年之外']);
    assert.deepEqual(find('“妙鸭”的热度没有延续。').map((m) => `${m.text}|${m.entityId}`), ['妙鸭|product:妙鸭相机']);
  });
  it('links 魔搭 and ModelScope, and knows iPhone and Forrester', () => {
    const ms = find('魔搭社区和ModelScope是一回事；研究公司Forrester说iPhone卖得好。');
    assert.deepEqual(ms.map((m) => `${m.text}|${m.entityId}`), ['魔搭社区|product:ModelScope', 'ModelScope|product:ModelScope', 'Forrester|org:Forrester', 'iPhone|product:iPhone']);
  });
});
