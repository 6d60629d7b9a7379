import { describe, expect, it } from 'vitest';
import { parseYaml, splitFrontmatter } from '../../src/lib/content/frontmatter.ts';

const SEED_FRONTMATTER = [
  'headline: "Abe, Putin hold intensive talks on disputed islands ahead of Russian leader’s Tokyo visit"',
  'standfirst: "Lingering tensions have prevented the two countries ever signing a peace treaty"',
  'topics:',
  '- shinzo-abe',
  '- japan-russia-relations',
  'dateline: "LIMA"',
  'publishedAt: "2016-11-20T13:03:00+08:00"',
  'source:',
  '  name: Wikinews',
  '  url: https://en.wikinews.org/',
  '',
].join('\n');

describe('parseYaml', () => {
  it('parses a frontmatter mapping into plain data', () => {
    const parsed = parseYaml(SEED_FRONTMATTER, 2);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.data).toMatchObject({ dateline: 'LIMA', topics: ['shinzo-abe', 'japan-russia-relations'], publishedAt: '2016-11-20T13:03:00+08:00' });
  });

  it('gives the file line of a field, counting from the line where the text starts', () => {
    const parsed = parseYaml(SEED_FRONTMATTER, 2);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.lineOf(['headline'])).toBe(2);
    expect(parsed.lineOf(['publishedAt'])).toBe(8);
    const fromLineOne = parseYaml(SEED_FRONTMATTER);
    if (!fromLineOne.ok) throw new Error(fromLineOne.message);
    expect(fromLineOne.lineOf(['publishedAt'])).toBe(7);
  });

  it('gives the line of a list item and of a nested field', () => {
    const parsed = parseYaml(SEED_FRONTMATTER, 2);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.lineOf(['topics', 0])).toBe(5);
    expect(parsed.lineOf(['topics', 1])).toBe(6);
    expect(parsed.lineOf(['source', 'url'])).toBe(11);
  });

  it('falls back to the first line of the deepest value it found when the path goes further than the data', () => {
    const parsed = parseYaml(SEED_FRONTMATTER, 2);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.lineOf(['source', 'licenseUrl'])).toBe(10);
    expect(parsed.lineOf(['topics', 7])).toBe(5);
    expect(parsed.lineOf(['standfirstt'])).toBe(2);
  });

  it('reads an unquoted timestamp as a Date, as Astro’s YAML loader does', () => {
    const parsed = parseYaml('publishedAt: 2016-11-20T13:03:00+08:00\n');
    expect(parsed.ok && (parsed.data as { publishedAt: unknown }).publishedAt).toBeInstanceOf(Date);
  });

  it('reports a syntax error with its file line and js-yaml’s reason', () => {
    const parsed = parseYaml('headline: "H"\nstandfirst: a: b\n', 2);
    expect(parsed).toEqual({ ok: false, line: 3, message: 'YAML syntax error: bad indentation of a mapping entry' });
  });

  it('reports a duplicated key as a syntax error on the second occurrence', () => {
    const parsed = parseYaml('headline: "H"\nstandfirst: "S"\nheadline: "Again"\n', 2);
    expect(parsed).toMatchObject({ ok: false, line: 4, message: 'YAML syntax error: duplicated mapping key' });
  });

  it('returns undefined data for empty text', () => {
    const parsed = parseYaml('', 2);
    expect(parsed.ok && parsed.data).toBeUndefined();
  });
});

describe('splitFrontmatter', () => {
  it('splits the seed layout into frontmatter (from line 2) and body', () => {
    const split = splitFrontmatter('---\nheadline: "H"\ntopics: [a]\n---\n\nFirst paragraph.\n');
    expect(split).toEqual({ ok: true, frontmatter: 'headline: "H"\ntopics: [a]\n', frontmatterLine: 2, body: '\nFirst paragraph.\n', bodyLine: 5 });
  });

  it('counts blank lines before the opening ---', () => {
    const split = splitFrontmatter('\n\n---\nheadline: "H"\n---\nBody\n');
    expect(split).toMatchObject({ ok: true, frontmatter: 'headline: "H"\n', frontmatterLine: 4, bodyLine: 6 });
  });

  it('accepts a byte-order mark before the opening ---', () => {
    expect(splitFrontmatter('\uFEFF---\nheadline: "H"\n---\n')).toMatchObject({ ok: true, frontmatter: 'headline: "H"\n', frontmatterLine: 2 });
  });

  it('accepts Windows line endings', () => {
    const split = splitFrontmatter('---\r\nheadline: "H"\r\n---\r\nBody\r\n');
    expect(split).toMatchObject({ ok: true, frontmatterLine: 2, body: 'Body\r\n' });
    expect(split.ok && parseYaml(split.frontmatter).ok && (parseYaml(split.frontmatter) as { data: unknown }).data).toEqual({ headline: 'H' });
  });

  it('gives empty frontmatter text for an empty --- block', () => {
    expect(splitFrontmatter('---\n---\nBody\n')).toMatchObject({ ok: true, frontmatter: '', body: 'Body\n' });
  });

  it.each([
    ['a Markdown file without frontmatter', '# Headline\n\nBody.\n'],
    ['frontmatter that is never closed', '---\nheadline: "H"\n\nBody.\n'],
    ['a --- block that is not at the top', 'Intro\n---\nheadline: "H"\n---\n'],
    ['an empty file', ''],
  ])('reports no frontmatter for %s, saying what an article must start with', (_, source) => {
    expect(splitFrontmatter(source)).toEqual({
      ok: false,
      message: 'no frontmatter: an article must start with a --- block holding headline, standfirst, topics and publishedAt',
    });
  });
});
