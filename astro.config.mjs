// @ts-check
/**
 * Astro setup: the site, the Markdown processor, the fonts, the integrations. Everything else — the
 * content pipeline, the cache directory, output format, the Content Security Policy,
 * incremental builds, redirects, host files, sitemaps, the JSON-LD check — is set by the
 * Dateline integration (src/integrations/dateline.ts).
 */
import { defineConfig, fontProviders } from 'astro/config';
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
  // Self-hosted type: Source Serif 4 (SIL OFL 1.1) from its npm package through the local
  // provider, so builds stay offline (fontProviders.npm() would fetch from a CDN). Latin
  // subset only: Japanese and Chinese text falls back to the CJK faces of the --font-serif
  // stack (Noto Serif CJK on Debian: fonts-noto-cjk; Hiragino/Yu Mincho on macOS and Windows).
  fonts: [
    {
      provider: fontProviders.local(),
      name: 'Source Serif 4',
      cssVariable: '--font-serif-face',
      fallbacks: ['Georgia', 'serif'],
      options: {
        variants: [
          { src: ['@fontsource/source-serif-4/files/source-serif-4-latin-400-normal.woff2'], weight: 400, style: 'normal' },
          { src: ['@fontsource/source-serif-4/files/source-serif-4-latin-400-italic.woff2'], weight: 400, style: 'italic' },
          { src: ['@fontsource/source-serif-4/files/source-serif-4-latin-700-normal.woff2'], weight: 700, style: 'normal' },
        ],
      },
    },
  ],
  integrations: [dateline()],
});
