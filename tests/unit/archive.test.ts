import { describe, expect, it } from 'vitest';
import { buildArchive, monthName } from '../../src/lib/archive.ts';
import { sortNewestFirst } from '../../src/lib/content/article-model.ts';
import { makeArticle } from './make-article.ts';

describe('buildArchive', () => {
  it('groups by year and month in the newsroom zone, newest first', () => {
    const articles = sortNewestFirst([
      makeArticle({ id: 'seed', publishedAt: new Date('2016-11-20T13:03:00+08:00') }),
      // 16:30 UTC on 30 November is 00:30 on 1 December in Hong Kong: a December story.
      makeArticle({ id: 'after-midnight', publishedAt: new Date('2016-11-30T16:30:00Z') }),
      makeArticle({ id: 'old', publishedAt: new Date('2005-11-12T12:00:00+09:00') }),
      makeArticle({ id: 'september', publishedAt: new Date('2016-09-09T12:00:00Z') }),
    ]);
    const archive = buildArchive(articles, 'Asia/Hong_Kong');
    expect(archive.map((y) => [y.year, y.count, y.months.map((m) => [m.month, m.articles.map((a) => a.id)])])).toEqual([
      [2016, 3, [[12, ['after-midnight']], [11, ['seed']], [9, ['september']]]],
      [2005, 1, [[11, ['old']]]],
    ]);
    expect(buildArchive(articles, 'UTC')[0]!.months[0]!.month).toBe(11);
  });

  it('is empty without stories', () => {
    expect(buildArchive([], 'Asia/Hong_Kong')).toEqual([]);
  });
});

describe('monthName', () => {
  it('names the month in the locale', () => {
    expect(monthName(11, 'en-GB')).toBe('November');
    expect(monthName(1, 'ja')).toBe('1月');
  });
});
