/**
 * Picture maths and variants (src/lib/pictures/): crops keep the focal point inside and the
 * aspect exact to the pixel; variants are deterministic and come from the cache on a second
 * build; a damaged cached copy is made again; the markup and the body pictures.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cropAround, responsiveWidths } from '../../src/lib/pictures/crop.ts';
import { cardSpecs, fixedSpec, FIXED_CROPS, fullSpecs, stemOf, VariantCache, variantKey } from '../../src/lib/pictures/variants.ts';
import { inspectSource, type SourceInfo } from '../../src/lib/pictures/sources.ts';
import { eagerCardIndex, figureHtml } from '../../src/lib/pictures/markup.ts';
import { withBodyPictures } from '../../src/lib/pictures/body-pictures.ts';
import type { ResponsiveSet } from '../../src/lib/pictures/model.ts';

describe('cropAround', () => {
  const size = fc.integer({ min: 1, max: 8000 });
  const fraction = fc.double({ min: 0, max: 1, noNaN: true });
  const aspect = fc.constantFrom(16 / 9, 4 / 3, 1, 1200 / 630, 3 / 4, 9 / 16);

  it('lies inside the image, has the aspect to within a pixel of rounding, spans a full side and holds the focus', () => {
    fc.assert(
      fc.property(size, size, aspect, fraction, fraction, (w, h, a, x, y) => {
        const c = cropAround(w, h, a, { x, y });
        expect(Number.isInteger(c.left) && Number.isInteger(c.top) && Number.isInteger(c.width) && Number.isInteger(c.height)).toBe(true);
        expect(c.left).toBeGreaterThanOrEqual(0);
        expect(c.top).toBeGreaterThanOrEqual(0);
        expect(c.left + c.width).toBeLessThanOrEqual(w);
        expect(c.top + c.height).toBeLessThanOrEqual(h);
        expect(c.width === w || c.height === h).toBe(true);
        // Exact aspect up to rounding one side to whole pixels (or a 1-px minimum).
        if (c.width === w) expect(Math.abs(c.height - w / a)).toBeLessThanOrEqual(c.height === 1 || c.height === h ? Math.max(1, w / a) : 0.5 + 1e-9);
        else expect(Math.abs(c.width - h * a)).toBeLessThanOrEqual(c.width === 1 ? Math.max(1, h * a) : 0.5 + 1e-9);
        const fx = x * w;
        const fy = y * h;
        expect(fx).toBeGreaterThanOrEqual(c.left - 0.5);
        expect(fx).toBeLessThanOrEqual(c.left + c.width + 0.5);
        expect(fy).toBeGreaterThanOrEqual(c.top - 0.5);
        expect(fy).toBeLessThanOrEqual(c.top + c.height + 0.5);
      }),
      { numRuns: 2000 },
    );
  });

  it('centres on the focus when the edges allow, and clamps at the edge otherwise', () => {
    expect(cropAround(2000, 1000, 1, { x: 0.5, y: 0.5 })).toEqual({ left: 500, top: 0, width: 1000, height: 1000 });
    expect(cropAround(2000, 1000, 1, { x: 0.05, y: 0.5 })).toEqual({ left: 0, top: 0, width: 1000, height: 1000 });
    expect(cropAround(2000, 1000, 1, { x: 0.9, y: 0.5 })).toEqual({ left: 1000, top: 0, width: 1000, height: 1000 });
    expect(cropAround(2000, 1333, 1200 / 630, { x: 0.32, y: 0.6 })).toEqual({ left: 0, top: 275, width: 2000, height: 1050 });
  });

  it('refuses a focus outside the picture', () => {
    expect(() => cropAround(100, 100, 1, { x: 1.2, y: 0 })).toThrow(RangeError);
  });
});

describe('responsiveWidths', () => {
  it('caps the wanted widths at the source and offers the source width itself, never enlarging', () => {
    expect(responsiveWidths(2000, [400, 800, 1200, 1600])).toEqual([400, 800, 1200, 1600]);
    expect(responsiveWidths(960, [400, 800, 1200, 1600])).toEqual([400, 800, 960]);
    expect(responsiveWidths(300, [400, 800])).toEqual([300]);
  });
});

describe('variants', () => {
  let dir: string;
  let source: SourceInfo;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-variants-'));
    const file = path.join(dir, 'Harbour at Dusk.JPG');
    await sharp({ create: { width: 1600, height: 1000, channels: 3, background: '#204080' } })
      .composite([{ input: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"><circle cx="200" cy="150" r="120" fill="#f2c500"/></svg>'), left: 100, top: 600 }])
      .jpeg()
      .toFile(file);
    const inspected = await inspectSource(file, 'lead', './x.jpg');
    if (!inspected.ok) throw new Error(inspected.message);
    source = inspected.info;
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const all = () => [...fullSpecs(source, stemOf(source.file)), ...cardSpecs(source, { x: 0.2, y: 0.75 }, 'harbour'), ...Object.values(FIXED_CROPS).map((s) => fixedSpec(source, s, { x: 0.2, y: 0.75 }, 'harbour'))];

  it('plans 400–1,600 px in three formats, 16:9 cards and the four fixed crops', () => {
    const specs = all();
    expect(fullSpecs(source, 'h').map((s) => `${s.format}@${s.width}x${s.height}`)).toEqual(['avif@400x250', 'avif@800x500', 'avif@1200x750', 'avif@1600x1000', 'webp@400x250', 'webp@800x500', 'webp@1200x750', 'webp@1600x1000', 'jpeg@400x250', 'jpeg@800x500', 'jpeg@1200x750', 'jpeg@1600x1000']);
    expect(specs.filter((s) => s.format === 'jpeg').slice(-4).map((s) => `${s.width}x${s.height}`)).toEqual(['1200x630', '1200x675', '1200x900', '1200x1200']);
    expect(stemOf(source.file)).toBe('harbour-at-dusk');
  });

  it('are deterministic: a second cache in another folder makes byte-identical files; a warm cache encodes nothing', async () => {
    const first = new VariantCache(path.join(dir, 'a'));
    const second = new VariantCache(path.join(dir, 'b'));
    const specs = all().filter((s) => s.width <= 800 || s.format === 'jpeg');
    const a = await Promise.all(specs.map((s) => first.make(s)));
    const b = await Promise.all(specs.map((s) => second.make(s)));
    // The 1,200 px 16:9 card JPEG is the JSON-LD 16:9 crop: one key, one file.
    const unique = new Set(specs.map(variantKey)).size;
    expect(unique).toBe(specs.length - 1);
    expect(first.stats.encoded).toBe(unique);
    for (const [i, made] of a.entries()) {
      expect(made.derived.outputPath).toBe(b[i]!.derived.outputPath);
      expect(fs.readFileSync(made.derived.cacheFile).equals(fs.readFileSync(b[i]!.derived.cacheFile)), made.derived.outputPath).toBe(true);
      expect(made.image.bytes).toBe(fs.statSync(made.derived.cacheFile).size);
      const meta = await sharp(made.derived.cacheFile).metadata();
      expect([meta.width, meta.height]).toEqual([made.image.width, made.image.height]);
    }
    const warm = new VariantCache(path.join(dir, 'a'));
    await Promise.all(specs.map((s) => warm.make(s)));
    expect(warm.stats).toEqual({ encoded: 0, reused: unique });
  });

  it('a truncated cached copy is made again, never served', async () => {
    const spec = fullSpecs(source, 'h')[0]!;
    const made = await new VariantCache(path.join(dir, 'c')).make(spec);
    fs.truncateSync(made.derived.cacheFile, 10);
    const again = new VariantCache(path.join(dir, 'c'));
    const remade = await again.make(spec);
    expect(again.stats.encoded).toBe(1);
    expect(fs.statSync(remade.derived.cacheFile).size).toBe(made.image.bytes);
  });

  it('a key changes with the source, the crop, the size and the format', () => {
    const base = fullSpecs(source, 'h')[0]!;
    const keys = new Set([
      variantKey(base),
      variantKey({ ...base, source: { ...source, sha256: '0'.repeat(64) } }),
      variantKey({ ...base, crop: { ...base.crop, left: 1 } }),
      variantKey({ ...base, width: 401 }),
      variantKey({ ...base, format: 'webp' }),
    ]);
    expect(keys.size).toBe(5);
  });
});

describe('markup', () => {
  const file = (format: string, width: number, height: number) => ({ path: `/images/p-${width}x${height}-0123456789.${format === 'jpeg' ? 'jpg' : format}`, width, height, bytes: 1, type: `image/${format}` });
  const set: ResponsiveSet = { width: 960, height: 540, avif: [file('avif', 400, 225), file('avif', 960, 540)], webp: [file('webp', 400, 225), file('webp', 960, 540)], jpeg: [file('jpeg', 400, 225), file('jpeg', 960, 540)] };

  it('escapes alt, caption and credit, and sets width and height', () => {
    const html = figureHtml(set, { alt: 'A "quoted" <chart>', sizes: '100vw', priority: 'lazy', caption: 'Votes & seats', credit: '<Agency>' });
    expect(html).toContain('alt="A &quot;quoted&quot; &lt;chart&gt;"');
    expect(html).toContain('<figcaption>Votes &amp; seats <span class="picture-credit">&lt;Agency&gt;</span></figcaption>');
    expect(html).toContain('width="960" height="540"');
    expect(html).toContain('loading="lazy"');
    expect(html).not.toContain('fetchpriority');
    expect(html).not.toContain('style=');
  });

  it('body pictures: alone in a paragraph a figure (title as caption), inside text a picture in place; other images untouched', () => {
    const html = '<p><img src="./chart.png" alt="Chart" title="Votes"></p>\n<p>See <img src="./chart.png" alt="Chart"> and <img src="https://e.org/x.png" alt="X"></p>';
    const out = withBodyPictures(html, { './chart.png': { full: set } });
    expect(out).toMatch(/^<figure class="picture body-picture"><picture>.*<\/picture><figcaption>Votes<\/figcaption><\/figure>/);
    expect(out).toContain('<p>See <picture>');
    expect(out).toContain('<img src="https://e.org/x.png" alt="X">');
    expect(out).not.toContain('./chart.png');
    expect(withBodyPictures(html, undefined)).toBe(html);
  });
});

describe('eagerCardIndex', () => {
  it('is the first of the first two cards with a picture, else -1', () => {
    const a = { image: {} };
    expect(eagerCardIndex([a, a])).toBe(0);
    expect(eagerCardIndex([{}, a])).toBe(1);
    expect(eagerCardIndex([{}, {}, a])).toBe(-1);
    expect(eagerCardIndex([])).toBe(-1);
  });
});
