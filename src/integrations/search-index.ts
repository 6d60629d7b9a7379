/**
 * Builds the Pagefind search index after the pages are written (`astro:build:done`), into
 * shards under `<outDir>/pagefind/` (src/lib/search/shards.ts: per language bundle, by
 * publication year), and the shard plan the search page reads, `<outDir>/pagefind/shards.json`.
 * The build is atomic (scripts/build.ts): the index is written into the staging folder with
 * the pages, and a failure here fails the build, leaving `dist/` as it was.
 *
 * Only article pages are read (`articles/**\/index.html`), and of those only the element
 * marked `data-pagefind-body`, which ArticleLayout puts on published articles alone: the page
 * that replaces an expired article carries none, and drafts, scheduled and embargoed articles
 * have no page in a production build. Filters (section, topic, year, language) come from
 * `data-pagefind-filter` attributes on the article page; the `year` filter also picks the shard.
 *
 * Why two bundles (docs/adr/0013-search-with-pagefind.md): Pagefind segments and stems by the index
 * language. One English index cannot find Japanese words (no word breaks); one index forced
 * to Japanese breaks unknown Latin words into letters, so a draft's unique word matched
 * unrelated stories through the letter "e". The search page queries both bundles.
 *
 * The Pagefind binary ships inside the npm package (`@pagefind/<platform>`): no network.
 *
 * A shard whose pages are byte for byte those the last build indexed into it is copied from
 * a verified cache under `<cacheDir>/dateline/search/<shard>/` instead
 * (`src/build/search-cache.ts`): a rebuild indexes only the shards whose articles changed
 * (docs/adr/0016-search-shards.md), and a rebuild with no article change indexes nothing.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import pMap from 'p-map';
import * as pagefind from 'pagefind';
import { restoreSearchIndex, SearchDigest, storeSearchIndex } from '../build/search-cache.ts';
import { sha256Hex } from '../lib/cache-file.ts';
import { planShards, SHARD_MANIFEST_PATH, shardManifest, type SearchShard } from '../lib/search/shards.ts';
import { site } from '../site.config.ts';

/** The installed Pagefind's version (part of the cache key), from its package.json under the project root. */
async function pagefindVersion(root: string): Promise<string> {
  const pkg = JSON.parse(await fs.readFile(path.join(root, 'node_modules', 'pagefind', 'package.json'), 'utf8')) as { version?: string };
  if (!pkg.version) throw new Error('search index: node_modules/pagefind/package.json has no version');
  return pkg.version;
}

/** How the shards are indexed: part of the cache key, so a change of method indexes every shard again. */
const INDEXING = 'addDirectory-1';

/** A search bundle: its index language (each bundle is cut into shards, src/lib/search/shards.ts). */
export interface SearchBundle {
  language: string;
}

/** The bundles, in the order the search page merges them; each is cut into shards (src/lib/search/shards.ts). */
export const SEARCH_BUNDLES: readonly SearchBundle[] = [
  { language: 'en' },
  { language: 'ja' },
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

/** A published article page found in the output: its path under `articles/`, bundle, publication year and the SHA-256 (hex) of its HTML. */
interface PublishedPage {
  file: string;
  bundle: SearchBundle;
  year: string;
  digest: string;
}

/** The publication year ArticleLayout files a page under (its `year` search filter). */
function yearOfPage(html: string, file: string): string {
  const year = /<span data-pagefind-filter="year">(\d{4})<\/span>/.exec(html)?.[1];
  if (!year) throw new Error(`search index: articles/${file} is marked for search but has no year filter`);
  return year;
}

/**
 * Index one shard's pages into `<outDir>/<shard.dir>/`, then stop the Pagefind service so its
 * memory is given back before the next shard. Pagefind reads the pages itself from a tree of
 * hard links to them (`<inputDir>/articles/<slug>/index.html`, a copy where the file system
 * cannot link): its directory walk reads and parses on every core, twice as fast as handing
 * it the pages one by one (measured at 1,000 pages: 2.1 s against 4.1 s), and the tree holds
 * exactly the shard's pages. The tree is deleted afterwards.
 * @returns the number of pages Pagefind indexed.
 * @throws Error with Pagefind's messages when Pagefind refuses the pages or the write.
 */
async function indexShard(shard: SearchShard, pages: readonly PublishedPage[], articlesDir: string, inputDir: string, outDir: string): Promise<number> {
  await fs.rm(inputDir, { recursive: true, force: true });
  try {
    await pMap(pages, async ({ file }) => {
      const link = path.join(inputDir, sourcePathOf(file));
      await fs.mkdir(path.dirname(link), { recursive: true });
      await fs.link(path.join(articlesDir, file), link).catch(() => fs.copyFile(path.join(articlesDir, file), link));
    }, { concurrency: 16 });
    const { index, errors } = await pagefind.createIndex({ forceLanguage: shard.language });
    if (!index) throw new Error(`search index: Pagefind did not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: inputDir });
    if (added.errors.length) throw new Error(`search index: /${shard.dir}/: ${added.errors.join('; ')}`);
    const target = path.join(outDir, shard.dir);
    const written = await index.writeFiles({ outputPath: target });
    if (written.errors.length) throw new Error(`search index: ${written.errors.join('; ')}`);
    await index.deleteIndex();
    // The search page uses Pagefind's API only; its ready-made UIs would be dead weight.
    for (const name of await fs.readdir(target)) {
      if (/^pagefind-(ui|modular-ui|component-ui|highlight)\./.test(name)) await fs.rm(path.join(target, name));
    }
    return added.page_count;
  } finally {
    await pagefind.close();
    await fs.rm(inputDir, { recursive: true, force: true });
  }
}

/** See the module comment. */
export function searchIndex(): AstroIntegration {
  let cacheDir = '';
  let inputRoot = '';
  let root = '';
  return {
    name: 'dateline-search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = path.join(fileURLToPath(config.cacheDir), 'dateline', 'search');
        inputRoot = path.join(fileURLToPath(config.cacheDir), 'dateline', 'search-input');
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const started = performance.now();
        const articlesDir = path.join(outDir, 'articles');
        const files = (await fs.readdir(articlesDir, { recursive: true })).filter((f) => f.endsWith('index.html')).sort();
        // First pass: each published page's bundle, year and digest. Only these are kept: the
        // pages of a shard are read again (one at a time) if that shard has to be indexed.
        const found = await pMap(files, async (file): Promise<PublishedPage | undefined> => {
          const bytes = await fs.readFile(path.join(articlesDir, file));
          const html = bytes.toString('utf8');
          // Belt and braces: a page without the published marker is never handed to Pagefind.
          if (!/<article\b[^>]*\bdata-pagefind-body\b/.test(html)) return undefined;
          return { file, bundle: bundleOfPage(html), year: yearOfPage(html, file), digest: sha256Hex(bytes) };
        }, { concurrency: 8 });
        const pages = found.filter((p) => p !== undefined);
        const counts = new Map(SEARCH_BUNDLES.map((b) => [b.language, new Map<string, number>()]));
        for (const { bundle, year } of pages) counts.get(bundle.language)!.set(year, (counts.get(bundle.language)!.get(year) ?? 0) + 1);
        const shards = planShards(counts, site.searchShardArticles);
        const version = `${await pagefindVersion(root)} ${INDEXING}`;
        const work = shards.map((shard) => ({ shard, pages: [] as PublishedPage[], digest: new SearchDigest(version) }));
        const byYear = new Map(work.flatMap((w) => w.shard.years.map((year) => [`${w.shard.language} ${year}`, w] as const)));
        for (const page of pages) {
          const w = byYear.get(`${page.bundle.language} ${page.year}`)!;
          w.pages.push(page);
          w.digest.add(w.shard.dir, w.shard.language, sourcePathOf(page.file), page.digest);
        }
        // One cache folder per shard; folders of shards this build does not have are stale.
        const cacheNames = new Map(work.map((w) => [w, path.basename(w.shard.dir)]));
        const current = new Set(cacheNames.values());
        for (const entry of await fs.readdir(cacheDir).catch(() => [] as string[])) {
          if (!current.has(entry)) await fs.rm(path.join(cacheDir, entry), { recursive: true, force: true });
        }
        const indexed: string[] = [];
        let restored = 0;
        for (const w of work) {
          const key = w.digest.digest();
          const shardCache = path.join(cacheDir, cacheNames.get(w)!);
          const restore = await restoreSearchIndex(shardCache, key, [w.shard.dir], outDir);
          if (restore === 'restored') {
            restored++;
            continue;
          }
          if (restore.startsWith('damaged')) logger.warn(`search index cache of /${w.shard.dir}/ not used (${restore}): indexing it again`);
          const n = await indexShard(w.shard, w.pages, articlesDir, path.join(inputRoot, cacheNames.get(w)!), outDir);
          await storeSearchIndex(shardCache, key, [w.shard.dir], outDir);
          indexed.push(`${n} in /${w.shard.dir}/`);
        }
        await fs.mkdir(path.join(outDir, 'pagefind'), { recursive: true });
        await fs.writeFile(path.join(outDir, SHARD_MANIFEST_PATH.slice(1)), `${JSON.stringify(shardManifest(shards))}\n`);
        const ms = Math.round(performance.now() - started);
        const summary = `${pages.length} article pages in ${shards.length} search shard(s): ${restored} unchanged, restored from the cache`;
        logger.info(indexed.length ? `${summary}; ${indexed.length} indexed: ${indexed.join(', ')} (${ms} ms)` : `${summary} (${ms} ms)`);
      },
    },
  };
}
