import { describe, expect, it } from 'vitest';
import { buildListingLastmods, type ListedArticle } from '../../src/lib/distribution/sitemap.ts';
import { homePath } from '../../src/lib/urls.ts';

const SITE = 'https://dateline.example';
const d = (iso: string) => new Date(iso);

function listed(id: string, publishedAt: string, fields: Partial<ListedArticle> = {}): ListedArticle {
  return { id, publishedAt: d(publishedAt), lastModified: d(publishedAt), topicIds: ['t'], authorIds: [], correctionTimes: [], ...fields };
}

describe('buildListingLastmods', () => {
  const newest = listed('newest', '2020-01-03T00:00:00Z');
  const middle = listed('middle', '2020-01-02T00:00:00Z', { lastModified: d('2020-02-01T00:00:00Z'), topicIds: ['t', 'u'], authorIds: ['jane'], correctionTimes: [d('2020-02-01T00:00:00Z')] });
  const oldest = listed('oldest', '2020-01-01T00:00:00Z', { authorIds: ['jane'] });
  const map = buildListingLastmods([oldest, newest, middle], SITE, 2);

  it('gives each topic and author page the newest change among the articles it lists', () => {
    expect(map.get(`${SITE}/topics/t/`)).toEqual(d('2020-02-01T00:00:00Z'));
    expect(map.get(`${SITE}/topics/u/`)).toEqual(d('2020-02-01T00:00:00Z'));
    expect(map.get(`${SITE}/authors/jane/`)).toEqual(d('2020-02-01T00:00:00Z'));
  });

  it('paginates like the pages: newest first, pageSize per page', () => {
    // topic t: [newest, middle] on page 1, [oldest] on page 2
    expect(map.get(`${SITE}/topics/t/2/`)).toEqual(d('2020-01-01T00:00:00Z'));
    expect(map.get(`${SITE}/`)).toEqual(d('2020-02-01T00:00:00Z'));
    expect(map.get(`${SITE}${homePath(2)}`)).toEqual(d('2020-01-01T00:00:00Z'));
    expect(map.has(`${SITE}${homePath(3)}`)).toBe(false);
  });

  it('dates the indexes at the newest change and the corrections page at its newest correction', () => {
    expect(map.get(`${SITE}/topics/`)).toEqual(d('2020-02-01T00:00:00Z'));
    expect(map.get(`${SITE}/authors/`)).toEqual(d('2020-02-01T00:00:00Z'));
    expect(map.get(`${SITE}/corrections/`)).toEqual(d('2020-02-01T00:00:00Z'));
  });

  it('is empty without articles, and has no corrections entry without corrections', () => {
    expect(buildListingLastmods([], SITE, 20).size).toBe(0);
    expect(buildListingLastmods([newest], SITE, 20).has(`${SITE}/corrections/`)).toBe(false);
  });
});
