import { describe, expect, it } from 'vitest';
import { SLUG_PATTERN, absoluteUrl, articlePath, authorPath, homePath, isValidSlug, topicPath } from '../../src/lib/urls.ts';

const SEED_SLUG = 'abe-putin-hold-intensive-talks-on-disputed-islands';

describe('isValidSlug', () => {
  it.each([[SEED_SLUG], ['hong-kong'], ['fifa-world-cup-2018-day-five'], ['2016'], ['a']])('accepts %s', (slug) => {
    expect(isValidSlug(slug)).toBe(true);
  });

  it.each([
    ['an empty string', ''],
    ['spaces and capitals', 'Bad Name'],
    ['an underscore', 'upper_case'],
    ['a leading hyphen', '-abe'],
    ['a trailing hyphen', 'abe-'],
    ['a double hyphen', 'abe--putin'],
    ['non-ASCII letters', 'ünïcode-title'],
    ['a folder separator', '2016/abe-putin'],
    ['a dot', 'abe.putin'],
  ])('rejects %s', (_, slug) => {
    expect(isValidSlug(slug)).toBe(false);
  });

  it('is the same rule as SLUG_PATTERN', () => {
    expect(SLUG_PATTERN.test('abe-putin')).toBe(true);
    expect(SLUG_PATTERN.test('Abe-Putin')).toBe(false);
  });
});

describe('articlePath', () => {
  it('puts the slug under /articles/ with a trailing slash', () => {
    expect(articlePath(SEED_SLUG)).toBe(`/articles/${SEED_SLUG}/`);
  });

  it('does not include the year folder of the source file', () => {
    expect(articlePath('abe-putin')).not.toContain('2016');
  });
});

describe('topicPath', () => {
  it('gives the bare topic URL for page 1 and by default', () => {
    expect(topicPath('shinzo-abe')).toBe('/topics/shinzo-abe/');
    expect(topicPath('shinzo-abe', 1)).toBe('/topics/shinzo-abe/');
  });

  it('appends the page number from page 2 on', () => {
    expect(topicPath('shinzo-abe', 2)).toBe('/topics/shinzo-abe/2/');
    expect(topicPath('shinzo-abe', 11)).toBe('/topics/shinzo-abe/11/');
  });
});

describe('authorPath', () => {
  it('gives the bare author URL for page 1 and numbered URLs after it', () => {
    expect(authorPath('wikinews-contributors')).toBe('/authors/wikinews-contributors/');
    expect(authorPath('wikinews-contributors', 1)).toBe('/authors/wikinews-contributors/');
    expect(authorPath('wikinews-contributors', 3)).toBe('/authors/wikinews-contributors/3/');
  });
});

describe('homePath', () => {
  it('is / for page 1 and /<n>/ after it', () => {
    expect(homePath()).toBe('/');
    expect(homePath(1)).toBe('/');
    expect(homePath(2)).toBe('/page/2/');
  });
});

describe('absoluteUrl', () => {
  it('joins the site origin and a root-relative path', () => {
    expect(absoluteUrl(articlePath(SEED_SLUG), 'https://dateline.example')).toBe(`https://dateline.example/articles/${SEED_SLUG}/`);
  });

  it('gives the home page as the origin with a slash', () => {
    expect(absoluteUrl('/', 'https://dateline.example')).toBe('https://dateline.example/');
  });

  it('keeps a port and http for a local preview origin', () => {
    expect(absoluteUrl('/rss.xml', 'http://localhost:4321')).toBe('http://localhost:4321/rss.xml');
  });

  it('percent-encodes non-ASCII characters the same way every time', () => {
    expect(absoluteUrl('/topics/文化/', 'https://dateline.example')).toBe('https://dateline.example/topics/%E6%96%87%E5%8C%96/');
  });

  it('throws a TypeError for a path that is not root-relative', () => {
    expect(() => absoluteUrl('articles/x/', 'https://dateline.example')).toThrow(TypeError);
    expect(() => absoluteUrl('articles/x/', 'https://dateline.example')).toThrow('expected a root-relative path, got "articles/x/"');
  });
});
