import type { APIRoute } from 'astro';
import { site } from '../site.config.ts';
import { absoluteUrl, newsSitemapPath, sitemapIndexPath } from '../lib/urls.ts';

/** robots.txt (robotstxt.org): allow everything and name the sitemap index and the Google News sitemap. */
export const GET: APIRoute = () =>
  new Response(
    `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(sitemapIndexPath(), site.url)}\nSitemap: ${absoluteUrl(newsSitemapPath(), site.url)}\n`,
    { headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
  );
