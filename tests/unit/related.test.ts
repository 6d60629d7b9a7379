import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/lib/content/article-model.ts';
import { sortNewestFirst } from '../../src/lib/content/article-model.ts';
import { pickRelated } from '../../src/lib/content/related.ts';
import { makeArticle } from './make-article.ts';

const HK = { id: 'hong-kong', name: 'Hong Kong' };
const JAPAN = { id: 'japan-russia-relations', name: 'Japan–Russia relations' };
const SPORT = { id: 'sports', name: 'Sports' };

/** Articles on a day-by-day timeline: `day` 1 is the oldest. */
const on = (id: string, day: number, topics: Article['topics'], related: string[] = []) =>
  makeArticle({ id, topics, related, publishedAt: new Date(Date.UTC(2016, 10, day, 5, 3)) });

/** The lookups pages get from the site index: per-topic lists newest first, and by id. */
function setup(...articles: Article[]) {
  const newestFirst = sortNewestFirst(articles);
  const byTopic = new Map<string, Article[]>();
  for (const a of newestFirst) for (const t of a.topics) byTopic.set(t.id, [...(byTopic.get(t.id) ?? []), a]);
  return { byTopic, byId: new Map(articles.map((a) => [a.id, a])) };
}

describe('pickRelated', () => {
  it('lists the hand-picked articles first, in frontmatter order, even when older or off-topic', () => {
    const subject = on('subject', 20, [HK], ['old-sport', 'old-japan']);
    const { byTopic, byId } = setup(subject, on('old-sport', 1, [SPORT]), on('old-japan', 2, [JAPAN]), on('new-hk', 19, [HK]));
    expect(pickRelated(subject, byTopic, byId).map((a) => a.id)).toEqual(['old-sport', 'old-japan', 'new-hk']);
  });

  it('then adds the newest articles that share any topic, not only the primary one', () => {
    const subject = on('subject', 20, [HK, JAPAN]);
    const { byTopic, byId } = setup(subject, on('hk-old', 3, [HK]), on('japan-new', 18, [SPORT, JAPAN]), on('hk-mid', 10, [HK]));
    expect(pickRelated(subject, byTopic, byId).map((a) => a.id)).toEqual(['japan-new', 'hk-mid', 'hk-old']);
  });

  it('lists an article that shares two topics once', () => {
    const subject = on('subject', 20, [HK, JAPAN]);
    const { byTopic, byId } = setup(subject, on('both', 19, [HK, JAPAN]), on('hk-only', 18, [HK]));
    expect(pickRelated(subject, byTopic, byId).map((a) => a.id)).toEqual(['both', 'hk-only']);
  });

  it('still fills the block when the article and its hand-picked ones are the newest of the topic', () => {
    const subject = on('subject', 18, [HK], ['pick']);
    const { byTopic, byId } = setup(subject, on('pick', 19, [HK]), on('x', 17, [HK]), on('y', 16, [HK]), on('z', 15, [HK]));
    expect(pickRelated(subject, byTopic, byId, 3).map((a) => a.id)).toEqual(['pick', 'x', 'y']);
  });

  it('leaves out articles that share no topic', () => {
    const subject = on('subject', 20, [HK]);
    const { byTopic, byId } = setup(subject, on('sport', 19, [SPORT]));
    expect(pickRelated(subject, byTopic, byId)).toEqual([]);
  });

  it('never includes the article itself, even when it lists itself', () => {
    const subject = on('subject', 20, [HK], ['subject']);
    const { byTopic, byId } = setup(subject, on('other', 19, [HK]));
    expect(pickRelated(subject, byTopic, byId).map((a) => a.id)).toEqual(['other']);
  });

  it('lists an article once when it is both hand-picked and on the same topic, or picked twice', () => {
    const subject = on('subject', 20, [HK], ['older-hk', 'older-hk']);
    const { byTopic, byId } = setup(subject, on('older-hk', 5, [HK]), on('newer-hk', 19, [HK]));
    expect(pickRelated(subject, byTopic, byId).map((a) => a.id)).toEqual(['older-hk', 'newer-hk']);
  });

  it('skips hand-picked ids that are not published', () => {
    const subject = on('subject', 20, [HK], ['draft-or-missing', 'kept']);
    const { byTopic, byId } = setup(subject, on('kept', 1, [SPORT]));
    expect(pickRelated(subject, byTopic, byId).map((a) => a.id)).toEqual(['kept']);
  });

  it('returns at most 5 by default', () => {
    const others = [1, 2, 3, 4, 5, 6, 7].map((day) => on(`hk-${day}`, day, [HK]));
    const subject = on('subject', 20, [HK]);
    const { byTopic, byId } = setup(subject, ...others);
    expect(pickRelated(subject, byTopic, byId).map((a) => a.id)).toEqual(['hk-7', 'hk-6', 'hk-5', 'hk-4', 'hk-3']);
  });

  it('counts hand-picked articles toward the limit', () => {
    const subject = on('subject', 20, [HK], ['pick-a', 'pick-b', 'pick-c']);
    const { byTopic, byId } = setup(subject, on('pick-a', 1, [SPORT]), on('pick-b', 2, [SPORT]), on('pick-c', 3, [SPORT]), on('hk', 19, [HK]));
    expect(pickRelated(subject, byTopic, byId, 2).map((a) => a.id)).toEqual(['pick-a', 'pick-b']);
  });
});

describe('pickRelated scoring', () => {
  it('ranks a story sharing a rare topic above one sharing a common topic, at the same distance in time', () => {
    const POLITICS = { id: 'politics', name: 'Politics' };
    const subject = on('subject', 15, [POLITICS, JAPAN]);
    const common = Array.from({ length: 8 }, (_, i) => on(`politics-${i}`, 1 + i, [POLITICS]));
    const { byTopic, byId } = setup(subject, ...common, on('japan', 14, [JAPAN]), on('politics-near', 16, [POLITICS]));
    expect(pickRelated(subject, byTopic, byId)[0]!.id).toBe('japan');
  });

  it('prefers stories from around the same time to ones years apart, older or newer', () => {
    const subject = makeArticle({ id: 'subject', topics: [HK], publishedAt: new Date('2016-11-20T05:03:00Z') });
    const far = makeArticle({ id: 'far-newer', topics: [HK], publishedAt: new Date('2024-01-01T00:00:00Z') });
    const near = makeArticle({ id: 'near-older', topics: [HK], publishedAt: new Date('2016-10-01T00:00:00Z') });
    const { byTopic, byId } = setup(subject, far, near);
    expect(pickRelated(subject, byTopic, byId).map((a) => a.id)).toEqual(['near-older', 'far-newer']);
  });

  it('picks the stories nearest in time from a topic of 400', () => {
    const subject = on('subject', 28, [HK]);
    const many = Array.from({ length: 400 }, (_, i) => makeArticle({ id: `hk-${i}`, topics: [HK], publishedAt: new Date(Date.UTC(2016, 10, 28, 0, 0) - (i + 1) * 60_000) }));
    const { byTopic, byId } = setup(subject, ...many);
    const ids = pickRelated(subject, byTopic, byId).map((a) => a.id);
    expect(ids).toEqual(['hk-0', 'hk-1', 'hk-2', 'hk-3', 'hk-4']);
  });
});
