/**
 * The sitemap: valid against the sitemaps.org XSDs (xmllint), listing every indexable HTML
 * page in dist/ and nothing else, with the pages' canonical URLs byte for byte and each
 * article's lastmod = updatedAt, else publishedAt.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { articleUrl, canonicalOf, distDir, htmlPages, isNoindex, isRedirectPage, listFiles, publishedArticles, readDist, repoRoot, requireDist, siteUrl } from './dist.ts';

/** The sitemaps.org XSDs, vendored in the repository (tests/schemas/README.md). */
const schemasDir = path.resolve(repoRoot, 'tests', 'schemas');

interface SitemapUrl {
  loc: string;
  lastmod?: string;
  'image:image'?: { 'image:loc': string }[];
}

const xml = new XMLParser({ parseTagValue: false, trimValues: true, isArray: (name) => name === 'url' || name === 'sitemap' || name === 'image:image' });

let sitemapFiles: string[];
let urls: SitemapUrl[];

beforeAll(() => {
  requireDist();
  sitemapFiles = listFiles(distDir).filter((f) => /^sitemap-\d+\.xml$/.test(f));
  urls = sitemapFiles.flatMap((f) => (xml.parse(readDist(f)) as { urlset: { url?: SitemapUrl[] } }).urlset.url ?? []);
});

function xmllint(schema: string, file: string): void {
  const xsd = path.join(schemasDir, schema);
  const result = spawnSync('xmllint', ['--noout', '--nonet', '--schema', xsd, path.join(distDir, file)], { encoding: 'utf8' });
  if (result.error) throw new Error(`cannot run xmllint (${result.error.message}): run scripts/provision-tests.sh (Debian package libxml2-utils)`);
  expect(result.status, `xmllint --schema ${schema} ${file}:\n${result.stderr}`).toBe(0);
}

describe('sitemap files', () => {
  it('has a sitemap index and at least one sitemap', () => {
    expect(fs.existsSync(path.join(distDir, 'sitemap-index.xml'))).toBe(true);
    expect(sitemapFiles.length).toBeGreaterThan(0);
  });

  it('sitemap-index.xml validates against siteindex.xsd', () => {
    xmllint('siteindex.xsd', 'sitemap-index.xml');
  });

  it('every sitemap-N.xml validates against sitemap.xsd with the image extension', () => {
    for (const file of sitemapFiles) xmllint('page-sitemap.xsd', file);
  });

  it('the image extension schema is a real validator (sanity check: it rejects an image:image without image:loc)', () => {
    const bad = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-sitemap-')), 'bad.xml');
    try {
      fs.writeFileSync(bad, '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1"><url><loc>https://a.example/</loc><image:image><image:title>x</image:title></image:image></url></urlset>');
      const result = spawnSync('xmllint', ['--noout', '--nonet', '--schema', path.join(schemasDir, 'page-sitemap.xsd'), bad], { encoding: 'utf8' });
      expect(result.status).not.toBe(0);
    } finally {
      fs.rmSync(path.dirname(bad), { recursive: true, force: true });
    }
  });

  it('the index lists exactly the sitemap files, by absolute URL', () => {
    const index = xml.parse(readDist('sitemap-index.xml')) as { sitemapindex: { sitemap: { loc: string }[] } };
    expect(index.sitemapindex.sitemap.map((s) => s.loc).sort()).toEqual(sitemapFiles.map((f) => `${siteUrl}/${f}`).sort());
  });

  it('xmllint is the real validator (sanity check: it rejects an invalid sitemap)', () => {
    const bad = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-sitemap-')), 'bad.xml');
    try {
      fs.writeFileSync(bad, '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><lastmod>yesterday</lastmod></url></urlset>');
      const result = spawnSync('xmllint', ['--noout', '--nonet', '--schema', path.join(schemasDir, 'sitemap.xsd'), bad], { encoding: 'utf8' });
      expect(result.status).not.toBe(0);
    } finally {
      fs.rmSync(path.dirname(bad), { recursive: true, force: true });
    }
  });
});

describe('sitemap contents', () => {
  it('lists every indexable HTML page (every index.html but 404, redirects and noindex pages) and nothing else', () => {
    const indexable = htmlPages()
      .filter((p) => p.file.endsWith('index.html') && !/(^|\/)404(\/|\.html)/.test(p.file) && !isRedirectPage(p) && !isNoindex(p))
      .map((p) => `${siteUrl}${p.url}`)
      .sort();
    expect(urls.map((u) => u.loc).sort()).toEqual(indexable);
  });

  it('has no duplicate URLs', () => {
    const locs = urls.map((u) => u.loc);
    expect(new Set(locs).size).toBe(locs.length);
  });

  it('lists no 404 page, feed or other non-HTML file', () => {
    for (const { loc } of urls) {
      expect(loc).not.toMatch(/404/);
      expect(loc).not.toMatch(/\.(xml|txt|json|svg|css|js)$/);
    }
  });

  it('uses URLs byte-identical to the canonical links of the pages', () => {
    const byUrl = new Map(htmlPages().map((p) => [`${siteUrl}${p.url}`, p]));
    for (const { loc } of urls) {
      const page = byUrl.get(loc);
      expect(page, `${loc} is in the sitemap but no page in dist/ is served there`).toBeDefined();
      expect(canonicalOf(page!), `canonical link of ${page!.file}`).toBe(loc);
    }
  });

  it('gives every article URL lastmod = updatedAt, else publishedAt (same instant)', () => {
    const byLoc = new Map(urls.map((u) => [u.loc, u]));
    const articles = publishedArticles();
    expect(articles.length).toBeGreaterThan(0);
    for (const article of articles) {
      const entry = byLoc.get(`${siteUrl}${articleUrl(article.id)}`);
      expect(entry, `${article.file} is not in the sitemap`).toBeDefined();
      expect(entry!.lastmod, `${article.file}: lastmod`).toBeDefined();
      expect(Date.parse(entry!.lastmod!), `${article.file}: lastmod ${entry!.lastmod}`).toBe((article.updatedAt ?? article.publishedAt).getTime());
    }
  });

  it('gives the seed article lastmod = its update time 2016-11-20T22:45:00+08:00', () => {
    const seed = urls.find((u) => u.loc === `${siteUrl}/articles/abe-putin-hold-intensive-talks-on-disputed-islands/`);
    expect(Date.parse(seed?.lastmod ?? '')).toBe(Date.parse('2016-11-20T22:45:00+08:00'));
  });
});

/**
 * Google's image sitemap rules (https://developers.google.com/search/docs/crawling-indexing/sitemaps/image-sitemaps):
 * `image:image` inside the `url` of the page that shows the picture, `image:loc` its absolute
 * URL (another host is allowed; here it is the site's own), at most 1,000 per page.
 */
describe('image entries', () => {
  it('list exactly the pictures each article page shows (lead and body), as absolute URLs of files in dist/', () => {
    const withImages = urls.filter((u) => u['image:image']?.length);
    expect(withImages.length).toBeGreaterThan(0);
    for (const u of urls) {
      const listed = (u['image:image'] ?? []).map((i) => i['image:loc']);
      expect(listed.length).toBeLessThanOrEqual(1000);
      if (!listed.length) continue;
      expect(u.loc, 'only article pages carry image entries').toMatch(/\/articles\/[^/]+\/$/);
      const page = htmlPages().find((p) => `${siteUrl}${p.url}` === u.loc)!;
      const html = fs.readFileSync(path.join(distDir, page.file), 'utf8');
      for (const loc of listed) {
        expect(loc.startsWith(`${siteUrl}/images/`), loc).toBe(true);
        const file = path.join(distDir, new URL(loc).pathname);
        expect(fs.existsSync(file), `${loc} is not in dist/`).toBe(true);
        expect(html.includes(new URL(loc).pathname), `${page.file} does not show ${loc}`).toBe(true);
      }
    }
  });

  it('gives the World Cup article its lead picture and the flag article its body chart', () => {
    const images = (slug: string) => (urls.find((u) => u.loc === `${siteUrl}/articles/${slug}/`)?.['image:image'] ?? []).map((i) => new URL(i['image:loc']).pathname);
    expect(images('fifa-world-cup-2018-day-five-sweden-belgium-england-win-three-points')).toEqual([expect.stringMatching(/^\/images\/world-cup-pitch-1600x1066-[0-9a-f]{10}\.jpg$/)]);
    expect(images('new-zealand-begins-process-to-consider-changing-national-flag-design')).toEqual([expect.stringMatching(/^\/images\/flag-vote-chart-960x540-[0-9a-f]{10}\.jpg$/)]);
  });
});
