import * as assert from 'node:assert/strict';
import { Analyzer } from '../../src/core/analysis/analyze';
import { detectEntities, detectEntitiesBatch } from '../../src/core/entities/detect';
import { builtinLexicon } from '../../src/core/entities/lexicon';
import { toSimplifiedView } from '../../src/core/script/normalize';

const lex = builtinLexicon();
// our own sentences: known names, rule names, a tagger name, Traditional script, a link, an alias in parentheses
const TEXTS = [
  '智远科技创始人李慕白表示，公司将在上海设立研发中心。',
  '',
  '分析師周明認為，騰訊與阿里巴巴的競爭仍在繼續。',
  'NovaMind发布了Orion-2模型，详见 https://example.com/NovaMind 。',
  '星河数据股份有限公司（以下简称“星河数据”）今天宣布，中美两国的客户都在增长。',
  '创始人约翰·史密斯称，推出了大模型“星河问答”。',
];

describe('entities: a batch of texts (detectEntitiesBatch)', () => {
  it('finds in each text what detectEntities finds in it alone, with or without the tagger and the views', () => {
    const views = TEXTS.map((t) => toSimplifiedView(t).text);
    for (const model of [true, false]) {
      const alone = TEXTS.map((t) => detectEntities(t, lex, { model }));
      assert.ok(alone.filter((ms) => ms.length).length >= 4, 'the sentences hold names');
      assert.deepEqual(detectEntitiesBatch(TEXTS, lex, undefined, model), alone);
      assert.deepEqual(detectEntitiesBatch(TEXTS, lex, views, model), alone);
      assert.deepEqual(detectEntitiesBatch([...TEXTS].reverse(), lex, [...views].reverse(), model), [...alone].reverse());
    }
    assert.deepEqual(detectEntitiesBatch([], lex), []);
  });

  it('gives each paragraph of an analysed article its own mentions, past credit lines that have none', () => {
    const paragraphs = ['智远科技创始人李慕白表示，公司将扩大规模。', '文|张三', '分析师周明认为，市场仍在增长。', '来源：星河日报', '创始人约翰·史密斯称，今年会更好。'];
    const text = paragraphs.join('\n\n');
    const names = new Analyzer().analyze(text).entities.map((m) => `${m.text}@${m.start}`);
    const expected: string[] = [];
    let at = 0;
    for (const p of paragraphs) {
      if (!/^(文|来源)/.test(p)) for (const m of detectEntities(p, lex)) if (m.type === 'person') expected.push(`${m.text}@${at + m.start}`);
      at += p.length + 2;
    }
    assert.deepEqual(expected.map((e) => e.split('@')[0]), ['李慕白', '周明', '约翰·史密斯']);
    for (const e of expected) assert.ok(names.includes(e), `${e} in ${names.join(', ')}`);
  });
});
