/**
 * The home page's placement file (`front.yaml`) and the source credit: each kind of bad input gives one
 * `file:line: field: message` problem, like article frontmatter; a valid file comes back
 * as a placement.
 */
import { describe, expect, it } from 'vitest';
import { checkContent, type ContentTree } from '../../src/lib/content/pipeline.ts';
import { formatProblem } from '../../src/lib/content/problems.ts';

const NOW = new Date('2026-01-01T00:00:00Z');
const article = (id: string, extra = '') => ({
  path: `content/articles/2016/${id}.md`,
  contents: `---\nheadline: "Headline ${id}"\nstandfirst: "Standfirst ${id}"\ntopics:\n  - city\npublishedAt: "2016-11-20T13:03:00+08:00"\n${extra}---\n\nBody of ${id}.\n`,
});
const FRONT = 'content/front.yaml';

function check(front: string): { problems: string[]; front: ReturnType<typeof checkContent>['front'] } {
  const tree: ContentTree = {
    articles: [article('ferry-fares'), article('harbour-tunnel'), article('secret-plan', 'draft: true\n')],
    topics: [{ path: 'content/topics/city.yaml', contents: 'name: "City"\n' }],
    authors: [],
    front: { path: FRONT, contents: front },
  };
  const result = checkContent(tree, { now: NOW });
  return { problems: result.problems.map(formatProblem), front: result.front };
}

describe('front.yaml', () => {
  it('gives the placement of a valid file, expiry as an instant', () => {
    const { problems, front } = check('lead: ferry-fares\ntop:\n  - harbour-tunnel\nexpires: "2016-11-27T00:00:00+08:00"\n');
    expect(problems).toEqual([]);
    expect(front).toEqual({ file: FRONT, lead: 'ferry-fares', top: ['harbour-tunnel'], expires: new Date('2016-11-26T16:00:00Z') });
  });

  it('names the line of an unknown article id', () => {
    expect(check('lead: ferry-fares\ntop:\n  - harbor-tunnel\n').problems).toEqual([
      `${FRONT}:3: top[0]: unknown article id "harbor-tunnel": no article file with that name`,
    ]);
  });

  it('refuses a story placed twice', () => {
    expect(check('lead: ferry-fares\ntop:\n  - harbour-tunnel\n  - ferry-fares\n').problems).toEqual([
      `${FRONT}:4: top[1]: "ferry-fares" is placed twice on the front: list each story once`,
    ]);
  });

  it('refuses a missing lead, an unknown field and an unquoted expiry, each on its line', () => {
    expect(check('top:\n  - harbour-tunnel\nexpiry: "2016-11-27T00:00:00+08:00"\n').problems).toEqual([
      `${FRONT}:1: lead: required field is missing: an article id (its file name without .md)`,
      `${FRONT}:3: expiry: unknown field: check its spelling against the content model in README.md`,
    ]);
    expect(check('lead: ferry-fares\nexpires: 2016-11-27\n').problems[0]).toMatch(/^content\/front\.yaml:2: expires: unquoted YAML timestamp/);
  });

  it('reports a YAML syntax error with its line', () => {
    expect(check('lead: ferry-fares\ntop: [harbour-tunnel\n').problems[0]).toMatch(/^content\/front\.yaml:\d+: file: /);
  });

  it('accepts a draft as a placement: the page leaves it out until it is public (no leak, no failed build)', () => {
    const { problems, front } = check('lead: secret-plan\ntop:\n  - ferry-fares\n');
    expect(problems).toEqual([]);
    expect(front?.lead).toBe('secret-plan');
  });

  it('is optional', () => {
    const result = checkContent({ articles: [article('ferry-fares')], topics: [{ path: 'content/topics/city.yaml', contents: 'name: "City"\n' }], authors: [] }, { now: NOW });
    expect(result.problems).toEqual([]);
    expect(result.front).toBeNull();
  });
});

describe('source credit', () => {
  const withSource = (lines: string) => checkContent({
    articles: [article('ferry-fares', `source:\n${lines}`)],
    topics: [{ path: 'content/topics/city.yaml', contents: 'name: "City"\n' }],
    authors: [],
  }, { now: NOW });

  it('accepts the publisher name alone', () => {
    const result = withSource('  name: "South China Morning Post"\n');
    expect(result.problems).toEqual([]);
    expect(result.articles.get('ferry-fares')!.data.source).toEqual({ name: 'South China Morning Post' });
  });

  it('refuses a licence name without its URL, at the source mapping', () => {
    expect(withSource('  name: "Wikinews"\n  license: "CC BY 2.5"\n').problems.map(formatProblem)).toEqual([
      'content/articles/2016/ferry-fares.md:8: source: a licence needs both license (its name) and licenseUrl (its text), or neither',
    ]);
  });
});
