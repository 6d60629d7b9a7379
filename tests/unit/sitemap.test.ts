import { describe, expect, it } from 'vitest';
import type { SitemapItem } from '@astrojs/sitemap';
import { isIndexable, withLastmod } from '../../src/lib/distribution/sitemap.ts';
import { SEED_PUBLISHED, SEED_UPDATED } from './make-article.ts';

const SITE = 'https://dateline.example';

describe('isIndexable', () => {
  it.each([['/'], ['/2/'], ['/articles/abe-putin-hold-intensive-talks-on-disputed-islands/'], ['/topics/shinzo-abe/'], ['/authors/'], ['/articles/404-error-pages-explained/'], ['/4040/']])(
    'lists %s',
    (path) => {
      expect(isIndexable(`${SITE}${path}`, SITE)).toBe(true);
    },
  );

  it.each([['/404/'], ['/404'], ['/404.html']])('leaves out the 404 page at %s', (path) => {
    expect(isIndexable(`${SITE}${path}`, SITE)).toBe(false);
  });

  it('leaves out a page on another origin', () => {
    expect(isIndexable('https://elsewhere.example/articles/x/', SITE)).toBe(false);
    expect(isIndexable('http://dateline.example/articles/x/', SITE)).toBe(false);
  });
});

describe('withLastmod', () => {
  const seedUrl = `${SITE}/articles/abe-putin-hold-intensive-talks-on-disputed-islands/`;
  const byUrl = new Map([[seedUrl, SEED_UPDATED]]);

  it('sets lastmod of an article URL to its last change, with the newsroom offset', () => {
    const item: SitemapItem = { url: seedUrl, links: [] };
    expect(withLastmod(item, byUrl, 'Asia/Hong_Kong')).toEqual({ url: seedUrl, links: [], lastmod: '2016-11-20T22:45:00+08:00' });
  });

  it('writes the same instant in another newsroom zone', () => {
    const item: SitemapItem = { url: seedUrl, links: [] };
    expect(withLastmod(item, new Map([[seedUrl, SEED_PUBLISHED]]), 'UTC').lastmod).toBe('2016-11-20T05:03:00+00:00');
  });

  it('returns a non-article URL unchanged', () => {
    const item: SitemapItem = { url: `${SITE}/topics/shinzo-abe/`, links: [] };
    expect(withLastmod(item, byUrl, 'Asia/Hong_Kong')).toBe(item);
    expect(item.lastmod).toBeUndefined();
  });

  it('does not modify the item it was given', () => {
    const item: SitemapItem = { url: seedUrl, links: [] };
    withLastmod(item, byUrl, 'Asia/Hong_Kong');
    expect(item.lastmod).toBeUndefined();
  });
});
