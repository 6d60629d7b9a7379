import { defineConfig } from 'astro/config';
import { satteri } from '@astrojs/markdown-satteri';
import { site } from './src/site.config.ts';
import { dateline } from './src/integrations/dateline.ts';
import { articleHtmlPlugin, BODY_FEATURES } from './src/lib/content/body.ts';
import { astroCacheDir } from './src/lib/content/paths.ts';
import { CSP_DIRECTIVES } from './src/lib/deploy/headers-policy.ts';

// A build of another content tree (tests, benchmark) keeps its own cache (src/lib/content/paths.ts).
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
    // Article bodies are rendered by the content pipeline (src/lib/content/body.ts), not here;
    // any Markdown Astro renders itself follows the same features and HTML policy.
    processor: satteri({ features: BODY_FEATURES, hastPlugins: [articleHtmlPlugin(site.url)] }),
  },
  // The content pipeline, the model pages read, redirects, host files, sitemap and the JSON-LD check.
  integrations: [dateline()],
});
