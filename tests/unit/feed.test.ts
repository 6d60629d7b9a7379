import { describe, expect, it } from 'vitest';
import { FEED_NAMESPACES, buildFeedItems, feedLastChanged } from '../../src/lib/feed.ts';
import { SEED_PUBLISHED, SEED_UPDATED, makeArticle } from './make-article.ts';

const SITE = 'https://dateline.example';

const seed = makeArticle({
  id: 'abe-putin-hold-intensive-talks-on-disputed-islands',
  headline: 'Abe, Putin hold intensive talks on disputed islands ahead of Russian leader’s Tokyo visit',
  standfirst: 'Lingering tensions have prevented the two countries ever signing a peace treaty to formally end second world war hostilities',
  topics: [
    { id: 'shinzo-abe', name: 'Shinzo Abe' },
    { id: 'japan-russia-relations', name: 'Japan–Russia relations' },
    { id: 'diplomacy', name: 'Diplomacy' },
  ],
  publishedAt: SEED_PUBLISHED,
  updatedAt: SEED_UPDATED,
});
const older = makeArticle({ id: 'older-story', publishedAt: new Date('2016-11-19T09:00:00+08:00') });
const oldest = makeArticle({ id: 'oldest-story', publishedAt: new Date('2016-11-18T09:00:00+08:00') });

describe('buildFeedItems', () => {
  it('keeps at most `size` items, newest first as given', () => {
    expect(buildFeedItems([seed, older, oldest], 2, SITE).map((i) => i.link)).toEqual([
      `${SITE}/articles/abe-putin-hold-intensive-talks-on-disputed-islands/`,
      `${SITE}/articles/older-story/`,
    ]);
  });

  it('gives every article when there are fewer than `size`', () => {
    expect(buildFeedItems([seed, older], 50, SITE)).toHaveLength(2);
    expect(buildFeedItems([], 50, SITE)).toEqual([]);
  });

  it('uses the headline as title and the standfirst as description, unescaped (the RSS library escapes)', () => {
    const tricky = makeArticle({ id: 'tricky', headline: 'Tom & Jerry <live> “at last”', standfirst: 'Fish & chips — 5 < 6' });
    const [item] = buildFeedItems([tricky], 50, SITE);
    expect(item!.title).toBe('Tom & Jerry <live> “at last”');
    expect(item!.description).toBe('Fish & chips — 5 < 6');
  });

  it('links to the absolute canonical URL of the article', () => {
    const [item] = buildFeedItems([seed], 50, 'http://localhost:4321');
    expect(item!.link).toBe('http://localhost:4321/articles/abe-putin-hold-intensive-talks-on-disputed-islands/');
  });

  it('dates the item at the publication instant, not the update', () => {
    const [item] = buildFeedItems([seed], 50, SITE);
    expect(item!.pubDate).toBeInstanceOf(Date);
    expect((item!.pubDate as Date).getTime()).toBe(SEED_PUBLISHED.getTime());
    expect((item!.pubDate as Date).toUTCString()).toBe('Sun, 20 Nov 2016 05:03:00 GMT');
  });

  it('has one category per topic name, in frontmatter order', () => {
    const [item] = buildFeedItems([seed], 50, SITE);
    expect(item!.categories).toEqual(['Shinzo Abe', 'Japan–Russia relations', 'Diplomacy']);
  });

  it('has no dc:creator when the article has no authors', () => {
    const [item] = buildFeedItems([seed], 50, SITE);
    expect(item!.customData).toBeUndefined();
  });

  it('writes the byline as dc:creator', () => {
    const signed = makeArticle({ id: 'signed', authors: [{ id: 'jane-doe', name: 'Jane Doe' }, { id: 'john-roe', name: 'John Roe' }] });
    const [item] = buildFeedItems([signed], 50, SITE);
    expect(item!.customData).toBe('<dc:creator>Jane Doe and John Roe</dc:creator>');
  });

  it('escapes & and < in an author name inside dc:creator', () => {
    const signed = makeArticle({ id: 'signed', authors: [{ id: 'odd', name: 'Smith & Sons <Wire>' }] });
    const [item] = buildFeedItems([signed], 50, SITE);
    expect(item!.customData).toBe('<dc:creator>Smith &amp; Sons &lt;Wire&gt;</dc:creator>');
  });

  it('declares the Dublin Core namespace it uses for dc:creator', () => {
    expect(FEED_NAMESPACES.dc).toBe('http://purl.org/dc/elements/1.1/');
  });
});

describe('feedLastChanged', () => {
  const FALLBACK = new Date('2000-01-01T00:00:00Z');

  it('is the update time of the seed when it is the newest change', () => {
    expect(feedLastChanged([seed, older], 50, FALLBACK)).toEqual(SEED_UPDATED);
  });

  it('is an older article’s update when that update is the newest change in the feed', () => {
    const revised = makeArticle({ id: 'revised', publishedAt: new Date('2016-11-01T09:00:00Z'), updatedAt: new Date('2016-12-01T09:00:00Z') });
    expect(feedLastChanged([seed, revised], 50, FALLBACK)).toEqual(new Date('2016-12-01T09:00:00Z'));
  });

  it('counts only the articles that are in the feed', () => {
    const revisedOutsideFeed = makeArticle({ id: 'revised', publishedAt: new Date('2016-11-01T09:00:00Z'), updatedAt: new Date('2017-01-01T00:00:00Z') });
    expect(feedLastChanged([seed, revisedOutsideFeed], 1, FALLBACK)).toEqual(SEED_UPDATED);
  });

  it('is the fallback for an empty feed', () => {
    expect(feedLastChanged([], 50, FALLBACK)).toBe(FALLBACK);
  });
});
