import * as assert from 'node:assert/strict';
import { detectScript, toSimplifiedView } from '../../src/core/script/normalize';
import { childTimeout, runInChild } from './helpers';

describe('script normalisation', () => {
  it('converts Traditional to Simplified with offsets shared with the original', () => {
    const src = '阿里雲與通義千問';
    const { text } = toSimplifiedView(src);
    assert.equal(text, '阿里云与通义千问');
    assert.equal(text.length, src.length);
  });
  it('fixes wrong conversions seen in scraped text', () => {
    assert.equal(toSimplifiedView('阿裏雲爲什麽').text, '阿里云为什么');
  });
  it('leaves Simplified leftovers in Traditional text alone', () => {
    assert.equal(toSimplifiedView('阿里云並且张勇').text, '阿里云并且张勇');
  });
  it('keeps offsets for astral characters and Latin text', () => {
    const src = '𠀀張勇 OpenAI';
    const { text } = toSimplifiedView(src);
    assert.equal(text.length, src.length);
    assert.equal(text.slice(2, 4), '张勇');
  });
  it('tells the script of a text', () => {
    assert.equal(detectScript('阿里巴巴集團董事會主席兼首席執行官張勇表示，這個營收數字並不理想。'), 'traditional');
    assert.equal(detectScript('阿里巴巴集团董事会主席张勇表示'), 'simplified');
    assert.equal(detectScript('hello'), 'none');
  });
});

describe('normalize: ideographic description characters', () => {
  it('converts around a long run of them without the exponential time opencc-js takes', function () {
    // in a child process with a time limit: a hang must fail the test, not stall the suite
    this.timeout(childTimeout(20_000));
    const out = runInChild(`const { toSimplifiedView } = load('core/script/normalize');
      process.stdout.write(toSimplifiedView('⿰'.repeat(200) + '漢語⿱⿰' + '馬').text.slice(200));`, 20_000);
    assert.equal(out, '汉语⿱⿰马');
  });
});
