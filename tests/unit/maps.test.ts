/**
 * Locator maps (issue 11): deterministic, well-formed, small SVG with real text labels in
 * the article's language, a PNG card that renders its text, and map files cached by input.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import sharp from 'sharp';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { drawLocatorMap, type MapLocation } from '../../src/lib/maps/draw.ts';
import { rasteriseMap } from '../../src/lib/maps/raster.ts';
import { MapFiles, mapDigest } from '../../src/lib/maps/map-files.ts';

const SEED: MapLocation = {
  name: 'Disputed islands', lat: 44.2, lon: 147.2, bbox: [140.2, 41.3, 150.6, 46.6],
  places: [
    { name: 'Etorofu', lat: 45.05, lon: 147.85 }, { name: 'Kunashiri', lat: 44.05, lon: 145.85 },
    { name: 'Shikotan', lat: 43.8, lon: 146.72 }, { name: 'Habomai islets', lat: 43.52, lon: 146.1 },
  ],
};
const MIYAGI: MapLocation = { name: '宮城県沖', lat: 38.2, lon: 141.92, zoom: 6 };
const ITALY: MapLocation = { name: 'Italy', country: 'IT', places: [{ name: 'Livorno', lat: 43.55, lon: 10.31 }] };

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });
/** Every `<text>` content of an SVG. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
}

describe('drawLocatorMap', () => {
  it('draws the same bytes for the same input', () => {
    expect(drawLocatorMap(SEED).svg).toBe(drawLocatorMap({ ...SEED, places: SEED.places!.map((p) => ({ ...p })) }).svg);
  });

  it('writes a well-formed SVG with a title, its size and a dark-scheme style', () => {
    const map = drawLocatorMap(SEED);
    expect(XMLValidator.validate(map.svg)).toBe(true);
    const doc = parser.parse(map.svg).svg;
    expect(doc.viewBox).toBe('0 0 400 250');
    expect([map.width, map.height]).toEqual([400, 250]);
    expect(doc.title['#text']).toBe('Disputed islands');
    expect(map.svg).toContain('@media (prefers-color-scheme:dark)');
    expect(map.svg).not.toMatch(/<(script|image|foreignObject)\b|href=/);
  });

  it('names the seed islands, Japan and Russia in real text, and describes them in the alt text', () => {
    const map = drawLocatorMap(SEED);
    expect(texts(map.svg)).toEqual(expect.arrayContaining(['Disputed islands', 'Etorofu', 'Kunashiri', 'Shikotan', 'Habomai islets', 'JAPAN', 'RUSSIA']));
    expect(map.alt).toBe('Locator map: Disputed islands (Etorofu, Kunashiri, Shikotan, Habomai islets)');
    // The islands themselves are drawn: four dots for the places.
    expect(map.svg.match(/<circle class="m q"/g)).toHaveLength(4);
  });

  it('labels a Japanese map in Japanese', () => {
    const map = drawLocatorMap(MIYAGI, { lang: 'ja', altTemplate: '位置図：{place}' });
    expect(map.svg).toContain('lang="ja"');
    expect(texts(map.svg)).toEqual(expect.arrayContaining(['宮城県沖', '日本']));
    expect(texts(map.svg)).not.toContain('JAPAN');
    expect(map.alt).toBe('位置図：宮城県沖');
  });

  it('names the country of a point on land in the title', () => {
    const map = drawLocatorMap({ name: 'Lima', lat: -12.05, lon: -77.04 });
    expect(map.title).toBe('Lima, Peru');
    expect(texts(map.svg)).toContain('PERU');
  });

  it('draws a country map with the country highlighted and named', () => {
    const map = drawLocatorMap(ITALY);
    expect(map.svg).toContain('<path class="h"');
    expect(texts(map.svg)).toEqual(expect.arrayContaining(['Italy', 'Livorno', 'FRANCE']));
    expect(map.marker).toBeUndefined();
  });

  it('stays within the size budget (60 KB), most maps well under 25 KB', () => {
    // The Aegean and Chesapeake Bay are the most coastline the bundled content draws.
    for (const loc of [SEED, MIYAGI, ITALY, { name: 'Australia', country: 'AU' }, { name: 'Greece', country: 'GR' }, { name: 'Washington, D.C.', lat: 38.89, lon: -77.04 }, { name: 'Hong Kong', lat: 22.32, lon: 114.17, zoom: 7 }]) {
      expect(Buffer.byteLength(drawLocatorMap(loc).svg), loc.name).toBeLessThanOrEqual(60_000);
    }
    expect(Buffer.byteLength(drawLocatorMap(SEED).svg)).toBeLessThanOrEqual(25_000);
  });

  it('marks any valid point inside the view box, in a well-formed SVG', { timeout: 180_000 }, () => {
    fc.assert(
      fc.property(
        fc.double({ min: -85, max: 85, noNaN: true }),
        fc.double({ min: -180, max: 180, noNaN: true }),
        fc.integer({ min: 2, max: 5 }),
        (lat, lon, zoom) => {
          const map = drawLocatorMap({ name: 'Here & <there>', lat, lon, zoom });
          expect(XMLValidator.validate(map.svg)).toBe(true);
          expect(map.marker).toBeDefined();
          const { x, y } = map.marker!;
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(map.width);
          expect(y).toBeGreaterThanOrEqual(0);
          expect(y).toBeLessThanOrEqual(map.height);
          expect(map.svg).toContain(`cx="${String(x).replace(/^0\./, '.')}"`);
          expect(texts(map.svg)).toContain('Here &amp; &lt;there&gt;');
        },
      ),
      { numRuns: 12, seed: 11 },
    );
  });

  it('marks any point of a bounding box inside the view box the box is fitted to', { timeout: 180_000 }, () => {
    fc.assert(
      fc.property(
        fc.double({ min: -70, max: 70, noNaN: true }),
        fc.double({ min: -179, max: 179, noNaN: true }),
        fc.double({ min: 0.5, max: 30, noNaN: true }),
        fc.double({ min: 0.5, max: 15, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (lat, lon, lonSpan, latSpan, fx, fy) => {
          const south = Math.max(-85, lat - latSpan / 2), north = Math.min(85, lat + latSpan / 2);
          const wrap = (v: number) => (v > 180 ? v - 360 : v < -180 ? v + 360 : v);
          const west = wrap(lon - lonSpan / 2), east = wrap(lon + lonSpan / 2);
          const point = { lat: south + (north - south) * fy, lon: wrap(lon - lonSpan / 2 + lonSpan * fx) };
          const map = drawLocatorMap({ name: 'P', ...point, bbox: [west, south, east, north] });
          expect(XMLValidator.validate(map.svg)).toBe(true);
          const { x, y } = map.marker!;
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(map.width);
          expect(y).toBeGreaterThanOrEqual(0);
          expect(y).toBeLessThanOrEqual(map.height);
        },
      ),
      { numRuns: 12, seed: 7 },
    );
  });

  it('refuses a location with neither a point nor a known country', () => {
    expect(() => drawLocatorMap({ name: 'Nowhere' })).toThrow(RangeError);
  });
});

describe('rasteriseMap', () => {
  it('renders a 1200×630 PNG with its text, the same bytes twice', { timeout: 60_000 }, async () => {
    const card = drawLocatorMap(SEED, { width: 1200, height: 630, scale: 2.1 });
    const [a, b] = [await rasteriseMap(card.svg), await rasteriseMap(card.svg)];
    expect(a.equals(b)).toBe(true);
    const meta = await sharp(a).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 1200, 630]);
    // Text renders (a font was found): the same map without its labels differs in pixels.
    const bare = await rasteriseMap(card.svg.replace(/<text[^>]*>[^<]*<\/text>/g, ''));
    const [pa, pb] = await Promise.all([sharp(a).raw().toBuffer(), sharp(bare).raw().toBuffer()]);
    let differing = 0;
    for (let i = 0; i < pa.length; i++) if (pa[i] !== pb[i]) differing++;
    expect(differing).toBeGreaterThan(2000);
  });
});

describe('MapFiles', () => {
  it('draws a map once and reuses it from the cache with identical bytes; a corrupted cache file is drawn again', { timeout: 60_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-maps-'));
    try {
      const first = new MapFiles(dir);
      const map = await first.map(MIYAGI, 'ja', '位置図：{place}');
      await first.map({ ...MIYAGI }, 'ja', '位置図：{place}');
      expect(first.stats).toEqual({ drawn: 1, reused: 0 });
      const files = first.derivedFiles();
      expect(files.map((f) => [f.outputPath, f.type])).toEqual([
        [`/maps/${mapDigest(MIYAGI, 'ja', '位置図：{place}')}-og.png`, 'image/png'],
        [`/maps/${mapDigest(MIYAGI, 'ja', '位置図：{place}')}.svg`, 'image/svg+xml'],
      ]);
      for (const f of files) expect(fs.statSync(f.cacheFile).size).toBe(f.bytes);
      expect(map.svg.path).toBe(files[1]!.outputPath);
      expect(map.alt).toBe('位置図：宮城県沖');
      const bytes = files.map((f) => fs.readFileSync(f.cacheFile));

      const second = new MapFiles(dir);
      expect(await second.map(MIYAGI, 'ja', '位置図：{place}')).toEqual(map);
      expect(second.stats).toEqual({ drawn: 0, reused: 1 });
      second.derivedFiles().forEach((f, i) => expect(fs.readFileSync(f.cacheFile).equals(bytes[i]!)).toBe(true));

      fs.writeFileSync(files[1]!.cacheFile, '<svg/>');
      const third = new MapFiles(dir);
      await third.map(MIYAGI, 'ja', '位置図：{place}');
      expect(third.stats).toEqual({ drawn: 1, reused: 0 });
      expect(fs.readFileSync(files[1]!.cacheFile).equals(bytes[1]!)).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keys maps by every input: another language or place gives another file', () => {
    const base = mapDigest(MIYAGI, 'ja', 't');
    expect(mapDigest({ ...MIYAGI }, 'ja', 't')).toBe(base);
    expect(mapDigest(MIYAGI, 'en', 't')).not.toBe(base);
    expect(mapDigest({ ...MIYAGI, zoom: 7 }, 'ja', 't')).not.toBe(base);
    expect(mapDigest(MIYAGI, 'ja', 'u')).not.toBe(base);
  });
});
