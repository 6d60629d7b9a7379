// @ts-check
/**
 * Astro setup: the site, the Markdown processor, the integrations. Everything else — the
 * content pipeline, the cache directory, output format, the Content Security Policy,
 * incremental builds, redirects, host files, sitemaps, the JSON-LD check — is set by the
 * Dateline integration (src/integrations/dateline.ts).
 */
import { defineConfig } from 'astro/config';
import { satteri } from '@astrojs/markdown-satteri';
import { site } from './src/site.config.ts';
import { dateline } from './src/integrations/dateline.ts';
import { articleHtmlPlugin, BODY_FEATURES } from './src/lib/content/body.ts';

export default defineConfig({
  site: site.url,
  markdown: {
    // No syntax highlighting: Shiki writes style="" attributes, which the CSP (no
    // 'unsafe-inline' styles) would block; news copy has no code to highlight.
    syntaxHighlight: false,
    // Article bodies are rendered by the content pipeline (src/lib/content/body.ts), not here;
    // any Markdown Astro renders itself follows the same features and HTML policy.
    processor: satteri({ features: BODY_FEATURES, hastPlugins: [articleHtmlPlugin(site.url)] }),
  },
  integrations: [dateline()],
});
