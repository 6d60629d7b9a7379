import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { site } from './src/site.config.ts';
import { checkContentOrExit } from './src/content-check/run-check.ts';
import { absoluteUrl, articlePath } from './src/lib/urls.ts';
import { isIndexable, withLastmod } from './src/lib/sitemap.ts';

// Validate all content before Astro starts: readable `file:line: field: message` errors,
// and a non-zero exit before any page is written.
const content = checkContentOrExit();
const lastModifiedByUrl = new Map(
  [...content.articles.values()].map((a) => [absoluteUrl(articlePath(a.id), site.url), a.data.updatedAt ?? a.data.publishedAt]),
);

export default defineConfig({
  site: site.url,
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  prerenderConflictBehavior: 'error',
  markdown: {
    // Smart punctuation off: article text is reproduced exactly as the editor wrote it.
    processor: satteri({ features: { smartPunctuation: false } }),
  },
  integrations: [
    sitemap({
      filter: (page) => isIndexable(page, site.url),
      serialize: (item) => withLastmod(item, lastModifiedByUrl, site.timeZone),
    }),
  ],
});
