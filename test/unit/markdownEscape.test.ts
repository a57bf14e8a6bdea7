import * as assert from 'node:assert/strict';
import { commandLinkMarkdown, encodeUriStrict, escapeMarkdown, orphanHoverMarkdown } from '../../src/extension/markdownEscape';

const HOSTILE = [
  '[click](http://evil.example/x)',
  '![tracker](http://evil.example/t.png)',
  '$(alert) $(loading~spin)',
  '<img src=x onerror=alert(1)>',
  '[run](command:gloss.teachEntity?%5B%7B%22type%22%3A%22company%22%7D%5D)',
  '**bold** `code` # heading\n- list',
  'line one\rline two\r\nline three\u2028four',
  'http://autolink.example',
];

/** Every character Markdown or VS Code could act on is escaped, and no line break is left. */
function inert(s: string): void {
  assert.doesNotMatch(s, /[\r\n\u2028\u2029]/, `a line break in ${JSON.stringify(s)}`);
  for (let i = 0; i < s.length; i++) {
    if ('[]()!$<>`*_#:'.includes(s[i]!)) assert.equal(s[i - 1], '\\', `unescaped ${s[i]} at ${i} in ${JSON.stringify(s)}`);
    if (s[i] === '\\') i++; // an escape and what it escapes
  }
}

describe('hovers are inert', () => {
  it('escapes links, images, HTML, theme icons ($(…)), command links and every line break, lone CR included', () => {
    for (const h of HOSTILE) inert(escapeMarkdown(h));
    assert.equal(escapeMarkdown('$(alert)'), '\\$\\(alert\\)');
    assert.equal(escapeMarkdown('a\rb'), 'a b');
  });

  it('percent-encodes every character outside the unreserved set in command URIs', () => {
    const raw = `org:阿里)云](http://x) !'()*~._-`;
    const encoded = encodeUriStrict(raw);
    assert.match(encoded, /^[A-Za-z0-9\-._~%]*$/);
    assert.equal(decodeURIComponent(encoded), raw);
  });

  it('a command link holding file text ends where it should', () => {
    const link = commandLinkMarkdown('gloss.showMentions', 'org:阿里)云](command:gloss.export?x)', 'Show mentions');
    const target = link.slice(link.indexOf('](') + 2);
    assert.equal(target.indexOf(')'), target.length - 1, link);
    assert.equal(JSON.parse(decodeURIComponent(target.slice('command:gloss.showMentions?'.length, -1)))[0], 'org:阿里)云](command:gloss.export?x)');
  });

  it("the orphan decoration's hover escapes the sidecar's quote and reason", () => {
    const md = orphanHoverMarkdown('claim', '![x](http://evil.example/t.png) $(alert)\r[a](command:gloss.export)', 'quote not found');
    inert(md.slice('Gloss: orphaned claim “'.length, md.lastIndexOf('”')));
  });
});
