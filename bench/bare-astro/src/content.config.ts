/**
 * One collection over `$BENCH_CONTENT_DIR/articles/**\/*.md` with a permissive schema:
 * only `headline` is required, every other frontmatter key passes through unchecked.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const root = process.env['BENCH_CONTENT_DIR'];
if (!root) throw new Error('Set BENCH_CONTENT_DIR to a corpus made by bench/generate-corpus.ts');

const articles = defineCollection({
  loader: glob({ pattern: '**/*.md', base: `${root}/articles` }),
  schema: z.looseObject({ headline: z.string() }),
});

export const collections = { articles };
