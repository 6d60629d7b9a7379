import { describe, expect, it } from 'vitest';
import { buildHeadTags, imageTypeOf, toOpenGraphLocale, type HeadInput } from '../../src/lib/head/head.ts';
import { articlePageHead, authorPageHead, correctionsPageHead, homePageHead, topicPageHead } from '../../src/lib/head/page-head.ts';
import { feedLinks } from '../../src/lib/distribution/feed-model.ts';
import { SITE, japanese, nasty, seed } from './distribution-fixtures.ts';

const SEED_URL = 'https://dateline.example/articles/abe-putin-hold-intensive-talks-on-disputed-islands/';
const IMAGE = { url: 'https://dateline.example/og-default.png', width: 1200, height: 630, alt: 'The Dateline card' };
const base: HeadInput = {
  siteName: 'The Dateline',
  canonical: 'https://dateline.example/topics/',
  title: 'Topics',
  description: 'Every topic.',
  language: 'en-GB',
  image: IMAGE,
  feeds: feedLinks({ kind: 'site' }, SITE),
};

/** `property`/`name` → content, for the meta tags; repeated properties collected. */
function metas(input: HeadInput): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const t of buildHeadTags(input)) {
    if (t.tag !== 'meta') continue;
    const key = t.attrs['property'] ?? t.attrs['name']!;
    out.set(key, [...(out.get(key) ?? []), t.attrs['content']!]);
  }
  return out;
}

describe('toOpenGraphLocale', () => {
  it('turns BCP 47 tags into language_TERRITORY, adding the likely territory', () => {
    expect(toOpenGraphLocale('en-GB')).toBe('en_GB');
    expect(toOpenGraphLocale('ja')).toBe('ja_JP');
    expect(toOpenGraphLocale('zh-HK')).toBe('zh_HK');
  });
});

describe('imageTypeOf', () => {
  it('knows the common image types by extension', () => {
    expect(imageTypeOf('https://x.example/a.png')).toBe('image/png');
    expect(imageTypeOf('https://x.example/a.JPG?v=1')).toBe('image/jpeg');
    expect(imageTypeOf('https://x.example/a')).toBeUndefined();
  });
});

describe('buildHeadTags', () => {
  it('gives every page og:type website, og:url = canonical, absolute og:image with size, type and alt', () => {
    const m = metas(base);
    expect(m.get('og:type')).toEqual(['website']);
    expect(m.get('og:url')).toEqual(['https://dateline.example/topics/']);
    expect(m.get('og:site_name')).toEqual(['The Dateline']);
    expect(m.get('og:title')).toEqual(['Topics']);
    expect(m.get('og:description')).toEqual(['Every topic.']);
    expect(m.get('og:locale')).toEqual(['en_GB']);
    expect(m.get('og:image')).toEqual([IMAGE.url]);
    expect(m.get('og:image:type')).toEqual(['image/png']);
    expect(m.get('og:image:width')).toEqual(['1200']);
    expect(m.get('og:image:height')).toEqual(['630']);
    expect(m.get('og:image:alt')).toEqual(['The Dateline card']);
    expect(m.has('article:published_time')).toBe(false);
  });

  it('adds the Twitter/X large image card', () => {
    const m = metas(base);
    expect(m.get('twitter:card')).toEqual(['summary_large_image']);
    expect(m.get('twitter:title')).toEqual(['Topics']);
    expect(m.get('twitter:image')).toEqual([IMAGE.url]);
    expect(m.get('twitter:image:alt')).toEqual(['The Dateline card']);
  });

  it('lists the feed autodiscovery links in order', () => {
    const links = buildHeadTags(base).filter((t) => t.tag === 'link').map((t) => t.attrs);
    expect(links).toEqual([
      { rel: 'alternate', type: 'application/rss+xml', title: 'The Dateline (RSS)', href: 'https://dateline.example/rss.xml' },
      { rel: 'alternate', type: 'application/atom+xml', title: 'The Dateline (Atom)', href: 'https://dateline.example/atom.xml' },
      { rel: 'alternate', type: 'application/feed+json', title: 'The Dateline (JSON Feed)', href: 'https://dateline.example/feed.json' },
    ]);
  });

  it('refuses a relative canonical or image URL', () => {
    expect(() => buildHeadTags({ ...base, canonical: '/topics/' })).toThrow(/canonical URL must be absolute/);
    expect(() => buildHeadTags({ ...base, image: { ...IMAGE, url: '/og-default.png' } })).toThrow(/image URL must be absolute/);
  });
});

describe('articlePageHead → buildHeadTags', () => {
  it('makes og:type article with the same times as <time datetime>, section and one tag per topic', () => {
    const head = articlePageHead(seed, SITE);
    const m = metas({ ...base, canonical: SEED_URL, title: seed.headline, article: head.article });
    expect(m.get('og:type')).toEqual(['article']);
    expect(m.get('article:published_time')).toEqual(['2016-11-20T13:03:00+08:00']);
    expect(m.get('article:modified_time')).toEqual(['2016-11-20T22:45:00+08:00']);
    expect(m.get('article:section')).toEqual(['Shinzo Abe']);
    expect(m.get('article:tag')).toEqual(['Shinzo Abe', 'Japan–Russia relations', 'Diplomacy']);
    expect(m.has('article:author')).toBe(false);
  });

  it('counts corrections in the modified time and links author pages', () => {
    const head = articlePageHead(nasty, SITE);
    expect(head.article!.modifiedTime).toBe('2016-11-22T08:30:00+08:00');
    expect(head.article!.authorUrls).toEqual(['https://dateline.example/authors/o-brien/', 'https://dateline.example/authors/agent/']);
  });

  it('carries the article language and exactly one NewsArticle', () => {
    const head = articlePageHead(japanese, SITE);
    expect(head.language).toBe('ja');
    expect(head.jsonLd).toHaveLength(1);
    expect((head.jsonLd![0] as { '@type': string })['@type']).toBe('NewsArticle');
  });
});

describe('listing page heads', () => {
  it('home: WebSite and publisher, no extra feeds', () => {
    const head = homePageHead(SITE);
    expect(head.jsonLd!.map((d) => (d as { '@type': string })['@type'])).toEqual(['WebSite', 'NewsMediaOrganization']);
    expect(head.feeds).toBeUndefined();
  });

  it('topic: its own three feeds, CollectionPage and BreadcrumbList', () => {
    const head = topicPageHead({ id: 'shinzo-abe', name: 'Shinzo Abe' }, 'https://dateline.example/topics/shinzo-abe/', 'd', SITE);
    expect(head.feeds!.map((f) => f.href)).toEqual([
      'https://dateline.example/topics/shinzo-abe/rss.xml',
      'https://dateline.example/topics/shinzo-abe/atom.xml',
      'https://dateline.example/topics/shinzo-abe/feed.json',
    ]);
    expect(head.jsonLd!.map((d) => (d as { '@type': string })['@type'])).toEqual(['CollectionPage', 'BreadcrumbList']);
  });

  it('author: its own three feeds, ProfilePage and BreadcrumbList', () => {
    const head = authorPageHead({ id: 'jane', name: 'Jane' }, 'https://dateline.example/authors/jane/', 'd', SITE);
    expect(head.feeds!.map((f) => f.href)).toContain('https://dateline.example/authors/jane/feed.json');
    expect(head.jsonLd!.map((d) => (d as { '@type': string })['@type'])).toEqual(['ProfilePage', 'BreadcrumbList']);
  });

  it('corrections: the corrections feeds; no Atom feed before the first correction', () => {
    expect(correctionsPageHead(SITE, 2).feeds!.map((f) => f.href)).toEqual([
      'https://dateline.example/corrections/rss.xml',
      'https://dateline.example/corrections/atom.xml',
      'https://dateline.example/corrections/feed.json',
    ]);
    expect(correctionsPageHead(SITE, 0).feeds!.map((f) => f.href)).toEqual([
      'https://dateline.example/corrections/rss.xml',
      'https://dateline.example/corrections/feed.json',
    ]);
  });
});
