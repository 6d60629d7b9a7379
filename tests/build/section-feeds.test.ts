/**
 * Section feeds (`/<section>/rss.xml`, `atom.xml`, `feed.json`), read as feed readers read them:
 * feedparser parses RSS and Atom without a warning, JSON Feed validates, and each lists the
 * section's newest articles — computed here from the site configuration's sections and the
 * fixture frontmatter (an article is in the section of its first topic a section lists, else
 * the fallback section), not through the site's code.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { distDir, feedSize, readDist, requireDist, siteUrl } from './dist.ts';
import { feedparseMany, publishedForDistribution, validateJsonFeed, type ParsedFeed } from './distribution.ts';
import { defaultSiteConfig } from '../../src/site.config.ts';

const sections = defaultSiteConfig.sections;

function sectionOf(topics: readonly string[]): string {
  for (const topic of topics) {
    const section = sections.find((s) => (s.topics as readonly string[]).includes(topic));
    if (section) return section.id;
  }
  return defaultSiteConfig.fallbackSection;
}

let parsed: Map<string, ParsedFeed>;
beforeAll(() => {
  requireDist();
  parsed = feedparseMany(sections.flatMap((s) => [`${s.id}/rss.xml`, ...(fs.existsSync(path.join(distDir, s.id, 'atom.xml')) ? [`${s.id}/atom.xml`] : [])]));
});

describe('section feeds', () => {
  it('exist for every section (Atom once it has a story, as for every feed), and parse without a warning', () => {
    const all = publishedForDistribution();
    for (const s of sections) {
      const empty = !all.some((a) => sectionOf(a.topics) === s.id);
      expect(fs.existsSync(path.join(distDir, s.id, 'atom.xml')), s.id).toBe(!empty);
      for (const file of [`${s.id}/rss.xml`, ...(empty ? [] : [`${s.id}/atom.xml`])]) {
        const feed = parsed.get(file)!;
        expect(feed.bozo, `${file}: ${feed.bozo_exception}`).toBe(0);
        expect(feed.feed.title, file).toBe(`${defaultSiteConfig.name}: ${s.name}`);
        expect(feed.feed.links.some((l) => l.rel === 'self' && l.href === `${siteUrl}/${file}`), file).toBe(true);
      }
      expect(validateJsonFeed(JSON.parse(readDist(`${s.id}/feed.json`))), s.id).toEqual([]);
    }
  });

  it('list the section’s newest published articles, newest first, and nothing else', () => {
    const all = publishedForDistribution();
    let nonEmpty = 0;
    for (const s of sections) {
      const expected = all.filter((a) => sectionOf(a.topics) === s.id).sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime()).slice(0, feedSize).map((a) => a.url);
      if (expected.length) nonEmpty++;
      expect(parsed.get(`${s.id}/rss.xml`)!.entries.map((e) => e.link), s.id).toEqual(expected);
      expect((JSON.parse(readDist(`${s.id}/feed.json`)) as { items: { url: string }[] }).items.map((i) => i.url), s.id).toEqual(expected);
    }
    expect(nonEmpty).toBeGreaterThanOrEqual(5);
  });

  it('are advertised first on their section front, before the site feeds', () => {
    for (const s of sections) {
      const html = fs.readFileSync(path.join(distDir, s.id, 'index.html'), 'utf8');
      const alternates = [...html.matchAll(/<link rel="alternate" type="application\/rss\+xml"[^>]*href="([^"]+)"/g)].map((m) => m[1]);
      expect(alternates.slice(0, 2), s.id).toEqual([`${siteUrl}/${s.id}/rss.xml`, `${siteUrl}/rss.xml`]);
    }
  });
});
