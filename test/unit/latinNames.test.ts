import * as assert from 'node:assert/strict';
import { CandidateSink, Priority, type DetectContext } from '../../src/core/entities/candidates';
import { builtinLexicon, type EntityType, type Lexicon } from '../../src/core/entities/lexicon';
import { LATIN_STOP, PRODUCT_CUES_BEFORE } from '../../src/core/entities/kinds';
import { lowerCase } from '../../src/core/entities/lowerCase';
import { isCamelCase, isVersionedName, latinNames } from '../../src/core/entities/sources/latin';
import { isLatinWordChar } from '../../src/core/entities/textAt';

// latinNames as it was written with regular expressions (before the tests by unit): the reference
const DOMAIN_NAME = /^[A-Z][A-Za-z0-9-]+\.(?:ai|io|com)$/;
const MODEL_CODE = /^[A-Za-z]{1,2}[0-9]{1,3}$/;
const VERSIONED = /^([A-Za-z]{3,})-?([0-9]+(?:\.[0-9]+)?[a-z]?)$/;

function knownLatinProduct(lexicon: Lexicon, name: string): string | undefined {
  const form = name.toLowerCase();
  const hit = lexicon.match(form, 0);
  if (!hit || hit.length !== form.length || hit.entry.type !== 'product' || hit.short) return undefined;
  return [hit.entry.canonical, ...hit.entry.aliases].find((a) => a.toLowerCase() === form);
}

function referenceLatinNames({ norm, lexicon }: DetectContext, sink: CandidateSink): void {
  for (let i = 0; i < norm.length; i++) {
    if (!/[A-Za-z]/.test(norm[i]!) || isLatinWordChar(norm.charCodeAt(i - 1))) continue;
    let e = i;
    while (e < norm.length && (isLatinWordChar(norm.charCodeAt(e)) || ((norm[e] === '-' || norm[e] === '.') && isLatinWordChar(norm.charCodeAt(e + 1))))) e++;
    const word = norm.slice(i, e);
    const camel = /^[A-Z][a-z0-9]*[A-Z]/.test(word) && /[a-z]/.test(word);
    const versioned = /^[A-Z][A-Za-z]+-?[0-9]/.test(word) && !/^Q[0-9]/.test(word);
    if (((camel && word.length >= 4) || versioned) && !LATIN_STOP.has(word.toLowerCase()) && word.length >= 3) {
      const after = norm.slice(e, e + 3);
      const product = /[0-9]/.test(word) || after.startsWith('模型') || after.startsWith('大模型') || PRODUCT_CUES_BEFORE.some((cue) => norm.endsWith(cue, i));
      const type: EntityType = product ? 'product' : 'org';
      sink.add(i, e, type, 'latin', Priority.LatinShape);
    } else if (!LATIN_STOP.has(word.toLowerCase())) {
      if (DOMAIN_NAME.test(word)) sink.add(i, e, 'org', 'latin', Priority.LatinShape);
      else if (MODEL_CODE.test(word) && !/^Q[0-9]/i.test(word)) {
        if (norm.startsWith('模型', e) || norm.startsWith('大模型', e)) sink.add(i, e, 'product', 'latin', Priority.LatinShape);
      } else {
        const version = VERSIONED.exec(word);
        const family = version ? knownLatinProduct(lexicon, version[1]!) : undefined;
        if (family) sink.add(i, e, 'product', 'latin', Priority.LatinShape, { canonical: `${family}${word.slice(version![1]!.length)}` });
        else if (/^[A-Z][A-Za-z]+$|^[A-Z]{2,5}$/.test(word) && word.length >= 2 && PRODUCT_CUES_BEFORE.some((cue) => norm.endsWith(cue, i))) {
          sink.add(i, e, 'product', 'latin', Priority.LatinShape);
        }
      }
    }
    i = Math.max(i, e - 1);
  }
}

/** A small deterministic generator (no Math.random: a failure must be the same on every run). */
function generator(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

const found = (sink: CandidateSink) => sink.all.map((c) => `${c.start}-${c.end} ${c.type} ${c.canonical} ${c.entityId}`);

describe('entities: Latin names by their shape, tested by unit', () => {
  it('isCamelCase and isVersionedName answer as their regular expressions on every short word', () => {
    const units = ['A', 'Q', 'Z', 'a', 'q', 'z', '0', '9', '-', '.', 'G', 'p'];
    let words = 0;
    const all = (prefix: string, depth: number): void => {
      words++;
      assert.equal(isCamelCase(prefix), /^[A-Z][a-z0-9]*[A-Z]/.test(prefix) && /[a-z]/.test(prefix), prefix);
      assert.equal(isVersionedName(prefix), /^[A-Z][A-Za-z]+-?[0-9]/.test(prefix) && !/^Q[0-9]/.test(prefix), prefix);
      if (depth > 0) for (const u of units) all(prefix + u, depth - 1);
    };
    all('', 5);
    assert.ok(words > 200_000);
  });

  it('proposes what the regular expressions proposed, on random texts of Latin words, cues, marks and hostile units', () => {
    const lexicon = builtinLexicon();
    const pieces = ['A', 'I', 'Q', 'G', 'P', 'T', 'a', 'i', 'o', 'q', 'w', 'e', 'n', 'Open', 'AI', 'Chat', 'GPT', 'Deep', 'Seek', 'qwen', 'Llama', 'Kimi', 'CEO', 'ai', 'io', 'com',
      '0', '1', '3', '5', '.', '-', '–', ' ', '模型', '大模型', '产品', '平台', '芯片', '机器学习', '的', '，', '。', '𠀀', '😀', '\ud800', '\udc00', '\r\n', '\ufeff', 'Ａ', 'ａ', 'İ', 'ſ', 'K'];
    const next = generator(19);
    let compared = 0;
    let proposed = 0;
    for (let t = 0; t < 20_000; t++) {
      let text = '';
      const n = 1 + next(14);
      for (let k = 0; k < n; k++) text += pieces[next(pieces.length)]!;
      const ctx: DetectContext = { text, norm: text, form: lowerCase(text), lexicon, words: undefined };
      const a = new CandidateSink(ctx);
      const b = new CandidateSink(ctx);
      referenceLatinNames(ctx, a);
      latinNames(ctx, b);
      assert.deepEqual(found(b), found(a), JSON.stringify(text));
      compared++;
      proposed += a.all.length;
    }
    assert.equal(compared, 20_000);
    assert.ok(proposed > 1_000, `only ${proposed} proposals: the texts do not reach the rules`);
  });

  it('still reads the shapes it was written for', () => {
    const lexicon = builtinLexicon();
    const text = '产品Glow与OpenAI的GPT-3.5、Superfocus.ai和R1模型，还有CEO与AI';
    const ctx: DetectContext = { text, norm: text, form: lowerCase(text), lexicon, words: undefined };
    const sink = new CandidateSink(ctx);
    latinNames(ctx, sink);
    assert.deepEqual(sink.all.map((c) => `${text.slice(c.start, c.end)} ${c.type}`), ['Glow product', 'OpenAI org', 'GPT-3.5 product', 'Superfocus.ai org', 'R1 product']);
  });
});
