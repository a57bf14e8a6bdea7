import * as assert from 'node:assert/strict';
import { Analyzer } from '../../src/core/analysis/analyze';
import type { EntityMention } from '../../src/core/entities/detect';
import { builtinLexicon } from '../../src/core/entities/lexicon';

// Sentences written for these tests (never the seeds' text, never a benchmark set's).
const find = (text: string) => new Analyzer(builtinLexicon()).analyze(text).entities;
const typed = (ms: EntityMention[]) => ms.map((m) => `${m.text}/${m.type}`);

describe('entities: what is no place though it names one', () => {
  it('reads a side in a fixture as a side: either side of vs, before 客场/主场, both scripts', () => {
    assert.deepEqual(typed(find('周日焦点战：罗马vs那不勒斯。')).filter((t) => t.startsWith('罗马')), ['罗马/org']);
    assert.deepEqual(typed(find('第3场 那不勒斯 VS 罗马，值得一看。')).filter((t) => t.startsWith('罗马')), ['罗马/org']);
    assert.deepEqual(typed(find('本轮利物浦客场挑战对手。')), ['利物浦/org']);
    assert.deepEqual(typed(find('本輪米蘭主場迎戰對手。')).filter((t) => t.startsWith('米蘭')), ['米蘭/org']);
  });
  it('keeps a venue a place: 在某城主场', () => {
    assert.deepEqual(typed(find('女排在北京主场以三比零获胜。')), ['北京/place']);
  });
  it('reads a time zone as a clock, not a mention of the place: 北京时间, 美國時間', () => {
    assert.deepEqual(find('比赛于北京时间8点开始。'), []);
    assert.deepEqual(find('發佈會定在美國時間週一。'), []);
    assert.deepEqual(typed(find('他8点到北京，时间刚好。')), ['北京/place']);
  });
  it('reads 亚洲盘 (a betting line) as a term, and 白银 as the metal unless the city is named in full', () => {
    assert.deepEqual(find('这场比赛的亚洲盘开出半球。'), []);
    assert.deepEqual(find('现货白银价格昨日上涨。'), []);
    assert.deepEqual(typed(find('白银市今年新建了两所学校，白银的冬天很冷。')), ['白银市/place', '白银/place']);
  });
  it('reads a country before 区 as a company\'s or a contest\'s region, a city before 区 as its district', () => {
    assert.deepEqual(find('他们战队晋级了中国区总决赛。'), []);
    assert.deepEqual(find('该公司韩国区负责人昨天离职。'), []);
    assert.deepEqual(typed(find('中国区域经济发展不平衡。')), ['中国/place']);
  });
  it('reads 大理石 as marble, and 大理 alone as the city', () => {
    assert.deepEqual(find('大厅的地面铺着白色大理石。'), []);
    assert.deepEqual(typed(find('我们下个月去大理旅游。')), ['大理/place']);
  });
  it('reads 中国内地 as 中国, as the training splits do', () => {
    assert.deepEqual(typed(find('这部电影在中国内地上映。')), ['中国/place']);
  });
});

describe('entities: facilities named after a place', () => {
  it('reads a place before a facility\'s last word as one place, whichever source read the place', () => {
    assert.deepEqual(typed(find('发布会在上海会议中心举行。')), ['上海会议中心/place']);
    assert.deepEqual(typed(find('他们在巴黎铁塔下合影。')), ['巴黎铁塔/place']);
    assert.deepEqual(typed(find('游客挤满了长沙步行街。')), ['长沙步行街/place']);
  });
});

describe('entities: the edges of places', () => {
  it('gives a city\'s government its unit: 某市|政府 names the city with its 市, as news sets write it', () => {
    assert.deepEqual(typed(find('记者从东营市政府获悉，工程已完工。')), ['东营市/place']);
    assert.deepEqual(typed(find('上海市民踊跃参加。')), ['上海/place']);
  });
  it('reads no abbreviated places inside a transliterated name: 范·德法特, 布鲁京斯', () => {
    assert.ok(find('球员范·德法特进球了。').every((m) => m.source !== 'abbreviation'));
    assert.ok(find('他在布鲁京斯学会工作。').every((m) => m.source !== 'abbreviation'));
    assert.deepEqual(typed(find('英法两国签署了协议。')), ['英/place', '法/place']);
  });
});
