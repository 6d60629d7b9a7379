/**
 * Where content lives. `DATELINE_CONTENT_DIR` (a path relative to the project root, or
 * absolute) points the build at another content tree with the same layout — used by the
 * bad-content tests and the benchmark. Default: `src/content`.
 */
import path from 'node:path';

/** Root of the content tree: holds `articles/`, `topics/` and `authors/`. */
export function contentRoot(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): string {
  return path.resolve(cwd, env['DATELINE_CONTENT_DIR'] || 'src/content');
}

/**
 * Id of a content file: its file name without extension (`2016/11/abe-putin.md` → `abe-putin`).
 * Topics, authors and `related` refer to entries by this id, and it is the article's URL slug.
 */
export function idFromPath(file: string): string {
  return path.basename(file).replace(/\.(md|ya?ml)$/i, '');
}

/**
 * Astro's `cacheDir` for this build, relative to the project root: `node_modules/.astro`
 * (Astro's default) for the site's own content, and a folder of its own under
 * `node_modules/.astro-trees/` for another content tree (tests, benchmark), so such a build
 * never churns or races the cache of the real site. The incremental-build copies of pages
 * live in `<cacheDir>/dist/` (see src/build/restore-digests.ts).
 */
export function astroCacheDir(env: Record<string, string | undefined> = process.env): string {
  const contentDir = env['DATELINE_CONTENT_DIR'];
  return contentDir ? `node_modules/.astro-trees/${contentDir.replace(/[^a-zA-Z0-9]+/g, '-')}` : 'node_modules/.astro';
}
