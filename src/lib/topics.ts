import type { Article, TopicRef } from './content/article-model.ts';

/**
 * Topics related to a topic: the other topics of its stories, most shared stories first
 * (ties by name in `locale`), at most `limit`.
 *
 * @param topicId - the topic whose page is shown.
 * @param stories - that topic's published stories.
 * @returns each related topic with the number of the topic's stories it shares.
 */
export function relatedTopics(topicId: string, stories: readonly Article[], locale: string, limit = 8): { topic: TopicRef; shared: number }[] {
  const counts = new Map<string, { topic: TopicRef; shared: number }>();
  for (const story of stories) {
    for (const t of story.topics) {
      if (t.id === topicId) continue;
      const entry = counts.get(t.id) ?? { topic: t, shared: 0 };
      entry.shared++;
      counts.set(t.id, entry);
    }
  }
  return [...counts.values()].sort((a, b) => b.shared - a.shared || a.topic.name.localeCompare(b.topic.name, locale)).slice(0, limit);
}
