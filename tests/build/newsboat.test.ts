/**
 * dist/rss.xml in a real feed reader: newsboat reloads it non-interactively from a
 * file:// URL into its cache, and the cache (SQLite) must hold every item, with the
 * headlines, links and dates of the feed and no error in newsboat's log.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDist, requireDist, siteUrl } from './dist.ts';
import { reloadWithNewsboat } from './newsboat.ts';
import { parseRss, type XmlItem } from './feed-readers.ts';

interface CachedItem {
  title: string;
  url: string;
  guid: string;
  pubDate: number;
  author: string;
}

let dir: string;
let log: string;
let feeds: { rssurl: string; title: string; url: string }[];
let cached: CachedItem[];
let items: XmlItem[];

beforeAll(async () => {
  requireDist();
  items = parseRss(readDist('rss.xml')).rss.channel.item ?? [];
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-newsboat-'));
  const run = await reloadWithNewsboat('rss.xml', dir);
  log = run.log;
  feeds = run.db.prepare('SELECT rssurl, title, url FROM rss_feed').all() as typeof feeds;
  cached = run.db.prepare('SELECT title, url, guid, pubDate, author FROM rss_item WHERE feedurl = ?').all(run.url) as unknown as CachedItem[];
  run.db.close();
});

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('newsboat reads rss.xml', () => {
  it('reloads the feed with no error in its log', () => {
    expect(log.split('\n').filter((l) => /ERROR|CRITICAL/.test(l))).toEqual([]);
  });

  it('stores the feed with its channel title and link', () => {
    expect(feeds).toHaveLength(1);
    expect(feeds[0]!.title).toBe('The Dateline');
    expect(feeds[0]!.url).toBe(`${siteUrl}/`);
  });

  it('loads every item', () => {
    expect(items.length).toBeGreaterThan(0);
    expect(cached).toHaveLength(items.length);
  });

  it('shows each headline exactly, with the link, guid and publication time of the feed', () => {
    const byUrl = new Map(cached.map((c) => [c.url, c]));
    for (const item of items) {
      const c = byUrl.get(item.link);
      expect(c, `newsboat has no item for ${item.link}`).toBeDefined();
      expect(c!.title).toBe(item.title);
      expect(c!.guid).toBe(item.link);
      expect(c!.pubDate * 1000).toBe(Date.parse(item.pubDate));
    }
  });

  it('shows the curly apostrophe and Japanese headlines unchanged', () => {
    const titles = cached.map((c) => c.title);
    expect(titles).toContain('Abe, Putin hold intensive talks on disputed islands ahead of Russian leader’s Tokyo visit');
    expect(titles).toContain('福岡県西方沖地震から1年、各地で行事');
    expect(titles).toContain("After visa snags, all-girl Afghan team honored for 'courageous achievement' at international robotics competition");
  });
});
