import * as assert from 'node:assert/strict';
import { interviewIn, interviewInPlain } from '../../src/core/claims/attribution';
import { mayOpenSourceNote, SOURCE_NOTE_PATTERN } from '../../src/core/claims/select';
import { randomText, rng } from '../support/anchorSimulation';

// The claims stage's gates and bounded searches of issue 19 against the plain search they stand
// for, on random text over alphabets that reach every branch (long subjects of astral letters
// before 接受, lone surrogates, the words that open a source note).

describe('claims stage: searches started where a match can start', () => {
  it('interviewIn (from 49 units before the first 接受 with 采访, 访谈 or 专访 within reach, if any) finds what INTERVIEWED finds from the start', () => {
    const next = rng(9187);
    // astral letters make the longest subjects (24 code points, 48 units); lone halves; what stops a subject
    // (a stop now and then: the subjects that reach 24 code points back, past 49 units, are the cases that tell)
    const before = ['甲', '𠀀', '𠀀', '𠀀', '在', '\ud840', '\udc00', '甲', '𠀀', '在', '采', '甲', '𠀀', '，', '。', '；', ',', '接受'];
    const between = ['记者', '甲', '，', '。', '𠀀', '接受', '在'];
    const after = ['采访', '访谈', '专访', '采', '。'];
    let matched = 0;
    let far = 0;
    let reach = 0;
    for (let round = 0; round < 6000; round++) {
      // (half of them with a run of astral letters, and 在, just before 接受: the farthest a match can start, 49 units before)
      const run = next() < 0.5 ? '𠀀'.repeat(Math.floor(next() * 30)) + (next() < 0.5 ? '在' : '') : '';
      // (and half with a run of astral letters after it: the farthest its word can stand, 34 units after it)
      const mid = next() < 0.5 ? '𠀀'.repeat(Math.floor(next() * 19)) : randomText(next, between, Math.floor(next() * 6));
      const s = randomText(next, before, Math.floor(next() * 40)) + run + '接受' + mid + randomText(next, after, 1 + Math.floor(next() * 2)) + randomText(next, before, Math.floor(next() * 4));
      const plain = interviewInPlain(s);
      const fast = interviewIn(s, s.indexOf('接受'));
      assert.deepEqual(fast && [fast.index, fast[0], fast[1]], plain && [plain.index, plain[0], plain[1]], JSON.stringify(s));
      if (plain) matched++;
      if (plain && s.indexOf('接受') - plain.index === 49) far++;
      if (plain && plain[0].length - plain[0].lastIndexOf('接受') === 36) reach++;
    }
    assert.ok(matched > 1000 && far > 10 && reach > 10, `only ${matched} matches, ${far} starting 49 units before the first 接受, ${reach} with 34 units from 接受 to the word`);
  });

  it('mayOpenSourceNote holds wherever SOURCE_NOTE matches', () => {
    const next = rng(9199);
    const pieces = ['这', '此', '以上', '上述', '以', '上', '是', '为', '系', '则是', '某报', '从知情人士处', '获悉', '报道', '透露', '的', '消息', '。', '！', '，', '甲', ' '];
    let matched = 0;
    for (let round = 0; round < 20000; round++) {
      const s = randomText(next, pieces, 1 + Math.floor(next() * 6));
      const plain = SOURCE_NOTE_PATTERN.test(s);
      if (plain) matched++;
      assert.ok(!plain || mayOpenSourceNote(s), JSON.stringify(s));
    }
    assert.ok(matched > 200, `only ${matched} matches`);
  });
});
