/**
 * Sections: which desk an article and a topic belong to. The one rule, used by section
 * fronts, breadcrumbs, the masthead, the topics index, search filters and feeds.
 *
 * Rule: a topic belongs to the section that lists it (a topic is in at most one section,
 * checked by the site configuration). An article belongs to the section of its first topic
 * (frontmatter order, primary first) that some section lists; an article none of whose
 * topics is listed belongs to the configured fallback section.
 */
import type { Article } from './content/article-model.ts';
import type { Section } from '../site.config.ts';

/** The sections of a site and its fallback, as the site configuration gives them. */
export interface SectionConfig {
  sections: readonly Section[];
  /** Id of one of `sections`. */
  fallbackSection: string;
}

/** Looks up sections by topic; build it once per build with {@link sectionIndex}. */
export interface SectionIndex {
  sections: readonly Section[];
  byId: ReadonlyMap<string, Section>;
  /** Section of a topic id, or undefined when no section lists it. */
  ofTopic(topicId: string): Section | undefined;
  /** Section of an article (see the module comment). */
  ofArticle(article: Pick<Article, 'topics'>): Section;
}

/**
 * Index the configured sections.
 * @throws {RangeError} if `fallbackSection` is not one of the sections (the site
 *   configuration already refuses that).
 */
export function sectionIndex(config: SectionConfig): SectionIndex {
  const byId = new Map(config.sections.map((s) => [s.id, s]));
  const byTopic = new Map<string, Section>();
  for (const section of config.sections) for (const topic of section.topics) if (!byTopic.has(topic)) byTopic.set(topic, section);
  const fallback = byId.get(config.fallbackSection);
  if (!fallback) throw new RangeError(`fallback section "${config.fallbackSection}" is not a configured section`);
  return {
    sections: config.sections,
    byId,
    ofTopic: (topicId) => byTopic.get(topicId),
    ofArticle: (article) => {
      for (const topic of article.topics) {
        const section = byTopic.get(topic.id);
        if (section) return section;
      }
      return fallback;
    },
  };
}

/**
 * Published articles per section id, each list newest first (the input order is kept, so
 * pass a newest-first list). Every configured section has an entry, possibly empty.
 */
export function groupBySection<T extends Pick<Article, 'topics'>>(articles: readonly T[], index: SectionIndex): Map<string, T[]> {
  const groups = new Map<string, T[]>(index.sections.map((s) => [s.id, []]));
  for (const article of articles) groups.get(index.ofArticle(article).id)!.push(article);
  return groups;
}
