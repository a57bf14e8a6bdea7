import * as assert from 'node:assert/strict';
import { type Attribution } from '../../src/core/claims/detect';
import { clearReasons, describeReasons, SAY } from '../../src/core/claims/reasons';
import { CUES, SCAN, countCues, findCue, findCueOnce } from '../../src/core/claims/cues';
import { isSpeechUse, speechVerbAt } from '../../src/core/claims/select';
import { endsWithEllipsis, endsWithMark, FEATURES, type FeatureName } from '../../src/core/claims/features';
import { sortByStrength, type Contribution } from '../../src/core/claims/score';
import type { EntityMention } from '../../src/core/entities/detect';
import type { Figure } from '../../src/core/figures/types';
import { msg, renderMessage, type Message } from '../../src/core/text/message';
import { rng } from '../support/anchorSimulation';

// The speed work (issue 19) made a claim's reasons once per (template, argument) and shared them
// between sentences; this compares them with the reasons as they were made before, per sentence,
// on random contributions, cues, figures, names and sources.

/** Deterministic (mulberry32), so that a failure can be replayed. */
const random = rng;

// the code before the shared reasons, verbatim
function firstDistinct(entities: readonly EntityMention[], n: number): string[] {
  const out: string[] = [];
  for (const e of entities) {
    if (out.length === n) break;
    if (!out.includes(e.canonical)) out.push(e.canonical);
  }
  return out;
}

function describeBefore(contributions: Contribution[], cues: Partial<Record<FeatureName, string>>, figures: Figure[], entities: EntityMention[], source: Attribution | undefined): Message[] {
  const out: Message[] = [];
  const amounts = figures.filter((f) => f.type !== 'date');
  let figuresSaid = false;
  let namesSaid = false;
  let sourceSaid = false;
  for (const { feature, effect } of contributions) {
    if (Math.abs(effect) < 0.25) continue;
    let text: Message | undefined;
    if (feature === 'figure' || feature === 'figures') {
      if (figuresSaid) continue;
      figuresSaid = true;
      text = amounts.length > 1 ? msg('states {0} figures', amounts.length) : msg('states a figure');
    } else if (feature === 'entity' || feature === 'entities') {
      if (namesSaid) continue;
      namesSaid = true;
      text = msg('names {0}', firstDistinct(entities, 3).join(', '));
    } else if (feature.startsWith('source') && source) {
      if (sourceSaid) continue;
      sourceSaid = true;
      const who = source.canonical ?? source.text;
      text = source.kind === 'document'
        ? msg('from a document ({0})', source.document ?? '')
        : source.kind === 'anonymous' ? msg('attributed to {0} (unnamed)', who) : msg('attributed to {0}', who);
    } else {
      const say = SAY[feature];
      text = say?.(cues[feature] ?? '');
    }
    if (text) out.push(effect > 0 ? text : msg('but {0}', text));
  }
  return out;
}

describe('claim reasons, made once and shared', () => {
  it('equal the reasons made per sentence, as messages and as text, on random inputs', () => {
    const next = random(19);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
    const words = ['或许', '据悉', '首次', '最大', '明年', '', '业内人士', '认为'];
    const names = ['阿里云', '张勇', '智谱', '36氪', '财报'];
    const types: Figure['type'][] = ['date', 'money', 'percent', 'count', 'rank'];
    for (let round = 0; round < 3000; round++) {
      // the bound: the shared reasons are emptied now and then, and made again
      if (round % 700 === 699) clearReasons();
      const contributions: Contribution[] = [];
      const cues: Partial<Record<FeatureName, string>> = {};
      for (let k = Math.floor(next() * 8); k > 0; k--) {
        const feature = pick(FEATURES);
        contributions.push({ feature, effect: (next() - 0.5) * 6 });
        if (next() < 0.8) cues[feature] = pick(words);
      }
      const figures = Array.from({ length: Math.floor(next() * 4) }, () => ({ type: pick(types) }) as Figure);
      const entities = Array.from({ length: Math.floor(next() * 6) }, () => ({ canonical: pick(names) }) as EntityMention);
      const r = next();
      const source: Attribution | undefined = r < 0.3 ? undefined : {
        text: pick(names),
        kind: r < 0.5 ? 'document' : r < 0.75 ? 'anonymous' : 'named',
        ...(next() < 0.5 ? { canonical: pick(names) } : {}),
        ...(next() < 0.5 ? { document: pick(names) } : {}),
      };
      const fails = next() < 0.1;
      const before = describeBefore(contributions, cues, figures, entities, source);
      if (fails) before.unshift(msg('its arithmetic does not hold'));
      const now = describeReasons(contributions, cues, figures, entities, source, fails);
      assert.deepEqual(now.messages, before, `round ${round}`);
      assert.deepEqual(now.texts, before.map((m) => renderMessage(m)), `round ${round}`);
      // what JSON.stringify writes of them (sidecar, CLI, hovers) too
      assert.equal(JSON.stringify(now.messages), JSON.stringify(before), `round ${round}`);
    }
  });
});

describe('claim features without per-sentence copies', () => {
  it('sortByStrength orders as the stable built-in sort by |effect|, ties kept in order', () => {
    const next = random(21);
    for (let round = 0; round < 3000; round++) {
      // few distinct sizes, both signs: many ties
      const list: Contribution[] = Array.from({ length: Math.floor(next() * 9) }, (_, k) => ({ feature: FEATURES[k]!, effect: (Math.floor(next() * 5) - 2) * 0.5 }));
      const expected = [...list].sort((x, y) => Math.abs(y.effect) - Math.abs(x.effect));
      sortByStrength(list);
      assert.deepEqual(list, expected, `round ${round}`);
    }
  });
});

describe('cue scans in reused slots', () => {
  it('findCue, findCueOnce and countCues equal a search of each cue, over texts that wrap the ring of recent ones', () => {
    const next = random(22);
    const lists = ['hedges', 'eventVerbs', 'editorial', 'evaluative', 'timeWords', 'forecasts'] as const;
    const words = lists.flatMap((l) => CUES[l].slice(0, 6));
    const pieces = [...words, '的', '，', '𠀀', '公司'];
    const texts = Array.from({ length: 7 }, () => Array.from({ length: 1 + Math.floor(next() * 12) }, () => pieces[Math.floor(next() * pieces.length)]!).join(''));
    for (let round = 0; round < 3000; round++) {
      const s = texts[Math.floor(next() * texts.length)]!;
      const list = lists[Math.floor(next() * lists.length)]!;
      // (another text asked about in between, as the features ask about a sentence and its words outside quotations)
      if (next() < 0.5) findCue(texts[Math.floor(next() * texts.length)]!, SCAN[list]);
      const first = CUES[list].find((w) => s.includes(w));
      assert.equal(findCue(s, SCAN[list]), first, `findCue ${list} ${s}`);
      assert.equal(findCueOnce(s, SCAN[list]), first, `findCueOnce ${list} ${s}`);
      assert.equal(countCues(s, SCAN[list]), CUES[list].filter((w) => s.includes(w)).length, `countCues ${list} ${s}`);
    }
  });
});

describe('speech verbs by their first character', () => {
  it('speechVerbAt equals a try of every verb at every character, on random strings', () => {
    // the code before the groups, verbatim
    const before = (s: string, from = 0, to = s.length): { at: number; verb: string } | undefined => {
      for (let i = from; i < to; i++) {
        for (const v of CUES.speechVerbs) {
          if (!s.startsWith(v, i)) continue;
          if (!isSpeechUse(s, i, v)) continue;
          return { at: i, verb: v };
        }
      }
      return undefined;
    };
    const next = random(23);
    // (the verbs' first characters alone, to read a verb's second character against what follows; lone surrogates at the ends)
    const pieces = [...CUES.speechVerbs, ...CUES.speechVerbs.map((v) => v[0]!), '未', '来', '明', '为', '，', '𠀀', '的', '透', '\ud840', '\udc00'];
    for (let round = 0; round < 6000; round++) {
      const s = Array.from({ length: Math.floor(next() * 10) }, () => pieces[Math.floor(next() * pieces.length)]!).join('');
      const from = Math.floor(next() * 4);
      const to = Math.min(s.length, from + Math.floor(next() * 30));
      assert.deepEqual(speechVerbAt(s, from, to), before(s, from, to), `${s} ${from} ${to}`);
    }
  });
});

describe('a unit’s end read by code', () => {
  it('endsWithMark and endsWithEllipsis answer as their end-anchored regexes, on random texts of marks, spaces, astral characters, lone surrogates, CRLF and BOM', () => {
    const next = random(24);
    const pieces = ['？', '?', '”', '」', '』', '…', '.', '..', '...', ' ', '\u3000', '\u00a0', '\r\n', '\t', '\ufeff', '\u200b', '\u2028', '阿', 'a', '𠀀', '😀', '\ud800', '\udc00'];
    for (let round = 0; round < 20_000; round++) {
      const s = Array.from({ length: Math.floor(next() * 8) }, () => pieces[Math.floor(next() * pieces.length)]!).join('');
      assert.equal(endsWithMark(s, '？?', '”」』'), /[？?][”」』]?\s*$/u.test(s), JSON.stringify(s));
      assert.equal(endsWithEllipsis(s), /(?:…|\.\.\.)[”」]?\s*$/u.test(s), JSON.stringify(s));
    }
  });
});
