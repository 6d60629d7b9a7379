import type { APIRoute } from 'astro';
import { site } from '../site.config.ts';
import { getNewsSitemapPlan } from '../lib/content/queries.ts';
import { buildNewsSitemapIndexXml, buildNewsSitemapXml } from '../lib/distribution/news-sitemap.ts';

/**
 * The Google News sitemap: articles published in the 48 hours before the build clock; past
 * 1,000 of them, the index of the parts (`news-sitemap-[part].xml.ts`).
 */
export const GET: APIRoute = async () => {
  const plan = await getNewsSitemapPlan();
  const xml = plan.kind === 'single' ? buildNewsSitemapXml(plan.articles, site) : buildNewsSitemapIndexXml(plan.parts, site);
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
