/**
 * JSON-LD in dist/: every block passes the Google-based validator (the same check the build
 * runs in `astro:build:done`), and each page type carries the right documents with values
 * equal to the frontmatter and the page's canonical URL.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { attr, canonicalOf, distDir, elements, htmlPages, pageAt, requireDist, siteUrl, text, topicNames, authorNames, type Page } from './dist.ts';
import { publishedForDistribution } from './distribution.ts';
import { checkBuiltStructuredData, structuredDataCheck } from '../../src/integrations/structured-data-check.ts';

type Doc = Record<string, any>;
const jsonLdOf = (page: Page): Doc[] => elements(page.doc, 'script', (el) => attr(el, 'type') === 'application/ld+json').map((el) => JSON.parse(text(el)) as Doc);

beforeAll(() => requireDist());

describe('structured data check over dist/', () => {
  it('finds no problem in any page', () => {
    expect(checkBuiltStructuredData(distDir)).toEqual([]);
  });

  it('fails the build naming the file and the field when a page’s JSON-LD is incomplete', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-jsonld-'));
    try {
      fs.mkdirSync(path.join(dir, 'articles', 'x'), { recursive: true });
      const broken = { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'H', datePublished: '2016-11-20T13:03:00+08:00' };
      fs.writeFileSync(path.join(dir, 'articles', 'x', 'index.html'), `<head><script type="application/ld+json">${JSON.stringify(broken)}</script></head>`);
      const hook = structuredDataCheck().hooks['astro:build:done'] as (o: unknown) => Promise<void>;
      const logger = { info: () => {} };
      await expect(hook({ dir: pathToFileURL(`${dir}/`), logger })).rejects.toThrow(/dist\/articles\/x\/index\.html: JSON-LD block 1: NewsArticle\.author: missing/);
      await expect(hook({ dir: pathToFileURL(`${dir}/`), logger })).rejects.toThrow(/NewsArticle\.dateModified: missing/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('article pages', () => {
  it('carry exactly one JSON-LD block, a NewsArticle matching the frontmatter and the canonical URL', () => {
    const topics = topicNames();
    const authors = authorNames();
    const problems: string[] = [];
    for (const a of publishedForDistribution()) {
      const page = pageAt(`/articles/${a.id}/`);
      const docs = jsonLdOf(page);
      if (docs.length !== 1 || docs[0]!['@type'] !== 'NewsArticle') {
        problems.push(`${a.file}: ${docs.length} JSON-LD blocks (${docs.map((d) => d['@type']).join(', ')})`);
        continue;
      }
      const d = docs[0]!;
      const canonical = canonicalOf(page);
      const want: Doc = {
        headline: a.headline,
        description: a.standfirst,
        url: canonical,
        mainEntityOfPage: { '@type': 'WebPage', '@id': canonical },
        articleSection: topics.get(a.topics[0]!),
        keywords: a.topics.map((t) => topics.get(t)),
        inLanguage: a.lang ?? 'en-GB',
        dateline: a.dateline,
        author: a.authors.length
          ? a.authors.map((id) => ({ '@type': 'Person', name: authors.get(id), url: `${siteUrl}/authors/${id}/` }))
          : [{ '@type': 'Organization', '@id': `${siteUrl}/#publisher`, name: 'The Dateline', url: `${siteUrl}/` }],
      };
      for (const [key, value] of Object.entries(want)) {
        if (JSON.stringify(d[key]) !== JSON.stringify(value)) problems.push(`${a.file}: ${key} = ${JSON.stringify(d[key])}, expected ${JSON.stringify(value)}`);
      }
      if (d['publisher']?.['@type'] !== 'NewsMediaOrganization' || d['publisher']?.logo?.url !== `${siteUrl}/brand/logo-512.png`) problems.push(`${a.file}: publisher`);
      if (a.source && (d['isBasedOn']?.url !== a.source.url || d['citation'] !== a.source.url)) problems.push(`${a.file}: isBasedOn/citation`);
      if (!a.source && d['isBasedOn'] !== undefined) problems.push(`${a.file}: isBasedOn without source`);
      if ((d['correction'] ?? []).length !== a.corrections.length) problems.push(`${a.file}: correction count`);
    }
    expect(problems).toEqual([]);
  });

  it('keep the seed headline with its curly apostrophe exact after JSON parsing', () => {
    const [d] = jsonLdOf(pageAt('/articles/abe-putin-hold-intensive-talks-on-disputed-islands/'));
    expect(d!['headline']).toBe('Abe, Putin hold intensive talks on disputed islands ahead of Russian leader’s Tokyo visit');
    expect(d!['dateline']).toBe('LIMA');
  });
});

describe('listing pages', () => {
  it('home page: WebSite and its NewsMediaOrganization publisher', () => {
    const docs = jsonLdOf(pageAt('/'));
    expect(docs.map((d) => d['@type'])).toEqual(['WebSite', 'NewsMediaOrganization']);
    expect(docs[0]!['url']).toBe(`${siteUrl}/`);
    expect(docs[0]!['publisher']).toEqual({ '@id': docs[1]!['@id'] });
    expect(docs[1]!['logo']['url']).toBe(`${siteUrl}/brand/logo-512.png`);
  });

  it('topic and author pages: CollectionPage / ProfilePage at the canonical URL, with a BreadcrumbList ending at the listing', () => {
    const problems: string[] = [];
    for (const page of htmlPages()) {
      const m = /^\/(topics|authors)\/([^/]+)\/(\d+\/)?$/.exec(page.url);
      if (!m) continue;
      const docs = jsonLdOf(page);
      const type = m[1] === 'topics' ? 'CollectionPage' : 'ProfilePage';
      if (docs.map((d) => d['@type']).join() !== `${type},BreadcrumbList`) {
        problems.push(`${page.file}: ${docs.map((d) => d['@type']).join()}`);
        continue;
      }
      if (docs[0]!['url'] !== canonicalOf(page)) problems.push(`${page.file}: ${type}.url is not the canonical URL`);
      const crumbs = docs[1]!['itemListElement'] as Doc[];
      if (crumbs.at(-1)!['item'] !== `${siteUrl}/${m[1]}/${m[2]}/`) problems.push(`${page.file}: last breadcrumb ${crumbs.at(-1)!['item']}`);
      // Authors: Home › Authors › name. Topics: Home › section › name, the section being the one the
      // visible breadcrumb names (Home › Topics › name for a topic no section lists).
      const visible = elements(page.doc, 'nav', (el) => attr(el, 'aria-label') === 'Breadcrumb').flatMap((nav) => elements(nav, 'a'))[0];
      const second = m[1] === 'topics' && visible ? `${siteUrl}${attr(visible, 'href')}` : `${siteUrl}/${m[1]}/`;
      if (crumbs[1]!['item'] !== second) problems.push(`${page.file}: second breadcrumb ${crumbs[1]!['item']}, expected ${second}`);
    }
    expect(problems).toEqual([]);
  });
});

describe('script elements', () => {
  it('are JSON-LD only (but the search page\'s one module script), and none ends early (the text parses, no raw < inside)', () => {
    const problems: string[] = [];
    for (const page of htmlPages()) {
      for (const el of elements(page.doc, 'script')) {
        if (page.url === '/search/' && attr(el, 'type') === 'module') continue;
        if (attr(el, 'type') !== 'application/ld+json') problems.push(`${page.file}: <script type=${attr(el, 'type')}>`);
        else if (/</.test(text(el))) problems.push(`${page.file}: raw < inside JSON-LD`);
      }
    }
    expect(problems).toEqual([]);
  });
});
