import { describe, expect, it } from 'vitest';
import { SiteConfigError, defaultSiteConfig, resolveSiteConfig } from '../../src/site.config.ts';

/** The message of the SiteConfigError thrown by `fn`. */
function configError(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(SiteConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a SiteConfigError, but nothing was thrown');
}

describe('resolveSiteConfig', () => {
  it('gives the documented defaults without environment or overrides', () => {
    expect(resolveSiteConfig({})).toMatchObject({
      name: 'The Dateline',
      description: defaultSiteConfig.description,
      url: 'https://dateline.example',
      language: 'en-GB',
      timeZone: 'Asia/Hong_Kong',
      timeZoneLabelLocale: 'en-HK',
      feedSize: 50,
      listingFeedSize: 20,
      pageSize: 20,
      searchShardArticles: 1000,
    });
  });

  it('takes the search shard size from SEARCH_SHARD_ARTICLES, and names the variable when it is not a positive integer', () => {
    expect(resolveSiteConfig({ SEARCH_SHARD_ARTICLES: '10' }).searchShardArticles).toBe(10);
    expect(resolveSiteConfig({ SEARCH_SHARD_ARTICLES: ' ' }).searchShardArticles).toBe(1000);
    for (const bad of ['0', 'ten', '2.5', '-3', '1e3', '3abc', '99999999999999999999']) {
      const message = configError(() => resolveSiteConfig({ SEARCH_SHARD_ARTICLES: bad }));
      expect(message.split('\n').slice(1), bad).toEqual([expect.stringMatching(/^ {2}searchShardArticles \(from SEARCH_SHARD_ARTICLES\): must be a whole number of articles from 1 to 1000000 \(got /)]);
    }
  });

  it('takes the site URL from SITE_URL', () => {
    expect(resolveSiteConfig({ SITE_URL: 'https://news.example.org' }).url).toBe('https://news.example.org');
  });

  it('strips trailing slashes from SITE_URL', () => {
    expect(resolveSiteConfig({ SITE_URL: 'https://news.example.org/' }).url).toBe('https://news.example.org');
    expect(resolveSiteConfig({ SITE_URL: 'https://news.example.org///' }).url).toBe('https://news.example.org');
  });

  it('ignores an empty or blank SITE_URL', () => {
    expect(resolveSiteConfig({ SITE_URL: '' }).url).toBe('https://dateline.example');
    expect(resolveSiteConfig({ SITE_URL: '   ' }).url).toBe('https://dateline.example');
  });

  it('accepts a local http origin with a port', () => {
    expect(resolveSiteConfig({ SITE_URL: 'http://localhost:4321' }).url).toBe('http://localhost:4321');
  });

  it('reads no other environment variable', () => {
    expect(resolveSiteConfig({ FEED_SIZE: '5', TZ: 'Europe/London' })).toEqual(resolveSiteConfig({}));
  });

  it.each([['not a url'], ['ftp://x'], ['dateline.example'], ['javascript:alert(1)']])(
    'rejects SITE_URL=%s with a message naming url and SITE_URL and what is expected',
    (value) => {
      const message = configError(() => resolveSiteConfig({ SITE_URL: value }));
      expect(message).toContain(`url (from SITE_URL): must be an absolute http(s) URL, e.g. https://dateline.example (got ${JSON.stringify(value)})`);
    },
  );

  it('does not blame SITE_URL for a bad url override', () => {
    const message = configError(() => resolveSiteConfig({}, { url: 'nope' }));
    expect(message).toMatch(/^\s+url: must be an absolute http\(s\) URL/m);
    expect(message).not.toContain('SITE_URL');
  });

  it.each([
    ['feedSize', 0],
    ['feedSize', '50'],
    ['feedSize', 2.5],
    ['pageSize', -1],
    ['pageSize', 501],
  ])('rejects %s = %j, naming the field and the bad value', (field, value) => {
    const message = configError(() => resolveSiteConfig({}, { [field]: value }));
    expect(message).toMatch(new RegExp(`^  ${field}: .+ \\(got ${JSON.stringify(value).replace(/[.]/g, '\\.')}\\)$`, 'm'));
  });

  it.each([['Mars/Olympus'], ['Hong Kong'], ['']])('rejects the time zone %j as not an IANA name', (timeZone) => {
    const message = configError(() => resolveSiteConfig({}, { timeZone }));
    expect(message).toContain(`timeZone: must be an IANA time zone name, e.g. Asia/Hong_Kong (got ${JSON.stringify(timeZone)})`);
  });

  it('accepts another IANA time zone', () => {
    expect(resolveSiteConfig({}, { timeZone: 'Europe/London' }).timeZone).toBe('Europe/London');
  });

  it('names every bad setting at once', () => {
    const message = configError(() => resolveSiteConfig({ SITE_URL: 'not a url' }, { feedSize: 0, timeZone: 'Mars/Olympus' }));
    expect(message).toMatch(/^Invalid site configuration:\n/);
    expect(message).toMatch(/^  url \(from SITE_URL\): /m);
    expect(message).toMatch(/^  feedSize: /m);
    expect(message).toMatch(/^  timeZone: /m);
  });
});
