/**
 * The one site configuration every page, feed, sitemap and script reads.
 *
 * Values are validated with zod when the module loads; a bad value throws a
 * {@link SiteConfigError} whose message names the setting and what is expected,
 * so `astro build` stops before any page is written.
 *
 * Environment overrides (read at build time only):
 * - `SITE_URL`: the absolute origin the site is deployed at, e.g. `https://news.example.org`.
 * - `WEBSUB_HUB`: a WebSub hub URL (`websubHub`); an empty value is ignored.
 * - `SEARCH_SHARD_ARTICLES`: `searchShardArticles`, a positive integer; an empty value is ignored.
 */
import { z } from 'astro/zod';
import { isReportUrl } from './lib/deploy/headers-policy.ts';
import { twitterHandleSchema } from './schemas/twitter-handle.ts';
import { LanguageTag } from './schemas/language.ts';

/** What `searchShardArticles` must be, said once for every way it can be wrong. */
const SHARD_ARTICLES_RULE = 'must be a whole number of articles from 1 to 1000000';

/**
 * An image of the publication served from `public/`: root-relative path, pixel size and
 * alternative text. Feeds, social cards and structured data make the path absolute.
 */
export const siteImageSchema = z.object({
  /** Root-relative path of the file in `public/`, e.g. `/og-default.png`. */
  path: z.string().regex(/^\/[^\s?#]+$/, 'must be a root-relative path to a file in public/, e.g. /og-default.png'),
  /** Width in pixels. */
  width: z.number().int().positive(),
  /** Height in pixels. */
  height: z.number().int().positive(),
  /** Text alternative, for `og:image:alt` and the feed stylesheet. */
  alt: z.string().min(1, 'must describe the image'),
});

/** A resolved {@link siteImageSchema}. */
export type SiteImage = z.infer<typeof siteImageSchema>;

/**
 * Path segments a section id cannot take: section fronts live at `/<id>/`, beside these
 * top-level routes (src/lib/urls.ts).
 */
export const RESERVED_SECTION_IDS = ['articles', 'topics', 'authors', 'page', 'corrections', 'archive', 'search', 'feeds', 'brand', 'pagefind', '_astro', '404'] as const;

/**
 * A desk of the newsroom (World, Asia, Hong Kong, …): a front page at `/<id>/` with its own
 * feeds, a masthead link, and the set of topics it covers. An article belongs to the section
 * of its first topic that some section lists (src/lib/sections.ts).
 */
export const sectionSchema = z.object({
  /** URL segment, e.g. `hong-kong` → `/hong-kong/`. */
  id: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a URL slug: lower-case a-z, 0-9 and single hyphens')
    .refine((id) => !(RESERVED_SECTION_IDS as readonly string[]).includes(id), 'is the name of another top-level page: pick another id'),
  /** Name in the masthead and on the section front, e.g. `Hong Kong`. */
  name: z.string().min(1, 'must not be empty'),
  /** One sentence for the section front and its feeds. */
  description: z.string().min(1, 'must not be empty'),
  /**
   * Topic ids (file names in `topics/`) the section covers. An English/Japanese pair
   * (`baseball`, `yakyu`) belongs to the same section. Unknown ids are ignored, so one
   * configuration serves content trees that lack some topics.
   */
  topics: z.array(z.string().min(1)),
});

/** A resolved {@link sectionSchema}. */
export type Section = z.infer<typeof sectionSchema>;

/** Shape of the resolved site configuration. */
export const siteConfigSchema = z.object({
  /** Publication name shown in the masthead, titles and feeds. */
  name: z.string().min(1, 'must not be empty'),
  /** One-sentence description of the publication (home meta description, feed channel description). */
  description: z.string().min(1, 'must not be empty'),
  /**
   * Absolute origin of the deployed site (no path: the site is served from the root), without a
   * trailing slash after normalisation. Canonical links, feeds and sitemaps are built from it.
   */
  url: z
    .url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL, e.g. https://dateline.example' })
    .refine((value) => !URL.canParse(value) || isBareOrigin(new URL(value)), {
      error: 'must be an origin without a path, query or fragment, e.g. https://dateline.example (the site is served from the root)',
    })
    .transform((value) => value.replace(/\/+$/, '')),
  /** BCP 47 language tag of the site (`<html lang>`, RSS `<language>`). */
  language: LanguageTag(),
  /** IANA time zone of the newsroom: every visible time is shown in it. */
  timeZone: z.string().refine(isKnownTimeZone, 'must be an IANA time zone name, e.g. Asia/Hong_Kong'),
  /**
   * Locale whose short time-zone names label visible times. `en-HK` gives `HKT` for
   * Asia/Hong_Kong, where `en-GB` would only give `GMT+8`.
   */
  timeZoneLabelLocale: z.string().min(2),
  /** Number of newest articles in the site feeds and the corrections feeds. */
  feedSize: z.number().int().positive().max(1000),
  /**
   * Number of newest articles in each topic and author feed. Smaller than `feedSize`: these
   * feeds carry full text, and with hundreds of topics they dominate the output size.
   */
  listingFeedSize: z.number().int().positive().max(1000),
  /** Number of articles per page on home, topic and author listings. */
  pageSize: z.number().int().positive().max(500),
  /**
   * Articles a search-index shard holds at least before the next publication year starts a
   * new one (src/lib/search/shards.ts, docs/adr/0016-search-shards.md): smaller shards make an
   * edit re-index less, more shards make a search fetch more files. Override at build time with
   * `SEARCH_SHARD_ARTICLES`.
   */
  searchShardArticles: z.number({ error: SHARD_ARTICLES_RULE }).int(SHARD_ARTICLES_RULE).min(1, SHARD_ARTICLES_RULE).max(1_000_000, SHARD_ARTICLES_RULE),
  /**
   * Square publication logo (at least 112×112; 512×512 recommended): the publisher `logo` in
   * JSON-LD, the JSON Feed `icon`. Source: `assets/brand/logo.svg` (`node scripts/build-brand-images.ts`).
   */
  logo: siteImageSchema,
  /**
   * Small square logo (at most 144 px wide, RSS 2.0 `<image>` limit): the RSS channel image,
   * the Atom `<icon>` and the JSON Feed `favicon`.
   */
  smallLogo: siteImageSchema,
  /**
   * The publication's social card (1200×630, the Open Graph / X large-image size): `og:image`
   * and the JSON-LD `image` of pages and articles that have no image of their own, and the
   * Atom `<logo>`. Source: `assets/brand/card.svg`.
   */
  defaultImage: siteImageSchema,
  /**
   * The publication's X (Twitter) account, `@` and 1–15 letters, digits or underscores:
   * `twitter:site` on every page. Optional.
   */
  twitterSite: twitterHandleSchema.optional(),
  /** RSS channel `<copyright>`: the rights statement of the feeds' content. */
  copyright: z.string().min(1, 'must not be empty'),
  /** RSS channel `<generator>`: the program that wrote the feed. */
  feedGenerator: z.string().min(1, 'must not be empty'),
  /** RSS channel `<ttl>`: minutes a reader may cache the feed before fetching it again (RSS 2.0). */
  feedTtlMinutes: z.number().int().positive().max(1440),
  /**
   * WebSub hub (https://www.w3.org/TR/websub/) that readers may subscribe through: when set,
   * RSS and Atom feeds carry `<link rel="hub">`, JSON Feeds `hubs`, and `npm run notify-hub`
   * tells the hub which feeds changed. Absolute http(s) URL; optional.
   */
  websubHub: z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL of a WebSub hub, e.g. https://pubsubhubbub.appspot.com/' }).optional(),
  /**
   * Where browsers send Content-Security-Policy violation reports (`report-uri`, `report-to`):
   * an absolute https URL of a report collector, or a root-relative path on the site
   * (the nginx config answers POST to it with 204 and logs it; other static hosts answer 404).
   */
  cspReportUrl: z
    .string()
    .refine(isReportUrl, 'must be an absolute https URL or a root-relative path, e.g. /csp-reports')
    .optional(),
  /**
   * The desk's sections in masthead order (see {@link sectionSchema}). Ids are unique and
   * a topic belongs to at most one section.
   */
  sections: z
    .array(sectionSchema)
    .min(1, 'must list at least one section')
    .superRefine((sections, ctx) => {
      const ids = new Set<string>();
      const owner = new Map<string, string>();
      sections.forEach((section, i) => {
        if (ids.has(section.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `"${section.id}" is used by two sections` });
        ids.add(section.id);
        for (const topic of section.topics) {
          const other = owner.get(topic);
          if (other && other !== section.id) ctx.addIssue({ code: 'custom', path: [i, 'topics'], message: `topic "${topic}" is also in section "${other}": a topic belongs to one section` });
          owner.set(topic, section.id);
        }
      });
    }),
  /** Id of the section of articles none of whose topics a section lists. */
  fallbackSection: z.string().min(1),
}).refine((c) => c.sections.some((s) => s.id === c.fallbackSection), { path: ['fallbackSection'], message: 'must be the id of one of the sections' });

/** A resolved, validated site configuration. */
export type SiteConfig = z.infer<typeof siteConfigSchema>;

/** Thrown when a configuration value (or environment override) is invalid. */
export class SiteConfigError extends Error {
  override name = 'SiteConfigError';
}

/** Dateline's defaults, before environment overrides. */
export const defaultSiteConfig = {
  name: 'The Dateline',
  description: 'News from Hong Kong, Asia and the world, published as a fast static site.',
  url: 'https://dateline.example',
  language: 'en-GB',
  timeZone: 'Asia/Hong_Kong',
  timeZoneLabelLocale: 'en-HK',
  feedSize: 50,
  listingFeedSize: 20,
  pageSize: 20,
  searchShardArticles: 1000,
  logo: { path: '/brand/logo-512.png', width: 512, height: 512, alt: 'The Dateline logo: a serif capital D with a red rule on black' },
  smallLogo: { path: '/brand/logo-144.png', width: 144, height: 144, alt: 'The Dateline logo: a serif capital D with a red rule on black' },
  defaultImage: {
    path: '/og-default.png',
    width: 1200,
    height: 630,
    alt: 'The Dateline: the masthead in white serif type on black above a red rule, with the line “News from Hong Kong, Asia and the world”',
  },
  twitterSite: undefined,
  copyright: '© The Dateline. Articles from other publications name their source and licence.',
  feedGenerator: 'Dateline (Astro)',
  feedTtlMinutes: 15,
  websubHub: undefined,
  cspReportUrl: '/csp-reports',
  // The topics of the bundled content, mapped onto the desk. Japanese topics sit with their
  // English counterparts (野球 with Baseball, 科学 with Science). `interviews` is a format, not a
  // subject: articles filed under it are placed by their other topics.
  sections: [
    { id: 'world', name: 'World', description: 'News from around the world: politics, diplomacy, conflict, law and disasters.', topics: ['politics-and-conflicts', 'diplomacy', 'elections', 'crime-and-law', 'disasters-and-accidents', 'refugees', 'nato', 'afghanistan', 'australia', 'canada', 'toronto', 'greece', 'israel', 'italy', 'new-zealand', 'north-america', 'saudi-arabia', 'united-kingdom', 'united-states', 'virginia', 'texas', 'antarctica', 'religion', 'islam', 'scientology'] },
    { id: 'asia', name: 'Asia', description: 'Japan, the Koreas, South and Southeast Asia, and the region’s diplomacy.', topics: ['japan-russia-relations', 'shinzo-abe', 'nihon', 'fukuoka-ken', 'miyagi-ken', 'jishin', 'india', 'indonesia', 'myanmar', 'north-korea', 'south-korea', 'taiwan', 'kanji'] },
    { id: 'hong-kong', name: 'Hong Kong', description: 'Politics, people and life in Hong Kong.', topics: ['hong-kong'] },
    { id: 'business', name: 'Business', description: 'Economies, companies and markets.', topics: ['economy-and-business', 'agriculture', 'microsoft'] },
    { id: 'science', name: 'Science', description: 'Science, space, technology, health and the environment.', topics: ['science-and-technology', 'kagaku', 'space', 'uchu', 'hayabusa', 'nasa', 'biology', 'health', 'mathematics', 'robotics', 'internet', 'wikis', 'environment', 'environment-canada', 'weather', 'education'] },
    { id: 'sport', name: 'Sport', description: 'Football, baseball, the Paralympics and the rest of the sporting world.', topics: ['sports', 'supotsu', 'baseball', 'yakyu', 'fifa-world-cup', 'football-soccer', 'paralympics', 'wheelchair-basketball'] },
    { id: 'culture', name: 'Culture', description: 'Arts, books, media, games and entertainment.', topics: ['culture-and-entertainment', 'bunka', 'art', 'poetry', 'literature', 'audiobooks', 'magic', 'humor', 'games', 'media'] },
  ],
  fallbackSection: 'world',
} as const;

function isBareOrigin(url: URL): boolean {
  return /^\/*$/.test(url.pathname) && !url.search && !url.hash;
}

function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Resolve the site configuration from defaults, explicit overrides and the environment.
 *
 * @param env - environment variables; only `SITE_URL`, `WEBSUB_HUB` and `SEARCH_SHARD_ARTICLES` are read (an empty value is ignored).
 * @param overrides - values that replace the defaults (tests, forks of the project).
 * @returns the validated configuration; `url` has no trailing slash.
 * @throws {SiteConfigError} naming each invalid setting, e.g. `site config: url (from SITE_URL): must be an absolute http(s) URL…`.
 */
export function resolveSiteConfig(
  env: Record<string, string | undefined> = {},
  overrides: Partial<Record<keyof SiteConfig, unknown>> = {},
): SiteConfig {
  const input: Record<string, unknown> = { ...defaultSiteConfig, ...overrides };
  const fromEnv = env['SITE_URL']?.trim();
  if (fromEnv) input['url'] = fromEnv;
  const hubFromEnv = env['WEBSUB_HUB']?.trim();
  if (hubFromEnv) input['websubHub'] = hubFromEnv;
  const shardFromEnv = env['SEARCH_SHARD_ARTICLES']?.trim();
  // A decimal number is passed on as a number (so "-1" and "1.5" are judged as numbers), anything else as text.
  if (shardFromEnv) input['searchShardArticles'] = /^[+-]?\d+(\.\d+)?$/.test(shardFromEnv) ? Number(shardFromEnv) : shardFromEnv;
  const result = siteConfigSchema.safeParse(input);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const key = issue.path.join('.');
    const got = issue.path.reduce<unknown>((value, part) => (value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[part as PropertyKey] : undefined), input);
    const origin = key === 'url' && fromEnv ? ' (from SITE_URL)' : key === 'websubHub' && hubFromEnv ? ' (from WEBSUB_HUB)' : key === 'searchShardArticles' && shardFromEnv ? ' (from SEARCH_SHARD_ARTICLES)' : '';
    return `  ${key}${origin}: ${issue.message} (got ${JSON.stringify(got)})`;
  });
  throw new SiteConfigError(`Invalid site configuration:\n${[...new Set(lines)].join('\n')}`);
}

/**
 * The configuration of this build: defaults plus `SITE_URL` from the environment. An invalid
 * configuration stops the process here with the message alone (exit 1): a build, the content
 * check and the scripts all load this module before doing anything.
 */
export const site: SiteConfig = resolveSiteConfigOrExit(process.env);

function resolveSiteConfigOrExit(env: Record<string, string | undefined>): SiteConfig {
  try {
    return resolveSiteConfig(env);
  } catch (error) {
    if (!(error instanceof SiteConfigError)) throw error;
    process.stderr.write(`\nDateline: ${error.message}\n\nNothing was built.\n`);
    process.exit(1);
  }
}
