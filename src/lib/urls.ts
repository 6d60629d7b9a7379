/**
 * Dateline's URL scheme — the only place that knows it (see docs/adr/0001-permalinks.md).
 *
 * - article: `/articles/<slug>/` where the slug is the article's file name without `.md`
 * - topic:   `/topics/<id>/`, page n ≥ 2 at `/topics/<id>/<n>/`
 * - author:  `/authors/<id>/`, page n ≥ 2 at `/authors/<id>/<n>/`
 * - home:    `/`, page n ≥ 2 at `/page/<n>/` (not `/<n>/`, which would clash with `/404` at 404 pages)
 * - indexes: `/topics/`, `/authors/`, `/corrections/`; sitemaps `/sitemap-index.xml`, `/news-sitemap.xml`
 * - section: `/<id>/`, page n ≥ 2 at `/<id>/<n>/` (ids that name another top-level route are
 *            refused by the site configuration, `RESERVED_SECTION_IDS`)
 * - archive: `/archive/`, `/archive/<yyyy>/`, `/archive/<yyyy>/<mm>/` (newsroom time zone)
 * - search:  `/search/` (`?q=` query); feeds for people: `/feeds/`
 * - feeds:   `rss.xml`, `atom.xml` and `feed.json` beside the first page of the listing they
 *            follow: `/rss.xml`, `/topics/<id>/atom.xml`, `/authors/<id>/feed.json`,
 *            `/corrections/rss.xml` (docs/adr/0006-feed-ids.md)
 *
 * Paths are root-relative and end in `/` (Astro's `directory` build format).
 */

/** A slug is lower-case ASCII letters and digits in hyphen-separated runs. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Longest slug, in characters (ASCII, so also bytes). A slug is a directory name in the
 * output (`dist/articles/<slug>/index.html`) and most file systems cap a name at 255
 * bytes; 200 leaves room for hosts and tools that add a suffix (`.tmp`, `.gz`, `.br`).
 */
export const MAX_SLUG_LENGTH = 200;

/** Whether `slug` can be used in a permalink as it is: {@link SLUG_PATTERN}, at most {@link MAX_SLUG_LENGTH} characters. */
export function isValidSlug(slug: string): boolean {
  return slug.length <= MAX_SLUG_LENGTH && SLUG_PATTERN.test(slug);
}

/** Root-relative permalink of an article: `/articles/abe-putin-hold-intensive-talks-on-disputed-islands/`. */
export function articlePath(slug: string): string {
  return `/articles/${slug}/`;
}

/**
 * The slug of an article permalink, the inverse of {@link articlePath}: `/articles/<slug>/`
 * or `/articles/<slug>` (no other path segments), root-relative or on the site's own origin
 * (`siteUrl`), with an optional `#fragment` (returned with its `#`, or ''); null for anything
 * else, and for a slug with a malformed percent-escape.
 */
export function articleSlugOfUrl(href: string, siteUrl: string): { slug: string; fragment: string } | null {
  let pathAndHash = href;
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) {
    let url: URL;
    try {
      url = new URL(href, siteUrl);
    } catch {
      return null;
    }
    if (url.origin !== new URL(siteUrl).origin) return null;
    pathAndHash = `${url.pathname}${url.hash}`;
  }
  const match = /^\/articles\/([^/?#]+)\/?(#.*)?$/.exec(pathAndHash);
  if (!match) return null;
  try {
    return { slug: decodeURIComponent(match[1]!), fragment: match[2] ?? '' };
  } catch {
    return null;
  }
}

/** Root-relative URL of a topic listing page (1-based `page`). */
export function topicPath(id: string, page = 1): string {
  return page > 1 ? `/topics/${id}/${page}/` : `/topics/${id}/`;
}

/** Root-relative URL of an author listing page (1-based `page`). */
export function authorPath(id: string, page = 1): string {
  return page > 1 ? `/authors/${id}/${page}/` : `/authors/${id}/`;
}

/** Root-relative URL of a section front (1-based `page`): `/hong-kong/`, `/hong-kong/2/`. */
export function sectionPath(id: string, page = 1): string {
  return page > 1 ? `/${id}/${page}/` : `/${id}/`;
}

/**
 * Root-relative URL of the date archive: the index with no arguments, a year (`/archive/2016/`)
 * or a month (`/archive/2016/11/`, month 1–12, written with two digits).
 */
export function archivePath(year?: number, month?: number): string {
  if (year === undefined) return '/archive/';
  if (month === undefined) return `/archive/${year}/`;
  return `/archive/${year}/${String(month).padStart(2, '0')}/`;
}

/** Root-relative URL of the search page; with a query, the GET URL the search form produces. */
export function searchPath(query?: string): string {
  return query ? `/search/?${new URLSearchParams({ q: query })}` : '/search/';
}

/** Root-relative URL of the page that lists every feed for people. */
export function feedsPagePath(): string {
  return '/feeds/';
}

/** Root-relative URL of a home listing page (1-based `page`). */
export function homePath(page = 1): string {
  return page > 1 ? `/page/${page}/` : '/';
}

/** Root-relative URL of the index of all topics. */
export function topicsIndexPath(): string {
  return '/topics/';
}

/** Root-relative URL of the index of all authors. */
export function authorsIndexPath(): string {
  return '/authors/';
}

/** Root-relative URL of the sitemap index that @astrojs/sitemap writes. */
export function sitemapIndexPath(): string {
  return '/sitemap-index.xml';
}

/** Root-relative URL of the corrections and clarifications page. */
export function correctionsPath(): string {
  return '/corrections/';
}

/** The three feed formats every feed is published in. */
export type FeedFormat = 'rss' | 'atom' | 'json';

/** File name of each feed format. `/rss.xml` is the URL of the first release: never change it. */
export const FEED_FILE_NAMES: Readonly<Record<FeedFormat, string>> = { rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json' };

/**
 * Root-relative URL of the feed that follows a listing, in one format:
 * `feedPath('/topics/shinzo-abe/', 'atom')` → `/topics/shinzo-abe/atom.xml`.
 * @param listingPath - first page of the listing (`homePath()`, `topicPath(id)`, …); ends in `/`.
 * @throws {TypeError} if `listingPath` is not a root-relative path ending in `/`.
 */
export function feedPath(listingPath: string, format: FeedFormat): string {
  if (!listingPath.startsWith('/') || !listingPath.endsWith('/')) throw new TypeError(`expected a listing path like /topics/x/, got "${listingPath}"`);
  return `${listingPath}${FEED_FILE_NAMES[format]}`;
}

/**
 * Root-relative URL of the Google News sitemap: `/news-sitemap.xml` (a `urlset`, or the
 * news sitemap index when the window holds more than 1,000 articles), and part `n` ≥ 1 of a
 * split one: `/news-sitemap-<n>.xml`.
 */
export function newsSitemapPath(part?: number): string {
  return part === undefined ? '/news-sitemap.xml' : `/news-sitemap-${part}.xml`;
}

/**
 * Absolute URL of a root-relative path on the site, byte-identical wherever it is used
 * (canonical link, feeds, sitemap). `siteUrl` is the origin without a trailing slash.
 * @throws {TypeError} if `path` does not start with `/`.
 */
export function absoluteUrl(path: string, siteUrl: string): string {
  if (!path.startsWith('/')) throw new TypeError(`expected a root-relative path, got "${path}"`);
  return new URL(path, `${siteUrl}/`).href;
}

/** Output folder of derived pictures (picture variants), also its URL path segment. */
export const PICTURES_DIR = 'images';

/**
 * Root-relative URL of a derived picture file: `/images/<name>`, where `name` is an ASCII
 * file name made by `src/lib/pictures/variants.ts` (a digest of the inputs in it, so a
 * changed picture gets a new URL and the files can be cached as immutable).
 * @throws {TypeError} if `name` is not a plain file name (`a-z`, `0-9`, `-`, `.`).
 */
export function picturePath(name: string): string {
  if (!/^[a-z0-9][a-z0-9.-]*$/.test(name)) throw new TypeError(`not a picture file name: "${name}"`);
  return `/${PICTURES_DIR}/${name}`;
}

/**
 * Root-relative URL of a locator map file (src/lib/maps/map-files.ts): `/maps/<digest>.svg`
 * for the map, `/maps/<digest>-og.png` for its 1200×630 social card. The digest covers
 * every input of the drawing, so a URL's bytes never change.
 */
export function mapPath(digest: string, kind: 'svg' | 'og'): string {
  return kind === 'svg' ? `/${MAPS_DIR}/${digest}.svg` : `/${MAPS_DIR}/${digest}-og.png`;
}

/** Folder (and URL path segment) of the locator map files. */
export const MAPS_DIR = 'maps';
