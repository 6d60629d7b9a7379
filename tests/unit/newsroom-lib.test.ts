import { describe, expect, it } from 'vitest';
import { listCorrections, correctionAnchor } from '../../src/lib/content/corrections.ts';
import { buildRedirects } from '../../src/lib/distribution/redirects.ts';
import { renderRedirectsFile } from '../../src/lib/deploy/host-files.ts';
import { buildNewArticle, slugForHeadline } from '../../src/lib/content/new-article.ts';
import { renderBody } from '../../src/lib/content/body.ts';

const checkBody = (body: string) => {
  const { problems, articleLinks } = renderBody(body, 'https://example.org');
  return { problems, articleLinks };
};
import { checkContent } from '../../src/lib/content/pipeline.ts';
import type { Article } from '../../src/lib/content/article-model.ts';

function article(id: string, corrections: Article['corrections']): Article {
  return {
    id, filePath: `${id}.md`, headline: id, standfirst: 's', topics: [{ id: 't', name: 'T' }], authors: [],
    publishedAt: new Date('2026-03-01T00:00:00Z'), related: [], corrections, redirectFrom: [], state: 'published', bodyDigest: id,
  };
}

describe('listCorrections', () => {
  it('lists corrections of all articles newest first, each linked to its anchor', () => {
    const a = article('a', [
      { at: new Date('2026-03-02T00:00:00Z'), kind: 'clarification', text: 'first' },
      { at: new Date('2026-03-05T00:00:00Z'), kind: 'correction', text: 'third' },
    ]);
    const b = article('b', [{ at: new Date('2026-03-03T00:00:00Z'), kind: 'correction', text: 'second' }]);
    expect(listCorrections([a, b]).map((e) => [e.correction.text, e.path])).toEqual([
      ['third', '/articles/a/#correction-2'],
      ['second', '/articles/b/#correction-1'],
      ['first', '/articles/a/#correction-1'],
    ]);
    expect(correctionAnchor(2)).toBe('correction-2');
  });
});

describe('buildRedirects and renderRedirectsFile', () => {
  it('maps each former slug to the current permalink, one 301 line each, sorted', () => {
    const redirects = buildRedirects([{ id: 'new-b', redirectFrom: ['old-b'] }, { id: 'new-a', redirectFrom: ['old-a2', 'old-a1'] }]);
    expect(renderRedirectsFile({ redirects })).toBe(
      '/articles/old-a1/ /articles/new-a/ 301\n/articles/old-a2/ /articles/new-a/ 301\n/articles/old-b/ /articles/new-b/ 301\n',
    );
  });
});

describe('slugForHeadline', () => {
  it('transliterates and joins words with hyphens', () => {
    expect(slugForHeadline('Abe & Putin’s talks: what next?')).toBe('abe-and-putins-talks-what-next');
    expect(slugForHeadline('Zürich café reopens')).toBe('zuerich-cafe-reopens');
  });
  it('cuts long headlines at a word boundary, at most 80 characters', () => {
    const slug = slugForHeadline('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith('-')).toBe(false);
  });
  it('refuses a headline with nothing to slug', () => {
    expect(() => slugForHeadline('!!!')).toThrow(/--slug/);
  });
});

describe('buildNewArticle', () => {
  it('writes frontmatter the content check accepts, as a draft with the newsroom offset', () => {
    const text = buildNewArticle({ headline: 'Tunnel "reopens" & more', topics: ['city'], authors: [], now: new Date('2026-03-02T00:30:00Z'), timeZone: 'Asia/Hong_Kong' });
    expect(text).toContain('publishedAt: "2026-03-02T08:30:00+08:00"');
    expect(text).toContain('draft: true');
    const result = checkContent(
      { articles: [{ path: 'x/articles/tunnel.md', contents: text }], topics: [{ path: 'x/topics/city.yaml', contents: 'name: City\n' }], authors: [] },
      { now: new Date('2026-03-03T00:00:00Z') },
    );
    expect(result.problems).toEqual([]);
    expect(result.articles.get('tunnel')?.data.headline).toBe('Tunnel "reopens" & more');
    expect(result.articles.get('tunnel')?.state).toBe('draft');
  });
});

describe('checkBody', () => {
  it('finds nothing in plain copy with ordinary links', () => {
    expect(checkBody('Text with [a link](https://example.org/a).\n\n## Section\n\nMore.\n')).toEqual({ problems: [], articleLinks: [] });
  });
  it('still catches a javascript: URL spelled with a character reference', () => {
    expect(checkBody('[x](javascript&#58;alert(1))\n').problems[0]?.message).toMatch(/javascript: URL in href/);
  });
  it('does not mistake HTML shown in a code span for raw HTML', () => {
    expect(checkBody('Type `<script>` to see it.\n').problems).toEqual([]);
  });
  it('collects links to article files with their lines', () => {
    expect(checkBody('One.\n\nSee [b](./b.md) and [c](../2016/c.md#x).\n').articleLinks).toEqual([
      { id: 'b', line: 3 },
      { id: 'c', line: 3 },
    ]);
  });
});

describe('HTML comments in bodies', () => {
  it('are the editor’s notes: removed from the rendered body (pages and feeds), not reported', () => {
    const { html, problems } = renderBody('Before.\n\n<!-- editor note: call the minister back -->\n\nAfter <!-- inline note --> text.\n', 'https://example.org');
    expect(problems).toEqual([]);
    expect(html).not.toContain('editor note');
    expect(html).not.toContain('inline note');
    expect(html).not.toContain('<!--');
    expect(html).toContain('<p>Before.</p>');
  });
});
