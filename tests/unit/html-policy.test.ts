import { describe, expect, it } from 'vitest';
import { checkElement, urlScheme, isExternalHref, articleLinkTarget, isSchemeRelative } from '../../src/lib/body/html-policy.ts';

describe('checkElement', () => {
  it('allows tables, abbr, sup/sub and figures with their attributes', () => {
    expect(checkElement('abbr', { title: 'Transport Department' })).toEqual([]);
    expect(checkElement('td', { colspan: '2' })).toEqual([]);
    expect(checkElement('figure', {})).toEqual([]);
    expect(checkElement('img', { src: 'https://example.org/a.jpg', alt: 'A ferry', width: '400', height: '300' })).toEqual([]);
  });
  it.each(['script', 'style', 'iframe', 'object', 'embed', 'form', 'link', 'meta', 'base'])('removes <%s> entirely', (tag) => {
    const [v] = checkElement(tag, {});
    expect(v?.scope).toBe('element');
    expect(v?.message).toContain(`<${tag}> is not allowed`);
  });
  it('refuses an h1 in a body and says to use ##', () => {
    expect(checkElement('h1', {})[0]?.message).toMatch(/only h1.*##/);
  });
  it('drops event-handler and style attributes but keeps the element', () => {
    const violations = checkElement('span', { onclick: 'steal()', style: 'color:red', title: 'ok' });
    expect(violations.map((v) => [v.scope, v.attribute])).toEqual([
      ['attribute', 'onclick'],
      ['attribute', 'style'],
    ]);
  });
  it.each(['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'data:text/html;base64,PHNjcmlwdD4=', 'vbscript:x'])(
    'refuses the dangerous URL %j in href',
    (href) => {
      expect(checkElement('a', { href })[0]?.message).toMatch(/URL in href on <a> is not allowed/);
    },
  );
  it('refuses a data: URL hidden in srcset', () => {
    expect(checkElement('img', { alt: 'x', srcset: 'a.jpg 1x, data:image/png;base64,AAA 2x' })[0]?.message).toContain('data: URL in srcset');
  });
  it('refuses an image without alt text', () => {
    expect(checkElement('img', { src: 'a.jpg' })[0]?.message).toContain('no alt text');
    expect(checkElement('img', { src: 'a.jpg', alt: '  ' })[0]?.message).toContain('no alt text');
  });
});

describe('urlScheme', () => {
  it('returns the lower-cased scheme, or null for relative URLs', () => {
    expect(urlScheme('HTTPS://x.org')).toBe('https');
    expect(urlScheme('/articles/x/')).toBeNull();
    expect(urlScheme('./other.md')).toBeNull();
    expect(urlScheme('#section')).toBeNull();
  });
});

describe('isExternalHref', () => {
  it('is true for http(s) links to other origins only', () => {
    expect(isExternalHref('https://www.td.gov.hk/', 'https://dateline.example')).toBe(true);
    expect(isExternalHref('https://dateline.example/articles/x/', 'https://dateline.example')).toBe(false);
    expect(isExternalHref('/articles/x/', 'https://dateline.example')).toBe(false);
    expect(isExternalHref('mailto:desk@dateline.example', 'https://dateline.example')).toBe(false);
  });
});

describe('articleLinkTarget', () => {
  it('reads the article id and fragment from a link to a Markdown file', () => {
    expect(articleLinkTarget('./ferry-timetable-changes.md')).toEqual({ id: 'ferry-timetable-changes', fragment: '' });
    expect(articleLinkTarget('../2016/abe-putin.md#talks')).toEqual({ id: 'abe-putin', fragment: '#talks' });
    expect(articleLinkTarget('other.md')).toEqual({ id: 'other', fragment: '' });
  });
  it('ignores ordinary links', () => {
    expect(articleLinkTarget('https://example.org/readme.md')).toBeNull();
    expect(articleLinkTarget('/topics/city/')).toBeNull();
    expect(articleLinkTarget('#footnote')).toBeNull();
  });
});

describe('scheme-relative URLs', () => {
  it('are refused in every URL attribute, in the forms browsers read as another host', () => {
    for (const url of ['//evil.example/x', ' //evil.example', '\\\\evil.example', '/\\evil.example', '\\/evil.example']) expect(isSchemeRelative(url), url).toBe(true);
    for (const url of ['/topics/city/', './a.md', 'https://evil.example', '#top', '/%5Cevil.example']) expect(isSchemeRelative(url), url).toBe(false);
    expect(checkElement('a', { href: '//evil.example/x' }).map((v) => v.attribute)).toEqual(['href']);
    expect(checkElement('img', { src: '//evil.example/x.png', alt: 'x' }).map((v) => v.attribute)).toEqual(['src']);
  });
});
