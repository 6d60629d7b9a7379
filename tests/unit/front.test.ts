import { describe, expect, it } from 'vitest';
import { buildFront, resolveFront } from '../../src/lib/front.ts';
import type { Article } from '../../src/lib/content/article-model.ts';
import { makeArticle } from './make-article.ts';

/** Ten published articles a…j, newest first (a newest). */
const newest: Article[] = 'abcdefghij'.split('').map((id, i) => makeArticle({ id, publishedAt: new Date(Date.UTC(2016, 10, 20 - i)) }));
const byId = new Map(newest.map((a) => [a.id, a]));
const NOW = new Date('2016-11-21T00:00:00Z');
const section = (id: string) => ({ id, name: id, description: id, topics: [] });

describe('resolveFront', () => {
  it('gives the placed lead and top stories in order', () => {
    const picks = resolveFront({ file: 'front.yaml', lead: 'e', top: ['c', 'h'] }, byId, NOW);
    expect(picks?.lead?.id).toBe('e');
    expect(picks?.top.map((a) => a.id)).toEqual(['c', 'h']);
  });

  it('is null once the placement has expired, and without a placement', () => {
    expect(resolveFront({ file: 'front.yaml', lead: 'e', top: [], expires: NOW }, byId, NOW)).toBeNull();
    expect(resolveFront({ file: 'front.yaml', lead: 'e', top: [], expires: new Date(NOW.getTime() + 1) }, byId, NOW)?.lead?.id).toBe('e');
    expect(resolveFront(null, byId, NOW)).toBeNull();
  });

  it('drops a placed story that is not published (a draft or embargoed story is absent from the published list)', () => {
    const picks = resolveFront({ file: 'front.yaml', lead: 'embargoed-story', top: ['c', 'draft-story', 'h'] }, byId, NOW);
    expect(picks?.lead?.id).toBe('c');
    expect(picks?.top.map((a) => a.id)).toEqual(['h']);
    expect(resolveFront({ file: 'front.yaml', lead: 'embargoed-story', top: [] }, byId, NOW)).toBeNull();
  });
});

describe('buildFront', () => {
  it('leads with the newest story and fills four top stories without a placement', () => {
    const front = buildFront(newest, null);
    expect(front.lead?.id).toBe('a');
    expect(front.top.map((a) => a.id)).toEqual(['b', 'c', 'd', 'e']);
    expect(front.latest.map((a) => a.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
  });

  it('puts hand-picked stories first and backfills with the newest, never twice', () => {
    const front = buildFront(newest, { lead: byId.get('g')!, top: [byId.get('a')!, byId.get('i')!] });
    expect(front.lead?.id).toBe('g');
    expect(front.top.map((a) => a.id)).toEqual(['a', 'i', 'b', 'c']);
  });

  it('gives each section block its newest stories not already shown, and leaves out empty blocks', () => {
    const front = buildFront(newest, null, [
      { section: section('asia'), articles: [byId.get('a')!, byId.get('c')!, byId.get('f')!, byId.get('j')!] },
      { section: section('sport'), articles: [byId.get('b')!] },
    ], { perSection: 2 });
    expect(front.sections.map((b) => [b.section.id, b.articles.map((a) => a.id)])).toEqual([['asia', ['f', 'j']]]);
  });

  it('has no lead on an empty site', () => {
    expect(buildFront([], null)).toEqual({ lead: null, top: [], sections: [], latest: [] });
  });
});
