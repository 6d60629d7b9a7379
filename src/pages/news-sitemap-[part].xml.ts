import type { APIRoute, GetStaticPaths } from 'astro';
import { site } from '../site.config.ts';
import { getNewsSitemapPlan } from '../lib/content/queries.ts';
import { buildNewsSitemapXml } from '../lib/distribution/news-sitemap.ts';

/** The parts of a split news sitemap (only when the 48-hour window holds more than 1,000 articles). */
export const getStaticPaths: GetStaticPaths = async () => {
  const plan = await getNewsSitemapPlan();
  return plan.kind === 'split' ? plan.parts.map((articles, i) => ({ params: { part: String(i + 1) }, props: { articles } })) : [];
};

export const GET: APIRoute = ({ props }) =>
  new Response(buildNewsSitemapXml((props as { articles: Parameters<typeof buildNewsSitemapXml>[0] }).articles, site), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
