/**
 * Hostile and ordinary editor input that the old two-pipeline design let through (issue
 * "One content pipeline"): each case is one article in tests/fixtures/hostile/articles/,
 * checked inside a tree made of tests/fixtures/hostile/base/ plus that article, through the
 * same entry points the build uses (`readContentTree` + `checkContent`). Each must be
 * reported as `file:line: field: message` — or, for table alignment, accepted and
 * rendered with the alignment kept.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readContentTree } from '../../src/lib/content/files.ts';
import { checkContent, type BodyStore } from '../../src/lib/content/pipeline.ts';
import { formatProblem, sortProblems } from '../../src/lib/content/problems.ts';
import type { RenderedBody } from '../../src/lib/content/body.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/hostile');
const NOW = new Date('2026-03-04T10:00:00+08:00');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-hostile-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** A tree of the base fixture plus `articles` (fixture names), or extra files made by `setup`. */
function treeWith(name: string, articles: string[], setup?: (root: string) => void): string {
  const root = path.join(scratch, name);
  fs.cpSync(path.join(FIXTURES, 'base'), root, { recursive: true });
  fs.mkdirSync(path.join(root, 'articles'), { recursive: true });
  for (const a of articles) fs.copyFileSync(path.join(FIXTURES, 'articles', `${a}.md`), path.join(root, 'articles', `${a}.md`));
  setup?.(root);
  return root;
}

function check(name: string, articles: string[], setup?: (root: string) => void) {
  const root = treeWith(name, articles, setup);
  const bodies = new Map<string, RenderedBody>();
  const store: BodyStore = { get: (d) => bodies.get(d), set: (d, b) => void bodies.set(d, b) };
  const result = checkContent(readContentTree(root, root), { now: NOW, siteUrl: 'https://news.example.org', bodies: store });
  return { problems: sortProblems(result.problems).map(formatProblem), result, bodies };
}

describe('hostile input is reported with file, line and field', () => {
  it('a # heading in a plain body (the h1 used to vanish silently)', () => {
    expect(check('h1', ['heading-in-body']).problems).toEqual([
      "articles/heading-in-body.md:10: body: <h1> is not allowed: the headline is the page's only h1: start body sections with ## (h2)",
    ]);
  });
  it('an escaped javascript\\: link (used to publish as <a>x</a>)', () => {
    expect(check('js', ['escaped-javascript-link']).problems).toEqual([
      'articles/escaped-javascript-link.md:10: body: javascript: URL in href on <a> is not allowed (allowed: http, https, mailto, tel and relative URLs)',
    ]);
  });
  it('a scheme-relative link (//host: another host, which feed readers resolve against the feed)', () => {
    expect(check('schemeless', ['scheme-relative-link']).problems).toEqual([
      'articles/scheme-relative-link.md:10: body: "//evil.example/report" in href on <a> is a scheme-relative URL (another host, which feed readers resolve against the feed\'s address): write the full https:// URL',
    ]);
  });
  it('a topic and an author listed twice (used to show twice on the page, and file the story twice under the topic)', () => {
    expect(check('twice', ['topic-listed-twice']).problems).toEqual([
      'articles/topic-listed-twice.md:6: topics[1]: "city" is listed twice',
      'articles/topic-listed-twice.md:9: authors[1]: "jane-doe" is listed twice',
    ]);
  });
  it('a frontmatter error and unknown ids in one file (the unknown ids used to show only once the error was fixed)', () => {
    expect(check('both', ['bad-date-and-unknown-topic']).problems).toEqual([
      'articles/bad-date-and-unknown-topic.md:6: topics[1]: unknown topic id "atlantis": no topic file with that name',
      'articles/bad-date-and-unknown-topic.md:8: authors[0]: unknown author id "nobody": no author file with that name',
      'articles/bad-date-and-unknown-topic.md:9: publishedAt: "2026-03-01T10:00:00" has no offset, so its instant is ambiguous: write a quoted ISO 8601 date-time with Z or an offset, e.g. "2016-11-20T13:03:00+08:00"',
    ]);
  });
  it('a BEL control character in the headline (used to kill the Atom feed)', () => {
    expect(check('bel', ['bell-in-headline']).problems).toEqual([
      'articles/bell-in-headline.md:2: headline: contains the control character U+0007, which XML 1.0 (feeds, sitemaps) cannot carry: delete it',
    ]);
  });
  it('a raw U+0001 in the body', () => {
    expect(check('soh', ['control-in-body']).problems).toEqual([
      'articles/control-in-body.md:12: body: contains the control character U+0001, which XML 1.0 (feeds, sitemaps) cannot carry: delete it',
    ]);
  });
  it('a malformed percent-escape in a link to an article file (used to crash the checker with URIError)', () => {
    const { problems } = check('pct', ['malformed-escape-link']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^articles\/malformed-escape-link\.md:10: body: malformed percent-escape in href "\.\/%E0%A4%25A\.md"/);
  });
  it('a 299-character redirectFrom slug (used to fail the build with ENAMETOOLONG)', () => {
    expect(check('long', ['long-redirect']).problems).toEqual([
      'articles/long-redirect.md:10: redirectFrom[0]: must be at most 200 characters (a path segment of the output)',
    ]);
  });
  it('a symlinked article pointing outside the content tree (used to be skipped by the check and published)', () => {
    const outside = path.join(scratch, 'outside.md');
    fs.copyFileSync(path.join(FIXTURES, 'articles', 'heading-in-body.md'), outside);
    const { problems, result } = check('link', [], (root) => fs.symlinkSync(outside, path.join(root, 'articles', 'linked.md')));
    expect(problems).toEqual([
      `articles/linked.md:1: file: is a symbolic link (to ${outside}): links are not followed, so the file could not be reviewed where it lives; replace the link with the file itself`,
    ]);
    expect(result.articles.size).toBe(0);
  });
  it('a year-0001 publishedAt (used to print datetime="1-01-01T07:36:42+16655047:37")', () => {
    expect(check('y1', ['year-one']).problems).toEqual([
      'articles/year-one.md:8: publishedAt: "0001-01-01T00:00:00Z": year 0001 is before 1800, the earliest year Dateline supports: write a quoted ISO 8601 date-time with Z or an offset, e.g. "2016-11-20T13:03:00+08:00"',
    ]);
  });
  it('the template text of npm run new in a non-draft article', () => {
    expect(check('tpl', ['template-text']).problems).toEqual([
      'articles/template-text.md:3: standfirst: still the template text of npm run new ("One or two sentences that sum up the story."): write the standfirst, or set draft: true',
      'articles/template-text.md:10: body: is still the template text of npm run new ("Write the story here."): write the story, or set draft: true',
    ]);
  });
  it('a bidi override control in the headline', () => {
    expect(check('bidi', ['bidi-override-headline']).problems).toEqual([
      'articles/bidi-override-headline.md:2: headline: contains the bidi control U+202E, which can reorder the text around it (the page sets the direction from lang): delete it',
    ]);
  });
  it('a lone surrogate in the headline', () => {
    expect(check('sur', ['lone-surrogate-headline']).problems).toEqual([
      'articles/lone-surrogate-headline.md:2: headline: contains a lone surrogate (U+D800), which is not a character: delete it',
    ]);
  });
});

describe('markup the renderer makes is not blamed on the editor', () => {
  it('accepts a table with column alignment in a body that also has raw HTML, and keeps the alignment as classes', () => {
    const { problems, result, bodies } = check('table', ['table-alignment']);
    expect(problems).toEqual([]);
    const html = bodies.get(result.articles.get('table-alignment')!.bodyDigest)!.html;
    expect(html).toContain('<th class="align-left">Team</th>');
    expect(html).toContain('<td class="align-right">3</td>');
    expect(html).not.toContain('style=');
  });
  it('accepts GFM footnotes in a body that also has raw HTML, with their links and back-references', () => {
    const { problems, result, bodies } = check('fn', ['footnotes']);
    expect(problems).toEqual([]);
    const html = bodies.get(result.articles.get('footnotes')!.bodyDigest)!.html;
    expect(html).toContain('<a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref="" aria-describedby="footnote-label">1</a>');
    expect(html).toContain('<section data-footnotes="" class="footnotes">');
  });
});
