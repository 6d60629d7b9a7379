import { createHash } from 'node:crypto';

/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`): a page whose
 * key and code are unchanged since the last build is copied instead of rendered again.
 *
 * A key must change whenever anything the page shows changes, so it is a SHA-256 over the
 * JSON of everything the page renders from data: the site configuration and build mode
 * (`env`), the resolved articles it shows (headlines, dates, topic and author names…) and
 * the content digests of the files whose bodies it renders. Astro itself adds the hash of
 * the page's code. `Date`s serialise as ISO strings.
 *
 * @returns 43 characters of base64url.
 */
export function pageCacheKey(env: string, ...parts: unknown[]): string {
  const hash = createHash('sha256').update(env);
  for (const part of parts) hash.update('\u0000').update(JSON.stringify(part) ?? 'undefined');
  return hash.digest('base64url');
}
