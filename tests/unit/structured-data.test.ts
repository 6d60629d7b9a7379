import { describe, expect, it } from 'vitest';
import {
  buildAuthorPage,
  buildBreadcrumbList,
  buildNewsArticle,
  buildPublisherDocument,
  buildTopicPage,
  buildWebSite,
  authorCrumbs,
  serializeJsonLd,
  topicCrumbs,
} from '../../src/lib/head/structured-data.ts';
import { checkPageStructuredData, extractJsonLdBlocks, validateJsonLd } from '../../src/lib/head/structured-data-check.ts';
import { NASTY_HEADLINE, SITE, japanese, nasty, seed } from './distribution-fixtures.ts';

const SEED_URL = 'https://dateline.example/articles/abe-putin-hold-intensive-talks-on-disputed-islands/';
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('buildNewsArticle', () => {
  const data = buildNewsArticle(seed, SITE) as Record<string, any>;

  it('is a NewsArticle with headline, description and the canonical URL as url and mainEntityOfPage', () => {
    expect(data['@context']).toBe('https://schema.org');
    expect(data['@type']).toBe('NewsArticle');
    expect(data['headline']).toBe(seed.headline);
    expect(data['description']).toBe(seed.standfirst);
    expect(data['url']).toBe(SEED_URL);
    expect(data['mainEntityOfPage']).toEqual({ '@type': 'WebPage', '@id': SEED_URL });
  });

  it('dates it with the newsroom offset: datePublished = publishedAt, dateModified = lastModified', () => {
    expect(data['datePublished']).toBe('2016-11-20T13:03:00+08:00');
    expect(data['dateModified']).toBe('2016-11-20T22:45:00+08:00');
    expect((buildNewsArticle(nasty, SITE) as Record<string, any>)['dateModified']).toBe('2016-11-22T08:30:00+08:00');
  });

  it('credits the publisher as an Organization when there is no byline', () => {
    expect(data['author']).toEqual([{ '@type': 'Organization', '@id': 'https://dateline.example/#publisher', name: 'The Dateline', url: 'https://dateline.example/' }]);
  });

  it('credits authors as Persons linking to their author pages', () => {
    expect((buildNewsArticle(nasty, SITE) as Record<string, any>)['author']).toEqual([
      { '@type': 'Person', name: `Ann O'Brien & "Co"`, url: 'https://dateline.example/authors/o-brien/' },
      { '@type': 'Person', name: '007', url: 'https://dateline.example/authors/agent/' },
    ]);
  });

  it('names the publisher as a NewsMediaOrganization with logo and URL', () => {
    expect(data['publisher']).toEqual({
      '@type': 'NewsMediaOrganization',
      '@id': 'https://dateline.example/#publisher',
      name: 'The Dateline',
      url: 'https://dateline.example/',
      logo: { '@type': 'ImageObject', url: 'https://dateline.example/brand/logo-512.png', width: '512', height: '512' },
    });
  });

  it('has articleSection = primary topic, keywords = topics, dateline, inLanguage and the default card image', () => {
    expect(data['articleSection']).toBe('Shinzo Abe');
    expect(data['keywords']).toEqual(['Shinzo Abe', 'Japan–Russia relations', 'Diplomacy']);
    expect(data['dateline']).toBe('LIMA');
    expect(data['inLanguage']).toBe('en-GB');
    expect((buildNewsArticle(japanese, SITE) as Record<string, any>)['inLanguage']).toBe('ja');
    expect(data['image']).toEqual([{ '@type': 'ImageObject', url: 'https://dateline.example/og-default.png', width: '1200', height: '630' }]);
  });

  it('cites the source of a syndicated article (isBasedOn, citation, license)', () => {
    const sourced = buildNewsArticle(nasty, SITE) as Record<string, any>;
    expect(sourced['isBasedOn']).toEqual({
      '@type': 'CreativeWork',
      url: 'https://en.wikinews.org/wiki/X?a=1&b=2',
      publisher: { '@type': 'Organization', name: 'Wikinews' },
      license: 'https://creativecommons.org/licenses/by/2.5/',
    });
    expect(sourced['citation']).toBe('https://en.wikinews.org/wiki/X?a=1&b=2');
    expect(data['isBasedOn']).toBeUndefined();
  });

  it('credits the publisher of a story that has no URL or licence (the seed: South China Morning Post)', () => {
    const credited = buildNewsArticle({ ...nasty, source: { name: 'South China Morning Post' } }, SITE) as Record<string, any>;
    expect(credited['isBasedOn']).toEqual({ '@type': 'CreativeWork', publisher: { '@type': 'Organization', name: 'South China Morning Post' } });
    expect(credited['citation']).toBeUndefined();
    expect(credited['license']).toBeUndefined();
  });

  it('lists corrections as CorrectionComments anchored like the page', () => {
    expect((buildNewsArticle(nasty, SITE) as Record<string, any>)['correction']).toEqual([
      { '@type': 'CorrectionComment', text: 'An earlier version said 5 > 6 & 7.', datePublished: '2016-11-21T12:00:00+08:00', url: 'https://dateline.example/articles/nasty-headline/#correction-1' },
      { '@type': 'CorrectionComment', text: 'The <b> tag was literal text.', datePublished: '2016-11-22T08:30:00+08:00', url: 'https://dateline.example/articles/nasty-headline/#correction-2' },
    ]);
    expect(data['correction']).toBeUndefined();
  });

  it('passes the validator', () => {
    expect(validateJsonLd(clone(data))).toEqual([]);
    expect(validateJsonLd(clone(buildNewsArticle(nasty, SITE)))).toEqual([]);
  });
});

describe('page-level JSON-LD', () => {
  it('describes the home page as a WebSite published by the organisation', () => {
    expect(buildWebSite(SITE)).toMatchObject({ '@type': 'WebSite', name: 'The Dateline', url: 'https://dateline.example/', publisher: { '@id': 'https://dateline.example/#publisher' } });
    expect(buildPublisherDocument(SITE)).toMatchObject({ '@context': 'https://schema.org', '@type': 'NewsMediaOrganization', '@id': 'https://dateline.example/#publisher' });
    expect(validateJsonLd(clone(buildWebSite(SITE)))).toEqual([]);
    expect(validateJsonLd(clone(buildPublisherDocument(SITE)))).toEqual([]);
  });

  it('gives topic pages a CollectionPage and a Home › Topics › topic breadcrumb', () => {
    const topic = { id: 'nihon', name: '日本', lang: 'ja' };
    const page = buildTopicPage(topic, 'https://dateline.example/topics/nihon/2/', 'd', SITE);
    expect(page).toMatchObject({ '@type': 'CollectionPage', url: 'https://dateline.example/topics/nihon/2/', name: '日本', inLanguage: 'en-GB' });
    const crumbs = buildBreadcrumbList(topicCrumbs(topic, SITE));
    expect(crumbs.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'The Dateline', item: 'https://dateline.example/' },
      { '@type': 'ListItem', position: 2, name: 'Topics', item: 'https://dateline.example/topics/' },
      { '@type': 'ListItem', position: 3, name: '日本', item: 'https://dateline.example/topics/nihon/' },
    ]);
    expect(validateJsonLd(clone(page))).toEqual([]);
    expect(validateJsonLd(clone(crumbs))).toEqual([]);
  });

  it('gives author pages a ProfilePage about the Person', () => {
    const author = { id: 'jane', name: 'Jane Doe', bio: 'Reporter.', url: 'https://example.org/jane' };
    const page = buildAuthorPage(author, 'https://dateline.example/authors/jane/', 'Reporter.', SITE);
    expect(page).toMatchObject({
      '@type': 'ProfilePage',
      mainEntity: { '@type': 'Person', name: 'Jane Doe', url: 'https://dateline.example/authors/jane/', description: 'Reporter.', sameAs: 'https://example.org/jane' },
    });
    expect(validateJsonLd(clone(page))).toEqual([]);
    expect(validateJsonLd(clone(buildBreadcrumbList(authorCrumbs(author, SITE))))).toEqual([]);
  });
});

describe('serializeJsonLd', () => {
  const data = buildNewsArticle({ ...nasty, headline: NASTY_HEADLINE }, SITE);
  const json = serializeJsonLd(data);

  it('cannot close the script element or open a comment', () => {
    expect(json).not.toMatch(/<\/script/i);
    expect(json).not.toContain('<!--');
    expect(json).not.toMatch(/[<>&]/);
    expect(json).toContain('\\u003c/script\\u003e\\u003c!--');
  });

  it('parses back to the exact strings', () => {
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(data)));
    expect((JSON.parse(json) as { headline: string }).headline).toBe(NASTY_HEADLINE);
  });

  it('escapes U+2028 and U+2029', () => {
    expect(serializeJsonLd({ a: '\u2028\u2029' })).toBe('{"a":"\\u2028\\u2029"}');
  });

  it('survives extraction from a page as a browser would do it', () => {
    const html = `<head><script type="application/ld+json">${json}</script><script type="application/ld+json">{"@context":"https://schema.org"}</script></head>`;
    const blocks = extractJsonLdBlocks(html);
    expect(blocks).toHaveLength(2);
    expect((JSON.parse(blocks[0]!.text) as { headline: string }).headline).toBe(NASTY_HEADLINE);
  });
});

describe('validateJsonLd', () => {
  const good = () => clone(buildNewsArticle(nasty, SITE)) as Record<string, any>;

  it.each([
    ['headline', 'NewsArticle.headline'],
    ['datePublished', 'NewsArticle.datePublished'],
    ['dateModified', 'NewsArticle.dateModified'],
    ['author', 'NewsArticle.author'],
    ['image', 'NewsArticle.image'],
    ['publisher', 'NewsArticle.publisher'],
    ['mainEntityOfPage', 'NewsArticle.mainEntityOfPage'],
  ])('reports a missing %s at %s', (field, path) => {
    const data = good();
    delete data[field];
    expect(validateJsonLd(data).map((p) => p.path)).toContain(path);
  });

  it('reports an author without url, a date without zone and a relative image URL', () => {
    const data = good();
    delete data['author'][1].url;
    data['datePublished'] = '2016-11-21T09:00:00';
    data['image'] = ['/og-default.png'];
    expect(validateJsonLd(data)).toEqual([
      expect.objectContaining({ path: 'NewsArticle.datePublished', message: expect.stringMatching(/time zone/) }),
      expect.objectContaining({ path: 'NewsArticle.author[1].url', message: expect.stringMatching(/missing/) }),
      expect.objectContaining({ path: 'NewsArticle.image[0]', message: expect.stringMatching(/absolute/) }),
    ]);
  });

  it('reports dateModified before datePublished and a too-small image', () => {
    const data = good();
    data['dateModified'] = '2016-11-20T00:00:00+08:00';
    data['image'] = [{ '@type': 'ImageObject', url: 'https://dateline.example/a.png', width: 100, height: 100 }];
    expect(validateJsonLd(data).map((p) => p.path)).toEqual(['NewsArticle.dateModified', 'NewsArticle.image[0]']);
  });

  it('reports a publisher without logo and a wrong @context', () => {
    const data = good();
    delete data['publisher'].logo;
    data['@context'] = 'https://example.org';
    expect(validateJsonLd(data).map((p) => p.path)).toEqual(['@context', 'NewsArticle.publisher.logo.url']);
  });

  it('reports breadcrumb positions out of order and a missing item URL', () => {
    const crumbs = clone(buildBreadcrumbList(topicCrumbs({ id: 'x', name: 'X' }, SITE))) as Record<string, any>;
    crumbs['itemListElement'][1].position = 3;
    delete crumbs['itemListElement'][0].item;
    expect(validateJsonLd(crumbs).map((p) => p.path)).toEqual(['BreadcrumbList.itemListElement[0].item', 'BreadcrumbList.itemListElement[1].position']);
  });

  it('checks every node of an @graph', () => {
    const data = { '@context': 'https://schema.org', '@graph': [{ '@type': 'NewsArticle' }] };
    expect(validateJsonLd(data).map((p) => p.path)).toContain('@graph[0].NewsArticle.headline');
  });
});

describe('checkPageStructuredData', () => {
  it('names the file, the block and the field', () => {
    const html = '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle"}</script>';
    expect(checkPageStructuredData(html, 'articles/x/index.html')[0]).toMatch(/^articles\/x\/index\.html: JSON-LD block 1: NewsArticle\.headline: missing/);
  });

  it('reports a block that is not JSON', () => {
    expect(checkPageStructuredData('<script type="application/ld+json">{oops</script>', 'a.html')[0]).toMatch(/^a\.html: JSON-LD block 1: not valid JSON/);
  });

  it('accepts a page without JSON-LD', () => {
    expect(checkPageStructuredData('<p>no data</p>', 'a.html')).toEqual([]);
  });
});
