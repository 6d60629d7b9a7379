/**
 * robots.txt names the absolute sitemap index; the 404 page exists, is a real page and
 * stays out of the sitemap.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { distDir, elements, listFiles, pageAt, readDist, requireDist, siteUrl, text } from './dist.ts';

beforeAll(requireDist);

describe('robots.txt', () => {
  it('names the absolute sitemap index URL', () => {
    const lines = readDist('robots.txt').split(/\r?\n/);
    expect(lines).toContain(`Sitemap: ${siteUrl}/sitemap-index.xml`);
  });

  it('has a User-agent group and does not disallow the whole site', () => {
    const robots = readDist('robots.txt');
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).not.toMatch(/^Disallow: \/\s*$/m);
  });
});

describe('404 page', () => {
  it('exists as dist/404.html (the file static hosts and astro preview serve for unknown URLs)', () => {
    expect(fs.existsSync(path.join(distDir, '404.html'))).toBe(true);
  });

  it('says the page was not found and links back home', () => {
    const page = pageAt('/404.html');
    expect(elements(page.doc, 'h1').map((h) => text(h))).toEqual([expect.stringMatching(/not found/i)]);
    expect(elements(page.doc, 'a').some((a) => a.attribs['href'] === '/')).toBe(true);
  });

  it('is not in any sitemap', () => {
    for (const file of listFiles(distDir).filter((f) => /^sitemap.*\.xml$/.test(f))) {
      expect(readDist(file), file).not.toMatch(/404/);
    }
  });
});
