/**
 * Open Graph and Twitter/X cards on every page of dist/: og:url is the canonical URL byte
 * for byte, og:image is absolute and is the designed 1200×630 publication card that the
 * build ships; article pages are og:type article with their times, section and tags.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { attr, canonicalOf, distDir, elements, htmlPages, pageAt, requireDist, siteUrl, text, topicNames, type Page } from './dist.ts';
import { publishedForDistribution } from './distribution.ts';

function metas(page: Page): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const el of elements(page.doc, 'meta')) {
    const key = attr(el, 'property') ?? attr(el, 'name');
    if (key) out.set(key, [...(out.get(key) ?? []), attr(el, 'content') ?? '']);
  }
  return out;
}

const REQUIRED = ['og:site_name', 'og:type', 'og:title', 'og:description', 'og:url', 'og:locale', 'og:image', 'og:image:width', 'og:image:height', 'og:image:alt', 'twitter:card', 'twitter:title', 'twitter:description', 'twitter:image', 'twitter:image:alt'];

describe('social cards on every page', () => {
  it('has every Open Graph and Twitter tag exactly once, non-empty', () => {
    requireDist();
    const problems: string[] = [];
    for (const page of htmlPages()) {
      const m = metas(page);
      for (const key of REQUIRED) if ((m.get(key) ?? []).length !== 1 || !m.get(key)![0]) problems.push(`${page.file}: ${key} ${JSON.stringify(m.get(key))}`);
    }
    expect(problems).toEqual([]);
  });

  it('has og:url = canonical byte for byte, and absolute og:image and twitter:image on this site', () => {
    const problems: string[] = [];
    for (const page of htmlPages()) {
      const m = metas(page);
      if (m.get('og:url')?.[0] !== canonicalOf(page)) problems.push(`${page.file}: og:url ${m.get('og:url')?.[0]} != canonical ${canonicalOf(page)}`);
      for (const key of ['og:image', 'twitter:image']) if (!m.get(key)?.[0]?.startsWith(`${siteUrl}/`)) problems.push(`${page.file}: ${key} ${m.get(key)?.[0]}`);
    }
    expect(problems).toEqual([]);
  });

  it('is og:type article on article pages and website everywhere else', () => {
    const articleUrls = new Set(publishedForDistribution().map((a) => `/articles/${a.id}/`));
    const problems = htmlPages()
      .filter((p) => metas(p).get('og:type')?.[0] !== (articleUrls.has(p.url) ? 'article' : 'website'))
      .map((p) => `${p.file}: og:type ${metas(p).get('og:type')?.[0]}`);
    expect(problems).toEqual([]);
  });

  it('gives article pages article:published_time / modified_time equal to <time datetime>, section and tags', () => {
    const topics = topicNames();
    const problems: string[] = [];
    for (const a of publishedForDistribution()) {
      const page = pageAt(`/articles/${a.id}/`);
      const m = metas(page);
      const published = elements(page.doc, 'time')[0];
      if (m.get('article:published_time')?.[0] !== attr(published!, 'datetime')) problems.push(`${a.file}: published_time`);
      if (Date.parse(m.get('article:modified_time')?.[0] ?? '') !== a.lastModified.getTime()) problems.push(`${a.file}: modified_time`);
      if (m.get('article:section')?.[0] !== topics.get(a.topics[0]!)) problems.push(`${a.file}: section`);
      if (JSON.stringify(m.get('article:tag')) !== JSON.stringify(a.topics.map((t) => topics.get(t)))) problems.push(`${a.file}: tags`);
      if (m.get('og:title')?.[0] !== a.headline) problems.push(`${a.file}: og:title`);
      if (m.get('og:description')?.[0] !== a.standfirst) problems.push(`${a.file}: og:description`);
      if (a.lang === 'ja' && m.get('og:locale')?.[0] !== 'ja_JP') problems.push(`${a.file}: og:locale ${m.get('og:locale')?.[0]}`);
    }
    expect(problems).toEqual([]);
  });

  it('states the real size of the image it points to, and it is the 1200×630 PNG card', async () => {
    const sizes = new Map<string, string>();
    for (const page of htmlPages()) {
      const m = metas(page);
      sizes.set(m.get('og:image')![0]!, `${m.get('og:image:width')![0]}×${m.get('og:image:height')![0]}`);
    }
    for (const [url, stated] of sizes) {
      const file = path.join(distDir, new URL(url).pathname);
      expect(fs.existsSync(file), url).toBe(true);
      const info = await sharp(file).metadata();
      expect(`${info.width}×${info.height}`, url).toBe(stated);
    }
    expect(sizes.get(`${siteUrl}/og-default.png`)).toBe('1200×630');
    expect((await sharp(path.join(distDir, 'og-default.png')).metadata()).format).toBe('png');
  });

  it('ships the publication logos the feeds and JSON-LD name, at their stated sizes', async () => {
    for (const [file, size] of [['brand/logo-512.png', 512], ['brand/logo-144.png', 144]] as const) {
      const info = await sharp(path.join(distDir, file)).metadata();
      expect([info.width, info.height], file).toEqual([size, size]);
    }
  });

  it('keeps the Japanese headline exact in og:title', () => {
    const page = htmlPages().find((p) => text(elements(p.doc, 'h1')[0] ?? p.doc).includes('福岡県西方沖地震から1年'));
    expect(metas(page!).get('og:title')).toEqual(['福岡県西方沖地震から1年、各地で行事']);
  });
});
