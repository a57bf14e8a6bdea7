import * as assert from 'node:assert/strict';
import { findAbbreviatedPlaces } from '../../src/core/entities/abbreviations';
import { nerWordDictionary } from '../../src/core/entities/nerModel';

/** What findAbbreviatedPlaces gave on main (96d142b), when it looked its tables up by one-character strings. */
const BEFORE: Array<[string, object[]]> = [
  ["他先后访华、访美。", [{"start": 4, "full": "中国"}, {"start": 7, "full": "美国"}]],
  ["英、法两国代表出席。", [{"start": 0, "full": "英国"}, {"start": 2, "full": "法国"}]],
  ["京沪高铁今天开通。", [{"start": 0, "full": "京沪高铁", "length": 4}]],
  ["中美关系持续发展。", [{"start": 0, "full": "中国"}, {"start": 1, "full": "美国"}]],
  ["中缅边界一带。", [{"start": 0, "full": "中国"}, {"start": 1, "full": "缅甸"}]],
  ["中方表示欢迎。", [{"start": 0, "full": "中国"}]],
  ["非方表示欢迎。", []],
  ["美方回应称。", [{"start": 0, "full": "美国"}]],
  ["13日印度宣布。", []],
  ["欧美市场需求。", []],
  ["球员范·德法特进球了。", []],
  ["中加１９７０年建交。", [{"start": 0, "full": "中国"}, {"start": 1, "full": "加拿大"}]],
  ["赣、粤、闽、湘四省联合。", [{"start": 0, "full": "江西"}, {"start": 2, "full": "广东"}, {"start": 4, "full": "福建"}, {"start": 6, "full": "湖南"}]],
  ["他来京参加会议。", [{"start": 2, "full": "北京"}]],
  ["美日韩三国会谈。", []],
  ["中智合作项目。", [{"start": 0, "full": "中国"}, {"start": 1, "full": "智利"}]],
  ["中西合作项目。", [{"start": 0, "full": "中国"}, {"start": 1, "full": "西班牙"}]],
  ["对美国队的比赛。", []],
  // a verb or 中 at the text's end, or before a lone surrogate (looked up by unit since)
  ["他们都在", []],
  ["他访华", [{"start": 2, "full": "中国"}]],
  ["中", []],
  ["在\ud800华", []],
  ["中\udc00方", []],
  ["\ud840\udc00访美", [{"start": 3, "full": "美国"}]],
];

describe('abbreviated places read by UTF-16 unit', () => {
  it('finds what it found by character: lists, routes, runs, partners, sides, verbs', () => {
    const words = nerWordDictionary();
    assert.ok(words, 'the word dictionary loads');
    for (const [text, want] of BEFORE) assert.deepEqual(JSON.parse(JSON.stringify(findAbbreviatedPlaces(text, words))), want, text);
  });
});
