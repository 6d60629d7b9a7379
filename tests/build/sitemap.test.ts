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
}

const xml = new XMLParser({ parseTagValue: false, trimValues: true, isArray: (name) => name === 'url' || name === 'sitemap' });

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

  it('every sitemap-N.xml validates against sitemap.xsd', () => {
    for (const file of sitemapFiles) xmllint('sitemap.xsd', file);
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
