import { describe, expect, it } from 'vitest';
import { FeedContentError, absolutiseHtml, urlsInHtml } from '../../src/lib/distribution/feed-content.ts';
import { XmlCharacterError, buildXml, escapeXmlText } from '../../src/lib/distribution/xml.ts';

const PAGE = 'https://dateline.example/articles/a-story/';

describe('absolutiseHtml', () => {
  it('resolves root-relative, relative and fragment links against the article URL', () => {
    const html = absolutiseHtml('<p><a href="/topics/x/">t</a> <a href="../b/">b</a> <a href="#note">n</a></p>', PAGE);
    expect(urlsInHtml(html)).toEqual(['https://dateline.example/topics/x/', 'https://dateline.example/articles/b/', 'https://dateline.example/articles/a-story/#note']);
  });

  it('resolves img src and every srcset candidate, keeping descriptors', () => {
    const html = absolutiseHtml('<img src="/m/a.png" srcset="/m/a.png 1x, /m/a@2x.png 2x" alt="a">', PAGE);
    expect(html).toBe('<img src="https://dateline.example/m/a.png" srcset="https://dateline.example/m/a.png 1x, https://dateline.example/m/a@2x.png 2x" alt="a">');
  });

  it('keeps absolute, mailto: and tel: URLs and cite attributes absolute', () => {
    const html = absolutiseHtml('<a href="https://example.org/x?a=1&amp;b=2">x</a><a href="mailto:news@example.org">m</a><blockquote cite="/source/">q</blockquote>', PAGE);
    expect(urlsInHtml(html)).toEqual(['https://example.org/x?a=1&b=2', 'mailto:news@example.org', 'https://dateline.example/source/']);
  });

  it('keeps text exact: entities stay escaped, UTF-8 stays literal', () => {
    expect(absolutiseHtml('<p>5 &lt; 6 &amp; “quoted” 日本 &lt;script&gt;</p>', PAGE)).toBe('<p>5 &lt; 6 &amp; “quoted” 日本 &lt;script&gt;</p>');
  });

  it('refuses an Astro image placeholder', () => {
    expect(() => absolutiseHtml('<img __ASTRO_IMAGE_="{}">', PAGE, 'src/content/articles/x.md')).toThrow(FeedContentError);
    expect(() => absolutiseHtml('<img __ASTRO_IMAGE_="{}">', PAGE, 'src/content/articles/x.md')).toThrow(/src\/content\/articles\/x\.md/);
  });
});

describe('escapeXmlText', () => {
  it('escapes &, <, > and quotes once, including text that looks like an entity', () => {
    expect(escapeXmlText(`AT&amp;T <b> "q" 'a'`)).toBe('AT&amp;amp;T &lt;b&gt; &quot;q&quot; &apos;a&apos;');
  });

  it('gives an empty string for empty text', () => {
    expect(escapeXmlText('')).toBe('');
  });
});

describe('buildXml', () => {
  it('keeps number-like text as written', () => {
    expect(buildXml({ a: '007' })).toBe('<a>007</a>');
  });

  it('refuses characters XML 1.0 forbids, naming the path', () => {
    expect(() => buildXml({ a: { b: 'x\u0000' } })).toThrow(XmlCharacterError);
    expect(() => buildXml({ a: { '@_c': '\uFFFE' } })).toThrow(/a\/@_c: U\+FFFE/);
  });

  it('accepts astral characters (surrogate pairs), tabs and newlines', () => {
    expect(buildXml({ a: '📰\t\n' })).toBe('<a>📰\t\n</a>');
  });
});
