/**
 * Pictures in the built fixture site (docs/adr/0014-pictures.md), read from the real output:
 * the World Cup article's lead picture (tests/fixtures/site/articles/2018/world-cup-pitch.jpg,
 * 2000×1333), the flag article's body chart (2015/flag-vote-chart.png, 960×540) and the draft's
 * picture (2026/harbour-plan.jpg), which must never reach the output.
 *
 * Every URL is checked against the file it names: it exists in dist/, its pixel size (read by
 * sharp) is what the markup, the head or the feed says, and its byte length is the feeds' length.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { extractFromJson, extractFromXml } from '@extractus/feed-extractor';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Element } from 'domhandler';
import { attr, distDir, elements, listFiles, pageAt, readDist, requireDist, siteUrl, text } from './dist.ts';
import { feedparser } from './feed-readers.ts';
import { reloadWithNewsboat } from './newsboat.ts';

const LEAD_ARTICLE = '/articles/fifa-world-cup-2018-day-five-sweden-belgium-england-win-three-points/';
const BODY_ARTICLE = '/articles/new-zealand-begins-process-to-consider-changing-national-flag-design/';
const ALT = 'A drawn football pitch with a player in yellow beside the ball, the stands full behind';

const fileOf = (url: string) => path.join(distDir, new URL(url, `${siteUrl}/`).pathname);
const sizeOf = async (url: string) => {
  const m = await sharp(fileOf(url)).metadata();
  return { width: m.width, height: m.height, format: m.format === 'heif' ? 'avif' : m.format };
};
const candidates = (srcset: string) => srcset.split(',').map((c) => c.trim().split(/\s+/)).map(([url, w]) => ({ url: url!, width: Number(w!.slice(0, -1)) }));

beforeAll(requireDist);

describe('the article page of a story with a lead picture', () => {
  let figure: Element;
  beforeAll(() => {
    const page = pageAt(LEAD_ARTICLE);
    figure = elements(page.doc, 'figure', (el) => (attr(el, 'class') ?? '').includes('lead-picture'))[0]!;
  });

  it('shows a figure with AVIF and WebP sources, a JPEG img with width, height, alt, eager loading and high priority', () => {
    expect(figure).toBeDefined();
    const sources = elements(figure, 'source');
    expect(sources.map((s) => attr(s, 'type'))).toEqual(['image/avif', 'image/webp']);
    const img = elements(figure, 'img')[0]!;
    expect(attr(img, 'alt')).toBe(ALT);
    expect(attr(img, 'width')).toBe('1600');
    expect(attr(img, 'height')).toBe('1066');
    expect(attr(img, 'loading')).toBe('eager');
    expect(attr(img, 'fetchpriority')).toBe('high');
    for (const el of [...sources, img]) expect(attr(el, 'sizes')).toBe('(min-width: 44rem) 42rem, calc(100vw - 2rem)');
    expect(text(elements(figure, 'figcaption')[0]!)).toBe('Test picture of the fixture site: a drawn pitch stands in for a match photograph. Dateline test fixture');
    expect(text(elements(figure, 'span', (el) => attr(el, 'class') === 'picture-credit')[0]!)).toBe('Dateline test fixture');
  });

  it('every srcset candidate is a file in dist/ of the width it declares, in its format, at widths 400–1,600', async () => {
    const sets = [...elements(figure, 'source'), ...elements(figure, 'img')].map((el) => ({ type: attr(el, 'type') ?? 'image/jpeg', list: candidates(attr(el, 'srcset')!) }));
    for (const { type, list } of sets) {
      expect(list.map((c) => c.width)).toEqual([400, 800, 1200, 1600]);
      for (const c of list) {
        const size = await sizeOf(c.url);
        expect(size.width, c.url).toBe(c.width);
        expect(`image/${size.format}`, c.url).toBe(type);
        expect(Math.abs(size.height! / size.width! - 1333 / 2000), `${c.url} keeps the aspect`).toBeLessThan(0.01);
      }
    }
  });

  it('the picture a 390 px phone fetches (sizes 358 px, at up to 3× density: the 1,200 px AVIF) is at most 60 KB', async () => {
    const avif = candidates(attr(elements(figure, 'source')[0]!, 'srcset')!);
    const chosen = avif.find((c) => c.width >= 358 * 3)!;
    expect(chosen.width).toBe(1200);
    expect(fs.statSync(fileOf(chosen.url)).size).toBeLessThanOrEqual(60 * 1024);
  });

  it('og:image and twitter:image are its own 1200×630 crop, with type, size and alt', async () => {
    const page = pageAt(LEAD_ARTICLE);
    const meta = (key: string) => attr(elements(page.doc, 'meta', (el) => attr(el, 'property') === key || attr(el, 'name') === key)[0]!, 'content');
    const og = meta('og:image')!;
    expect(og).toMatch(new RegExp(`^${siteUrl}/images/world-cup-pitch-1200x630-[0-9a-f]{10}\\.jpg$`));
    expect(await sizeOf(og)).toEqual({ width: 1200, height: 630, format: 'jpeg' });
    expect([meta('og:image:width'), meta('og:image:height'), meta('og:image:type'), meta('og:image:alt')]).toEqual(['1200', '630', 'image/jpeg', ALT]);
    expect(meta('twitter:image')).toBe(og);
    expect(meta('robots')).toBe('max-image-preview:large');
  });

  it('JSON-LD image is the 16:9, 4:3 and 1:1 crops at 1,200 px wide, files in dist/ of the sizes it says', async () => {
    const page = pageAt(LEAD_ARTICLE);
    const ld = elements(page.doc, 'script', (el) => attr(el, 'type') === 'application/ld+json').map((s) => JSON.parse(text(s)) as { '@type': string; image?: { url: string; width: string; height: string }[] });
    const images = ld.find((d) => d['@type'] === 'NewsArticle')!.image!;
    expect(images.map((i) => `${i.width}x${i.height}`)).toEqual(['1200x675', '1200x900', '1200x1200']);
    for (const i of images) expect(await sizeOf(i.url)).toEqual({ width: Number(i.width), height: Number(i.height), format: 'jpeg' });
  });
});

describe('cards and the front page', () => {
  it('the home page shows the lead story with its 16:9 picture, eager and high priority', async () => {
    const home = pageAt('/');
    const lead = elements(home.doc, 'div', (el) => attr(el, 'class') === 'front-lead')[0]!;
    const img = elements(lead, 'img')[0]!;
    expect(attr(img, 'alt')).toBe(ALT);
    expect([attr(img, 'loading'), attr(img, 'fetchpriority')]).toEqual(['eager', 'high']);
    expect(Number(attr(img, 'width')) / Number(attr(img, 'height'))).toBeCloseTo(16 / 9, 2);
    for (const c of candidates(attr(img, 'srcset')!)) expect(await sizeOf(c.url)).toMatchObject({ width: c.width, height: Math.round((c.width * 9) / 16) });
  });

  it("listing cards use the 16:9 crop; the first card's picture (the LCP element) is eager, at most one per page", () => {
    const first = elements(pageAt('/topics/fifa-world-cup/').doc, 'img')[0]!;
    expect([attr(first, 'loading'), attr(first, 'fetchpriority')]).toEqual(['eager', 'high']);
    expect(attr(first, 'src')).toMatch(/world-cup-pitch-800x450-/);
    // Every listing page: at most one eager picture, and only in one of its first two cards.
    for (const file of listFiles(distDir).filter((f) => f.endsWith('index.html'))) {
      const doc = pageAt(`/${file.slice(0, -'index.html'.length)}`).doc;
      const cards = elements(doc, 'article', (el) => (attr(el, 'class') ?? '').split(' ').includes('card'));
      const eager = cards.flatMap((c, i) => elements(c, 'img').filter((img) => attr(img, 'loading') === 'eager').map(() => i));
      expect(eager.length, file).toBeLessThanOrEqual(1);
      if (eager.length) expect(eager[0], file).toBeLessThan(2);
    }
  });

  it('every <img> on every page has width and height, and every picture file it names exists', () => {
    const pages = listFiles(distDir).filter((f) => f.endsWith('.html'));
    let count = 0;
    for (const file of pages) {
      for (const tag of readDist(file).match(/<img\b[^>]*>/g) ?? []) {
        count++;
        expect(tag, file).toMatch(/\swidth="\d+"/);
        expect(tag, file).toMatch(/\sheight="\d+"/);
      }
    }
    expect(count).toBeGreaterThan(3);
  });
});

describe('body pictures', () => {
  it('a body image alone in its paragraph becomes a lazy figure with its Markdown title as caption, all variants in dist/', async () => {
    const page = pageAt(BODY_ARTICLE);
    const figure = elements(page.doc, 'figure', (el) => (attr(el, 'class') ?? '').includes('body-picture'))[0]!;
    const img = elements(figure, 'img')[0]!;
    expect(attr(img, 'alt')).toBe('Bar chart of four columns, tallest first, in blue, red, grey and orange');
    expect([attr(img, 'width'), attr(img, 'height'), attr(img, 'loading')]).toEqual(['960', '540', 'lazy']);
    expect(text(elements(figure, 'figcaption')[0]!)).toBe('Test chart of the fixture site: four columns of made-up values');
    expect(figure.parent && (figure.parent as Element).name).not.toBe('p');
    for (const c of candidates(attr(img, 'srcset')!)) expect((await sizeOf(c.url)).width).toBe(c.width);
    expect(candidates(attr(img, 'srcset')!).map((c) => c.width)).toEqual([400, 800, 960]);
  });
});

describe('pictures in the feeds', () => {
  const item = (xml: string, link: string) => xml.split(/<item>|<entry>/).find((chunk) => chunk.includes(link))!;

  it('RSS: enclosure and media:content with the exact byte length, type, size, alt and credit; feedparser reads them (bozo 0)', async () => {
    const parsed = feedparser(path.join(distDir, 'rss.xml'));
    expect(parsed.bozo).toBe(0);
    const entry = parsed.entries.find((e) => e.link === `${siteUrl}${LEAD_ARTICLE}`) as unknown as { enclosures: { href: string; length: string; type: string }[]; media_content: Record<string, string>[]; media_credit: Record<string, string>[] };
    expect(entry.enclosures).toHaveLength(1);
    const enclosure = entry.enclosures[0]!;
    expect(Number(enclosure.length)).toBe(fs.statSync(fileOf(enclosure.href)).size);
    expect(enclosure.type).toBe('image/jpeg');
    expect(await sizeOf(enclosure.href)).toEqual({ width: 1200, height: 800, format: 'jpeg' });
    expect(entry.media_content).toEqual([{ url: enclosure.href, type: 'image/jpeg', medium: 'image', filesize: enclosure.length, width: '1200', height: '800' }]);
    expect(entry.media_credit).toEqual([{ role: 'photographer', content: 'Dateline test fixture' }]);
    const raw = item(readDist('rss.xml'), LEAD_ARTICLE);
    expect(raw).toContain(`<media:description type="plain">${ALT}</media:description>`);
  });

  it('Atom: link rel="enclosure" with the exact byte length; feedparser reads it', () => {
    const parsed = feedparser(path.join(distDir, 'atom.xml'));
    expect(parsed.bozo).toBe(0);
    const entry = parsed.entries.find((e) => e.link === `${siteUrl}${LEAD_ARTICLE}`) as unknown as { enclosures: { href: string; length: string; type: string }[] };
    expect(entry.enclosures.map((e) => [e.type, Number(e.length) === fs.statSync(fileOf(e.href)).size])).toEqual([['image/jpeg', true]]);
  });

  it('JSON Feed: image is the picture; @extractus/feed-extractor reads the media of RSS, Atom and JSON Feed', () => {
    const json = JSON.parse(readDist('feed.json')) as { items: { url: string; image?: string; content_html: string }[] };
    const jsonItem = json.items.find((i) => i.url === `${siteUrl}${LEAD_ARTICLE}`)!;
    expect(fs.existsSync(fileOf(jsonItem.image!))).toBe(true);
    const extra = { getExtraEntryFields: (e: Record<string, unknown>) => ({ enclosure: e['enclosure'], links: e['link'], image: e['image'] }) };
    const rssEntry = extractFromXml(readDist('rss.xml'), extra).entries!.find((e) => e.link === `${siteUrl}${LEAD_ARTICLE}`) as unknown as { enclosure: Record<string, string> };
    expect(rssEntry.enclosure).toMatchObject({ '@_url': jsonItem.image, '@_length': String(fs.statSync(fileOf(jsonItem.image!)).size), '@_type': 'image/jpeg' });
    const jsonEntry = extractFromJson(json, extra).entries!.find((e) => e.link === `${siteUrl}${LEAD_ARTICLE}`) as unknown as { image: string };
    expect(jsonEntry.image).toBe(jsonItem.image);
    const atomEntry = extractFromXml(readDist('atom.xml'), extra).entries!.find((e) => e.link === `${siteUrl}${LEAD_ARTICLE}`) as unknown as { links: Record<string, string>[] };
    expect(atomEntry.links.find((l) => l['@_rel'] === 'enclosure')).toMatchObject({ '@_href': jsonItem.image, '@_length': String(fs.statSync(fileOf(jsonItem.image!)).size) });
  });

  it('full content carries the lead figure and body pictures with absolute URLs only, every one a file in dist/', () => {
    const json = JSON.parse(readDist('feed.json')) as { items: { url: string; content_html: string }[] };
    for (const link of [LEAD_ARTICLE, BODY_ARTICLE]) {
      const html = json.items.find((i) => i.url === `${siteUrl}${link}`)!.content_html;
      const urls = [...html.matchAll(/\s(?:src|srcset)="([^"]+)"/g)].flatMap((m) => m[1]!.split(',').map((c) => c.trim().split(/\s+/)[0]!));
      expect(urls.length).toBeGreaterThan(3);
      for (const url of urls) {
        expect(url.startsWith(`${siteUrl}/images/`), url).toBe(true);
        expect(fs.existsSync(fileOf(url)), url).toBe(true);
      }
    }
    expect(json.items.find((i) => i.url === `${siteUrl}${LEAD_ARTICLE}`)!.content_html).toContain('<figcaption>Test picture of the fixture site');
  });

  describe('newsboat', () => {
    let dir: string;
    afterAll(() => dir && fs.rmSync(dir, { recursive: true, force: true }));
    // newsboat 2.21 keeps only audio and video enclosures (podcasts) in its cache; a picture
    // reaches its reader through the item's content, where it shows the alt text and the URL.
    it('stores the item with the lead picture and caption in its content, the picture URL absolute and in dist/', async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-newsboat-media-'));
      const run = await reloadWithNewsboat('rss.xml', dir);
      const row = run.db.prepare('SELECT content FROM rss_item WHERE url = ?').get(`${siteUrl}${LEAD_ARTICLE}`) as { content: string };
      run.db.close();
      const img = /<img\b[^>]*\bsrc="([^"]+)"[^>]*>/.exec(row.content);
      expect(img, 'an <img> in the stored content').not.toBeNull();
      expect(img![0]).toContain(`alt="${ALT}"`);
      expect(fs.existsSync(fileOf(img![1]!))).toBe(true);
      expect(img![1]!.startsWith(`${siteUrl}/images/`)).toBe(true);
      expect(row.content).toContain('Test picture of the fixture site');
    });
  });
});

describe('only the pictures of published articles reach the output', () => {
  it("the draft's picture is not in dist/ in any form, and every file in /images/ is named by a page or feed", () => {
    const images = listFiles(path.join(distDir, 'images'));
    expect(images.some((f) => f.startsWith('harbour-plan'))).toBe(false);
    const everything = listFiles(distDir).filter((f) => /\.(html|xml|json)$/.test(f)).map(readDist).join('\n');
    expect(everything).not.toContain('DRAFTWORDZEBRA');
    expect(everything).not.toContain('harbour-plan');
    for (const f of images) expect(everything.includes(`/images/${f}`), `${f} is shipped but nothing uses it`).toBe(true);
  });

  it('the sitemap XML parser sees image:image only on article URLs', () => {
    const xml = new XMLParser({ isArray: (n) => n === 'url' || n === 'image:image' }).parse(readDist('sitemap-0.xml')) as { urlset: { url: { loc: string; 'image:image'?: unknown[] }[] } };
    expect(xml.urlset.url.filter((u) => u['image:image']).every((u) => u.loc.includes('/articles/'))).toBe(true);
  });
});
