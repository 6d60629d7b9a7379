import { describe, expect, it } from 'vitest';
import { lastModified, sortNewestFirst } from '../../src/lib/content/article-model.ts';
import { SEED_PUBLISHED, SEED_UPDATED } from './make-article.ts';

describe('lastModified', () => {
  it('is updatedAt when the article was updated', () => {
    expect(lastModified({ publishedAt: SEED_PUBLISHED, updatedAt: SEED_UPDATED })).toBe(SEED_UPDATED);
  });

  it('is publishedAt when there is no update', () => {
    expect(lastModified({ publishedAt: SEED_PUBLISHED })).toBe(SEED_PUBLISHED);
    expect(lastModified({ publishedAt: SEED_PUBLISHED, updatedAt: undefined })).toBe(SEED_PUBLISHED);
  });

  it('is the time of a correction made after the last update', () => {
    const corrected = new Date('2016-11-21T09:00:00+08:00');
    expect(lastModified({ publishedAt: SEED_PUBLISHED, updatedAt: SEED_UPDATED, corrections: [{ at: corrected }] })).toBe(corrected);
  });

  it('ignores a correction older than the last update', () => {
    const earlier = new Date('2016-11-20T15:00:00+08:00');
    expect(lastModified({ publishedAt: SEED_PUBLISHED, updatedAt: SEED_UPDATED, corrections: [{ at: earlier }] })).toBe(SEED_UPDATED);
  });
});

describe('sortNewestFirst', () => {
  const a = (id: string, iso: string) => ({ id, publishedAt: new Date(iso) });

  it('puts the newest publication first', () => {
    const sorted = sortNewestFirst([a('old', '2006-01-12T10:00:00Z'), a('seed', '2016-11-20T13:03:00+08:00'), a('mid', '2011-04-12T09:00:00Z')]);
    expect(sorted.map((x) => x.id)).toEqual(['seed', 'mid', 'old']);
  });

  it('compares instants, not the written local times', () => {
    // 13:03 in Hong Kong (05:03 UTC) is earlier than 07:00 in London (07:00 UTC) the same day.
    const sorted = sortNewestFirst([a('hong-kong', '2016-11-20T13:03:00+08:00'), a('london', '2016-11-20T07:00:00+00:00')]);
    expect(sorted.map((x) => x.id)).toEqual(['london', 'hong-kong']);
  });

  it('breaks a tie at the same instant by id, whatever the input order', () => {
    const same = '2016-11-20T13:03:00+08:00';
    const forward = sortNewestFirst([a('beta', same), a('alpha', same), a('gamma', same)]);
    const backward = sortNewestFirst([a('gamma', same), a('beta', same), a('alpha', same)]);
    expect(forward.map((x) => x.id)).toEqual(['alpha', 'beta', 'gamma']);
    expect(backward.map((x) => x.id)).toEqual(['alpha', 'beta', 'gamma']);
  });

  it('treats the same instant written with different offsets as a tie', () => {
    const sorted = sortNewestFirst([a('zulu', '2016-11-20T05:03:00Z'), a('hotel', '2016-11-20T13:03:00+08:00')]);
    expect(sorted.map((x) => x.id)).toEqual(['hotel', 'zulu']);
  });

  it('returns a new array and leaves the input as it was', () => {
    const input = [a('old', '2006-01-12T10:00:00Z'), a('new', '2016-11-20T05:03:00Z')];
    const sorted = sortNewestFirst(input);
    expect(sorted).not.toBe(input);
    expect(input.map((x) => x.id)).toEqual(['old', 'new']);
  });
});
