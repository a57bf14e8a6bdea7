import * as assert from 'node:assert/strict';
import { Analyzer } from '../../src/core/analysis/analyze';

// Sentences written for these tests (never the seeds' or the benchmarks' text).
const marked = (text: string) => new Analyzer().analyze(text).entities.map((m) => `${m.text}/${m.type}`);

describe('entities: persons the tagger proposes, II', () => {
  it('never reads a saying of two names side by side as a person (张冠李戴)', () => {
    for (const t of ['名字弄错了，真是张冠李戴的笑话。', '不能张冠李戴，把功劳算到别人头上。']) {
      assert.ok(!marked(t).some((m) => m.endsWith('/person')), `${t}: ${marked(t).join(' ')}`);
    }
  });
  it('never reads a doubled adverb as a name or a part of one (徐徐, data/nameEdges.json)', () => {
    for (const t of ['幕布徐徐拉开，演出开始。', '大门徐徐打开了。']) {
      assert.ok(!marked(t).some((m) => m.endsWith('/person')), `${t}: ${marked(t).join(' ')}`);
    }
  });
  it('ends a transliterated name before an adverb glued to it (刚, 连)', () => {
    assert.ok(marked('伤愈复出的前锋马丁内斯连扳两球。').includes('马丁内斯/person'));
    assert.ok(marked('克林顿刚上任时，阿肯色州的经济水平不高。').includes('克林顿/person'));
  });
  it('reads a country before a foreign name as a place and a person (智利|萨拉斯), not one name', () => {
    const m = marked('本场有三名队员进球：智利萨拉斯，巴拉圭卡多佐。');
    assert.ok(m.includes('智利/place') && m.includes('萨拉斯/person'), m.join(' '));
  });
  it('reads a transliterated name right after a role as a person, not a place (主席|阿加尼亚)', () => {
    const m = marked('该党主席阿加尼亚当选。');
    assert.ok(m.includes('阿加尼亚/person') && !m.includes('阿加尼亚/place'), m.join(' '));
  });
  it('leaves a preposition glued before a building out of its name, and a bare building unmarked (向|纪念馆)', () => {
    const m = marked('观众飞速向纪念馆靠拢。');
    assert.ok(!m.some((x) => x.endsWith('/place')), m.join(' '));
  });
});
