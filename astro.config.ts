import { defineConfig } from 'astro/config';
import { buildRedirects } from './src/lib/redirects.ts';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { site } from './src/site.config.ts';
import { runContentCheck } from './src/content-check/run-check.ts';
import { astroCacheDir } from './src/content-paths.ts';
import { articleHtmlPlugin } from './src/lib/markdown-plugin.ts';
import { lastModified } from './src/lib/article-model.ts';
import { absoluteUrl, articlePath } from './src/lib/urls.ts';
import { buildListingLastmods, isIndexable, withLastmod } from './src/lib/sitemap.ts';
import { structuredDataCheck } from './src/integrations/structured-data-check.ts';
import { hostConfig } from './src/integrations/host-config.ts';
import { CSP_DIRECTIVES } from './src/lib/deploy/headers-policy.ts';

// Validate all content before Astro starts: readable `file:line: field: message` errors,
// and a non-zero exit before any page is written.
// `astro dev` shows unpublished articles, so links to them are allowed there.
const content = runContentCheck(process.argv.includes('dev') ? 'dev' : 'build');
const lastModifiedByUrl = new Map(
  [...content.articles.values()].map((a) => [absoluteUrl(articlePath(a.id), site.url), lastModified(a.data)]),
);

const published = [...content.articles.values()].filter((a) => a.state === 'published');
// Home, topic and author pages (and the indexes) get the lastmod of the newest change they list.
const listingLastmods = buildListingLastmods(
  published.map((a) => ({
    id: a.id,
    publishedAt: a.data.publishedAt,
    lastModified: lastModified(a.data),
    topicIds: a.data.topics.map((t) => t.id),
    authorIds: a.data.authors.map((t) => t.id),
    correctionTimes: a.data.corrections.map((c) => c.at),
  })),
  site.url,
  site.pageSize,
);
for (const [url, when] of listingLastmods) lastModifiedByUrl.set(url, when);
const redirects = buildRedirects(published.map((a) => ({ id: a.id, redirectFrom: a.data.redirectFrom })));
// Taken-down articles keep a "no longer available" page, which is not indexable.
const expiredUrls = new Set(
  [...content.articles.values()].filter((a) => a.state === 'expired').map((a) => absoluteUrl(articlePath(a.id), site.url)),
);

const redirectSources = new Set(redirects.map((r) => r.from));

// A build of another content tree (tests, benchmark) keeps its own cache (src/content-paths.ts).
const cacheDir = `./${astroCacheDir()}`;

export default defineConfig({
  site: site.url,
  cacheDir,
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  prerenderConflictBehavior: 'error',
  // Content Security Policy: a meta tag per page with hashes of every script and style Astro
  // emits (no 'unsafe-inline'); the hosts add the same policy as a header, with frame-ancestors
  // and reporting (src/lib/deploy/headers-policy.ts, docs/adr/0010-serving-policy.md).
  security: { csp: { directives: [...CSP_DIRECTIVES] } },
  // Incremental build: pages whose cacheKey (src/lib/cache-keys.ts) and code are unchanged are
  // copied from the previous build instead of rendered. Keep build.concurrency at 1: a higher
  // value turns incremental caching off.
  experimental: { incrementalBuild: true },
  markdown: {
    // No syntax highlighting: Shiki writes style="" attributes, which the CSP (no
    // 'unsafe-inline' styles) would block; news copy has no code to highlight.
    syntaxHighlight: false,
    // Smart punctuation off: article text is reproduced exactly as the editor wrote it.
    // Raw HTML is parsed into elements so the article HTML policy can see and enforce it.
    processor: satteri({ features: { smartPunctuation: false, rawHtml: true }, hastPlugins: [articleHtmlPlugin(site.url)] }),
  },
  // Static meta-refresh pages for former slugs; hosts that read `_redirects` answer with a real 301.
  redirects: Object.fromEntries(redirects.map((r) => [r.from, { status: 301, destination: r.to }])),
  integrations: [
    // _headers, _redirects, vercel.json and _nginx.conf for the hosts, from one serving policy.
    hostConfig({ redirects, reportUrl: site.cspReportUrl }),
    // Fails the build when a page's JSON-LD misses a field Google requires or recommends.
    structuredDataCheck(),
    sitemap({
      filter: (page) => isIndexable(page, site.url) && !expiredUrls.has(page) && !redirectSources.has(new URL(page).pathname),
      serialize: (item) => withLastmod(item, lastModifiedByUrl, site.timeZone),
    }),
  ],
});
