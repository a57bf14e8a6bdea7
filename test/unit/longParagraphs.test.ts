import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Analyzer } from '../../src/core/analysis/analyze';
import { isSpaceLike } from '../../src/core/text/chars';
import { MAX_PIECE, MIN_PIECE, piecesOf } from '../../src/core/text/longParagraphs';
import { ParagraphSplitter } from '../../src/core/text/paragraphSplitter';
import { splitParagraphs } from '../../src/core/text/paragraphs';

const corpus = join(__dirname, '../../../test/fixtures/corpus');
const fixture = readdirSync(corpus)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(corpus, f), 'utf8'))
  .join('\n');

/** The fixtures' lines, each copy made distinct (no paragraph cache serves a copy), as one line of about `length` units: a scraped article. */
function oneLine(length: number): string {
  let text = '';
  for (let copy = 0; text.length < length; copy++) text += fixture.replace(/\s*\n\s*/g, '').replace(/。/gu, `（${copy}）。`);
  return text;
}

function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 48271) % 2147483647) / 2147483647;
}

const data = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;

describe('long paragraphs are analysed in pieces', () => {
  it('cuts a long range into pieces of at most MAX_PIECE, at the first sentence end past MIN_PIECE, covering all but the spaces at the cuts', () => {
    const next = random(5);
    // sentences, commas only, no punctuation at all; astral characters, emoji, spaces, CRLF
    const alphabets = [['星河云', '收入', '增长', '。', '，', '𠀀', '😀', ' ', '”', '！'], ['星河云', '，', '𠀀', '\u00a0'], ['星', '𠀀', '😀', 'a']];
    for (let round = 0; round < 60; round++) {
      const alphabet = alphabets[round % alphabets.length]!;
      let text = '';
      const length = 2_000 + Math.floor(next() * 60_000);
      while (text.length < length) text += alphabet[Math.floor(next() * alphabet.length)];
      text = text.trim();
      const pieces = piecesOf(text, 0, text.length);
      if (text.length <= MAX_PIECE) assert.deepEqual(pieces, [{ start: 0, end: text.length }]);
      assert.equal(pieces[0]!.start, 0);
      assert.equal(pieces[pieces.length - 1]!.end, text.length);
      for (let k = 0; k < pieces.length; k++) {
        const p = pieces[k]!;
        assert.ok(p.end > p.start && p.end - p.start <= MAX_PIECE, `round ${round} piece ${k}: ${p.end - p.start} units`);
        const low = text.charCodeAt(p.start);
        assert.ok(!(low >= 0xdc00 && low <= 0xdfff), `round ${round} piece ${k} starts inside a surrogate pair`);
        if (k === 0) continue;
        const gap = text.slice(pieces[k - 1]!.end, p.start);
        assert.ok([...gap].every((c) => isSpaceLike(c.charCodeAt(0))), `round ${round}: ${JSON.stringify(gap)} between pieces`);
        const before = text.slice(pieces[k - 1]!.start, pieces[k - 1]!.end);
        // where a sentence end is in reach, the cut falls after one (and the closing marks after it)
        if (/[。！？!?]/u.test(before.slice(MIN_PIECE - 1))) assert.match(before, /[。！？!?][。！？!?…；;”」』》）)】’〉]*$/u, `round ${round} piece ${k - 1}`);
      }
    }
  });

  it('splits a one-line article into pieces of its own kind, and leaves a paragraph of MAX_PIECE or less whole', () => {
    const text = oneLine(60_000);
    const paragraphs = splitParagraphs(text);
    assert.ok(paragraphs.length >= Math.floor(text.length / MAX_PIECE), `${paragraphs.length} paragraphs`);
    for (const p of paragraphs) {
      assert.ok(p.end - p.start <= MAX_PIECE);
      // (the fixtures open with a byline, a credit paragraph of its own)
      if (p.end - p.start > 1024) assert.equal(p.kind, 'body');
      assert.equal(p.text, text.slice(p.start, p.end));
    }
    const sentences = '星河云的收入增长了18%。'.repeat(MAX_PIECE);
    assert.equal(splitParagraphs(sentences.slice(0, MAX_PIECE)).length, 1);
    assert.equal(splitParagraphs(sentences.slice(0, MAX_PIECE + 1)).length, 2);
    // a tag cloud as long: every piece is a tag cloud, as the whole line was (not body where a piece starts with a sentence)
    const cloud = Array.from({ length: 6_000 }, (_, k) => `标签${k}`).join(' ');
    const kinds = new Set(splitParagraphs(cloud).map((p) => p.kind));
    assert.deepEqual([...kinds], ['tagcloud']);
    assert.ok(splitParagraphs(cloud).length > 1);
  });

  it('splits a one-line article after random edits exactly as from scratch, re-describing only the pieces near the edit', () => {
    const splitter = new ParagraphSplitter();
    const next = random(17);
    const inserts = ['。', '，', '星河云', ' ', '\n', '文|', '”', '𠀀', '😀', '\r\n', '\ufeff'];
    let text = `文|记者 周海波。${oneLine(70_000)}`;
    splitter.split(text);
    let near = 0;
    for (let step = 0; step < 200; step++) {
      const at = Math.floor(next() * (text.length + 1));
      text = next() < 0.6 ? text.slice(0, at) + inserts[Math.floor(next() * inserts.length)] + text.slice(at) : text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * (next() < 0.05 ? 40_000 : 10)));
      const split = splitter.split(text);
      assert.deepEqual(data(split), data(splitParagraphs(text)), `step ${step}`);
      if (splitter.described <= 3) near++;
    }
    // (an edit that makes a line break re-splits the line; most edits touch a piece or two)
    assert.ok(near > 150, `${near} of 200 edits re-described 3 pieces or fewer`);
  });

  it('splits as from scratch where an edit changes the kind of a whole long line, a cut falls on a line break of a joined paragraph, or a long line decides whether the next joins it', () => {
    const same = (before: string, after: string, what: string) => {
      const splitter = new ParagraphSplitter();
      splitter.split(before);
      assert.deepEqual(data(splitter.split(after)), data(splitParagraphs(after)), what);
    };
    // a byline makes the whole line a credit: its last piece too (found by review: it kept its old kind)
    const body = `${'星河云的收入增长了，'.repeat(4000)}完。`;
    same(`文|${body}\n\n第二段。`, `${body}\n\n第二段。`, 'byline deleted');
    same(`${body}\n\n第二段。`, `文|${body}\n\n第二段。`, 'byline typed');
    // a cut exactly at a line end inside a paragraph joined over two lines: the piece after it starts a line, not a paragraph
    const text = `${'字'.repeat(MAX_PIECE)}\n相关${Array.from({ length: 6000 }, (_, i) => `《标题${i}》`).join('')}`;
    const at = MAX_PIECE + 1 + 20_000;
    same(text, `${text.slice(0, at)}新${text.slice(at)}`, 'edit past a cut at a line break');
    // a long line that stops mid-sentence takes the next line in, or not, by its kind as a whole
    const prose = `${Array.from({ length: 2500 }, (_, i) => `星河云第${i}季度的收入增长了${(i * 37) % 97}%。`).join('')}最后这句没有写完，`;
    same(`文|记者 周海波。${prose}\n第二行接着写完这句话。`, `记者 周海波。${prose}\n第二行接着写完这句话。`, 'byline of a long line deleted');
  });

  it('analyses a one-line article a piece per step, and after an edit in it only the pieces near the edit, as a fresh analysis would', function () {
    this.timeout(120_000);
    const text = oneLine(120_000);
    const analyzer = new Analyzer();
    let steps = 0;
    for (const _ of analyzer.analyzeAhead(text, { document: 'one.txt' })) steps++;
    // (a step is about 2,000 units of paragraphs: a piece takes one of its own)
    const pieces = splitParagraphs(text).filter((p) => p.end - p.start > 2048).length;
    assert.ok(steps >= pieces && pieces >= 120_000 / MAX_PIECE, `${steps} steps for ${pieces} pieces`);
    analyzer.analyze(text, { document: 'one.txt' });
    const next = random(23);
    let edited = text;
    for (let step = 0; step < 20; step++) {
      const at = edited.indexOf('。', Math.floor(next() * edited.length));
      if (at < 0) continue;
      edited = `${edited.slice(0, at)}，星河云的收入增长了18%${edited.slice(at)}`;
      const before = analyzer.freshParagraphs;
      const incremental = analyzer.analyze(edited, { document: 'one.txt' });
      assert.ok(analyzer.freshParagraphs - before <= 3, `step ${step}: ${analyzer.freshParagraphs - before} pieces analysed afresh`);
      assert.deepEqual(data(incremental), data(new Analyzer().analyze(edited)), `step ${step}`);
    }
  });
});
