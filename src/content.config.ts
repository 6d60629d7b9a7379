/**
 * Content collections: loaders and schemas only. Rules live in `src/schemas/`.
 * The standalone checker (`scripts/check-content.ts`) validates the same files with the
 * same schemas before `astro build` runs, and reports every problem at once.
 */
import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { ArticleSchema, type ReferenceFactory } from './schemas/article.ts';
import { TopicSchema } from './schemas/topic.ts';
import { AuthorSchema } from './schemas/author.ts';
import { contentRoot, idFromPath } from './content-paths.ts';

const root = contentRoot();
const generateId = ({ entry }: { entry: string }) => idFromPath(entry);

const articles = defineCollection({
  // retainBody: false — pages and feeds use the rendered HTML only; dropping the Markdown
  // source roughly halves the data store that every build loads (126 MB → see bench/RESULTS.md at 10k).
  loader: glob({ pattern: '**/*.md', base: `${root}/articles`, generateId, retainBody: false }),
  schema: ArticleSchema(reference as unknown as ReferenceFactory),
});
const topics = defineCollection({
  loader: glob({ pattern: '*.{yaml,yml}', base: `${root}/topics`, generateId }),
  schema: TopicSchema(),
});
const authors = defineCollection({
  loader: glob({ pattern: '*.{yaml,yml}', base: `${root}/authors`, generateId }),
  schema: AuthorSchema(),
});

export const collections = { articles, topics, authors };
