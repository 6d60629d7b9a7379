import rss from '@astrojs/rss';
import { escape } from 'html-escaper';
import type { APIRoute } from 'astro';
import { site } from '../site.config.ts';
import { getSiteIndex } from '../lib/queries.ts';
import { absoluteUrl } from '../lib/urls.ts';
import { buildFeedItems, feedLastChanged, FEED_NAMESPACES } from '../lib/feed.ts';

/** The site RSS 2.0 feed: newest `feedSize` published articles. */
export const GET: APIRoute = async () => {
  const { articles } = await getSiteIndex();
  const self = absoluteUrl('/rss.xml', site.url);
  const lastChanged = feedLastChanged(articles, site.feedSize, new Date(0));
  return rss({
    title: site.name,
    description: site.description,
    site: `${site.url}/`,
    items: buildFeedItems(articles, site.feedSize, site.url),
    xmlns: FEED_NAMESPACES,
    customData: [
      `<language>${escape(site.language)}</language>`,
      `<lastBuildDate>${lastChanged.toUTCString()}</lastBuildDate>`,
      `<atom:link href="${escape(self)}" rel="self" type="application/rss+xml"/>`,
    ].join(''),
  });
};
