/**
 * Builds the Pagefind search indexes after the pages are written (`astro:build:done`), into
 * `<outDir>/pagefind/` (English and every language but Japanese) and `<outDir>/pagefind-ja/`
 * (Japanese). The build is atomic (scripts/build.ts): the indexes are written into the staging
 * folder with the pages, and a failure here fails the build, leaving `dist/` as it was.
 *
 * Only article pages are read (`articles/**\/index.html`), and of those only the element
 * marked `data-pagefind-body`, which ArticleLayout puts on published articles alone: the page
 * that replaces an expired article carries none, and drafts, scheduled and embargoed articles
 * have no page in a production build. Filters (section, topic, year, language) come from
 * `data-pagefind-filter` attributes on the article page.
 *
 * Why two bundles (docs/adr/0013-search-with-pagefind.md): Pagefind segments and stems by the index
 * language. One English index cannot find Japanese words (no word breaks); one index forced
 * to Japanese breaks unknown Latin words into letters, so a draft's unique word matched
 * unrelated stories through the letter "e". The search page queries both bundles.
 *
 * The Pagefind binary ships inside the npm package (`@pagefind/<platform>`): no network.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/** A search bundle: its folder under the output (also its URL path) and its index language. */
export interface SearchBundle {
  dir: string;
  language: string;
}

/** The bundles, in the order the search page merges them. */
export const SEARCH_BUNDLES: readonly SearchBundle[] = [
  { dir: 'pagefind', language: 'en' },
  { dir: 'pagefind-ja', language: 'ja' },
];

/** Which bundle an article page goes into: by the `lang` of its `<article>` element. */
export function bundleOfPage(html: string): SearchBundle {
  const lang = /<article\b[^>]*\blang="([^"]+)"/.exec(html)?.[1]?.toLowerCase() ?? '';
  return SEARCH_BUNDLES.find((b) => lang === b.language || lang.startsWith(`${b.language}-`)) ?? SEARCH_BUNDLES[0]!;
}

/** See the module comment. */
export function searchIndex(): AstroIntegration {
  return {
    name: 'dateline-search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const started = performance.now();
        const articlesDir = path.join(outDir, 'articles');
        const files = (await fs.readdir(articlesDir, { recursive: true })).filter((f) => f.endsWith('index.html'));
        const byBundle = new Map<SearchBundle, { sourcePath: string; content: string }[]>(SEARCH_BUNDLES.map((b) => [b, []]));
        for (const file of files) {
          const content = await fs.readFile(path.join(articlesDir, file), 'utf8');
          // Belt and braces: a page without the published marker is never handed to Pagefind.
          if (!/<article\b[^>]*\bdata-pagefind-body\b/.test(content)) continue;
          byBundle.get(bundleOfPage(content))!.push({ sourcePath: path.posix.join('articles', file.split(path.sep).join('/')), content });
        }
        const counts: string[] = [];
        try {
          for (const [bundle, pages] of byBundle) {
            const { index, errors } = await pagefind.createIndex({ forceLanguage: bundle.language });
            if (!index) throw new Error(`search index: Pagefind did not start: ${errors.join('; ')}`);
            let indexed = 0;
            for (const page of pages) {
              const added = await index.addHTMLFile(page);
              if (added.errors.length) throw new Error(`search index: ${page.sourcePath}: ${added.errors.join('; ')}`);
              if (added.file.uniqueWords > 0) indexed++;
            }
            const written = await index.writeFiles({ outputPath: path.join(outDir, bundle.dir) });
            if (written.errors.length) throw new Error(`search index: ${written.errors.join('; ')}`);
            await index.deleteIndex();
            // The search page uses Pagefind's API only; its ready-made UIs would be dead weight.
            for (const name of await fs.readdir(path.join(outDir, bundle.dir))) {
              if (/^pagefind-(ui|modular-ui|component-ui|highlight)\./.test(name)) await fs.rm(path.join(outDir, bundle.dir, name));
            }
            counts.push(`${indexed} in /${bundle.dir}/`);
          }
        } finally {
          await pagefind.close();
        }
        logger.info(`article pages indexed: ${counts.join(', ')} (${Math.round(performance.now() - started)} ms)`);
      },
    },
  };
}
