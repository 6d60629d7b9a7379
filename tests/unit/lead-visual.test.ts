import { describe, expect, it } from 'vitest';
import { leadVisual, mapFilesInUse, secondaryMap, socialImageOf, structuredImagesOf } from '../../src/lib/pages/lead-visual.ts';
import type { Article } from '../../src/lib/content/article-model.ts';

const file = (path: string, width: number, height: number, type = 'image/jpeg') => ({ path, width, height, bytes: 1000, type });
const picture = {
  alt: 'A pitch', full: { avif: [], webp: [], jpeg: [] }, card: { avif: [], webp: [], jpeg: [] },
  og: file('/images/pitch-1200x630-0123456789.jpg', 1200, 630),
  structured: [file('/images/a.jpg', 1200, 675), file('/images/b.jpg', 1200, 900), file('/images/c.jpg', 1200, 1200)],
} as unknown as NonNullable<Article['image']>;
const map = {
  svg: file('/maps/abc.svg', 400, 250, 'image/svg+xml'), og: file('/maps/abc-og.png', 1200, 630, 'image/png'),
  alt: 'Locator map: Russia', caption: 'Russia', lang: 'en',
} as unknown as NonNullable<Article['map']>;

describe('the lead visual rule (photo ?? map)', () => {
  it('a photo leads when there is one; the map then goes beside the dateline', () => {
    expect(leadVisual({ image: picture, map })).toEqual({ kind: 'photo', picture });
    expect(secondaryMap({ image: picture, map })).toBe(map);
    expect(socialImageOf({ image: picture, map }, 'https://news.example')).toEqual({ url: 'https://news.example/images/pitch-1200x630-0123456789.jpg', width: 1200, height: 630, alt: 'A pitch', type: 'image/jpeg' });
    expect(structuredImagesOf({ image: picture, map }).map((i) => i.width / i.height)).toEqual([1200 / 675, 1200 / 900, 1]);
    // The map's social PNG is not published when the photo is the social image.
    expect(mapFilesInUse({ image: picture, map })).toEqual(['/maps/abc.svg']);
  });
  it('without a photo the map leads and is the social image', () => {
    expect(leadVisual({ map })).toEqual({ kind: 'map', map });
    expect(secondaryMap({ map })).toBeNull();
    expect(socialImageOf({ map }, 'https://news.example')).toEqual({ url: 'https://news.example/maps/abc-og.png', width: 1200, height: 630, alt: 'Locator map: Russia', type: 'image/png' });
    expect(structuredImagesOf({ map })).toEqual([map.og]);
    expect(mapFilesInUse({ map })).toEqual(['/maps/abc.svg', '/maps/abc-og.png']);
    expect(mapFilesInUse({ image: picture })).toEqual([]);
  });
  it('with neither, nothing leads and the publication card stands in', () => {
    expect(leadVisual({})).toBeNull();
    expect(socialImageOf({}, 'https://news.example')).toBeUndefined();
    expect(structuredImagesOf({})).toEqual([]);
  });
});
