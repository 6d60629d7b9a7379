/**
 * The Pagefind search index in the built site: it holds exactly the published articles'
 * pages, and no text of a draft, scheduled, embargoed or expired article. The index is read
 * as Pagefind writes it — gzip'd fragments, one per page, after a `pagefind_dcd` signature —
 * not through the site's code.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { articleUrl, distDir, isPublished, requireDist, sourceArticles, SEED_ID } from './dist.ts';

interface Fragment {
  url: string;
  content: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
}

interface Manifest {
  version: number;
  bundles: { language: string; shards: { path: string; years: string[] }[] }[];
}
/** The shard plan the search page reads (src/lib/search/shards.ts). */
function manifest(): Manifest {
  return JSON.parse(fs.readFileSync(path.join(distDir, 'pagefind', 'shards.json'), 'utf8')) as Manifest;
}
/** Output folders (`pagefind/<shard>`) of the shards of the bundle `language`, or of every bundle. */
function shardDirs(language?: string): string[] {
  return manifest().bundles.filter((b) => !language || b.language === language).flatMap((b) => b.shards.map((s) => s.path.replace(/^\/|\/$/g, '')));
}

function fragments(bundles = shardDirs()): Fragment[] {
  return bundles.flatMap((bundle) => {
    const dir = path.join(distDir, bundle, 'fragment');
    return fs.readdirSync(dir).map((name) => {
      const text = gunzipSync(fs.readFileSync(path.join(dir, name))).toString('utf8');
      expect(text.startsWith('pagefind_dcd')).toBe(true);
      return JSON.parse(text.slice('pagefind_dcd'.length)) as Fragment;
    });
  });
}

/** Every file of the Pagefind bundle, decompressed where it is gzip'd, as text. */
function bundleText(): string {
  return shardDirs().map((bundle) => bundleFiles(path.join(distDir, bundle))).join('\n');
}

function bundleFiles(dir: string): string {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => {
      const bytes = fs.readFileSync(path.join(d.parentPath, d.name));
      return (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
    })
    .join('\n');
}

describe('search index', () => {
  beforeAll(requireDist);

  it('has one record per published article page, and no other page', () => {
    const urls = fragments().map((f) => new URL(f.url, 'https://x.invalid').pathname).sort();
    const published = sourceArticles().filter((a) => isPublished(a)).map((a) => articleUrl(a.id)).sort();
    expect(urls).toEqual(published);
  });

  it('holds no word of an unpublished article (the fixture draft and embargoed story carry unique words)', () => {
    const unpublished = sourceArticles().filter((a) => !isPublished(a));
    expect(unpublished.length).toBeGreaterThanOrEqual(2);
    // Pagefind lower-cases words and may put zero-width spaces between them; compare without either.
    const index = bundleText().replace(/\u200b/g, '').toLowerCase();
    for (const a of unpublished) {
      const words = fs.readFileSync(a.file, 'utf8').match(/\b[A-Z]{12,}\b/g) ?? [];
      expect(words.length, a.file).toBeGreaterThan(0);
      for (const word of words) expect(index.includes(word.toLowerCase()), `${word} of ${a.file}`).toBe(false);
      expect(index.includes(a.headline.toLowerCase()), a.headline).toBe(false);
    }
  });

  it('files the seed under its section, topics, year and language', () => {
    const seed = fragments().find((f) => f.url === articleUrl(SEED_ID))!;
    expect(seed.filters).toMatchObject({ section: ['Asia'], year: ['2016'], language: ['English'] });
    expect([...seed.filters['topic']!].sort()).toEqual(['Diplomacy', 'Japan–Russia relations', 'Politics and conflicts', 'Shinzo Abe']);
    expect(seed.meta['title']).toBe('Abe, Putin hold intensive talks on disputed islands ahead of Russian leader’s Tokyo visit');
    expect(seed.content.replace(/\u200b/g, '')).toContain('Kunashiri');
  });

  it('cuts each bundle by publication year into shards of at least the configured size (10 for the fixture site), and files each page in the shard of its year', () => {
    const plan = manifest();
    expect(plan.bundles.map((b) => b.language)).toEqual(['en', 'ja']);
    const all = fragments();
    for (const bundle of plan.bundles) {
      const years = bundle.shards.flatMap((s) => s.years);
      expect(years, bundle.language).toEqual([...years].sort());
      expect(new Set(years).size, bundle.language).toBe(years.length);
      bundle.shards.forEach((shard, i) => {
        const held = fragments([shard.path.replace(/^\/|\/$/g, '')]);
        if (i < bundle.shards.length - 1) expect(held.length, shard.path).toBeGreaterThanOrEqual(10);
        for (const f of held) expect(shard.years, `${f.url} in ${shard.path}`).toContain(f.filters['year']![0]);
      });
    }
    expect(plan.bundles[0]!.shards.length).toBeGreaterThan(1);
    expect(all.length).toBe(new Set(all.map((f) => f.url)).size);
  });

  it('puts Japanese articles, and only those, in the Japanese bundle, under the Japanese language filter', () => {
    const japanese = sourceArticles().filter((a) => isPublished(a) && a.lang === 'ja').map((a) => articleUrl(a.id)).sort();
    expect(japanese.length).toBeGreaterThan(0);
    const ja = fragments(shardDirs('ja'));
    expect(ja.map((f) => f.url).sort()).toEqual(japanese);
    for (const f of ja) expect(f.filters['language'], f.url).toEqual(['Japanese']);
  });
});
