import * as assert from 'node:assert/strict';
import { Analyzer } from '../../src/core/analysis/analyze';
import type { EntityMention } from '../../src/core/entities/detect';
import { builtinLexicon } from '../../src/core/entities/lexicon';
import { personEvidence } from '../../src/core/entities/sources/tagger';
import { WordDictionary } from '../../src/core/entities/wordLattice';
import { parseWorkspaceLexicon } from '../../src/core/entities/workspaceLexicon';

// Rules for errors seen on the real corpus, each over sentences written for these tests
// (never the seeds' text).
const find = (text: string, lexicon = builtinLexicon()) => new Analyzer(lexicon).analyze(text).entities;
const ids = (ms: EntityMention[]) => ms.map((m) => `${m.text}|${m.entityId}`);
const withWorkspace = (yaml: string) => {
  const ws = parseWorkspaceLexicon(yaml);
  return builtinLexicon().with(ws.entries, ws.ignore, ws.suppress);
};

describe('entities: a known name at the start of a phrase (notBefore)', () => {
  it('中国移动 before 互联网 is China\'s mobile internet, not the company; alone it is the company', () => {
    const ms = find('中国移动互联网的用户增长放缓，中国移动公布了年报。');
    assert.deepEqual(ids(ms.filter((m) => m.type === 'org')), ['中国移动|org:中国移动']);
    assert.equal(ms.find((m) => m.type === 'org')!.start, 15);
  });
  it('works from a workspace entry, in either script', () => {
    const lexicon = withWorkspace('entities:\n  - {canonical: 星河, type: org, notBefore: [問答]}\n');
    assert.deepEqual(ids(find('星河问答上线了，星河很高兴。', lexicon)), ['星河|org:星河']);
    assert.deepEqual(ids(find('星河問答上線了，星河很高興。', lexicon)), ['星河|org:星河']);
  });
});

describe('entities: a short form before what only an outlet does', () => {
  it('晚点引述 names the outlet without its full name; 晚点 as "later" stays a word', () => {
    assert.deepEqual(ids(find('晚点引述知情人士的话说，这家公司正在融资。')), ['晚点|org:晚点LatePost']);
    assert.deepEqual(ids(find('晚點援引知情人士稱，這家公司正在融資。')), ['晚點|org:晚点LatePost']);
    assert.deepEqual(find('我们晚点再谈，晚点报道也不迟。').filter((m) => m.entityId === 'org:晚点LatePost'), []);
  });
});

describe('entities: what the tagger proposes, checked against the context', () => {
  it('a four-character name after a one-character surname gives back a glued 来: 林主恒来领导 → 林主恒', () => {
    const people = find('去年，这家银行请谷歌前高管林主恒来领导其人工智能部门。').filter((m) => m.type === 'person');
    assert.deepEqual(ids(people), ['林主恒|person:林主恒']);
  });
  it('a foreign name a side lost to or beat is a team, an organisation', () => {
    const ms = find('上周主场输给埃因霍温之后，球队士气低落。');
    assert.deepEqual(ids(ms.filter((m) => m.text === '埃因霍温')), ['埃因霍温|org:埃因霍温']);
  });
  it('a Latin name before the kind of product it is, is a product; inside a longer mixed name it is none (通用Universal实例)', () => {
    const alone = find('这家云厂商上线了Universal实例，价格下降三成。');
    assert.deepEqual(ids(alone.filter((m) => m.text === 'Universal')), ['Universal|product:Universal']);
    // the product is the whole 通用Universal实例, not its English word
    const ms = find('这家云厂商上线了通用Universal实例，价格下降三成。');
    assert.deepEqual(ids(ms.filter((m) => m.text === 'Universal')), []);
  });
  it('two characters that a dictionary name runs into are no person on their own: 王师 in 帝王师', () => {
    // 帝王 is listed among persons' names, as in jieba's dictionary; 王 is a surname
    const words = WordDictionary.parse('帝王\tp\n');
    const text = '一代帝王师';
    assert.equal(personEvidence(text, 3, 5, words), false);
    assert.equal(personEvidence('记者王师表示', 2, 4, words), true);
  });
});

describe('entities: products and ordinary words in the built-in lexicon', () => {
  it('assistants, models and cloud products are products, not organisations', () => {
    assert.deepEqual(ids(find('京东发布了ChatJD，亚马逊的Alexa也升级了。')), ['京东|org:京东', 'ChatJD|product:ChatJD', '亚马逊|org:亚马逊', 'Alexa|product:Alexa']);
  });
  it('ordinary words the tagger reads as names are never shown: 洪峰, 包圆', () => {
    assert.deepEqual(find('今年长江的洪峰提前到来，他把剩下的菜包圆了。').filter((m) => m.text === '洪峰' || m.text === '包圆'), []);
  });
  it('可灵 alone is the start of 可灵活: it counts beside the full name only', () => {
    assert.deepEqual(find('这个方案可灵活调整。'), []);
    assert.deepEqual(ids(find('快手发布可灵AI，可灵的用户很多。')).slice(1), ['可灵AI|product:可灵AI', '可灵|product:可灵AI']);
  });
});
