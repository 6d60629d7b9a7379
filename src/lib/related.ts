import type { Article } from './article-model.ts';

/**
 * The related-articles block of an article: first its hand-picked `related` ids in
 * frontmatter order, then the newest other articles that share at least one topic with it,
 * without duplicates and never the article itself.
 *
 * @param article - the article being shown.
 * @param newestFirst - every published article, already sorted newest first.
 * @param byId - lookup of published articles by id (unknown ids are skipped: unpublished
 *   targets are reported by the content checker, not here).
 * @param limit - maximum number of entries (default 5).
 */
export function pickRelated(
  article: Article,
  newestFirst: readonly Article[],
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
  const topicIds = new Set(article.topics.map((t) => t.id));
  for (const other of newestFirst) {
    if (picked.length >= limit) break;
    if (other.topics.some((t) => topicIds.has(t.id))) add(other);
  }
  return picked;
}
