import type { APIRoute } from 'astro';
import { site } from '../site.config.ts';
import { getSiteIndex } from '../lib/queries.ts';
import { buildNewsSitemapXml, selectNewsArticles } from '../lib/news-sitemap.ts';

/** The Google News sitemap: articles published in the 48 hours before the build clock. */
export const GET: APIRoute = async () => {
  const { articles, now } = await getSiteIndex();
  return new Response(buildNewsSitemapXml(selectNewsArticles(articles, now), site), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};
