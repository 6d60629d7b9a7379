import type { Article } from './article-model.ts';

/** How many neighbours in time, on each side, are read from each shared topic's list. */
const WINDOW = 50;
const DAY_MS = 86_400_000;
/** Days at which the time weight of a candidate has halved. */
const HALF_WEIGHT_DAYS = 180;

/**
 * The related-stories block of an article: first its hand-picked `related` ids in
 * frontmatter order, then the other articles that share at least one topic with it, best
 * score first, without duplicates and never the article itself.
 *
 * Score of a candidate = Σ over shared topics of idf(topic) × time weight, where
 * - idf(topic) = ln(1 + N / n), N the number of published articles and n the topic's: a
 *   topic few stories share ("Japan–Russia relations") weighs more than a broad one
 *   ("Politics and conflicts") — the inverse document frequency of information retrieval;
 * - time weight = 1 / (1 + |days between the two stories| / 180): stories from around the
 *   same time are more related than ones years apart.
 * Ties go to the newer story, then to the id, so the order is stable across builds.
 *
 * Cost: O(topics × WINDOW) per article — only the `WINDOW` stories nearest in time on each
 * side of the article are read from each topic's list (found by binary search), so a topic
 * with 10,000 stories costs the same as one with 100.
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
  const total = Math.max(byId.size, 1);
  const at = article.publishedAt.getTime();
  const scores = new Map<string, { article: Article; score: number }>();
  for (const topic of article.topics) {
    const list = articlesByTopic.get(topic.id) ?? [];
    if (list.length === 0) continue;
    const idf = Math.log(1 + total / list.length);
    const centre = indexNearest(list, at);
    for (const other of list.slice(Math.max(0, centre - WINDOW), centre + WINDOW + 1)) {
      if (seen.has(other.id)) continue;
      const days = Math.abs(other.publishedAt.getTime() - at) / DAY_MS;
      const entry = scores.get(other.id) ?? { article: other, score: 0 };
      entry.score += idf / (1 + days / HALF_WEIGHT_DAYS);
      scores.set(other.id, entry);
    }
  }
  const ranked = [...scores.values()].sort(
    (a, b) => b.score - a.score || b.article.publishedAt.getTime() - a.article.publishedAt.getTime() || a.article.id.localeCompare(b.article.id),
  );
  for (const { article: other } of ranked) add(other);
  return picked;
}

/** Index of the first article of a newest-first list published at or before `time`. */
function indexNearest(newestFirst: readonly Article[], time: number): number {
  let lo = 0;
  let hi = newestFirst.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (newestFirst[mid]!.publishedAt.getTime() > time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
