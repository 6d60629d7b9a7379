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
 *
 * When every page handed to Pagefind is byte for byte what the last build indexed, the last
 * build's bundles are copied from a verified cache under `<cacheDir>/dateline/search/`
 * instead (`src/build/search-cache.ts`): a rebuild with no article change does not pay for
 * indexing, which grows with the archive.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { restoreSearchIndex, SearchDigest, storeSearchIndex } from '../build/search-cache.ts';

/** The installed Pagefind's version (part of the cache key), from its package.json under the project root. */
async function pagefindVersion(root: string): Promise<string> {
  const pkg = JSON.parse(await fs.readFile(path.join(root, 'node_modules', 'pagefind', 'package.json'), 'utf8')) as { version?: string };
  if (!pkg.version) throw new Error('search index: node_modules/pagefind/package.json has no version');
  return pkg.version;
}

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

/** The path Pagefind records for an article page, relative to the output: `articles/<slug>/index.html`. */
function sourcePathOf(file: string): string {
  return path.posix.join('articles', file.split(path.sep).join('/'));
}

/** See the module comment. */
export function searchIndex(): AstroIntegration {
  let cacheDir = '';
  let root = '';
  return {
    name: 'dateline-search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = path.join(fileURLToPath(config.cacheDir), 'dateline', 'search');
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const started = performance.now();
        const articlesDir = path.join(outDir, 'articles');
        const files = (await fs.readdir(articlesDir, { recursive: true })).filter((f) => f.endsWith('index.html')).sort();
        // First pass: the cache key and each page's bundle. Only paths are kept: the pages are
        // read again (one at a time) if the index has to be built.
        const byBundle = new Map<SearchBundle, string[]>(SEARCH_BUNDLES.map((b) => [b, []]));
        const digest = new SearchDigest(await pagefindVersion(root));
        for (const file of files) {
          const content = await fs.readFile(path.join(articlesDir, file), 'utf8');
          // Belt and braces: a page without the published marker is never handed to Pagefind.
          if (!/<article\b[^>]*\bdata-pagefind-body\b/.test(content)) continue;
          const bundle = bundleOfPage(content);
          byBundle.get(bundle)!.push(file);
          digest.add(bundle.dir, bundle.language, sourcePathOf(file), content);
        }
        const key = digest.digest();
        const dirs = SEARCH_BUNDLES.map((b) => b.dir);
        const restore = await restoreSearchIndex(cacheDir, key, dirs, outDir);
        const sizes = [...byBundle].map(([bundle, pages]) => `${pages.length} in /${bundle.dir}/`).join(', ');
        if (restore === 'restored') {
          logger.info(`article pages unchanged since the last build (${sizes}): search index restored from the cache (${Math.round(performance.now() - started)} ms)`);
          return;
        }
        if (restore.startsWith('damaged')) logger.warn(`search index cache not used (${restore}): indexing again`);
        const counts: string[] = [];
        try {
          for (const [bundle, pages] of byBundle) {
            const { index, errors } = await pagefind.createIndex({ forceLanguage: bundle.language });
            if (!index) throw new Error(`search index: Pagefind did not start: ${errors.join('; ')}`);
            let indexed = 0;
            for (const file of pages) {
              const page = { sourcePath: sourcePathOf(file), content: await fs.readFile(path.join(articlesDir, file), 'utf8') };
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
        await storeSearchIndex(cacheDir, key, dirs, outDir);
        logger.info(`article pages indexed: ${counts.join(', ')} (${Math.round(performance.now() - started)} ms)`);
      },
    },
  };
}
