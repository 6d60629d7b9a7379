import type { Article } from './article-model.ts';
import { sortNewestFirst } from './article-model.ts';

/**
 * The related-articles block of an article: first its hand-picked `related` ids in
 * frontmatter order, then the newest other articles that share at least one topic with it,
 * without duplicates and never the article itself.
 *
 * Cost: O(topics × limit) per article — only the head of each topic's list is read, since
 * the newest `limit` articles sharing any topic are among the first `limit + 1` of one of
 * those lists (the `+ 1` allows for the article itself).
 *
 * @param article - the article being shown.
 * @param articlesByTopic - published articles per topic id, each list newest first.
 * @param byId - published articles by id (unknown ids are skipped: the content check
 *   already fails the build on a `related` entry that is missing or unpublished).
 * @param limit - maximum number of entries (default 5).
 */
export function pickRelated(
  article: Article,
  articlesByTopic: ReadonlyMap<string, readonly Article[]>,
  byId: ReadonlyMap<string, Article>,
  limit = 5,
): Article[] {
  const picked: Article[] = [];
  const seen = new Set([article.id]);
  const add = (candidate: Article | undefined) => {
    if (!candidate || seen.has(candidate.id) || picked.length >= limit) return;
    seen.add(candidate.id);
    picked.push(candidate);
  };
  for (const id of article.related) add(byId.get(id));
  const heads = new Map<string, Article>();
  for (const topic of article.topics) {
    for (const other of (articlesByTopic.get(topic.id) ?? []).slice(0, limit + 1)) heads.set(other.id, other);
  }
  for (const other of sortNewestFirst([...heads.values()])) add(other);
  return picked;
}
