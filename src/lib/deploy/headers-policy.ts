/**
 * The one description of how Dateline is served: security headers (CSP, HSTS, nosniff,
 * Referrer-Policy, Permissions-Policy, COOP), cache rules, content types, the 404 page and
 * permanent redirects. Host files are written from it by `./host-files.ts` (Netlify and
 * Cloudflare Pages `_headers`/`_redirects`, `vercel.json`, the nginx server block); no host
 * file states a rule of its own. Decisions: docs/adr/0010-serving-policy.md.
 *
 * Content Security Policy, in two layers:
 * - Astro's `security.csp` writes a `<meta http-equiv="content-security-policy">` into every
 *   page with `script-src`/`style-src` hashes of what Astro emits ({@link CSP_DIRECTIVES}
 *   are passed to it from src/integrations/dateline.ts). No `'unsafe-inline'`.
 * - The hosts send a `Content-Security-Policy` header with the same directives and the same
 *   hashes (read from the built pages, see {@link cspFromMeta}) plus what a meta policy cannot
 *   carry: `frame-ancestors` and reporting (`report-uri`, `report-to`). A browser enforces
 *   both policies; both allow exactly the same scripts and styles.
 *
 * Patterns: host-neutral path patterns in the `_headers` syntax Netlify and Cloudflare Pages
 * share: literal segments, `:name` for one whole segment, `*` for any run of characters.
 */
import type { Redirect } from '../distribution/redirects.ts';
import { correctionsPath, feedPath, homePath, MAPS_DIR, newsSitemapPath, PICTURES_DIR, topicPath, authorPath, type FeedFormat } from '../urls.ts';
import { FEED_MEDIA_TYPES } from '../distribution/feed-model.ts';

/**
 * CSP fetch and document directives shared by the meta policy (Astro adds `script-src` and
 * `style-src` with hashes) and the header policy. Pages load nothing from other origins;
 * images may be `data:` URLs (Astro's tiny placeholders).
 */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;

/** Directives only a header can carry (CSP3 §6.1: ignored in `<meta>`). */
export const CSP_HEADER_ONLY_DIRECTIVES: readonly string[] = ["frame-ancestors 'none'"];

/** Name of the Reporting API endpoint that `report-to` refers to. */
export const CSP_REPORT_GROUP = 'csp-endpoint';

/** `Cache-Control` of fingerprinted build assets (`/_astro/*`): their URL changes with their bytes. */
export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
/**
 * `Cache-Control` of everything else (HTML, feeds, sitemaps, robots.txt, public files): five
 * minutes fresh, then served stale for up to an hour while the cache revalidates, so an
 * embargo lift, a correction or a takedown reaches readers within minutes.
 */
export const CACHE_SHORT = 'public, max-age=300, stale-while-revalidate=3600';

/** Security headers of every response (besides the CSP and reporting headers). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  // One year; no includeSubDomains/preload: those bind every host of the registrable domain.
  'Strict-Transport-Security': 'max-age=31536000',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  // Features a news page never uses; all names are known to Chromium (an unknown one is a console error).
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), accelerometer=(), gyroscope=(), magnetometer=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** Root-relative path of the page served, with status 404, for every unknown URL. */
export const NOT_FOUND_PAGE = '/404.html';

/** A rule for the responses whose path matches one of `patterns`. */
export interface PathRule {
  /** What the rule is for, e.g. `RSS feeds` (comments in host files). */
  label: string;
  /** Host-neutral patterns (see the module comment), e.g. `/topics/:topic/rss.xml`. */
  patterns: string[];
  /** `Cache-Control` of these responses. */
  cacheControl: string;
  /** `Content-Type` with charset, when a host's default for the extension is wrong or lacks it. */
  contentType?: string | undefined;
}

/** The whole serving policy of one build. */
export interface ServingPolicy {
  /** Headers of every response, in output order: CSP, reporting, then {@link SECURITY_HEADERS}. */
  headers: Record<string, string>;
  /** `Cache-Control` of responses no rule matches (HTML pages). */
  defaultCacheControl: string;
  /** Path rules, disjoint: no path matches two of them. */
  rules: PathRule[];
  /** Permanent (301) redirects, sorted by source. Sources and targets end in `/`. */
  redirects: Redirect[];
  /** {@link NOT_FOUND_PAGE}. */
  notFoundPage: string;
  /** Same-origin path reports are sent to, when the report URL is one (nginx answers it with 204). */
  sameOriginReportPath?: string | undefined;
}

/** Inputs of {@link buildServingPolicy}. */
export interface ServingPolicyInput {
  /** `script-src` sources Astro put in the pages' meta CSP (`'self'`, `'sha256-…'`). */
  scriptSources: readonly string[];
  /** `style-src` sources from the same meta CSP. */
  styleSources: readonly string[];
  /** Former article URLs → permalinks (`buildRedirects`). */
  redirects: readonly Redirect[];
  /**
   * Where violation reports go: an absolute `https:` URL or a root-relative path (site
   * config `cspReportUrl`); undefined sends none.
   */
  reportUrl?: string | undefined;
}

/** The script and style sources of a meta CSP Astro wrote. */
export interface MetaCspSources {
  scriptSources: string[];
  styleSources: string[];
}

/**
 * Read `script-src` and `style-src` sources from the `content` of one Astro CSP meta tag.
 * @throws {Error} if either directive is missing (Astro always writes both).
 */
export function cspFromMeta(content: string): MetaCspSources {
  const directives = new Map<string, string[]>();
  for (const part of content.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  const scriptSources = directives.get('script-src');
  const styleSources = directives.get('style-src');
  if (!scriptSources || !styleSources) throw new Error(`Astro's CSP meta tag has no script-src or style-src: "${content}"`);
  return { scriptSources, styleSources };
}

/** Whether `url` is an acceptable report destination: absolute https, or root-relative. */
export function isReportUrl(url: string): boolean {
  if (/^\/(?!\/)[^\s;,"]*$/.test(url)) return true;
  return URL.canParse(url) && new URL(url).protocol === 'https:' && !/[\s;,"]/.test(url);
}

/**
 * The `Content-Security-Policy` header value: {@link CSP_DIRECTIVES}, the pages' script and
 * style sources, {@link CSP_HEADER_ONLY_DIRECTIVES} and, with a report URL, `report-uri`
 * (browsers without the Reporting API) and `report-to`.
 * @throws {TypeError} if `reportUrl` is neither an absolute https URL nor a root-relative path.
 */
export function buildCspHeader(input: Pick<ServingPolicyInput, 'scriptSources' | 'styleSources' | 'reportUrl'>): string {
  const parts = [
    ...CSP_DIRECTIVES,
    `script-src ${dedupe(input.scriptSources).join(' ')}`,
    `style-src ${dedupe(input.styleSources).join(' ')}`,
    ...CSP_HEADER_ONLY_DIRECTIVES,
  ];
  if (input.reportUrl !== undefined) {
    if (!isReportUrl(input.reportUrl)) throw new TypeError(`CSP report URL must be an absolute https URL or a root-relative path, got "${input.reportUrl}"`);
    parts.push(`report-uri ${input.reportUrl}`, `report-to ${CSP_REPORT_GROUP}`);
  }
  return parts.join('; ');
}

function dedupe(values: readonly string[]): string[] {
  return [...new Set(values.filter(Boolean))];
}

const FEED_LISTINGS = [homePath(), correctionsPath(), topicPath(':topic'), authorPath(':author')];
const FORMAT_LABELS: Readonly<Record<FeedFormat, string>> = { rss: 'RSS feeds', atom: 'Atom feeds', json: 'JSON feeds' };

/**
 * The path rules: hashed assets, picture variants and locator maps immutable; feeds, sitemaps and the feed stylesheet with their
 * media type and UTF-8 charset (JSON Feed 1.1 asks for `application/feed+json`; a plain
 * server sends `.xml` as `text/xml` or `application/xml` and `.json` as `application/json`).
 * HTML takes the default.
 */
export function pathRules(): PathRule[] {
  const feedRule = (format: FeedFormat): PathRule => ({
    label: FORMAT_LABELS[format],
    patterns: FEED_LISTINGS.map((listing) => feedPath(listing, format)),
    cacheControl: CACHE_SHORT,
    contentType: `${FEED_MEDIA_TYPES[format]}; charset=utf-8`,
  });
  return [
    { label: 'fingerprinted build assets', patterns: ['/_astro/*'], cacheControl: CACHE_IMMUTABLE },
    // Named by a digest of every input (src/lib/pictures/variants.ts, src/lib/maps/map-files.ts): a URL's bytes never change.
    { label: 'picture variants and locator maps', patterns: [`/${PICTURES_DIR}/*`, `/${MAPS_DIR}/*`], cacheControl: CACHE_IMMUTABLE },
    feedRule('rss'),
    feedRule('atom'),
    feedRule('json'),
    { label: 'sitemaps', patterns: ['/sitemap-*', newsSitemapPath()], cacheControl: CACHE_SHORT, contentType: 'application/xml; charset=utf-8' },
    // Browsers apply an XSL stylesheet only when it is served as XML.
    { label: 'feed stylesheet', patterns: ['/feed.xsl'], cacheControl: CACHE_SHORT, contentType: 'text/xsl; charset=utf-8' },
  ];
}

/**
 * The serving policy of a build.
 * @throws {TypeError} from {@link buildCspHeader} for a bad report URL.
 */
export function buildServingPolicy(input: ServingPolicyInput): ServingPolicy {
  const headers: Record<string, string> = { 'Content-Security-Policy': buildCspHeader(input) };
  if (input.reportUrl !== undefined) headers['Reporting-Endpoints'] = `${CSP_REPORT_GROUP}="${input.reportUrl}"`;
  Object.assign(headers, SECURITY_HEADERS);
  return {
    headers,
    defaultCacheControl: CACHE_SHORT,
    rules: pathRules(),
    redirects: [...input.redirects].sort((a, b) => a.from.localeCompare(b.from)),
    notFoundPage: NOT_FOUND_PAGE,
    sameOriginReportPath: input.reportUrl?.startsWith('/') ? input.reportUrl : undefined,
  };
}

/**
 * A regular expression source (anchored) matching the same paths as a pattern.
 * `:name` → one segment (`[^/]+`), `*` → any characters (`.*`).
 */
export function patternToRegex(pattern: string): string {
  const body = pattern
    .split(/(:[A-Za-z]\w*|\*)/)
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return `^${body}$`;
}

/** Whether a root-relative path matches a pattern. */
export function matchesPattern(pattern: string, path: string): boolean {
  return new RegExp(patternToRegex(pattern)).test(path);
}

/**
 * The `Cache-Control` and `Content-Type` the policy gives one path (the first matching rule,
 * else the default), for tests and documentation.
 */
export function rulesFor(policy: ServingPolicy, path: string): { cacheControl: string; contentType?: string | undefined } {
  const rule = policy.rules.find((r) => r.patterns.some((p) => matchesPattern(p, path)));
  return rule ? { cacheControl: rule.cacheControl, contentType: rule.contentType } : { cacheControl: policy.defaultCacheControl };
}
