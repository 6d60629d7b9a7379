/**
 * Issue 4 bad input, at the content-check level (in-memory trees; the full-build path is
 * covered by tests/content/). Each case is one small article.
 */
import { describe, expect, it } from 'vitest';
import { checkContent, type ContentTree } from '../../src/lib/content/pipeline.ts';
import { formatProblem } from '../../src/lib/content/problems.ts';

const NOW = new Date('2026-03-04T10:00:00+08:00');

function article(name: string, extra = '', body = 'Body text.\n'): { path: string; contents: string } {
  return {
    path: `fx/articles/${name}.md`,
    contents: `---\nheadline: "H ${name}"\nstandfirst: "S"\ntopics:\n- city\npublishedAt: "2026-03-01T10:00:00+08:00"\n${extra}---\n${body}`,
  };
}

function check(articles: ContentTree['articles'], mode: 'build' | 'dev' = 'build'): string[] {
  const tree: ContentTree = { articles, topics: [{ path: 'fx/topics/city.yaml', contents: 'name: "City"\n' }], authors: [] };
  return checkContent(tree, { now: NOW, mode, siteUrl: 'https://dateline.example' }).problems.map(formatProblem);
}

describe('raw HTML in article bodies', () => {
  it('reports a script element with file and line', () => {
    expect(check([article('a', '', 'First.\n\n<script>alert(1)</script>\n')])).toEqual([
      'fx/articles/a.md:10: body: <script> is not allowed: not on the allowlist of article HTML (docs/adr/0004-sanitising-policy.md)',
    ]);
  });
  it('reports style and iframe elements', () => {
    const problems = check([article('a', '', '<style>body{}</style>\n\n<iframe src="https://x.org"></iframe>\n')]);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^fx\/articles\/a\.md:8: body: <style> is not allowed/);
    expect(problems[1]).toMatch(/^fx\/articles\/a\.md:10: body: <iframe> is not allowed/);
  });
  it('reports an event-handler attribute', () => {
    expect(check([article('a', '', 'Hi <span onclick="steal()">there</span>.\n')])).toEqual([
      'fx/articles/a.md:8: body: event-handler attribute onclick on <span> is not allowed',
    ]);
  });
  it('reports javascript: and data: URLs in Markdown links and images', () => {
    const problems = check([article('a', '', '[x](javascript:alert(1))\n\n![a chart](data:image/png;base64,AAAA)\n')]);
    expect(problems).toEqual([
      'fx/articles/a.md:8: body: javascript: URL in href on <a> is not allowed (allowed: http, https, mailto, tel and relative URLs)',
      'fx/articles/a.md:10: body: data: URL in src on <img> is not allowed (allowed: http, https, mailto, tel and relative URLs)',
    ]);
  });
  it('reports an image without alt text', () => {
    expect(check([article('a', '', 'Intro.\n\n![](https://example.org/ferry.jpg)\n')])).toEqual([
      'fx/articles/a.md:10: body: <img> has no alt text: describe the image for readers who cannot see it',
    ]);
  });
  it('accepts allowed HTML: abbr, sup, sub, tables, figure', () => {
    const body = 'H<sub>2</sub>O and E=mc<sup>2</sup>, <abbr title="Hong Kong">HK</abbr>.\n\n<figure><img src="https://example.org/a.jpg" alt="A ferry"><figcaption>A ferry</figcaption></figure>\n';
    expect(check([article('a', '', body)])).toEqual([]);
  });
});

describe('links between articles', () => {
  it('reports a link to a missing article file', () => {
    expect(check([article('a', '', 'See [this](./nowhere.md).\n')])).toEqual([
      'fx/articles/a.md:8: body: link to unknown article "nowhere.md": no article file with that name',
    ]);
  });
  it('reports a link to an embargoed article, naming both files', () => {
    const problems = check([article('a', '', 'See [the scoop](./b.md).\n'), article('b', 'embargoUntil: "2026-03-05T00:00:00+08:00"\n')]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^fx\/articles\/a\.md:8: body: links to fx\/articles\/b\.md, which is embargoed at the build clock/);
  });
  it('reports a related entry pointing at a draft, naming both files', () => {
    const problems = check([article('a', 'related:\n- b\n'), article('b', 'draft: true\n')]);
    expect(problems).toEqual([expect.stringMatching(/^fx\/articles\/a\.md:8: related\[0\]: links to fx\/articles\/b\.md, which is draft/)]);
  });
  it('reports a link to a scheduled article', () => {
    const scheduled = { path: 'fx/articles/b.md', contents: article('b').contents.replace('2026-03-01T10:00:00', '2026-03-09T10:00:00') };
    const problems = check([article('a', '', '[soon](b.md)\n'), scheduled]);
    expect(problems[0]).toMatch(/links to fx\/articles\/b\.md, which is scheduled/);
  });
  it('checks links written as permalinks too, root-relative or on the site origin (a draft slug must not leak)', () => {
    const problems = check([
      article('a', '', 'See [the plan](/articles/b/).\n\nThe [same](https://dateline.example/articles/b/#top).\n\nAnd [nothing](/articles/nowhere).\n'),
      article('b', 'draft: true\n'),
    ]);
    expect(problems).toEqual([
      expect.stringMatching(/^fx\/articles\/a\.md:8: body: links to fx\/articles\/b\.md, which is draft/),
      expect.stringMatching(/^fx\/articles\/a\.md:10: body: links to fx\/articles\/b\.md, which is draft/),
      'fx/articles/a.md:12: body: link to unknown article "nowhere.md": no article file with that name',
    ]);
  });
  it('leaves links to other sites and to other pages of the site alone', () => {
    expect(check([article('a', '', '[x](https://elsewhere.example/articles/b/) [t](/topics/city/)\n')])).toEqual([]);
  });
  it('allows links to unpublished articles on the dev server', () => {
    expect(check([article('a', '', 'See [the scoop](./b.md).\n'), article('b', 'draft: true\n')], 'dev')).toEqual([]);
  });
  it('lets an unpublished article link to anything (it is not output)', () => {
    expect(check([article('a', 'draft: true\n', '[x](./b.md)\n'), article('b', 'draft: true\n')])).toEqual([]);
  });
});

describe('corrections, expiry and redirects', () => {
  it('rejects a correction with an unknown kind and one dated before publication', () => {
    const extra = 'corrections:\n- at: "2026-03-02T10:00:00+08:00"\n  kind: erratum\n  text: "x"\n- at: "2026-02-01T10:00:00+08:00"\n  kind: correction\n  text: "y"\n';
    expect(check([article('a', extra)])).toEqual([
      'fx/articles/a.md:9: corrections[0].kind: must be "correction" or "clarification"',
      'fx/articles/a.md:11: corrections[1].at: a correction cannot be dated before publishedAt',
    ]);
  });
  it('rejects expiresAt before publishedAt', () => {
    expect(check([article('a', 'expiresAt: "2026-02-01T00:00:00Z"\n')])).toEqual(['fx/articles/a.md:7: expiresAt: must be after publishedAt']);
  });
  it('rejects a former slug that is another article\'s live permalink', () => {
    expect(check([article('a', 'redirectFrom:\n- b\n'), article('b')])).toEqual([
      'fx/articles/a.md:8: redirectFrom[0]: "b" is the live permalink of fx/articles/b.md: a redirect would hide it',
    ]);
  });
  it('rejects the same former slug claimed by two articles', () => {
    const problems = check([article('a', 'redirectFrom:\n- old\n'), article('b', 'redirectFrom:\n- old\n')]);
    expect(problems).toEqual(['fx/articles/b.md:8: redirectFrom[0]: "old" is also a former slug of fx/articles/a.md']);
  });
});

describe('reporting everything at once', () => {
  it('reports body problems of an article whose frontmatter is also invalid', () => {
    const bad = { path: 'fx/articles/a.md', contents: '---\nstandfirst: "S"\ntopics: []\npublishedAt: "2026-03-01T10:00:00+08:00"\n---\n<script>x()</script>\n' };
    expect(check([bad]).sort()).toEqual([
      'fx/articles/a.md:2: headline: required field is missing (expected string)',
      'fx/articles/a.md:3: topics: must list at least one topic id; the first is the primary topic',
      'fx/articles/a.md:6: body: <script> is not allowed: not on the allowlist of article HTML (docs/adr/0004-sanitising-policy.md)',
    ]);
  });
});
