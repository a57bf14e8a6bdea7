import * as assert from 'node:assert/strict';
import { Analyzer } from '../../src/core/analysis/analyze';
import { describeFigure, describeFigureMessage } from '../../src/core/figures/format';
import { buildQueue } from '../../src/core/review/queue';
import { buildReview } from '../../src/core/review/items';
import { msg, msgAs, renderMessage, translationKey, type Message } from '../../src/core/text/message';

// our own text: a growth rate that does not follow from its figures, and a relative date with no article date
const TEXT = '据远望咨询统计，星河云的收入从2023年的1200亿元增长到2024年的1500亿元，增幅为20%。\n星河云去年8月发布的财报显示，其海外收入约为80亿元。\n';

/** A "translation" that keeps only the placeholders of each template: what is left is what the arguments say. */
const placeholdersOnly = (m: Message) => (m.key.match(/\{\d+\}/g) ?? []).join(' ');

describe('messages: the core explains itself as data, the adapter translates', () => {
  it('renders templates with plain, nested and listed arguments, and keys a comment as VS Code does', () => {
    const m = msg('{0}, {1}; {2}', 'a', msg('stated {0}', 20), [msg('x {0}', 1), 'y']);
    assert.equal(renderMessage(m), 'a, stated 20; x 1; y');
    assert.equal(renderMessage(m, (t) => (t.key === 'stated {0}' ? '文中为 {0}' : t.key), '；'), 'a, 文中为 20; x 1；y');
    assert.equal(translationKey(msgAs('why it is queued', 'entity')), 'entity/why it is queued');
    assert.equal(renderMessage(msgAs('why it is queued', 'entity')), 'entity');
  });

  it('the working, reasons, figure readings, assumptions and queue reasons are messages whose English is the strings the CLI prints', () => {
    const analysis = new Analyzer().analyze(TEXT);
    const claim = analysis.claims.find((c) => c.checks.length)!;
    assert.ok(claim, 'the fixture has a checked claim');
    const check = claim.checks[0]!;
    assert.equal(check.verdict, 'does not hold');
    assert.equal(renderMessage(check.workingMessage), check.working);
    assert.match(check.working, /= 25%, stated 20%; rounding allows/);
    assert.deepEqual(claim.reasonMessages.map((m) => renderMessage(m)), claim.reasons);
    assert.equal(claim.reasons[0], 'its arithmetic does not hold');
    const relative = analysis.figures.find((f) => f.text === '去年8月')!;
    assert.ok(relative.assumptionMessage && renderMessage(relative.assumptionMessage) === relative.assumption);
    for (const f of analysis.figures) assert.equal(renderMessage(describeFigureMessage(f)), describeFigure(f));
    const queue = buildQueue(analysis, buildReview(analysis, undefined), { entities: 'all', figures: 'all' });
    assert.ok(queue.entries.length);
    for (const e of queue.entries) assert.equal(renderMessage(e.whyMessage), e.why);
  });

  it('no English word of an explanation is outside a template (what a translation replaces)', () => {
    const analysis = new Analyzer().analyze(TEXT);
    const said: string[] = [];
    for (const c of analysis.claims) {
      said.push(...c.reasonMessages.map((m) => renderMessage(m, placeholdersOnly)));
      for (const k of c.checks) said.push(renderMessage(k.workingMessage, placeholdersOnly), renderMessage(k.assumptionMessage ?? msg(''), placeholdersOnly));
    }
    for (const f of analysis.figures) said.push(renderMessage(describeFigureMessage(f), placeholdersOnly));
    const queue = buildQueue(analysis, buildReview(analysis, undefined), { entities: 'all', figures: 'all' });
    for (const e of queue.entries) said.push(renderMessage(e.whyMessage, placeholdersOnly));
    // what is left: figures as written, formulas, currency codes; never an English word
    const english = said.filter((s) => /[a-z]{3,}/i.test(s.replace(/\b(?:CNY|USD)\b/g, '')));
    assert.deepEqual(english, []);
  });
});
