/**
 * The other feed formats in a real feed reader: newsboat (Debian) reloads the site Atom
 * feed, a topic's RSS feed with Japanese articles, an author's Atom feed and the (possibly
 * empty) corrections feed, each into its own cache (newsboat keys items by guid across
 * feeds), and must store every item with its exact title, link and full content.
 * newsboat 2.21 does not read JSON Feed; JSON Feed is checked against the spec in
 * feeds.test.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireDist } from './dist.ts';
import { reloadWithNewsboat } from './newsboat.ts';
import { feedparseMany } from './distribution.ts';

const FEEDS = ['atom.xml', 'topics/nihon/rss.xml', 'authors/wikinews-contributors/atom.xml', 'corrections/rss.xml'];

interface Loaded {
  log: string;
  items: { title: string; url: string; guid: string; contentLength: number }[];
}

let dir: string;
const loaded = new Map<string, Loaded>();

beforeAll(async () => {
  requireDist();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-newsboat-formats-'));
  for (const [i, feed] of FEEDS.entries()) {
    const run = await reloadWithNewsboat(feed, path.join(dir, String(i)));
    const items = run.db.prepare('SELECT title, url, guid, length(content) AS contentLength FROM rss_item WHERE feedurl = ?').all(run.url) as unknown as Loaded['items'];
    run.db.close();
    loaded.set(feed, { log: run.log, items });
  }
});

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('newsboat reads the Atom and topic, author and corrections feeds', () => {
  it.each(FEEDS)('%s: reloads with no error in its log', (feed) => {
    expect(loaded.get(feed)!.log.split('\n').filter((l) => /ERROR|CRITICAL/.test(l))).toEqual([]);
  });

  it.each(FEEDS)('%s: stores every entry, with exact titles, links and full content', (feed) => {
    const expected = feedparseMany([feed]).get(feed)!.entries;
    const { items } = loaded.get(feed)!;
    expect(items.map((i) => i.guid).sort()).toEqual(expected.map((e) => e.id).sort());
    const byGuid = new Map(items.map((i) => [i.guid, i]));
    for (const e of expected) {
      const item = byGuid.get(e.id!)!;
      expect(item.title, e.id!).toBe(e.title);
      expect(item.url, e.id!).toBe(e.link);
      expect(item.contentLength, e.id!).toBeGreaterThan(0);
    }
  });

  it('keeps the Japanese entries of the site Atom feed (xml:lang on the text, not the entry)', () => {
    const titles = loaded.get('atom.xml')!.items.map((i) => i.title);
    expect(titles).toContain('福岡県西方沖地震から1年、各地で行事');
    expect(loaded.get('topics/nihon/rss.xml')!.items.length).toBeGreaterThan(0);
  });
});
