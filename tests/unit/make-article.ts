/**
 * Small, explicit `Article` values for unit tests. Every field a test does not care about
 * gets a neutral default; the seed article's real times are exported for reuse.
 */
import type { Article } from '../../src/lib/content/article-model.ts';

/** The seed article (shared/seed): published 1:03pm and updated 10:45pm Hong Kong time. */
export const SEED_PUBLISHED = new Date('2016-11-20T13:03:00+08:00');
export const SEED_UPDATED = new Date('2016-11-20T22:45:00+08:00');

/** An article with the given fields; `id` is required so every test names its articles. */
export function makeArticle(fields: Partial<Article> & Pick<Article, 'id'>): Article {
  return {
    filePath: `src/content/articles/${fields.id}.md`,
    headline: `Headline of ${fields.id}`,
    standfirst: `Standfirst of ${fields.id}`,
    topics: [{ id: 'hong-kong', name: 'Hong Kong' }],
    authors: [],
    publishedAt: SEED_PUBLISHED,
    related: [],
    corrections: [],
    redirectFrom: [],
    state: 'published',
    bodyDigest: `digest-of-${fields.id}`,
    ...fields,
  };
}
