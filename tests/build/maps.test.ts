/**
 * Locator maps in the built fixture site (issue 11): each article with a location (its own
 * or its primary topic's) leads with its map, the map files exist with the sizes the page
 * states, og:image is the map's 1200×630 PNG, only listed map files ship, and an
 * embargoed article's map is nowhere.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { XMLValidator } from 'fast-xml-parser';
import { attr, distDir, elements, listFiles, pageAt, requireDist, siteUrl, type Page } from './dist.ts';

const SEED = '/articles/abe-putin-hold-intensive-talks-on-disputed-islands/';
const JAPANESE = '/articles/ja-miyagi-offshore-earthquake-m7-4-2011-04-07/';
const FUKUOKA = '/articles/ja-fukuoka-west-offshore-earthquake-one-year-on/';
const TOPIC_PLACE = '/articles/new-zealand-begins-process-to-consider-changing-national-flag-design/';

function meta(page: Page, key: string): string | undefined {
  const el = elements(page.doc, 'meta').find((m) => attr(m, 'property') === key || attr(m, 'name') === key);
  return el && attr(el, 'content');
}

function leadMap(page: Page) {
  const figure = elements(page.doc, 'figure').find((f) => (attr(f, 'class') ?? '').split(' ').includes('lead-map'));
  expect(figure, `${page.file} has a lead map`).toBeDefined();
  const img = elements(figure!, 'img')[0]!;
  const caption = elements(figure!, 'figcaption')[0]!;
  return { figure: figure!, img, caption };
}

describe('locator maps in the built site', () => {
  it('leads the seed article with its map: an eager, high-priority SVG with size and alt, captioned with the place', () => {
    requireDist();
    const { img, caption } = leadMap(pageAt(SEED));
    const src = attr(img, 'src')!;
    expect(src).toMatch(/^\/maps\/[A-Za-z0-9]{16}\.svg$/);
    expect([attr(img, 'width'), attr(img, 'height'), attr(img, 'loading'), attr(img, 'fetchpriority')]).toEqual(['400', '250', 'eager', 'high']);
    expect(attr(img, 'alt')).toBe('Locator map: Disputed islands (Etorofu, Kunashiri, Shikotan, Habomai islets)');
    expect(caption.children.map((c) => ('data' in c ? c.data : '')).join('')).toBe('Disputed islands');
    const svg = fs.readFileSync(path.join(distDir, src), 'utf8');
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('viewBox="0 0 400 250"');
    for (const label of ['Etorofu', 'Kunashiri', 'Shikotan', 'Habomai islets', 'JAPAN', 'RUSSIA']) expect(svg).toContain(`>${label}</text>`);
    expect(Buffer.byteLength(svg)).toBeLessThanOrEqual(60_000);
  });

  it("makes the map's PNG the article's og:image and twitter:image, 1200×630 as the tags say", async () => {
    const page = pageAt(SEED);
    const og = meta(page, 'og:image')!;
    expect(og).toMatch(new RegExp(`^${siteUrl.replace(/\./g, '\\.')}/maps/[A-Za-z0-9]{16}-og\\.png$`));
    expect(meta(page, 'twitter:image')).toBe(og);
    expect([meta(page, 'og:image:width'), meta(page, 'og:image:height'), meta(page, 'og:image:type')]).toEqual(['1200', '630', 'image/png']);
    expect(meta(page, 'og:image:alt')).toBe(attr(leadMap(page).img, 'alt'));
    const png = await sharp(path.join(distDir, new URL(og).pathname)).metadata();
    expect([png.format, png.width, png.height]).toEqual(['png', 1200, 630]);
    // The SVG and its card come from one digest.
    expect(new URL(og).pathname.replace('-og.png', '.svg')).toBe(attr(leadMap(page).img, 'src'));
  });

  it('labels a Japanese article’s map in Japanese', () => {
    const { figure, img, caption } = leadMap(pageAt(JAPANESE));
    expect(attr(figure, 'lang')).toBe('ja');
    expect(attr(img, 'alt')).toBe('位置図：宮城県沖');
    expect(caption.children.map((c) => ('data' in c ? c.data : '')).join('')).toBe('宮城県沖');
    const svg = fs.readFileSync(path.join(distDir, attr(img, 'src')!), 'utf8');
    expect(svg).toContain('lang="ja"');
    expect(svg).toContain('>日本</text>');
  });

  it("gives an article without a location its primary topic's map", () => {
    const { img } = leadMap(pageAt(TOPIC_PLACE));
    expect(fs.readFileSync(path.join(distDir, attr(img, 'src')!), 'utf8')).toContain('>New Zealand</text>');
  });

  it('keeps the publication card on an article without a location', () => {
    const page = pageAt('/articles/the-onion-an-interview-with-americas-finest-news-source/');
    expect(elements(page.doc, 'figure').some((f) => (attr(f, 'class') ?? '').includes('lead-map'))).toBe(false);
    expect(meta(page, 'og:image')).not.toContain('/maps/');
  });

  it('ships exactly the map files pages use, and no map of an unpublished article', () => {
    const shipped = listFiles(path.join(distDir, 'maps')).map((f) => `/maps/${f}`);
    const used = new Set<string>();
    for (const url of [SEED, JAPANESE, FUKUOKA, TOPIC_PLACE]) {
      const page = pageAt(url);
      used.add(attr(leadMap(page).img, 'src')!);
      used.add(new URL(meta(page, 'og:image')!).pathname);
    }
    expect(shipped.sort()).toEqual([...used].sort());
    for (const f of shipped) expect(fs.readFileSync(path.join(distDir, f)).includes('EMBARGOPLACEQUAGGA')).toBe(false);
  });

  it('shows the map as a small decorative thumbnail on listing cards', () => {
    const page = pageAt('/topics/new-zealand/');
    const thumb = elements(page.doc, 'img').find((i) => attr(i, 'class') === 'card-map');
    expect(thumb && [attr(thumb, 'alt'), attr(thumb, 'loading')]).toEqual(['', 'lazy']);
    expect(attr(thumb!, 'src')).toBe(attr(leadMap(pageAt(TOPIC_PLACE)).img, 'src'));
  });
});
