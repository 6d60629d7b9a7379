/**
 * npm @extractus/feed-extractor (one of the readers the feeds were checked with) reads every
 * feed the build ships, including the corrections feeds while there is no correction:
 * it rejects an entry-less Atom document, so none is shipped (src/lib/distribution/feed-model.ts,
 * `publishedFormats`), and it reads the empty RSS and JSON feeds.
 */
import fs from 'node:fs';
import path from 'node:path';
import { extractFromJson, extractFromXml } from '@extractus/feed-extractor';
import { beforeAll, describe, expect, it } from 'vitest';
import { distDir, listFiles, requireDist, siteUrl } from './dist.ts';

beforeAll(requireDist);

const feeds = () => listFiles(distDir).filter((f) => /(^|\/)(rss\.xml|atom\.xml|feed\.json)$/.test(f));

describe('@extractus/feed-extractor on the built feeds', () => {
  it('reads every feed, with its title and as many entries as the file has items', () => {
    const files = feeds();
    expect(files.length).toBeGreaterThan(30);
    const problems: string[] = [];
    for (const file of files) {
      const text = fs.readFileSync(path.join(distDir, file), 'utf8');
      try {
        const feed = file.endsWith('.json') ? extractFromJson(JSON.parse(text)) : extractFromXml(text);
        const count = file.endsWith('.json') ? JSON.parse(text).items.length : (text.match(/<(item|entry)>/g) ?? []).length;
        if (!feed.title?.startsWith('The Dateline')) problems.push(`${file}: title ${JSON.stringify(feed.title)}`);
        if ((feed.entries ?? []).length !== count) problems.push(`${file}: ${feed.entries?.length} entries, file has ${count}`);
      } catch (error) {
        problems.push(`${file}: ${(error as Error).message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('the corrections feeds: before the first correction, empty RSS and JSON Feed that read and no Atom document; after it, all three', () => {
    const rss = fs.readFileSync(path.join(distDir, 'corrections/rss.xml'), 'utf8');
    if (rss.includes('<item>')) {
      expect(extractFromXml(fs.readFileSync(path.join(distDir, 'corrections/atom.xml'), 'utf8')).entries?.length).toBeGreaterThan(0);
      return;
    }
    expect(extractFromXml(rss)).toMatchObject({ title: 'The Dateline: Corrections and clarifications', link: `${siteUrl}/corrections/`, entries: [] });
    expect(extractFromJson(JSON.parse(fs.readFileSync(path.join(distDir, 'corrections/feed.json'), 'utf8')))).toMatchObject({ entries: [] });
    expect(fs.existsSync(path.join(distDir, 'corrections/atom.xml'))).toBe(false);
  });
});
