/**
 * Bad content, checker level: every kind of bad input gives exactly one readable problem
 * `file:line: field: message` that names the file, the line, the field and what is expected.
 *
 * Fixture trees on disk (shared with build-fails.test.ts), each with one topic
 * (hong-kong) and one author (jane-doe):
 * - content-valid:               two good articles (one with author, update and related)
 * - content-missing-field:       an article without `headline`
 * - content-offsetless-date:     `publishedAt: "2016-11-20T13:03:00"` (no offset)
 * - content-unknown-topic:       `topics: [hong-kong, atlantis]`, no atlantis.yaml
 * - content-malformed-yaml:      `publishedAt: "…` with no closing quote
 * - content-no-frontmatter:      a Markdown file with no --- block
 * - content-duplicate-permalink: articles/2015/same-name.md and articles/2016/same-name.md
 *
 * Every other case is a small in-memory tree: the valid article below with one line changed.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkContent, type ContentFile, type ContentTree } from '../../src/lib/content/pipeline.ts';
import { readContentTree } from '../../src/lib/content/files.ts';
import { formatProblem, sortProblems, type ContentProblem } from '../../src/lib/content/problems.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** A fixed build clock, after every date in the fixtures. */
const NOW = new Date('2026-01-01T00:00:00Z');
const HOW = 'write a quoted ISO 8601 date-time with Z or an offset, e.g. "2016-11-20T13:03:00+08:00"';

function checkFixture(name: string) {
  const tree = readContentTree(path.join(PROJECT_ROOT, 'tests/fixtures', name), PROJECT_ROOT);
  return checkContent(tree, { now: NOW });
}

const TOPIC: ContentFile = { path: 'content/topics/hong-kong.yaml', contents: 'name: "Hong Kong"\n' };
const AUTHOR: ContentFile = { path: 'content/authors/jane-doe.yaml', contents: 'name: "Jane Doe"\n' };
const FILE = 'content/articles/2016/ferry-fares.md';

/** A valid article; the comment is its file line (line 1 is the opening ---). */
const VALID: Record<string, string> = {
  headline: '"Harbour ferry fares rise for the first time in a decade"', // line 2
  standfirst: '"Operators cite fuel costs"', // line 3
  topics: '\n  - hong-kong', // lines 4-5
  publishedAt: '"2016-11-20T13:03:00+08:00"', // line 6
};

/** The valid article's frontmatter with fields changed (`undefined` drops a field), then extra lines. */
function frontmatter(changes: Record<string, string | undefined> = {}): string {
  return Object.entries({ ...VALID, ...changes })
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => `${key}: ${value}\n`)
    .join('');
}

function article(fm: string, file = FILE): ContentFile {
  return { path: file, contents: `---\n${fm}---\n\nThe harbour ferry will charge more from next month.\n` };
}

function check(tree: Partial<ContentTree>) {
  return checkContent({ articles: [], topics: [TOPIC], authors: [AUTHOR], ...tree }, { now: NOW });
}

/** Problems of a single-article tree whose frontmatter has the given changes. */
function problemsWith(changes: Record<string, string | undefined>): ContentProblem[] {
  return check({ articles: [article(frontmatter(changes))] }).problems;
}

describe('checkContent: the baseline', () => {
  it('finds nothing wrong with the valid in-memory article', () => {
    const result = check({ articles: [article(frontmatter())] });
    expect(result.problems).toEqual([]);
    expect([...result.articles.keys()]).toEqual(['ferry-fares']);
  });

  it('finds nothing wrong with the valid fixture tree', () => {
    const result = checkFixture('content-valid');
    expect(result.problems).toEqual([]);
    expect([...result.articles.keys()].sort()).toEqual(['harbour-ferry-fares-rise', 'tram-timetable-changes']);
    expect([...result.topicIds]).toEqual(['hong-kong']);
    expect([...result.authorIds]).toEqual(['jane-doe']);
  });
});

describe('checkContent: missing fields and wrong types', () => {
  it('reports a missing headline (fixture), at the first frontmatter line', () => {
    expect(checkFixture('content-missing-field').problems).toEqual([
      {
        file: 'tests/fixtures/content-missing-field/articles/missing-headline.md',
        line: 2,
        field: 'headline',
        message: 'required field is missing (expected string)',
      },
    ]);
  });

  it('reports a missing standfirst', () => {
    expect(problemsWith({ standfirst: undefined })).toEqual([
      { file: FILE, line: 2, field: 'standfirst', message: 'required field is missing (expected string)' },
    ]);
  });

  it('reports a missing publishedAt and says how to write one', () => {
    expect(problemsWith({ publishedAt: undefined })).toEqual([
      { file: FILE, line: 2, field: 'publishedAt', message: 'expected a quoted date-time string, e.g. "2016-11-20T13:03:00+08:00", got nothing' },
    ]);
  });

  it('reports a number as headline: headline: 42', () => {
    expect(problemsWith({ headline: '42' })).toEqual([{ file: FILE, line: 2, field: 'headline', message: 'expected string, received number' }]);
  });

  it('reports a single topic written as a string instead of a list: topics: "hong-kong"', () => {
    expect(problemsWith({ topics: '"hong-kong"' })).toEqual([{ file: FILE, line: 4, field: 'topics', message: 'expected array, received string' }]);
  });

  it('reports a topic id that is not a string, at its list item', () => {
    expect(problemsWith({ topics: '\n  - hong-kong\n  - 42' })).toEqual([
      { file: FILE, line: 6, field: 'topics[1]', message: 'expected an id (a file name in topics/ without extension)' },
    ]);
  });

  it('reports an empty topics list and says the first topic is the primary one', () => {
    expect(problemsWith({ topics: '[]' })).toEqual([
      { file: FILE, line: 4, field: 'topics', message: 'must list at least one topic id; the first is the primary topic' },
    ]);
  });

  it('reports draft: "yes" as not a boolean', () => {
    expect(problemsWith({ draft: '"yes"' })).toEqual([{ file: FILE, line: 7, field: 'draft', message: 'expected boolean, received string' }]);
  });

  it('reports a headline over 200 characters, and accepts exactly 200', () => {
    expect(problemsWith({ headline: `"${'x'.repeat(201)}"` })).toEqual([
      { file: FILE, line: 2, field: 'headline', message: 'must be at most 200 characters' },
    ]);
    expect(problemsWith({ headline: `"${'x'.repeat(200)}"` })).toEqual([]);
  });

  it('reports an empty headline', () => {
    expect(problemsWith({ headline: '"  "' })).toEqual([{ file: FILE, line: 2, field: 'headline', message: 'must not be empty' }]);
  });

  it('reports a bad nested field by its dotted path and line', () => {
    const source = '\n  name: Wikinews\n  url: not-a-url\n  license: CC BY 2.5\n  licenseUrl: https://creativecommons.org/licenses/by/2.5/';
    expect(problemsWith({ source })).toEqual([expect.objectContaining({ file: FILE, line: 9, field: 'source.url' })]);
  });

  it('reports a misspelt field (publishAt) as unknown, and publishedAt as missing', () => {
    expect(problemsWith({ publishedAt: undefined, publishAt: '"2016-11-20T13:03:00+08:00"' })).toEqual([
      { file: FILE, line: 2, field: 'publishedAt', message: 'expected a quoted date-time string, e.g. "2016-11-20T13:03:00+08:00", got nothing' },
      { file: FILE, line: 6, field: 'publishAt', message: 'unknown field: check its spelling against the content model in README.md' },
    ]);
  });
});

describe('checkContent: dates', () => {
  it('reports an offset-less publishedAt (fixture) as ambiguous and says how to write it', () => {
    expect(checkFixture('content-offsetless-date').problems).toEqual([
      {
        file: 'tests/fixtures/content-offsetless-date/articles/offsetless-date.md',
        line: 6,
        field: 'publishedAt',
        message: `"2016-11-20T13:03:00" has no offset, so its instant is ambiguous: ${HOW}`,
      },
    ]);
  });

  it('reports a date-only publishedAt', () => {
    expect(problemsWith({ publishedAt: '"2016-11-20"' })).toEqual([
      { file: FILE, line: 6, field: 'publishedAt', message: `date-only value "2016-11-20" has no time or offset: ${HOW}` },
    ]);
  });

  it('reports an unparseable publishedAt: "next tuesday"', () => {
    expect(problemsWith({ publishedAt: '"next tuesday"' })).toEqual([
      { file: FILE, line: 6, field: 'publishedAt', message: `"next tuesday" is not an ISO 8601 date-time: ${HOW}` },
    ]);
  });

  it('reports an impossible date, 30 February, instead of rolling it over to March', () => {
    expect(problemsWith({ publishedAt: '"2026-02-30T10:00:00+08:00"' })).toEqual([
      { file: FILE, line: 6, field: 'publishedAt', message: `"2026-02-30T10:00:00+08:00" is not a real calendar date: ${HOW}` },
    ]);
  });

  it.each([
    ['with an offset', '2016-11-20T13:03:00+08:00'],
    ['without an offset', '2016-11-20T13:03:00'],
    ['date-only', '2016-11-20'],
    ['impossible (month 13)', '2026-13-45'],
  ])('reports an unquoted YAML timestamp %s and says to quote it', (_, value) => {
    expect(problemsWith({ publishedAt: value })).toEqual([
      {
        file: FILE,
        line: 6,
        field: 'publishedAt',
        message: 'unquoted YAML timestamp: YAML drops its offset (or reads it as UTC); write it in quotes with Z or an offset, e.g. "2016-11-20T13:03:00+08:00"',
      },
    ]);
  });

  it('reports a number as publishedAt', () => {
    expect(problemsWith({ publishedAt: '20161120' })).toEqual([
      { file: FILE, line: 6, field: 'publishedAt', message: 'expected a quoted date-time string, e.g. "2016-11-20T13:03:00+08:00", got number 20161120' },
    ]);
  });

  it('reports updatedAt before publishedAt, at the updatedAt line', () => {
    expect(problemsWith({ updatedAt: '"2016-11-20T12:59:00+08:00"' })).toEqual([
      { file: FILE, line: 7, field: 'updatedAt', message: 'must not be before publishedAt' },
    ]);
  });

  it('compares instants: an update written in another offset but later in time is fine', () => {
    // 06:00 UTC is 14:00 in Hong Kong, after the 13:03 HKT publication.
    expect(problemsWith({ updatedAt: '"2016-11-20T06:00:00Z"' })).toEqual([]);
    // 05:00 UTC is 13:00 in Hong Kong, before it.
    expect(problemsWith({ updatedAt: '"2016-11-20T05:00:00Z"' })).toEqual([
      { file: FILE, line: 7, field: 'updatedAt', message: 'must not be before publishedAt' },
    ]);
  });

  it('reports a bad updatedAt with the same explanation as publishedAt', () => {
    expect(problemsWith({ updatedAt: '"2016-11-20 22:45"' })).toEqual([
      { file: FILE, line: 7, field: 'updatedAt', message: `"2016-11-20 22:45" has no offset, so its instant is ambiguous: ${HOW}` },
    ]);
  });
});

describe('checkContent: references', () => {
  it('reports an unknown topic id (fixture) at its list item', () => {
    expect(checkFixture('content-unknown-topic').problems).toEqual([
      {
        file: 'tests/fixtures/content-unknown-topic/articles/unknown-topic.md',
        line: 6,
        field: 'topics[1]',
        message: 'unknown topic id "atlantis": no topic file with that name',
      },
    ]);
  });

  it('reports an unknown author id', () => {
    expect(problemsWith({ authors: '\n  - jane-doe\n  - john-roe' })).toEqual([
      { file: FILE, line: 9, field: 'authors[1]', message: 'unknown author id "john-roe": no author file with that name' },
    ]);
  });

  it('reports an unknown related article id', () => {
    expect(problemsWith({ related: '\n  - tram-timetable-changes' })).toEqual([
      { file: FILE, line: 8, field: 'related[0]', message: 'unknown article id "tram-timetable-changes": no article file with that name' },
    ]);
  });

  it('accepts a related id that names another article of the tree', () => {
    const other = article(frontmatter(), 'content/articles/2016/tram-timetable-changes.md');
    const result = check({ articles: [article(frontmatter({ related: '\n  - tram-timetable-changes' })), other] });
    expect(result.problems).toEqual([]);
  });

  it('reports an article that lists itself as related', () => {
    expect(problemsWith({ related: '\n  - ferry-fares' })).toEqual([
      { file: FILE, line: 8, field: 'related[0]', message: 'an article cannot be related to itself' },
    ]);
  });
});

describe('checkContent: files and frontmatter blocks', () => {
  it('reports malformed YAML (fixture: unclosed quote) at the line where the quote opens', () => {
    const problems = checkFixture('content-malformed-yaml').problems;
    expect(problems).toEqual([
      {
        file: 'tests/fixtures/content-malformed-yaml/articles/malformed-yaml.md',
        line: 6,
        field: 'frontmatter',
        message: 'YAML syntax error: unexpected end of the stream within a double quoted scalar (the quote opened on this line is never closed)',
      },
    ]);
  });

  it.each([
    ['a value with a second colon', 'standfirst', 'Ferries: fares: rise', 3, 'bad indentation of a mapping entry'],
    ['text after a closing quote', 'headline', '"Fares rise" again', 2, 'bad indentation of a mapping entry'],
    ['a tab used for indentation', 'topics', '\n\t- hong-kong', 5, 'tab characters must not be used in indentation'],
  ])('reports malformed YAML (%s) at the line of the mistake', (_, key, value, line, reason) => {
    expect(problemsWith({ [key]: value })).toEqual([{ file: FILE, line, field: 'frontmatter', message: `YAML syntax error: ${reason}` }]);
  });

  it('reports a field given twice at the second occurrence', () => {
    const fm = `${frontmatter()}headline: "Again"\n`;
    expect(check({ articles: [article(fm)] }).problems).toEqual([
      { file: FILE, line: 7, field: 'frontmatter', message: 'YAML syntax error: duplicated mapping key' },
    ]);
  });

  it('reports a Markdown file with no frontmatter (fixture) and says what it must start with', () => {
    expect(checkFixture('content-no-frontmatter').problems).toEqual([
      {
        file: 'tests/fixtures/content-no-frontmatter/articles/no-frontmatter.md',
        line: 1,
        field: 'frontmatter',
        message: 'no frontmatter: an article must start with a --- block holding headline, standfirst, topics and publishedAt',
      },
    ]);
  });

  it('reports frontmatter that is a list, not a mapping', () => {
    expect(check({ articles: [article('- headline\n- standfirst\n')] }).problems).toEqual([
      { file: FILE, line: 2, field: 'frontmatter', message: 'must be a YAML mapping of field: value lines' },
    ]);
  });

  it('reports a duplicate permalink (fixture: same file name in two folders), naming both files', () => {
    const problems = checkFixture('content-duplicate-permalink').problems;
    expect(problems).toEqual([
      {
        file: 'tests/fixtures/content-duplicate-permalink/articles/2016/same-name.md',
        line: 1,
        field: 'file',
        message:
          'permalink /articles/same-name/ is also claimed by tests/fixtures/content-duplicate-permalink/articles/2015/same-name.md: two articles cannot share a file name; rename one',
      },
    ]);
    const line = formatProblem(problems[0]!);
    expect(line).toContain('articles/2015/same-name.md');
    expect(line).toContain('articles/2016/same-name.md');
  });

  it('reports a file name that is not a URL slug: "Bad Name.md"', () => {
    const file = 'content/articles/2016/Bad Name.md';
    expect(check({ articles: [article(frontmatter(), file)] }).problems).toEqual([
      {
        file,
        line: 1,
        field: 'file',
        message: 'file name "Bad Name" is not a URL slug: use lower-case a-z, 0-9 and single hyphens, e.g. abe-putin-talks.md',
      },
    ]);
  });
});

describe('checkContent: topic and author files', () => {
  it('reports a topic file with a YAML syntax error at its line', () => {
    const broken = { path: 'content/topics/asia.yaml', contents: 'name: "Asia"\ndescription: News: from Asia\n' };
    expect(check({ topics: [TOPIC, broken] }).problems).toEqual([
      { file: 'content/topics/asia.yaml', line: 2, field: 'file', message: 'YAML syntax error: bad indentation of a mapping entry' },
    ]);
  });

  it('reports a topic file without name', () => {
    const nameless = { path: 'content/topics/asia.yaml', contents: 'description: "News from Asia"\n' };
    expect(check({ topics: [TOPIC, nameless] }).problems).toEqual([
      { file: 'content/topics/asia.yaml', line: 1, field: 'name', message: 'required field is missing (expected string)' },
    ]);
  });

  it('reports a topic file that is a list, not a mapping', () => {
    const list = { path: 'content/topics/asia.yaml', contents: '- Asia\n' };
    expect(check({ topics: [TOPIC, list] }).problems).toEqual([
      { file: 'content/topics/asia.yaml', line: 1, field: 'file', message: 'must be a YAML mapping of field: value lines' },
    ]);
  });

  it('reports an unknown field in a topic file at its line', () => {
    const typo = { path: 'content/topics/asia.yaml', contents: 'name: "Asia"\ndescripton: "News from Asia"\n' };
    expect(check({ topics: [TOPIC, typo] }).problems).toEqual([
      { file: 'content/topics/asia.yaml', line: 2, field: 'descripton', message: 'unknown field: check its spelling against the content model in README.md' },
    ]);
  });

  it('reports an author file without name', () => {
    const nameless = { path: 'content/authors/john-roe.yaml', contents: 'bio: "Reporter"\n' };
    expect(check({ authors: [AUTHOR, nameless] }).problems).toEqual([
      { file: 'content/authors/john-roe.yaml', line: 1, field: 'name', message: 'required field is missing (expected string)' },
    ]);
  });

  it('reports a topic file name that is not a slug', () => {
    const bad = { path: 'content/topics/Hong Kong.yaml', contents: 'name: "Hong Kong"\n' };
    expect(check({ topics: [bad] }).problems).toContainEqual({
      file: 'content/topics/Hong Kong.yaml',
      line: 1,
      field: 'file',
      message: 'file name "Hong Kong" is not a URL slug: use lower-case a-z, 0-9 and single hyphens',
    });
  });
});

describe('checkContent: several problems', () => {
  it('reports every problem of one article, not just the first', () => {
    const fm = frontmatter({ headline: undefined, topics: '"hong-kong"', publishedAt: '"2016-11-20"', publishAt: '"x"' });
    const fields = check({ articles: [article(fm)] }).problems.map((p) => p.field).sort();
    expect(fields).toEqual(['headline', 'publishAt', 'publishedAt', 'topics']);
  });

  it('reports every bad file of a tree, in file order', () => {
    const tree: Partial<ContentTree> = {
      articles: [
        article(frontmatter({ headline: '42' }), 'content/articles/a-wrong-type.md'),
        { path: 'content/articles/b-no-frontmatter.md', contents: '# Just a heading\n' },
        article(frontmatter({ publishedAt: '"next tuesday"' }), 'content/articles/c-bad-date.md'),
        article(frontmatter({ topics: '\n  - atlantis' }), 'content/articles/d-unknown-topic.md'),
        article(frontmatter(), 'content/articles/e-fine.md'),
        article('headline: "unclosed\n', 'content/articles/f-bad-yaml.md'),
      ],
      topics: [TOPIC, { path: 'content/topics/nameless.yaml', contents: 'description: "x"\n' }],
    };
    const lines = sortProblems(check(tree).problems).map(formatProblem);
    expect(lines).toHaveLength(6);
    expect(lines.map((l) => l.split(': ').slice(0, 2).join(': '))).toEqual([
      'content/articles/a-wrong-type.md:2: headline',
      'content/articles/b-no-frontmatter.md:1: frontmatter',
      'content/articles/c-bad-date.md:6: publishedAt',
      'content/articles/d-unknown-topic.md:5: topics[0]',
      expect.stringMatching(/^content\/articles\/f-bad-yaml\.md:\d+: frontmatter$/),
      'content/topics/nameless.yaml:1: name',
    ]);
  });
});
