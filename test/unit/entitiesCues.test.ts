import * as assert from 'node:assert/strict';
import { Analyzer } from '../../src/core/analysis/analyze';
import type { EntityMention } from '../../src/core/entities/detect';

// Sentences written for these tests (never the seeds' text): names that only their context
// shows, quoted names, Latin names by what is around them, short forms in lists and before titles.
const find = (text: string) => new Analyzer().analyze(text).entities;
const marked = (ms: EntityMention[]) => ms.map((m) => `${m.text}/${m.type}`);
const named = (ms: EntityMention[], text: string) => ms.filter((m) => m.text === text).map((m) => `${m.type}:${m.canonical}`);

describe('entities: quoted names by what comes before them', () => {
  it('reads a quoted name right after a known maker as its product, in a list or before a kind of product', () => {
    const ms = find('百度“星河”和腾讯“云雀”都在更新。');
    assert.deepEqual(named(ms, '星河'), ['product:星河']);
    assert.deepEqual(named(find('腾讯展示了百度“星河”体系下的新模型。'), '星河'), ['product:星河']);
  });
  it('does not read a scare-quoted verb after an organisation as a product', () => {
    assert.deepEqual(marked(find('腾讯“出手”了。')), ['腾讯/org']);
    assert.deepEqual(marked(find('这一年里，京东“回家了”。')), ['京东/org']);
  });
  it('reads a quoted name after the kind of organisation it is as an organisation', () => {
    assert.deepEqual(named(find('据报道，AI教育创企“知行学”完成新一轮融资。'), '知行学'), ['org:知行学']);
    // a quotation after the same words is speech, not a name
    assert.deepEqual(find('这家公司“不会裁员”。').filter((m) => m.type === 'org'), []);
  });
  it('does not read a plan or a campaign launched under a quoted name as a product', () => {
    assert.deepEqual(find('东方云推出“星火免费试用计划”，面向开发者。').filter((m) => m.type === 'product'), []);
    assert.deepEqual(named(find('东方云推出“星火”，面向开发者。'), '星火'), ['product:星火']);
  });
});

describe('entities: Latin names by what is around them', () => {
  it('reads a plain word or an acronym after the kind of product it is', () => {
    assert.deepEqual(named(find('其首款大模型产品Lumo累计用户已破百万。'), 'Lumo'), ['product:Lumo']);
    assert.deepEqual(named(find('平台提供数据库和机器学习XPL等服务。'), 'XPL'), ['product:XPL']);
    // the same word with nothing to say what it is stays unmarked
    assert.deepEqual(named(find('他说Lumo很好。'), 'Lumo'), []);
  });
  it('reads a company named by its web address', () => {
    assert.deepEqual(named(find('应用开发商Brightway.ai创始人李明说，需求很旺。'), 'Brightway.ai'), ['org:Brightway.ai']);
  });
  it('reads a short model code before 模型, and a known product with its version as that version', () => {
    assert.deepEqual(named(find('其性价比超过了某公司的R1模型。'), 'R1'), ['product:R1']);
    assert.deepEqual(named(find('他们的R1团队很大。'), 'R1'), []);
    // lower case as written, linked to the version as the lexicon writes the name
    assert.deepEqual(named(find('其中最强的是qwen2.5。'), 'qwen2.5'), ['product:Qwen2.5']);
  });
  it('does not read a Latin word glued inside a longer mixed name as a product', () => {
    // the tagger reads the English word alone as a name
    const ms = find('星河云推出一款新的算力产品——共享Universal实例，价格更低。共享Universal实例的价格下降了四成。');
    assert.deepEqual(named(ms, 'Universal'), []);
  });
});

describe('entities: short forms beside their kind', () => {
  it('counts a short form in a list beside a known name of its kind, not in an ordinary sentence', () => {
    assert.deepEqual(named(find('腾讯把拍拍和易迅一起出售了。'), '拍拍'), ['org:拍拍网']);
    assert.deepEqual(named(find('他拍拍手，走了。'), '拍拍'), []);
  });
  it('counts a short form after the rest of its full name and 的: 腾讯的元宝 is 腾讯元宝, in both scripts', () => {
    assert.deepEqual(named(find('几家公司都在和腾讯的元宝竞争。'), '元宝'), ['product:腾讯元宝']);
    assert.deepEqual(named(find('幾家公司都在和騰訊的元寶競爭。'), '元寶'), ['product:腾讯元宝']);
    assert.deepEqual(named(find('他在地上捡到一个元宝。'), '元宝'), []);
    assert.deepEqual(named(find('百度的元宝很亮。'), '元宝'), []);
  });
  it('counts a short form before a title it carries', () => {
    assert.deepEqual(named(find('小宇宙《星河的故事》'), '小宇宙'), ['product:小宇宙App']);
    assert.deepEqual(named(find('他的小宇宙爆发了。'), '小宇宙'), []);
  });
  it('links a cloud named after its company to the cloud, not to the company', () => {
    assert.deepEqual(named(find('微軟雲的收入增長了。'), '微軟雲'), ['product:微软云']);
  });
  it('keeps the cloud business and its platform apart: 微软云 holds Azure, it is not Azure', () => {
    const ms = find('微软云收入大增，主要得益于Azure的增长。');
    assert.deepEqual(named(ms, '微软云'), ['product:微软云']);
    assert.deepEqual(named(ms, 'Azure'), ['product:Azure']);
  });
});

describe('entities: a Latin name in parentheses after a name', () => {
  it('is the same entity, for people found by any rule', () => {
    const ms = find('前高管李明远(Brian Lee)表示，情况不同。');
    assert.deepEqual(named(ms, 'Brian Lee'), ['person:李明远']);
    assert.deepEqual(named(find('首席分析师查尔斯·韦（Charles Wei）表示：需求回暖。'), 'Charles Wei'), ['person:查尔斯·韦']);
  });
  it('is no name when it is an acronym (a term), or after no name', () => {
    assert.deepEqual(find('目标是通用人工智能(AGI)。').filter((m) => m.text === 'AGI'), []);
    assert.deepEqual(named(find('这个说法(Fair Use)很常见。'), 'Fair Use'), []);
  });
});
