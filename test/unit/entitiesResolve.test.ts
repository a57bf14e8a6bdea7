import * as assert from 'node:assert/strict';
import { Analyzer } from '../../src/core/analysis/analyze';
import { Priority, type Candidate, type EntitySource } from '../../src/core/entities/candidates';
import type { EntityType } from '../../src/core/entities/lexicon';
import { resolveOverlaps } from '../../src/core/entities/resolve';

// Sentences written for these tests (never the seeds' text).
const find = (text: string) => new Analyzer().analyze(text).entities;
const marked = (text: string) => find(text).map((m) => `${m.text}/${m.type}`);

/** A candidate over `text` at [start, end), as a source proposes it. */
function candidate(text: string, start: number, end: number, type: EntityType, source: EntitySource): Candidate {
  const priority = source === 'model' ? Priority.Tagger : source === 'abbreviation' ? Priority.Abbreviation : Priority.Known;
  const canonical = text.slice(start, end);
  return { start, end, text: canonical, type, canonical, entityId: `${type}:${canonical}`, source, priority };
}
const kept = (_text: string, all: Candidate[]) => resolveOverlaps(all).map((m) => `${m.text}/${m.type}`);

describe('entities: a known organisation inside a longer one the tagger read', () => {
  it('gives way to the name with its country, its body or its unit (through the whole pipeline)', () => {
    assert.deepEqual(marked('日本外交部今天宣布了这一决定。'), ['日本外交部/org']);
    assert.deepEqual(marked('他曾在中科院高能物理所工作多年。'), ['中科院高能物理所/org']);
    assert.deepEqual(marked('人民解放军某部在当地参加救灾。'), ['人民解放军/org']);
  });
  it('gives way to a session before it and a numbered congress after it', () => {
    const t = '第六届全国人大开幕。';
    assert.deepEqual(kept(t, [candidate(t, 0, 7, 'org', 'model'), candidate(t, 3, 7, 'org', 'lexicon')]), ['第六届全国人大/org']);
    const u = '中共十五大召开。';
    assert.deepEqual(kept(u, [candidate(u, 0, 5, 'org', 'model'), candidate(u, 0, 2, 'org', 'lexicon')]), ['中共十五大/org']);
  });
  it('takes one character before it only where it is a place (菲, not a verb)', () => {
    const t = '菲农业部称';
    assert.deepEqual(kept(t, [candidate(t, 0, 4, 'org', 'model'), candidate(t, 0, 1, 'place', 'lexicon'), candidate(t, 1, 4, 'org', 'lexicon')]), ['菲农业部/org']);
    const u = '指农业部的';
    assert.deepEqual(kept(u, [candidate(u, 0, 4, 'org', 'model'), candidate(u, 1, 4, 'org', 'lexicon')]), ['农业部/org']);
  });
  it('keeps the known name where the longer reading runs into a department, a gate, a board or a report', () => {
    for (const [t, known] of [['公安部门', 3], ['北大门', 2], ['某某集团董事会', 4], ['某某财报', 2]] as const) {
      assert.deepEqual(kept(t, [candidate(t, 0, t.length, 'org', 'model'), candidate(t, 0, known, 'org', 'lexicon')]), [`${t.slice(0, known)}/org`], t);
    }
  });
});

describe('entities: a known place inside a person the tagger read', () => {
  it('gives way to the person', () => {
    assert.deepEqual(marked('李长春在会上讲话。'), ['李长春/person']);
    const t = '罗马里奥进球';
    assert.deepEqual(kept(t, [candidate(t, 0, 4, 'person', 'model'), candidate(t, 0, 2, 'place', 'lexicon')]), ['罗马里奥/person']);
  });
});

describe('entities: kinds of body and days of the week are not names', () => {
  it('does not mark a kind of body the tagger reads alone as an organisation (data/genericBodies.json)', () => {
    assert.deepEqual(marked('在协会工作的会员都很积极。'), []);
    assert.deepEqual(marked('办事处主任安排了会议。'), []);
    assert.deepEqual(marked('联军曾一度想夺回城市。'), []);
  });
  it('does not read a day of the week as a person, after a role or from the tagger', () => {
    assert.deepEqual(marked('德国外交部发言人周三表示，会谈将在下月举行。'), ['德国外交部/org']);
    assert.deepEqual(marked('发言人周四说，谈判仍在进行。'), []);
  });
});

describe('entities: the edges of a person the tagger read', () => {
  it('splits two names the tagger read as one (a byline of two reporters)', () => {
    assert.deepEqual(marked('本报讯（记者王丽李强）市里将新建三所学校。'), ['王丽/person', '李强/person']);
  });
  it('does not split what the dictionary knows whole (a saying it lists), nor reads it as a person', () => {
    assert.deepEqual(marked('名字弄错了，真是张冠李戴的笑话。'), []);
  });
  it('ends a name before a verb of authorship or an adverb glued to it', () => {
    assert.deepEqual(marked('赵明宇著的《城市的新面貌》一书出版了。').slice(0, 1), ['赵明宇/person']);
    assert.deepEqual(marked('韦伯更认为，城市是中心。'), ['韦伯/person']);
  });
  it('begins a name after a verb the tagger glued before it', () => {
    assert.deepEqual(marked('采访结束时，记者问拉埃是否喜欢这份工作。'), ['拉埃/person']);
  });
  it('leaves a middle dot at its edge out of a name', () => {
    assert.deepEqual(marked('演出结束后，米拉·'), ['米拉/person']);
  });
  it('reads a foreign name after 球队 as the team', () => {
    assert.deepEqual(marked('这支中游球队卡斯特拉诺连胜三场。'), ['卡斯特拉诺/org']);
  });
});

describe('entities: a known place inside a longer place the tagger read', () => {
  it('gives way where the longer place adds a unit after it or a direction before it', () => {
    for (const [t, from, to] of [['莫斯科市', 0, 3], ['爱沙尼亚共和国', 0, 4], ['北京站', 0, 2], ['东马来西亚', 1, 5]] as const) {
      assert.deepEqual(kept(t, [candidate(t, 0, t.length, 'place', 'model'), candidate(t, from, to, 'place', 'lexicon')]), [`${t}/place`], t);
    }
  });
  it('keeps the known place where the longer reading adds anything else, or a second unit', () => {
    for (const [t, to] of [['北京人', 2], ['台北市市', 3], ['巴黎圣母', 2]] as const) {
      assert.deepEqual(kept(t, [candidate(t, 0, t.length, 'place', 'model'), candidate(t, 0, to, 'place', 'lexicon')]), [`${t.slice(0, to)}/place`], t);
    }
  });
});

describe('entities: a known place right after a known place', () => {
  it('is the next part of an address, though the dictionary lists the two as one word', () => {
    assert.deepEqual(marked('她去年去了英国伦敦读书。'), ['英国/place', '伦敦/place']);
  });
});

describe('entities: a place the tagger read that begins with a known place', () => {
  it('holds a second place after the known one (安徽|巢湖, read as one place)', () => {
    assert.deepEqual(marked('安徽巢湖地区有一位老人。'), ['安徽/place', '巢湖/place']);
  });
});

describe('entities: a rule\'s organisation that loses to the tagger\'s', () => {
  it('takes no place inside it down with it', () => {
    const t = '访韩国原某某集团';
    // the suffix rule read from the verb on; the tagger's organisation begins inside it and wins
    const suffix = { ...candidate(t, 0, 8, 'org', 'suffix'), priority: Priority.Pattern };
    assert.deepEqual(kept(t, [suffix, candidate(t, 1, 3, 'place', 'lexicon'), candidate(t, 4, 8, 'org', 'model')]), ['韩国/place', '某某集团/org']);
  });
  it('still takes a place inside a rule\'s organisation that wins', () => {
    const t = '北京某某研究院';
    const suffix = { ...candidate(t, 0, 7, 'org', 'suffix'), priority: Priority.Pattern };
    assert.deepEqual(kept(t, [suffix, candidate(t, 0, 2, 'place', 'lexicon')]), ['北京某某研究院/org']);
  });
});

describe('entities: a place and the administrative unit after it', () => {
  it('takes in the unit the tagger left out', () => {
    assert.deepEqual(marked('新规给东城区带来了变化。'), ['东城区/place']);
  });
  it('leaves out a unit that begins a word, in the tagger\'s place and in a known one', () => {
    assert.deepEqual(marked('他是兴国县城的居民。'), ['兴国/place']);
    assert.deepEqual(marked('上海市区的房价又涨了。'), ['上海/place']);
  });
});

describe('entities: a place\'s name as a side in a match', () => {
  it('is an organisation right after what a side does and before a mark', () => {
    assert.deepEqual(marked('主队上周战胜巴塞罗那。'), ['巴塞罗那/org']);
    assert.deepEqual(marked('这支球队昨晚轻取冰岛，晋级半决赛。'), ['冰岛/org']);
  });
  it('stays a place before a word (a player from there)', () => {
    assert.deepEqual(marked('她在决赛中战胜巴西的选手。'), ['巴西/place']);
  });
});
